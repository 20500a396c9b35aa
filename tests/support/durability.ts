import Database from "better-sqlite3";
import { sql } from "kysely";
import { engineOf } from "../../db/engine";
import type { DB } from "../../db/index";
import type { VersionedTable } from "../../app/models/editing.server";
import { TEST_ENGINE } from "./test-database";

/**
 * The harness of the SIGKILL loop (tests/e2e/durability.test.ts): sending writes to a server that
 * may die at any moment, waiting until a dead server's transactions are over, and the checks that
 * hold for the whole database after a crash. What is written and checked per kind of change lives
 * in durability-writes.ts.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The kill comes at a random moment up to this long after the server's first answer of a round.
 * Long enough for a freeze to finish now and then: on PostgreSQL one runs again when a concurrent
 * edit made SERIALIZABLE refuse it, and takes a second or more among the edits.
 */
export const KILL_WINDOW_MS = TEST_ENGINE === "postgres" ? 2_500 : 800;

/**
 * Waits for a random moment in the first half of the kill window: when a round's single writes (a
 * freeze, a mailing start, an upload) are sent, so that the kill falls before, during or after them.
 */
export async function someMomentBeforeTheKill(target: WriteTarget): Promise<void> {
  await target.answering;
  await sleep((Math.random() * KILL_WINDOW_MS) / 2);
}

/** A write sent before the kill: answered (the server committed and said so) or not (it died first). */
export type Sent = { answered: true; status: number } | { answered: false };

/** Where the writes go: the running server, as the signed-in user. */
export interface WriteTarget {
  send: (path: string, body: URLSearchParams | FormData) => Promise<Sent>;
  /** settles at the first answer: the server is up and writing (a cold one takes a while under load) */
  answering: Promise<void>;
}

/** Posts forms to the server at `url` as a browser would (same origin), telling an answer from a dead server. */
export function writeTarget(url: string, cookie: string): WriteTarget {
  let answered = () => {};
  const answering = new Promise<void>((resolve) => (answered = resolve));
  return {
    answering,
    send: async (path, body) => {
      try {
        const response = await fetch(`${url}${path}`, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: cookie, Origin: url },
          body,
        });
        // the status came after the commit; the page itself is not needed
        void response.body?.cancel().catch(() => undefined);
        answered();
        return { answered: true, status: response.status };
      } catch {
        return { answered: false };
      }
    },
  };
}

/**
 * One kind of change the loop makes: it sends its writes until the server dies, then checks what
 * the crash left (every answered write there, the unanswered one wholly there or not at all) and
 * takes the stored state as the start of the next round.
 */
export interface Workload {
  name: string;
  fire: (target: WriteTarget, round: number) => Promise<void>;
  check: (db: DB) => Promise<void>;
  /** writes answered, and unanswered ones the crash kept or undid */
  counts: { answered: number; kept: number; undone: number };
}

/** The counters every workload starts with. */
export const noWrites = () => ({ answered: 0, kept: 0, undone: 0 });

/**
 * A server killed on PostgreSQL leaves its backends to notice the closed connection: one that had
 * received COMMIT still commits. Waits until no other session of this database is in a statement
 * or a transaction, so the checks see what the crash finally left.
 */
export async function settleAfterKill(db: DB): Promise<void> {
  if (engineOf(db) !== "postgres") return;
  for (let attempt = 0; attempt < 500; attempt++) {
    const { rows } = await sql<{ busy: number }>`
      select count(*)::int as busy from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend'
        and pid <> pg_backend_pid() and state <> 'idle'`.execute(db);
    if (rows[0]?.busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the killed server's transactions did not end within 10 s");
}

/** SQLite's own checks of the file: `ok`, and no row pointing at a missing one. */
export function sqliteFileChecks(file: string): { integrity: string[]; foreignKeys: unknown[] } {
  const file_ = new Database(file);
  try {
    const integrity = (file_.pragma("integrity_check") as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    return { integrity, foreignKeys: file_.pragma("foreign_key_check") as unknown[] };
  } finally {
    file_.close();
  }
}

/**
 * Per record of the tables: its version minus its entries in the audit log. Every change moves
 * the version and writes one entry in the same transaction, so this stays what it was when the
 * record was made (0 when made through a model, 1 when a test inserted it unaudited).
 */
export async function versionsAheadOfAudit(db: DB, tables: readonly VersionedTable[]): Promise<Map<string, number>> {
  const ahead = new Map<string, number>();
  for (const table of tables) {
    const { rows } = await sql<{ id: number; ahead: number }>`
      select t.id, t.version - (select count(*) from audit_log a
        where a.entity = ${table} and a.entity_id = cast(t.id as text)) as ahead
      from ${sql.table(table)} t`.execute(db);
    for (const row of rows) ahead.set(`${table} ${row.id}`, Number(row.ahead));
  }
  return ahead;
}
