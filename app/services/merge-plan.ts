import type { MergedEntity } from "../../db/schema";

/**
 * What a merge of two duplicate records does, as data (decision 032): which fields the user chooses
 * between, which columns of which tables point at the record and move to the survivor, and how two
 * snapshots of one row are compared. Browser-safe: the merge page builds its radios from it.
 */

export const MERGE_FIELDS = {
  people: [
    "first_name",
    "infix",
    "last_name",
    "initials",
    "salutation",
    "title",
    "phone",
    "preferred_language",
    "notes",
  ],
  organisations: [
    "name",
    "short_name",
    "sector_id",
    "iza_signatory",
    "parent_id",
    "website",
    "email",
    "phone",
    "address",
    "notes",
  ],
} as const satisfies Record<MergedEntity, readonly string[]>;

export type MergeField<E extends MergedEntity> = (typeof MERGE_FIELDS)[E][number];

/** Which record's value a field keeps. */
export type FieldSide = "survivor" | "merged";
export type FieldChoices = Record<string, FieldSide>;

/**
 * A column that points at a person or an organisation and moves to the survivor. `unique`: the
 * other columns that, with this one, may hold a row only once (a meeting's attendance of one person);
 * the merged record's row is then removed where the survivor already has its twin, and put back by an
 * undo. `key`: the columns that name a row (its id, or the composite key of a link table).
 */
export interface MovedReference {
  table: string;
  column: string;
  key: readonly string[];
  unique?: readonly string[];
  /** for a table that names records of several kinds: the rows of this kind only */
  where?: Readonly<Record<string, string>>;
  /** the kinds of rows the merge page counts under this name */
  counts: string;
}

export const MOVED_REFERENCES: Record<MergedEntity, readonly MovedReference[]> = {
  people: [
    { table: "affiliations", column: "person_id", key: ["id"], counts: "jobs" },
    { table: "seats", column: "person_id", key: ["id"], counts: "seats" },
    { table: "theme_leads", column: "person_id", key: ["id"], counts: "programmeLeads" },
    { table: "attendance", column: "person_id", key: ["id"], unique: ["meeting_id"], counts: "attendance" },
    { table: "attendance", column: "substitute_person_id", key: ["id"], counts: "substitutions" },
    { table: "person_emails", column: "person_id", key: ["id"], counts: "emails" },
    { table: "consents", column: "person_id", key: ["id"], counts: "consents" },
    {
      table: "external_ids",
      column: "entity_id",
      key: ["id"],
      where: { entity: "people" },
      counts: "externalIds",
    },
    // a duplicate merged into this one earlier now names the survivor directly
    { table: "people", column: "merged_into_id", key: ["id"], counts: "duplicates" },
  ],
  organisations: [
    { table: "affiliations", column: "organisation_id", key: ["id"], counts: "jobs" },
    { table: "seats", column: "organisation_id", key: ["id"], counts: "seats" },
    { table: "attendance", column: "organisation_id", key: ["id"], counts: "attendance" },
    {
      table: "organisation_subregions",
      column: "organisation_id",
      key: ["organisation_id", "subregion_id"],
      unique: ["subregion_id"],
      counts: "subregions",
    },
    {
      table: "organisation_regions",
      column: "organisation_id",
      key: ["organisation_id", "region_id"],
      unique: ["region_id"],
      counts: "regions",
    },
    { table: "organisations", column: "parent_id", key: ["id"], counts: "children" },
    { table: "plans", column: "lead_organisation_id", key: ["id"], counts: "plans" },
    {
      table: "meeting_invitations",
      column: "organisation_id",
      key: ["id"],
      unique: ["meeting_id"],
      counts: "invitations",
    },
    {
      table: "external_ids",
      column: "entity_id",
      key: ["id"],
      where: { entity: "organisations" },
      counts: "externalIds",
    },
    { table: "organisations", column: "merged_into_id", key: ["id"], counts: "duplicates" },
  ],
};

/**
 * Columns that keep pointing at the merged record. A frozen panel is immutable and its content hash
 * covers the person ids it drew (decision 007); the outbox is the sender's log of what went to whom
 * (decision 017). The merged row stays, with `merged_into_id` naming the survivor.
 */
export const KEPT_REFERENCES = [
  { table: "panel_members", column: "person_id" },
  { table: "panel_members", column: "organisation_id" },
  { table: "mail_outbox", column: "person_id" },
  // drawn from a frozen panel and immutable like it (decision 035)
  { table: "interview_sample_members", column: "person_id" },
] as const;

type Values = Record<string, unknown>;

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

/** Per field: the survivor's value, unless only the merged record has one. */
export function defaultFieldChoices(fields: readonly string[], survivor: Values, merged: Values): FieldChoices {
  return Object.fromEntries(
    fields.map((field) => [field, isEmpty(survivor[field]) && !isEmpty(merged[field]) ? "merged" : "survivor"]),
  );
}

/** The values the survivor gets: per field from the side chosen (the survivor's where nothing was chosen). */
export function chosenValues(
  fields: readonly string[],
  survivor: Values,
  merged: Values,
  choices: FieldChoices,
): Values {
  return Object.fromEntries(
    fields.map((field) => [field, choices[field] === "merged" ? merged[field] : survivor[field]]),
  );
}

/** The fields whose value differs between the two records: the only ones the page asks about. */
export function differingFields(fields: readonly string[], survivor: Values, merged: Values): string[] {
  return fields.filter((field) => (survivor[field] ?? null) !== (merged[field] ?? null));
}

/** A row as text with its columns in name order, so two reads of an unchanged row compare equal. */
export function rowText(row: Values, leaveOut: readonly string[] = []): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(row)
        .filter((column) => !leaveOut.includes(column))
        .sort()
        .map((column) => [column, row[column] ?? null]),
    ),
  );
}

/** An organisation id inside a saved search's filter, where the people list keeps it. */
export function savedSearchOrganisation(filter: string): number | null {
  try {
    const parsed = JSON.parse(filter) as { organisationId?: unknown };
    return typeof parsed.organisationId === "number" ? parsed.organisationId : null;
  } catch {
    return null;
  }
}

/** The same filter, its organisation replaced. */
export function withSavedSearchOrganisation(filter: string, organisationId: number): string {
  return JSON.stringify({ ...(JSON.parse(filter) as object), organisationId });
}
