import { sql } from "kysely";
import type { DB } from "../../db/index";

/**
 * How often one key (a public page and a client address) may be used per window: a fixed window
 * that starts with the first request after the previous one passed.
 */
export interface RequestLimit {
  /** requests allowed per window */
  limit: number;
  windowMs: number;
}

/**
 * Counts a request under `key` and says whether it is within the limit. One statement — an upsert
 * that starts a new window (count 1) when the stored one has passed and adds one otherwise,
 * returning the count — so concurrent requests, also from several server processes on one
 * database, are each counted once and never both see the last free place.
 */
export async function allowRequest(db: DB, key: string, { limit, windowMs }: RequestLimit, now = Date.now()) {
  const windowPassed = sql<boolean>`request_limits.window_start <= ${now - windowMs}`;
  const row = await db
    .insertInto("request_limits")
    .values({ key, window_start: now, count: 1 })
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet({
        window_start: sql<number>`case when ${windowPassed} then excluded.window_start else request_limits.window_start end`,
        count: sql<number>`case when ${windowPassed} then 1 else request_limits.count + 1 end`,
      }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return row.count <= limit;
}

/** Forgets windows that ended long ago: the table holds a row per page and client address seen. */
export async function forgetOldRequestLimits(db: DB, olderThanMs = 24 * 60 * 60 * 1000, now = Date.now()) {
  await db
    .deleteFrom("request_limits")
    .where("window_start", "<", now - olderThanMs)
    .execute();
}
