import { type Kysely, sql } from "kysely";

/**
 * The lookup's full-text index (FTS5) over people, organisations and bodies, kept current by
 * triggers, so no model has to remember it. Only db/search.ts reads it.
 *
 * - `unicode61 remove_diacritics 2` folds case and accents: "sante" finds "Santé".
 * - Each record has a fixed rowid (id × 4 + 1 person, 2 organisation, 3 body), so a trigger
 *   replaces exactly its own row without scanning the table.
 * - People are indexed by their name parts, initials, the tussenvoegsel and achternaam written
 *   together ("vandenberg", as in many e-mail addresses) and all their e-mail addresses.
 * - Archived records stay in the index; the search marks them from the record itself.
 */
const PERSON_ROW = (id: string) => `(${id} * 4 + 1)`;
const ORGANISATION_ROW = (id: string) => `(${id} * 4 + 2)`;
const BODY_ROW = (id: string) => `(${id} * 4 + 3)`;

const personName = (p: string) => `concat_ws(' ', ${p}.first_name, ${p}.infix, ${p}.last_name)`;
const personAlias = (p: string) =>
  `concat_ws(' ', ${p}.initials, case when ${p}.infix is not null then replace(${p}.infix || ${p}.last_name, ' ', '') end)`;
const personEmails = (personId: string) =>
  `(select group_concat(e.email, ' ') from person_emails e where e.person_id = ${personId})`;

const insertPerson = (p: string) =>
  `insert into register_search (rowid, kind, record_id, name, alias, email)
   select ${PERSON_ROW(`${p}.id`)}, 'person', ${p}.id, ${personName(p)}, ${personAlias(p)}, ${personEmails(`${p}.id`)}`;
const insertOrganisation = (o: string) =>
  `insert into register_search (rowid, kind, record_id, name, alias, email)
   select ${ORGANISATION_ROW(`${o}.id`)}, 'organisation', ${o}.id, ${o}.name, ${o}.short_name, null`;
const insertBody = (b: string) =>
  `insert into register_search (rowid, kind, record_id, name, alias, email)
   select ${BODY_ROW(`${b}.id`)}, 'body', ${b}.id, ${b}.name, ${b}.abbreviation, null`;
const refreshEmails = (personId: string) =>
  `update register_search set email = ${personEmails(personId)} where rowid = ${PERSON_ROW(personId)}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);

  const { rows } = await sql<{ found: number }>`
    select count(*) as found from pragma_compile_options where compile_options = 'ENABLE_FTS5'`.execute(db);
  if (!rows[0]?.found) {
    throw new Error(
      "This SQLite build has no FTS5 module, which the register search needs (better-sqlite3's own build has it).",
    );
  }

  await run(`create virtual table register_search using fts5(
    kind unindexed,
    record_id unindexed,
    name,
    alias,
    email,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
  )`);
  // A hit in the name weighs more than one in a short name or initials, and more again than an e-mail address.
  await run(`insert into register_search (register_search, rank) values ('rank', 'bm25(0, 0, 10.0, 5.0, 2.0)')`);

  await run(`${insertPerson("people")} from people`);
  await run(`${insertOrganisation("organisations")} from organisations`);
  await run(`${insertBody("bodies")} from bodies`);

  const triggers: Record<string, string> = {
    register_search_person_insert: `after insert on people begin ${insertPerson("new")}; end`,
    register_search_person_update: `after update of first_name, infix, last_name, initials on people begin
      delete from register_search where rowid = ${PERSON_ROW("old.id")};
      ${insertPerson("new")};
    end`,
    register_search_person_delete: `after delete on people begin
      delete from register_search where rowid = ${PERSON_ROW("old.id")};
    end`,
    register_search_email_insert: `after insert on person_emails begin ${refreshEmails("new.person_id")}; end`,
    register_search_email_update: `after update of email, person_id on person_emails begin
      ${refreshEmails("old.person_id")};
      ${refreshEmails("new.person_id")};
    end`,
    register_search_email_delete: `after delete on person_emails begin ${refreshEmails("old.person_id")}; end`,
    register_search_organisation_insert: `after insert on organisations begin ${insertOrganisation("new")}; end`,
    register_search_organisation_update: `after update of name, short_name on organisations begin
      delete from register_search where rowid = ${ORGANISATION_ROW("old.id")};
      ${insertOrganisation("new")};
    end`,
    register_search_organisation_delete: `after delete on organisations begin
      delete from register_search where rowid = ${ORGANISATION_ROW("old.id")};
    end`,
    register_search_body_insert: `after insert on bodies begin ${insertBody("new")}; end`,
    register_search_body_update: `after update of name, abbreviation on bodies begin
      delete from register_search where rowid = ${BODY_ROW("old.id")};
      ${insertBody("new")};
    end`,
    register_search_body_delete: `after delete on bodies begin
      delete from register_search where rowid = ${BODY_ROW("old.id")};
    end`,
  };
  for (const [name, body] of Object.entries(triggers)) await run(`create trigger ${name} ${body}`);
}
