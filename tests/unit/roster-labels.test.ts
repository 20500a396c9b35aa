import { describe, expect, it } from "vitest";
import { LANGUAGES, SEAT_ROLES } from "../../db/schema";
import { formatDay } from "../../app/i18n/format";
import { translator } from "../../app/i18n/index";
import { rosterLabels } from "../../app/services/roster-labels";

describe("the roster's words, made once per page", () => {
  for (const language of LANGUAGES) {
    it(`read as the translations themselves (${language})`, () => {
      const t = translator(language);
      const labels = rosterLabels(t, language);
      expect(labels.day("2025-03-01")).toBe(formatDay("2025-03-01", language));
      for (const role of SEAT_ROLES) expect(labels.role[role]).toBe(t(`register.roles.${role}`));
      expect([labels.vacant, labels.end, labels.move, labels.fill]).toEqual([
        t("register.vacant"),
        t("bodies.page.end"),
        t("bodies.page.move"),
        t("bodies.page.fill"),
      ]);
      const who = "Anna de Vries";
      expect(labels.openSeat(who)).toBe(t("bodies.page.openSeat", { who }));
      expect(labels.endLabel(who)).toBe(t("bodies.page.endLabel", { who }));
      expect(labels.moveLabel(who)).toBe(t("bodies.page.moveLabel", { who }));
      expect(labels.fillLabel("lid")).toBe(t("bodies.page.fillLabel", { role: "lid" }));
      expect(labels.endVacancyLabel("lid")).toBe(t("bodies.page.endVacancyLabel", { role: "lid" }));
      const values = { person: who, role: "voorzitter" };
      expect(labels.joined(values)).toBe(t("register.bodies.joined", values));
      expect(labels.left(values)).toBe(t("register.bodies.left", values));
      expect(labels.vacancyOpened("lid")).toBe(t("register.bodies.vacancyOpened", { role: "lid" }));
      expect(labels.vacancyClosed("lid")).toBe(t("register.bodies.vacancyClosed", { role: "lid" }));
      expect(labels.onBehalfOf("Envida")).toBe(t("register.people.onBehalfOf", { organisation: "Envida" }));
    });
  }
});
