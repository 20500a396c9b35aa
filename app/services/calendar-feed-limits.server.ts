import { allowRequest, type RequestLimit } from "../models/request-limits.server";
import type { KringContext } from "../server/context";

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * How often the public calendar feeds (/agenda/<token>.ics) may be fetched, per ten minutes.
 * Calendar applications fetch a feed every hour or few; one client address may be an office or a
 * calendar service fetching for many subscribers (Google, Microsoft), so it gets room for hundreds
 * of feeds. One feed's address, however many subscribers share it, gets room for a body's members
 * and then some: an address spread far beyond them is noticed as refusals, not as load.
 */
export const FEED_LIMITS = {
  perClient: { limit: 300, windowMs: TEN_MINUTES },
  perFeed: { limit: 120, windowMs: TEN_MINUTES },
} as const satisfies Record<string, RequestLimit>;

/** The Retry-After of a refusal: the window's length, in seconds. */
export const FEED_RETRY_AFTER_SECONDS = TEN_MINUTES / 1000;

/**
 * Counts a fetch from this client address: checked before the token is looked up, so guessing
 * tokens is slowed down as much as fetching.
 */
export function allowFeedClient(context: Pick<KringContext, "db" | "clientAddress">, now = Date.now()) {
  return allowRequest(context.db, `agenda:${context.clientAddress}`, FEED_LIMITS.perClient, now);
}

/** Counts a fetch of one live feed, keyed by its id (never by its token, which the database does not keep). */
export function allowFeedFetch(context: Pick<KringContext, "db">, feedId: number, now = Date.now()) {
  return allowRequest(context.db, `agenda-feed:${feedId}`, FEED_LIMITS.perFeed, now);
}
