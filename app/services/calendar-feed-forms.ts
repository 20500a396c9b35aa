import { z } from "zod";
import { checkbox, type FormFailure, messageKey, positiveInt } from "./form-data";
import type { Notice } from "./notices";

/** The forms of a body's calendar page (/gremia/:id/agenda), shared by the page and its action. */

export const createSchema = z.object({ intent: z.literal("create") });

/** Replacing and revoking break every subscription to the old address: a ticked box confirms it. */
export const replaceSchema = z.object({
  intent: z.literal("replace"),
  feed: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("calendar.errors.confirmReplace")),
});

export const revokeSchema = z.object({
  intent: z.literal("revoke"),
  feed: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("calendar.errors.confirmRevoke")),
});

const undoSchema = z.object({ intent: z.literal("undo"), feed: positiveInt() });

export const CALENDAR_FEED_SCHEMAS = {
  create: createSchema,
  replace: replaceSchema,
  revoke: revokeSchema,
  undo: undoSchema,
} as const;
export type CalendarFeedIntent = keyof typeof CALENDAR_FEED_SCHEMAS;
export const isCalendarFeedIntent = (value: unknown): value is CalendarFeedIntent =>
  typeof value === "string" && Object.hasOwn(CALENDAR_FEED_SCHEMAS, value);

export type CalendarFeedChange = z.output<(typeof CALENDAR_FEED_SCHEMAS)[CalendarFeedIntent]>;

/**
 * The notices of the page after a redirect (changeFeed writes them); a revoke's names the link its
 * undo brings back. A new link is no redirect: the page that answers the form shows its address.
 */
export const CALENDAR_FEED_NOTICES = ["ingetrokken", "ongedaan"] as const satisfies readonly Notice[];
export type CalendarFeedNotice = (typeof CALENDAR_FEED_NOTICES)[number];

/** A form refused, named by its intent. */
export type CalendarFeedRefusal = FormFailure & { kind: "refused"; intent: CalendarFeedIntent };

/** A link just made: its whole address, shown this once, since only its hash is kept. */
export interface MadeFeed {
  kind: "made";
  replaced: boolean;
  feedId: number;
  address: string;
  /** the address for calendar applications (webcal:) */
  webcal: string;
}

/** What the page's action answers when it does not redirect. */
export type CalendarFeedAnswer = CalendarFeedRefusal | MadeFeed;

/**
 * Where a refusal is shown. It belongs to the form it came from only while that form is still about
 * the same link: after someone else's change the page shows the current link, and the refusal above
 * the forms.
 */
export function placeFeedRefusal(refused: CalendarFeedRefusal | null, shownFeedId: number | null) {
  const shownWith = (intent: CalendarFeedIntent) =>
    intent === "create"
      ? shownFeedId === null
      : intent !== "undo" && shownFeedId !== null && refused?.values.feed === String(shownFeedId);
  return {
    forForm: (intent: CalendarFeedIntent) => (refused?.intent === intent && shownWith(intent) ? refused : null),
    /** the message keys shown above the forms */
    onPage: refused && !shownWith(refused.intent) ? Object.values(refused.errors) : [],
  };
}
