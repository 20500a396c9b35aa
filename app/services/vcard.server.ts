import { neutraliseFormula } from "./table-export.server";

/**
 * People as vCard 4.0 (RFC 6350) for address books: one card per person, CRLF line ends, lines
 * folded at 75 octets without splitting a UTF-8 character, values escaped. Address books that import
 * into spreadsheets run a value starting with = + - @ as a formula: each value is neutralised the way
 * the CSV and XLSX downloads do it.
 */

export interface VCardPerson {
  id: number;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  initials: string | null;
  title: string | null;
  phone: string | null;
  notes: string | null;
  emails: readonly { email: string; is_primary: boolean }[];
  /** the organisation and function of the person's current job, if any */
  organisation: string | null;
  function_title: string | null;
}

const MAX_LINE_OCTETS = 75;

/**
 * RFC 6350 §3.4: backslash, comma and line breaks escaped in a text value, and the semicolon too in
 * a component of a compound value (N, ORG), where it separates the components.
 */
export function escapeText(value: string, compound = false): string {
  const escaped = neutraliseFormula(value)
    .replace(/\\/g, "\\\\")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
  return compound ? escaped.replace(/;/g, "\\;") : escaped;
}

/** A phone number as the forms accept it: its leading + is an international prefix, not a formula. */
const PHONE_NUMBER = /^\+?[0-9][0-9 ()./-]*$/;

/** RFC 6350 §3.2: a line longer than 75 octets continues on the next, which starts with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const fullName = (person: VCardPerson) =>
  [person.title, person.first_name || person.initials, person.infix, person.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");

function card(person: VCardPerson): string[] {
  const lines = [
    "BEGIN:VCARD",
    "VERSION:4.0",
    `FN:${escapeText(fullName(person))}`,
    // family; given; additional; prefix; suffix — the tussenvoegsel belongs to the family name
    `N:${[
      [person.infix, person.last_name].filter(Boolean).join(" "),
      person.first_name ?? person.initials ?? "",
      "",
      person.title ?? "",
      "",
    ]
      .map((part) => escapeText(part, true))
      .join(";")}`,
  ];
  if (person.organisation) lines.push(`ORG:${escapeText(person.organisation, true)}`);
  if (person.function_title) lines.push(`TITLE:${escapeText(person.function_title)}`);
  for (const { email, is_primary } of person.emails) {
    lines.push(`EMAIL${is_primary ? ";PREF=1" : ""}:${escapeText(email)}`);
  }
  if (person.phone) {
    const phone = person.phone.trim();
    lines.push(`TEL;VALUE=text:${PHONE_NUMBER.test(phone) ? phone : escapeText(phone)}`);
  }
  if (person.notes) lines.push(`NOTE:${escapeText(person.notes)}`);
  lines.push(`UID:urn:kring:person:${person.id}`, "END:VCARD");
  return lines;
}

/** The people as one vCard file, in the order given. */
export function peopleToVCard(people: readonly VCardPerson[]): string {
  return people.flatMap(card).map(foldLine).join("\r\n") + (people.length > 0 ? "\r\n" : "");
}
