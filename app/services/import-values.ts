import { z } from "zod";
import { type IsoDate, SEAT_ROLES, type SeatRole } from "../../db/schema";
import { en } from "../i18n/en";
import { nl } from "../i18n/nl";

/**
 * Reading the cells of an imported spreadsheet: Dutch dates, e-mail addresses, seat roles, and the
 * keys by which an organisation's or body's name is linked to the register ("MUMC+", "GGD ZL" and
 * "Stichting Alliantie Santé B.V." find the records they name).
 */

/** Day 0 of Excel's serial dates (1899-12-30: Excel counts the non-existent 29 February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoDay(year: number, month: number, day: number): IsoDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A two-digit year as an office means it: up to 20 years ahead is this century, else the last. */
function fullYear(twoDigits: number, today: Date): number {
  const century = Math.floor(today.getUTCFullYear() / 100) * 100;
  const year = century + twoDigits;
  return year > today.getUTCFullYear() + 20 ? year - 100 : year;
}

/** What a cell that should hold a day or an address holds instead. */
export const INVALID: unique symbol = Symbol("invalid");

/**
 * A day as a Dutch spreadsheet writes it: dd-mm-jjjj, d-m-jj (also with / or .), jjjj-mm-dd, or an
 * Excel serial number (a date cell saved as a number). Empty: null; not a day: INVALID.
 */
export function parseImportDate(text: string, today: Date = new Date()): IsoDate | null | typeof INVALID {
  const value = text.trim();
  if (value === "") return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return isoDay(Number(match[1]), Number(match[2]), Number(match[3])) ?? INVALID;
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(value);
  if (match) {
    const yearText = match[3] ?? "";
    const year = yearText.length === 2 ? fullYear(Number(yearText), today) : Number(yearText);
    return isoDay(year, Number(match[2]), Number(match[1])) ?? INVALID;
  }
  if (/^\d{4,6}(\.\d+)?$/.test(value)) {
    const serial = Math.floor(Number(value));
    // 1 January 1900 to the end of 2199: beyond that a number is not a date someone meant
    if (serial >= 1 && serial <= 109_574) return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10);
  }
  return INVALID;
}

const emailSchema = z.string().email();

/** The address as stored (trimmed, lower case), null when empty, INVALID when it is no address. */
export function parseImportEmail(text: string): string | null | typeof INVALID {
  const value = text.trim().toLowerCase();
  if (value === "") return null;
  return value.length <= 254 && emailSchema.safeParse(value).success ? value : INVALID;
}

/** Text as compared: no accents, lower case, punctuation (but "+") as spaces. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replaceAll("&", " en ")
    .replace(/[^a-z0-9+]+/g, " ")
    .trim();
}

const ROLE_BY_TEXT = new Map<string, SeatRole>(
  SEAT_ROLES.flatMap((role) => [
    [foldText(role), role],
    [foldText(nl.register.roles[role]), role],
    [foldText(en.register.roles[role]), role],
  ]),
);
ROLE_BY_TEXT.set("chair", "voorzitter");
ROLE_BY_TEXT.set("member", "lid");
ROLE_BY_TEXT.set("vice voorzitter", "vicevoorzitter");

/** A seat role by its code or its Dutch or English name; empty: "lid"; unknown: "invalid". */
export function parseImportRole(text: string): SeatRole | "invalid" {
  const key = foldText(text);
  if (key === "") return "lid";
  return ROLE_BY_TEXT.get(key) ?? ROLE_BY_TEXT.get(key.replaceAll(" ", "")) ?? "invalid";
}

/** Words that say what kind of legal body an organisation is, not which one. */
const LEGAL_FORMS = new Set(["stichting", "bv", "nv", "vof", "ua", "vereniging", "cooperatie", "gemeenschappelijke"]);

function nameWords(name: string): string[] {
  // "B.V." and "N.V." are one word once their dots are gone
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/\b([A-Za-z])\.(?=[A-Za-z]\.)/g, "$1")
    .replaceAll(".", "")
    .replaceAll("&", " en ")
    .split(/[^A-Za-z0-9+]+/)
    .filter((word) => word !== "" && !LEGAL_FORMS.has(word.toLowerCase()));
}

/** The name as one key: "Stichting Alliantie Santé B.V." and "alliantie sante" give "alliantiesante". */
export function nameKey(name: string): string {
  return nameWords(name).join("").toLowerCase();
}

/**
 * The abbreviation a name is commonly written as: words in capitals (and with digits) kept whole,
 * other words by their first letter. "GGD Zuid Limburg" gives "ggdzl", "Maastricht UMC+" "mumc+".
 */
export function abbreviationKey(name: string): string {
  const words = nameWords(name);
  if (words.length < 2) return "";
  return words
    .map((word) => (/^[A-Z0-9+]{2,}$/.test(word) || /\d/.test(word) ? word : word[0]))
    .join("")
    .toLowerCase();
}

/** A record that an imported name may name. */
export interface NamedRecord {
  id: number;
  name: string;
  short_name: string | null;
  /** the name a link shows when it differs: a merged organisation's old name links to its survivor */
  shown_as?: string | null;
}

/** The record a name links to, the records it could be, or none. */
export type NameLink =
  | { kind: "linked"; id: number; name: string }
  | { kind: "ambiguous"; candidates: { id: number; name: string }[] }
  | { kind: "none" };

/** The records of the register by their keys, built once for a whole file. */
export interface NameIndex {
  exact: Map<string, NamedRecord[]>;
  abbreviated: Map<string, NamedRecord[]>;
}

function add(map: Map<string, NamedRecord[]>, key: string, record: NamedRecord) {
  if (key === "") return;
  const list = map.get(key);
  if (!list) map.set(key, [record]);
  else if (!list.some((other) => other.id === record.id)) list.push(record);
}

export function nameIndex(records: readonly NamedRecord[]): NameIndex {
  const index: NameIndex = { exact: new Map(), abbreviated: new Map() };
  for (const record of records) {
    add(index.exact, nameKey(record.name), record);
    if (record.short_name) add(index.exact, nameKey(record.short_name), record);
    add(index.abbreviated, abbreviationKey(record.name), record);
  }
  return index;
}

/** How many candidates a refusal names. */
const CANDIDATES_SHOWN = 5;

/**
 * The record a name links to: by its full name or short name first, and only when none has it by
 * the abbreviation of a name ("GGD ZL"). Two or more records: ambiguous, with the candidates.
 */
export function linkName(index: NameIndex, text: string): NameLink {
  const key = nameKey(text);
  if (key === "") return { kind: "none" };
  const found = index.exact.get(key) ?? index.abbreviated.get(key) ?? [];
  const [only] = found;
  if (only && found.length === 1) return { kind: "linked", id: only.id, name: only.shown_as ?? only.name };
  if (found.length > 1)
    return {
      kind: "ambiguous",
      candidates: found
        .slice(0, CANDIDATES_SHOWN)
        .map((record) => ({ id: record.id, name: record.shown_as ?? record.name })),
    };
  return { kind: "none" };
}
