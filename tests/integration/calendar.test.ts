import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { todayInAmsterdam } from "../../app/i18n/format";
import {
  activeFeed,
  createFeed,
  feedByToken,
  feedMeetings,
  listFeeds,
  revokeFeed,
} from "../../app/models/calendar.server";
import * as feedRoute from "../../app/routes/agenda.$token";
import * as adminRoute from "../../app/routes/beheer.agenda";
import * as bodyCalendarRoute from "../../app/routes/gremia.$bodyId_.agenda";
import * as meetingIcsRoute from "../../app/routes/vergaderingen.$meetingId_.agenda[.ics]";
import { allowFeedClient, allowFeedFetch, FEED_LIMITS } from "../../app/services/calendar-feed-limits.server";
import { FORM_ERROR } from "../../app/services/form-data";
import type { UserRole } from "../../db/schema";
import { parseIcs } from "../support/calendar";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makePerson,
  makeSeat,
  type TestDatabase,
  testContext,
} from "../support/db";
import { makeAttendance, makeMeeting } from "../support/meetings";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);
const signedIn = (role: UserRole) => signedIn_(t.db, role);

/** Fetches a feed as a calendar application does: no cookie, just the address. */
const fetchFeed = (token: string) => call(feedRoute.loader, get(`/agenda/${token}.ics`), { token: `${token}.ics` });

/** A day the feed holds whenever the tests run (a feed starts a year back from today). */
const nextJuly = `${Number(todayInAmsterdam().slice(0, 4)) + 1}-07-01`;

const bodyPage = (bodyId: number) => `/gremia/${bodyId}/agenda`;
/** The token in a feed's address, as the page shows it once. */
const tokenOf = (address: string) => /\/agenda\/([a-z2-7]+)\.ics$/.exec(address)![1]!;
const post = (bodyId: number, cookie: string, fields: Record<string, string | number>) =>
  call(bodyCalendarRoute.action, formRequest(bodyPage(bodyId), fields, { cookie }), { bodyId: String(bodyId) });

async function auditOf(feedId: number) {
  return t.db
    .selectFrom("audit_log")
    .select(["action", "summary", "user_id", "before", "after"])
    .where("entity", "=", "calendar_feeds")
    .where("entity_id", "=", String(feedId))
    .orderBy("id")
    .execute();
}

describe("a body's calendar feed", () => {
  it("is made by an editor and then serves the body's meetings to anyone with the address", async () => {
    const body = await makeBody(t.db, { name: "Coördinerend Medisch Overleg", abbreviation: "CMO" });
    await makeMeeting(t.db, {
      body_id: body.id,
      title: "Zomeroverleg",
      date: nextJuly,
      start_time: "14:00",
      end_time: "16:00",
      status: "gepland",
    });
    const editor = await signedIn("redacteur");

    const made = await post(body.id, editor.cookie, { intent: "create" });
    expect(made.status).toBe(200);
    expect(made.headers.get("Cache-Control")).toBe("no-store");
    const answer = await made.json();
    const feed = await activeFeed(t.db, body.id);
    expect(feed).toMatchObject({ created_by: editor.user.id, created_by_name: editor.user.name });
    expect(answer).toMatchObject({ kind: "made", replaced: false, feedId: feed!.id });
    const token = tokenOf(answer.address);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(answer.webcal).toBe(`webcal://localhost/agenda/${token}.ics`);

    const response = await fetchFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, max-age=900");
    const calendar = parseIcs(await response.text());
    expect(calendar.name).toBe("Coördinerend Medisch Overleg");
    expect(calendar.events).toEqual([
      expect.objectContaining({
        summary: "CMO: Zomeroverleg",
        localStart: `${nextJuly}T14:00:00`,
        utcStart: `${nextJuly}T12:00:00.000Z`,
      }),
    ]);
  });

  it("shows afterwards only the start of its address and who made it; the database keeps a hash", async () => {
    const body = await makeBody(t.db);
    const beheerder = await signedIn("beheerder");
    const { feed, token } = await createFeed(t.db, beheerder.user, body.id, null);
    const reader = await signedIn("lezer");
    const response = await call(bodyCalendarRoute.loader, get(bodyPage(body.id), reader.cookie), {
      bodyId: String(body.id),
    });
    const data = await response.json();
    expect(data.feed).toEqual({
      id: feed.id,
      addressStart: `http://localhost/agenda/${token.slice(0, 6)}`,
      createdAt: feed.created_at,
      createdBy: beheerder.user.name,
    });
    expect(JSON.stringify(data)).not.toContain(token);
    expect(data).toMatchObject({ canCreate: false, canManage: false });
    const stored = await t.db.selectFrom("calendar_feeds").selectAll().where("id", "=", feed.id).executeTakeFirst();
    expect(stored).toMatchObject({ token_hash: createHash("sha256").update(token).digest("hex") });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("writes its address on PUBLIC_ORIGIN when set, whatever Host the request names", async () => {
    const body = await makeBody(t.db);
    const beheerder = await signedIn("beheerder");
    const forged = formRequest(
      `http://evil.example${bodyPage(body.id)}`,
      { intent: "create" },
      {
        cookie: beheerder.cookie,
        origin: "http://evil.example",
      },
    );
    const data = await (
      (await bodyCalendarRoute.action({
        request: forged,
        context: testContext(t.db, { publicOrigin: "https://kring.example.nl" }),
        params: { bodyId: String(body.id) },
      })) as Response
    ).json();
    expect(data.address).toMatch(/^https:\/\/kring\.example\.nl\/agenda\/[a-z2-7]{32}\.ics$/);
  });

  it("answers an unknown, revoked or malformed token with the same bare 404", async () => {
    const body = await makeBody(t.db);
    const beheerder = await signedIn("beheerder");
    const { feed, token } = await createFeed(t.db, beheerder.user, body.id, null);
    await revokeFeed(t.db, beheerder.user, feed.id);
    const answers = await Promise.all(
      [token, "a".repeat(32)].map(async (token) => {
        const response = await fetchFeed(token);
        return [response.status, await response.text()];
      }),
    );
    const malformed = await call(feedRoute.loader, get(`/agenda/${token}`), { token });
    expect(answers).toEqual([
      [404, "Not Found"],
      [404, "Not Found"],
    ]);
    expect([malformed.status, await malformed.text()]).toEqual([404, "Not Found"]);
    expect(await feedByToken(t.db, token)).toBeNull();
  });

  it("stops working when a beheerder revokes it, after confirming, and can be brought back", async () => {
    const body = await makeBody(t.db);
    const beheerder = await signedIn("beheerder");
    const { feed, token } = await createFeed(t.db, beheerder.user, body.id, null);

    const unconfirmed = await post(body.id, beheerder.cookie, { intent: "revoke", feed: feed.id });
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).errors).toEqual({ confirm: "calendar.errors.confirmRevoke" });
    expect((await fetchFeed(token)).status).toBe(200);

    const revoked = await post(body.id, beheerder.cookie, { intent: "revoke", feed: feed.id, confirm: "on" });
    expect(revoked.headers.get("Location")).toBe(`${bodyPage(body.id)}?melding=ingetrokken&id=${feed.id}`);
    expect((await fetchFeed(token)).status).toBe(404);
    expect(
      await t.db.selectFrom("calendar_feeds").select(["revoked_by"]).where("id", "=", feed.id).executeTakeFirst(),
    ).toEqual({
      revoked_by: beheerder.user.id,
    });

    const undone = await post(body.id, beheerder.cookie, { intent: "undo", feed: feed.id });
    expect(undone.headers.get("Location")).toBe(`${bodyPage(body.id)}?melding=ongedaan`);
    expect((await fetchFeed(token)).status).toBe(200);
  });

  it("is replaced by a new link, the old address stopping in the same step", async () => {
    const body = await makeBody(t.db);
    const beheerder = await signedIn("beheerder");
    const { feed: old, token: oldToken } = await createFeed(t.db, beheerder.user, body.id, null);
    const replaced = await post(body.id, beheerder.cookie, { intent: "replace", feed: old.id, confirm: "on" });
    const answer = await replaced.json();
    const current = await activeFeed(t.db, body.id);
    expect(answer).toMatchObject({ kind: "made", replaced: true, feedId: current!.id });
    expect(current!.id).not.toBe(old.id);
    expect((await fetchFeed(oldToken)).status).toBe(404);
    expect((await fetchFeed(tokenOf(answer.address))).status).toBe(200);
    // the old link cannot come back while the new one lives
    const undo = await post(body.id, beheerder.cookie, { intent: "undo", feed: old.id });
    expect(undo.status).toBe(400);
    expect((await undo.json()).errors).toEqual({ [FORM_ERROR]: "calendar.errors.cannotRestore" });
  });

  it("is not replaced unseen: a second 'make link' after someone else's is refused", async () => {
    const body = await makeBody(t.db);
    const first = await signedIn("redacteur");
    const second = await signedIn("redacteur");
    await post(body.id, first.cookie, { intent: "create" });
    const late = await post(body.id, second.cookie, { intent: "create" });
    expect(late.status).toBe(400);
    expect((await late.json()).errors).toEqual({ [FORM_ERROR]: "calendar.errors.feedChanged" });
    expect(await t.db.selectFrom("calendar_feeds").select("created_by").execute()).toEqual([
      { created_by: first.user.id },
    ]);
  });

  it("cannot be made by a lezer, nor replaced or revoked by a redacteur", async () => {
    const body = await makeBody(t.db);
    const reader = await signedIn("lezer");
    expect((await post(body.id, reader.cookie, { intent: "create" })).status).toBe(403);
    expect(await activeFeed(t.db, body.id)).toBeNull();

    const editor = await signedIn("redacteur");
    const token = tokenOf((await (await post(body.id, editor.cookie, { intent: "create" })).json()).address);
    const feed = (await activeFeed(t.db, body.id))!;
    expect((await post(body.id, editor.cookie, { intent: "revoke", feed: feed.id, confirm: "on" })).status).toBe(403);
    expect((await post(body.id, editor.cookie, { intent: "replace", feed: feed.id, confirm: "on" })).status).toBe(403);
    expect((await call(adminRoute.loader, get("/beheer/agenda", editor.cookie))).status).toBe(403);
    expect((await fetchFeed(token)).status).toBe(200);
    const page = await (
      await call(bodyCalendarRoute.loader, get(bodyPage(body.id), editor.cookie), { bodyId: String(body.id) })
    ).json();
    expect(page).toMatchObject({ canCreate: true, canManage: false });
  });

  it("is not made for an archived body", async () => {
    const body = await makeBody(t.db, { name: "Oude Werkgroep", archived_at: "2025-01-01T00:00:00.000Z" });
    const editor = await signedIn("redacteur");
    const refused = await post(body.id, editor.cookie, { intent: "create" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ [FORM_ERROR]: "calendar.errors.bodyArchived?body=Oude+Werkgroep" });
  });

  it("logs making, replacing, revoking and restoring, by whom, without the token", async () => {
    const body = await makeBody(t.db);
    const beheerder = await signedIn("beheerder");
    const { feed: first, token: firstToken } = await createFeed(t.db, beheerder.user, body.id, null);
    const { feed: second, token: secondToken } = await createFeed(t.db, beheerder.user, body.id, first.id);
    await post(body.id, beheerder.cookie, { intent: "revoke", feed: second.id, confirm: "on" });
    await post(body.id, beheerder.cookie, { intent: "undo", feed: second.id });

    const firstLog = await auditOf(first.id);
    const secondLog = await auditOf(second.id);
    expect(firstLog.map((entry) => [entry.action, entry.summary, entry.user_id])).toEqual([
      ["create", "calendar_feed_created", beheerder.user.id],
      ["end", "calendar_feed_replaced", beheerder.user.id],
    ]);
    expect(secondLog.map((entry) => [entry.action, entry.summary])).toEqual([
      ["create", "calendar_feed_created"],
      ["end", "calendar_feed_revoked"],
      ["restore", "calendar_feed_restored"],
    ]);
    const snapshots = [...firstLog, ...secondLog].flatMap((entry) => [entry.before, entry.after]).join(" ");
    for (const secret of [firstToken, secondToken, first.token_hash, second.token_hash])
      expect(snapshots).not.toContain(secret);
    expect(JSON.parse(secondLog[1]!.after!)).toMatchObject({ body_id: body.id, revoked_by: beheerder.user.id });
  });
});

describe("the feeds' rate limits", () => {
  const fetchFrom = (clientAddress: string, token: string) =>
    feedRoute.loader({
      request: get(`/agenda/${token}.ics`),
      context: testContext(t.db, { clientAddress }),
      params: { token: `${token}.ics` },
    });

  it("answers 429 with Retry-After to a client address that fetched too often, before looking at the token", async () => {
    const body = await makeBody(t.db);
    const beheerder = await signedIn("beheerder");
    const { token } = await createFeed(t.db, beheerder.user, body.id, null);
    for (let i = 0; i < FEED_LIMITS.perClient.limit - 1; i += 1)
      await allowFeedClient({ db: t.db, clientAddress: "192.0.2.7" });
    expect((await fetchFrom("192.0.2.7", token)).status).toBe(200);
    for (const tried of [token, "a".repeat(32)]) {
      const refused = await fetchFrom("192.0.2.7", tried);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("Retry-After")).toBe("600");
    }
    expect((await fetchFrom("192.0.2.8", token)).status).toBe(200);
  });

  it("answers 429 for a feed fetched too often from everywhere, other feeds unaffected", async () => {
    const beheerder = await signedIn("beheerder");
    const { feed, token } = await createFeed(t.db, beheerder.user, (await makeBody(t.db)).id, null);
    const other = await createFeed(t.db, beheerder.user, (await makeBody(t.db)).id, null);
    for (let i = 0; i < FEED_LIMITS.perFeed.limit; i += 1) await allowFeedFetch({ db: t.db }, feed.id);
    const refused = await fetchFrom("198.51.100.1", token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("600");
    expect((await fetchFrom("198.51.100.1", other.token)).status).toBe(200);
    // the counters name the feed, never its token
    const keys = (await t.db.selectFrom("request_limits").select("key").execute()).map((row) => row.key);
    expect(keys).toContain(`agenda-feed:${feed.id}`);
    expect(keys.join(" ")).not.toContain(token);
  });
});

describe("what a feed carries", () => {
  it("holds the body's meetings of the past year and all planned ones, cancelled ones as CANCELLED", async () => {
    const body = await makeBody(t.db);
    const other = await makeBody(t.db);
    await makeMeeting(t.db, { body_id: body.id, title: "Te oud", date: "2024-05-31" });
    await makeMeeting(t.db, { body_id: body.id, title: "Vorig jaar", date: "2024-06-02" });
    await makeMeeting(t.db, { body_id: body.id, title: "Afgelast", date: "2025-07-01", status: "geannuleerd" });
    await makeMeeting(t.db, { body_id: body.id, title: "Volgend jaar", date: "2026-09-01", status: "gepland" });
    await makeMeeting(t.db, { body_id: other.id, title: "Ander gremium", date: "2025-07-02" });
    const meetings = await feedMeetings(t.db, body.id, "2025-06-01");
    expect(meetings.map((meeting) => [meeting.title, meeting.status])).toEqual([
      ["Vorig jaar", "gehouden"],
      ["Afgelast", "geannuleerd"],
      ["Volgend jaar", "gepland"],
    ]);
  });

  it("never carries attendance or minutes", async () => {
    const body = await makeBody(t.db);
    const person = await makePerson(t.db, { first_name: "Geheim", last_name: "Deelnemer" });
    await makeSeat(t.db, { body_id: body.id, person_id: person.id });
    const meeting = await makeMeeting(t.db, {
      body_id: body.id,
      date: nextJuly,
      minutes: "Besloten notulen",
      agenda: "1. Opening",
    });
    await makeAttendance(t.db, { meeting_id: meeting.id, person_id: person.id, status: "afgemeld" });
    const beheerder = await signedIn("beheerder");
    const { token } = await createFeed(t.db, beheerder.user, body.id, null);
    const text = await (await fetchFeed(token)).text();
    expect(text).toContain("1. Opening");
    expect(text).not.toMatch(/Deelnemer|Besloten notulen|ATTENDEE|ORGANIZER/);
  });
});

describe("one meeting as an .ics file", () => {
  it("is a download for signed-in readers, in their language", async () => {
    const meeting = await makeMeeting(t.db, {
      kind: "heisessie",
      title: "Koers 2026",
      date: "2025-10-26",
      start_time: "10:00",
      end_time: "15:30",
      version: 3,
    });
    const reader = await signedIn("lezer");
    await t.db.updateTable("users").set({ language: "en" }).where("id", "=", reader.user.id).execute();
    const response = await call(meetingIcsRoute.loader, get(`/vergaderingen/${meeting.id}/agenda.ics`, reader.cookie), {
      meetingId: String(meeting.id),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="meeting-2025-10-26-${meeting.id}.ics"`,
    );
    const { events, timeZones } = parseIcs(await response.text());
    expect(timeZones).toEqual(["Europe/Amsterdam"]);
    expect(events).toEqual([
      expect.objectContaining({
        uid: `meeting-${meeting.id}@localhost`,
        sequence: 3,
        summary: "Away day: Koers 2026",
        localStart: "2025-10-26T10:00:00",
        utcStart: "2025-10-26T09:00:00.000Z",
        utcEnd: "2025-10-26T14:30:00.000Z",
      }),
    ]);
  });

  it("needs a login and an existing meeting", async () => {
    const meeting = await makeMeeting(t.db, { kind: "heisessie", date: "2025-06-01" });
    const anonymous = await call(meetingIcsRoute.loader, get(`/vergaderingen/${meeting.id}/agenda.ics`), {
      meetingId: String(meeting.id),
    });
    expect(anonymous.status).toBe(302);
    const reader = await signedIn("lezer");
    const missing = await call(meetingIcsRoute.loader, get(`/vergaderingen/999/agenda.ics`, reader.cookie), {
      meetingId: "999",
    });
    expect(missing.status).toBe(404);
  });
});

describe("/beheer/agenda", () => {
  it("lists the live feeds by body and revokes one after confirmation, offering undo", async () => {
    const beheerder = await signedIn("beheerder");
    const b = await makeBody(t.db, { name: "B-overleg" });
    const a = await makeBody(t.db, { name: "A-overleg" });
    const { feed: feedB } = await createFeed(t.db, beheerder.user, b.id, null);
    const { token: tokenA } = await createFeed(t.db, beheerder.user, a.id, null);
    const revokedElsewhere = await makeBody(t.db, { name: "C-overleg" });
    await revokeFeed(t.db, beheerder.user, (await createFeed(t.db, beheerder.user, revokedElsewhere.id, null)).feed.id);

    const page = await (await call(adminRoute.loader, get("/beheer/agenda", beheerder.cookie))).json();
    expect(page.feeds.map((feed: { bodyName: string }) => feed.bodyName)).toEqual(["A-overleg", "B-overleg"]);
    expect(JSON.stringify(page)).not.toContain(tokenA);

    const unconfirmed = await call(
      adminRoute.action,
      formRequest("/beheer/agenda", { intent: "revoke", feed: feedB.id }, { cookie: beheerder.cookie }),
    );
    expect(unconfirmed.status).toBe(400);
    const revoked = await call(
      adminRoute.action,
      formRequest("/beheer/agenda", { intent: "revoke", feed: feedB.id, confirm: "on" }, { cookie: beheerder.cookie }),
    );
    expect(revoked.headers.get("Location")).toBe(`/beheer/agenda?melding=ingetrokken&id=${feedB.id}`);
    const after = await (
      await call(adminRoute.loader, get(`/beheer/agenda?melding=ingetrokken&id=${feedB.id}`, beheerder.cookie))
    ).json();
    expect(after.notice).toEqual({ kind: "ingetrokken", feedId: feedB.id, bodyName: "B-overleg" });
    expect((await listFeeds(t.db)).map((feed) => feed.body_name)).toEqual(["A-overleg"]);

    const again = await call(
      adminRoute.action,
      formRequest("/beheer/agenda", { intent: "revoke", feed: feedB.id, confirm: "on" }, { cookie: beheerder.cookie }),
    );
    expect((await again.json()).errors).toEqual({ [FORM_ERROR]: "calendar.errors.alreadyRevoked" });
  });
});
