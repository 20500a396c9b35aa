import { describe, expect, it } from "vitest";
import { openMigratedDatabase } from "../../db/index";
import { en } from "../../app/i18n/en/index";
import { nl } from "../../app/i18n/nl/index";
import { openCheckedPage } from "../support/browser";
import { makeUser } from "../support/db";
import { useBrowser } from "../support/e2e";

describe("the page shell, on a new installation (no users)", () => {
  const env = useBrowser();

  it("shows an unknown address as the 404 page, in Dutch, with lang=nl", async () => {
    const { visit, page } = env.checked();
    const response = await visit("/deze-pagina-bestaat-niet");
    expect(response?.status()).toBe(404);
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(nl.common.errors.notFoundTitle);
    expect(await page.title()).toContain(nl.common.errors.notFoundTitle);
  });

  it("shows the 404 page in English to a browser that prefers English", async () => {
    const english = await openCheckedPage(env.browser(), env.server().url, { locale: "en-GB" });
    try {
      const response = await english.visit("/does-not-exist");
      expect(response?.status()).toBe(404);
      expect(await english.page.locator("html").getAttribute("lang")).toBe("en");
      expect(await english.page.getByRole("heading", { level: 1 }).textContent()).toBe(en.common.errors.notFoundTitle);
      expect(english.uncheckedUrls()).toEqual([]);
    } finally {
      await english.close();
    }
  });

  it("has banner, main and contentinfo landmarks, one of each", async () => {
    const { visit, page } = env.checked();
    await visit("/deze-pagina-bestaat-niet");
    for (const role of ["banner", "main", "contentinfo"] as const) {
      await expect(page.getByRole(role).count(), role).resolves.toBe(1);
    }
  });

  it("says nothing about a demo on a register without the demo network", async () => {
    const { visit, page } = env.checked();
    for (const address of ["/login", "/deze-pagina-bestaat-niet"]) {
      await visit(address);
      await expect(page.getByRole("note").count(), address).resolves.toBe(0);
      expect(await page.content(), address).not.toContain(nl.common.demoBanner);
    }
  });

  it("offers a skip link as the first thing to tab to, which moves focus to the main content", async () => {
    const { visit, page } = env.checked();
    await visit("/deze-pagina-bestaat-niet");
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      return { tag: el?.tagName, href: el?.getAttribute("href"), text: el?.textContent?.trim() };
    });
    expect(first).toEqual({ tag: "A", href: "#inhoud", text: nl.common.skipToContent });
    const mainId = await page.getByRole("main").getAttribute("id");
    expect(mainId).toBe("inhoud");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("MAIN");
  });

  it("hydrates under the Content-Security-Policy: the page's scripts run and none is refused", async () => {
    const { visit, page, errors } = env.checked();
    await visit("/deze-pagina-bestaat-niet");
    await expect.poll(() => page.evaluate(() => "__remixRouter" in window)).toBe(true);
    // a 404 answer is logged by Chromium as a failed resource; anything else is a real error
    expect(errors().filter((e) => !/status of 404/.test(e))).toEqual([]);
  });

  it("fits a 360 px wide phone without sideways scrolling", async () => {
    const { visit, page } = env.checked();
    await page.setViewportSize({ width: 360, height: 740 });
    await visit("/deze-pagina-bestaat-niet");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });

  it("sends the first visitor from / via /login to /setup, a form whose every field has a label", async () => {
    const { visit, page } = env.checked();
    await visit("/");
    expect(new URL(page.url()).pathname).toBe("/setup");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(nl.auth.setup.title);
    const form = page.locator("main form");
    await expect(form.count()).resolves.toBeGreaterThan(0);
    const fields = await form
      .locator("input:not([type=hidden]):not([type=submit]), select, textarea")
      .evaluateAll((elements) =>
        elements.map((el) => {
          const input = el as HTMLInputElement;
          const labelled =
            (input.labels?.length ?? 0) > 0 ||
            !!input.getAttribute("aria-label") ||
            !!input.getAttribute("aria-labelledby");
          return { name: input.name, labelled };
        }),
      );
    expect(fields.length).toBeGreaterThanOrEqual(3);
    expect(fields.filter((f) => !f.labelled)).toEqual([]);
    await expect(page.getByLabel(nl.auth.fields.email, { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByLabel(nl.auth.fields.password, { exact: true }).count()).resolves.toBe(1);
  });
});

describe("the login page, once there is an account", () => {
  const account = { email: "beheer@example.org", password: "een lange zin als wachtwoord" };
  const env = useBrowser(async (server) => {
    // The server has migrated the file; add an account next to it, as a beheerder would have.
    const db = await openMigratedDatabase(server.database);
    try {
      await makeUser(db, { role: "beheerder", name: "Bea Beheer", ...account });
    } finally {
      await db.destroy();
    }
  });

  it("sends a visitor of / to the login page, which axe finds nothing serious on", async () => {
    const { visit, page } = env.checked();
    await visit("/");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(nl.auth.login.title);
    await expect(page.getByLabel(nl.auth.fields.email, { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByLabel(nl.auth.fields.password, { exact: true }).count()).resolves.toBe(1);
  });

  it("lets the account log in and shows the overview with its name", async () => {
    const { visit, act, page } = env.checked();
    await visit("/login");
    await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(account.email);
    await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(account.password);
    await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    await page.waitForLoadState("networkidle");
    await env.checked().checkA11y();
    await expect(page.getByRole("banner").textContent()).resolves.toContain("Bea Beheer");
  });

  it("refuses a wrong password with a message, and stays on the login page", async () => {
    const { visit, act, page } = env.checked();
    await visit("/login");
    await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(account.email);
    await page.getByLabel(nl.auth.fields.password, { exact: true }).fill("niet het goede wachtwoord");
    await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByText(nl.auth.errors.invalidCredentials).count()).resolves.toBeGreaterThan(0);
  });
});

describe("setting up a new installation in the browser", () => {
  const env = useBrowser();

  it("lets the first visitor create the first beheerder, signs them in, and closes /setup", async () => {
    const { visit, act, page } = env.checked();
    await visit("/setup");
    await page.getByLabel(nl.auth.fields.name, { exact: true }).fill("Eerste Beheerder");
    await page.getByLabel(nl.auth.fields.email, { exact: true }).fill("eerste@example.org");
    await page.getByLabel(nl.auth.fields.password, { exact: true }).fill("een lange zin als wachtwoord");
    await page.getByLabel(nl.auth.fields.passwordConfirm, { exact: true }).fill("een lange zin als wachtwoord");
    await page.getByLabel(nl.auth.setup.regionName, { exact: true }).fill("Zuid-Limburg");
    await page.getByLabel(nl.auth.setup.regionCode, { exact: true }).fill("zuid limburg");
    await page.getByLabel(nl.auth.setup.regionTagline, { exact: true }).fill("Gezond Zuid-Limburg");
    await act((p) => p.getByRole("button", { name: nl.auth.setup.submit }).click());
    // a code with a space is named on its field, what was typed kept
    await expect(page.getByText(nl.regions.errors.codeFormat).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByLabel(nl.auth.setup.regionName, { exact: true }).inputValue()).resolves.toBe("Zuid-Limburg");
    await page.getByLabel(nl.auth.fields.password, { exact: true }).fill("een lange zin als wachtwoord");
    await page.getByLabel(nl.auth.fields.passwordConfirm, { exact: true }).fill("een lange zin als wachtwoord");
    await page.getByLabel(nl.auth.setup.regionCode, { exact: true }).fill("zuid-limburg");
    await act((p) => p.getByRole("button", { name: nl.auth.setup.submit }).click());
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    // the header names the region just made: a new install can make bodies at once
    await expect(page.getByRole("banner").textContent()).resolves.toContain("Gezond Zuid-Limburg");
    await env.checked().checkA11y();
    await expect(page.getByRole("banner").textContent()).resolves.toContain("Eerste Beheerder");

    const again = await visit("/setup");
    expect(again?.status()).toBe(404);
  });
});
