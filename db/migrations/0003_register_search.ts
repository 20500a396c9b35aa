import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";

/**
 * The lookup's full-text index over people, organisations and bodies, kept current by triggers,
 * so no model has to remember it. Only app/models/search.server.ts reads it. On SQLite it is FTS5
 * (below); on PostgreSQL a tsvector table (upOnPostgres), which indexes the same text the same way.
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
  if (engineOf(db) === "postgres") return upOnPostgres(db);
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

/**
 * PostgreSQL: one row per record with its text and a weighted tsvector (name A, alias B, e-mail C,
 * as FTS5's bm25 weights 10, 5 and 2), kept by PL/pgSQL triggers. The text is folded as FTS5's
 * unicode61 tokenizer with remove_diacritics does it: unaccent, lower case, and every run of
 * characters that are not letters or digits a word break (so e-mail addresses fall into their
 * parts, as in FTS5, instead of PostgreSQL's parser keeping them whole).
 */
async function upOnPostgres(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run("create extension if not exists unaccent");
  await run("create extension if not exists pg_trgm");
  await run(`create function kring_search_text(value text) returns text language sql stable as $$
    select regexp_replace(lower(unaccent(coalesce(value, ''))), '[^[:alnum:]]+', ' ', 'g')
  $$`);
  await run(`create function kring_search_document(name text, alias text, email text) returns tsvector
    language sql stable as $$
    select setweight(to_tsvector('simple', kring_search_text(name)), 'A')
      || setweight(to_tsvector('simple', kring_search_text(alias)), 'B')
      || setweight(to_tsvector('simple', kring_search_text(email)), 'C')
  $$`);
  await run(`create table register_search (
    kind text not null check (kind in ('person', 'organisation', 'body')),
    record_id integer not null,
    name text,
    alias text,
    email text,
    document tsvector not null,
    primary key (kind, record_id)
  )`);
  await run("create index register_search_document on register_search using gin (document)");
  await run(`create function kring_search_put(kind text, record_id integer, name text, alias text, email text)
    returns void language sql as $$
    insert into register_search (kind, record_id, name, alias, email, document)
    values (kind, record_id, name, alias, email, kring_search_document(name, alias, email))
    on conflict on constraint register_search_pkey do update
      set name = excluded.name, alias = excluded.alias, email = excluded.email, document = excluded.document
  $$`);

  const emailsOf = (personId: string) =>
    `(select string_agg(e.email, ' ') from person_emails e where e.person_id = ${personId})`;
  const putPerson = (p: string) =>
    `perform kring_search_put('person', ${p}.id, ${personName(p)}, ${personAlias(p)}, ${emailsOf(`${p}.id`)})`;
  const putOrganisation = (o: string) =>
    `perform kring_search_put('organisation', ${o}.id, ${o}.name, ${o}.short_name, null)`;
  const putBody = (b: string) => `perform kring_search_put('body', ${b}.id, ${b}.name, ${b}.abbreviation, null)`;
  const refreshEmails = (personId: string) =>
    `update register_search set email = ${emailsOf(personId)},
       document = kring_search_document(name, alias, ${emailsOf(personId)})
     where kind = 'person' and record_id = ${personId}`;

  await run(`insert into register_search (kind, record_id, name, alias, email, document)
    select 'person', p.id, ${personName("p")}, ${personAlias("p")}, ${emailsOf("p.id")},
      kring_search_document(${personName("p")}, ${personAlias("p")}, ${emailsOf("p.id")}) from people p`);
  await run(`insert into register_search (kind, record_id, name, alias, email, document)
    select 'organisation', o.id, o.name, o.short_name, null, kring_search_document(o.name, o.short_name, null)
    from organisations o`);
  await run(`insert into register_search (kind, record_id, name, alias, email, document)
    select 'body', b.id, b.name, b.abbreviation, null, kring_search_document(b.name, b.abbreviation, null) from bodies b`);

  const kept: Array<{ name: string; table: string; events: string; body: string }> = [
    {
      name: "register_search_person",
      table: "people",
      events: "insert or update of first_name, infix, last_name, initials",
      body: `${putPerson("new")};`,
    },
    {
      name: "register_search_person_delete",
      table: "people",
      events: "delete",
      body: "delete from register_search where kind = 'person' and record_id = old.id;",
    },
    {
      name: "register_search_email",
      table: "person_emails",
      events: "insert or update of email, person_id or delete",
      body: `if tg_op <> 'INSERT' then ${refreshEmails("old.person_id")}; end if;
        if tg_op <> 'DELETE' then ${refreshEmails("new.person_id")}; end if;`,
    },
    {
      name: "register_search_organisation",
      table: "organisations",
      events: "insert or update of name, short_name",
      body: `${putOrganisation("new")};`,
    },
    {
      name: "register_search_organisation_delete",
      table: "organisations",
      events: "delete",
      body: "delete from register_search where kind = 'organisation' and record_id = old.id;",
    },
    {
      name: "register_search_body",
      table: "bodies",
      events: "insert or update of name, abbreviation",
      body: `${putBody("new")};`,
    },
    {
      name: "register_search_body_delete",
      table: "bodies",
      events: "delete",
      body: "delete from register_search where kind = 'body' and record_id = old.id;",
    },
  ];
  for (const trigger of kept) {
    await run(`create function ${trigger.name}() returns trigger language plpgsql as $$
      begin
        ${trigger.body}
        return null;
      end $$`);
    await run(`create trigger ${trigger.name} after ${trigger.events} on ${trigger.table}
      for each row execute function ${trigger.name}()`);
  }
}
