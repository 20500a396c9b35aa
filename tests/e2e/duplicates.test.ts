import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makePerson, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";

const seeded = { cookie: "", janId: 0 };

describe("duplicates in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "redacteur", name: "Rita Redacteur" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      seeded.janId = (await makePerson(db, { first_name: "Jan", infix: "van den", last_name: "Berg" })).id;
      await makePerson(db, { first_name: "Marieke", infix: null, last_name: "Houben" });
      await makePerson(db, { first_name: null, initials: "M.", infix: null, last_name: "Houben" });
    } finally {
      await db.destroy();
    }
  });

  it("warns when a new person may already be there, keeps what was typed, and creates when confirmed", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/personen");
    await act((p) => p.getByRole("link", { name: nl.people.list.newPerson }).click());
    await page.getByLabel(nl.people.fields.first_name, { exact: true }).fill("Jan");
    await page.getByLabel(nl.people.fields.infix, { exact: true }).fill("v.d.");
    await page.getByLabel(nl.people.fields.last_name, { exact: true }).fill("Berg");
    await act((p) => p.getByRole("button", { name: nl.people.create.submit }).click());

    const warning = page.getByRole("region", { name: nl.duplicates.warning.title_one });
    await warning.waitFor();
    const text = await warning.textContent();
    expect(text).toContain("Berg, Jan van den");
    expect(text).toContain(nl.duplicates.personReasons.same_name);
    expect(text).toContain(nl.duplicates.personReasons.surname_spelled_differently);
    await expect(warning.getByRole("link", { name: "Berg, Jan van den" }).getAttribute("href")).resolves.toBe(
      `/personen/${seeded.janId}`,
    );
    await expect(page.getByLabel(nl.people.fields.infix, { exact: true }).inputValue()).resolves.toBe("v.d.");

    await page.getByLabel(nl.duplicates.warning.confirm).check();
    await act((p) => p.getByRole("button", { name: nl.people.create.submit }).click());
    await page.getByRole("heading", { level: 1, name: "Jan v.d. Berg" }).waitFor();
  });

  it("lists the pairs from the people list, marks one not the same and undoes it", async () => {
    const { page, visit, act, checkA11y } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/personen");
    await act((p) => p.getByRole("link", { name: nl.duplicates.people.link }).click());
    await page.getByRole("heading", { level: 1, name: nl.duplicates.people.title }).waitFor();
    const table = page.getByRole("table", { name: nl.duplicates.caption });
    const houbenRow = table.getByRole("row").filter({ hasText: "Houben, Marieke" });
    await expect(houbenRow.textContent()).resolves.toContain(nl.duplicates.personReasons.initials_match_first_name);
    const merge = houbenRow.getByRole("link", { name: /samenvoegen/ });
    expect(await merge.getAttribute("href")).toMatch(/^\/personen\/\d+\/samenvoegen\?met=\d+$/);

    await act(() => houbenRow.getByRole("button", { name: /niet dezelfde/ }).click());
    const notice = page.getByRole("status").filter({ hasText: "Houben, Marieke" });
    await notice.waitFor();
    // on a busy machine the redirect may land after act() settled: check the page it landed on
    await checkA11y();
    expect(await table.getByRole("row").filter({ hasText: "Houben, Marieke" }).count()).toBe(0);

    await act(() => notice.getByRole("button", { name: nl.common.form.undo }).click());
    await page.getByRole("status").filter({ hasText: nl.duplicates.undone }).waitFor();
    await checkA11y();
    expect(await table.getByRole("row").filter({ hasText: "Houben, Marieke" }).count()).toBe(1);
  });
});
