import { z } from "zod";
import type { AttendanceStatus } from "../../db/schema";
import { messageKey, positiveInt, type SubmittedValues } from "./form-data";

/**
 * The attendance register's form (app/routes/vergaderingen.$meetingId_.presentie.tsx): one group
 * of fields per person, named after the person's id, so that a plain POST carries the whole
 * register and a refusal can point at one row. The model names rows the same way in its refusals.
 */

/** The statuses a person on the list can be given; "gast" belongs to the guests, who are added instead. */
export const MEMBER_STATUSES = [
  "aanwezig",
  "afgemeld",
  "afwezig",
  "vervangen",
] as const satisfies readonly AttendanceStatus[];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const isMemberStatus = (value: string): value is MemberStatus =>
  (MEMBER_STATUSES as readonly string[]).includes(value);

/** The register page's address. */
export const registerPath = (meetingId: number) => `/vergaderingen/${meetingId}/presentie`;

/** Every person shown as a row (hidden field, once per row): a row without a chosen status still counts. */
export const MEMBER_FIELD = "member";
/** Every guest on the list (hidden field, once per guest). */
export const GUEST_FIELD = "guest";
/** The text searched for a guest. */
export const GUEST_QUERY_FIELD = "guestQuery";

export const statusField = (personId: number) => `status-${personId}`;
export const substituteField = (personId: number) => `substitute-${personId}`;
export const substituteQueryField = (personId: number) => `substituteQuery-${personId}`;

/** Where the error summary's link for a field leads. */
export const fieldAnchor = (field: string) => `veld-${field}`;

/** The person a row field belongs to (status-12 → 12), or null for any other field. */
export function rowOfField(field: string): number | null {
  const match = /^(?:status|substitute|substituteQuery)-(\d+)$/.exec(field);
  return match ? Number(match[1]) : null;
}

/**
 * What the buttons ask for. "enter" is the form's default button, which the browser presses when
 * Enter is typed in a field: it searches when a search field holds text, and saves otherwise.
 */
export type RegisterIntent =
  | { kind: "save" }
  | { kind: "everyonePresent" }
  | { kind: "search" }
  | { kind: "enter" }
  | { kind: "addGuest"; personId: number }
  | { kind: "removeGuest"; personId: number }
  | { kind: "removeMember"; personId: number };

export const intentValue = {
  addGuest: (personId: number) => `addGuest:${personId}`,
  removeGuest: (personId: number) => `removeGuest:${personId}`,
  removeMember: (personId: number) => `removeMember:${personId}`,
};

export function parseIntent(value: unknown): RegisterIntent | null {
  if (value === "save" || value === "everyonePresent" || value === "search" || value === "enter")
    return { kind: value };
  const match = typeof value === "string" ? /^(addGuest|removeGuest|removeMember):(\d{1,15})$/.exec(value) : null;
  return match ? { kind: match[1] as "addGuest" | "removeGuest" | "removeMember", personId: Number(match[2]) } : null;
}

export interface RegisterEntry {
  person_id: number;
  status: AttendanceStatus;
  substitute_person_id: number | null;
}

const text = (value: unknown) =>
  typeof value === "string" ? value : Array.isArray(value) ? String(value[0] ?? "") : "";
const ids = (value: unknown) =>
  (value === undefined ? [] : Array.isArray(value) ? value : [value])
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);

/**
 * The register as submitted: every row needs a status, and "vervangen" needs a substitute. The
 * rows' fields are named after the people, so the schema reads them from the rows listed.
 */
export const registerSchema = z
  .object({ version: positiveInt() })
  .catchall(z.unknown())
  .transform((form, context) => {
    const entries: RegisterEntry[] = [];
    for (const personId of ids(form[MEMBER_FIELD])) {
      const status = text(form[statusField(personId)]);
      if (!isMemberStatus(status)) {
        context.addIssue({
          code: "custom",
          path: [statusField(personId)],
          message: messageKey("attendance.errors.statusMissing"),
        });
        continue;
      }
      const substitute = status === "vervangen" ? (ids(form[substituteField(personId)])[0] ?? null) : null;
      if (status === "vervangen" && substitute === null) {
        context.addIssue({
          code: "custom",
          path: [substituteField(personId)],
          message: messageKey("attendance.errors.substituteMissing"),
        });
        continue;
      }
      entries.push({ person_id: personId, status, substitute_person_id: substitute });
    }
    for (const personId of ids(form[GUEST_FIELD]))
      entries.push({ person_id: personId, status: "gast", substitute_person_id: null });
    return { version: form.version, entries };
  });

/** The guests on the submitted list and the people shown as rows, in their order. */
export function listedPeople(values: Record<string, unknown>): { members: number[]; guests: number[] } {
  return { members: ids(values[MEMBER_FIELD]), guests: ids(values[GUEST_FIELD]) };
}

/** A field's text as typed (the first, when the name was sent more than once), trimmed. */
export const fieldText = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();

const SEARCH_FIELD = /^(?:substituteQuery-\d+|guestQuery)$/;

/** A search a post asks for: a search field holding text, and the row it is for (null: the guest search). */
export interface SearchAsked {
  field: string;
  query: string;
  row: number | null;
}

/** Every search field of the submitted register that holds text, in the form's order. */
export function searchesAsked(values: SubmittedValues): SearchAsked[] {
  return Object.entries(values).flatMap(([field, value]) => {
    const query = fieldText(value);
    return SEARCH_FIELD.test(field) && query !== "" ? [{ field, query, row: rowOfField(field) }] : [];
  });
}

/** The people a submitted register refers to by id alone: its guests and the substitutes picked. */
export function peopleToName(values: SubmittedValues): number[] {
  const substitutes = Object.entries(values).flatMap(([field, value]) =>
    field.startsWith("substitute-") && /^\d+$/.test(fieldText(value)) ? [Number(fieldText(value))] : [],
  );
  return [...listedPeople(values).guests, ...substitutes];
}

export type ReshapeIntent = Extract<RegisterIntent, { kind: "addGuest" | "removeGuest" | "removeMember" }>;

export const isReshape = (intent: RegisterIntent): intent is ReshapeIntent =>
  intent.kind === "addGuest" || intent.kind === "removeGuest" || intent.kind === "removeMember";

/**
 * The submitted register after adding a guest, removing one, or taking someone off the list who is
 * no longer on the roster (`removable`; expected people need a status instead). A guest already on
 * the list is refused: `listed` names them.
 */
export function reshapeRegister(
  values: Record<string, string | string[]>,
  intent: ReshapeIntent,
  removable: readonly number[],
): { ok: true; values: Record<string, string | string[]> } | { ok: false; listed: number } {
  const { members, guests } = listedPeople(values);
  const draft = { ...values };
  const asText = (list: number[]) => list.map(String);
  switch (intent.kind) {
    case "addGuest":
      if (members.includes(intent.personId) || guests.includes(intent.personId))
        return { ok: false, listed: intent.personId };
      draft[GUEST_FIELD] = asText([...guests, intent.personId]);
      draft[GUEST_QUERY_FIELD] = "";
      break;
    case "removeGuest":
      draft[GUEST_FIELD] = asText(guests.filter((id) => id !== intent.personId));
      break;
    case "removeMember":
      if (removable.includes(intent.personId))
        draft[MEMBER_FIELD] = asText(members.filter((id) => id !== intent.personId));
      break;
  }
  return { ok: true, values: draft };
}
