import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  addressesToCorrect,
  clearBounce,
  countAddressesToCorrect,
  markAddressesBounced,
  markMessageBounced,
} from "../../app/models/bounces.server";
import { StaleVersionError } from "../../app/models/editing.server";
import { mailingCandidates, mailingProgress, startMailing } from "../../app/models/mailings.server";
import { drawPanel } from "../../app/models/panel-facts.server";
import { addPersonEmail, personHistory, removePersonEmail } from "../../app/models/people.server";
import { BOUNCE_LIST_MAX_BYTES } from "../../app/services/bounce-addresses";
import * as mailingRoute from "../../app/routes/onderzoek.$waveId_.mailing.$soort";
import * as peopleListRoute from "../../app/routes/personen._index";
import * as editRoute from "../../app/routes/personen.$personId_.bewerken";
import * as toCorrectRoute from "../../app/routes/personen.te-corrigeren";
import { startMailSender } from "../../app/server/mail-sender.server";
import { createMailTransport, mailSettings, type MailTransport } from "../../app/server/mail-transport.server";
import { DEFAULT_MAILING_POLICY } from "../../app/services/mail-recipients";
import type { User } from "../../db/schema";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makePerson,
  makeUser,
  type TestDatabase,
} from "../support/db";
import { frozenWave, panelRegister, STRATEGIC_AND_TACTICAL } from "../support/panels";
import { call, get, signedIn } from "../support/routes";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const SECRET = "a test key for research pseudonyms, 32+ chars";
const start = () => ({
  startAt: new Date(Date.now() - 1000).toISOString(),
  ratePerMinute: null,
  linkOrigin: "https://kring.example.nl",
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
  user = (await makeUser(t.db, { role: "beheerder" })).user;
  smtp.received.length = 0;
  smtp.answer = () => "accept";
});
afterEach(async () => {
  await t.cleanup();
});

const addressOf = async (personId: number) =>
  t.db
    .selectFrom("person_emails")
    .select(["id", "email", "is_primary", "bounced_at", "bounce_reason"])
    .where("person_id", "=", personId)
    .orderBy("id")
    .execute();

const entriesOf = (personId: number) =>
  t.db
    .selectFrom("audit_log")
    .select(["user_id", "action", "summary", "before", "after"])
    .where("entity", "=", "people")
    .where("entity_id", "=", String(personId))
    .orderBy("id")
    .execute();

/** A frozen wave of three (Aerts, Bos, Claes), and a second one frozen at the same time. */
async function waves() {
  const register = await panelRegister(t.db);
  const aerts = await register.member("Aerts", { level: "strategisch", organisation: "ggd" });
  const bos = await register.member("Bos", { level: "strategisch", organisation: "welzijn" });
  const claes = await register.member("Claes", { level: "tactisch", organisation: "ggd" });
  const first = await frozenWave(t.db, user, "Netwerkmeting 2026", "2026-09-01");
  const second = await frozenWave(t.db, user, "Netwerkmeting 2027", "2026-09-02");
  // the default messages name the closing date
  await t.db.updateTable("survey_waves").set({ closes_on: "2026-10-31" }).execute();
  const email = async (personId: number) => (await addressOf(personId))[0]!.email;
  return { first, second, aerts, bos, claes, email };
}

async function untilDone(waveId: number) {
  for (let i = 0; i < 600; i++) {
    const progress = await mailingProgress(t.db, waveId, "invitation");
    if (progress && progress.mailing.status !== "sending") return progress;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the mailing did not finish");
}

describe("a list of bounced addresses", () => {
  it("flags the register's addresses, compared trimmed and in lower case, and says which were not there", async () => {
    const anna = await makePerson(t.db, { first_name: "Anna", last_name: "Berg", email: "anna@example.org" });
    const jan = await makePerson(t.db, { first_name: "Jan", last_name: "Smit", email: "jan@example.org" });
    await markAddressesBounced(t.db, user, ["jan@example.org"], "550 eerder", "2026-10-01T08:00:00.000Z");

    const result = await markAddressesBounced(
      t.db,
      user,
      ["  Anna@Example.ORG ", "jan@example.org", "niemand@example.org", "anna@example.org"],
      "550 user unknown",
      "2026-10-02T09:30:00.000Z",
    );
    expect(result).toEqual({
      flagged: [{ email: "anna@example.org", personId: anna.id, name: "Anna Berg" }],
      alreadyFlagged: [{ email: "jan@example.org", personId: jan.id, name: "Jan Smit" }],
      unknown: ["niemand@example.org"],
    });
    // flagged, not deleted; the first bounce's moment and reason stay
    expect(await addressOf(anna.id)).toMatchObject([
      { email: "anna@example.org", bounced_at: "2026-10-02T09:30:00.000Z", bounce_reason: "550 user unknown" },
    ]);
    expect(await addressOf(jan.id)).toMatchObject([
      { bounced_at: "2026-10-01T08:00:00.000Z", bounce_reason: "550 eerder" },
    ]);
  });

  it("is a change of the person, in their history under the user who reported it", async () => {
    const anna = await makePerson(t.db, { first_name: "Anna", last_name: "Berg", email: "anna@example.org" });
    await markAddressesBounced(t.db, user, ["anna@example.org"], "550 user unknown");
    const [entry] = await entriesOf(anna.id);
    expect(entry).toMatchObject({ user_id: user.id, action: "update", summary: "email_bounced" });
    expect(JSON.parse(entry!.before!)).not.toHaveProperty("bounced_emails");
    expect(JSON.parse(entry!.after!)).toMatchObject({
      version: anna.version + 1,
      emails: ["anna@example.org"],
      bounced_emails: ["anna@example.org (550 user unknown)"],
    });
    const [shown] = await personHistory(t.db, anna.id);
    expect(shown).toMatchObject({
      summary: "email_bounced",
      changes: [{ field: "bounced_emails", before: null, after: ["anna@example.org (550 user unknown)"] }],
    });
  });

  it("changes nothing when none of the addresses is in the register", async () => {
    const anna = await makePerson(t.db, { email: "anna@example.org" });
    expect(await markAddressesBounced(t.db, user, ["x@example.org"], null)).toEqual({
      flagged: [],
      alreadyFlagged: [],
      unknown: ["x@example.org"],
    });
    expect(await entriesOf(anna.id)).toEqual([]);
  });
});

describe("a recipient's message marked bounced", () => {
  it("marks the outbox row and flags the address it went to; once flagged, again changes nothing", async () => {
    const { first, bos } = await waves();
    const mailing = await startMailing(t.db, user, first.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    const sender = startMailSender({ db: t.db, transport, secret: SECRET, idleMs: 50, log: () => {} });
    await untilDone(first.id);
    await sender.stop();
    const row = await t.db
      .selectFrom("mail_outbox")
      .select(["id", "email"])
      .where("mailing_id", "=", mailing.id)
      .where("person_id", "=", bos.id)
      .executeTakeFirstOrThrow();

    expect(await markMessageBounced(t.db, user, row.id, "mailbox full for good")).toEqual({
      email: row.email,
      outcome: "flagged",
    });
    expect(
      await t.db.selectFrom("mail_outbox").select("bounced_at").where("id", "=", row.id).executeTakeFirstOrThrow(),
    ).toEqual({ bounced_at: expect.stringMatching(/^\d{4}-/) });
    expect(await addressOf(bos.id)).toMatchObject([{ bounce_reason: "mailbox full for good" }]);
    expect(await markMessageBounced(t.db, user, row.id, "again")).toMatchObject({ outcome: "alreadyFlagged" });

    // the reminder a month later holds Bos back: the address bounced
    const later = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString();
    const reminder = await mailingCandidates(t.db, first.id, "reminder1", DEFAULT_MAILING_POLICY, later);
    expect(reminder.heldBack.map(({ member, reason }) => [member.personId, reason])).toEqual([[bos.id, "bounced"]]);
  });

  it("only marks the row when the address is no longer in the register, and refuses a message not sent", async () => {
    const { first, aerts } = await waves();
    const mailing = await startMailing(t.db, user, first.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    const waiting = await t.db
      .selectFrom("mail_outbox")
      .select("id")
      .where("mailing_id", "=", mailing.id)
      .where("person_id", "=", aerts.id)
      .executeTakeFirstOrThrow();
    await expect(markMessageBounced(t.db, user, waiting.id, null)).rejects.toMatchObject({
      messageKey: "mailings.errors.bounceNotSent",
    });
    await t.db.updateTable("mail_outbox").set({ status: "sent" }).where("id", "=", waiting.id).execute();
    await t.db.deleteFrom("person_emails").where("person_id", "=", aerts.id).execute();
    expect(await markMessageBounced(t.db, user, waiting.id, null)).toMatchObject({ outcome: "notInRegister" });
    await expect(markMessageBounced(t.db, user, 999_999, null)).rejects.toThrow(/not found/);
  });
});

describe("the sender, when the SMTP server refuses a recipient for good", () => {
  it("flags the address with the server's answer, in the person's history by the system", async () => {
    const { first, second, aerts, bos, claes, email } = await waves();
    const claesAddress = await email(claes.id);
    const bosAddress = await email(bos.id);
    smtp.answer = (address) =>
      address === claesAddress
        ? { code: 550, text: "No such user here" }
        : // Kring's own SMTP server not relaying is no fault of the address
          address === bosAddress
          ? { code: 554, text: "5.7.1 Relay access denied" }
          : "accept";
    await startMailing(t.db, user, first.id, "invitation", start(), DEFAULT_MAILING_POLICY);
    const sender = startMailSender({ db: t.db, transport, secret: SECRET, idleMs: 50, log: () => {} });
    const progress = await untilDone(first.id);
    await sender.stop();
    expect(progress.counts).toMatchObject({ sent: 1, failed: 2 });

    const rows = await t.db.selectFrom("mail_outbox").select(["person_id", "status", "bounced_at"]).execute();
    const row = (id: number) => rows.find((candidate) => candidate.person_id === id)!;
    expect(row(claes.id)).toMatchObject({ status: "failed", bounced_at: expect.stringMatching(/^\d{4}-/) });
    expect(row(bos.id)).toMatchObject({ status: "failed", bounced_at: null });
    expect(await addressOf(claes.id)).toMatchObject([{ email: claesAddress, bounce_reason: "550 No such user here" }]);
    expect((await addressOf(bos.id))[0]!.bounced_at).toBeNull();
    expect((await addressOf(aerts.id))[0]!.bounced_at).toBeNull();

    const entries = await entriesOf(claes.id);
    expect(entries.map((entry) => [entry.user_id, entry.summary])).toEqual([[null, "email_bounced"]]);
    expect(JSON.parse(entries[0]!.after!).bounced_emails).toEqual([`${claesAddress} (550 No such user here)`]);

    // the next mailing holds Claes back, and a new panel finds no usable address for him
    const next = await mailingCandidates(t.db, second.id, "invitation", DEFAULT_MAILING_POLICY);
    expect(next.heldBack.map(({ member, reason }) => [member.personId, reason])).toEqual([[claes.id, "bounced"]]);
    const panel = await drawPanel(t.db, STRATEGIC_AND_TACTICAL, "2026-09-03", {
      regionId: await defaultRegionId(t.db),
    });
    expect(panel.excluded.map((excluded) => [excluded.personId, excluded.reasons])).toEqual([[claes.id, ["no_email"]]]);
    expect(panel.members.map((member) => member.personId).sort()).toEqual([aerts.id, bos.id].sort());
  });
});

describe("the to-correct list", () => {
  it("lists who has a bounced primary address, newest first, paged, with the edit links for editors", async () => {
    const anna = await makePerson(t.db, { first_name: "Anna", last_name: "Berg", email: "anna@example.org" });
    const jan = await makePerson(t.db, { first_name: "Jan", last_name: "Smit", email: "jan@example.org" });
    const archived = await makePerson(t.db, { email: "weg@example.org", archived_at: "2026-01-01T00:00:00.000Z" });
    await markAddressesBounced(t.db, user, ["anna@example.org"], "550 user unknown", "2026-10-01T08:00:00.000Z");
    await markAddressesBounced(t.db, user, ["jan@example.org", "weg@example.org"], null, "2026-10-02T08:00:00.000Z");
    expect(await countAddressesToCorrect(t.db)).toBe(2);

    const reader = await signedIn(t.db, "lezer");
    const response = await call(t.db, toCorrectRoute.loader, get("/personen/te-corrigeren", reader.cookie));
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.canEdit).toBe(false);
    expect(page.page).toMatchObject({ total: 2, page: 1 });
    expect(page.rows.map((row: { id: number }) => row.id)).toEqual([jan.id, anna.id]);
    expect(page.rows[1]).toMatchObject({
      email: "anna@example.org",
      bounced_at: "2026-10-01T08:00:00.000Z",
      bounce_reason: "550 user unknown",
    });
    expect(page.rows.map((row: { id: number }) => row.id)).not.toContain(archived.id);

    const editor = await signedIn(t.db, "redacteur");
    expect(
      (await (await call(t.db, toCorrectRoute.loader, get("/personen/te-corrigeren", editor.cookie))).json()).canEdit,
    ).toBe(true);
    const list = await (await call(t.db, peopleListRoute.loader, get("/personen", reader.cookie))).json();
    expect(list.toCorrect).toBe(2);

    // paged: the 26th person is on page 2
    for (let i = 0; i < 24; i++) await makePerson(t.db, { email: `p${i}@example.org` });
    await markAddressesBounced(
      t.db,
      user,
      Array.from({ length: 24 }, (_, i) => `p${i}@example.org`),
      null,
      "2026-10-03T08:00:00.000Z",
    );
    const second = await addressesToCorrect(t.db, 2, "2026-10-04");
    expect(second.page).toMatchObject({ total: 26, page: 2, pages: 2 });
    expect(second.rows.map((row) => row.id)).toEqual([anna.id]);
  });

  it("is left by removing the bounced address or adding a new primary one, and nothing else changes", async () => {
    const anna = await makePerson(t.db, { email: "anna@example.org" });
    const jan = await makePerson(t.db, { email: "jan@example.org" });
    await markAddressesBounced(t.db, user, ["anna@example.org", "jan@example.org"], null);
    expect(await countAddressesToCorrect(t.db)).toBe(2);

    const annaNow = await t.db.selectFrom("people").selectAll().where("id", "=", anna.id).executeTakeFirstOrThrow();
    await addPersonEmail(t.db, user, anna.id, annaNow.version, "anna.nieuw@example.org", true);
    expect(await addressOf(anna.id)).toMatchObject([
      { email: "anna@example.org", is_primary: 0, bounce_reason: null, bounced_at: expect.any(String) },
      { email: "anna.nieuw@example.org", is_primary: 1, bounced_at: null },
    ]);

    const janNow = await t.db.selectFrom("people").selectAll().where("id", "=", jan.id).executeTakeFirstOrThrow();
    const [janAddress] = await addressOf(jan.id);
    await removePersonEmail(t.db, user, jan.id, janNow.version, janAddress!.id);
    expect(await countAddressesToCorrect(t.db)).toBe(0);
  });
});

describe("an address that works after all", () => {
  it("is cleared from the edit page on the version the editor saw; a stale one gets the changes (409)", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    const anna = await makePerson(t.db, { email: "anna@example.org" });
    const seen = anna.version;
    await markAddressesBounced(t.db, null, ["anna@example.org"], "550 user unknown");
    const [address] = await addressOf(anna.id);
    const post = (version: number) =>
      call(
        t.db,
        editRoute.action,
        formRequest(
          `/personen/${anna.id}/bewerken`,
          { intent: "clearBounce", version, emailId: address!.id },
          { cookie },
        ),
        { personId: String(anna.id) },
      );

    // the system's flag came after the editor opened the page: refused, with what changed
    const stale = await post(seen);
    expect(stale.status).toBe(409);
    const refusal = await stale.json();
    expect(refusal).toMatchObject({ intent: "clearBounce", emailId: String(address!.id), values: { version: "2" } });
    expect(refusal.conflict[0].fields).toEqual([
      { field: "bounced_emails", before: null, after: "anna@example.org (550 user unknown)" },
    ]);
    expect((await addressOf(anna.id))[0]!.bounced_at).not.toBeNull();

    const cleared = await post(2);
    expect(cleared.status).toBe(302);
    expect(cleared.headers.get("Location")).toBe(`/personen/${anna.id}/bewerken?melding=werktWeer`);
    expect(await addressOf(anna.id)).toMatchObject([{ bounced_at: null, bounce_reason: null }]);
    expect(await countAddressesToCorrect(t.db)).toBe(0);
    const [latest] = await personHistory(t.db, anna.id);
    expect(latest).toMatchObject({ summary: "email_bounce_cleared" });
  });

  it("is refused when the address is gone, and changes nothing when it is not flagged", async () => {
    const anna = await makePerson(t.db, { email: "anna@example.org" });
    const [address] = await addressOf(anna.id);
    expect((await clearBounce(t.db, user, anna.id, anna.version, address!.id)).version).toBe(anna.version);
    await expect(clearBounce(t.db, user, anna.id, anna.version, 999_999)).rejects.toMatchObject({
      messageKey: "people.errors.emailGone",
    });
    await markAddressesBounced(t.db, user, ["anna@example.org"], null);
    await expect(clearBounce(t.db, user, anna.id, anna.version, address!.id)).rejects.toBeInstanceOf(StaleVersionError);
  });
});

describe("the mailing page's Onbestelbaar form", () => {
  async function post(waveId: number, cookie: string, fields: Record<string, string>, file?: File) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    if (file) body.append("file", file);
    return call(
      t.db,
      mailingRoute.action,
      new Request(`http://localhost/onderzoek/${waveId}/mailing/uitnodiging`, {
        method: "POST",
        headers: { Cookie: cookie, Origin: "http://localhost" },
        body,
      }),
      { waveId: String(waveId), soort: "uitnodiging" },
    );
  }

  it("flags pasted addresses and those in a file, and lists what it did", async () => {
    const { first, aerts, bos, email } = await waves();
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const report = `<${(await email(aerts.id)).toUpperCase()}>: 550 5.1.1 User unknown\nFrom: MAILER-DAEMON@mx.example.net`;
    const file = new File([`email\n${await email(bos.id)}\nonbekend@example.org\n`], "bounces.csv", {
      type: "text/csv",
    });
    const response = await post(first.id, cookie, { intent: "bounces", addresses: report, reason: "" }, file);
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toMatchObject({ intent: "bounces", kind: "done", ignored: ["mailer-daemon@mx.example.net"] });
    expect(answer.result.flagged.map((flagged: { personId: number }) => flagged.personId)).toEqual([aerts.id, bos.id]);
    expect(answer.result.unknown).toEqual(["onbekend@example.org"]);
    expect((await addressOf(bos.id))[0]).toMatchObject({ bounce_reason: null, bounced_at: expect.any(String) });
  });

  it("says so at the field when there is no address, keeping what was typed", async () => {
    const { first } = await waves();
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const response = await post(first.id, cookie, { intent: "bounces", addresses: "geen adres", reason: "550" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      intent: "bounces",
      kind: "refused",
      values: { addresses: "geen adres", reason: "550" },
      errors: { addresses: "mailings.errors.noAddressesFound" },
    });
  });

  it("refuses a file over its limit at the field, saying the limit, keeping what was typed", async () => {
    const { first } = await waves();
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const file = new File(["x".repeat(BOUNCE_LIST_MAX_BYTES + 1)], "bounces.csv", { type: "text/csv" });
    const response = await post(first.id, cookie, { intent: "bounces", addresses: "a@example.org", reason: "" }, file);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      kind: "refused",
      values: { addresses: "a@example.org" },
      errors: { file: "mailings.errors.bounceFileTooLarge?limit=1+MB" },
    });
  });

  it("is for researchers only", async () => {
    const { first } = await waves();
    const { cookie } = await signedIn(t.db, "redacteur");
    const response = await post(first.id, cookie, { intent: "bounces", addresses: "a@example.org" });
    expect(response.status).toBe(403);
  });
});
