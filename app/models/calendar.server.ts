import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { CalendarFeedsTable, IsoDate } from "../../db/schema";
import { messageKey } from "../services/form-data";
import type { CalendarMeeting } from "../services/icalendar.server";
import { type Actor, recordAudit, type Trx } from "./audit.server";
import { inTransaction, RecordNotFoundError, RegisterError } from "./editing.server";

/**
 * Calendar subscription feeds: per body one secret address (/agenda/<token>.ics) that calendar
 * applications fetch without logging in. The token is the key, so a body has at most one live
 * feed, a new one replaces the old, and a beheerder can revoke it. The database keeps the token's
 * SHA-256, as it does a session's: the token itself exists only in the answer to the request that
 * made it (decision 026).
 */
export type CalendarFeed = Selectable<CalendarFeedsTable>;

/** What the audit entries of feed changes say (the log's summaries are translation keys). */
export const CALENDAR_AUDIT_SUMMARIES = {
  created: "calendar_feed_created",
  revoked: "calendar_feed_revoked",
  replaced: "calendar_feed_replaced",
  restored: "calendar_feed_restored",
} as const;

/** 160 random bits, in the same alphabet as session tokens: unguessable, safe in a URL. */
function newToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** How many of the token's characters the pages show, to tell links apart: 30 of its 160 bits. */
export const TOKEN_START_LENGTH = 6;

/** What the database keeps of a token (hex SHA-256): enough to recognise it, not to rebuild the address. */
function tokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** A feed just made, with its token: the only moment the address can be shown. */
export interface NewFeed {
  feed: CalendarFeed;
  token: string;
}

/** The row as the audit log keeps it: without the token's hash, which has no use to a reader of the log. */
function logged(feed: CalendarFeed) {
  const { token_hash: _hash, ...rest } = feed;
  return rest;
}

const feedWithPeople = (db: DB | Trx) =>
  db
    .selectFrom("calendar_feeds")
    .innerJoin("bodies", "bodies.id", "calendar_feeds.body_id")
    .leftJoin("users as creator", "creator.id", "calendar_feeds.created_by")
    .selectAll("calendar_feeds")
    .select(["bodies.name as body_name", "creator.name as created_by_name"]);

/** The body's live feed with who made it, or null. */
export async function activeFeed(db: DB | Trx, bodyId: number) {
  return (
    (await feedWithPeople(db)
      .where("calendar_feeds.body_id", "=", bodyId)
      .where("calendar_feeds.revoked_at", "is", null)
      .executeTakeFirst()) ?? null
  );
}

/** A feed, live or revoked, with its body's name; or null. */
export async function getFeed(db: DB, feedId: number) {
  return (await feedWithPeople(db).where("calendar_feeds.id", "=", feedId).executeTakeFirst()) ?? null;
}

/** Every live feed, by body name: the beheerder's overview. */
export async function listFeeds(db: DB) {
  return feedWithPeople(db)
    .where("calendar_feeds.revoked_at", "is", null)
    .orderBy("bodies.name")
    .orderBy("calendar_feeds.id")
    .execute();
}

async function revokeInTransaction(trx: Trx, actor: Actor, feed: CalendarFeed, summary: string) {
  const revoked = await trx
    .updateTable("calendar_feeds")
    .set({ revoked_at: new Date().toISOString(), revoked_by: actor.id })
    .where("id", "=", feed.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "end",
    entity: "calendar_feeds",
    entityId: feed.id,
    before: logged(feed),
    after: logged(revoked),
    summary,
  });
}

/**
 * Makes a body's feed. `replacing` is the live feed the user saw (null: none), so that a link made
 * by someone else in the meantime is never replaced unseen; a replaced feed is revoked in the same
 * transaction, and its address stops working.
 */
export async function createFeed(db: DB, actor: Actor, bodyId: number, replacing: number | null): Promise<NewFeed> {
  return inTransaction(db, async (trx) => {
    const body = await trx
      .selectFrom("bodies")
      .select(["id", "name", "archived_at"])
      .where("id", "=", bodyId)
      .executeTakeFirst();
    if (!body) throw new RecordNotFoundError("bodies", bodyId);
    if (body.archived_at) throw new RegisterError(messageKey("calendar.errors.bodyArchived", { body: body.name }));
    const current = await trx
      .selectFrom("calendar_feeds")
      .selectAll()
      .where("body_id", "=", bodyId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if ((current?.id ?? null) !== replacing) throw new RegisterError("calendar.errors.feedChanged");
    if (current) await revokeInTransaction(trx, actor, current, CALENDAR_AUDIT_SUMMARIES.replaced);
    const token = newToken();
    const feed = await trx
      .insertInto("calendar_feeds")
      .values({
        body_id: bodyId,
        token_hash: tokenHash(token),
        token_start: token.slice(0, TOKEN_START_LENGTH),
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "create",
      entity: "calendar_feeds",
      entityId: feed.id,
      after: logged(feed),
      summary: CALENDAR_AUDIT_SUMMARIES.created,
    });
    return { feed, token };
  });
}

/**
 * A feed by its id, only of that body when one is given: a body's page acts on that body's feeds
 * alone, whatever feed id is posted to it.
 */
function feedOf(trx: Trx, feedId: number, ofBody: number | undefined) {
  return trx
    .selectFrom("calendar_feeds")
    .selectAll()
    .where("id", "=", feedId)
    .$if(ofBody !== undefined, (query) => query.where("body_id", "=", ofBody!))
    .executeTakeFirst();
}

/** Stops a feed's address from working; a feed revoked already is refused (someone else was first). */
export async function revokeFeed(db: DB, actor: Actor, feedId: number, ofBody?: number): Promise<CalendarFeed> {
  return inTransaction(db, async (trx) => {
    const feed = await feedOf(trx, feedId, ofBody);
    if (!feed) throw new RecordNotFoundError("calendar_feeds", feedId);
    if (feed.revoked_at) throw new RegisterError("calendar.errors.alreadyRevoked");
    await revokeInTransaction(trx, actor, feed, CALENDAR_AUDIT_SUMMARIES.revoked);
    return feed;
  });
}

/**
 * Undoes a revocation: the address works again, unless the body has had another link since
 * (one live feed per body).
 */
export async function restoreFeed(db: DB, actor: Actor, feedId: number, ofBody?: number): Promise<CalendarFeed> {
  return inTransaction(db, async (trx) => {
    const feed = await feedOf(trx, feedId, ofBody);
    if (!feed) throw new RecordNotFoundError("calendar_feeds", feedId);
    if (!feed.revoked_at) return feed;
    const other = await trx
      .selectFrom("calendar_feeds")
      .select("id")
      .where("body_id", "=", feed.body_id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (other) throw new RegisterError("calendar.errors.cannotRestore");
    const restored = await trx
      .updateTable("calendar_feeds")
      .set({ revoked_at: null, revoked_by: null })
      .where("id", "=", feed.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "restore",
      entity: "calendar_feeds",
      entityId: feed.id,
      before: logged(feed),
      after: logged(restored),
      summary: CALENDAR_AUDIT_SUMMARIES.restored,
    });
    return restored;
  });
}

/** The live feed a token opens, with its body's name; null for an unknown or revoked token alike. */
export async function feedByToken(db: DB, token: string) {
  return (
    (await db
      .selectFrom("calendar_feeds")
      .innerJoin("bodies", "bodies.id", "calendar_feeds.body_id")
      .select(["calendar_feeds.id", "calendar_feeds.body_id", "bodies.name as body_name"])
      .where("calendar_feeds.token_hash", "=", tokenHash(token))
      .where("calendar_feeds.revoked_at", "is", null)
      .executeTakeFirst()) ?? null
  );
}

const calendarColumns = (db: DB) =>
  db
    .selectFrom("meetings")
    .leftJoin("bodies", "bodies.id", "meetings.body_id")
    .select([
      "meetings.id",
      "meetings.version",
      "meetings.kind",
      "meetings.title",
      "meetings.date",
      "meetings.start_time",
      "meetings.end_time",
      "meetings.location",
      "meetings.online_url",
      "meetings.agenda",
      "meetings.status",
      "meetings.updated_at",
      "bodies.name as body_name",
      "bodies.abbreviation as body_abbreviation",
    ]);

/**
 * A body's meetings for its feed: those of the past year and everything planned, cancelled ones
 * included (so that calendars which had them remove them).
 */
export async function feedMeetings(db: DB, bodyId: number, today: IsoDate): Promise<CalendarMeeting[]> {
  // the same day a year earlier; as a string bound, 29 February simply falls between the 28th and 1 March
  const yearBefore = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return calendarColumns(db)
    .where("meetings.body_id", "=", bodyId)
    .where("meetings.date", ">=", yearBefore)
    .orderBy("meetings.date")
    .orderBy("meetings.start_time")
    .orderBy("meetings.id")
    .execute();
}

/** One meeting as a calendar entry, or null. */
export async function calendarMeeting(db: DB, meetingId: number): Promise<CalendarMeeting | null> {
  return (await calendarColumns(db).where("meetings.id", "=", meetingId).executeTakeFirst()) ?? null;
}
