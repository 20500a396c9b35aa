import type { TFunction } from "i18next";
import { type Language, SEAT_ROLES, type SeatRole } from "../../db/schema";
import { formatDay } from "../i18n/format";
import { type ConstituencyNames, constituencyIn } from "./governance";
import { labelWith, labelWithValues } from "./many-labels";

/** The words of a body's roster and history. */
export interface RosterLabels {
  day: (isoDay: string) => string;
  role: Record<SeatRole, string>;
  vacant: string;
  end: string;
  move: string;
  fill: string;
  openSeat: (who: string) => string;
  endLabel: (who: string) => string;
  moveLabel: (who: string) => string;
  fillLabel: (role: string) => string;
  endVacancyLabel: (role: string) => string;
  joined: (values: { person: string; role: string }) => string;
  left: (values: { person: string; role: string }) => string;
  vacancyOpened: (role: string) => string;
  vacancyClosed: (role: string) => string;
  onBehalfOf: (organisation: string) => string;
  /** "achterban Welzijn, Noord", or null for a seat without an achterban */
  constituency: (seat: ConstituencyNames) => string | null;
}

/** The roster's words, made once for all its rows (see app/services/many-labels.ts). */
export function rosterLabels(t: TFunction, language: Language): RosterLabels {
  const constituencyPhrase = labelWith((what) => t("governance.constituency.onBehalf", { what }));
  return {
    day: (isoDay: string) => formatDay(isoDay, language),
    role: Object.fromEntries(
      SEAT_ROLES.map((role): [SeatRole, string] => [role, t(`register.roles.${role}`)]),
    ) as Record<SeatRole, string>,
    vacant: t("register.vacant"),
    end: t("bodies.page.end"),
    move: t("bodies.page.move"),
    fill: t("bodies.page.fill"),
    openSeat: labelWith((who) => t("bodies.page.openSeat", { who })),
    endLabel: labelWith((who) => t("bodies.page.endLabel", { who })),
    moveLabel: labelWith((who) => t("bodies.page.moveLabel", { who })),
    fillLabel: labelWith((role) => t("bodies.page.fillLabel", { role })),
    endVacancyLabel: labelWith((role) => t("bodies.page.endVacancyLabel", { role })),
    joined: labelWithValues(["person", "role"], (slots) => t("register.bodies.joined", slots)),
    left: labelWithValues(["person", "role"], (slots) => t("register.bodies.left", slots)),
    vacancyOpened: labelWith((role) => t("register.bodies.vacancyOpened", { role })),
    vacancyClosed: labelWith((role) => t("register.bodies.vacancyClosed", { role })),
    onBehalfOf: labelWith((organisation) => t("register.people.onBehalfOf", { organisation })),
    constituency: (seat) => {
      const what = constituencyIn(seat, language);
      return what === null ? null : constituencyPhrase(what);
    },
  };
}
