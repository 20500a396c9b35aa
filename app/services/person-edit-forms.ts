import { z } from "zod";
import { CONSENT_PURPOSES } from "../../db/schema";
import { archiveSchemas } from "./archive-forms";
import { checkbox, choice, emailAddress, type FormFailure, isoDay, optionalText, positiveInt } from "./form-data";
import type { Notice } from "./notices";
import { personFields } from "./person-form";

/**
 * The forms of a person's edit page, one schema per intent, shared by the browser and the action
 * (which saves them in person-edit.server.ts).
 */

export const personDetailsSchema = z.object({ intent: z.literal("save"), version: positiveInt(), ...personFields });

// The e-mail addresses and consents are part of the person: each form carries the version of the
// person it was opened on, so a save after someone else's change gets the list of that change.

export const addEmailSchema = z.object({
  intent: z.literal("addEmail"),
  version: positiveInt(),
  email: emailAddress(),
  primary: checkbox(),
});

export const removeEmailSchema = z.object({
  intent: z.literal("removeEmail"),
  version: positiveInt(),
  emailId: positiveInt(),
});

export const primaryEmailSchema = z.object({
  intent: z.literal("primaryEmail"),
  version: positiveInt(),
  emailId: positiveInt(),
});

/** "Adres werkt weer": an address flagged as bounced works after all. */
export const clearBounceSchema = z.object({
  intent: z.literal("clearBounce"),
  version: positiveInt(),
  emailId: positiveInt(),
});

export const consentSchema = z.object({
  intent: z.literal("consent"),
  version: positiveInt(),
  purpose: choice(CONSENT_PURPOSES),
  status: choice(["given", "withdrawn"]),
  recorded_on: isoDay(),
  source: optionalText(200),
});

/** The forms about the person's e-mail addresses and consent, saved by saveEmailOrConsent. */
export const EMAIL_AND_CONSENT_SCHEMAS = {
  addEmail: addEmailSchema,
  removeEmail: removeEmailSchema,
  primaryEmail: primaryEmailSchema,
  clearBounce: clearBounceSchema,
  consent: consentSchema,
} as const;

export type EmailOrConsentSubmission = z.output<
  (typeof EMAIL_AND_CONSENT_SCHEMAS)[keyof typeof EMAIL_AND_CONSENT_SCHEMAS]
>;

export const PERSON_ARCHIVE_SCHEMAS = archiveSchemas("people.errors.confirmArchive");

/** The undo button of the notice after archiving a person or removing an address. */
export const personUndoSchema = z.discriminatedUnion("wat", [
  z.object({ intent: z.literal("undo"), wat: z.literal("archive"), version: positiveInt() }),
  z.object({ intent: z.literal("undo"), wat: z.literal("email"), audit: positiveInt() }),
]);

export const PERSON_EDIT_SCHEMAS = {
  save: personDetailsSchema,
  ...EMAIL_AND_CONSENT_SCHEMAS,
  ...PERSON_ARCHIVE_SCHEMAS,
  undo: personUndoSchema,
} as const;

export type PersonEditIntent = keyof typeof PERSON_EDIT_SCHEMAS;

export type PersonEditSubmission = z.output<(typeof PERSON_EDIT_SCHEMAS)[PersonEditIntent]>;

export function isPersonEditIntent(value: unknown): value is PersonEditIntent {
  return typeof value === "string" && Object.hasOwn(PERSON_EDIT_SCHEMAS, value);
}

/**
 * The notices after a change on the page (savePersonEdit writes them): one per form, and after an
 * archive or an address removal one with an undo button.
 */
export const PERSON_EDIT_NOTICES = [
  "opgeslagen",
  "toegevoegd",
  "primair",
  "toestemming",
  "gearchiveerd",
  "hersteld",
  "verwijderd",
  "ongedaan",
  "werktWeer",
] as const satisfies readonly Notice[];

export type PersonEditNotice = (typeof PERSON_EDIT_NOTICES)[number];

/** Which form of the page an answer is about: the e-mail forms repeat per address, so its id too. */
export type PersonEditForm = { intent: PersonEditIntent; emailId: string };

/** The action's answer when it refuses a form (every success redirects): what was typed, and why not. */
export type PersonEditAnswer = FormFailure & PersonEditForm;

/** The answer if it is about the given form (`emailId` for the forms of one address), else null. */
export function answerForPersonForm<Answer extends PersonEditForm>(
  answer: Answer | undefined,
  intent: PersonEditIntent,
  emailId = "",
): Answer | null {
  return answer?.intent === intent && answer.emailId === emailId ? answer : null;
}
