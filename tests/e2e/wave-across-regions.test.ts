import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeBody, makeOrganisation, makePerson, makeSeat, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { makeAffiliation } from "../support/people";

const seeded = { cookie: "" };

describe("a survey wave across regions in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "onderzoeker", name: "Olga Onderzoek" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const noord = await db
        .insertInto("regions")
        .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const bodies = [
        await makeBody(db, { name: "Bestuurlijke Regiegroep", level: "strategisch" }),
        await makeBody(db, { name: "Stuurgroep Noord- en Midden-Limburg", level: "strategisch", region_id: noord.id }),
      ];
      const people = [
        await makePerson(db, { first_name: "Anna", last_name: "Aalders", email: "anna@example.org" }),
        await makePerson(db, { first_name: "Noor", last_name: "Nijssen", email: "noor@example.org" }),
      ];
      for (const [i, person] of people.entries()) {
        const organisation = await makeOrganisation(db);
        await makeAffiliation(db, { person_id: person.id, organisation_id: organisation.id });
        await makeSeat(db, {
          body_id: bodies[i]!.id,
          person_id: person.id,
          organisation_id: organisation.id,
          start_date: "2024-01-01",
        });
      }
    } finally {
      await db.destroy();
    }
  });

  it("a network-wide onderzoeker chooses all regions, creates a wave for all regions and previews members of both", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/");
    const switcher = page.getByRole("banner").getByLabel(nl.userRoles.switcher.label);
    await act(() => switcher.selectOption({ label: nl.userRoles.switcher.all }));
    await expect.poll(() => switcher.locator("option:checked").textContent()).toBe(nl.userRoles.switcher.all);

    await act((p) => p.getByRole("link", { name: nl.common.nav.research, exact: true }).click());
    await act((p) => p.getByRole("link", { name: nl.waves.newWave }).click());
    const region = page.getByRole("main").getByLabel(nl.regions.field.label, { exact: true });
    await expect(region.locator("option:checked").textContent()).resolves.toBe(nl.regions.networkWideChoice);
    await page.getByLabel(nl.waves.fields.name, { exact: true }).fill("Netwerkmeting 2026");
    await page.getByLabel(nl.waves.fields.year, { exact: true }).fill("2026");
    await page.getByLabel(nl.waves.fields.referenceDate, { exact: true }).fill("2026-10-01");
    await page.getByLabel(nl.waves.fields.linkTemplate, { exact: true }).fill("https://enquete.example.org/s/{token}");
    await act((p) => p.getByRole("button", { name: nl.waves.create.submit }).click());
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(nl.waves.wave.created);
    await expect(page.getByRole("main").textContent()).resolves.toContain(nl.regions.networkWide);

    await act((p) => p.getByRole("link", { name: nl.waves.wave.editRules }).click());
    await act((p) => p.getByRole("button", { name: nl.waves.rules.addSeatRule }).click());
    await page
      .getByRole("group", { name: "Regel 1 (zetels)", exact: true })
      .getByRole("group", { name: nl.waves.rules.levels })
      .getByLabel("Strategisch", { exact: true })
      .check();
    await act((p) => p.getByRole("button", { name: nl.waves.rules.submit }).click());
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(nl.waves.rules.saved);

    await act((p) => p.getByRole("link", { name: "Terug naar Netwerkmeting 2026" }).click());
    await act((p) => p.getByRole("link", { name: nl.waves.wave.preview }).click());
    const members = page.getByRole("region", { name: nl.waves.preview.members });
    await members.getByRole("row", { name: /Anna Aalders/ }).waitFor();
    await members.getByRole("row", { name: /Noor Nijssen/ }).waitFor();
    await expect(page.getByRole("main").textContent()).resolves.toContain(nl.regions.allRegions);
    expect(env.checked().errors()).toEqual([]);
  });
});
