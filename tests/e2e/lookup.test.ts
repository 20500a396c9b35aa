import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeBody, makeOrganisation, makePerson, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const made = { cookie: "", annaId: 0, allianceId: 0 };

/** Signs the browser context in with the session made in prepare: the login page has tests of its own. */
describe("the lookup in the header", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "lezer", name: "Lies Lezer" });
      made.cookie = await sessionCookieFor(db, user.id);
      const employer = await makeOrganisation(db, { name: "Zuyderland Medisch Centrum", short_name: "Zuyderland" });
      const anna = await makePerson(db, {
        first_name: "Anna",
        infix: "van den",
        last_name: "Berg",
        email: "anna.vandenberg@example.org",
      });
      await db
        .insertInto("affiliations")
        .values({
          person_id: anna.id,
          organisation_id: employer.id,
          function_title: null,
          start_date: null,
          end_date: null,
        })
        .execute();
      await makePerson(db, { first_name: "Erik", infix: null, last_name: "Bergmans" });
      made.annaId = anna.id;
      made.allianceId = (await makeBody(db, { name: "Alliantie Santé", level: "strategisch" })).id;
    } finally {
      await db.destroy();
    }
  });

  const box = () => env.checked().page.getByRole("combobox", { name: nl.lookup.label });

  it("suggests people as you type and opens the one picked with the arrow keys and Enter", async () => {
    const { page, visit, act, context, checkA11y } = env.checked();
    await addSessionCookie(context, made.cookie, env.server().url);
    await visit("/");
    await box().click();
    await page.keyboard.type("van den b");
    const listbox = page.getByRole("listbox", { name: nl.lookup.suggestions });
    await listbox.waitFor();
    await expect.poll(() => box().getAttribute("aria-expanded")).toBe("true");
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "resultaat" }).textContent())
      .toBe("1 resultaat");
    const options = listbox.getByRole("option");
    expect(await options.count()).toBe(2);
    expect(await options.first().textContent()).toContain("Anna van den Berg");
    expect(await options.first().textContent()).toContain("Zuyderland Medisch Centrum");
    await checkA11y();

    await page.keyboard.press("ArrowDown");
    const first = await options.first().getAttribute("id");
    expect(await box().getAttribute("aria-activedescendant")).toBe(first);
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    expect(await box().getAttribute("aria-activedescendant")).toBe(first);

    await act((p) => p.keyboard.press("Enter"));
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/personen/${made.annaId}`);
    await page.getByRole("heading", { level: 1, name: /Anna van den Berg/ }).waitFor();
    await checkA11y();
  });

  it("closes the suggestions with Escape and leads to all results with Enter", async () => {
    const { page, visit, act, context } = env.checked();
    await addSessionCookie(context, made.cookie, env.server().url);
    await visit("/");
    await box().fill("berg");
    await page.getByRole("listbox").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => box().getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("listbox").isVisible()).toBe(false);
    expect(await box().inputValue()).toBe("berg");

    await act((p) => p.keyboard.press("Enter"));
    await expect.poll(() => new URL(page.url()).search).toBe("?q=berg");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Resultaten voor „berg”");
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(["Personen (2)"]);
  });

  it("puts the cursor in the box with '/' and Ctrl+K, but lets '/' be typed in a text field", async () => {
    const { page, visit, context } = env.checked();
    await addSessionCookie(context, made.cookie, env.server().url);
    await visit("/zoeken");
    await expect.poll(() => box().getAttribute("aria-keyshortcuts")).toBe("/ Control+K Meta+K");
    expect(await page.locator("header kbd").textContent()).toBe("/");

    await page.locator("main h1").click();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("lookup-input");
    expect(await box().inputValue()).toBe("");

    const field = page.getByLabel(nl.lookup.fieldLabel, { exact: true });
    await field.click();
    await page.keyboard.press("/");
    expect(await field.inputValue()).toBe("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("zoekterm");

    await page.keyboard.press("Control+k");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("lookup-input");
  });

  it("fits a 360 px wide phone, suggestions included", async () => {
    const { page, visit, checkA11y, context } = env.checked();
    await addSessionCookie(context, made.cookie, env.server().url);
    await page.setViewportSize({ width: 360, height: 740 });
    await visit("/");
    await box().fill("sante");
    await page.getByRole("option", { name: /Alliantie Santé/ }).waitFor();
    await checkA11y();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      list: document.getElementById("lookup-listbox")!.getBoundingClientRect().right,
    }));
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.list).toBeLessThanOrEqual(360);
  });

  it("works without JavaScript: the box submits to the results page, whose links open the record", async () => {
    const plain = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      await addSessionCookie(plain.context, made.cookie, env.server().url);
      await plain.visit("/");
      const input = plain.page.getByRole("searchbox", { name: nl.lookup.label });
      await input.fill("SANTE");
      await plain.act(() => input.press("Enter"));
      expect(new URL(plain.page.url()).pathname).toBe("/zoeken");
      expect(new URL(plain.page.url()).searchParams.get("q")).toBe("SANTE");
      expect(await plain.page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(["Gremia (1)"]);
      await plain.act((p) => p.getByRole("link", { name: "Alliantie Santé" }).click());
      expect(new URL(plain.page.url()).pathname).toBe(`/gremia/${made.allianceId}`);
      expect(plain.uncheckedUrls()).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
