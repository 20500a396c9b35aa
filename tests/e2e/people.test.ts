import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeOrganisation, makePerson, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { makeAffiliation } from "../support/people";
import { openPageWithoutAppScripts } from "../support/without-scripts";

/** What the tests find in the database the server starts with. */
const seeded = { cookie: "", ownerId: 0, employeeId: 0 };

/** Signs the browser in as the seeded redacteur, by the session cookie a login would have set. */
describe("people in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "redacteur", name: "Rita Redacteur" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      seeded.ownerId = (
        await makePerson(db, { first_name: "Jan", infix: "de", last_name: "Vries", email: "jan.devries@example.org" })
      ).id;
      const employee = await makePerson(db, { first_name: "Mila", last_name: "Peters" });
      seeded.employeeId = employee.id;
      const envida = await makeOrganisation(db, { name: "Envida" });
      await makeAffiliation(db, {
        person_id: employee.id,
        organisation_id: envida.id,
        function_title: "Teamleider",
        start_date: "2021-04-01",
      });
    } finally {
      await db.destroy();
    }
  });

  it("creates a person with JavaScript: the browser checks the form first, then the person's page opens", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/personen");
    await act((p) => p.getByRole("link", { name: nl.people.list.newPerson }).click());
    await page.getByRole("heading", { level: 1, name: nl.people.create.title }).waitFor();
    await expect.poll(() => page.evaluate(() => "__remixRouter" in window)).toBe(true);

    // nothing typed: react-hook-form refuses before anything is sent
    let posted = false;
    page.on("request", (request) => {
      if (request.method() === "POST") posted = true;
    });
    await page.getByRole("button", { name: nl.people.create.submit }).click();
    await page.getByText(nl.common.form.required).first().waitFor();
    expect(posted).toBe(false);

    await page.getByLabel(nl.people.fields.first_name, { exact: true }).fill("Anna");
    await page.getByLabel(nl.people.fields.infix, { exact: true }).fill("van den");
    await page.getByLabel(nl.people.fields.last_name, { exact: true }).fill("Berg");
    await page.getByLabel(nl.people.fields.email, { exact: true }).fill("anna.vandenberg@example.org");
    await page.getByLabel(nl.common.language.en, { exact: true }).check();
    await act((p) => p.getByRole("button", { name: nl.people.create.submit }).click());

    await page.getByRole("heading", { level: 1, name: "Anna van den Berg" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/personen\/\d+$/);
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain("Anna van den Berg");
    await expect(page.getByRole("link", { name: "anna.vandenberg@example.org" }).count()).resolves.toBe(1);

    await visit("/personen?q=berg");
    await expect(page.getByRole("link", { name: "Berg, Anna van den" }).count()).resolves.toBe(1);
  });

  it("without JavaScript, refuses an e-mail address of someone else with a link to them, keeping what was typed", async () => {
    const plain = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      await addSessionCookie(plain.context, seeded.cookie, env.server().url);
      const { page, visit, act } = plain;
      await visit("/personen/nieuw");
      await page.getByLabel(nl.people.fields.first_name, { exact: true }).fill("Johan");
      await page.getByLabel(nl.people.fields.last_name, { exact: true }).fill("Vries");
      await page.getByLabel(nl.people.fields.phone, { exact: true }).fill("043 987 65 43");
      await page.getByLabel(nl.people.fields.email, { exact: true }).fill("Jan.DeVries@example.org");
      await act((p) => p.getByRole("button", { name: nl.people.create.submit }).click());

      expect(new URL(page.url()).pathname).toBe("/personen/nieuw");
      await expect(page.getByRole("alert").textContent()).resolves.toContain(
        "Dit e-mailadres hoort al bij Jan de Vries.",
      );
      await expect(page.getByLabel(nl.people.fields.first_name, { exact: true }).inputValue()).resolves.toBe("Johan");
      await expect(page.getByLabel(nl.people.fields.last_name, { exact: true }).inputValue()).resolves.toBe("Vries");
      await expect(page.getByLabel(nl.people.fields.phone, { exact: true }).inputValue()).resolves.toBe(
        "043 987 65 43",
      );
      await expect(page.getByLabel(nl.people.fields.email, { exact: true }).inputValue()).resolves.toBe(
        "Jan.DeVries@example.org",
      );

      await act((p) => p.getByRole("link", { name: "Open Jan de Vries" }).click());
      expect(new URL(page.url()).pathname).toBe(`/personen/${seeded.ownerId}`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Jan de Vries");
    } finally {
      await plain.close();
    }
  });

  it("ends a job only after confirmation, and the undo in the message makes it ongoing again", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit(`/personen/${seeded.employeeId}`);
    await act((p) => p.getByRole("link", { name: nl.people.page.manageJobs }).click());
    await page.getByRole("heading", { level: 1, name: "Functies van Mila Peters" }).waitFor();

    const current = page.locator("section", { has: page.getByRole("heading", { name: nl.people.jobs.current }) });
    await page.getByLabel(nl.people.jobs.endDate).fill("2025-02-28");
    await act((p) => p.getByRole("button", { name: nl.people.jobs.endSubmit }).click());
    await page.getByText(nl.people.errors.confirmEnd).first().waitFor();
    await expect(current.getByRole("link", { name: "Envida" }).count()).resolves.toBe(1);

    await page.getByLabel("Ja, beëindig de functie bij Envida").check();
    await act((p) => p.getByRole("button", { name: nl.people.jobs.endSubmit }).click());
    const notice = page
      .getByRole("status")
      .filter({ hasText: "De functie bij Envida is beëindigd per 28 februari 2025." });
    await notice.waitFor();
    await expect(current.getByRole("link", { name: "Envida" }).count()).resolves.toBe(0);
    const past = page.locator("section", { has: page.getByRole("heading", { name: nl.people.jobs.past }) });
    await expect(past.getByText("28 februari 2025").count()).resolves.toBeGreaterThan(0);

    await act((p) => p.getByRole("button", { name: nl.common.form.undo }).click());
    await page.getByRole("status").filter({ hasText: "De functie bij Envida loopt weer." }).waitFor();
    await expect(current.getByText("sinds 1 april 2021").count()).resolves.toBe(1);
    await expect(past.getByRole("link", { name: "Envida" }).count()).resolves.toBe(0);
  });

  it("on a 360 px phone, records a withdrawn consent and a second address, which the person page then shows", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await page.setViewportSize({ width: 360, height: 740 });
    const fitsThePhone = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await visit(`/personen/${seeded.employeeId}/bewerken`);
    await fitsThePhone();
    await page.getByLabel(nl.people.fields.email, { exact: true }).fill("mila.peters@example.org");
    await act((p) => p.getByRole("button", { name: nl.people.edit.addEmailSubmit }).click());
    await page.getByRole("status").filter({ hasText: nl.people.edit.emailAdded }).waitFor();

    await page.getByLabel(nl.register.consent.research, { exact: true }).check();
    await page.getByLabel(nl.register.consent.withdrawn, { exact: true }).check();
    await page.getByLabel(nl.people.consent.recorded_on, { exact: true }).fill("2025-03-01");
    await page.getByLabel(nl.people.consent.source, { exact: true }).fill("e-mail aan het netwerkbureau");
    await act((p) => p.getByRole("button", { name: nl.people.consent.submit }).click());
    await page.getByRole("status").filter({ hasText: nl.people.consent.saved }).waitFor();
    await fitsThePhone();

    await act((p) => p.getByRole("link", { name: "Terug naar Mila Peters" }).click());
    await page.getByRole("heading", { level: 1, name: "Mila Peters" }).waitFor();
    await fitsThePhone();
    const consents = page.locator("section", { has: page.getByRole("heading", { name: nl.people.page.consents }) });
    await expect(consents.textContent()).resolves.toContain("toestemming ingetrokken op 1 maart 2025");
    await expect(page.getByRole("link", { name: "mila.peters@example.org" }).count()).resolves.toBe(1);
    const history = page.locator("section", { has: page.getByRole("heading", { name: nl.people.page.history }) });
    await expect(history.textContent()).resolves.toContain(nl.people.history.summaries.consent_recorded);

    await visit(`/personen/${seeded.employeeId}/functies`);
    await fitsThePhone();
    await visit("/personen");
    await fitsThePhone();
  });
});
