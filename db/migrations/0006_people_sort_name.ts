import { type Kysely, sql } from "kysely";

/**
 * People are listed in Dutch order (achternaam without tussenvoegsel, accents and case folded). At
 * tens of thousands of people the list cannot sort in TypeScript on every page view, so the key is
 * stored and indexed; triggers keep it current through `kring_sort_name`, which db/index.ts adds
 * to every connection (SQLite itself cannot fold "Ö" to "o").
 */
const sortName = (p: string) => `kring_sort_name(${p}.last_name, ${p}.first_name, ${p}.initials, ${p}.infix)`;

export async function up(db: Kysely<unknown>): Promise<void> {
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
