import type { SelectQueryBuilder } from "kysely";
import type { DB } from "../../db/index";
import type { Database } from "../../db/schema";
import type { VCardPerson } from "../services/vcard.server";

/**
 * What the vCard download holds of each person: names, addresses, phone, notes and the current
 * job. Erased people are never written, whatever ids are asked for.
 */
export async function peopleForVCard(
  db: DB,
  ids: readonly [number] | SelectQueryBuilder<Database, "people", { id: number }>,
  onDay: string,
): Promise<VCardPerson[]> {
  const people = await db
    .selectFrom("people")
    .select(["id", "first_name", "infix", "last_name", "initials", "title", "phone", "notes", "sort_name"])
    .where("id", "in", ids)
    .where("erased_at", "is", null)
    .orderBy("sort_name")
    .orderBy("id")
    .execute();
  const [emails, jobs] = await Promise.all([
    db
      .selectFrom("person_emails")
      .select(["person_id", "email", "is_primary"])
      .where("person_id", "in", ids)
      .orderBy("is_primary", "desc")
      .orderBy("email")
      .execute(),
    db
      .selectFrom("affiliations")
      .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
      .select(["affiliations.person_id", "organisations.name", "affiliations.function_title"])
      .where("affiliations.person_id", "in", ids)
      .where((eb) => eb.or([eb("affiliations.start_date", "is", null), eb("affiliations.start_date", "<=", onDay)]))
      .where((eb) => eb.or([eb("affiliations.end_date", "is", null), eb("affiliations.end_date", ">=", onDay)]))
      .orderBy("affiliations.start_date", "desc")
      .orderBy("affiliations.id", "desc")
      .execute(),
  ]);
  return people.map(({ sort_name: _sortKey, ...person }) => {
    const job = jobs.find((row) => row.person_id === person.id);
    return {
      ...person,
      emails: emails
        .filter((row) => row.person_id === person.id)
        .map((row) => ({ email: row.email, is_primary: Boolean(row.is_primary) })),
      organisation: job?.name ?? null,
      function_title: job?.function_title ?? null,
    };
  });
}
