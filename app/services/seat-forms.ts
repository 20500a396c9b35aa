import { z } from "zod";
import { SEAT_ROLES } from "../../db/schema";
import {
  checkbox,
  choice,
  FIELD_MESSAGES,
  isoDay,
  messageKey,
  optionalId,
  optionalIsoDay,
  optionalText,
  periodRule,
  positiveInt,
  type SubmittedValues,
} from "./form-data";
import { isIsoDay } from "./periods";
import { type ChosenSoFar, chosenId, idIn } from "./seat-choices";

/**
 * The seat forms: adding a seat on a body's page, and changing one on the seat's page (save, end,
 * undo the end, move, fill a vacancy). One schema each, shared by the browser (react-hook-form) and
 * the actions. Messages are keys, translated on the page.
 */

/** On whose behalf a seat is held: one organisation, or an achterban (a sector and/or a subregion; decision 039). */
export const REPRESENTS = ["organisatie", "achterban"] as const;

const representsFields = {
  // a form from before the choice existed (or a script) speaks for an organisation
  represents: choice(REPRESENTS).default("organisatie"),
  organisation_id: optionalId(),
  constituency_sector_id: optionalId(),
  constituency_subregion_id: optionalId(),
};

interface Represents {
  represents: (typeof REPRESENTS)[number];
  organisation_id: number | null;
  constituency_sector_id: number | null;
  constituency_subregion_id: number | null;
}

/**
 * An achterban needs its sector or its subregion, and leaves the organisation empty; the message goes
 * on the field to correct. Choosing an organisation ignores the achterban fields.
 */
function representsRule(data: Represents, context: z.RefinementCtx) {
  if (data.represents !== "achterban") return;
  if (data.constituency_sector_id === null && data.constituency_subregion_id === null)
    context.addIssue({
      code: "custom",
      path: ["constituency_sector_id"],
      message: messageKey("governance.errors.constituencyEmpty"),
    });
  if (data.organisation_id !== null)
    context.addIssue({
      code: "custom",
      path: ["organisation_id"],
      message: messageKey("governance.errors.organisationAndConstituency"),
    });
}

/** The columns a seat form's "Namens" choice gives: the organisation, or the achterban. */
export function representedBy(data: Represents) {
  const forAchterban = data.represents === "achterban";
  return {
    organisation_id: forAchterban ? null : data.organisation_id,
    constituency_sector_id: forAchterban ? data.constituency_sector_id : null,
    constituency_subregion_id: forAchterban ? data.constituency_subregion_id : null,
  };
}

/** The person select's value for "nobody yet": the seat is added as a vacancy. */
export const VACANCY = "vacature";

export const addSeatSchema = z
  .object({
    intent: z.literal("add"),
    person: z
      .string({ error: messageKey("bodies.errors.choosePerson") })
      .min(1, messageKey("bodies.errors.choosePerson"))
      .refine((value) => value === VACANCY || /^\d+$/.test(value), FIELD_MESSAGES.invalid),
    role: choice(SEAT_ROLES),
    ...representsFields,
    start_date: isoDay(),
  })
  .superRefine(representsRule);

/** The seat an add form asks for: held by the chosen person, or vacant. */
export function seatFromAddForm(data: z.output<typeof addSeatSchema>) {
  const { person, role, start_date } = data;
  return {
    person_id: person === VACANCY ? null : Number(person),
    role,
    ...representedBy(data),
    start_date,
    end_date: null,
    note: null,
  };
}

/** What the add form has chosen so far; the people's jobs as on the seat's first day, once that is a day. */
export function chosenOnAddForm(values: SubmittedValues, today: string): ChosenSoFar {
  return {
    personIds: [idIn(values.person)],
    organisationIds: [idIn(values.organisation_id)],
    onDay: typeof values.start_date === "string" && isIsoDay(values.start_date) ? values.start_date : today,
  };
}

export const saveSeatSchema = z
  .object({
    intent: z.literal("save"),
    version: positiveInt(),
    role: choice(SEAT_ROLES),
    ...representsFields,
    start_date: isoDay(),
    end_date: optionalIsoDay(),
    note: optionalText(500),
  })
  .superRefine(periodRule("start_date", "end_date"))
  .superRefine(representsRule);

/** Ending needs a ticked box: a confirmation step that works without JavaScript. */
export const endSeatSchema = z.object({
  intent: z.literal("end"),
  version: positiveInt(),
  end_date: isoDay(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("bodies.errors.confirmEnd")),
});

export const undoSeatEndSchema = z.object({ intent: z.literal("undo"), version: positiveInt() });

export const moveSeatSchema = z.object({
  intent: z.literal("move"),
  version: positiveInt(),
  organisation_id: chosenId("bodies.errors.chooseOrganisation"),
  move_date: isoDay(),
});

export const fillVacancySchema = z.object({
  intent: z.literal("fill"),
  version: positiveInt(),
  person_id: chosenId("bodies.errors.choosePersonToFill"),
  organisation_id: optionalId(),
  start_date: isoDay(),
});

export const SEAT_PAGE_SCHEMAS = {
  save: saveSeatSchema,
  end: endSeatSchema,
  undo: undoSeatEndSchema,
  move: moveSeatSchema,
  fill: fillVacancySchema,
} as const;

/** Which of the seat page's forms was posted. */
export type SeatIntent = keyof typeof SEAT_PAGE_SCHEMAS;
/** A change the seat page's forms ask for, as its schema parsed it. */
export type SeatChange = z.output<(typeof SEAT_PAGE_SCHEMAS)[SeatIntent]>;

export const isSeatIntent = (value: unknown): value is SeatIntent =>
  typeof value === "string" && Object.hasOwn(SEAT_PAGE_SCHEMAS, value);

/** The seat page's forms that choose a person or an organisation by searching. */
const SEARCHING_FORMS: readonly SeatIntent[] = ["save", "move", "fill"];
export const searchesChoices = (intent: SeatIntent) => SEARCHING_FORMS.includes(intent);

/**
 * What the seat page's forms have chosen so far: the seat's holder and organisation, and those
 * chosen in a posted form; the people's jobs as on `today`.
 */
export function chosenOnSeatPage(
  seat: { person_id: number | null; organisation_id: number | null },
  values: SubmittedValues,
  today: string,
): ChosenSoFar {
  return {
    personIds: [seat.person_id, idIn(values.person_id)],
    organisationIds: [seat.organisation_id, idIn(values.organisation_id)],
    onDay: today,
  };
}
