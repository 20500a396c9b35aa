import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { defaultRegionId, makeOrganisation, makeUser, sessionCookieFor } from "../support/db";
import { makeAffiliation } from "../support/people";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const text = nl.savedSearches;
const seeded = { cookie: "", organisation: 0 };

describe("saved searches in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      await defaultRegionId(db); // a saved search belongs to a region (decision 040)
      const { user } = await makeUser(db, { role: "redacteur", name: "Rita Redacteur" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const ggd = await makeOrganisation(db, { name: "GGD Zuid Limburg" });
      await makeAffiliation(db, { organisation_id: ggd.id });
      await makeAffiliation(db, { organisation_id: ggd.id });
      seeded.organisation = ggd.id;
    } finally {
      await db.destroy();
    }
  });

  it("saves the filtered people list, shows what it finds today, and archives it with a way back (without JavaScript)", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      await addSessionCookie(page.context(), seeded.cookie, env.server().url);
      await visit("/personen");
      // nothing filtered, nothing to save
      await expect(page.getByRole("button", { name: text.saveForm.submit }).count()).resolves.toBe(0);

      await visit(`/personen?organisatie=${seeded.organisation}`);
      await page.getByLabel(text.saveForm.name, { exact: true }).fill("Iedereen bij de GGD");
      await act((p) => p.getByRole("button", { name: text.saveForm.submit }).click());
      await page
        .getByRole("main")
        .getByRole("status")
        .filter({ hasText: "Zoekopdracht „Iedereen bij de GGD” bewaard." })
        .waitFor();
      const item = page
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: "Iedereen bij de GGD" }) });
      await expect(item.textContent()).resolves.toContain("werkt bij GGD Zuid Limburg");
      await expect(item.getByRole("link", { name: "2 personen tonen" }).getAttribute("href")).resolves.toBe(
        `/personen?organisatie=${seeded.organisation}`,
      );

      await item.getByText(text.edit.summary).click();
      await act(() => item.getByRole("button", { name: text.edit.archiveSubmit }).click());
      await expect(page.getByRole("alert").textContent()).resolves.toContain(text.errors.confirmArchive);

      const again = page
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: "Iedereen bij de GGD" }) });
      await again.getByLabel("Ja, archiveer „Iedereen bij de GGD”").check();
      await act(() => again.getByRole("button", { name: text.edit.archiveSubmit }).click());
      const undo = page
        .getByRole("main")
        .getByRole("status")
        .filter({ hasText: "„Iedereen bij de GGD” is gearchiveerd." });
      await expect(page.getByRole("heading", { name: "Iedereen bij de GGD" }).count()).resolves.toBe(0);
      await act(() => undo.getByRole("button", { name: nl.common.form.undo }).click());
      await page
        .getByRole("main")
        .getByRole("status")
        .filter({ hasText: "„Iedereen bij de GGD” is teruggezet." })
        .waitFor();
      await expect(page.getByRole("heading", { name: "Iedereen bij de GGD" }).count()).resolves.toBe(1);
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });

  it("refuses a name already taken with JavaScript, keeping the name typed", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit(`/personen?q=Test&organisatie=${seeded.organisation}`);
    await page.getByLabel(text.saveForm.name, { exact: true }).fill("IEDEREEN BIJ DE GGD");
    await act((p) => p.getByRole("button", { name: text.saveForm.submit }).click());
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Er is al een bewaarde zoekopdracht „Iedereen bij de GGD”",
    );
    await expect(page.getByLabel(text.saveForm.name, { exact: true }).inputValue()).resolves.toBe(
      "IEDEREEN BIJ DE GGD",
    );
    // the refusal itself is a 400 answer, which the browser logs; nothing else may go wrong
    expect(
      env
        .checked()
        .errors()
        .filter((error) => !error.includes("status of 400")),
    ).toEqual([]);
  });
});
