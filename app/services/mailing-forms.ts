import { z } from "zod";
import { LANGUAGES, MAILING_KINDS, type MailingKind } from "../../db/schema";
import {
  checkbox,
  choice,
  FIELD_MESSAGES,
  messageKey,
  optionalInt,
  optionalIsoDay,
  positiveInt,
  requiredText,
} from "./form-data";

/**
 * The forms of a wave's mailing pages, one schema per form, shared by the browser and the actions.
 * The URL names a mailing by a Dutch word, the database by its kind.
 */

export const MAILING_SLUGS: Record<MailingKind, string> = {
  invitation: "uitnodiging",
  reminder1: "herinnering-1",
  reminder2: "herinnering-2",
  thanks: "bedankt",
};

export function kindOfSlug(slug: string | undefined): MailingKind | null {
  return MAILING_KINDS.find((kind) => MAILING_SLUGS[kind] === slug) ?? null;
}

export const mailingPath = (waveId: number, kind: MailingKind) => `/onderzoek/${waveId}/mailing/${MAILING_SLUGS[kind]}`;
export const messagesPath = (waveId: number) => `/onderzoek/${waveId}/berichten`;

/** Subject and body of one message in one language. */
export const messageSchema = z.object({
  intent: z.literal("message"),
  kind: choice(MAILING_KINDS),
  language: choice(LANGUAGES),
  /** empty: the message was not saved before (the form showed the default text) */
  version: z.preprocess((value) => (value === "" ? null : value), positiveInt().nullable()),
  subject: requiredText(200),
  body: requiredText(10_000),
});

export const closingDateSchema = z.object({
  intent: z.literal("closingDate"),
  version: positiveInt(),
  closes_on: optionalIsoDay(),
});

/** A test message of one kind and language, to the signed-in user. */
export const testMessageSchema = z.object({
  intent: z.literal("test"),
  kind: choice(MAILING_KINDS),
  language: choice(LANGUAGES),
});

export const MESSAGES_PAGE_SCHEMAS = {
  message: messageSchema,
  closingDate: closingDateSchema,
  test: testMessageSchema,
} as const;

export type MessagesPageIntent = keyof typeof MESSAGES_PAGE_SCHEMAS;

export const isMessagesPageIntent = (value: unknown): value is MessagesPageIntent =>
  typeof value === "string" && Object.hasOwn(MESSAGES_PAGE_SCHEMAS, value);

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Starting a mailing: now or at a moment (Amsterdam time), at a rate, after a ticked confirmation. */
export const startMailingSchema = z
  .object({
    intent: z.literal("start"),
    when: choice(["now", "later"]),
    start_date: optionalIsoDay(),
    start_time: z.preprocess(
      (value) => (value === "" || value === undefined ? null : value),
      z.string().regex(CLOCK_TIME, messageKey("meetings.errors.timeInvalid")).nullable(),
    ),
    rate_per_minute: optionalInt(1, 10_000),
    confirm: checkbox().refine((ticked) => ticked, messageKey("mailings.errors.confirmStart")),
  })
  .superRefine((data, context) => {
    if (data.when !== "later") return;
    if (!data.start_date)
      context.addIssue({ code: "custom", path: ["start_date"], message: messageKey(FIELD_MESSAGES.required) });
    if (!data.start_time)
      context.addIssue({ code: "custom", path: ["start_time"], message: messageKey(FIELD_MESSAGES.required) });
  });

/** Pause, resume, and sending the unknown rows again (after a ticked confirmation). */
export const MAILING_PAGE_SCHEMAS = {
  start: startMailingSchema,
  pause: z.object({ intent: z.literal("pause"), version: positiveInt() }),
  resume: z.object({ intent: z.literal("resume"), version: positiveInt() }),
  sendAgain: z.object({
    intent: z.literal("sendAgain"),
    version: positiveInt(),
    confirm: checkbox().refine((ticked) => ticked, messageKey("mailings.errors.confirmSendAgain")),
  }),
} as const;

export type MailingPageIntent = keyof typeof MAILING_PAGE_SCHEMAS;

export const isMailingPageIntent = (value: unknown): value is MailingPageIntent =>
  typeof value === "string" && Object.hasOwn(MAILING_PAGE_SCHEMAS, value);
