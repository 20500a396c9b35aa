import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeOrganisation, makeUser } from "../support/db";
import { useBrowser } from "../support/e2e";
import { openPageWithoutAppScripts } from "../support/without-scripts";
import { makePlan, makeTheme } from "../support/themes";

const editor = { email: "redacteur@example.org", password: "een lange zin als wachtwoord" };

/** Both kinds of checked page (with and without JavaScript) have these. */
interface Visitor {
  page: Page;
  visit: (pathname: string) => Promise<unknown>;
  act: (action: (page: Page) => Promise<unknown>) => Promise<void>;
}

async function signIn({ visit, act, page }: Visitor) {
  await visit("/login");
  await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(editor.email);
  await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(editor.password);
  await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
  await page.getByRole("heading", { level: 1 }).waitFor();
}

describe("themes and plans in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      await makeUser(db, { role: "redacteur", name: "Rita Redacteur", ...editor });
      await makeOrganisation(db, { name: "Zuyderland" });
      const theme = await makeTheme(db, { name: "Vitaal ouder worden" });
      await makePlan(db, { name: "Deltaplan ouderen", theme_id: theme.id });
      await makePlan(db, { name: "Academie voor zelfzorg", theme_id: theme.id });
    } finally {
      await db.destroy();
    }
  });

  it("creates a theme and a plan under it, and opens the plan's team body from the plan page", async () => {
    const checked = env.checked();
    const { visit, act, page } = checked;
    await signIn(checked);

    await visit("/themas");
    await act((p) => p.getByRole("link", { name: nl.themes.actions.newTheme }).click());
    await page.getByRole("heading", { level: 1, name: nl.themes.newTheme.title }).waitFor();
    await page.getByLabel(nl.themes.fields.name, { exact: true }).fill("Valpreventie");
    await page.getByLabel(nl.themes.kinds.randvoorwaardelijk, { exact: true }).check();
    await page.getByLabel(nl.themes.fields.description).fill("Minder vallen, langer thuis.");
    await act((p) => p.getByRole("button", { name: nl.themes.newTheme.submit }).click());
    await page.getByRole("heading", { level: 1, name: "Valpreventie" }).waitFor();
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(nl.themes.theme.created);

    await act((p) => p.getByRole("link", { name: nl.themes.actions.newPlanForTheme }).click());
    await page.getByRole("heading", { level: 1, name: nl.themes.newPlan.title }).waitFor();
    // the theme the page was opened from is already chosen
    await expect(page.getByLabel(nl.themes.fields.theme).locator("option:checked").textContent()).resolves.toBe(
      "Valpreventie",
    );
    await page.getByLabel(nl.themes.fields.name, { exact: true }).fill("Vallen voorkomen");
    await page.getByRole("checkbox", { name: nl.themes.funding.wachtlijst_iza }).check();
    await page.getByLabel(nl.themes.fields.leadOrganisation).selectOption({ label: "Zuyderland" });
    await act((p) => p.getByRole("button", { name: nl.themes.newPlan.submit }).click());
    await page.getByRole("heading", { level: 1, name: "Vallen voorkomen" }).waitFor();
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(
      "Projectteam Vallen voorkomen",
    );
    await expect(page.getByText(nl.themes.funding.wachtlijst_iza).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(nl.themes.plan.noProjectLeader).count()).resolves.toBe(1);

    await act((p) => p.getByRole("link", { name: "Open Projectteam Vallen voorkomen" }).click());
    await page.getByRole("heading", { level: 1, name: "Projectteam Vallen voorkomen" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/gremia\/\d+$/);
    await expect(page.getByText(nl.register.levels.operationeel, { exact: true }).count()).resolves.toBe(1);
  });

  it("archives a plan after the confirmation box is ticked, and undoes it from the message", async () => {
    const checked = env.checked();
    const { visit, act, page } = checked;
    await signIn(checked);

    await visit("/plannen?q=Academie");
    await act((p) => p.getByRole("link", { name: "Academie voor zelfzorg" }).click());
    await act((p) => p.getByRole("link", { name: nl.themes.actions.edit }).click());
    await page.getByRole("heading", { level: 1, name: /Academie voor zelfzorg/ }).waitFor();

    await act((p) => p.getByRole("button", { name: nl.themes.edit.archiveSubmit }).click());
    await page.getByText(nl.themes.errors.confirmArchive).first().waitFor();
    await page.getByLabel("Ja, archiveer Academie voor zelfzorg").check();
    await act((p) => p.getByRole("button", { name: nl.themes.edit.archiveSubmit }).click());
    await page.getByText(nl.themes.edit.archivedPlan).waitFor();

    await act((p) => p.getByRole("button", { name: nl.common.form.undo }).click());
    await page.getByText(nl.common.form.undone).waitFor();
    await expect(page.getByRole("button", { name: nl.themes.edit.archiveSubmit }).count()).resolves.toBe(1);
  });

  it("fits a 360 px wide phone: themes, the plan list and a plan's page", async () => {
    const checked = env.checked();
    const { visit, act, page } = checked;
    await signIn(checked);
    await page.setViewportSize({ width: 360, height: 740 });
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

    await visit("/themas");
    expect(await pageWidth()).toBeLessThanOrEqual(360);
    await visit("/plannen");
    expect(await pageWidth()).toBeLessThanOrEqual(360);
    await act((p) => p.getByRole("link", { name: "Deltaplan ouderen" }).click());
    await page.getByRole("heading", { level: 1, name: "Deltaplan ouderen" }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(360);
  });

  it("without JavaScript, refuses a plan name that exists, keeps what was typed and links to the existing plan", async () => {
    const plain = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      await signIn(plain);
      const { visit, act, page } = plain;
      await visit("/plannen/nieuw");
      await page.getByLabel(nl.themes.fields.name, { exact: true }).fill("deltaplan Ouderen");
      await page.getByLabel(nl.themes.fields.theme).selectOption({ label: "Vitaal ouder worden" });
      await page.getByRole("checkbox", { name: nl.themes.funding.geen_iza }).check();
      await page.getByLabel(nl.themes.fields.description).fill("Tweede poging");
      await page.getByLabel(nl.themes.fields.teamName).fill("Kernteam ouderen");
      await act((p) => p.getByRole("button", { name: nl.themes.newPlan.submit }).click());

      await page.getByRole("alert").waitFor();
      expect(new URL(page.url()).pathname).toBe("/plannen/nieuw");
      await expect(page.getByText(nl.themes.errors.duplicatePlan).count()).resolves.toBeGreaterThan(0);
      await expect(page.getByLabel(nl.themes.fields.name, { exact: true }).inputValue()).resolves.toBe(
        "deltaplan Ouderen",
      );
      await expect(page.getByLabel(nl.themes.fields.description).inputValue()).resolves.toBe("Tweede poging");
      await expect(page.getByLabel(nl.themes.fields.teamName).inputValue()).resolves.toBe("Kernteam ouderen");
      await expect(page.getByRole("checkbox", { name: nl.themes.funding.geen_iza }).isChecked()).resolves.toBe(true);

      await act((p) => p.getByRole("link", { name: "Open Deltaplan ouderen" }).click());
      await page.getByRole("heading", { level: 1, name: "Deltaplan ouderen" }).waitFor();
      expect(plain.uncheckedUrls()).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
