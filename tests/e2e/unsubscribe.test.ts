import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { unsubscribeToken } from "../../app/services/unsubscribe-token.server";
import { openDatabase, openMigratedDatabase } from "../../db/index";
import { makeUser } from "../support/db";
import { useBrowser } from "../support/e2e";
import { frozenWave, panelRegister } from "../support/panels";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const SECRET = "the e2e server's secret, at least 32 characters long";
const EXPIRES = new Date(Date.now() + 400 * 24 * 60 * 60 * 1000);
const seeded = { anouk: 0, bram: 0, anoukPerson: 0, bramPerson: 0 };

describe("unsubscribing through the link in a survey mail", () => {
  const env = useBrowser(
    async (server) => {
      const db = await openMigratedDatabase(server.database);
      try {
        const { user } = await makeUser(db, { role: "onderzoeker" });
        const register = await panelRegister(db);
        const anouk = await register.member("Aalders", { level: "strategisch", organisation: "ggd" });
        const bram = await register.member("Bakker", { level: "tactisch", organisation: "welzijn" });
        await db.updateTable("people").set({ first_name: "Anouk" }).where("id", "=", anouk.id).execute();
        const wave = await frozenWave(db, user, "Meting 2025", "2025-10-01");
        const memberOf = async (personId: number) =>
          (
            await db
              .selectFrom("panel_members")
              .select("id")
              .where("wave_id", "=", wave.id)
              .where("person_id", "=", personId)
              .executeTakeFirstOrThrow()
          ).id;
        Object.assign(seeded, {
          anouk: await memberOf(anouk.id),
          bram: await memberOf(bram.id),
          anoukPerson: anouk.id,
          bramPerson: bram.id,
        });
      } finally {
        await db.destroy();
      }
    },
    { env: { KRING_PSEUDONYM_SECRET: SECRET } },
  );

  /** What the register holds about the person's opt-outs, read beside the running server. */
  async function optOutsOf(personId: number, memberId: number) {
    const db = openDatabase(env.server().database);
    try {
      const consents = await db
        .selectFrom("consents")
        .select(["purpose", "status", "source"])
        .where("person_id", "=", personId)
        .execute();
      const member = await db
        .selectFrom("panel_members")
        .select(["excluded_at", "exclusion_reason"])
        .where("id", "=", memberId)
        .executeTakeFirstOrThrow();
      return { consents, exclusion: member.exclusion_reason };
    } finally {
      await db.destroy();
    }
  }

  it("without JavaScript: opening the link changes nothing; choosing all research mail and pressing the button records it", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      const link = `/afmelden/${unsubscribeToken(SECRET, seeded.anouk, EXPIRES)}`;
      const response = await visit(link);
      expect(response?.status()).toBe(200);
      await visit(link);
      await expect(page.title()).resolves.toBe(`${nl.unsubscribe.title} — Kring`);
      await expect(page.getByRole("main").textContent()).resolves.toContain("Deze afmeldlink is van Anouk.");
      await expect(page.getByRole("main").textContent()).resolves.not.toContain("Aalders");
      const survey = page.getByRole("radio", { name: "Alleen deze vragenlijst (Meting 2025)" });
      await expect(survey.isChecked()).resolves.toBe(true);
      expect(await optOutsOf(seeded.anoukPerson, seeded.anouk)).toEqual({ consents: [], exclusion: null });

      await page.getByRole("radio", { name: nl.unsubscribe.link.scopes.research }).check();
      await act((p) => p.getByRole("button", { name: nl.unsubscribe.link.submit }).click());
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(nl.unsubscribe.done.title);
      await expect(page.getByRole("status").textContent()).resolves.toContain(nl.unsubscribe.done.research);
      await expect(page.getByRole("main").textContent()).resolves.toContain(nl.unsubscribe.done.undo);
      expect(await optOutsOf(seeded.anoukPerson, seeded.anouk)).toEqual({
        consents: [{ purpose: "research", status: "withdrawn", source: "afmeldlink" }],
        exclusion: null,
      });
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });

  it("a GET changes nothing; a one-click POST as a mail provider sends it, without Origin, opts out of the survey", async () => {
    const url = `${env.server().url}/afmelden/${unsubscribeToken(SECRET, seeded.bram, EXPIRES)}`;
    for (let i = 0; i < 3; i += 1) {
      const opened = await fetch(url);
      expect(opened.status).toBe(200);
      // a personal link's page is kept by no cache and no search engine
      expect(opened.headers.get("cache-control")).toBe("no-store");
      expect(opened.headers.get("x-robots-tag")).toBe("noindex");
    }
    expect(await optOutsOf(seeded.bramPerson, seeded.bram)).toEqual({ consents: [], exclusion: null });

    const clicked = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(clicked.status).toBe(200);
    expect(await optOutsOf(seeded.bramPerson, seeded.bram)).toEqual({
      consents: [],
      exclusion: "afgemeld voor deze meting (one-click)",
    });
  });

  it("a broken link says so and leads to unsubscribing by e-mail address", async () => {
    const { page, visit, act } = env.checked();
    const response = await visit(`/afmelden/${unsubscribeToken(SECRET, seeded.anouk, EXPIRES).slice(0, -3)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(nl.unsubscribe.invalid.title);
    await act((p) => p.getByRole("link", { name: nl.unsubscribe.invalid.fallbackLink }).click());
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(nl.unsubscribe.address.title);
    await page.getByLabel(nl.unsubscribe.address.email).fill("niemand@example.org");
    await act((p) => p.getByRole("button", { name: nl.unsubscribe.address.submit }).click());
    await expect(page.getByRole("status").textContent()).resolves.toContain("Als dit adres in ons register staat");
  });
});
