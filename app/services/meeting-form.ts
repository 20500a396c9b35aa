import { z } from "zod";
import { EVENT_KINDS, MEETING_STATUSES } from "../../db/schema";
import {
  checkbox,
  choice,
  FIELD_MESSAGES,
  idList,
  isoDay,
  messageKey,
  optionalText,
  optionalUrl,
  positiveInt,
  requiredId,
  requiredText,
} from "./form-data";

/**
 * The meeting forms (new body meeting, new event, edit, status, cancel): one schema each,
 * shared by the browser (react-hook-form) and the actions. Messages are keys, translated on the page.
 */

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A wall-clock time `HH:MM` (what <input type="time"> sends) that may be left empty. */
export function optionalClockTime() {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : (value ?? null)),
    z.string().trim().regex(CLOCK_TIME, messageKey("meetings.errors.timeInvalid")).nullable(),
  );
}

/** The end time comes after the start time; the message goes on the end field. */
function timesRule(data: { start_time?: string | null; end_time?: string | null }, context: z.RefinementCtx) {
  // a time that is not HH:MM has its own message; comparing it would only add a misleading one
  const valid = (time: string | null | undefined): time is string => typeof time === "string" && CLOCK_TIME.test(time);
  if (valid(data.start_time) && valid(data.end_time) && data.end_time <= data.start_time) {
    context.addIssue({ code: "custom", path: ["end_time"], message: messageKey("meetings.errors.endBeforeStart") });
  }
}

/** An event invites at least one body, organisation or saved search; the message goes on the first group. */
function invitationsRule(
  data: { invited_bodies?: number[]; invited_organisations?: number[]; invited_searches?: number[] },
  context: z.RefinementCtx,
) {
  const count =
    (data.invited_bodies?.length ?? 0) +
    (data.invited_organisations?.length ?? 0) +
    (data.invited_searches?.length ?? 0);
  if (count === 0)
    context.addIssue({
      code: "custom",
      path: ["invited_bodies"],
      message: messageKey("meetings.errors.noInvitations"),
    });
}

/** A select that starts on "— kies —": empty is "fill this in", anything else must be one of the values. */
function requiredChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string({ error: FIELD_MESSAGES.required }).min(1, FIELD_MESSAGES.required).pipe(choice(values));
}

const meetingFields = {
  title: requiredText(200),
  date: isoDay(),
  start_time: optionalClockTime(),
  end_time: optionalClockTime(),
  location: optionalText(200),
  online_url: optionalUrl(),
  agenda: optionalText(10000),
  minutes: optionalText(10000),
};

const invitationFields = {
  kind: requiredChoice(EVENT_KINDS),
  invited_bodies: idList(),
  invited_organisations: idList(),
  invited_searches: idList(),
};

/**
 * What to do with a recorded register when the date changes: asked only then (empty otherwise),
 * so the field is optional in the schema and required by the model.
 */
export const ATTENDANCE_DECISIONS = ["keep", "clear"] as const;
export type AttendanceDecision = (typeof ATTENDANCE_DECISIONS)[number];
const attendanceDecision = z.preprocess(
  // nothing picked: missing from a plain form, "" or null from react-hook-form
  (value) => (value === "" || value === false || value === null ? undefined : value),
  choice(ATTENDANCE_DECISIONS).optional(),
);

export const newBodyMeetingSchema = z.object({ body_id: requiredId(), ...meetingFields }).superRefine(timesRule);

export const newEventSchema = z
  .object({ ...invitationFields, ...meetingFields })
  .superRefine(timesRule)
  .superRefine(invitationsRule);

export const saveBodyMeetingSchema = z
  .object({
    intent: z.literal("save"),
    version: positiveInt(),
    attendance_decision: attendanceDecision,
    ...meetingFields,
  })
  .superRefine(timesRule);

export const saveEventSchema = z
  .object({
    intent: z.literal("save"),
    version: positiveInt(),
    attendance_decision: attendanceDecision,
    ...invitationFields,
    ...meetingFields,
  })
  .superRefine(timesRule)
  .superRefine(invitationsRule);

/** The statuses a meeting is set to by hand; cancelling has its own confirmed form. */
export const SETTABLE_STATUSES = MEETING_STATUSES.filter((status) => status !== "geannuleerd") as [
  "gepland",
  "gehouden",
];

export const statusSchema = z.object({
  intent: z.literal("status"),
  version: positiveInt(),
  status: choice(SETTABLE_STATUSES),
});

/** Cancelling needs a ticked box: a confirmation step that works without JavaScript. */
export const cancelSchema = z.object({
  intent: z.literal("cancel"),
  version: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("meetings.errors.confirmCancel")),
});

/** Restoring a cancelled meeting, from its form or from the undo button (which brings back the status it had). */
export const restoreSchema = z.object({
  intent: z.enum(["restore", "undo"]),
  version: positiveInt(),
  status: z.preprocess((value) => (value === "" || value == null ? "gepland" : value), choice(SETTABLE_STATUSES)),
});

/** The list's tabs: what is coming (soonest first), what is past (latest first), or everything in date order. */
export const MEETING_TIMEFRAMES = ["komend", "afgelopen", "alle"] as const;
export type MeetingTimeframe = (typeof MEETING_TIMEFRAMES)[number];

/** The list's "soort" filter: a body's meetings or network-wide events. */
export const MEETING_LIST_KINDS = ["vergaderingen", "evenementen"] as const;
export type MeetingListKind = (typeof MEETING_LIST_KINDS)[number];
