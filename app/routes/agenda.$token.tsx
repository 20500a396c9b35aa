import type { LoaderFunctionArgs } from "@remix-run/node";
import { DEFAULT_LANGUAGE } from "../i18n/index";
import { todayInAmsterdam } from "../i18n/format";
import { feedByToken, feedMeetings } from "../models/calendar.server";
import { allowFeedClient, allowFeedFetch, FEED_RETRY_AFTER_SECONDS } from "../services/calendar-feed-limits.server";
import { calendarTexts, icsResponse } from "../services/calendar-response.server";
import { meetingsToIcs } from "../services/icalendar.server";
import { appOrigin } from "../services/app-origin.server";

/** How often calendar applications are asked to fetch the feed again, and how long it may be cached. */
const REFRESH_SECONDS = 60 * 60;
const CACHE_SECONDS = 15 * 60;

const FEED_ADDRESS = /^([a-z2-7]{1,64})\.ics$/;

/**
 * A body's meetings as a subscription feed, /agenda/<token>.ics: no login, the token is the key.
 * (The whole last segment is the parameter, `.ics` included: Remix has no documented way to
 * match a parameter followed by a fixed suffix.) An unknown, revoked or malformed token gets the
 * same bare 404, so an answer never tells whether a token once existed. Fetches are limited per
 * client address and per feed (429 with Retry-After; calendar-feed-limits.server).
 */
/** Too many fetches (by this client, or of this feed): try again when the window has passed. */
const limited = () =>
  new Response("Too Many Requests", {
    status: 429,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(FEED_RETRY_AFTER_SECONDS),
    },
  });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (!(await allowFeedClient(context))) return limited();
  const token = FEED_ADDRESS.exec(params.token ?? "")?.[1];
  const feed = token ? await feedByToken(context.db, token) : null;
  if (feed && !(await allowFeedFetch(context, feed.id))) return limited();
  if (!feed)
    return new Response("Not Found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  const meetings = await feedMeetings(context.db, feed.body_id, todayInAmsterdam());
  // Subscribers share one address whatever their language: the feed speaks the network's.
  const text = meetingsToIcs(meetings, {
    origin: appOrigin(request, context),
    texts: calendarTexts(DEFAULT_LANGUAGE),
    name: feed.body_name,
    refreshSeconds: REFRESH_SECONDS,
  });
  const response = icsResponse(text, { cacheControl: `private, max-age=${CACHE_SECONDS}` });
  // a secret address that leaks into a public page should still not end up in a search engine
  response.headers.set("X-Robots-Tag", "noindex");
  return response;
}
