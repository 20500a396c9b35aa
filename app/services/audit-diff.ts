/**
 * The readable part of an audit entry: which fields changed, from what to what. The log stores
 * whole records (JSON) before and after; a page shows only what differs.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping columns that change with every edit and say nothing to the reader. */
export const BOOKKEEPING_FIELDS = ["id", "version", "created_at", "updated_at"] as const;

type Snapshot = string | Record<string, unknown> | null | undefined;

/** A stored snapshot as an object: null for none; anything unreadable is kept whole under "(json)". */
export function parseSnapshot(snapshot: Snapshot): Record<string, unknown> | null {
  if (snapshot == null) return null;
  if (typeof snapshot !== "string") return snapshot;
  try {
    const parsed: unknown = JSON.parse(snapshot);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    return { "(json)": parsed };
  } catch {
    return { "(json)": snapshot };
  }
}

/** Missing, null and empty text all mean "nothing there". */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (typeof a === "object" || typeof b === "object") return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/**
 * The fields whose value differs between before and after, in the order the record lists them
 * (fields of `after` first, then any only in `before`). A creation lists what was filled in;
 * a deletion lists what was there.
 */
export function auditDiff(
  before: Snapshot,
  after: Snapshot,
  ignore: readonly string[] = BOOKKEEPING_FIELDS,
): FieldChange[] {
  const from = parseSnapshot(before) ?? {};
  const to = parseSnapshot(after) ?? {};
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])];
  return fields
    .filter((field) => !ignore.includes(field) && !same(from[field], to[field]))
    .map((field) => ({ field, before: from[field] ?? null, after: to[field] ?? null }));
}

/** A value as text for the page; null when there is nothing to show (the page says "empty"). */
export function displayValue(value: unknown): string | null {
  if (isEmpty(value)) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // a list of child rows (a person's e-mail addresses, an organisation's subregion ids) reads as a list
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number"))
    return value.length === 0 ? null : value.join(", ");
  return JSON.stringify(value);
}
