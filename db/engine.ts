import { type Kysely, PostgresAdapter } from "kysely";

/**
 * The two database engines Kring runs on: SQLite, the embedded default, and PostgreSQL when
 * DATABASE_URL is set. The SQL that must differ between them is written in db/dialect.ts (queries),
 * db/schema-sql.ts (migrations) and the search (app/models/search.server.ts); nothing else asks.
 */
export type Engine = "sqlite" | "postgres";

/** Which engine a database (or a transaction on it) runs on. */
export function engineOf(
  db: Kysely<never> | Kysely<unknown> | { getExecutor: Kysely<unknown>["getExecutor"] },
): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** Where the database is: a SQLite file, or a PostgreSQL server's database by its connection URL. */
export type DatabaseTarget = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string };

/** The database as people should read it in messages: the file, or the server and database without the password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === "sqlite") return target.file;
  try {
    const url = new URL(target.url);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
    return `postgres://${user}${url.host}${url.pathname}`;
  } catch {
    return "postgres://(an address that is not a URL)";
  }
}
