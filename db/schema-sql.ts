import { type ColumnDataType, type ColumnDefinitionBuilder, type Kysely, type RawBuilder, sql } from "kysely";
import { engineOf } from "./engine";

/**
 * The schema SQL that differs between SQLite and PostgreSQL, for the migrations: each migration
 * is written once with these, and its SQLite statements are those it always had.
 */

type AnyDb = Kysely<unknown>;

/** The id column: SQLite's integer primary key is the rowid; PostgreSQL needs an identity. */
export const primaryId = (db: AnyDb) => (column: ColumnDefinitionBuilder) =>
  engineOf(db) === "postgres" ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey();

/** The moment a row was written, as the UTC ISO text the app writes itself (2026-12-07T09:30:00.000Z). */
export function nowText(db: AnyDb): RawBuilder<string> {
  return engineOf(db) === "postgres"
    ? sql`(to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
    : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
}

/** Milliseconds since 1970 (session expiry, throttles): past 2^31, so PostgreSQL's integer is too small. */
export const epochMillis = (db: AnyDb): ColumnDataType => (engineOf(db) === "postgres" ? "bigint" : "integer");

/** `column` is a real calendar day written YYYY-MM-DD (or null when `nullable`). */
export function isoDateCheck(db: AnyDb, column: string, nullable = true): RawBuilder<boolean> {
  const test =
    engineOf(db) === "postgres"
      ? `kring_is_iso_date(${column})`
      : `(length(${column}) = 10 and date(${column}) = ${column})`;
  return sql.raw(nullable ? `${column} is null or ${test}` : test);
}

/** `column` is a clock time HH:MM (or null). */
export function clockTimeCheck(db: AnyDb, column: string): RawBuilder<boolean> {
  return sql.raw(
    engineOf(db) === "postgres"
      ? `${column} is null or kring_is_clock_time(${column})`
      : `${column} is null or (length(${column}) = 5 and time(${column} || ':00') = ${column} || ':00')`,
  );
}

/** `column` holds JSON text (or null when `nullable`). */
export function jsonCheck(db: AnyDb, column: string, nullable = false): RawBuilder<boolean> {
  const test = engineOf(db) === "postgres" ? `kring_is_json(${column})` : `json_valid(${column})`;
  return sql.raw(nullable ? `${column} is null or ${test}` : test);
}

/** `column` contains `text` (a plain substring, no wildcards). */
export function containsCheck(db: AnyDb, column: string, text: string): RawBuilder<boolean> {
  const literal = `'${text.replaceAll("'", "''")}'`;
  return sql.raw(
    engineOf(db) === "postgres" ? `strpos(${column}, ${literal}) > 0` : `instr(${column}, ${literal}) > 0`,
  );
}

/** A unique index on a name, ignoring case: SQLite's nocase folds ASCII, PostgreSQL's lower() every letter. */
export async function uniqueIgnoringCase(db: AnyDb, index: string, table: string, column: string): Promise<void> {
  const key = engineOf(db) === "postgres" ? `(lower(${column}))` : `(${column} collate nocase)`;
  await sql.raw(`create unique index ${index} on ${table} ${key}`).execute(db);
}

/**
 * PostgreSQL's versions of the SQLite functions the checks use, which PostgreSQL lacks or which
 * raise where a check must answer false. Created by the first migration.
 */
export async function createCheckFunctions(db: AnyDb): Promise<void> {
  if (engineOf(db) !== "postgres") return;
  await sql`
    create function kring_is_iso_date(value text) returns boolean language plpgsql immutable as $$
    begin
      return value ~ '^\\d{4}-\\d{2}-\\d{2}$' and to_char(to_date(value, 'YYYY-MM-DD'), 'YYYY-MM-DD') = value;
    exception when others then
      return false;
    end $$`.execute(db);
  await sql`
    create function kring_is_clock_time(value text) returns boolean language plpgsql immutable as $$
    begin
      return value ~ '^\\d{2}:\\d{2}$' and to_char((value || ':00')::time, 'HH24:MI') = value;
    exception when others then
      return false;
    end $$`.execute(db);
  await sql`
    create function kring_is_json(value text) returns boolean language plpgsql immutable as $$
    begin
      perform value::jsonb;
      return true;
    exception when others then
      return false;
    end $$`.execute(db);
  // the guards' one way to refuse: the message is the trigger's first argument
  await sql`
    create function kring_refuse() returns trigger language plpgsql as $$
    begin
      raise exception '%', tg_argv[0] using errcode = 'restrict_violation';
    end $$`.execute(db);
}

export interface Guard {
  name: string;
  table: string;
  /** "update", "delete", "insert", or "update of status" */
  event: string;
  /**
   * When to refuse, in terms of `old` and `new`, written with `changed(column)`; null: always.
   * A condition with a subquery must be `subquery`-marked: PostgreSQL's WHEN cannot hold one.
   */
  when: ((changed: (column: string) => string) => string) | null;
  message: string;
}

/**
 * A trigger that refuses a change before it happens (frozen waves, the append-only audit log):
 * SQLite's raise(abort), PostgreSQL's kring_refuse(). The message is the same on both.
 */
export async function createGuard(db: AnyDb, guard: Guard): Promise<void> {
  const postgres = engineOf(db) === "postgres";
  const changed = (column: string) =>
    postgres ? `new.${column} is distinct from old.${column}` : `new.${column} is not old.${column}`;
  const condition = guard.when?.(changed) ?? null;
  const message = `'${guard.message.replaceAll("'", "''")}'`;
  if (postgres) {
    await sql
      .raw(
        `create trigger ${guard.name} before ${guard.event} on ${guard.table} for each row
         ${condition ? `when (${condition})` : ""} execute function kring_refuse(${message})`,
      )
      .execute(db);
  } else {
    await sql
      .raw(
        `create trigger ${guard.name} before ${guard.event} on ${guard.table}
         ${condition ? `when ${condition}` : ""}
         begin select raise(abort, ${message}); end`,
      )
      .execute(db);
  }
}
