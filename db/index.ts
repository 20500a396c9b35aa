import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, sql, type SqliteDatabase, SqliteDialect } from "kysely";
import { type DatabaseTarget, describeTarget, engineOf } from "./engine";
import { MIGRATIONS } from "./migration-list";
import { connectionProblem, missingExtensions, notUtf8, postgresPool, REQUIRED_EXTENSIONS } from "./postgres";
import type { Database } from "./schema";
import { phoneKey, surnameKey } from "./match-keys";
import { dutchSortKey } from "./sort-name";

export type DB = Kysely<Database>;
export type { DatabaseTarget } from "./engine";

/** The SQLite file: DATABASE_PATH, or data/kring.sqlite. */
export function databasePath(env: Partial<Record<string, string>> = process.env): string {
  return path.resolve(env.DATABASE_PATH || path.join("data", "kring.sqlite"));
}

/** PostgreSQL when DATABASE_URL is set, else the SQLite file: the one setting that chooses the engine. */
export function databaseTarget(env: Partial<Record<string, string>> = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { engine: "postgres", url };
  return { engine: "sqlite", file: databasePath(env) };
}

const asTarget = (target: DatabaseTarget | string): DatabaseTarget =>
  typeof target === "string" ? { engine: "sqlite", file: target } : target;

type StartStep = "open" | "connect" | "migrate";

/** Raised when the database cannot be opened, reached or migrated: names the database and the cause. */
export class DatabaseStartError extends Error {
  /** the SQLite file, or the PostgreSQL address without its password */
  readonly where: string;
  constructor(
    target: DatabaseTarget | string,
    readonly step: StartStep,
    cause: unknown,
  ) {
    const where = describeTarget(asTarget(target));
    const reason = cause instanceof Error ? cause.message : String(cause);
    const what =
      asTarget(target).engine === "sqlite" ? `the database file ${where}` : `the PostgreSQL database ${where}`;
    const verb = { open: "open", connect: "connect to", migrate: "migrate" }[step];
    super(`Cannot ${verb} ${what}: ${reason}`, { cause });
    this.where = where;
    this.name = "DatabaseStartError";
  }
}

/**
 * The SQL functions Kring's triggers use, written in TypeScript because SQLite cannot fold accents.
 * Every connection that writes people must have them: openDatabase adds them, and so must any
 * tool that opens the file with better-sqlite3 directly.
 */
export function addKringFunctions(sqlite: SQLite.Database) {
  sqlite.function(
    "kring_sort_name",
    { deterministic: true },
    (lastName: unknown, firstName: unknown, initials: unknown, infix: unknown) =>
      dutchSortKey({
        last_name: typeof lastName === "string" ? lastName : "",
        first_name: typeof firstName === "string" ? firstName : null,
        initials: typeof initials === "string" ? initials : null,
        infix: typeof infix === "string" ? infix : null,
      }),
  );
  sqlite.function("kring_surname_key", { deterministic: true }, (lastName: unknown) =>
    surnameKey(typeof lastName === "string" ? lastName : ""),
  );
  sqlite.function("kring_phone_key", { deterministic: true }, (phone: unknown) =>
    phoneKey(typeof phone === "string" ? phone : null),
  );
}

/**
 * Opens the database: the SQLite file (created if needed) with the pragmas of the design, or a pool
 * of connections to the PostgreSQL database (connected at the first query: openMigratedDatabase
 * checks it).
 */
export function openDatabase(target: DatabaseTarget | string = databaseTarget()): DB {
  const chosen = asTarget(target);
  if (chosen.engine === "postgres") {
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(chosen.url) }) });
  }
  const file = chosen.file;
  let sqlite: SQLite.Database;
  try {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    sqlite = new SQLite(file, { fileMustExist: false });
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    addKringFunctions(sqlite);
    // Statistics for the query planner, gathered where they are missing or stale (quick, and
    // nothing once they are current); without them SQLite guesses, and at scale guesses badly.
    sqlite.pragma("optimize=0x10002");
    // Reading the schema proves the file is a database and not, say, a text file.
    sqlite.prepare("select count(*) from sqlite_schema").get();
  } catch (error) {
    throw new DatabaseStartError(chosen, "open", error);
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** How many distinct statements a connection keeps prepared: every query of the app, several times over. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The connection as Kysely sees it, keeping prepared statements by their SQL text. Kysely's SQLite
 * driver prepares every query anew, which costs more than running a small one: a person's page ran
 * three times slower than the same queries prepared once. The least recently used statement goes
 * when the cache is full (queries with `in (…)` lists of varying length are all different texts).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let statement = prepared.get(text);
      if (statement) {
        prepared.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (prepared.size >= STATEMENT_CACHE_SIZE) prepared.delete(prepared.keys().next().value!);
      }
      prepared.set(text, statement);
      return statement;
    },
  };
}

export function migrator(db: DB): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  });
}

/**
 * On PostgreSQL, that the server answers as DATABASE_URL says and has the extensions the search
 * needs; DatabaseStartError with one line on what to do. SQLite was checked by openDatabase.
 */
async function checkServer(db: DB, target: DatabaseTarget): Promise<void> {
  if (target.engine !== "postgres") return;
  try {
    const { rows } = await sql<{ name: string }>`
      select name from pg_available_extensions where name in (${sql.join(REQUIRED_EXTENSIONS)})`.execute(db);
    const missing = missingExtensions(rows.map((row) => row.name));
    if (missing) throw new Error(missing);
    const { rows: settings } = await sql<{ encoding: string }>`
      select current_setting('server_encoding') as encoding`.execute(db);
    const encoding = notUtf8(settings[0]?.encoding ?? "");
    if (encoding) throw new Error(encoding);
  } catch (error) {
    const problem = connectionProblem(error);
    throw new DatabaseStartError(target, "connect", problem ? new Error(problem) : error);
  }
}

/**
 * The migrations the database has and this Kring does not know: a newer Kring created it, and
 * migrating it with this one would be guessing. Empty for a new database.
 */
async function unknownMigrations(db: DB): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === "kysely_migration")) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name).filter((name) => !(name in MIGRATIONS));
}

/** Applies every pending migration; throws DatabaseStartError naming the failing one. */
export async function migrateToLatest(db: DB, target: DatabaseTarget | string = databaseTarget()): Promise<string[]> {
  const unknown = await unknownMigrations(db);
  if (unknown.length > 0) {
    const known = Object.keys(MIGRATIONS);
    throw new DatabaseStartError(
      target,
      "migrate",
      new Error(
        `it was created by a newer Kring: it has migration ${unknown.join(", ")}, and this Kring knows up to ${known[known.length - 1]}. ` +
          "Start the newer Kring, or restore a backup made with this version.",
      ),
    );
  }
  const { error, results } = await migrator(db).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const cause = failed
      ? new Error(`migration ${failed.migrationName} failed: ${error instanceof Error ? error.message : String(error)}`)
      : error;
    throw new DatabaseStartError(target, "migrate", cause);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Opens and migrates: what the server, the CLI and the integration tests all start with. */
export async function openMigratedDatabase(target: DatabaseTarget | string = databaseTarget()): Promise<DB> {
  const chosen = asTarget(target);
  const db = openDatabase(chosen);
  try {
    await checkServer(db, chosen);
    await migrateToLatest(db, chosen);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/**
 * Now and then, on a long-lived connection: SQLite's advice, refresh the planner's statistics
 * (quick, and nothing when they are current). PostgreSQL's autovacuum analyses by itself.
 */
export async function refreshPlannerStatistics(db: DB): Promise<void> {
  if (engineOf(db) === "sqlite") await sql`pragma optimize`.execute(db);
}
