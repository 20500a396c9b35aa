import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { loadDemo } from "../../seeds/load";
import { addSessionCookie } from "../support/browser";
import { makeOrganisation, makeUser, sessionCookieFor } from "../support/db";
import { useBrowser } from "../support/e2e";

const text = nl.merge;
const seeded = { cookie: "" };

/**
 * The office finds the deliberate duplicate among the demo people (Jan van den Berg and J. v.d. Berg
 * of the GGD, each with a seat and attendance), merges them from the navigation keeping both seats
 * and both attendance records, then undoes the merge and finds both as before.
 */
describe("merging demo duplicates and undoing it", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      await loadDemo(db);
      const ggd = await db
        .selectFrom("organisations")
        .select("sector_id")
        .where("name", "like", "GGD Zuid%")
        .executeTakeFirstOrThrow();
      await makeOrganisation(db, { name: "GGD ZL (uit de adreslijst)", sector_id: ggd.sector_id });
      const { user } = await makeUser(db, { role: "redacteur" });
      seeded.cookie = await sessionCookieFor(db, user.id);
    } finally {
      await db.destroy();
    }
  });

  it("merges keeping seats and attendance, redirects the old address, and undoes", async () => {
    const { page, visit, act, context } = env.checked();
    await addSessionCookie(context, seeded.cookie, env.server().url);
    await visit("/");
    await act((p) => p.getByRole("navigation").getByRole("link", { name: nl.common.nav.people }).click());
    await page.getByLabel(nl.register.filters.searchPeople).fill("Berg");
    await act((p) => p.getByLabel(nl.register.filters.searchPeople).press("Enter"));
    await act((p) => p.getByRole("link", { name: /Berg, Jan van den/ }).click());
    const survivorUrl = new URL(page.url()).pathname;
    const seatsBefore = await page.getByText("Beleidsadviesteam Zuid-Limburg").count();
    expect(seatsBefore).toBeGreaterThan(0);

    await act((p) => p.getByRole("link", { name: text.link }).click());
    await page.getByLabel(text.find.label.people).fill("Berg");
    await act((p) => p.getByRole("button", { name: text.find.submit }).click());
    await act((p) => p.getByRole("link", { name: "Vergelijken met J. v.d. Berg" }).click());
    const mergedId = new URL(page.url()).searchParams.get("met");
    expect(mergedId).toMatch(/^\d+$/);
    await page.getByRole("heading", { name: text.moves.heading.replace("{{name}}", "Jan van den Berg") }).waitFor();
    await expect(page.getByText("1 zetel", { exact: true }).count()).resolves.toBe(1);
    const attendanceLine = await page.getByText(/aanwezigheidsregels?$/).textContent();
    expect(Number(attendanceLine?.split(" ")[0])).toBeGreaterThan(0);

    // refused until confirmed; then merged, with the way back on the survivor's page
    await act((p) => p.getByRole("button", { name: text.submit }).click());
    await expect(page.getByText(text.confirmRequired).first().isVisible()).resolves.toBe(true);
    await page.getByLabel(/Ja, dit is dezelfde/).check();
    await act((p) => p.getByRole("button", { name: text.submit }).click());
    await page.getByText(text.done.replace("{{name}}", "J. v.d. Berg")).waitFor();
    expect(new URL(page.url()).pathname).toBe(survivorUrl);
    await expect(page.getByText("Actie Santé").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText("Beleidsadviesteam Zuid-Limburg").count()).resolves.toBeGreaterThan(0);

    await visit(`/personen/${mergedId}`);
    expect(new URL(page.url()).pathname).toBe(survivorUrl);
    await page.getByText(text.redirected.replace("{{name}}", "J. v.d. Berg")).waitFor();

    await act((p) => p.getByRole("button", { name: `Ongedaan maken: J. v.d. Berg` }).click());
    await page.getByText(text.undone).waitFor();
    await expect(page.getByText("Actie Santé").count()).resolves.toBe(0);
    await visit(`/personen/${mergedId}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("J. v.d. Berg");
    await expect(page.getByText("Actie Santé").count()).resolves.toBeGreaterThan(0);
  });

  it("refuses a merge into itself with the reason", async () => {
    const { page, visit, act, context } = env.checked();
    await addSessionCookie(context, seeded.cookie, env.server().url);
    await visit("/personen?q=Vroemen");
    await act((p) => p.getByRole("link", { name: /Vroemen, Ilse/ }).click());
    const id = new URL(page.url()).pathname.split("/").pop();
    await visit(`/personen/${id}/samenvoegen?met=${id}`);
    await page.getByLabel(/Ja, dit is dezelfde/).check();
    await act((p) => p.getByRole("button", { name: text.submit }).click());
    await page.getByText(text.errors.self).waitFor();
  });

  it("merges a duplicate organisation and takes it back from the notice", async () => {
    const { page, visit, act, context } = env.checked();
    await addSessionCookie(context, seeded.cookie, env.server().url);
    await visit("/");
    await act((p) => p.getByRole("navigation").getByRole("link", { name: nl.common.nav.organisations }).click());
    await act((p) => p.getByRole("link", { name: "GGD ZL (uit de adreslijst)" }).click());
    const survivorUrl = new URL(page.url()).pathname;
    await act((p) => p.getByRole("link", { name: text.link }).click());
    await page.getByLabel(text.find.label.organisations).fill("GGD Zuid");
    await act((p) => p.getByRole("button", { name: text.find.submit }).click());
    await act((p) => p.getByRole("link", { name: /^Vergelijken met GGD Zuid/ }).click());
    await page.getByLabel(/Ja, dit is dezelfde/).check();
    await act((p) => p.getByRole("button", { name: text.submit }).click());
    expect(new URL(page.url()).pathname).toBe(survivorUrl);
    await act((p) => p.getByRole("button", { name: text.undo }).click());
    await page.getByText(text.undone).waitFor();
    await visit("/organisaties?q=GGD");
    await expect(page.getByRole("link", { name: /^GGD Zuid/ }).count()).resolves.toBeGreaterThan(0);
  });
});
