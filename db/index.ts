import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, type SqliteDatabase, SqliteDialect } from "kysely";
import { MIGRATIONS } from "./migration-list";
import type { Database } from "./schema";
import { dutchSortKey } from "./sort-name";

export type DB = Kysely<Database>;

export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATABASE_PATH || path.join("data", "kring.sqlite"));
}

/** Raised when the database cannot be opened or migrated: names the file and the cause. */
export class DatabaseStartError extends Error {
  constructor(
    readonly file: string,
    readonly step: "open" | "migrate",
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      step === "open"
        ? `Cannot open the database file ${file}: ${reason}`
        : `Cannot migrate the database file ${file}: ${reason}`,
      { cause },
    );
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
}

/** Opens (creating if needed) the SQLite file with the pragmas of the design. */
export function openDatabase(file: string = databasePath()): DB {
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
    throw new DatabaseStartError(file, "open", error);
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

/** Applies every pending migration; throws DatabaseStartError naming the failing one. */
export async function migrateToLatest(db: DB, file: string = databasePath()): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const cause = failed
      ? new Error(`migration ${failed.migrationName} failed: ${error instanceof Error ? error.message : String(error)}`)
      : error;
    throw new DatabaseStartError(file, "migrate", cause);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Opens and migrates: what the server, the CLI and the integration tests all start with. */
export async function openMigratedDatabase(file: string = databasePath()): Promise<DB> {
  const db = openDatabase(file);
  try {
    await migrateToLatest(db, file);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
