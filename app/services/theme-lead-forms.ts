import { z } from "zod";
import { checkbox, isoDay, optionalIsoDay, periodRule, positiveInt, type SubmittedValues } from "./form-data";
import { chosenId, type ChosenSoFar, idIn } from "./seat-choices";
import { isIsoDay } from "./periods";

/**
 * The forms of the theme page's "Programmaleiding" (decision 048), shared by the browser and the action.
 * The person is searched as in the seat forms (seat-choices.ts); ending and removing ask for a ticked box.
 */

export const addLeadSchema = z
  .object({
    intent: z.literal("addLead"),
    person_id: chosenId("themes.leads.errors.choosePerson"),
    start_date: isoDay(),
    end_date: optionalIsoDay(),
  })
  .superRefine(periodRule("start_date", "end_date"));

export const endLeadSchema = z.object({
  intent: z.literal("endLead"),
  lead_id: positiveInt(),
  version: positiveInt(),
  end_date: isoDay(),
  confirm: checkbox().refine((ticked) => ticked, "themes.leads.errors.confirmEnd"),
});

export const removeLeadSchema = z.object({
  intent: z.literal("removeLead"),
  lead_id: positiveInt(),
  version: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, "themes.leads.errors.confirmRemove"),
});

export const LEAD_SCHEMAS = { addLead: addLeadSchema, endLead: endLeadSchema, removeLead: removeLeadSchema } as const;
export type LeadIntent = keyof typeof LEAD_SCHEMAS;
export const isLeadIntent = (value: unknown): value is LeadIntent =>
  typeof value === "string" && Object.hasOwn(LEAD_SCHEMAS, value);

/** What the add form has chosen so far, offered again after a search (people only: a lead names no organisation). */
export function chosenOnLeadForm(values: SubmittedValues, today: string): ChosenSoFar {
  return {
    personIds: [idIn(values.person_id)],
    organisationIds: [],
    onDay: typeof values.start_date === "string" && isIsoDay(values.start_date) ? values.start_date : today,
  };
}
