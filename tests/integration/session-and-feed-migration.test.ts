import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { feedByToken } from "../../app/models/calendar.server";
import { type DB, migrateToLatest, migrator, openDatabase } from "../../db/index";
import { makeBodyBeforeRegions } from "../support/db";
import { emptyDatabase, type FreshDatabase } from "../support/test-database";

let empty: FreshDatabase;
let db: DB;
beforeEach(async () => {
  empty = await emptyDatabase();
  db = openDatabase(empty.target);
  const { error } = await migrator(db).migrateTo("0011_contains_text_trigram_indexes");
  expect(error).toBeUndefined();
});
afterEach(async () => {
  await db.destroy();
  await empty.drop();
});

describe("migration 0013 on a register in use", () => {
  it("keeps the feed addresses calendars are subscribed to working, storing only their hash", async () => {
    const body = await makeBodyBeforeRegions(db, { name: "Regiotafel" });
    const token = "abcdefghijklmnopqrstuvwxyz234567";
    await sql`insert into calendar_feeds (body_id, token) values (${body.id}, ${token})`.execute(db);

    expect(await migrateToLatest(db, empty.target)).toContain("0013_session_idle_and_feed_token_hashes");
    expect(await feedByToken(db, token)).toMatchObject({ body_id: body.id, body_name: "Regiotafel" });
    const stored = await db.selectFrom("calendar_feeds").selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      token_start: "abcdef",
      token_hash: createHash("sha256").update(token).digest("hex"),
    });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("counts the sessions of the moment as just used: an upgrade signs nobody out", async () => {
    // users as migration 0011 left them: with their one role on the row (migration 0021 moves it)
    const user = (
      await sql<{ id: number }>`insert into users (email, name, password_hash, role)
        values ('lezer@example.org', 'Lezer', 'x', 'lezer') returning id`.execute(db)
    ).rows[0]!;
    const now = Date.now();
    await sql`insert into sessions (id, user_id, expires_at)
      values (${"0".repeat(64)}, ${user.id}, ${now + 24 * 60 * 60 * 1000})`.execute(db);
    await migrateToLatest(db, empty.target);
    const { last_used_at } = await db.selectFrom("sessions").select("last_used_at").executeTakeFirstOrThrow();
    expect(Number(last_used_at)).toBeGreaterThanOrEqual(now);
    expect(Number(last_used_at)).toBeLessThanOrEqual(Date.now());
  });
});
