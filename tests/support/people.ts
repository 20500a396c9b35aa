import type { Insertable, Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { AffiliationsTable } from "../../db/schema";
import { makeOrganisation, makePerson } from "./db";

/** A job: since 2024-01-01, ongoing. A new person and organisation are made unless their ids are given. */
export async function makeAffiliation(
  db: DB,
  overrides: Partial<Insertable<AffiliationsTable>> = {},
): Promise<Selectable<AffiliationsTable>> {
  const person_id = overrides.person_id ?? (await makePerson(db)).id;
  const organisation_id = overrides.organisation_id ?? (await makeOrganisation(db)).id;
  return db
    .insertInto("affiliations")
    .values({
      function_title: "Beleidsadviseur",
      start_date: "2024-01-01",
      end_date: null,
      ...overrides,
      person_id,
      organisation_id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** What the person forms post, for a person named Anna van den Berg unless told otherwise. */
export function personForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    first_name: "Anna",
    infix: "van den",
    last_name: "Berg",
    initials: "A.",
    salutation: "Geachte mevrouw Van den Berg",
    title: "",
    phone: "043 123 45 67",
    preferred_language: "nl",
    notes: "",
    ...overrides,
  };
}
