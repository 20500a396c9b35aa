import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";
import { nowText, primaryId } from "../schema-sql";

/**
 * Likely duplicates are found through keys, not by comparing every person with every other: the
 * achternaam without accents and glued-on tussenvoegsels (`surname_key`) and the phone number as
 * dialled in the Netherlands (`phone_key`), both stored, indexed and kept by triggers from the rules
 * of db/match-keys.ts, as sort_name is (migration 0006). On SQLite the triggers call those rules
 * through kring_surname_key and kring_phone_key, which db/index.ts adds to every connection; PostgreSQL
 * has them in PL/pgSQL, compared with the TypeScript in tests/integration/duplicates.test.ts.
 *
 * `duplicate_dismissals` keeps the pairs the office marked "not the same", lower id first, so the
 * pairs page and the warnings leave them out.
 */
const keys = (p: string) => `kring_surname_key(${p}.last_name), kring_phone_key(${p}.phone)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  if (engineOf(db) === "postgres") {
    await createPostgresFunctions(db);
    await run(`alter table people add column surname_key text collate "C" not null default ''`);
    await run(`alter table people add column phone_key text collate "C" not null default ''`);
    await run(`update people set (surname_key, phone_key) = (${keys("people")})`);
    await run(`create function people_match_keys() returns trigger language plpgsql as $$
      begin
        new.surname_key := kring_surname_key(new.last_name);
        new.phone_key := kring_phone_key(new.phone);
        return new;
      end $$`);
    await run(`create trigger people_match_keys before insert or update of last_name, phone
      on people for each row execute function people_match_keys()`);
  } else {
    await run("alter table people add column surname_key text not null default ''");
    await run("alter table people add column phone_key text not null default ''");
    const set = `surname_key = kring_surname_key(new.last_name), phone_key = kring_phone_key(new.phone)`;
    await run(`update people set surname_key = kring_surname_key(last_name), phone_key = kring_phone_key(phone)`);
    await run(`create trigger people_match_keys_insert after insert on people begin
      update people set ${set} where id = new.id;
    end`);
    await run(`create trigger people_match_keys_update after update of last_name, phone on people begin
      update people set ${set} where id = new.id;
    end`);
  }
  await run("create index people_surname_key on people (surname_key)");
  await run("create index people_phone_key on people (phone_key) where phone_key <> ''");

  await db.schema
    .createTable("duplicate_dismissals")
    .addColumn("id", "integer", primaryId(db))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('person', 'organisation')`))
    .addColumn("first_id", "integer", (c) => c.notNull())
    .addColumn("second_id", "integer", (c) => c.notNull())
    .addColumn("dismissed_by", "integer", (c) => c.references("users.id"))
    .addColumn("dismissed_at", "text", (c) => c.notNull().defaultTo(nowText(db)))
    .addCheckConstraint("duplicate_dismissals_ordered", sql`first_id < second_id`)
    .execute();
  await run("create unique index duplicate_dismissals_pair on duplicate_dismissals (kind, first_id, second_id)");
}

/** The rules of db/match-keys.ts, step by step in the same order. */
async function createPostgresFunctions(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`create function kring_surname_key(last_name text) returns text language plpgsql stable as $$
    declare
      key text := regexp_replace(kring_fold(last_name), '[ \t.,''’‘\`-]', '', 'g');
      particle text;
    begin
      loop
        particle := substring(key from '^(van|von|der|den|het|ter|ten|vd|de|te|op)');
        exit when particle is null or length(key) - length(particle) < 3;
        key := substr(key, length(particle) + 1);
      end loop;
      return key;
    end $$`);
  await run(`create function kring_phone_key(phone text) returns text language plpgsql immutable as $$
    declare
      key text := regexp_replace(replace(coalesce(phone, ''), '(0)', ''), '[^0-9+]', '', 'g');
    begin
      if key like '+31%' then key := '0' || substr(key, 4);
      elsif key like '0031%' then key := '0' || substr(key, 5);
      elsif key like '+%' then key := '00' || substr(key, 2);
      end if;
      key := replace(key, '+', '');
      return case when length(key) < 6 then '' else key end;
    end $$`);
}
