/**
 * The fields a spreadsheet column can be mapped to in the import wizard, and the suggestions made
 * from a column's header (Dutch and English, ignoring case, accents and punctuation). Browser-safe:
 * the mapping form and the server read the same list.
 */

/** The upload's limits, stated on the page: a body of 10 MB is far more than 20 000 rows need. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export const IMPORT_FIELDS = [
  "organisation",
  "organisation_external_id",
  "sector",
  "person_external_id",
  "first_name",
  "infix",
  "last_name",
  "initials",
  "email",
  "phone",
  "function_title",
  "body",
  "role",
  "on_behalf_of",
  "start_date",
  "end_date",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index → field; a column mapped to nothing is left out. */
export type ImportMapping = (ImportField | null)[];

const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  organisation: ["organisatie", "organisation", "organization", "instelling", "werkgever", "employer", "company"],
  organisation_external_id: [
    "organisatie id",
    "extern id organisatie",
    "organisatienummer",
    "relatienummer organisatie",
    "organisation id",
    "organisation external id",
  ],
  sector: ["sector", "branche"],
  person_external_id: [
    "extern id",
    "externe id",
    "relatienummer",
    "external id",
    "person id",
    "persoon id",
    "contactnummer",
  ],
  first_name: ["voornaam", "roepnaam", "first name", "firstname", "given name"],
  infix: ["tussenvoegsel", "tussenvoegsels", "infix", "prefix"],
  last_name: ["achternaam", "last name", "lastname", "surname", "family name"],
  initials: ["voorletters", "initialen", "initials"],
  email: ["email", "e mail", "emailadres", "e mailadres", "mail", "email address", "e mail address", "mailadres"],
  phone: ["telefoon", "telefoonnummer", "tel", "mobiel", "phone", "phone number", "mobile", "telephone"],
  function_title: ["functie", "functietitel", "function", "job title", "job", "position"],
  body: ["gremium", "gremia", "overleg", "body", "committee", "board"],
  role: ["rol", "role", "zetel", "seat role"],
  on_behalf_of: ["namens", "on behalf of", "vertegenwoordigt", "representing"],
  start_date: ["vanaf", "van", "startdatum", "begindatum", "ingangsdatum", "start", "start date", "from", "since"],
  end_date: ["tot", "tot en met", "t m", "einddatum", "tot datum", "end", "end date", "until", "to"],
};

/** A header as compared: lower case, no accents, punctuation as spaces. */
export function headerKey(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const FIELD_BY_HEADER = new Map(
  Object.entries(HEADER_NAMES).flatMap(([field, names]) =>
    names.flatMap((name) => [
      [headerKey(name), field as ImportField],
      [headerKey(name).replaceAll(" ", ""), field as ImportField],
    ]),
  ),
);

/** The field a header names, if it names one. */
export function suggestField(header: string): ImportField | null {
  const key = headerKey(header);
  return FIELD_BY_HEADER.get(key) ?? FIELD_BY_HEADER.get(key.replaceAll(" ", "")) ?? null;
}

/** A field for each header, each field at most once (the first column that names it). */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = suggestField(header);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** The mapping a form posted: `column-<n>` per column, a field name or empty; unknown names are refused. */
export function mappingFrom(form: FormData | URLSearchParams, columns: number): ImportMapping | null {
  const mapping: ImportMapping = [];
  for (let i = 0; i < columns; i += 1) {
    const value = form.get(`column-${i}`);
    if (value === null || value === "") mapping.push(null);
    else if (typeof value === "string" && (IMPORT_FIELDS as readonly string[]).includes(value))
      mapping.push(value as ImportField);
    else return null;
  }
  return mapping;
}

/** Fields mapped from more than one column: the form refuses them, as a row would have two values. */
export function doubleFields(mapping: ImportMapping): ImportField[] {
  const seen = new Set<ImportField>();
  const doubles = new Set<ImportField>();
  for (const field of mapping) {
    if (field === null) continue;
    if (seen.has(field)) doubles.add(field);
    seen.add(field);
  }
  return [...doubles];
}
