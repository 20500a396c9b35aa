import { type Expression, type Kysely, sql } from "kysely";
import { engineOf } from "./engine";

/**
 * The query SQL that differs between SQLite and PostgreSQL, each behind one function, so the
 * models are written once. Functions that must know the engine take the database (or the
 * transaction) the query runs on; the others are written in SQL both engines share.
 */

type OnDatabase = Pick<Kysely<never>, "getExecutor">;

/** Concatenates a column's values of a group with a separator (string_agg: SQLite has it since 3.44). */
export function joinedText(expression: Expression<string | null>, separator: string) {
  return sql<string | null>`string_agg(${expression}, ${separator})`;
}

/**
 * The expression contains the typed text as it is: its own % and _ are not wildcards (escaped with
 * a backslash). Case-insensitive: SQLite's lower() folds ASCII letters, PostgreSQL's every letter.
 */
export function containsText(expression: Expression<string | null>, text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return sql<boolean>`lower(${expression}) like lower(${pattern}) escape '\\'`;
}

/**
 * Ids as one parameter for `where id in (…)`: one statement text whatever the number of ids (so it
 * stays prepared), and no limit from the number of bound variables (a national figure names tens
 * of thousands of people). SQLite reads a JSON array, PostgreSQL an integer array.
 */
export function idList(db: OnDatabase, ids: readonly number[]) {
  return engineOf(db) === "postgres"
    ? sql<number>`(select unnest(cast(${[...ids]} as integer[])))`
    : sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;
}

/** Strings as one parameter for `in (…)`, as idList does for ids. */
export function textList(db: OnDatabase, values: readonly string[]) {
  return engineOf(db) === "postgres"
    ? sql<string>`(select unnest(cast(${[...values]} as text[])))`
    : sql<string>`(select value from json_each(${JSON.stringify(values)}))`;
}

/** A top-level field of a JSON text column, as text (null when absent). */
export function jsonText(db: OnDatabase, column: string, field: string) {
  return engineOf(db) === "postgres"
    ? sql<string | null>`(cast(${sql.ref(column)} as jsonb) ->> ${field})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${field}`})`;
}

/** A top-level field of a JSON text column, as an integer (null when absent). */
export function jsonInteger(db: OnDatabase, column: string, field: string) {
  return sql<number | null>`cast(${jsonText(db, column, field)} as integer)`;
}

/** A text compared and sorted ignoring case: SQLite's nocase collation, PostgreSQL's lower() in byte order. */
export function ignoringCase(db: OnDatabase, column: string) {
  return engineOf(db) === "postgres"
    ? sql<string>`lower(${sql.ref(column)}) collate "C"`
    : sql<string>`${sql.ref(column)} collate nocase`;
}

/** The column equals the text, ignoring case (as the unique indexes on names compare). */
export function equalsIgnoringCase(db: OnDatabase, column: string, text: string) {
  return engineOf(db) === "postgres"
    ? sql<boolean>`lower(${sql.ref(column)}) = lower(${text})`
    : sql<boolean>`${sql.ref(column)} collate nocase = ${text}`;
}

/**
 * Reads the rows as the start of changing them: on PostgreSQL `for update`, so a second
 * transaction that reads the same row to change it waits for the first and then starts again
 * (db/transaction.ts) seeing its work, instead of both going ahead on what they read. SQLite lets
 * one writer at a time and has no such clause.
 */
export function lockedForChange<Query extends { forUpdate(): Query }>(db: OnDatabase, query: Query): Query {
  return engineOf(db) === "postgres" ? query.forUpdate() : query;
}

/**
 * After a change that added thousands of rows at once (a frozen panel, a mailing's outbox), the
 * planner's statistics of those tables, now rather than when autovacuum gets round to them: on
 * PostgreSQL the queries of the next minute (queuing the mailing to the panel just frozen) were
 * otherwise planned for the empty table, taking 4–8 s instead of 0.8. SQLite plans from its indexes
 * and `PRAGMA optimize` (db/index.ts), so nothing is done there.
 */
export async function refreshStatisticsOf(db: OnDatabase, tables: readonly string[]): Promise<void> {
  if (engineOf(db) !== "postgres" || tables.length === 0) return;
  await sql`analyze ${sql.join(tables.map((table) => sql.table(table)))}`.execute(db);
}

/** Whether the database refused a row for a unique index or key: SQLite's and PostgreSQL's codes. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
