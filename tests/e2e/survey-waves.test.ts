import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeBody, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const seeded = { cookie: "" };

const IN_WORDS =
  "Iedereen met op 1 oktober 2025 een zetel in een strategisch of tactisch gremium; " +
  "plus iedereen met op 1 oktober 2025 een zetel als projectleider in het projectteam van een plan met IZA-financiering; " +
  "niet: wie onderzoeksmail heeft afgemeld, wie geen bruikbaar e-mailadres heeft, wie op de peildatum geen actieve functie heeft.";

describe("survey waves in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "onderzoeker", name: "Olga Onderzoek" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      await makeBody(db, { name: "Bestuurlijke Regiegroep", kind: "regiegroep", level: "strategisch" });
      await makeBody(db, { name: "Adviesteam", kind: "adviesteam", level: "tactisch" });
    } finally {
      await db.destroy();
    }
  });

  it("an onderzoeker creates a wave, writes its rules and reads them in words; adding a rule also works without JavaScript", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/onderzoek");
    await act((p) => p.getByRole("link", { name: nl.waves.newWave }).click());
    await page.getByLabel(nl.waves.fields.name, { exact: true }).fill("Meting 2025");
    await page.getByLabel(nl.waves.fields.year, { exact: true }).fill("2025");
    await page.getByLabel(nl.waves.fields.referenceDate, { exact: true }).fill("2025-10-01");
    await page.getByLabel(nl.waves.fields.linkTemplate, { exact: true }).fill("https://enquete.example.org/s/{token}");
    await act((p) => p.getByRole("button", { name: nl.waves.create.submit }).click());
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(nl.waves.wave.created);
    const waveUrl = new URL(page.url()).pathname;

    await act((p) => p.getByRole("link", { name: nl.waves.wave.editRules }).click());
    const rule = (n: number) => page.getByRole("group", { name: `Regel ${n} (zetels)`, exact: true });
    await act((p) => p.getByRole("button", { name: nl.waves.rules.addSeatRule }).click());
    await rule(1).waitFor();
    await rule(1)
      .getByRole("group", { name: nl.waves.rules.levels })
      .getByLabel("Strategisch", { exact: true })
      .check();
    await rule(1).getByRole("group", { name: nl.waves.rules.levels }).getByLabel("Tactisch", { exact: true }).check();
    await act((p) => p.getByRole("button", { name: nl.waves.rules.addSeatRule }).click());
    await rule(2).waitFor();
    await expect(
      rule(1).getByRole("group", { name: nl.waves.rules.levels }).getByLabel("Tactisch", { exact: true }).isChecked(),
    ).resolves.toBe(true);
    await rule(2)
      .getByRole("group", { name: nl.waves.rules.planFunding })
      .getByLabel("IZA-financiering", { exact: true })
      .check();
    await rule(2)
      .getByRole("group", { name: nl.waves.rules.roles })
      .getByLabel("Projectleider", { exact: true })
      .check();
    await act((p) => p.getByRole("button", { name: nl.waves.rules.submit }).click());
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(nl.waves.rules.saved);
    await expect(page.getByTestId("rules-in-words").textContent()).resolves.toBe(IN_WORDS);

    await visit(waveUrl);
    await expect(page.getByRole("main").textContent()).resolves.toContain(IN_WORDS);
    expect(env.checked().errors()).toEqual([]);

    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      await addSessionCookie(noScripts.context, seeded.cookie, env.server().url);
      await noScripts.visit(`${waveUrl}/regels`);
      const plainRule = (n: number) => noScripts.page.getByRole("group", { name: `Regel ${n} (zetels)`, exact: true });
      await plainRule(1)
        .getByRole("group", { name: nl.waves.rules.roles })
        .getByLabel("Voorzitter", { exact: true })
        .check();
      await noScripts.act((p) => p.getByRole("button", { name: nl.waves.rules.addSeatRule }).click());
      await plainRule(3).waitFor();
      await expect(
        plainRule(1)
          .getByRole("group", { name: nl.waves.rules.roles })
          .getByLabel("Voorzitter", { exact: true })
          .isChecked(),
      ).resolves.toBe(true);
      await expect(
        plainRule(2)
          .getByRole("group", { name: nl.waves.rules.roles })
          .getByLabel("Projectleider", { exact: true })
          .isChecked(),
      ).resolves.toBe(true);
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });
});
