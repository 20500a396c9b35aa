import { z } from "zod";
import type { KeyWithValues, Message, MessageKey } from "../i18n/keys";

/**
 * The form convention, server half (the browser half is app/components/form.tsx).
 *
 * One zod schema per form, shared by the browser (react-hook-form) and the action. Schemas
 * carry message KEYS, not text ("auth.errors.emailInvalid", or with values
 * "auth.errors.passwordTooShort?min=12", see `messageKey`); the page translates them, so
 * server and browser show the same words in the reader's language.
 */

/**
 * Field name → message key, as it travels to the page (and as the browser's own checks give it).
 * "_form" holds a message about the form as a whole.
 */
export type FormErrors = Record<string, string>;

/** Field name → message key, as the server decides it: checked against the messages by the compiler. */
export type FormMessages = Record<string, Message>;

/** What an action returns (with status 400) when a submission is refused: what was typed, and why. */
export interface FormFailure {
  ok: false;
  values: SubmittedValues;
  errors: FormErrors;
  /** set when the record changed since the form was opened: what others saved meanwhile */
  conflict?: ConcurrentChange[];
  /** per field, a record the message is about (a duplicate e-mail's owner), offered as a link */
  links?: Record<string, { href: string; name: string }>;
}

/** One save by someone else, as the conflict notice lists it. */
export interface ConcurrentChange {
  at: string;
  /** the user's name; null for the system */
  by: string | null;
  fields: { field: string; before: string | null; after: string | null }[];
}

export type ParsedForm<T> = { ok: true; data: T } | FormFailure;

export const FORM_ERROR = "_form";

/** Fields never sent back to the page: a refused password is typed again, not echoed into the HTML. */
const SECRET_FIELD = /password/i;

/** A form's text fields; a name sent more than once (a group of checkboxes) gives a list. */
export type SubmittedValues = Record<string, string | string[]>;

function collect(formData: FormData, keep: (name: string) => boolean): SubmittedValues {
  const values: SubmittedValues = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || !keep(name)) continue;
    const seen = values[name];
    // appended in place: copying the list per repeat made one posted form quadratic (a stalled server)
    if (seen === undefined) values[name] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else values[name] = [seen, value];
  }
  return values;
}

/** The submitted text fields, as the page re-renders them after a refusal (secrets left out). */
export function submittedValues(formData: FormData): SubmittedValues {
  return collect(formData, (name) => !SECRET_FIELD.test(name));
}

/** The first message per field, keyed by the field's name (nested paths joined with dots). */
export function errorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const name = issue.path.map(String).join(".") || FORM_ERROR;
    errors[name] ??= issue.message;
  }
  return errors;
}

/** Validates a submission with the form's schema: the data, or the values and errors to show. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): ParsedForm<z.output<S>> {
  const result = schema.safeParse(collect(formData, () => true));
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, values: submittedValues(formData), errors: errorsFromIssues(result.error.issues) };
}

/** A refusal decided after validation (a taken e-mail address, a stale version): same shape as parseForm's. */
export function formFailure(formData: FormData, errors: FormMessages): FormFailure {
  return { ok: false, values: submittedValues(formData), errors };
}

/**
 * A message key, checked by the compiler, with values to interpolate:
 * messageKey("auth.errors.passwordTooShort", { min: 12 }). Without values it is the key itself: the
 * way to hand a checked key to a zod schema (`.min(1, messageKey("bodies.errors.choosePerson"))`).
 */
export function messageKey(key: MessageKey, values?: Record<string, string | number>): Message {
  if (!values) return key;
  return `${key}?${new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]))}` as KeyWithValues;
}

/**
 * Splits what messageKey joined: the key and its values. A checked message gives back its checked
 * key; text from elsewhere (an answer the page received) gives back text.
 */
export function splitMessageKey(message: Message): { key: MessageKey; values: Record<string, string> };
export function splitMessageKey(message: string): { key: string; values: Record<string, string> };
export function splitMessageKey(message: string): { key: string; values: Record<string, string> } {
  const [key = "", query] = message.split("?", 2);
  return { key, values: query ? Object.fromEntries(new URLSearchParams(query)) : {} };
}

/* Building blocks for schemas: form fields arrive as strings (or are missing). */

export const FIELD_MESSAGES = {
  required: "common.form.required",
  tooLong: "common.form.tooLong",
  invalid: "common.form.invalid",
  email: "auth.errors.emailInvalid",
  date: "common.form.dateInvalid",
  endBeforeStart: "common.form.endBeforeStart",
  url: "common.form.urlInvalid",
  controlCharacters: "common.form.controlCharacters",
} as const satisfies Record<string, MessageKey>;

/**
 * Characters no one types but a paste or a forged post can carry: NUL and the other control codes
 * (tab and line breaks allowed), and the direction overrides that make "gpj.exe" read as "exe.jpg".
 * Stored, they would show raw on every page and export.
 */
// eslint-disable-next-line no-control-regex -- finding the control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const withoutControlCharacters = (value: string) => !CONTROL_CHARACTERS.test(value);

/** Text that must be filled in; trimmed. */
export function requiredText(maxLength = 200) {
  return z
    .string({ error: FIELD_MESSAGES.required })
    .trim()
    .min(1, FIELD_MESSAGES.required)
    .max(maxLength, messageKey(FIELD_MESSAGES.tooLong, { max: maxLength }))
    .refine(withoutControlCharacters, FIELD_MESSAGES.controlCharacters);
}

/** An e-mail address, trimmed and in lower case (as accounts store it). */
export function emailAddress() {
  return requiredText(254).toLowerCase().email(FIELD_MESSAGES.email);
}

/** One of a fixed list of values (a select or radio group). */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: FIELD_MESSAGES.invalid });
}

/** A checkbox: "on" from a plain form, true from react-hook-form; missing means unticked. */
export function checkbox() {
  return z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
}

/** A positive whole number from a text field (ids, versions). */
export function positiveInt() {
  return z.coerce
    .number({ error: FIELD_MESSAGES.invalid })
    .int(FIELD_MESSAGES.invalid)
    .positive(FIELD_MESSAGES.invalid);
}

/** An empty field means "nothing": null, not "". */
const emptyToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : (value ?? null));

/** Text that may be left empty (null then); trimmed. */
export function optionalText(maxLength = 200) {
  return z.preprocess(
    emptyToNull,
    z
      .string({ error: FIELD_MESSAGES.invalid })
      .trim()
      .max(maxLength, messageKey(FIELD_MESSAGES.tooLong, { max: maxLength }))
      .refine(withoutControlCharacters, FIELD_MESSAGES.controlCharacters)
      .nullable(),
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as ISO YYYY-MM-DD (what <input type="date"> sends), checked to exist. */
function isIsoCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A day that must be filled in. */
export function isoDay() {
  return z
    .string({ error: FIELD_MESSAGES.required })
    .trim()
    .min(1, FIELD_MESSAGES.required)
    .refine(isIsoCalendarDay, FIELD_MESSAGES.date);
}

/** A day that may be left empty (an open end: null). */
export function optionalIsoDay() {
  return z.preprocess(emptyToNull, z.string().refine(isIsoCalendarDay, FIELD_MESSAGES.date).nullable());
}

/** An e-mail address that may be left empty; lower case. */
export function optionalEmail() {
  return z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .toLowerCase()
      .max(254, messageKey(FIELD_MESSAGES.tooLong, { max: 254 }))
      .email(FIELD_MESSAGES.email)
      .nullable(),
  );
}

/** A web address that may be left empty; http(s) only, so a link on the page cannot run script. */
export function optionalUrl() {
  return z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .max(500, messageKey(FIELD_MESSAGES.tooLong, { max: 500 }))
      .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), FIELD_MESSAGES.url)
      .nullable(),
  );
}

/** The id of a record picked in a select; "" (the "none" option) is null. */
export function optionalId() {
  return z.preprocess(
    emptyToNull,
    z.coerce
      .number({ error: FIELD_MESSAGES.invalid })
      .int(FIELD_MESSAGES.invalid)
      .positive(FIELD_MESSAGES.invalid)
      .nullable(),
  );
}

/** The id of a record that must be picked. */
export function requiredId() {
  return z.preprocess(
    (value) => emptyToNull(value) ?? undefined,
    z.coerce.number({ error: FIELD_MESSAGES.required }).int(FIELD_MESSAGES.invalid).positive(FIELD_MESSAGES.invalid),
  );
}

/** A whole number in a range that may be left empty. */
export function optionalInt(min: number, max: number) {
  const message = messageKey("common.form.numberInvalid", { min, max });
  return z.preprocess(
    emptyToNull,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).nullable(),
  );
}

/**
 * The rule for every from–to pair: the end (the last day, inclusive) is not before the start.
 * Use as `.superRefine(periodRule("start_date", "end_date"))`; the message goes on the end field.
 */
export function periodRule<K extends string>(startField: K, endField: K) {
  return (data: Partial<Record<K, unknown>>, context: z.RefinementCtx) => {
    const start = data[startField];
    const end = data[endField];
    if (typeof start === "string" && typeof end === "string" && end < start) {
      context.addIssue({ code: "custom", path: [endField], message: FIELD_MESSAGES.endBeforeStart });
    }
  };
}

/**
 * The ids ticked in a group of checkboxes: a plain form sends the name once per ticked box (none:
 * missing), react-hook-form sends a list (or false when nothing is ticked).
 */
export function idList() {
  return z.preprocess(
    (value) =>
      value === undefined || value === null || value === false || value === ""
        ? []
        : Array.isArray(value)
          ? (value as unknown[])
          : [value],
    z.array(
      z.coerce.number({ error: FIELD_MESSAGES.invalid }).int(FIELD_MESSAGES.invalid).positive(FIELD_MESSAGES.invalid),
    ),
  );
}
