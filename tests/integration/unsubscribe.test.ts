import type { AppLoadContext } from "@remix-run/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MailingKind, OutboxStatus } from "../../db/schema";
import { todayInAmsterdam } from "../../app/i18n/format";
import { optOut, optOutPerson } from "../../app/models/opt-outs.server";
import * as addressRoute from "../../app/routes/afmelden._index";
import * as linkRoute from "../../app/routes/afmelden.$token";
import type { MailTransport, OutgoingMessage } from "../../app/server/mail-transport.server";
import { UNSUBSCRIBE_LIMITS } from "../../app/services/unsubscribe-page.server";
import {
  personUnsubscribeToken,
  readUnsubscribeLink,
  unsubscribeToken,
} from "../../app/services/unsubscribe-token.server";
import { createTestDatabase, formRequest, makeUser, testContext, type TestDatabase } from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";
import type { Handler } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const SECRET = "a test key for research pseudonyms, 32+ chars";
const EXPIRES = new Date(Date.now() + 400 * 24 * 60 * 60 * 1000);
const ORIGIN = "https://kring.example.nl";

/** A transport that keeps what it is given (at the moment it is given, before any await). */
function recordingTransport() {
  const sent: OutgoingMessage[] = [];
  const transport: MailTransport = {
    destination: { kind: "files", folder: "/nergens" },
    from: "Kring <onderzoek@example.nl>",
    replyTo: "Kring <onderzoek@example.nl>",
    send: (message) => {
      sent.push(message);
      return Promise.resolve({ response: "250 ok" });
    },
    close: () => undefined,
  };
  return { sent, transport };
}

/**
 * Anouk (English, two frozen waves) and Bram (the 2025 wave), with the 2024 invitation waiting for
 * Anouk, the 2025 invitation sent to her and the 2025 reminder waiting for both.
 */
async function setting() {
  const { user } = await makeUser(t.db, { role: "onderzoeker" });
  const register = await panelRegister(t.db);
  const anouk = await register.member("Aalders", { level: "strategisch", organisation: "ggd" });
  await t.db
    .updateTable("people")
    .set({ first_name: "Anouk", preferred_language: "en" })
    .where("id", "=", anouk.id)
    .execute();
  const bram = await register.member("Bakker", { level: "tactisch", organisation: "welzijn" });
  const wave2024 = await frozenWave(t.db, user, "Meting 2024", "2024-10-01");
  const wave2025 = await frozenWave(t.db, user, "Meting 2025", "2025-10-01");
  const memberOf = async (waveId: number, personId: number) =>
    (
      await t.db
        .selectFrom("panel_members")
        .select("id")
        .where("wave_id", "=", waveId)
        .where("person_id", "=", personId)
        .executeTakeFirstOrThrow()
    ).id;
  const mailing = async (waveId: number, kind: MailingKind) =>
    (
      await t.db
        .insertInto("mailings")
        .values({
          wave_id: waveId,
          kind,
          start_at: "2025-10-06T08:00:00.000Z",
          rate_per_minute: null,
          messages: "{}",
          closes_on: null,
          link_origin: ORIGIN,
          paused_reason: null,
          finished_at: null,
          created_by: user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const row = async (mailingId: number, memberId: number, personId: number, status: OutboxStatus) =>
    (
      await t.db
        .insertInto("mail_outbox")
        .values({
          mailing_id: mailingId,
          panel_member_id: memberId,
          person_id: personId,
          email: "adres@example.org",
          language: "nl",
          status,
          next_attempt_at: "2025-10-06T08:00:00.000Z",
          last_error: null,
          smtp_response: status === "sent" ? "250 ok" : null,
          message_id: null,
          sent_at: status === "sent" ? "2025-10-06T08:01:00.000Z" : null,
          bounced_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

  const anouk2024 = await memberOf(wave2024.id, anouk.id);
  const anouk2025 = await memberOf(wave2025.id, anouk.id);
  const bram2025 = await memberOf(wave2025.id, bram.id);
  const invitation2024 = await mailing(wave2024.id, "invitation");
  const invitation2025 = await mailing(wave2025.id, "invitation");
  const reminder2025 = await mailing(wave2025.id, "reminder1");
  const rows = {
    anouk2024Waiting: await row(invitation2024, anouk2024, anouk.id, "waiting"),
    anouk2025Sent: await row(invitation2025, anouk2025, anouk.id, "sent"),
    anouk2025Waiting: await row(reminder2025, anouk2025, anouk.id, "waiting"),
    bram2025Waiting: await row(reminder2025, bram2025, bram.id, "waiting"),
  };
  const address = (
    await t.db.selectFrom("person_emails").select("email").where("person_id", "=", anouk.id).executeTakeFirstOrThrow()
  ).email;
  return { user, anouk, bram, wave2024, wave2025, anouk2024, anouk2025, bram2025, rows, address };
}

async function outboxStatuses() {
  const rows = await t.db.selectFrom("mail_outbox").select(["id", "status", "last_error"]).orderBy("id").execute();
  return Object.fromEntries(rows.map((row) => [row.id, row]));
}

/** Everything an opt-out may change, to compare before and after. */
async function everything() {
  return {
    consents: await t.db.selectFrom("consents").selectAll().orderBy("id").execute(),
    members: await t.db
      .selectFrom("panel_members")
      .select(["id", "excluded_at", "exclusion_reason"])
      .orderBy("id")
      .execute(),
    outbox: await t.db.selectFrom("mail_outbox").selectAll().orderBy("id").execute(),
    audit: await t.db.selectFrom("audit_log").select("id").orderBy("id").execute(),
    people: await t.db.selectFrom("people").select(["id", "version"]).orderBy("id").execute(),
  };
}

async function consentsOf(personId: number) {
  return t.db
    .selectFrom("consents")
    .select(["purpose", "status", "recorded_on", "source"])
    .where("person_id", "=", personId)
    .orderBy("id")
    .execute();
}

describe("opting out", () => {
  it("of this survey: a later exclusion by the system, and the wave's waiting mail withdrawn at once", async () => {
    const s = await setting();
    const result = await optOut(t.db, s.anouk2025, "survey", "afmeldlink");
    expect(result).toEqual({ changed: true, withdrawnMessages: 1 });

    const member = await t.db
      .selectFrom("panel_members")
      .selectAll()
      .where("id", "=", s.anouk2025)
      .executeTakeFirstOrThrow();
    expect(member.excluded_at).not.toBeNull();
    expect(member.excluded_by).toBeNull();
    expect(member.exclusion_reason).toBe("afgemeld voor deze meting (afmeldlink)");
    const otherWave = await t.db
      .selectFrom("panel_members")
      .select("excluded_at")
      .where("id", "=", s.anouk2024)
      .executeTakeFirstOrThrow();
    expect(otherWave.excluded_at).toBeNull();

    const outbox = await outboxStatuses();
    expect(outbox[s.rows.anouk2025Waiting]).toMatchObject({ status: "withdrawn", last_error: member.exclusion_reason });
    expect(outbox[s.rows.anouk2025Sent]).toMatchObject({ status: "sent", last_error: null });
    expect(outbox[s.rows.anouk2024Waiting]).toMatchObject({ status: "waiting" });
    expect(outbox[s.rows.bram2025Waiting]).toMatchObject({ status: "waiting" });
    expect(await consentsOf(s.anouk.id)).toEqual([]);

    const entries = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "in", ["panel_members", "mail_outbox"])
      .orderBy("id")
      .execute();
    expect(entries.map((entry) => [entry.entity, entry.summary, entry.user_id])).toEqual([
      ["mail_outbox", "outbox_withdrawn", null],
      ["panel_members", "panel_member_excluded", null],
    ]);
    // no names, addresses or tokens in the log
    for (const entry of entries) {
      expect(entry.after).not.toMatch(/Anouk|Aalders|@|token/);
      expect(entry.before).not.toMatch(/Anouk|Aalders|@|token/);
    }
  });

  it("of all research mail: the consent withdrawn today with its source, every waiting research message withdrawn", async () => {
    const s = await setting();
    const result = await optOut(t.db, s.anouk2025, "research", "one-click");
    expect(result).toEqual({ changed: true, withdrawnMessages: 2 });
    expect(await consentsOf(s.anouk.id)).toEqual([
      { purpose: "research", status: "withdrawn", recorded_on: todayInAmsterdam(), source: "one-click" },
    ]);
    const outbox = await outboxStatuses();
    expect(outbox[s.rows.anouk2024Waiting]).toMatchObject({ status: "withdrawn" });
    expect(outbox[s.rows.anouk2025Waiting]).toMatchObject({
      status: "withdrawn",
      last_error: "afgemeld voor alle onderzoeksmail (one-click)",
    });
    expect(outbox[s.rows.anouk2025Sent]).toMatchObject({ status: "sent" });
    expect(outbox[s.rows.bram2025Waiting]).toMatchObject({ status: "waiting" });
    const member = await t.db
      .selectFrom("panel_members")
      .select("excluded_at")
      .where("id", "=", s.anouk2025)
      .executeTakeFirstOrThrow();
    expect(member.excluded_at).toBeNull();
    // the people model's own entry, by the system, in the person's history
    const entry = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "people")
      .where("entity_id", "=", String(s.anouk.id))
      .where("summary", "=", "consent_recorded")
      .executeTakeFirstOrThrow();
    expect(entry.user_id).toBeNull();
    expect(JSON.parse(entry.after ?? "{}")).toMatchObject({ consent_research: "withdrawn", source: "one-click" });
  });

  it("of network news: the news consent withdrawn, research mail untouched", async () => {
    const s = await setting();
    expect(await optOut(t.db, s.anouk2025, "news", "afmeldlink")).toEqual({ changed: true, withdrawnMessages: 0 });
    expect(await consentsOf(s.anouk.id)).toEqual([
      { purpose: "news", status: "withdrawn", recorded_on: todayInAmsterdam(), source: "afmeldlink" },
    ]);
    const outbox = await outboxStatuses();
    expect(outbox[s.rows.anouk2025Waiting]).toMatchObject({ status: "waiting" });
    expect(outbox[s.rows.anouk2024Waiting]).toMatchObject({ status: "waiting" });
  });

  it("twice changes nothing the second time, whatever the scope", async () => {
    const s = await setting();
    for (const scope of ["survey", "research", "news"] as const) {
      await optOut(t.db, s.anouk2025, scope, "afmeldlink");
      const before = await everything();
      expect(await optOut(t.db, s.anouk2025, scope, "one-click")).toEqual({ changed: false, withdrawnMessages: 0 });
      expect(await everything()).toEqual(before);
    }
  });

  it("by a person without a wave: the consent withdrawn and all their waiting research mail", async () => {
    const s = await setting();
    expect(await optOutPerson(t.db, s.anouk.id, "research", "afmeldlink")).toEqual({
      changed: true,
      withdrawnMessages: 2,
    });
    expect(await consentsOf(s.anouk.id)).toMatchObject([{ purpose: "research", status: "withdrawn" }]);
  });
});

/** Calls a route's loader or action with this context; returns the response and its JSON. */
async function call(handler: Handler, request: Request, params: Record<string, string>, context: AppLoadContext) {
  let response: Response;
  try {
    response = (await handler({ request, context, params })) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  return { response, body: (await response.clone().json()) as Record<string, unknown> };
}

const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(new URL(path, "http://localhost"), { headers });

/** RFC 8058: what a mail provider's server sends, with no Origin and no cookie. */
const oneClick = (path: string) =>
  new Request(new URL(path, "http://localhost"), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });

describe("the unsubscribe link's page", () => {
  const context = (overrides: Partial<AppLoadContext> = {}) => testContext(t.db, overrides);

  it("shows whose link it is by first name, in the panel row's language, and changes nothing however often it is opened", async () => {
    const s = await setting();
    const token = unsubscribeToken(SECRET, s.anouk2025, EXPIRES);
    const before = await everything();
    for (let i = 0; i < 5; i += 1) {
      const { response, body } = await call(linkRoute.loader, get(`/afmelden/${token}`), { token }, context());
      expect(response.status).toBe(200);
      expect(body).toEqual({
        page: {
          kind: "member",
          firstName: "Anouk",
          wave: "Meting 2025",
          excluded: false,
          language: "en",
          scopes: ["survey", "research", "news"],
        },
        language: "en",
      });
    }
    expect(await everything()).toEqual(before);
  });

  it("speaks the reader's own choice of language when they made one", async () => {
    const s = await setting();
    const token = unsubscribeToken(SECRET, s.anouk2025, EXPIRES);
    const { body } = await call(
      linkRoute.loader,
      get(`/afmelden/${token}`, { Cookie: "kring_lang=nl" }),
      { token },
      context(),
    );
    expect(body.language).toBe("nl");
  });

  it("opts out of what the form chose", async () => {
    const s = await setting();
    const token = unsubscribeToken(SECRET, s.anouk2025, EXPIRES);
    const { response, body } = await call(
      linkRoute.action,
      formRequest(`/afmelden/${token}`, { scope: "research" }),
      { token },
      context(),
    );
    expect(response.status).toBe(200);
    expect(body).toEqual({ kind: "done", scope: "research", changed: true });
    expect(await consentsOf(s.anouk.id)).toMatchObject([
      { purpose: "research", status: "withdrawn", source: "afmeldlink" },
    ]);
    expect((await outboxStatuses())[s.rows.anouk2024Waiting]).toMatchObject({ status: "withdrawn" });
  });

  it("takes a one-click POST without Origin as an opt-out of this survey", async () => {
    const s = await setting();
    const token = unsubscribeToken(SECRET, s.anouk2025, EXPIRES);
    const { response, body } = await call(linkRoute.action, oneClick(`/afmelden/${token}`), { token }, context());
    expect(response.status).toBe(200);
    expect(body).toEqual({ kind: "done", scope: "survey", changed: true });
    const member = await t.db
      .selectFrom("panel_members")
      .select(["excluded_at", "exclusion_reason"])
      .where("id", "=", s.anouk2025)
      .executeTakeFirstOrThrow();
    expect(member.exclusion_reason).toBe("afgemeld voor deze meting (one-click)");
    expect((await outboxStatuses())[s.rows.anouk2025Waiting]).toMatchObject({ status: "withdrawn" });
    expect(await consentsOf(s.anouk.id)).toEqual([]);

    const again = await call(linkRoute.action, oneClick(`/afmelden/${token}`), { token }, context());
    expect(again.body).toEqual({ kind: "done", scope: "survey", changed: false });
  });

  it("refuses a form without a scope, changing nothing", async () => {
    const s = await setting();
    const token = unsubscribeToken(SECRET, s.anouk2025, EXPIRES);
    const before = await everything();
    const forms: Record<string, string>[] = [{}, { scope: "alles" }];
    for (const fields of forms) {
      const { response, body } = await call(
        linkRoute.action,
        formRequest(`/afmelden/${token}`, fields),
        { token },
        context(),
      );
      expect(response.status).toBe(400);
      expect(body).toMatchObject({ kind: "refused", errors: { scope: "unsubscribe.errors.chooseScope" } });
    }
    expect(await everything()).toEqual(before);
  });

  it("says a tampered or expired link does not work, without a 500, and changes nothing on a POST", async () => {
    const s = await setting();
    const valid = unsubscribeToken(SECRET, s.anouk2025, EXPIRES);
    const expired = unsubscribeToken(SECRET, s.anouk2025, new Date("2024-01-01T00:00:00Z"));
    const tampered = [
      `${s.anouk2024}${valid.slice(String(s.anouk2025).length)}`,
      `${valid.slice(0, -1)}${valid.endsWith("A") ? "B" : "A"}`,
      "zomaar-iets",
      unsubscribeToken(SECRET, 999_999, EXPIRES), // signed, but no such member
    ];
    const before = await everything();
    for (const [token, status, reason] of [
      ...tampered.map((token) => [token, 404, "tampered"] as const),
      [expired, 410, "expired"] as const,
    ]) {
      const page = await call(linkRoute.loader, get(`/afmelden/${token}`), { token }, context());
      expect(page.response.status).toBe(status);
      expect(page.body).toEqual({ page: { kind: "invalid", reason }, language: null });
      const posted = await call(
        linkRoute.action,
        formRequest(`/afmelden/${token}`, { scope: "research" }),
        { token },
        context(),
      );
      expect(posted.response.status).toBe(status);
      expect(posted.body).toEqual({ kind: "invalid", reason });
      const clicked = await call(linkRoute.action, oneClick(`/afmelden/${token}`), { token }, context());
      expect(clicked.body).toEqual({ kind: "invalid", reason });
    }
    expect(await everything()).toEqual(before);
  });

  it("a person's link offers research mail and news, and records a research opt-out on one click", async () => {
    const s = await setting();
    const token = personUnsubscribeToken(SECRET, s.bram.id, EXPIRES);
    const { body } = await call(linkRoute.loader, get(`/afmelden/${token}`), { token }, context());
    expect(body.page).toMatchObject({ kind: "person", scopes: ["research", "news"] });
    const survey = await call(
      linkRoute.action,
      formRequest(`/afmelden/${token}`, { scope: "survey" }),
      { token },
      context(),
    );
    expect(survey.response.status).toBe(400);
    const clicked = await call(linkRoute.action, oneClick(`/afmelden/${token}`), { token }, context());
    expect(clicked.body).toEqual({ kind: "done", scope: "research", changed: true });
    expect(await consentsOf(s.bram.id)).toMatchObject([
      { purpose: "research", status: "withdrawn", source: "one-click" },
    ]);
    expect((await outboxStatuses())[s.rows.bram2025Waiting]).toMatchObject({ status: "withdrawn" });
  });

  it("answers 429 once an address has asked too often, and other addresses still get their page", async () => {
    const s = await setting();
    const token = unsubscribeToken(SECRET, s.anouk2025, EXPIRES);
    const busy = context({ clientAddress: "192.0.2.7" });
    for (let i = 0; i < UNSUBSCRIBE_LIMITS.linkPage.limit; i += 1)
      expect((await call(linkRoute.loader, get(`/afmelden/${token}`), { token }, busy)).response.status).toBe(200);
    const refused = await call(linkRoute.loader, get(`/afmelden/${token}`), { token }, busy);
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get("Retry-After")).toBe("600");
    expect(refused.body).toEqual({ page: { kind: "limited" }, language: null });
    const other = await call(
      linkRoute.loader,
      get(`/afmelden/${token}`),
      { token },
      context({ clientAddress: "192.0.2.8" }),
    );
    expect(other.response.status).toBe(200);

    for (let i = 0; i < UNSUBSCRIBE_LIMITS.optOut.limit; i += 1)
      await call(linkRoute.action, oneClick(`/afmelden/${token}`), { token }, busy);
    const before = await everything();
    const refusedPost = await call(
      linkRoute.action,
      formRequest(`/afmelden/${token}`, { scope: "news" }),
      { token },
      busy,
    );
    expect(refusedPost.response.status).toBe(429);
    expect(refusedPost.body).toEqual({ kind: "limited" });
    expect(await everything()).toEqual(before);
  });
});

describe("unsubscribing by e-mail address", () => {
  it("sends a known address one message with a working link per active wave, and an unknown one nothing, answering the same", async () => {
    const s = await setting();
    const { sent, transport } = recordingTransport();
    const context = testContext(t.db, { mail: transport });

    const unknown = await call(
      addressRoute.action,
      formRequest("/afmelden", { email: "niemand@example.org" }),
      {},
      context,
    );
    expect(sent).toEqual([]);
    const known = await call(
      addressRoute.action,
      formRequest("/afmelden", { email: ` ${s.address.toUpperCase()} ` }),
      {},
      context,
    );
    expect(known.response.status).toBe(unknown.response.status);
    expect(known.body).toEqual(unknown.body);
    expect(known.body).toEqual({ kind: "sent", days: 30 });

    expect(sent).toHaveLength(1);
    const [message] = sent;
    expect(message?.to).toBe(s.address);
    expect(message?.subject).toBe("Your link to unsubscribe");
    expect(message?.text).toContain("Dear Anouk,");
    expect(message?.text).not.toContain("Aalders");
    const links = [...(message?.text ?? "").matchAll(/https:\/\/kring\.example\.nl\/afmelden\/(\S+)/g)].map(
      (match) => match[1] ?? "",
    );
    expect(links.map((token) => readUnsubscribeLink(SECRET, token, new Date()))).toEqual([
      { ok: true, kind: "member", memberId: s.anouk2024 },
      { ok: true, kind: "member", memberId: s.anouk2025 },
    ]);
    expect(message?.html).toContain(`<a href="https://kring.example.nl/afmelden/${links[0]}">`);
  });

  it("sends a person link to someone in no active wave", async () => {
    const s = await setting();
    await t.db.updateTable("survey_waves").set({ status: "closed" }).execute();
    const { sent, transport } = recordingTransport();
    await call(
      addressRoute.action,
      formRequest("/afmelden", { email: s.address }),
      {},
      testContext(t.db, { mail: transport }),
    );
    expect(sent).toHaveLength(1);
    const token = /\/afmelden\/(\S+)/.exec(sent[0]?.text ?? "")?.[1] ?? "";
    expect(readUnsubscribeLink(SECRET, token, new Date())).toEqual({ ok: true, kind: "person", personId: s.anouk.id });
  });

  it("points the links to PUBLIC_ORIGIN or the latest mailing's origin, never to the Host the asker sent", async () => {
    const s = await setting();
    const { sent, transport } = recordingTransport();
    const evil = (email: string) =>
      formRequest("https://evil.example/afmelden", { email }, { headers: { Host: "evil.example" } });
    await call(addressRoute.action, evil(s.address), {}, testContext(t.db, { mail: transport }));
    await call(
      addressRoute.action,
      evil(s.address),
      {},
      testContext(t.db, { mail: transport, publicOrigin: "https://kring.gezondzuidlimburg.nl/" }),
    );
    expect(sent.map((message) => /https?:\/\/[^/]+\/afmelden\//.exec(message.text)?.[0])).toEqual([
      `${ORIGIN}/afmelden/`,
      "https://kring.gezondzuidlimburg.nl/afmelden/",
    ]);
    expect(sent.map((message) => message.text).join()).not.toContain("evil");
  });

  it("sends nothing while no link can have gone out: no PUBLIC_ORIGIN and no mailing yet", async () => {
    const s = await setting();
    await t.db.deleteFrom("mail_outbox").execute();
    await t.db.deleteFrom("mailings").execute();
    const { sent, transport } = recordingTransport();
    const { body } = await call(
      addressRoute.action,
      formRequest("/afmelden", { email: s.address }),
      {},
      testContext(t.db, { mail: transport }),
    );
    expect(body).toEqual({ kind: "sent", days: 30 });
    expect(sent).toEqual([]);
  });

  it("sends one address at most three messages a day, answering the same after", async () => {
    const s = await setting();
    const { sent, transport } = recordingTransport();
    for (let i = 0; i < 5; i += 1) {
      const { body } = await call(
        addressRoute.action,
        formRequest("/afmelden", { email: s.address }),
        {},
        testContext(t.db, { mail: transport, clientAddress: `198.51.100.${i}` }),
      );
      expect(body).toEqual({ kind: "sent", days: 30 });
    }
    expect(sent).toHaveLength(3);
  });

  it("refuses a malformed address, keeping what was typed", async () => {
    const { response, body } = await call(
      addressRoute.action,
      formRequest("/afmelden", { email: "geen adres" }),
      {},
      testContext(t.db),
    );
    expect(response.status).toBe(400);
    expect(body).toMatchObject({
      kind: "refused",
      values: { email: "geen adres" },
      errors: { email: expect.any(String) },
    });
  });

  it("answers 429 after 20 requests from one address in ten minutes, sending nothing more", async () => {
    const s = await setting();
    const { sent, transport } = recordingTransport();
    const context = testContext(t.db, { mail: transport, clientAddress: "203.0.113.5" });
    for (let i = 0; i < UNSUBSCRIBE_LIMITS.addressForm.limit; i += 1) {
      const { response } = await call(
        addressRoute.action,
        formRequest("/afmelden", { email: `onbekend-${i}@example.org` }),
        {},
        context,
      );
      expect(response.status).toBe(200);
    }
    const refused = await call(addressRoute.action, formRequest("/afmelden", { email: s.address }), {}, context);
    expect(refused.response.status).toBe(429);
    expect(refused.body).toEqual({ kind: "limited" });
    expect(sent).toEqual([]);

    const page = await call(addressRoute.loader, get("/afmelden"), {}, context);
    expect(page.response.status).toBe(200);
    for (let i = 1; i < UNSUBSCRIBE_LIMITS.addressPage.limit; i += 1)
      await call(addressRoute.loader, get("/afmelden"), {}, context);
    const refusedPage = await call(addressRoute.loader, get("/afmelden"), {}, context);
    expect(refusedPage.response.status).toBe(429);
    expect(refusedPage.body).toEqual({ limited: true });
  });
});
