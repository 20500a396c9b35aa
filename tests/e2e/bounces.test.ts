import { describe, expect, it } from "vitest";
import { startMailing } from "../../app/models/mailings.server";
import { nl } from "../../app/i18n/nl/index";
import { DEFAULT_MAILING_POLICY } from "../../app/services/mail-recipients";
import { openMigratedDatabase } from "../../db/index";
import { addSessionCookie } from "../support/browser";
import { makeUser, sessionCookieFor } from "../support/db";
import { useBrowser } from "../support/e2e";
import { frozenWave, panelRegister } from "../support/panels";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const text = nl.mailings.bounces;
const people = nl.people;
const seeded = { cookie: "", waveId: 0, aerts: "", bos: "" };

describe("bounced addresses, from a mailing's page to the person", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      // a beheerder both runs the research and corrects the register
      const { user } = await makeUser(db, { role: "beheerder", email: "beheer@example.org" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const register = await panelRegister(db);
      await register.member("Aerts", { level: "strategisch", organisation: "ggd" });
      await register.member("Bos", { level: "tactisch", organisation: "welzijn" });
      await register.member("Claes", { level: "tactisch", organisation: "ggd" });
      const wave = await frozenWave(db, user, "Netwerkmeting 2026", "2026-09-01");
      await db.updateTable("survey_waves").set({ closes_on: "2026-10-31" }).where("id", "=", wave.id).execute();
      seeded.waveId = wave.id;
      // the invitation is started (planned for later: the bounces come from the office's mailbox)
      await startMailing(
        db,
        user,
        wave.id,
        "invitation",
        { startAt: "2030-03-31T07:00:00.000Z", ratePerMinute: null, linkOrigin: server.url },
        DEFAULT_MAILING_POLICY,
      );
      const emails = await db
        .selectFrom("person_emails")
        .innerJoin("people", "people.id", "person_emails.person_id")
        .select(["people.last_name", "person_emails.email"])
        .execute();
      seeded.aerts = emails.find((row) => row.last_name === "Aerts")!.email;
      seeded.bos = emails.find((row) => row.last_name === "Bos")!.email;
    } finally {
      await db.destroy();
    }
  });

  it("flags two pasted addresses without JavaScript; they are on the list; one works again", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      await addSessionCookie(noScripts.context, seeded.cookie, env.server().url);
      await visit(`/onderzoek/${seeded.waveId}/mailing/uitnodiging`);
      await page.getByRole("heading", { level: 2, name: text.heading }).waitFor();

      // nothing that looks like an address: said at the field, what was typed stays
      await page.getByLabel(text.addresses).fill("niemand");
      await act((p) => p.getByRole("button", { name: text.submit }).click());
      await page.getByText(nl.mailings.errors.noAddressesFound).waitFor();
      expect(await page.getByLabel(text.addresses).inputValue()).toBe("niemand");

      // two addresses as a mail program's bounce report lists them, one in capitals
      await page
        .getByLabel(text.addresses)
        .fill(
          `<${seeded.aerts.toUpperCase()}>: host said: 550 5.1.1 User unknown\n${seeded.bos}; MAILER-DAEMON@mx.example.net`,
        );
      await page.getByLabel(text.reason).fill("550 user unknown");
      await act((p) => p.getByRole("button", { name: text.submit }).click());
      const result = page.getByTestId("bounce-result");
      await result.getByText("2 adressen gemarkeerd als onbestelbaar:").waitFor();
      await result.getByText("1 adres overgeslagen (het afzenderadres van Kring of van een mailserver):").waitFor();
      expect(await result.getByRole("link", { name: "Test Aerts" }).count()).toBe(1);
      expect(await result.getByRole("link", { name: "Test Bos" }).count()).toBe(1);
    } finally {
      await noScripts.close();
    }

    // the people list links to the list of addresses to correct
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/personen");
    await act((p) => p.getByRole("link", { name: "Onbestelbare adressen (2)" }).click());
    await page.getByRole("heading", { level: 1, name: people.toCorrect.title }).waitFor();
    const table = page.getByRole("table", { name: people.toCorrect.caption });
    expect(await table.getByRole("row").count()).toBe(3);
    await table.getByRole("cell", { name: seeded.aerts }).waitFor();
    await table.getByRole("cell", { name: seeded.bos }).waitFor();
    expect(await table.getByRole("cell", { name: "550 user unknown" }).count()).toBe(2);

    // the person's page shows the flag; the edit link of the list leads to the form that clears it
    await act((p) => p.getByRole("link", { name: "Test Aerts", exact: true }).click());
    await page.getByRole("heading", { level: 1, name: "Test Aerts" }).waitFor();
    await page.getByText(/onbestelbaar sinds .* \(550 user unknown\)/).waitFor();
    await act((p) => p.goBack());
    await act((p) => p.getByRole("link", { name: new RegExp(`${people.toCorrect.correct}\\s*: Test Aerts`) }).click());
    await page.getByText(/onbestelbaar sinds .* \(550 user unknown\)/).waitFor();
    await act((p) =>
      p.getByRole("button", { name: new RegExp(`${people.bounce.works}\\s*: ${seeded.aerts}`) }).click(),
    );
    await page.getByText(people.bounce.cleared).waitFor();
    expect(await page.getByText(/onbestelbaar sinds/).count()).toBe(0);

    await visit("/personen/te-corrigeren");
    expect(await page.getByRole("table", { name: people.toCorrect.caption }).getByRole("row").count()).toBe(2);
    await page.getByRole("cell", { name: seeded.bos }).waitFor();
    expect(await page.getByRole("cell", { name: seeded.aerts }).count()).toBe(0);
  });
});
