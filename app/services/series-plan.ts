import type { FormFailure, SubmittedValues } from "./form-data";
import type { RecurrenceRule } from "./recurrence";

/** The series planner's two buttons; Enter in a field presses the first, the preview. */
const SERIES_INTENTS = ["preview", "create"] as const;
export type SeriesIntent = (typeof SERIES_INTENTS)[number];
export const isSeriesIntent = (value: unknown): value is SeriesIntent =>
  typeof value === "string" && (SERIES_INTENTS as readonly string[]).includes(value);

/** The days a series would fall on, for a body and at a time; nothing saved yet. */
export interface SeriesPreview {
  bodyName: string;
  rule: RecurrenceRule;
  /** each marked when the body is not active then: creating the series would be refused */
  days: { date: string; outsideBodyPeriod: boolean }[];
  start: string;
  end: string;
}

/** What the series planner's action answers when it does not redirect. */
export type SeriesAnswer =
  | { kind: "preview"; values: SubmittedValues; preview: SeriesPreview }
  | (FormFailure & { kind: "refused"; intent: SeriesIntent });
