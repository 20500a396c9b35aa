import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { addSessionCookie } from "../support/browser";
import { makeUser, sessionCookieFor } from "../support/db";
import { useBrowser } from "../support/e2e";
import { frozenWave, panelRegister } from "../support/panels";

const seeded = { cookie: "", waveId: 0 };

describe("an interview sample in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "onderzoeker", name: "Olga Onderzoek" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const register = await panelRegister(db);
      for (const name of ["Aalders", "Bakker", "Claes", "Dekker", "Evers", "Franssen"]) {
        await register.member(name, { level: "strategisch", organisation: "ggd" });
      }
      seeded.waveId = (await frozenWave(db, user, "Meting 2025", "2025-10-01")).id;
    } finally {
      await db.destroy();
    }
  });

  const drawnNames = async () => {
    const { page } = env.checked();
    const table = page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: nl.samples.columns.name }) });
    return (await table.locator("tbody tr td:first-child").allTextContents()).map((name) => name.trim()).sort();
  };

  it("refuses a sample larger than the panel keeping what was typed, draws one, and draws it again by its seed", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit(`/onderzoek/${seeded.waveId}/panel`);
    await act((p) => p.getByRole("link", { name: nl.samples.drawLink }).click());
    await page.getByRole("heading", { level: 1, name: "Interviewsteekproeven van Meting 2025" }).waitFor();

    const form = page.getByRole("main");
    await form.getByLabel(nl.samples.fields.size).fill("9");
    await form.getByLabel(nl.samples.fields.seed).fill("42");
    await act(() => form.getByRole("button", { name: nl.samples.submit }).click());
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain(
      "Een steekproef van 9 personen kan niet: het panel heeft maar 6 personen",
    );
    await expect(page.getByRole("main").getByLabel(nl.samples.fields.seed).inputValue()).resolves.toBe("42");

    await page.getByRole("main").getByLabel(nl.samples.fields.size).fill("3");
    await act(() => page.getByRole("main").getByRole("button", { name: nl.samples.submit }).click());
    await page.getByRole("heading", { level: 2, name: nl.samples.sample.methodHeading }).waitFor();
    await expect(page.getByRole("main").textContent()).resolves.toContain("startgetal 42");
    const first = await drawnNames();
    expect(first).toHaveLength(3);

    await act((p) => p.getByRole("link", { name: "Alle steekproeven van Meting 2025" }).click());
    await page.getByRole("main").getByLabel(nl.samples.fields.size).fill("3");
    await page.getByRole("main").getByLabel(nl.samples.fields.seed).fill("42");
    await act(() => page.getByRole("main").getByRole("button", { name: nl.samples.submit }).click());
    await page.getByRole("heading", { level: 2, name: nl.samples.sample.methodHeading }).waitFor();
    expect(await drawnNames()).toEqual(first);

    await act((p) => p.getByRole("link", { name: "Alle steekproeven van Meting 2025" }).click());
    await expect(page.getByRole("link", { name: /Steekproef van 3 op/ }).count()).resolves.toBe(2);
  });
});
