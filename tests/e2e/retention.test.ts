import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en/index";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { addSessionCookie } from "../support/browser";
import { makePerson, makeUser, sessionCookieFor } from "../support/db";
import { useBrowser } from "../support/e2e";
import { makeAffiliation } from "../support/people";

const seeded = { cookie: "", gone: 0, alsoGone: 0 };

describe("the retention page and the privacy statement in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "beheerder", name: "Bea Beheerder" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const old = { created_at: "2015-01-01T09:00:00.000Z" };
      const gone = await makePerson(db, { ...old, first_name: "Gijs", last_name: "Vertrokken" });
      await makeAffiliation(db, { person_id: gone.id, start_date: "2012-01-01", end_date: "2016-06-30" });
      seeded.gone = gone.id;
      seeded.alsoGone = (await makePerson(db, { ...old, first_name: "Nina", last_name: "Nooitgezeten" })).id;
      const active = await makePerson(db, { ...old, first_name: "Anna", last_name: "Actief" });
      await makeAffiliation(db, { person_id: active.id, start_date: "2012-01-01", end_date: null });
    } finally {
      await db.destroy();
    }
  });

  it("archives the people chosen after a confirmation, by keyboard, from the menu", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/");
    await act((p) =>
      p
        .getByRole("navigation", { name: nl.common.mainNavigation })
        .getByRole("link", { name: nl.common.nav.retention })
        .click(),
    );
    await page.getByRole("heading", { level: 1, name: nl.retention.title }).waitFor();
    await expect.poll(() => page.evaluate(() => "__remixRouter" in window)).toBe(true);
    const table = page.getByRole("table", { name: nl.retention.caption });
    await expect(table.getByRole("row").count()).resolves.toBe(3);
    await expect(table.textContent()).resolves.not.toContain("Actief");
    await expect(table.textContent()).resolves.toContain(nl.retention.neverHeld);

    await page.getByRole("checkbox", { name: "Gijs Vertrokken kiezen" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("checkbox", { name: "Nina Nooitgezeten kiezen" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: nl.retention.archive }).focus();
    await act((p) => p.keyboard.press("Enter"));

    const heading = page.getByRole("heading", { level: 1, name: nl.retention.confirm.archiveTitle });
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await expect(page.getByRole("main").getByRole("listitem").count()).resolves.toBe(2);
    await page.getByRole("button", { name: nl.retention.confirm.confirmArchive }).focus();
    await act((p) => p.keyboard.press("Enter"));

    await page.getByRole("status").filter({ hasText: nl.retention.notices.gearchiveerd }).waitFor();
    await expect(page.getByText(nl.retention.empty.replace("{{count}}", "24")).count()).resolves.toBe(1);
    await act((p) => p.getByRole("link", { name: nl.privacy.link }).click());
    await page.getByRole("heading", { level: 1, name: nl.privacy.title }).waitFor();
  });

  it("shows the erasure's warning before it, and Annuleren goes back to the list", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/beheer/bewaartermijn?gearchiveerd=1&alles=1");
    await expect(page.getByRole("checkbox", { checked: true }).count()).resolves.toBe(3);
    await act((p) => p.getByRole("button", { name: nl.retention.erase }).click());
    await page.getByRole("heading", { level: 1, name: nl.retention.confirm.eraseTitle }).waitFor();
    await page.getByRole("heading", { level: 2, name: nl.retention.confirm.eraseWarningTitle }).waitFor();
    await act((p) => p.getByRole("link", { name: nl.retention.confirm.cancel }).click());
    await page.getByRole("heading", { level: 1, name: nl.retention.title }).waitFor();
  });

  it("has the privacy statement public, in English when asked, linked from the footer and the unsubscribe page", async () => {
    const { page, visit, act } = env.checked();
    await visit("/afmelden");
    await act((p) => p.getByRole("main").getByRole("link", { name: nl.privacy.link }).click());
    await page.getByRole("heading", { level: 1, name: nl.privacy.title }).waitFor();
    await expect(page.getByRole("main").textContent()).resolves.toContain("Autoriteit Persoonsgegevens");
    await visit("/privacy?taal=en");
    await page.getByRole("heading", { level: 1, name: en.privacy.title }).waitFor();
    await visit("/login");
    await act((p) => p.getByRole("contentinfo").getByRole("link", { name: nl.privacy.link }).click());
    expect(new URL(page.url()).pathname).toBe("/privacy");
  });
});
