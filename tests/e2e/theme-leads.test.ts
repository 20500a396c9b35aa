import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makePerson, makeUser } from "../support/db";
import { useBrowser } from "../support/e2e";
import { makeTheme } from "../support/themes";

const editor = { email: "redacteur@example.org", password: "een lange zin als wachtwoord" };

describe("programme leads on the theme page (decision 048)", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      await makeUser(db, { role: "redacteur", name: "Rita Redacteur", ...editor });
      await makeTheme(db, { name: "Gezond leven" });
      await makePerson(db, { first_name: "Pia", last_name: "Programmaleider" });
    } finally {
      await db.destroy();
    }
  });

  it("adds a lead by searching the person and shows it on the theme and the person's page", async () => {
    const { visit, act, page } = env.checked();
    await visit("/login");
    await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(editor.email);
    await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(editor.password);
    await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
    await page.getByRole("heading", { level: 1 }).waitFor();

    await visit("/themas");
    await act((p) => p.getByRole("link", { name: "Gezond leven" }).first().click());
    const form = page.locator("form", { has: page.getByRole("button", { name: nl.themes.leads.addSubmit }) });
    await form.getByLabel(nl.bodies.choices.personSearch).fill("Programmaleider");
    await act(() => form.getByRole("button", { name: nl.bodies.choices.searchPerson }).click());
    await form.getByRole("radio", { name: /Pia Programmaleider/ }).check();
    await form.getByLabel(nl.themes.leads.start).fill("2025-03-01");
    await act(() => form.getByRole("button", { name: nl.themes.leads.addSubmit }).click());

    await expect(page.getByText(nl.themes.leads.added).count()).resolves.toBe(1);
    const section = page.getByRole("region", { name: nl.themes.leads.heading });
    await expect(section.getByText("sinds 1 maart 2025").count()).resolves.toBe(1);

    // the same person again while the first period runs: refused, the day written as a Dutch reader writes it
    await form.getByLabel(nl.bodies.choices.personSearch).fill("Programmaleider");
    await act(() => form.getByRole("button", { name: nl.bodies.choices.searchPerson }).click());
    await form.getByRole("radio", { name: /Pia Programmaleider/ }).check();
    await form.getByLabel(nl.themes.leads.start).fill("2025-06-01");
    await act(() => form.getByRole("button", { name: nl.themes.leads.addSubmit }).click());
    const refusal = nl.themes.leads.errors.overlap
      .replace("{{person}}", "Pia Programmaleider")
      .replace("{{start}}", "1 maart 2025");
    await expect(page.getByText(refusal).count()).resolves.toBeGreaterThan(0);
    await expect(form.getByLabel(nl.themes.leads.start).inputValue()).resolves.toBe("2025-06-01");
    await act(() => section.getByRole("link", { name: "Pia Programmaleider" }).first().click());
    const onPerson = page.getByRole("region", { name: nl.themes.leads.onPerson });
    await expect(onPerson.getByRole("link", { name: "Gezond leven" }).count()).resolves.toBe(1);
  });
});
