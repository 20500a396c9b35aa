import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { printedAccounts } from "../support/demo-accounts";
import { useBrowser } from "../support/e2e";

/**
 * Issue 19's done-when, tried on the demo as a new user would (decision 045): the redacteur of
 * Zuid-Limburg sees and edits only Zuid-Limburg; a network-wide reader switches to Noord- en
 * Midden-Limburg in the header and finds its stuurgroep with its achterban seats.
 */
describe("the demo's two regions, for a regional redacteur and a network-wide reader", () => {
  const nmlBody = { id: 0 };
  const env = useBrowser(
    async (server) => {
      const db = await openMigratedDatabase(server.database);
      try {
        const body = await db
          .selectFrom("bodies")
          .select("id")
          .where("name", "=", "Kerngroep IZA NML")
          .executeTakeFirstOrThrow();
        nmlBody.id = body.id;
      } finally {
        await db.destroy();
      }
    },
    { env: { KRING_DEMO: "1" } },
  );

  async function signIn(email: string) {
    const account = printedAccounts(env.server().output()).find((printed) => printed.email === email);
    if (!account) throw new Error(`${email} was not printed`);
    const checked = env.checked();
    await checked.visit("/login");
    await checked.page.getByLabel(nl.auth.fields.email, { exact: true }).fill(account.email);
    await checked.page.getByLabel(nl.auth.fields.password, { exact: true }).fill(account.password);
    await checked.act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
    await checked.page.getByRole("heading", { level: 1 }).waitFor();
    return checked;
  }

  it("lets the redacteur of Zuid-Limburg see and edit Zuid-Limburg only", async () => {
    const { page, visit, act } = await signIn("redacteur-zl@example.org");
    const switcher = page.getByRole("banner").getByLabel(nl.userRoles.switcher.label);
    await expect(switcher.locator("option").allTextContents()).resolves.toEqual(["Zuid-Limburg"]);

    await act((p) => p.getByRole("navigation").getByRole("link", { name: nl.common.nav.bodies }).click());
    await page.getByRole("heading", { level: 1, name: nl.register.bodies.title }).waitFor();
    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: /Bestuurlijke Regiegroep/ }).count()).resolves.toBeGreaterThan(0);
    await expect(main.getByRole("link", { name: /NML/ }).count()).resolves.toBe(0);

    const refused = await visit(`/gremia/${nmlBody.id}`);
    expect(refused?.status()).toBe(403);
    await page.getByRole("heading", { level: 1, name: nl.common.errors.forbiddenTitle }).waitFor();
    await expect(page.content()).resolves.not.toContain("Kerngroep IZA NML");
    const refusedEdit = await visit(`/gremia/${nmlBody.id}/bewerken`);
    expect(refusedEdit?.status()).toBe(403);

    await visit("/gremia");
    await act((p) => p.getByRole("main").getByRole("link", { name: "DB Mijnstreek Coalitie" }).first().click());
    await act((p) => p.getByRole("link", { name: nl.bodies.page.edit }).click());
    await page.getByLabel(nl.governance.decision.label).selectOption({ label: nl.governance.decision.modes.consent });
    await act((p) => p.getByRole("button", { name: nl.bodies.edit.submit }).click());
    await page.getByRole("heading", { level: 1, name: "DB Mijnstreek Coalitie" }).waitFor();
    await expect(
      page.getByRole("main").getByText(nl.governance.decision.modes.consent, { exact: true }).count(),
    ).resolves.toBe(1);
  });

  it("lets the network-wide lezer switch to Noord- en Midden-Limburg and find its stuurgroep's achterban seats", async () => {
    const { page, act } = await signIn("lezer@example.org");
    const switcher = page.getByRole("banner").getByLabel(nl.userRoles.switcher.label);
    await expect(switcher.locator("option").allTextContents()).resolves.toEqual([
      "Noord- en Midden-Limburg",
      "Zuid-Limburg",
      nl.userRoles.switcher.all,
    ]);
    await act(() => switcher.selectOption({ label: "Zuid-Limburg" }));
    await expect.poll(() => switcher.locator("option:checked").textContent()).toBe("Zuid-Limburg");
    await act(() => switcher.selectOption({ label: "Noord- en Midden-Limburg" }));
    await expect.poll(() => switcher.locator("option:checked").textContent()).toBe("Noord- en Midden-Limburg");
    await expect(page.getByTestId("header-region").textContent()).resolves.toContain("samen te doen wat samen moet");

    await act((p) => p.getByRole("navigation").getByRole("link", { name: nl.common.nav.bodies }).click());
    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: /Bestuurlijke Regiegroep/ }).count()).resolves.toBe(0);
    await act(() => main.getByRole("link", { name: "Stuurgroep IZA NML" }).first().click());
    await page.getByRole("heading", { level: 1, name: /Stuurgroep IZA NML/ }).waitFor();
    const roster = page.getByRole("table").first();
    await expect(roster.getByText("achterban Midden-Oost").count()).resolves.toBeGreaterThan(0);
    await expect(roster.getByText(/achterban Gemeente/).count()).resolves.toBeGreaterThan(0);
  });

  it("starts the network-wide lezer in the start region and sets both regions' 2025 year overviews side by side", async () => {
    const { page, act, visit } = await signIn("lezer@example.org");
    const switcher = page.getByRole("banner").getByLabel(nl.userRoles.switcher.label);
    // the demo's start region (decision 050), though Noord- en Midden-Limburg comes first by name
    await expect(switcher.locator("option:checked").textContent()).resolves.toBe("Zuid-Limburg");
    await act(() => switcher.selectOption({ label: nl.userRoles.switcher.all }));
    await expect.poll(() => switcher.locator("option:checked").textContent()).toBe(nl.userRoles.switcher.all);

    await act((p) => p.getByRole("navigation").getByRole("link", { name: nl.common.nav.meetings }).click());
    await act((p) => p.getByRole("main").getByRole("link", { name: nl.meetings.list.yearOverview }).click());
    await page.getByRole("heading", { level: 1 }).waitFor();
    await visit("/vergaderingen/jaaroverzicht?jaar=2025");
    const comparison = page.locator("section[aria-labelledby='by-region-heading']");
    await expect(comparison.getByRole("heading", { name: nl.meetingReports.year.byRegion }).count()).resolves.toBe(1);
    const south = comparison.getByRole("row", { name: /Zuid-Limburg/ });
    const north = comparison.getByRole("row", { name: /Noord- en Midden-Limburg/ });
    await expect(south.count()).resolves.toBe(1);
    await expect(north.count()).resolves.toBe(1);
    // the annual report's 59 meetings held in Zuid-Limburg, beside its neighbour's own count
    await expect(south.getByRole("cell", { name: "59", exact: true }).count()).resolves.toBeGreaterThan(0);
  });
});
