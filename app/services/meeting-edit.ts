import type { FormFailure } from "./form-data";

/**
 * A meeting's edit page (app/routes/vergaderingen.$meetingId_.bewerken.tsx): five forms on one
 * page, each posting its intent (the schemas are in meeting-form.ts).
 */

export const MEETING_EDIT_INTENTS = ["save", "status", "cancel", "restore", "undo"] as const;
export type MeetingEditIntent = (typeof MEETING_EDIT_INTENTS)[number];

export const isMeetingEditIntent = (value: unknown): value is MeetingEditIntent =>
  typeof value === "string" && (MEETING_EDIT_INTENTS as readonly string[]).includes(value);

/** The question the edit form asks after a date change of a meeting with a recorded register. */
export interface DecisionPrompt {
  date: string;
  notOnRoster: { person_id: number; name: string }[];
}

/**
 * The action's answer to a post it did not carry out: the form of `intent` again with the reasons,
 * or the edit form asking what to do with the register recorded for the old date.
 */
export type MeetingEditAnswer =
  | (FormFailure & { kind: "refused"; intent: MeetingEditIntent })
  | (FormFailure & { kind: "decisionNeeded"; intent: "save"; decision: DecisionPrompt });
