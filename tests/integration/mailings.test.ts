import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { StaleVersionError } from "../../app/models/editing.server";
import { claimDueRows, markInterruptedRowsUnknown } from "../../app/models/mail-outbox.server";
import {
  mailingCandidates,
  mailingProgress,
  pauseMailing,
  resumeMailing,
  saveWaveMessage,
  sendUnknownAgain,
  setClosingDate,
  startMailing,
  waveMessages,
} from "../../app/models/mailings.server";
import { recordConsent } from "../../app/models/people.server";
import * as unsubscribeRoute from "../../app/routes/afmelden.$token";
import { startMailSender } from "../../app/server/mail-sender.server";
import { createMailTransport, mailSettings, type MailTransport } from "../../app/server/mail-transport.server";
import { DEFAULT_MAILING_POLICY } from "../../app/services/mail-recipients";
import { readUnsubscribeLink } from "../../app/services/unsubscribe-token.server";
import type { User } from "../../db/schema";
import { createTestDatabase, makeUser, type TestDatabase, testContext } from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const SECRET = "a test key for research pseudonyms, 32+ chars";
const ORIGIN = "https://kring.example.nl";
const start = (overrides: Partial<{ startAt: string; ratePerMinute: number | null }> = {}) => ({
  startAt: new Date(Date.now() - 1000).toISOString(),
  ratePerMinute: null,
  linkOrigin: ORIGIN,
  ...overrides,
});

let t: TestDatabase;
let user: User;
let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = createMailTransport(
    mailSettings({ SMTP_URL: smtp.url, MAIL_FROM: "Gezond Zuid-Limburg <onderzoek@gzl.example.nl>" }),
    "",
  );
});
afterAll(async () => {
  transport.close();
  await smtp.close();
});
beforeEach(async () => {
  t = await createTestDatabase();
  user = (await makeUser(t.db, { role: "onderzoeker" })).user;
  smtp.received.length = 0;
  smtp.answer = () => "accept";
  smtp.delayMs = 0;
});
afterEach(async () => {
  await t.cleanup();
});

/** A frozen wave of three: Aerts and Bos (strategic), Claes (tactical), with a closing date. */
async function wave() {
  const register = await panelRegister(t.db);
  const aerts = await register.member("Aerts", { level: "strategisch", organisation: "ggd" });
  const bos = await register.member("Bos", { level: "strategisch", organisation: "welzijn" });
  const claes = await register.member("Claes", { level: "tactisch", organisation: "ggd" });
  const frozen = await frozenWave(t.db, user, "Netwerkmeting 2026", "2026-09-01");
  const dated = await setClosingDate(t.db, user, frozen.id, frozen.version, "2026-10-31");
  return { wave: dated, people: { aerts, bos, claes } };
}

async function untilDone(waveId: number, kind: "invitation" | "reminder1" = "invitation") {
  for (let i = 0; i < 600; i++) {
    const progress = await mailingProgress(t.db, waveId, kind);
    if (progress && progress.mailing.status !== "sending") return progress;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the mailing did not finish");
}

describe("a wave's messages", () => {
  it("start from the default text in both languages, and are saved per kind and language", async () => {
    const { wave: w } = await wave();
    const messages = await waveMessages(t.db, w.id);
    expect(messages.invitation.nl).toMatchObject({ version: null, subject: expect.stringContaining("Uitnodiging") });
    expect(messages.invitation.en.body).toContain("{link}");
    const saved = await saveWaveMessage(t.db, user, w.id, "invitation", "en", null, {
      subject: "Your view, {voornaam}",
      body: "{aanhef},\n\n{link}\n\n{afmeldlink}",
    });
    expect((await waveMessages(t.db, w.id)).invitation.en).toMatchObject({
      subject: "Your view, {voornaam}",
      version: saved.version,
    });
  });

  it("refuse an unknown placeholder and a message without its link, naming them", async () => {
    const { wave: w } = await wave();
    await expect(
      saveWaveMessage(t.db, user, w.id, "invitation", "nl", null, {
        subject: "Hoi {voornam}",
        body: "{link} {afmeldlink}",
      }),
    ).rejects.toMatchObject({ messageKey: "mailings.errors.unknownPlaceholder?names=%7Bvoornam%7D", field: "subject" });
    await expect(
      saveWaveMessage(t.db, user, w.id, "reminder1", "nl", null, { subject: "Herinnering", body: "{afmeldlink}" }),
    ).rejects.toMatchObject({ messageKey: "mailings.errors.missingPlaceholder?names=%7Blink%7D", field: "body" });
  });

  it("refuse a save on an old version with what changed", async () => {
    const { wave: w } = await wave();
    const body = "{aanhef}\n{link}\n{afmeldlink}";
    const first = await saveWaveMessage(t.db, user, w.id, "invitation", "nl", null, { subject: "Eén", body });
    await saveWaveMessage(t.db, user, w.id, "invitation", "nl", first.version, { subject: "Twee", body });
    await expect(
      saveWaveMessage(t.db, user, w.id, "invitation", "nl", first.version, { subject: "Drie", body }),
    ).rejects.toBeInstanceOf(StaleVersionError);
  });
});

describe("who a mailing reaches", () => {
  it("lists who is held back and why before anything is queued", async () => {
    const { wave: w, people } = await wave();
    await recordConsent(t.db, user, people.bos.id, people.bos.version, {
      purpose: "research",
      status: "withdrawn",
      recorded_on: "2026-09-15",
      source: "telefoon",
    });
    await t.db.deleteFrom("person_emails").where("person_id", "=", people.claes.id).execute();
    const candidates = await mailingCandidates(t.db, w.id, "invitation", DEFAULT_MAILING_POLICY);
    expect(candidates.recipients.map((member) => member.personId)).toEqual([people.aerts.id]);
    expect(candidates.heldBack.map(({ member, reason }) => [member.personId, reason])).toEqual([
      [people.bos.id, "optedOut"],
      [people.claes.id, "noAddress"],
    ]);
    expect(await t.db.selectFrom("mail_outbox").select("id").execute()).toEqual([]);
  });
});

describe("starting a mailing", () => {
  it("queues one outbox row per recipient in one go, and a second start gives the same mailing", async () => {
    const { wave: w } = await wave();
    const mailing = await startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    const again = await startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    expect(again.id).toBe(mailing.id);
    const rows = await t.db.selectFrom("mail_outbox").select(["status", "language"]).execute();
    expect(rows).toEqual([
      { status: "waiting", language: "nl" },
      { status: "waiting", language: "nl" },
      { status: "waiting", language: "nl" },
    ]);
    const entry = await t.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity", "=", "mailings")
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe("create");
    expect(JSON.parse(entry.after!)).toMatchObject({ kind: "invitation", recipients: 3 });
  });

  it("refuses a reminder before the invitation, and a message naming a closing date the wave lacks", async () => {
    const { wave: w } = await wave();
    await expect(startMailing(t.db, user, w.id, "reminder1", start(), DEFAULT_MAILING_POLICY)).rejects.toMatchObject({
      messageKey: "mailings.errors.previousFirst",
    });
    await setClosingDate(t.db, user, w.id, w.version, null);
    await expect(startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY)).rejects.toMatchObject({
      messageKey: "mailings.errors.closingDateNeeded",
    });
    expect(await t.db.selectFrom("mailings").select("id").execute()).toEqual([]);
  });
});

describe("the sender", () => {
  it("delivers each member's own message once, as a proper message with a one-click unsubscribe", async () => {
    const { wave: w, people } = await wave();
    await startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    const sender = startMailSender({ db: t.db, transport, secret: SECRET, idleMs: 50, log: () => {} });
    const progress = await untilDone(w.id);
    await sender.stop();

    expect(progress.counts).toMatchObject({ sent: 3, waiting: 0, sending: 0, failed: 0, unknown: 0 });
    expect(smtp.received).toHaveLength(3);
    const members = await t.db.selectFrom("panel_members").select(["person_id", "token", "email"]).execute();
    const aerts = members.find((member) => member.person_id === people.aerts.id)!;
    const message = smtp.received.find((received) => received.to.includes(aerts.email))!;
    const { parsed } = message;
    expect(parsed.from?.text).toBe('"Gezond Zuid-Limburg" <onderzoek@gzl.example.nl>');
    expect(parsed.replyTo?.text).toContain("onderzoek@gzl.example.nl");
    expect(parsed.messageId).toMatch(/^<kring\.\d+\.[0-9a-f]+@gzl\.example\.nl>$/);
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.text).toContain(`https://enquete.example.org/s/${aerts.token}`);
    expect(parsed.text).toContain("31 oktober 2026");
    expect(parsed.html).toContain(`href="https://enquete.example.org/s/${aerts.token}"`);
    expect(parsed.text).toMatch(/Privacyverklaring: https?:\/\/[^/\s]+\/privacy\?taal=nl\n?$/);
    expect(parsed.html).toMatch(/<a href="https?:\/\/[^/"]+\/privacy\?taal=nl">Privacyverklaring<\/a>/);
    const headers = message.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    const unsubscribe = /^List-Unsubscribe: (.*)$/im.exec(headers)?.[1] ?? "";
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im);
    const link = /<(https:\/\/kring\.example\.nl\/afmelden\/[^>]+)>/.exec(unsubscribe)?.[1];
    expect(unsubscribe).toContain("mailto:onderzoek@gzl.example.nl?subject=afmelden");
    const reading = readUnsubscribeLink(SECRET, link!.split("/").at(-1)!, new Date());
    expect(reading).toMatchObject({ ok: true, kind: "member" });
    const outbox = await t.db.selectFrom("mail_outbox").select(["message_id", "smtp_response"]).execute();
    expect(outbox.every((row) => row.smtp_response?.startsWith("250"))).toBe(true);
    expect(outbox.map((row) => row.message_id)).toContain(parsed.messageId);
  });

  it("tries a temporary refusal again later, and marks a permanent one failed with the server's reason", async () => {
    const { wave: w, people } = await wave();
    const members = await t.db.selectFrom("panel_members").select(["person_id", "email"]).execute();
    const emailOf = (id: number) => members.find((member) => member.person_id === id)!.email;
    smtp.answer = (address) =>
      address === emailOf(people.bos.id)
        ? { code: 451, text: "Try again later" }
        : address === emailOf(people.claes.id)
          ? { code: 550, text: "No such user here" }
          : "accept";
    await startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    const sender = startMailSender({ db: t.db, transport, secret: SECRET, idleMs: 50, log: () => {} });
    // until each of the three got its answer, however slowly the shared machine runs the sender
    const answered = async () =>
      (await t.db.selectFrom("mail_outbox").select(["status", "attempts"]).execute()).every(
        (row) => row.attempts >= 1 && row.status !== "sending",
      );
    for (let i = 0; i < 400 && !(await answered()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    await sender.stop();
    const rows = await t.db
      .selectFrom("mail_outbox")
      .select(["person_id", "status", "attempts", "last_error", "next_attempt_at"])
      .execute();
    const row = (id: number) => rows.find((candidate) => candidate.person_id === id)!;
    expect(row(people.aerts.id).status).toBe("sent");
    expect(row(people.bos.id)).toMatchObject({ status: "waiting", attempts: 1 });
    expect(row(people.bos.id).last_error).toContain("Try again later");
    expect(Date.parse(row(people.bos.id).next_attempt_at)).toBeGreaterThan(Date.now() + 30_000);
    expect(row(people.claes.id)).toMatchObject({ status: "failed" });
    expect(row(people.claes.id).last_error).toContain("No such user here");
  });

  it("pauses the mailing with the reason when the SMTP server cannot be reached, and sends nothing", async () => {
    const { wave: w } = await wave();
    const mailing = await startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    const closed = createMailTransport(
      mailSettings({ SMTP_URL: "smtp://127.0.0.1:9", MAIL_FROM: "Kring <kring@example.nl>" }),
      "",
    );
    const sender = startMailSender({ db: t.db, transport: closed, secret: SECRET, idleMs: 50, log: () => {} });
    const progress = await untilDone(w.id);
    await sender.stop();
    closed.close();
    expect(progress.mailing.status).toBe("paused");
    expect(progress.mailing.paused_reason).toMatch(/ECONNREFUSED|connect/i);
    expect(progress.counts).toMatchObject({ waiting: 3, sent: 0, sending: 0, unknown: 0 });

    // resumed with a server that answers: every member gets their message once
    await resumeMailing(t.db, user, mailing.id, progress.mailing.version);
    const working = startMailSender({ db: t.db, transport, secret: SECRET, idleMs: 50, log: () => {} });
    expect((await untilDone(w.id)).counts).toMatchObject({ sent: 3, waiting: 0 });
    await working.stop();
    expect(smtp.received).toHaveLength(3);
  });

  it("leaves rows a crash left in sending as unknown, sent again only when a person says so", async () => {
    const { wave: w } = await wave();
    const mailing = await startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    // a process took two rows and died before it could say how they went
    expect(await claimDueRows(t.db, 2, "example.nl")).toHaveLength(2);
    expect(await markInterruptedRowsUnknown(t.db)).toBe(2);
    const sender = startMailSender({ db: t.db, transport, secret: SECRET, idleMs: 50, log: () => {} });
    const progress = await untilDone(w.id);
    expect(progress.counts).toMatchObject({ sent: 1, unknown: 2 });
    expect(progress.unknown).toHaveLength(2);
    expect(smtp.received).toHaveLength(1);

    await sendUnknownAgain(t.db, user, mailing.id, progress.mailing.version);
    sender.wake();
    expect((await untilDone(w.id)).counts).toMatchObject({ sent: 3, unknown: 0 });
    await sender.stop();
    expect(smtp.received).toHaveLength(3);
  });

  it("does not send again to someone who opted out while their message was unknown", async () => {
    const { wave: w, people } = await wave();
    const mailing = await startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    expect(await claimDueRows(t.db, 3, "example.nl")).toHaveLength(3);
    await markInterruptedRowsUnknown(t.db);
    await recordConsent(t.db, user, people.bos.id, people.bos.version, {
      purpose: "research",
      status: "withdrawn",
      recorded_on: "2026-10-01",
      source: "telefoon",
    });
    await sendUnknownAgain(t.db, user, mailing.id, mailing.version);
    const rows = await t.db.selectFrom("mail_outbox").select(["person_id", "status"]).orderBy("person_id").execute();
    expect(rows).toEqual([
      { person_id: people.aerts.id, status: "waiting" },
      { person_id: people.bos.id, status: "withdrawn" },
      { person_id: people.claes.id, status: "waiting" },
    ]);
  });

  it("keeps to the rate per minute, and a paused mailing waits", async () => {
    const { wave: w } = await wave();
    const mailing = await startMailing(
      t.db,
      user,
      w.id,
      "invitation",
      start({ ratePerMinute: 2 }),
      DEFAULT_MAILING_POLICY,
    );
    expect(await claimDueRows(t.db, 20, "example.nl")).toHaveLength(2);
    expect(await claimDueRows(t.db, 20, "example.nl")).toHaveLength(0);
    await markInterruptedRowsUnknown(t.db);
    const paused = await pauseMailing(t.db, user, mailing.id, mailing.version);
    expect(paused.status).toBe("paused");
    await t.db.updateTable("mail_outbox").set({ updated_at: "2000-01-01T00:00:00.000Z" }).execute();
    expect(await claimDueRows(t.db, 20, "example.nl")).toHaveLength(0);
  });
});

describe("an opt-out by one-click, as a mail client sends it", () => {
  it("keeps the member from the reminder, while a plain GET of the same link changes nothing", async () => {
    const { wave: w, people } = await wave();
    await startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    const sender = startMailSender({ db: t.db, transport, secret: SECRET, idleMs: 50, log: () => {} });
    await untilDone(w.id);
    await sender.stop();
    const message = smtp.received.find((received) => received.to.some((address) => address.startsWith("bos-")))!;
    const headers = message.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    const link = /<(https:\/\/kring\.example\.nl\/afmelden\/[^>]+)>/.exec(headers)![1]!;
    const path = new URL(link).pathname;
    const params = { token: path.split("/").at(-1)! };

    // a mail filter opening the link, then the mail client's one-click POST (no Origin, no session)
    await unsubscribeRoute.loader({
      request: new Request(`http://localhost${path}`),
      context: testContext(t.db),
      params,
    });
    const reminderMonthLater = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString();
    const before = await mailingCandidates(t.db, w.id, "reminder1", DEFAULT_MAILING_POLICY, reminderMonthLater);
    expect(before.recipients.map((member) => member.personId)).toContain(people.bos.id);
    const response = (await unsubscribeRoute.action({
      request: new Request(`http://localhost${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      context: testContext(t.db),
      params,
    })) as Response;
    expect(response.status).toBe(200);

    const after = await mailingCandidates(t.db, w.id, "reminder1", DEFAULT_MAILING_POLICY, reminderMonthLater);
    expect(after.recipients.map((member) => member.personId).sort()).toEqual([people.aerts.id, people.claes.id].sort());
    expect(after.heldBack).toEqual([
      expect.objectContaining({ member: expect.objectContaining({ personId: people.bos.id }), reason: "excluded" }),
    ]);
  });
});

describe("without SMTP_URL", () => {
  it("writes each message as an .eml file beside the database", async () => {
    const { wave: w } = await wave();
    const folder = mkdtempSync(path.join(os.tmpdir(), "kring-outbox-"));
    try {
      const files = createMailTransport(mailSettings({}), folder);
      expect(files.destination).toEqual({ kind: "files", folder });
      await startMailing(t.db, user, w.id, "invitation", start(), DEFAULT_MAILING_POLICY);
      const sender = startMailSender({ db: t.db, transport: files, secret: SECRET, idleMs: 50, log: () => {} });
      expect((await untilDone(w.id)).counts).toMatchObject({ sent: 3 });
      await sender.stop();
      const written = readdirSync(folder);
      expect(written).toHaveLength(3);
      const eml = readFileSync(path.join(folder, written[0]!), "utf8");
      expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(eml).toMatch(/^From: Kring <kring@localhost>$/m);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("a person's address", () => {
  it("is the current primary one, not the one frozen with the panel", async () => {
    const { wave: w, people } = await wave();
    await t.db
      .updateTable("person_emails")
      .set({ email: "nieuw.adres@example.org" })
      .where("person_id", "=", people.aerts.id)
      .execute();
    const candidates = await mailingCandidates(t.db, w.id, "invitation", DEFAULT_MAILING_POLICY);
    expect(candidates.recipients.find((member) => member.personId === people.aerts.id)?.address).toBe(
      "nieuw.adres@example.org",
    );
  });
});
