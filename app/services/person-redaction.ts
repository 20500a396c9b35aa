import { displayName, listName, type NameParts } from "./names";

/**
 * What an erasure removes from the audit log: the erased person's own fields wherever a snapshot
 * holds a record of theirs, and their addresses, phone number and full name wherever they appear
 * in text. The log's shape stays (which record, which action, when, by whom); only the values go.
 */

export const REDACTED = "[verwijderd]";

/** Fields that hold a person's own data in a snapshot of their record or of a row that names them. */
const PERSONAL_FIELDS = new Set([
  "first_name",
  "infix",
  "last_name",
  "initials",
  "salutation",
  "title",
  "phone",
  "notes",
  "note",
  "email",
  "emails",
  "primary_email",
  "bounced_emails",
  "function_title",
  "source",
  "bounce_reason",
  "smtp_response",
  "last_error",
]);

export interface ErasedPerson {
  personId: number;
  /** texts that identify the person wherever they appear: addresses, phone, names as lists and sentences show them */
  texts: string[];
}

/** Texts shorter than this are not searched for: "Jan" or a two-digit phone fragment would hit others. */
const SHORTEST_TEXT = 5;

export function identifyingTexts(person: NameParts & { phone?: string | null }, emails: readonly string[]): string[] {
  const texts = [...emails, person.phone ?? "", displayName(person), listName(person)];
  if (person.first_name)
    texts.push(`${person.first_name} ${[person.infix, person.last_name].filter(Boolean).join(" ")}`);
  return [...new Set(texts.map((text) => text.trim()).filter((text) => text.length >= SHORTEST_TEXT))].sort(
    (a, b) => b.length - a.length,
  );
}

function redactText(text: string, texts: readonly string[]): string {
  let result = text;
  for (const needle of texts) {
    const lowered = needle.toLowerCase();
    let at = result.toLowerCase().indexOf(lowered);
    while (at >= 0) {
      result = result.slice(0, at) + REDACTED + result.slice(at + needle.length);
      at = result.toLowerCase().indexOf(lowered, at + REDACTED.length);
    }
  }
  return result;
}

/**
 * A snapshot value with the person's data removed. `ownRecord`: the snapshot is of the person's own
 * record (their person row with its addresses and consents, a job or seat of theirs), so every
 * personal field in it goes; otherwise only the fields of rows that name them (`person_id`).
 */
export function redactValue(value: unknown, person: ErasedPerson, ownRecord: boolean): unknown {
  if (typeof value === "string") return redactText(value, person.texts);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, person, ownRecord));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const theirs = ownRecord || record.person_id === person.personId;
  return Object.fromEntries(
    Object.entries(record).map(([key, field]) => [
      key,
      theirs && PERSONAL_FIELDS.has(key) && field !== null ? null : redactValue(field, person, ownRecord),
    ]),
  );
}

/** A stored snapshot (JSON text) redacted; the same text when nothing in it concerns the person. */
export function redactSnapshot(snapshot: string | null, person: ErasedPerson, ownRecord: boolean): string | null {
  if (snapshot === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(snapshot);
  } catch {
    return redactText(snapshot, person.texts);
  }
  const redacted = JSON.stringify(redactValue(parsed, person, ownRecord));
  return redacted === JSON.stringify(parsed) ? snapshot : redacted;
}

export function redactSummary(summary: string | null, person: ErasedPerson): string | null {
  return summary === null ? null : redactText(summary, person.texts);
}

/**
 * The part of a snapshot that concerns one person, for their access report: rows of a list that
 * name someone else (`person_id`) are left out — a meeting's entry holds its whole attendance
 * register, and the others' rows are not the requester's to see. The rest (what the record is, its
 * dates, the person's own row) stays.
 */
export function excerptAbout(value: unknown, personId: number): unknown {
  if (Array.isArray(value))
    return value.filter((item) => !isRowOfSomeoneElse(item, personId)).map((item) => excerptAbout(item, personId));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, excerptAbout(field, personId)]));
}

function isRowOfSomeoneElse(item: unknown, personId: number): boolean {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return false;
  const row = item as Record<string, unknown>;
  // a row where they stood in for someone is theirs too
  if (row.substitute_person_id === personId) return false;
  return row.person_id !== undefined && row.person_id !== null && row.person_id !== personId;
}
