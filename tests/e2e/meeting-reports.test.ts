import { describe, expect, it } from "vitest";
import { todayInAmsterdam } from "../../app/i18n/format";
import { nl } from "../../app/i18n/nl/index";
import { addDays } from "../../app/services/periods";
import { openMigratedDatabase } from "../../db/index";
import { makeBody, makeOrganisation, makePerson, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { makeAttendance, makeMeeting } from "../support/meetings";

const text = nl.meetingReports;

describe("the meeting figures in the browser", () => {
  const seeded = { cookie: "", annaId: 0 };
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "onderzoeker" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const heerlen = await makeOrganisation(db, { name: "Gemeente Heerlen" });
      const envida = await makeOrganisation(db, { name: "Envida" });
      const brgzl = await makeBody(db, {
        name: "Bestuurlijke Regiegroep",
        abbreviation: "BRGZL",
        level: "strategisch",
        meetings_per_year: 4,
      });
      const cmo = await makeBody(db, {
        name: "Coördinatieoverleg",
        abbreviation: "CMO",
        level: "tactisch",
        meetings_per_year: 20,
      });
      const anna = await makePerson(db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
      const piet = await makePerson(db, { first_name: "Piet", last_name: "Jansen" });
      const kees = await makePerson(db, { first_name: "Kees", last_name: "Smeets" });
      // the CMO met five times and the BRGZL twice in 2025; one BRGZL meeting was cancelled
      for (const date of ["2025-01-14", "2025-03-11", "2025-05-13", "2025-09-09", "2025-11-11"]) {
        const meeting = await makeMeeting(db, { body_id: cmo.id, date });
        await makeAttendance(db, {
          meeting_id: meeting.id,
          person_id: anna.id,
          organisation_id: heerlen.id,
          status: date < "2025-06-01" ? "aanwezig" : "afwezig",
        });
      }
      for (const date of ["2025-02-10", "2025-06-16"]) {
        const meeting = await makeMeeting(db, { body_id: brgzl.id, date });
        await makeAttendance(db, {
          meeting_id: meeting.id,
          person_id: piet.id,
          organisation_id: envida.id,
          status: "vervangen",
          substitute_person_id: kees.id,
        });
      }
      await makeMeeting(db, { body_id: brgzl.id, date: "2025-10-13", status: "geannuleerd" });
      const lastWeek = await makeMeeting(db, { body_id: cmo.id, date: addDays(todayInAmsterdam(), -7) });
      await makeAttendance(db, {
        meeting_id: lastWeek.id,
        person_id: anna.id,
        organisation_id: heerlen.id,
        status: "aanwezig",
      });
      seeded.annaId = anna.id;
    } finally {
      await db.destroy();
    }
  });

  async function signedInPage() {
    const checked = env.checked();
    await addSessionCookie(checked.page.context(), seeded.cookie, env.server().url);
    return checked;
  }

  it("shows the year overview of 2025 with its counts and the annual report's line", async () => {
    const { page, visit, act } = await signedInPage();
    await visit("/vergaderingen/jaaroverzicht");
    await page.getByLabel(text.year.yearLabel, { exact: true }).selectOption("2025");
    await act((p) => p.getByRole("button", { name: text.year.show }).click());
    await page.getByRole("heading", { level: 1, name: "Vergaderingen in 2025" }).waitFor();
    expect(new URL(page.url()).searchParams.get("jaar")).toBe("2025");

    await expect(page.locator("#report-line").textContent()).resolves.toBe("2× BRGZL, 5× CMO");
    const levels = page.getByRole("table", { name: "Vergaderingen in 2025, per niveau" });
    await expect(levels.getByRole("row", { name: "Strategisch" }).getByRole("cell").allTextContents()).resolves.toEqual(
      [expect.stringMatching(/^1/), "2", "0", "1", "4"],
    );
    const bodies = page.getByRole("table", { name: "Vergaderingen in 2025 per gremium" });
    await expect(bodies.getByRole("row", { name: /CMO/ }).getByRole("cell").allTextContents()).resolves.toEqual([
      "Tactisch",
      "regio Zuid-Limburg",
      "5",
      "0",
      "0",
      "20",
    ]);

    // the totals lead to the bodies they count
    await act((p) => p.getByRole("link", { name: /Gremia van Strategisch tonen/ }).click());
    await expect.poll(() => new URL(page.url()).searchParams.get("niveau")).toBe("strategisch");
    await expect(bodies.locator("tbody tr").count()).resolves.toBe(1);
    await expect(bodies.getByRole("row", { name: /BRGZL/ }).count()).resolves.toBe(1);
  });

  it("shows the figures per person, switches to organisations and orders them by rate", async () => {
    const { page, visit, act } = await signedInPage();
    await visit("/vergaderingen/cijfers?van=2025-01-01&tot=2025-12-31");
    await page.getByRole("heading", { level: 1, name: text.figures.title }).waitFor();
    await expect(page.getByRole("rowheader").allTextContents()).resolves.toEqual([
      "Anna van den Berg",
      "Piet Jansen",
      "Kees Smeets",
    ]);
    const anna = page.getByRole("row", { name: /Anna van den Berg/ });
    await expect(anna.getByRole("cell").last().textContent()).resolves.toBe("60%");
    await expect(page.getByRole("figure").getByRole("listitem").first().textContent()).resolves.toContain("60%");

    await page.getByRole("radio", { name: text.figures.groupings.organisation }).check();
    await act((p) => p.getByRole("button", { name: text.figures.show }).click());
    await expect.poll(() => new URL(page.url()).searchParams.get("groep")).toBe("organisatie");
    await expect(page.getByRole("rowheader").allTextContents()).resolves.toEqual(["Envida", "Gemeente Heerlen"]);
    await expect(
      page
        .getByRole("row", { name: /Envida/ })
        .getByRole("cell")
        .last()
        .textContent(),
    ).resolves.toBe("100%");

    await act((p) => p.getByRole("link", { name: `Sorteren op ${text.figures.columns.rate.organisation}` }).click());
    await expect.poll(() => new URL(page.url()).searchParams.get("sortering")).toBe("opkomst");
    await expect(
      page
        .getByRole("columnheader", { name: new RegExp(text.figures.columns.rate.organisation) })
        .getAttribute("aria-sort"),
    ).resolves.toBe("descending");
    await expect(page.getByRole("rowheader").allTextContents()).resolves.toEqual(["Envida", "Gemeente Heerlen"]);
    await act((p) => p.getByRole("link", { name: `Sorteren op ${text.figures.columns.rate.organisation}` }).click());
    await expect.poll(() => new URL(page.url()).searchParams.get("volgorde")).toBe("oplopend");
    await expect(page.getByRole("rowheader").allTextContents()).resolves.toEqual(["Gemeente Heerlen", "Envida"]);
  });

  it("shows a person's recent attendance and opens the figures for just them", async () => {
    const { page, visit, act } = await signedInPage();
    await visit(`/personen/${seeded.annaId}`);
    const section = page.getByRole("region", { name: text.recent.heading });
    await expect(section.getByRole("row").nth(1).getByRole("cell").allTextContents()).resolves.toEqual([
      expect.any(String),
      "Coördinatieoverleg",
      nl.meetings.attendanceStatuses.aanwezig,
    ]);
    await expect(section.textContent()).resolves.toContain("Opkomst in de afgelopen 12 maanden: 100%");
    await act(() => section.getByRole("link", { name: text.recent.figuresLink }).click());
    await page.getByRole("heading", { level: 1, name: text.figures.title }).waitFor();
    expect(new URL(page.url()).searchParams.get("persoon")).toBe(String(seeded.annaId));
    await expect(page.getByRole("rowheader").allTextContents()).resolves.toEqual(["Anna van den Berg"]);
    await expect(page.getByText("Alleen de aanwezigheid van Anna van den Berg.").count()).resolves.toBe(1);
  });
});
