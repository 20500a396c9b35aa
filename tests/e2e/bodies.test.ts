import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import type { Page } from "playwright-core";
import { makeBody, makeOrganisation, makePerson, makeSeat, makeUser } from "../support/db";
import { useBrowser } from "../support/e2e";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const editor = { email: "redactie@example.org", password: "een lange zin als wachtwoord" };
/** What the seed made, by name: filled in once the server has started. */
const ids = { body: 0, pastBody: 0 };

/** A page under test: with the app's scripts (CheckedPage) or without JavaScript (NoScriptPage). */
interface TestedPage {
  page: Page;
  visit: (pathname: string) => Promise<unknown>;
  act: (action: (page: Page) => Promise<unknown>) => Promise<void>;
}

async function signIn({ visit, act, page }: TestedPage) {
  await visit("/login");
  await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(editor.email);
  await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(editor.password);
  await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
  await page.getByRole("heading", { level: 1 }).waitFor();
}

const rosterRows = (checked: TestedPage) => checked.page.locator("#roster-heading ~ div table tbody tr");
const historyItems = (checked: TestedPage) => checked.page.locator("section[aria-labelledby=history-heading] li");

describe("bodies and seats in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      await makeUser(db, { role: "redacteur", name: "Rita Redactie", ...editor });
      const envida = await makeOrganisation(db, { name: "Envida" });
      await makeOrganisation(db, { name: "Zuyderland" });
      const heerlen = await makeOrganisation(db, { name: "Gemeente Heerlen" });
      await makeOrganisation(db, { name: "Opgeheven Stichting", archived_at: "2024-01-01T00:00:00.000Z" });
      await makePerson(db, { first_name: "Daan", last_name: "Peters" });
      await makePerson(db, { first_name: "Eva", last_name: "Bakker" });
      const anna = await makePerson(db, { first_name: "Anna", infix: "de", last_name: "Vries" });
      const bram = await makePerson(db, { first_name: "Bram", last_name: "Jansen" });
      const carla = await makePerson(db, { first_name: "Carla", last_name: "Smeets" });

      const body = await makeBody(db, { name: "Adviesteam Zorg en Welzijn", kind: "adviesteam", level: "tactisch" });
      await makeSeat(db, {
        body_id: body.id,
        person_id: anna.id,
        organisation_id: envida.id,
        start_date: "2024-01-01",
      });
      const pastBody = await makeBody(db, { name: "Regiegroep Parkstad", kind: "regiegroep", level: "strategisch" });
      await makeSeat(db, {
        body_id: pastBody.id,
        person_id: bram.id,
        role: "voorzitter",
        organisation_id: heerlen.id,
        start_date: "2023-01-01",
        end_date: "2024-12-31",
      });
      await makeSeat(db, {
        body_id: pastBody.id,
        person_id: carla.id,
        role: "voorzitter",
        organisation_id: heerlen.id,
        start_date: "2025-01-01",
      });
      Object.assign(ids, { body: body.id, pastBody: pastBody.id });
    } finally {
      await db.destroy();
    }
  });

  it("adds a seat with JavaScript and shows it on today's roster", async () => {
    const checked = env.checked();
    const { page, visit, act } = checked;
    await signIn(checked);
    await visit(`/gremia/${ids.body}`);
    const form = page.locator("form", { has: page.getByRole("button", { name: nl.bodies.addSeat.submit }) });
    // a mark on the window survives only submissions made by the app's scripts, not a page load
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await form.getByLabel(nl.bodies.addSeat.role, { exact: true }).selectOption({ label: nl.register.roles.adviseur });
    await form.getByLabel(nl.bodies.choices.personSearch, { exact: true }).fill("Peters");
    await act(() => form.getByRole("button", { name: nl.bodies.choices.searchPerson }).click());
    await form.getByRole("status").filter({ hasText: "1 persoon gevonden voor ‘Peters’" }).waitFor();
    await form.getByRole("radio", { name: "Daan Peters" }).check();
    // Enter in the organisation's search field searches; what was chosen and typed stays
    await form.getByLabel(nl.bodies.choices.organisationSearch, { exact: true }).fill("Zuyder");
    await act(() => form.getByLabel(nl.bodies.choices.organisationSearch, { exact: true }).press("Enter"));
    await form.getByRole("status").filter({ hasText: "1 organisatie gevonden voor ‘Zuyder’" }).waitFor();
    await expect(form.getByRole("radio", { name: "Daan Peters" }).isChecked()).resolves.toBe(true);
    await expect(form.getByLabel(nl.bodies.addSeat.role, { exact: true }).inputValue()).resolves.toBe("adviseur");
    await form.getByLabel(nl.bodies.addSeat.organisation, { exact: true }).selectOption({ label: "Zuyderland" });
    await act(() => form.getByRole("button", { name: nl.bodies.addSeat.submit }).click());

    await page.getByText(nl.bodies.page.notices.toegevoegd).waitFor();
    const row = rosterRows(checked).filter({ hasText: "Daan Peters" });
    await expect(row.textContent()).resolves.toMatch(/Adviseur.*Daan Peters.*Zuyderland/);
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);
    expect(checked.errors()).toEqual([]);
  });

  it("adds a seat without JavaScript, and refuses an overlapping one keeping what was typed", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      await signIn(noScripts);
      await visit(`/gremia/${ids.body}`);
      const form = () => page.locator("form", { has: page.getByRole("button", { name: nl.bodies.addSeat.submit }) });
      await form()
        .getByLabel(nl.bodies.addSeat.role, { exact: true })
        .selectOption({ label: nl.register.roles.secretaris });
      await form().getByLabel(nl.bodies.addSeat.from, { exact: true }).fill("2025-02-01");
      await form().getByLabel(nl.bodies.choices.personSearch, { exact: true }).fill("bakker");
      await act(() => form().getByRole("button", { name: nl.bodies.choices.searchPerson }).click());
      await form().getByRole("radio", { name: "Eva Bakker" }).check();
      await expect(form().getByLabel(nl.bodies.addSeat.from, { exact: true }).inputValue()).resolves.toBe("2025-02-01");
      // archived organisations are not found; a stale page or a crafted post still gets a clear refusal
      await form().getByLabel(nl.bodies.choices.organisationSearch, { exact: true }).fill("Opgeheven");
      await act(() => form().getByRole("button", { name: nl.bodies.choices.searchOrganisation }).click());
      await form().getByText("Niets gevonden voor ‘Opgeheven’").waitFor();
      await expect(form().getByRole("radio", { name: "Eva Bakker" }).isChecked()).resolves.toBe(true);
      await act(() => form().getByRole("button", { name: nl.bodies.addSeat.submit }).click());

      await page.getByText(nl.bodies.page.notices.toegevoegd).waitFor();
      const row = rosterRows(noScripts).filter({ hasText: "Eva Bakker" });
      await expect(row.textContent()).resolves.toMatch(/Secretaris.*Eva Bakker.*1 februari 2025/);

      // the same person in the same role again: refused, with what was typed still there
      await form().getByLabel(nl.bodies.choices.personSearch, { exact: true }).fill("Eva Bakker");
      await act(() => form().getByRole("button", { name: nl.bodies.choices.searchPerson }).click());
      await form().getByRole("radio", { name: "Eva Bakker" }).check();
      await form()
        .getByLabel(nl.bodies.addSeat.role, { exact: true })
        .selectOption({ label: nl.register.roles.secretaris });
      await form().getByLabel(nl.bodies.addSeat.from, { exact: true }).fill("2025-03-01");
      await act(() => form().getByRole("button", { name: nl.bodies.addSeat.submit }).click());
      await expect(page.getByRole("alert").textContent()).resolves.toContain(
        "Eva Bakker heeft deze rol in dit gremium al sinds 1 februari 2025",
      );
      await expect(form().getByLabel(nl.bodies.addSeat.from, { exact: true }).inputValue()).resolves.toBe("2025-03-01");
      await expect(form().getByRole("radio", { name: "Eva Bakker" }).isChecked()).resolves.toBe(true);
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });

  it("shows the roster on a past date, through the date picker and through 'previous change'", async () => {
    const checked = env.checked();
    const { page, visit, act } = checked;
    await signIn(checked);
    await visit(`/gremia/${ids.pastBody}`);
    await expect(rosterRows(checked).textContent()).resolves.toContain("Carla Smeets");

    await page.getByLabel(nl.register.bodies.rosterDate).fill("2024-06-01");
    await act((p) => p.getByRole("button", { name: nl.register.bodies.show }).click());
    await page.getByRole("heading", { name: "Samenstelling op 1 juni 2024" }).waitFor();
    expect(new URL(page.url()).searchParams.get("datum")).toBe("2024-06-01");
    await expect(rosterRows(checked).allTextContents()).resolves.toEqual([
      expect.stringMatching(/Voorzitter.*Bram Jansen.*Gemeente Heerlen/),
    ]);

    await visit(`/gremia/${ids.pastBody}`);
    await act((p) => p.getByRole("link", { name: /Vorige wijziging \(1 januari 2025\)/ }).click());
    await page.getByRole("heading", { name: "Samenstelling op 1 januari 2025" }).waitFor();
    await expect(rosterRows(checked).allTextContents()).resolves.toEqual([expect.stringContaining("Carla Smeets")]);
    await act((p) => p.getByRole("link", { name: /Vorige wijziging \(1 januari 2023\)/ }).click());
    await page.getByRole("heading", { name: "Samenstelling op 1 januari 2023" }).waitFor();
    await expect(rosterRows(checked).allTextContents()).resolves.toEqual([expect.stringContaining("Bram Jansen")]);
  });

  it("moves a seat to another organisation from the roster and shows both seats in the history", async () => {
    const checked = env.checked();
    const { page, visit, act } = checked;
    await signIn(checked);
    await visit(`/gremia/${ids.body}`);
    await act((p) => p.getByRole("link", { name: /zetel van Anna de Vries verplaatsen/ }).click());
    await page.getByRole("heading", { name: nl.bodies.seat.moveHeading }).waitFor();
    const move = page.locator("#verplaatsen");
    await move.getByLabel(nl.bodies.seat.moveDate, { exact: true }).fill("2025-06-01");
    await move.getByLabel(nl.bodies.choices.organisationSearch, { exact: true }).fill("Zuyderland");
    await act(() => move.getByRole("button", { name: nl.bodies.choices.searchOrganisation }).click());
    await move.getByLabel(nl.bodies.seat.moveOrganisation, { exact: true }).selectOption({ label: "Zuyderland" });
    await expect(move.getByLabel(nl.bodies.seat.moveDate, { exact: true }).inputValue()).resolves.toBe("2025-06-01");
    await act((p) => p.getByRole("button", { name: nl.bodies.seat.moveSubmit }).click());

    await page.getByText(nl.bodies.page.notices.verplaatst).waitFor();
    await expect(rosterRows(checked).filter({ hasText: "Anna de Vries" }).textContent()).resolves.toContain(
      "Zuyderland",
    );
    const history = await historyItems(checked).allTextContents();
    expect(history).toContainEqual(
      expect.stringMatching(/1 juni 2025\s*Anna de Vries begon als lid — namens Zuyderland/),
    );
    expect(history).toContainEqual(expect.stringMatching(/31 mei 2025\s*Anna de Vries stopte als lid — namens Envida/));
  });

  it("creates a body from the filtered list, then ends a seat with confirmation and undoes it", async () => {
    const checked = env.checked();
    const { page, visit, act } = checked;
    await signIn(checked);
    await visit("/gremia");
    await page.getByLabel(nl.register.filters.level).selectOption({ label: nl.register.levels.strategisch });
    await act((p) => p.getByRole("button", { name: nl.register.filters.apply }).click());
    expect(new URL(page.url()).searchParams.get("niveau")).toBe("strategisch");
    await expect(page.getByRole("link", { name: "Regiegroep Parkstad" }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "Adviesteam Zorg en Welzijn" }).count()).resolves.toBe(0);

    await act((p) => p.getByRole("link", { name: nl.bodies.list.newBody }).click());
    await page.getByRole("heading", { level: 1, name: nl.bodies.create.title }).waitFor();
    await page.getByLabel(nl.bodies.fields.name, { exact: true }).fill("Werkgroep Mantelzorg");
    await page
      .getByLabel(nl.bodies.fields.kind, { exact: true })
      .selectOption({ label: nl.register.bodyKinds.werkgroep });
    await page
      .getByLabel(nl.bodies.fields.level, { exact: true })
      .selectOption({ label: nl.register.levels.operationeel });
    await page.getByLabel(nl.bodies.fields.activeFrom, { exact: true }).fill("2025-03-01");
    await page.getByLabel(nl.bodies.fields.activeTo, { exact: true }).fill("2025-01-01");
    await act((p) => p.getByRole("button", { name: nl.bodies.create.submit }).click());
    // checked in the browser before anything is sent
    await expect(page.getByText(nl.common.form.endBeforeStart).count()).resolves.toBe(1);
    await page.getByLabel(nl.bodies.fields.activeTo, { exact: true }).fill("");
    await act((p) => p.getByRole("button", { name: nl.bodies.create.submit }).click());
    await page.getByText(nl.bodies.page.notices.aangemaakt).waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Werkgroep Mantelzorg");

    await visit(`/gremia/${ids.pastBody}`);
    await act((p) => p.getByRole("link", { name: /zetel van Carla Smeets beëindigen/ }).click());
    await page.getByRole("heading", { name: nl.bodies.seat.endHeading }).waitFor();
    await page.getByLabel(nl.bodies.seat.endDate, { exact: true }).fill("2025-12-31");
    await act((p) => p.getByRole("button", { name: nl.bodies.seat.endSubmit }).click());
    await expect(page.getByText(nl.bodies.errors.confirmEnd).count()).resolves.toBeGreaterThan(0);
    await page.getByLabel(nl.bodies.seat.endConfirm, { exact: true }).check();
    await act((p) => p.getByRole("button", { name: nl.bodies.seat.endSubmit }).click());
    await page.getByText("De zetel is beëindigd per 31 december 2025.").waitFor();

    await act((p) => p.getByRole("button", { name: nl.common.form.undo }).click());
    await page.getByText(nl.bodies.seat.undone).waitFor();
    await expect(page.getByRole("heading", { name: nl.bodies.seat.endHeading }).count()).resolves.toBe(1);
    expect(checked.errors()).toEqual([]);
  });
});
