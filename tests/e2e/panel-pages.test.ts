import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { frozenWave, panelRegister } from "../support/panels";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const seeded = { cookie: "", wave2024: 0, wave2025: 0 };

describe("frozen panels in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "onderzoeker", name: "Olga Onderzoek" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const register = await panelRegister(db);
      await register.member("Aalders", { level: "strategisch", organisation: "ggd" });
      await register.member("Bakker", { level: "tactisch", organisation: "welzijn" });
      await register.member("Claes", { level: "tactisch", organisation: "welzijn", until: "2025-01-31" });
      await register.member("Dekker", { level: "strategisch", organisation: "ggd", from: "2025-03-01" });
      seeded.wave2024 = (await frozenWave(db, user, "Meting 2024", "2024-10-01")).id;
      seeded.wave2025 = (await frozenWave(db, user, "Meting 2025", "2025-10-01")).id;
    } finally {
      await db.destroy();
    }
  });

  it("an onderzoeker records a later exclusion without JavaScript, confirming it", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      await addSessionCookie(noScripts.context, seeded.cookie, env.server().url);
      await visit(`/onderzoek/${seeded.wave2025}/panel`);
      await expect(page.getByTestId("strata").textContent()).resolves.toContain("Parkstad");
      await act((p) => p.getByRole("link", { name: `${nl.panel.exclude.link} (Test Bakker)` }).click());
      const form = page.locator("#uitsluiten");
      await form.getByLabel(nl.panel.exclude.reason, { exact: true }).fill("Uit het netwerk vertrokken");
      await act(() => form.getByRole("button", { name: nl.panel.exclude.submit }).click());
      // no confirmation: refused, the reason kept
      await expect(page.getByRole("alert").textContent()).resolves.toContain(nl.panel.exclude.confirmRequired);
      await expect(
        page.locator("#uitsluiten").getByLabel(nl.panel.exclude.reason, { exact: true }).inputValue(),
      ).resolves.toBe("Uit het netwerk vertrokken");

      await page
        .locator("#uitsluiten")
        .getByLabel("Ja, sluit Test Bakker uit van deze meting", { exact: true })
        .check();
      await act(() => page.locator("#uitsluiten").getByRole("button", { name: nl.panel.exclude.submit }).click());
      await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(
        "Test Bakker is later uitgesloten",
      );
      const row = page.getByRole("row").filter({ hasText: "Bakker, Test" });
      await expect(row.textContent()).resolves.toMatch(
        /Later uitgesloten op \d+ \w+ \d{4}: Uit het netwerk vertrokken/,
      );
      await expect(row.getByRole("link", { name: /Later uitsluiten/ }).count()).resolves.toBe(0);
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });

  it("an onderzoeker opens the comparison of the two frozen waves", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/onderzoek/vergelijken");
    await expect(page.getByTestId("totals").textContent()).resolves.toBe(
      `${nl.panel.compare.stayed}2${nl.panel.compare.joined}1${nl.panel.compare.left}1`,
    );
    await expect(page.getByTestId("joined-names").textContent()).resolves.toContain("Dekker, Test");
    await expect(page.getByTestId("left-names").textContent()).resolves.toContain("Claes, Test");
    await expect(page.getByTestId("compare-strata").getByRole("row").count()).resolves.toBe(3);

    // the same wave twice: a clear message instead of a table
    await page.getByLabel(nl.panel.compare.a, { exact: true }).selectOption(String(seeded.wave2025));
    await act((p) => p.getByRole("button", { name: nl.register.filters.apply }).click());
    await expect(page.getByRole("alert").textContent()).resolves.toBe(nl.panel.compare.errors.same);
    expect(env.checked().errors()).toEqual([]);
  });
});
