import pg from "pg";

/**
 * The PostgreSQL side of db/index.ts: the connection pool, how values come back, and what a
 * failed start means in words.
 */

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Values as the app has them on SQLite: counts and sums (bigint) and averages (numeric) as numbers.
 * Kring's counts stay far below 2^53; a bigint that does not fits is refused rather than rounded.
 */
function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === INT8) {
    return (value) => {
      const number = Number(value);
      if (!Number.isSafeInteger(number)) throw new RangeError(`bigint ${value} does not fit in a JavaScript number`);
      return number;
    };
  }
  if (oid === NUMERIC) return (value) => Number(value);
  return pg.types.getTypeParser(oid, format as "text") as (value: string) => unknown;
}

/** The same server and credentials with another database: `onDatabase(url, "postgres")` for admin work. */
export function onDatabase(url: string, database: string): string {
  const other = new URL(url);
  other.pathname = `/${database}`;
  return other.toString();
}

/** The database a URL names. */
export const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** Connections per server process; several servers behind a load balancer each have their own. */
export const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);

export function postgresPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    types: { getTypeParser: typeParser as typeof pg.types.getTypeParser },
    // the app's moments are UTC ISO text it writes itself; the session's zone only affects now()
    options: "-c TimeZone=UTC",
    connectionTimeoutMillis: 10_000,
  });
  // an idle connection the server closed (a restart, a failover) is replaced, not a crash
  pool.on("error", (error) => console.error(`PostgreSQL-verbinding verbroken: ${error.message}`));
  return pool;
}

/** The extensions the search needs (migration 0003); a server without them is refused at start. */
export const REQUIRED_EXTENSIONS = ["unaccent", "pg_trgm"] as const;

/** What to do when the server offers not every extension Kring needs, or null when it does. */
export function missingExtensions(available: readonly string[]): string | null {
  const missing = REQUIRED_EXTENSIONS.filter((name) => !available.includes(name));
  if (missing.length === 0) return null;
  return (
    `the server lacks the extension${missing.length > 1 ? "s" : ""} ${missing.join(" and ")}, which the search needs: ` +
    "install them with the server (Debian: the postgresql package has them; elsewhere postgresql-contrib)."
  );
}

/**
 * Names, accents and the sort key need the database to hold Unicode: a database in another
 * encoding (SQL_ASCII, LATIN1) is refused with how to make one that does, or null when it is UTF8.
 */
export function notUtf8(encoding: string): string | null {
  if (encoding.toUpperCase() === "UTF8") return null;
  return (
    `the database's encoding is ${encoding || "unknown"}, and Kring needs UTF8: ` +
    "create it with CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0 (or createdb -E UTF8 -T template0)."
  );
}

/**
 * Why connecting failed, in one line that says what to do, or null for an error this does not know.
 * The codes are PostgreSQL's (SQLSTATE) and Node's (errno).
 */
export function connectionProblem(error: unknown): string | null {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "EAI_AGAIN":
      return `the server cannot be reached (${code}): is PostgreSQL running, and are the host and port in DATABASE_URL right?`;
    case "28P01":
    case "28000":
      return `the server refused the user name or password in DATABASE_URL (${message}).`;
    case "3D000":
      return `${message}: create it first (createdb, or CREATE DATABASE) or correct its name in DATABASE_URL.`;
    case "42501":
      return `the user in DATABASE_URL lacks a privilege Kring needs (${message}): it should own the database.`;
    default:
      if (message.includes("timeout expired")) {
        return "the server did not answer within 10 s: are the host and port in DATABASE_URL right?";
      }
      return null;
  }
}
