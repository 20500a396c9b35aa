import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeBody, makeSector, makeUser } from "../support/db";
import { useBrowser } from "../support/e2e";
import { makeSubregion } from "../support/organisations";

const editor = { email: "redacteur@example.org", password: "een lange zin als wachtwoord" };

describe("governance of a body in the browser (decisions 038, 039)", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      await makeUser(db, { role: "redacteur", name: "Rita Redacteur", ...editor });
      await makeSubregion(db, { name: "Westelijke Mijnstreek" });
      await makeSubregion(db, { name: "Oostelijke Mijnstreek" });
      await makeSubregion(db, { name: "Maastricht-Heuvelland" });
      await makeBody(db, { name: "DB Mijnstreek Coalitie", kind: "dagelijks_bestuur", level: "strategisch" });
      await makeSector(db, { name_nl: "Welzijn", name_en: "Welfare" });
      await makeSubregion(db, { name: "Noord" });
      await makeBody(db, { name: "Stuurgroep NML", kind: "overleg", level: "strategisch" });
    } finally {
      await db.destroy();
    }
  });

  it("edits a body to span two subregions, meet every 2 to 4 weeks and decide by consent", async () => {
    const { visit, act, page } = env.checked();
    await visit("/login");
    await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(editor.email);
    await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(editor.password);
    await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
    await page.getByRole("heading", { level: 1 }).waitFor();

    await visit("/gremia");
    await act((p) => p.getByRole("link", { name: "DB Mijnstreek Coalitie" }).first().click());
    await act((p) => p.getByRole("link", { name: nl.bodies.page.edit }).click());
    await page.getByRole("checkbox", { name: "Westelijke Mijnstreek" }).check();
    await page.getByRole("checkbox", { name: "Oostelijke Mijnstreek" }).check();
    await page.getByLabel(nl.governance.frequency.min).fill("4");
    await page.getByLabel(nl.governance.frequency.max).fill("2");
    await page.getByLabel(nl.governance.decision.label).selectOption({ label: nl.governance.decision.modes.consent });
    await act((p) => p.getByRole("button", { name: nl.bodies.edit.submit }).click());

    // a reversed range is refused in Dutch, on the field, and what was typed stays
    await expect(page.getByText(nl.governance.errors.intervalReversed).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByLabel(nl.governance.frequency.min).inputValue()).resolves.toBe("4");
    await expect(page.getByRole("checkbox", { name: "Oostelijke Mijnstreek" }).isChecked()).resolves.toBe(true);

    await page.getByLabel(nl.governance.frequency.min).fill("2");
    await page.getByLabel(nl.governance.frequency.max).fill("4");
    await act((p) => p.getByRole("button", { name: nl.bodies.edit.submit }).click());
    await page.getByRole("heading", { level: 1, name: "DB Mijnstreek Coalitie" }).waitFor();
    const main = page.getByRole("main");
    await expect(main.getByText("Oostelijke Mijnstreek, Westelijke Mijnstreek").count()).resolves.toBe(1);
    await expect(main.getByText("elke 2 tot 4 weken").count()).resolves.toBe(1);
    await expect(main.getByText(nl.governance.decision.modes.consent).count()).resolves.toBe(1);
  });

  it("adds a seat on behalf of an achterban from the body page and shows it on the roster", async () => {
    const { visit, act, page } = env.checked();
    await visit("/login");
    await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(editor.email);
    await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(editor.password);
    await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
    await page.getByRole("heading", { level: 1 }).waitFor();

    await visit("/gremia");
    await act((p) => p.getByRole("link", { name: "Stuurgroep NML" }).first().click());
    const form = page.locator("form", { has: page.getByRole("button", { name: nl.bodies.addSeat.submit }) });
    await form.getByRole("radio", { name: nl.bodies.addSeat.vacancy }).check();
    await form.getByRole("radio", { name: nl.governance.constituency.constituency }).check();
    await act(() => form.getByRole("button", { name: nl.bodies.addSeat.submit }).click());

    // an achterban without sector or subregion is refused in Dutch, and the choice stays
    await expect(page.getByText(nl.governance.errors.constituencyEmpty).count()).resolves.toBeGreaterThan(0);
    await expect(form.getByRole("radio", { name: nl.governance.constituency.constituency }).isChecked()).resolves.toBe(
      true,
    );

    await form.getByLabel(nl.governance.constituency.sector).selectOption({ label: "Welzijn" });
    await form.getByLabel(nl.governance.constituency.subregion).selectOption({ label: "Noord" });
    await act(() => form.getByRole("button", { name: nl.bodies.addSeat.submit }).click());
    const roster = page.getByRole("table").first();
    await expect(roster.getByText("achterban Welzijn, Noord").count()).resolves.toBe(1);
  });
});
