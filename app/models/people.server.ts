import { joinedText } from "../../db/dialect";
import type { DB } from "../../db/index";
import { paging } from "../services/list-params";

export interface PeopleListFilter {
  q?: string;
  organisationId?: number;
  page: number;
}

/** People sorted on achternaam (the tussenvoegsel is a column of its own, so "van den Berg" files under B). */
export async function listPeople(db: DB, filter: PeopleListFilter, onDay: string) {
  let query = db.selectFrom("people").where("people.archived_at", "is", null);
  if (filter.q) {
    const pattern = `%${filter.q}%`;
    query = query.where((eb) =>
      eb.or([
        eb("people.last_name", "like", pattern),
        eb("people.first_name", "like", pattern),
        eb(eb.fn("concat_ws", [eb.val(" "), "people.first_name", "people.infix", "people.last_name"]), "like", pattern),
        eb.exists(
          eb
            .selectFrom("person_emails")
            .whereRef("person_emails.person_id", "=", "people.id")
            .where("person_emails.email", "like", pattern),
        ),
      ]),
    );
  }
  if (filter.organisationId) {
    const organisationId = filter.organisationId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("affiliations")
          .whereRef("affiliations.person_id", "=", "people.id")
          .where("affiliations.organisation_id", "=", organisationId),
      ),
    );
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const page = paging(Number(total), filter.page);
  const rows = await query
    .select(["people.id", "people.first_name", "people.infix", "people.last_name", "people.initials", "people.title"])
    .select((eb) => [
      eb
        .selectFrom("person_emails")
        .whereRef("person_emails.person_id", "=", "people.id")
        .where("person_emails.is_primary", "=", 1)
        .select("person_emails.email")
        .as("email"),
      eb
        .selectFrom("affiliations")
        .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
        .whereRef("affiliations.person_id", "=", "people.id")
        .where((w) => w.or([w("affiliations.start_date", "is", null), w("affiliations.start_date", "<=", onDay)]))
        .where((w) => w.or([w("affiliations.end_date", "is", null), w("affiliations.end_date", ">=", onDay)]))
        .select((s) => joinedText(s.ref("organisations.name"), ", ").as("names"))
        .as("organisations"),
    ])
    .orderBy((eb) => eb.fn("lower", ["people.last_name"]))
    .orderBy((eb) => eb.fn("lower", ["people.first_name"]))
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, page };
}

export async function getPerson(db: DB, id: number) {
  const person = await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
  if (!person) return null;
  const [emails, consents, affiliations, seats] = await Promise.all([
    db
      .selectFrom("person_emails")
      .select(["email", "is_primary"])
      .where("person_id", "=", id)
      .orderBy("is_primary", "desc")
      .orderBy("email")
      .execute(),
    db
      .selectFrom("consents")
      .select(["purpose", "status", "recorded_on", "source"])
      .where("person_id", "=", id)
      .orderBy("recorded_on", "desc")
      .orderBy("id", "desc")
      .execute(),
    db
      .selectFrom("affiliations")
      .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
      .select([
        "affiliations.id",
        "affiliations.function_title",
        "affiliations.start_date",
        "affiliations.end_date",
        "organisations.id as organisation_id",
        "organisations.name as organisation_name",
      ])
      .where("affiliations.person_id", "=", id)
      .orderBy("affiliations.start_date", "desc")
      .execute(),
    db
      .selectFrom("seats")
      .innerJoin("bodies", "bodies.id", "seats.body_id")
      .leftJoin("organisations", "organisations.id", "seats.organisation_id")
      .select([
        "seats.id",
        "seats.role",
        "seats.start_date",
        "seats.end_date",
        "bodies.id as body_id",
        "bodies.name as body_name",
        "organisations.id as organisation_id",
        "organisations.name as organisation_name",
      ])
      .where("seats.person_id", "=", id)
      .orderBy("seats.start_date", "desc")
      .execute(),
  ]);
  return { person, emails, consents, affiliations, seats };
}
