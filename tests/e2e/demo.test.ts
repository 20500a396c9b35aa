import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en/index";
import { nl } from "../../app/i18n/nl/index";
import { USER_ROLES } from "../../db/schema";
import { printedAccounts } from "../support/demo-accounts";
import { useBrowser } from "../support/e2e";

/** The network-wide demo accounts as the server printed them, by role. */
function printedNetworkAccounts(output: string) {
  return new Map(
    printedAccounts(output)
      .filter((account) => account.region === "hele netwerk")
      .map((account) => [account.role, account]),
  );
}

describe("a new installation with the demo network", () => {
  const env = useBrowser(undefined, { env: { KRING_DEMO: "1" } });

  /** A page signed in with the lezer account the server printed. */
  async function signInAsLezer() {
    const { email, password } = printedNetworkAccounts(env.server().output()).get("lezer")!;
    const checked = env.checked();
    const { page, visit, act } = checked;
    await visit("/login");
    await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(email);
    await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(password);
    await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
    await page.getByRole("heading", { level: 1 }).waitFor();
    // a network-wide account starts in the first region by name, Noord- en Midden-Limburg; these facts are Zuid-Limburg's
    const switcher = page.getByRole("banner").getByLabel(nl.userRoles.switcher.label);
    await act(() => switcher.selectOption({ label: "Zuid-Limburg" }));
    await expect.poll(() => switcher.locator("option:checked").textContent()).toBe("Zuid-Limburg");
    return checked;
  }

  it("prints one account per role once, and each can log in, in Dutch and in English", async () => {
    const accounts = printedNetworkAccounts(env.server().output());
    expect([...accounts.keys()].sort()).toEqual([...USER_ROLES].sort());
    const regional = printedAccounts(env.server().output()).filter((account) => account.region !== "hele netwerk");
    expect(regional.map(({ role, email, region }) => [role, email, region])).toEqual([
      ["redacteur", "redacteur-zl@example.org", "Zuid-Limburg"],
      ["redacteur", "redacteur-nml@example.org", "Noord- en Midden-Limburg"],
    ]);

    for (const role of USER_ROLES) {
      const { email, password } = accounts.get(role)!;
      const { page, visit, act } = env.checked();
      await visit("/login");
      await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(email);
      await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(password);
      await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(new URL(page.url()).pathname, role).toBe("/");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Welkom");

      await act((p) => p.getByRole("button", { name: nl.common.language.switchToLabel }).click());
      await page.getByRole("heading", { name: /Welcome/ }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");

      // the choice is remembered on the account: switch back so the next role starts in Dutch
      await act((p) => p.getByRole("button", { name: en.common.language.switchToLabel }).click());
      await page.getByRole("heading", { name: /Welkom/ }).waitFor();
      await act((p) => p.getByRole("button", { name: nl.common.logout }).click());
      await page.getByRole("heading", { name: nl.auth.login.title }).waitFor();
    }
  });

  it("says quietly on every page, the login page too, that the people and their roles are fictitious", async () => {
    const { page, visit } = env.checked();
    await visit("/login");
    await expect(page.getByRole("note").filter({ hasText: nl.common.demoBanner }).count()).resolves.toBe(1);

    const signedIn = await signInAsLezer();
    await signedIn.visit("/gremia");
    await expect(signedIn.page.getByRole("note").filter({ hasText: nl.common.demoBanner }).count()).resolves.toBe(1);
    await signedIn.act((p) => p.getByRole("button", { name: nl.common.language.switchToLabel }).click());
    await signedIn.page.getByRole("heading", { level: 1 }).waitFor();
    await expect(signedIn.page.getByRole("note").filter({ hasText: en.common.demoBanner }).count()).resolves.toBe(1);
    await signedIn.act((p) => p.getByRole("button", { name: en.common.language.switchToLabel }).click());
    await signedIn.page.getByRole("heading", { level: 1 }).waitFor();
  });

  it("shows a lezer the 403 page for user administration, without its contents", async () => {
    const { page, visit } = await signInAsLezer();

    const response = await visit("/beheer/gebruikers");
    expect(response?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(nl.common.errors.forbiddenTitle);
    expect(await page.content()).not.toContain("beheerder@example.org");
  });

  it("shows who sat in the Bestuurlijke Regiegroep on 1 March 2025, with the organisations they represented", async () => {
    const { page, visit, act } = await signInAsLezer();

    await visit("/gremia");
    await act((p) => p.getByRole("link", { name: "Bestuurlijke Regiegroep", exact: false }).first().click());
    await page.getByRole("heading", { name: /Bestuurlijke Regiegroep/ }).waitFor();
    await page.getByLabel(nl.register.bodies.rosterDate).fill("2025-03-01");
    await act((p) => p.getByRole("button", { name: nl.register.bodies.show }).click());
    await page.getByRole("heading", { name: "Samenstelling op 1 maart 2025" }).waitFor();
    expect(new URL(page.url()).searchParams.get("datum")).toBe("2025-03-01");
    const rows = page.locator("#roster-heading ~ div table tbody tr");
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await page.getByRole("cell", { name: /Gemeente/ }).count()).toBeGreaterThan(0);
  });

  it("counts the meetings of 2025 as the network's annual report does", async () => {
    const { page, visit } = await signInAsLezer();

    await visit("/vergaderingen/jaaroverzicht?jaar=2025");
    const line = (await page.locator("#report-line").textContent()) ?? "";
    // jaarverslag netwerkondersteuning 2025: 22x CMO, 4x BRGZL, 4x BAT-overleg, 11x Projectleidersoverleg,
    // 4x Actie Santé, 4x Alliantie Santé, 8x DB Mijnstreek Coalitie, 2x Brede Mijnstreek Coalitie
    for (const count of [
      "22× CMO",
      "4× BRGZL",
      "4× BAT",
      "11× PL-overleg",
      "4× Actie Santé",
      "4× Alliantie Santé",
      "8× DB Mijnstreek Coalitie",
      "2× Brede Mijnstreek Coalitie",
    ]) {
      expect(line.split(", ")).toContain(count);
    }
  });
});
