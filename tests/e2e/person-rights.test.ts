import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { addSessionCookie } from "../support/browser";
import { makeUser, sessionCookieFor } from "../support/db";
import { useBrowser } from "../support/e2e";
import { frozenWave, panelRegister } from "../support/panels";

const text = nl.rights;
const seeded = { cookie: "", personId: 0, address: "", waveId: 0 };

describe("the rights of the person, from their page", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "beheerder" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const register = await panelRegister(db);
      const person = await register.member("Verhoeven", { level: "strategisch", organisation: "ggd" });
      await register.member("Jacobs", { level: "tactisch", organisation: "welzijn" });
      seeded.waveId = (await frozenWave(db, user, "Netwerkmeting 2026", "2026-09-01")).id;
      seeded.personId = person.id;
      seeded.address = (
        await db
          .selectFrom("person_emails")
          .select("email")
          .where("person_id", "=", person.id)
          .executeTakeFirstOrThrow()
      ).email;
    } finally {
      await db.destroy();
    }
  });

  it("shows the access report, offers it as JSON, and both are logged", async () => {
    const { page, visit, act, context } = env.checked();
    await addSessionCookie(context, seeded.cookie, env.server().url);
    await visit(`/personen/${seeded.personId}`);
    await act((p) => p.getByRole("link", { name: text.section.report }).click());
    await page.getByRole("heading", { level: 1, name: /Inzageoverzicht van Test Verhoeven/ }).waitFor();
    await expect(page.getByRole("heading", { name: `${text.report.sections.seats} (1)` }).count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { name: `${text.report.sections.panels} (1)` }).count()).resolves.toBe(1);
    await expect(page.getByRole("cell", { name: seeded.address }).count()).resolves.toBeGreaterThan(0);

    const download = await fetch(`${env.server().url}/personen/${seeded.personId}/inzage.json`, {
      headers: { Cookie: seeded.cookie },
    });
    expect(download.headers.get("content-disposition")).toContain("attachment");
    const report = (await download.json()) as {
      person: { last_name: string };
      seats: unknown[];
      survey_panels: { wave: string; reasons: unknown[] }[];
      audit_entries: { summary: string | null }[];
    };
    expect(report.person.last_name).toBe("Verhoeven");
    expect(report.seats).toHaveLength(1);
    expect(report.survey_panels[0]).toMatchObject({ wave: "Netwerkmeting 2026" });
    expect(report.survey_panels[0]!.reasons.length).toBeGreaterThan(0);
    // the page view was logged before the download was made
    expect(report.audit_entries.some((entry) => entry.summary === "person_access_report")).toBe(true);
  });

  it("erases the person only after the box is ticked, and the page then says so", async () => {
    const { page, visit, act, context } = env.checked();
    await addSessionCookie(context, seeded.cookie, env.server().url);
    await visit(`/personen/${seeded.personId}`);
    await act((p) => p.getByRole("link", { name: text.section.erase }).click());
    await page.getByRole("heading", { level: 1, name: "Test Verhoeven wissen" }).waitFor();
    await act((p) => p.getByRole("button", { name: text.erase.submit }).click());
    await expect(page.getByText(text.erase.confirmRequired).first().isVisible()).resolves.toBe(true);

    await page.getByLabel(text.erase.confirm).check();
    await act((p) => p.getByRole("button", { name: text.erase.submit }).click());
    await page.getByText(text.erase.done).waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("verwijderde persoon");
    await expect(page.getByRole("link", { name: nl.people.page.edit }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: text.section.erase }).count()).resolves.toBe(0);
    const html = await page.content();
    expect(html).not.toContain(seeded.address);
    expect(html).not.toContain("Verhoeven");

    // the frozen panel still verifies: names and addresses are not part of its hash
    await visit(`/onderzoek/${seeded.waveId}/panel`);
    await act((p) => p.getByRole("link", { name: nl.panel.page.verify }).click());
    await expect(page.getByRole("status").filter({ hasText: "De hash klopt" }).count()).resolves.toBe(1);
    await expect(page.getByRole("cell", { name: "verwijderde persoon" }).count()).resolves.toBeGreaterThan(0);

    // the edit pages lead back to the person: nothing is edited back in
    await visit(`/personen/${seeded.personId}/bewerken`);
    expect(new URL(page.url()).pathname).toBe(`/personen/${seeded.personId}`);
  });
});
