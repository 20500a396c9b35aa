import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as messagesRoute from "../../app/routes/onderzoek.$waveId_.berichten";
import * as mailingRoute from "../../app/routes/onderzoek.$waveId_.mailing.$soort";
import * as waveRoute from "../../app/routes/onderzoek.$waveId";
import { createMailTransport, mailSettings, type MailTransport } from "../../app/server/mail-transport.server";
import { setClosingDate } from "../../app/models/mailings.server";
import type { User } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeUser,
  sessionCookieFor,
  testContext,
  type TestDatabase,
} from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";
import { get } from "../support/routes";

let t: TestDatabase;
let folder: string;
let mail: MailTransport;
let woken = 0;

beforeEach(async () => {
  t = await createTestDatabase();
  folder = mkdtempSync(path.join(os.tmpdir(), "kring-mail-pages-"));
  mail = createMailTransport(mailSettings({}), folder);
  woken = 0;
});
afterEach(async () => {
  mail.close();
  rmSync(folder, { recursive: true, force: true });
  await t.cleanup();
});

/** Calls a loader or action as Remix would, with a fresh context whose outbox is this test's folder. */
async function call(
  handler: (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>,
  request: Request,
  params: Record<string, string>,
): Promise<Response> {
  try {
    const context = testContext(t.db, { mail, wakeMailSender: () => (woken += 1) });
    return (await handler({ request, context, params })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function researcher(): Promise<{ user: User; cookie: string }> {
  const { user } = await makeUser(t.db, { role: "onderzoeker", email: "onderzoeker@example.org" });
  return { user, cookie: await sessionCookieFor(t.db, user.id) };
}

async function wave(user: User) {
  const register = await panelRegister(t.db);
  await register.member("Aerts", { level: "strategisch", organisation: "ggd" });
  await register.member("Bos", { level: "tactisch", organisation: "welzijn" });
  const frozen = await frozenWave(t.db, user, "Netwerkmeting 2026", "2026-09-01");
  return setClosingDate(t.db, user, frozen.id, frozen.version, "2026-10-31");
}

describe("the messages page", () => {
  it("shows each message in both languages, a preview for a member, and where mail goes", async () => {
    const { user, cookie } = await researcher();
    const w = await wave(user);
    const page = await call(messagesRoute.loader, get(`/onderzoek/${w.id}/berichten?lid=bos`, cookie), {
      waveId: String(w.id),
    });
    const data = await page.json();
    expect(data.messages.reminder2.en.version).toBeNull();
    expect(data.preview.member.name).toBe("Test Bos");
    expect(data.preview.message.text).toContain("https://enquete.example.org/s/VOORBEELD");
    expect(data.preview.message.text).toContain("31 oktober 2026");
    expect(data.destination).toEqual({ kind: "files", folder });
  });

  it("saves a message, and refuses an unknown placeholder at its field, keeping what was typed", async () => {
    const { user, cookie } = await researcher();
    const w = await wave(user);
    const post = (fields: Record<string, string>) =>
      call(
        messagesRoute.action,
        formRequest(
          `/onderzoek/${w.id}/berichten`,
          { intent: "message", kind: "invitation", language: "nl", version: "", ...fields },
          { cookie },
        ),
        { waveId: String(w.id) },
      );
    const refused = await post({ subject: "Hallo {voornam}", body: "{aanhef} {link} {afmeldlink}" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      intent: "message",
      kind: "invitation",
      language: "nl",
      errors: { subject: "mailings.errors.unknownPlaceholder?names=%7Bvoornam%7D" },
      values: { subject: "Hallo {voornam}" },
    });
    const saved = await post({ subject: "Hallo {voornaam}", body: "{aanhef} {link} {afmeldlink}" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/onderzoek/${w.id}/berichten?melding=opgeslagen&id=invitation-nl`);
  });

  it("sends a test message to the signed-in user, with example links", async () => {
    const { user, cookie } = await researcher();
    const w = await wave(user);
    const sent = await call(
      messagesRoute.action,
      formRequest(`/onderzoek/${w.id}/berichten`, { intent: "test", kind: "invitation", language: "en" }, { cookie }),
      { waveId: String(w.id) },
    );
    expect(sent.headers.get("Location")).toBe(`/onderzoek/${w.id}/berichten?melding=testbericht`);
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    const eml = readFileSync(path.join(folder, files[0]!), "utf8");
    expect(eml).toMatch(/^To: onderzoeker@example\.org$/m);
    expect(eml).toContain("Invitation: your experience");
    expect(eml).toContain("https://enquete.example.org/s/VOORBEELD");
    expect(eml).toContain("/afmelden/voorbeeld");
  });
});

describe("a mailing's page", () => {
  it("shows who gets it and who not before the start, then starts it once and shows its progress", async () => {
    const { user, cookie } = await researcher();
    const w = await wave(user);
    const params = { waveId: String(w.id), soort: "uitnodiging" };
    await t.db.deleteFrom("person_emails").where("email", "like", "bos-%").execute();
    const before = await (
      await call(mailingRoute.loader, get(`/onderzoek/${w.id}/mailing/uitnodiging`, cookie), params)
    ).json();
    expect(before.page).toMatchObject({
      started: false,
      previousStarted: true,
      recipients: 1,
      groups: [{ reason: "noAddress", count: 1, shown: [{ name: "Test Bos" }] }],
    });

    const unconfirmed = await call(
      mailingRoute.action,
      formRequest(`/onderzoek/${w.id}/mailing/uitnodiging`, { intent: "start", when: "now" }, { cookie }),
      params,
    );
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).errors).toEqual({ confirm: "mailings.errors.confirmStart" });

    const started = await call(
      mailingRoute.action,
      formRequest(
        `/onderzoek/${w.id}/mailing/uitnodiging`,
        { intent: "start", when: "now", confirm: "on" },
        { cookie },
      ),
      params,
    );
    expect(started.headers.get("Location")).toBe(`/onderzoek/${w.id}/mailing/uitnodiging?melding=gestart`);
    expect(woken).toBe(1);
    const after = await (
      await call(mailingRoute.loader, get(`/onderzoek/${w.id}/mailing/uitnodiging`, cookie), params)
    ).json();
    expect(after.page).toMatchObject({ started: true, progress: { counts: { waiting: 1, sent: 0 } } });

    const wavePage = await (
      await call(waveRoute.loader, get(`/onderzoek/${w.id}`, cookie), { waveId: String(w.id) })
    ).json();
    expect(wavePage.mailings.map((m: { kind: string; mailing: unknown }) => [m.kind, m.mailing !== null])).toEqual([
      ["invitation", true],
      ["reminder1", false],
      ["reminder2", false],
      ["thanks", false],
    ]);
  });

  it("starts at a moment given on the Amsterdam clock", async () => {
    const { user, cookie } = await researcher();
    const w = await wave(user);
    await call(
      mailingRoute.action,
      formRequest(
        `/onderzoek/${w.id}/mailing/uitnodiging`,
        {
          intent: "start",
          when: "later",
          start_date: "2030-03-31",
          start_time: "09:00",
          rate_per_minute: "30",
          confirm: "on",
        },
        { cookie },
      ),
      { waveId: String(w.id), soort: "uitnodiging" },
    );
    const mailing = await t.db.selectFrom("mailings").select(["start_at", "rate_per_minute"]).executeTakeFirstOrThrow();
    // summer time: 09:00 in Amsterdam is 07:00 UTC
    expect(mailing).toEqual({ start_at: "2030-03-31T07:00:00.000Z", rate_per_minute: 30 });
  });

  it("pauses and resumes, refusing a stale version", async () => {
    const { user, cookie } = await researcher();
    const w = await wave(user);
    const params = { waveId: String(w.id), soort: "uitnodiging" };
    const post = (fields: Record<string, string>) =>
      call(mailingRoute.action, formRequest(`/onderzoek/${w.id}/mailing/uitnodiging`, fields, { cookie }), params);
    await post({ intent: "start", when: "later", start_date: "2030-01-01", start_time: "09:00", confirm: "on" });
    expect((await post({ intent: "pause", version: "1" })).headers.get("Location")).toContain("melding=gepauzeerd");
    expect((await post({ intent: "pause", version: "1" })).status).toBe(409);
    expect((await post({ intent: "resume", version: "2" })).headers.get("Location")).toContain("melding=hervat");
  });

  it("is not there for a draft wave, an unknown kind, or a lezer", async () => {
    const { user, cookie } = await researcher();
    const w = await wave(user);
    const lezer = await makeUser(t.db, { role: "lezer" });
    const lezerCookie = await sessionCookieFor(t.db, lezer.user.id);
    expect(
      (
        await call(mailingRoute.loader, get(`/onderzoek/${w.id}/mailing/spam`, cookie), {
          waveId: String(w.id),
          soort: "spam",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(mailingRoute.loader, get(`/onderzoek/${w.id}/mailing/uitnodiging`, lezerCookie), {
          waveId: String(w.id),
          soort: "uitnodiging",
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(messagesRoute.loader, get(`/onderzoek/${w.id}/berichten`, lezerCookie), { waveId: String(w.id) }))
        .status,
    ).toBe(403);
  });
});
