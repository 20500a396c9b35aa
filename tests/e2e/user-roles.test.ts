import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import type { CheckedPage } from "../support/browser";
import { makeUser } from "../support/db";
import { useBrowser } from "../support/e2e";

describe("roles per region, from the beheer menu to the header", () => {
  const beheerder = { email: "bea@example.org", password: "een lange zin als wachtwoord" };
  const editor = { email: "rik@example.org", password: "rik zijn lange wachtwoord" };
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      await db
        .insertInto("regions")
        .values([
          { code: "zl", name: "Zuid-Limburg" },
          { code: "nml", name: "Noord- en Midden-Limburg" },
        ])
        .execute();
      await makeUser(db, { role: "beheerder", name: "Bea Beheer", ...beheerder });
    } finally {
      await db.destroy();
    }
  });

  async function signIn({ page, visit, act }: CheckedPage, account: { email: string; password: string }) {
    await visit("/login");
    await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(account.email);
    await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(account.password);
    await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
  }

  it("a beheerder makes someone redacteur in Zuid-Limburg, who then sees that role and region", async () => {
    const admin = env.checked();
    await signIn(admin, beheerder);
    await admin.act((p) => p.getByRole("link", { name: nl.common.nav.users }).click());
    await admin.page.getByRole("heading", { level: 1, name: nl.admin.users.title }).waitFor();
    const form = admin.page.getByRole("region", { name: nl.admin.users.addHeading });
    await form.getByLabel(nl.admin.users.name, { exact: true }).fill("Rik Redacteur");
    await form.getByLabel(nl.admin.users.email, { exact: true }).fill(editor.email);
    await form.getByLabel("In Zuid-Limburg").selectOption("redacteur");
    await form.getByLabel(nl.admin.users.initialPassword).fill(editor.password);
    await admin.act(() => form.getByRole("button", { name: nl.admin.users.addSubmit }).click());
    await admin.page.getByText(nl.admin.users.added.replace("{{name}}", "Rik Redacteur")).waitFor();
    const row = admin.page.getByRole("row", { name: /Rik Redacteur/ });
    await expect(row.textContent()).resolves.toContain("redacteur in Zuid-Limburg");
    await admin.act((p) => p.getByRole("button", { name: nl.common.logout }).click());

    await signIn(admin, editor);
    const banner = admin.page.getByRole("banner");
    await expect(banner.textContent()).resolves.toContain("Rik Redacteur (redacteur in Zuid-Limburg)");
    const switcher = banner.getByLabel(nl.userRoles.switcher.label);
    await expect(switcher.locator("option").allTextContents()).resolves.toEqual(["Zuid-Limburg"]);
    // no user management for a regional role
    await expect(admin.page.getByRole("link", { name: nl.common.nav.users }).count()).resolves.toBe(0);
    await admin.act(() => banner.getByRole("link", { name: /Rik Redacteur/ }).click());
    await admin.page.getByRole("heading", { level: 1, name: nl.auth.account.title }).waitFor();
    await expect(admin.page.getByRole("main").textContent()).resolves.toContain("redacteur in Zuid-Limburg");
  });

  it("a network-wide beheerder switches region and to all regions by choosing in the header", async () => {
    const checked = env.checked();
    await signIn(checked, beheerder);
    const switcher = checked.page.getByRole("banner").getByLabel(nl.userRoles.switcher.label);
    await expect(switcher.locator("option").allTextContents()).resolves.toEqual([
      "Noord- en Midden-Limburg",
      "Zuid-Limburg",
      nl.userRoles.switcher.all,
    ]);
    await checked.act(() => switcher.selectOption({ label: "Zuid-Limburg" }));
    await expect.poll(() => switcher.locator("option:checked").textContent()).toBe("Zuid-Limburg");
    await checked.act(() => switcher.selectOption({ label: nl.userRoles.switcher.all }));
    await expect.poll(() => switcher.locator("option:checked").textContent()).toBe(nl.userRoles.switcher.all);
    await checked.visit("/gremia");
    await expect(switcher.locator("option:checked").textContent()).resolves.toBe(nl.userRoles.switcher.all);
  });
});
