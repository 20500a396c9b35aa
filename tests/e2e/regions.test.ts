import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { defaultRegionId, makeBody, makeOrganisation, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";

const text = nl.regions;

/**
 * A beheerder keeps the region from the beheer menu: the tagline in the header, a subregion added
 * and removed after confirming, the region itself refused while in use. The organisations list
 * leads to those without a region, and the bodies list names the region of a body without subregion.
 */
describe("regions in the browser", () => {
  const seeded = { cookie: "", regionId: 0 };
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "beheerder" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      seeded.regionId = await defaultRegionId(db);
      await makeBody(db, { name: "Bestuurlijke Regiegroep", region_id: seeded.regionId });
      await makeOrganisation(db, { name: "Stichting Zonder Regio" });
    } finally {
      await db.destroy();
    }
  });

  it("edits the tagline, adds and removes a subregion, and is refused removing the region in use", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/");
    await act((p) => p.getByRole("navigation").getByRole("link", { name: nl.common.nav.regions }).click());
    await page.getByRole("heading", { level: 1, name: text.title }).waitFor();
    await act((p) => p.getByRole("link", { name: text.edit.open.replace("{{name}}", "Zuid-Limburg") }).click());
    await page.getByRole("heading", { level: 1, name: "Regio Zuid-Limburg" }).waitFor();

    await page.locator("#save-region-tagline").fill("Samen gezond in Zuid-Limburg");
    await act((p) => p.getByRole("button", { name: text.edit.submit }).click());
    await page.getByText(text.notices.saved).waitFor();
    await expect(page.getByTestId("header-region").textContent()).resolves.toContain("Samen gezond in Zuid-Limburg");

    await page.locator("#add-subregion-name").fill("Heuvelland");
    await page.locator("#add-subregion-code").fill("heuvelland");
    await act((p) => p.getByRole("button", { name: text.subregions.addSubmit }).click());
    await page.getByText(text.notices.subregionAdded).waitFor();
    await page.getByRole("heading", { level: 3, name: "Heuvelland" }).waitFor();

    // the region is in use: one body, one subregion
    await page.getByLabel(text.remove.confirm.replace("{{name}}", "Zuid-Limburg")).check();
    await act((p) => p.getByRole("button", { name: text.remove.submit, exact: true }).click());
    const refusal = page.getByText(/Regio Zuid-Limburg wordt gebruikt door/);
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/1 gremium.*1 subregio/);

    // removing asks for the tick first
    const removeSubregion = page.getByRole("button", { name: text.subregions.removeSubmit, exact: true });
    await act(() => removeSubregion.click());
    await expect(page.getByText(text.errors.confirmRemove).count()).resolves.toBeGreaterThan(0);
    await page.getByLabel(text.subregions.removeConfirm.replace("{{name}}", "Heuvelland")).check();
    await act(() => removeSubregion.click());
    await page.getByText(text.notices.subregionRemoved).waitFor();
    await expect(page.getByRole("heading", { level: 3, name: "Heuvelland" }).count()).resolves.toBe(0);
  });

  it("leads from the organisations list to those without a region, and names the region in the bodies list", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/");
    await act((p) => p.getByRole("navigation").getByRole("link", { name: nl.common.nav.organisations }).click());
    await act((p) => p.getByRole("link", { name: nl.organisations.toComplete.link.replace("{{count}}", "1") }).click());
    await page.getByRole("heading", { level: 1, name: nl.organisations.toComplete.title }).waitFor();
    await page.getByRole("table").getByRole("link", { name: "Stichting Zonder Regio" }).waitFor();

    await act((p) => p.getByRole("navigation").getByRole("link", { name: nl.common.nav.bodies }).click());
    const row = page.getByRole("row", { name: /Bestuurlijke Regiegroep/ });
    await expect(row.textContent()).resolves.toContain("regio Zuid-Limburg");
  });
});
