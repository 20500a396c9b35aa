import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeBody, makeOrganisation, makeSeat, makeSector, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { makeSubregion } from "../support/organisations";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const text = nl.organisations;
const labels = nl.register.organisations;

describe("keeping organisations in the browser", () => {
  const seeded = { cookie: "", editId: 0, archiveId: 0, archiveNoJsId: 0, childId: 0 };
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "redacteur", name: "Rita Redacteur" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const sector = await makeSector(db, { name_nl: "Huisartsenzorg", name_en: "GP care" });
      await makeSubregion(db, { name: "Parkstad" });
      seeded.editId = (await makeOrganisation(db, { name: "Welzijn Parkstad", sector_id: sector.id })).id;
      seeded.archiveId = (await makeOrganisation(db, { name: "Stichting Oud Heerlen", sector_id: sector.id })).id;
      seeded.childId = (
        await makeOrganisation(db, { name: "Welzijn Parkstad Jeugd", sector_id: sector.id, parent_id: seeded.editId })
      ).id;
      seeded.archiveNoJsId = (await makeOrganisation(db, { name: "Stichting Oud Kerkrade", sector_id: sector.id })).id;
      const body = await makeBody(db, {
        name: "Bestuurlijke Regiegroep Gezond Zuid-Limburg voor het Integraal Zorgakkoord",
        abbreviation: "BRGZL",
      });
      await makeSeat(db, { body_id: body.id, organisation_id: seeded.editId, start_date: "2024-01-01" });
    } finally {
      await db.destroy();
    }
  });

  /** Signs the page's browser context in as the seeded redacteur. */
  async function signIn(page: Page) {
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
  }

  it("underlines links in running text, so they are told apart without their colour", async () => {
    const { page, visit } = env.checked();
    await signIn(page);
    await visit(`/organisaties/${seeded.childId}`);
    const parent = page.getByRole("main").getByRole("link", { name: "Welzijn Parkstad", exact: true });
    expect(await parent.evaluate((link) => getComputedStyle(link).textDecorationLine)).toBe("underline");
    const menu = page.getByRole("navigation").getByRole("link").first();
    expect(await menu.evaluate((link) => getComputedStyle(link).textDecorationLine)).toBe("none");
  });

  it("creates an organisation with JavaScript, checking the form before sending it", async () => {
    const { page, visit, act } = env.checked();
    await signIn(page);
    await visit("/organisaties");
    await act((p) => p.getByRole("link", { name: text.list.newOrganisation }).click());
    await page.getByRole("heading", { level: 1, name: text.create.title }).waitFor();

    // refused in the browser: nothing is sent, the message sits at the field
    await act((p) => p.getByRole("button", { name: text.create.submit }).click());
    expect(new URL(page.url()).pathname).toBe("/organisaties/nieuw");
    await expect(page.getByText(nl.common.form.required).count()).resolves.toBeGreaterThan(0);

    await page.getByLabel(labels.name, { exact: true }).fill("Huisartsenzorg Parkstad");
    await page.getByLabel(text.fields.shortName, { exact: true }).fill("HZP");
    await page.getByLabel(labels.sector, { exact: true }).selectOption({ label: "Huisartsenzorg" });
    await page.getByLabel("Parkstad", { exact: true }).check();
    await page.getByLabel(text.fields.izaSignatoryLabel).check();
    await page.getByLabel(labels.website, { exact: true }).fill("https://www.hzp.example.nl");
    await act((p) => p.getByRole("button", { name: text.create.submit }).click());

    await page.getByRole("heading", { level: 1, name: /Huisartsenzorg Parkstad/ }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/organisaties\/\d+$/);
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(text.page.created);
    const details = await page.locator("main dl").textContent();
    expect(details).toContain("Parkstad");
    expect(details).toContain("hzp.example.nl");
    await expect(page.getByRole("region", { name: text.history.heading }).textContent()).resolves.toContain(
      text.history.actions.create,
    );
  });

  it("edits an organisation without JavaScript: a refused website keeps everything typed", async () => {
    const noScript = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScript;
      await signIn(page);
      await visit(`/organisaties/${seeded.editId}`);
      await act((p) => p.getByRole("link", { name: text.page.edit, exact: true }).click());
      await page.getByRole("heading", { level: 1, name: "Welzijn Parkstad bewerken" }).waitFor();
      expect(await page.evaluate(() => "__remixRouter" in window)).toBe(false);

      await page.getByLabel(text.fields.phone, { exact: true }).fill("045 123 4567");
      await page.getByLabel(labels.notes, { exact: true }).fill("Werkt samen met de wijkteams.");
      await page.getByLabel(labels.website, { exact: true }).fill("welzijnparkstad");
      await act((p) => p.getByRole("button", { name: text.edit.submit }).click());

      expect(new URL(page.url()).pathname).toBe(`/organisaties/${seeded.editId}/bewerken`);
      await expect(page.getByRole("alert").textContent()).resolves.toContain(nl.common.form.urlInvalid);
      await expect(page.getByLabel(labels.website, { exact: true }).inputValue()).resolves.toBe("welzijnparkstad");
      await expect(page.getByLabel(text.fields.phone, { exact: true }).inputValue()).resolves.toBe("045 123 4567");
      await expect(page.getByLabel(labels.notes, { exact: true }).inputValue()).resolves.toBe(
        "Werkt samen met de wijkteams.",
      );
      await expect(page.getByLabel(labels.sector, { exact: true }).inputValue()).resolves.not.toBe("");

      await page.getByLabel(labels.website, { exact: true }).fill("https://www.welzijnparkstad.example.nl");
      await act((p) => p.getByRole("button", { name: text.edit.submit }).click());
      expect(new URL(page.url()).pathname).toBe(`/organisaties/${seeded.editId}`);
      await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(text.page.saved);
      const history = await page.getByRole("region", { name: text.history.heading }).textContent();
      expect(history).toContain("045 123 4567");
      expect(history).toContain("Rita Redacteur");
      expect(noScript.uncheckedUrls()).toEqual([]);
    } finally {
      await noScript.close();
    }
  });

  it("archives only after confirmation, and undoes it from the message that follows", async () => {
    const { page, visit, act } = env.checked();
    await signIn(page);
    await visit(`/organisaties/${seeded.archiveId}/bewerken`);
    await act((p) => p.getByRole("button", { name: text.edit.archiveSubmit }).click());
    await expect(page.getByText(text.errors.confirmArchive).count()).resolves.toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe(`/organisaties/${seeded.archiveId}/bewerken`);

    await page.getByLabel(text.edit.archiveConfirm.replace("{{name}}", "Stichting Oud Heerlen")).check();
    await act((p) => p.getByRole("button", { name: text.edit.archiveSubmit }).click());
    await page.getByRole("button", { name: nl.common.form.undo }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organisaties/${seeded.archiveId}`);
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(text.page.archived);
    await expect(page.getByText(/Deze organisatie is gearchiveerd op/).count()).resolves.toBe(1);

    await act((p) => p.getByRole("button", { name: nl.common.form.undo }).click());
    await page.getByText(text.page.restored).waitFor();
    await expect(page.getByText(/Deze organisatie is gearchiveerd op/).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: nl.common.form.undo }).count()).resolves.toBe(0);
    const history = await page.getByRole("region", { name: text.history.heading }).textContent();
    expect(history).toContain(text.history.actions.archive);
    expect(history).toContain(text.history.actions.restore);
  });

  it("archives and undoes without JavaScript too", async () => {
    const noScript = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScript;
      await signIn(page);
      await visit(`/organisaties/${seeded.archiveNoJsId}/bewerken`);
      await act((p) => p.getByRole("button", { name: text.edit.archiveSubmit }).click());
      await expect(page.getByRole("alert").textContent()).resolves.toContain(text.errors.confirmArchive);

      await page.getByLabel(text.edit.archiveConfirm.replace("{{name}}", "Stichting Oud Kerkrade")).check();
      await act((p) => p.getByRole("button", { name: text.edit.archiveSubmit }).click());
      expect(new URL(page.url()).pathname).toBe(`/organisaties/${seeded.archiveNoJsId}`);
      await act((p) => p.getByRole("button", { name: nl.common.form.undo }).click());
      await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(text.page.restored);
      await visit("/organisaties");
      await expect(page.getByRole("link", { name: "Stichting Oud Kerkrade" }).count()).resolves.toBe(1);
      expect(noScript.uncheckedUrls()).toEqual([]);
    } finally {
      await noScript.close();
    }
  });

  it("filters the list through the URL on a 360 px phone, and the back button returns to the unfiltered list", async () => {
    const { page, visit, act } = env.checked();
    await signIn(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await visit("/organisaties");
    await expect(page.getByRole("link", { name: "Stichting Oud Heerlen" }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // the body is typed, not picked from a select of every body in the network
    await page.getByLabel(text.list.seatIn).fill("brgzl");
    await act((p) => p.getByRole("button", { name: nl.register.filters.apply }).click());
    await expect.poll(() => new URL(page.url()).searchParams.get("gremium_naam")).toBe("brgzl");
    await expect(page.getByLabel(text.list.seatIn).inputValue()).resolves.toBe(
      "Bestuurlijke Regiegroep Gezond Zuid-Limburg voor het Integraal Zorgakkoord",
    );
    await expect(page.locator("main tbody tr").count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "Welzijn Parkstad" }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await act((p) => p.goBack());
    await expect.poll(() => new URL(page.url()).search).toBe("");
    await expect(page.getByRole("link", { name: "Stichting Oud Heerlen" }).count()).resolves.toBe(1);
  });
});
