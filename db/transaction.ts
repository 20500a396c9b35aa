import { type Kysely, sql, type Transaction } from "kysely";
import { engineOf } from "./engine";

/**
 * Transactions that behave on PostgreSQL as on SQLite. SQLite lets one writer at a time, so a
 * rule checked by reading and then writing (no overlapping seats, a name not yet taken, a wave
 * still a draft) holds. PostgreSQL runs writers side by side: there every transaction runs at
 * SERIALIZABLE isolation, where PostgreSQL refuses one of two transactions that could not have
 * run one after the other (SQLSTATE 40001), and that one is run again from the start, now seeing
 * what the other committed. See docs/decisions/020-serializable-transactions.md.
 */

/**
 * How often a transaction PostgreSQL refused is tried again before the error reaches the user, and
 * how long it waits in between: a random time up to a limit that doubles from 5 ms to at most
 * 500 ms ("full jitter"), about 3 s in all at worst. Eight tries within ~0.3 s were not enough when
 * a dozen writes came at once on a busy machine (the SIGKILL loop saw a 500 after all eight).
 */
const ATTEMPTS = 12;
const FIRST_WAIT_MS = 5;
const LONGEST_WAIT_MS = 500;

/** serialization_failure and deadlock_detected: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(["40001", "40P01"]);

function retryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && RETRYABLE.has(code);
}

/**
 * Runs `work` in one transaction: all of it commits, or none. `work` may run more than once on
 * PostgreSQL, so it must not act outside the database (send mail, write files) before it returns.
 */
export async function inTransaction<D, R>(db: Kysely<D>, work: (trx: Transaction<D>) => Promise<R>): Promise<R> {
  if (engineOf(db) !== "postgres") return db.transaction().execute(work);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().setIsolationLevel("serializable").execute(work);
    } catch (error) {
      if (!retryable(error) || attempt >= ATTEMPTS) throw error;
      // a random wait, so two that collided do not collide again; longer each time, as the crowd may be large
      const limit = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * limit));
    }
  }
}

/**
 * Runs `work` while no other server runs work under the same `name` (PostgreSQL: a session-level
 * advisory lock on one connection, which `work` is given). For what must happen once however many
 * servers start together, such as loading the demo network. On SQLite, one server per file.
 */
export async function exclusively<D, R>(db: Kysely<D>, name: string, work: (db: Kysely<D>) => Promise<R>): Promise<R> {
  if (engineOf(db) !== "postgres") return work(db);
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${name}))`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(connection);
    }
  });
}
