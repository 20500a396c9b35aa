import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { addSessionCookie } from "../support/browser";
import { makeUser, sessionCookieFor } from "../support/db";
import { useBrowser } from "../support/e2e";
import { frozenWave, panelRegister } from "../support/panels";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const text = nl.mailings;
let smtp: TestSmtpServer;
/** filled in once the SMTP server listens, before the Kring server starts (hooks run in order) */
const serverEnv: Record<string, string> = { MAIL_FROM: "Gezond Zuid-Limburg <onderzoek@gzl.example.nl>" };
const seeded = { cookie: "", waveId: 0, laterWaveId: 0 };

beforeAll(async () => {
  smtp = await startSmtpServer();
  serverEnv.SMTP_URL = smtp.url;
});
afterAll(async () => {
  await smtp?.close();
});

describe("survey mailings in the browser, through a real SMTP server", () => {
  const env = useBrowser(
    async (server) => {
      const db = await openMigratedDatabase(server.database);
      try {
        const { user } = await makeUser(db, { role: "onderzoeker", email: "rita@example.org" });
        seeded.cookie = await sessionCookieFor(db, user.id);
        const register = await panelRegister(db);
        await register.member("Aerts", { level: "strategisch", organisation: "ggd" });
        await register.member("Bos", { level: "tactisch", organisation: "welzijn" });
        await register.member("Claes", { level: "tactisch", organisation: "ggd" });
        seeded.waveId = (await frozenWave(db, user, "Netwerkmeting 2026", "2026-09-01")).id;
        seeded.laterWaveId = (await frozenWave(db, user, "Netwerkmeting 2027", "2026-09-02")).id;
        await db
          .updateTable("survey_waves")
          .set({ closes_on: "2026-10-31" })
          .where("id", "=", seeded.laterWaveId)
          .execute();
      } finally {
        await db.destroy();
      }
    },
    { env: serverEnv },
  );

  it("writes the messages and sends a test to the signed-in user", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit(`/onderzoek/${seeded.waveId}`);
    await act((p) => p.getByRole("link", { name: text.wave.messages }).click());
    await page.getByRole("heading", { level: 1, name: new RegExp(text.messages.title) }).waitFor();
    await page.getByText(/Berichten gaan via de SMTP-server 127\.0\.0\.1/).waitFor();

    // the closing date the messages name
    await page.getByLabel(text.messages.closingDate.label).fill("2026-10-31");
    await act((p) => p.getByRole("button", { name: text.messages.closingDate.save }).click());
    await page.getByText(text.messages.closingDate.saved).waitFor();

    // an unknown placeholder is refused at its field, and what was typed stays
    const save = /Uitnodiging in het Nederlands opslaan/;
    const subject = page.locator("#message-invitation-nl-subject");
    await subject.fill("Uw mening, {voornam}");
    await act((p) => p.getByRole("button", { name: save }).click());
    await page.getByText("Onbekende invulplek: {voornam}. Kies uit de lijst onder het bericht.").first().waitFor();
    expect(await subject.inputValue()).toBe("Uw mening, {voornam}");
    await subject.fill("Uw mening, {voornaam}");
    await act((p) => p.getByRole("button", { name: save }).click());
    await page.getByText(text.messages.saved).waitFor();

    // the preview of a chosen member, and a test message to the signed-in user
    await page.getByLabel(text.messages.preview.member).fill("Bos");
    await act((p) => p.getByRole("button", { name: text.messages.preview.show }).click());
    await page.getByText("Zo leest Test Bos het bericht (Nederlands):").waitFor();
    await page.getByText("Uw mening, Test").waitFor();
    await act((p) => p.getByRole("button", { name: "Stuur dit als testbericht naar rita@example.org" }).click());
    await page.getByText("Het testbericht is verstuurd naar rita@example.org.").waitFor();
    expect(smtp.received.map((message) => [message.to, message.parsed.subject])).toEqual([
      [["rita@example.org"], "Uw mening, Test"],
    ]);
  });

  it("starts the invitation after a confirmation and follows it to the end, without refreshing", async () => {
    smtp.received.length = 0;
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit(`/onderzoek/${seeded.waveId}`);
    await act((p) => p.getByRole("link", { name: "Uitnodiging: openen" }).click());
    await page.getByText("3 panelleden krijgen dit bericht.").waitFor();
    await page.getByText(text.mailing.heldBackNone).waitFor();

    await act((p) => p.getByRole("button", { name: text.mailing.start.submit }).click());
    await page.getByText(text.errors.confirmStart).first().waitFor();
    await page.getByLabel(text.mailing.start.confirm).check();
    await act((p) => p.getByRole("button", { name: text.mailing.start.submit }).click());
    await page.getByText(text.mailing.start.started).waitFor();
    // the page asks for the progress by itself until the mailing is done
    await page.getByText("Status: klaar.").waitFor({ timeout: 20_000 });
    expect(await page.getByRole("status").filter({ hasText: "3 verstuurd" }).count()).toBe(1);
    expect(smtp.received.map((message) => message.parsed.subject).sort()).toEqual([
      "Uw mening, Test",
      "Uw mening, Test",
      "Uw mening, Test",
    ]);
  });

  it("plans a mailing for later, pauses and resumes it without JavaScript", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, act, visit } = noScripts;
      await addSessionCookie(noScripts.context, seeded.cookie, env.server().url);
      await visit(`/onderzoek/${seeded.laterWaveId}/mailing/uitnodiging`);
      await page.getByLabel(text.mailing.start.later).check();
      await page.getByLabel(text.mailing.start.date).fill("2030-03-31");
      await page.getByLabel(text.mailing.start.time).fill("09:00");
      await page.getByLabel(text.mailing.start.rate).fill("30");
      await page.getByLabel(text.mailing.start.confirm).check();
      await act((p) => p.getByRole("button", { name: text.mailing.start.submit }).click());
      await page.getByText(text.mailing.start.started).waitFor();
      await page.getByText("Start op 31 maart 2030 om 09:00.").waitFor();
      await act((p) => p.getByRole("button", { name: text.mailing.pause }).click());
      await page.getByText(text.mailing.paused).waitFor();
      await act((p) => p.getByRole("button", { name: text.mailing.resume }).click());
      await page.getByText(text.mailing.resumed).waitFor();
      await act((p) => p.getByRole("link", { name: text.mailing.progress.refresh }).click());
      await page.getByText("Status: wordt verstuurd.").waitFor();
    } finally {
      await noScripts.close();
    }
  });
});
