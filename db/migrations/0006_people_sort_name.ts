import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";

/**
 * People are listed in Dutch order (achternaam without tussenvoegsel, accents and case folded). At
 * tens of thousands of people the list cannot sort in TypeScript on every page view, so the key is
 * stored and indexed; triggers keep it current through `kring_sort_name`, which db/index.ts adds
 * to every SQLite connection (SQLite itself cannot fold "Ö" to "o"). PostgreSQL folds the same way
 * (normalize to NFD, drop the combining marks, lower(): tests/integration/sort-name.test.ts compares
 * them), and keeps the key in the "C" collation: compared byte by byte, as in SQLite and in TypeScript.
 */
const sortName = (p: string) => `kring_sort_name(${p}.last_name, ${p}.first_name, ${p}.initials, ${p}.infix)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === "postgres") return upOnPostgres(db);
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run("alter table people add column sort_name text not null default ''");
  await run(`update people set sort_name = ${sortName("people")}`);
  await run("create index people_sort_name on people (sort_name, id)");
  await run(`create trigger people_sort_name_insert after insert on people begin
    update people set sort_name = ${sortName("new")} where id = new.id;
  end`);
  await run(`create trigger people_sort_name_update after update of last_name, first_name, initials, infix on people begin
    update people set sort_name = ${sortName("new")} where id = new.id;
  end`);
}

async function upOnPostgres(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  // the fold of db/sort-name.ts: accents are the combining marks of the canonical decomposition
  await run(`create function kring_fold(value text) returns text language sql stable as $$
    select lower(regexp_replace(normalize(coalesce(value, ''), NFD), '[\\u0300-\\u036f]', '', 'g'))
  $$`);
  await run(`create function kring_sort_name(last_name text, first_name text, initials text, infix text)
    returns text language sql stable as $$
    select kring_fold(last_name) || chr(1) || kring_fold(coalesce(first_name, initials, '')) || chr(1) || kring_fold(infix)
  $$`);
  await run(`alter table people add column sort_name text collate "C" not null default ''`);
  await run(`update people set sort_name = ${sortName("people")}`);
  await run("create index people_sort_name on people (sort_name, id)");
  await run(`create function people_sort_name() returns trigger language plpgsql as $$
    begin
      new.sort_name := ${sortName("new")};
      return new;
    end $$`);
  await run(`create trigger people_sort_name before insert or update of last_name, first_name, initials, infix
    on people for each row execute function people_sort_name()`);
}
