import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDemoNetwork } from "../../app/models/demo-network.server";
import { yearOverview } from "../../app/models/meeting-reports.server";
import type { IsoDate } from "../../db/schema";
import { loadDemo, readDemoData } from "../../seeds/load";
import { addDays } from "../../app/services/periods";
import { createTestDatabase, type TestDatabase } from "../support/db";

/**
 * The demo network states about real organisations only what the network's own documents state
 * (decision 037). Each test names the source line it holds the demo to; the people and their
 * history are synthetic, and the history changes through people, never through an organisation's
 * seat.
 */

/** Jaarverslag netwerkondersteuning 2025, §6: "22x CMO 4x BRGZL 4x BAT- overleg 11x Projectleidersoverleg
 * Betrokken 4x Actie Sante 4x Alliantie Sante 8x DB Mijnstreek Coalitie 2x Brede mijnstreek coalitie". */
const ANNUAL_REPORT_2025: Record<string, number> = {
  "Coördinerend Managementoverleg": 22,
  "Bestuurlijke Regiegroep Gezond Zuid-Limburg": 4,
  "Beleidsadviesteam Zuid-Limburg": 4,
  Projectleidersoverleg: 11,
  "Actie Santé": 4,
  "Alliantie Santé": 4,
  "DB Mijnstreek Coalitie": 8,
  "Brede Mijnstreek Coalitie": 2,
};
const REGIEGROEP = "Bestuurlijke Regiegroep Gezond Zuid-Limburg";
const BAT = "Beleidsadviesteam Zuid-Limburg";
const OFFICE = "Netwerkondersteuning Gezond Zuid-Limburg";

describe("the demo network's facts about real organisations", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await loadDemo(test.db);
  });
  afterAll(async () => {
    await test.cleanup();
  });

  const seatsOf = () =>
    test.db
      .selectFrom("seats")
      .innerJoin("bodies", "bodies.id", "seats.body_id")
      .leftJoin("organisations", "organisations.id", "seats.organisation_id")
      .select([
        "seats.person_id",
        "seats.role",
        "seats.start_date",
        "seats.end_date",
        "bodies.name as body",
        "organisations.name as organisation",
      ]);

  it("keeps VGZ in the Regiegroep and the BAT: the sources name no departure", async () => {
    const vgz = await seatsOf()
      .where("organisations.name", "=", "Coöperatie VGZ")
      .where("bodies.name", "in", [REGIEGROEP, BAT])
      .execute();
    expect(vgz.map((seat) => seat.body).sort()).toEqual([BAT, REGIEGROEP]);
    expect(vgz.filter((seat) => seat.end_date !== null || seat.person_id === null)).toEqual([]);
  });

  it("gives no real organisation a chair, vice-chair or portfolio the sources do not give it", async () => {
    // The sources name no chair of the Regiegroep or of any coalition; the annual report says the office
    // chairs CMO, BAT and the PL-overleg ("Agendavoorbereiding en voorzitten regionale overleggen (CMO, BAT)").
    const demoBodies = readDemoData().bodies.map((body) => body.name);
    const leading = await seatsOf()
      .where("seats.role", "in", ["voorzitter", "vicevoorzitter", "portefeuillehouder"])
      .where("bodies.name", "in", demoBodies)
      .execute();
    expect(leading.length).toBeGreaterThan(0);
    expect(leading.filter((seat) => seat.organisation !== OFFICE)).toEqual([]);
    expect(leading.filter((seat) => seat.body === REGIEGROEP)).toEqual([]);
  });

  it("seats neither VWS nor the province anywhere", async () => {
    const seats = await seatsOf()
      .where("organisations.name", "in", ["Ministerie van Volksgezondheid, Welzijn en Sport", "Provincie Limburg"])
      .execute();
    expect(seats).toEqual([]);
  });

  it("moves no seat from one organisation to another: a colleague of the same organisation succeeds", async () => {
    const seats = await seatsOf().where("seats.person_id", "is not", null).execute();
    const moved = seats.filter(
      (earlier) =>
        earlier.end_date !== null &&
        seats.some(
          (later) =>
            later.person_id === earlier.person_id &&
            later.body === earlier.body &&
            later.start_date === addDays(earlier.end_date as IsoDate, 1) &&
            later.organisation !== earlier.organisation,
        ),
    );
    expect(moved).toEqual([]);
  });

  it('meets as the Regioplan says ("6 maal/jaar") and dates Trendbreuk from its start in 2018', async () => {
    const bodies = await test.db
      .selectFrom("bodies")
      .select(["name", "meetings_per_year", "active_from"])
      .where("name", "in", [REGIEGROEP, "Trendbreuk Zuid-Limburg"])
      .orderBy("name")
      .execute();
    expect(bodies).toEqual([
      { name: REGIEGROEP, meetings_per_year: 6, active_from: "2023-02-01" },
      { name: "Trendbreuk Zuid-Limburg", meetings_per_year: null, active_from: "2018-01-01" },
    ]);
  });

  it("states a number of meetings a year only for the body a source gives one", async () => {
    const stating = await test.db
      .selectFrom("bodies")
      .select("name")
      .where("meetings_per_year", "is not", null)
      .where(
        "name",
        "in",
        readDemoData().bodies.map((body) => body.name),
      )
      .execute();
    expect(stating.map((body) => body.name)).toEqual([REGIEGROEP]);
  });

  it("shows the annual report's counts in the 2025 year overview, intended only where a source says", async () => {
    // the annual report is Zuid-Limburg's: its year overview, as a reader of that region sees it
    const zuid = await test.db
      .selectFrom("regions")
      .select("id")
      .where("name", "=", "Zuid-Limburg")
      .executeTakeFirstOrThrow();
    const overview = await yearOverview(test.db, 2025, { regionId: zuid.id });
    const reported = overview.bodies.filter((body) => body.held > 0);
    expect(Object.fromEntries(reported.map((body) => [body.name, body.held]))).toEqual(ANNUAL_REPORT_2025);
    expect(reported.reduce((sum, body) => sum + body.held, 0)).toBe(59);
    expect(overview.bodies.filter((body) => body.meetingsPerYear !== null).map((body) => body.meetingsPerYear)).toEqual(
      [6],
    );
    // every body listed met: none is listed for an intention it never had
    expect(overview.bodies.filter((body) => body.held + body.planned + body.cancelled === 0)).toEqual([]);
    // "4x BGZL heisessies 2x BAT/PO sessie 1x RVT sessie 1x IZA- Avant la lettre 2x BNB 2x CMO-verdieping"
    expect(overview.events.reduce((sum, event) => sum + event.held, 0)).toBe(12);
  });

  it("gives the white spots (no plan yet) no team members", async () => {
    const plans = await test.db
      .selectFrom("plans")
      .innerJoin("plan_funding_markers", "plan_funding_markers.plan_id", "plans.id")
      .leftJoin("seats", "seats.body_id", "plans.team_body_id")
      .select(["plans.name", "plans.lead_organisation_id", (eb) => eb.fn.count<number>("seats.id").as("seats")])
      .where("plan_funding_markers.marker", "=", "white_spot")
      .groupBy(["plans.id", "plans.name", "plans.lead_organisation_id"])
      .orderBy("plans.name")
      .execute();
    expect(plans.map((plan) => ({ ...plan, seats: Number(plan.seats) }))).toEqual([
      { name: "Implementatietafel", lead_organisation_id: null, seats: 0 },
      { name: "Samenhang preventie", lead_organisation_id: null, seats: 0 },
    ]);
  });

  it("changes the office's synthetic staff in none of the months the annual report names staff changes", async () => {
    // "Anna Marije Zeillemaker t/m nov. Dirk Jimmink v.a. dec 2025", "Mark Lenssen v.a. april 2025",
    // "Maud Golsteyn t/m mei 2025 Danielle Dohmen v.a. mei 2025"
    const jobs = await test.db
      .selectFrom("affiliations")
      .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
      .select(["affiliations.person_id", "affiliations.start_date", "affiliations.end_date"])
      .where("organisations.name", "=", OFFICE)
      .execute();
    expect(jobs.length).toBeGreaterThan(10);
    const months = new Set(["2025-03", "2025-04", "2025-05", "2025-11", "2025-12"]);
    const inReportedMonths = jobs.filter((job) =>
      [job.start_date, job.end_date].some((day) => day !== null && months.has(day.slice(0, 7))),
    );
    expect(inReportedMonths).toEqual([]);
  });

  it("marks the register as the demo network, so every page says its people are fictitious", async () => {
    expect(await isDemoNetwork(test.db)).toBe(true);
    const empty = await createTestDatabase();
    try {
      expect(await isDemoNetwork(empty.db)).toBe(false);
    } finally {
      await empty.cleanup();
    }
  });
});
