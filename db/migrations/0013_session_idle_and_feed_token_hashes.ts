import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { epochMillis } from "../schema-sql";

/** How many characters of a feed's token the pages keep showing, so a beheerder can tell links apart. */
const TOKEN_START_LENGTH = 6;

/**
 * Two pieces of hardening (decision 026):
 *
 * - `sessions.last_used_at`: when the session was last seen (epoch ms, written at most once a
 *   minute), so a session left idle longer than KRING_SESSION_IDLE_MINUTES ends. Sessions that exist
 *   now count as used at this moment: an upgrade signs nobody out.
 * - `calendar_feeds.token` becomes `token_hash`, the SHA-256 (hex) of the token, as sessions store
 *   theirs: a copy of the database no longer opens every feed. Existing rows are converted here, so
 *   the addresses calendars are subscribed to keep working; `token_start` keeps the token's first
 *   characters for the pages. The hashing runs in JavaScript, one way for both engines (SQLite has
 *   no SHA-256 function); a register has a handful of feeds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // the default only fills the rows of this moment; every new session states its own
  await db.schema
    .alterTable("sessions")
    .addColumn("last_used_at", epochMillis(db), (column) => column.notNull().defaultTo(0))
    .execute();
  await sql`update sessions set last_used_at = ${Date.now()}`.execute(db);

  await db.schema.alterTable("calendar_feeds").renameColumn("token", "token_hash").execute();
  await db.schema
    .alterTable("calendar_feeds")
    .addColumn("token_start", "text", (column) => column.notNull().defaultTo(""))
    .execute();
  const feeds = await sql<{ id: number; token_hash: string }>`select id, token_hash from calendar_feeds`.execute(db);
  for (const { id, token_hash: token } of feeds.rows) {
    const hash = createHash("sha256").update(token, "utf8").digest("hex");
    await sql`update calendar_feeds set token_hash = ${hash}, token_start = ${token.slice(0, TOKEN_START_LENGTH)}
      where id = ${id}`.execute(db);
  }
}
