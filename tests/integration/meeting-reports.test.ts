import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { todayInAmsterdam } from "../../app/i18n/format";
import { attendanceFigures, recentAttendance, yearOverview } from "../../app/models/meeting-reports.server";
import * as organisationPage from "../../app/routes/organisaties.$organisationId";
import * as personPage from "../../app/routes/personen.$personId";
import * as figuresPage from "../../app/routes/vergaderingen.cijfers";
import * as figuresDownload from "../../app/routes/vergaderingen.cijfers_.download";
import * as yearPage from "../../app/routes/vergaderingen.jaaroverzicht";
import * as yearDownload from "../../app/routes/vergaderingen.jaaroverzicht_.download";
import { reportLine } from "../../app/services/attendance-figures";
import { addDays } from "../../app/services/periods";
import {
  createTestDatabase,
  defaultRegionId,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeSector,
  type TestDatabase,
} from "../support/db";
import { makeAttendance, makeMeeting } from "../support/meetings";
import { call, get, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const YEAR_2025 = { from: "2025-01-01", to: "2025-12-31" };

/**
 * A small network in 2025: the Regiegroep (strategic, whole region) met three times, once without a
 * register, with one meeting cancelled and one still planned; the CMO (tactical, Parkstad) met once;
 * one heisessie was held and a network meeting is planned. Anna sits for Heerlen, Piet for Envida;
 * Kees stood in for Piet once; Gijs came as a guest. Meetings outside 2025 and the cancelled one
 * (whose register should never have been kept) carry attendance that must not count.
 */
async function network() {
  const sector = await makeSector(t.db, { name_nl: "Gemeenten" });
  const heerlen = await makeOrganisation(t.db, { name: "Gemeente Heerlen", sector_id: sector.id });
  const envida = await makeOrganisation(t.db, { name: "Envida", sector_id: sector.id });
  const region = await t.db
    .insertInto("regions")
    .values({ code: "zl", name: "Zuid-Limburg" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const parkstad = await t.db
    .insertInto("subregions")
    .values({ region_id: region.id, code: "parkstad", name: "Parkstad" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const regiegroep = await makeBody(t.db, {
    name: "Bestuurlijke Regiegroep",
    abbreviation: "BRGZL",
    level: "strategisch",
    meetings_per_year: 4,
  });
  const cmo = await makeBody(t.db, {
    name: "Coördinatieoverleg",
    abbreviation: "CMO",
    level: "tactisch",
    subregion_ids: [parkstad.id],
    meetings_per_year: 20,
  });
  const klankbord = await makeBody(t.db, {
    name: "Klankbordgroep Wonen",
    kind: "klankbordgroep",
    level: "operationeel",
    meetings_per_year: 6,
  });
  // neither met in 2025 nor should have: stopped before it, archived, or without an intended number
  await makeBody(t.db, { name: "Opgeheven werkgroep", meetings_per_year: 6, active_to: "2024-12-31" });
  await makeBody(t.db, {
    name: "Gearchiveerde werkgroep",
    meetings_per_year: 6,
    archived_at: "2025-01-15T10:00:00.000Z",
  });
  await makeBody(t.db, { name: "Werkgroep zonder ritme" });

  const anna = await makePerson(t.db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
  const piet = await makePerson(t.db, { first_name: "Piet", last_name: "Jansen" });
  const kees = await makePerson(t.db, { first_name: "Kees", last_name: "Smeets" });
  const gijs = await makePerson(t.db, { first_name: "Gijs", last_name: "Gastman" });
  const annaSeat = await makeSeat(t.db, {
    body_id: regiegroep.id,
    person_id: anna.id,
    organisation_id: heerlen.id,
    start_date: "2024-01-01",
  });
  const pietSeat = await makeSeat(t.db, {
    body_id: regiegroep.id,
    person_id: piet.id,
    organisation_id: envida.id,
    start_date: "2024-01-01",
  });

  const register = async (
    meetingId: number,
    rows: [number, "aanwezig" | "afgemeld" | "afwezig" | "vervangen" | "gast", number | null, number | null][],
  ) => {
    for (const [personId, status, organisationId, substitute] of rows) {
      await makeAttendance(t.db, {
        meeting_id: meetingId,
        person_id: personId,
        status,
        organisation_id: organisationId,
        substitute_person_id: substitute,
        seat_id: personId === anna.id ? annaSeat.id : personId === piet.id ? pietSeat.id : null,
      });
    }
  };
  const before = await makeMeeting(t.db, { body_id: regiegroep.id, date: "2024-12-09" });
  await register(before.id, [[anna.id, "afwezig", heerlen.id, null]]);
  const first = await makeMeeting(t.db, { body_id: regiegroep.id, date: "2025-02-10" });
  await register(first.id, [
    [anna.id, "aanwezig", heerlen.id, null],
    [piet.id, "vervangen", envida.id, kees.id],
    [gijs.id, "gast", null, null],
  ]);
  const second = await makeMeeting(t.db, { body_id: regiegroep.id, date: "2025-05-12" });
  await register(second.id, [
    [anna.id, "afgemeld", heerlen.id, null],
    [piet.id, "aanwezig", envida.id, null],
  ]);
  await makeMeeting(t.db, { body_id: regiegroep.id, date: "2025-09-08" });
  const cancelled = await makeMeeting(t.db, { body_id: regiegroep.id, date: "2025-11-10", status: "geannuleerd" });
  await register(cancelled.id, [[anna.id, "aanwezig", heerlen.id, null]]);
  await makeMeeting(t.db, { body_id: regiegroep.id, date: "2025-12-08", status: "gepland" });
  const after = await makeMeeting(t.db, { body_id: regiegroep.id, date: "2026-01-05" });
  await register(after.id, [[anna.id, "aanwezig", heerlen.id, null]]);

  const cmoMeeting = await makeMeeting(t.db, { body_id: cmo.id, date: "2025-03-01" });
  await register(cmoMeeting.id, [
    [anna.id, "afwezig", heerlen.id, null],
    [piet.id, "aanwezig", envida.id, null],
  ]);
  const heisessie = await makeMeeting(t.db, { kind: "heisessie", title: "Heisessie", date: "2025-06-01" });
  await register(heisessie.id, [[anna.id, "aanwezig", heerlen.id, null]]);
  await makeMeeting(t.db, {
    kind: "brede_netwerkbijeenkomst",
    title: "Netwerkdag",
    date: "2025-10-01",
    status: "gepland",
  });

  return {
    heerlen,
    envida,
    parkstad,
    regiegroep,
    cmo,
    klankbord,
    anna,
    piet,
    kees,
    gijs,
    first,
    second,
    cmoMeeting,
    heisessie,
  };
}

const counts = ["held", "present", "excused", "absent", "replaced", "guest", "asSubstitute"] as const;
const countsOf = (row: Record<(typeof counts)[number], number> & { rate: number | null }) => ({
  ...Object.fromEntries(counts.map((key) => [key, row[key]])),
  rate: row.rate,
});

describe("attendance figures per person", () => {
  it("count held meetings in the period only, leave guests out of the rate and tell substitutes apart", async () => {
    await network();
    const rows = await attendanceFigures(t.db, { groupBy: "person", ...YEAR_2025 });
    expect(rows.map((row) => [row.name, countsOf(row)])).toEqual([
      [
        "Anna van den Berg",
        { held: 4, present: 2, excused: 1, absent: 1, replaced: 0, guest: 0, asSubstitute: 0, rate: 0.5 },
      ],
      [
        "Gijs Gastman",
        { held: 0, present: 0, excused: 0, absent: 0, replaced: 0, guest: 1, asSubstitute: 0, rate: null },
      ],
      [
        "Piet Jansen",
        { held: 3, present: 2, excused: 0, absent: 0, replaced: 1, guest: 0, asSubstitute: 0, rate: 2 / 3 },
      ],
      [
        "Kees Smeets",
        { held: 0, present: 0, excused: 0, absent: 0, replaced: 0, guest: 0, asSubstitute: 1, rate: null },
      ],
    ]);
  });

  it("give one person the same figures as the list of everyone does, stand-ins and replacements included", async () => {
    await network();
    const everyone = await attendanceFigures(t.db, { groupBy: "person", ...YEAR_2025 });
    expect(everyone.some((row) => row.asSubstitute > 0) && everyone.some((row) => row.replaced > 0)).toBe(true);
    for (const row of everyone) {
      const alone = await attendanceFigures(t.db, { groupBy: "person", ...YEAR_2025, personId: row.groupId });
      expect(alone.map(countsOf), row.name).toEqual([countsOf(row)]);
    }
  });

  it("count both the first and the last day of the period", async () => {
    const n = await network();
    const rows = await attendanceFigures(t.db, {
      groupBy: "person",
      from: "2025-02-10",
      to: "2025-05-12",
      personId: n.anna.id,
    });
    expect(rows.map((row) => [row.name, row.held, row.present, row.excused, row.absent])).toEqual([
      ["Anna van den Berg", 3, 1, 1, 1],
    ]);
  });

  it("narrow to a body's level, one body, or the attendance on an organisation's behalf", async () => {
    const n = await network();
    const strategic = await attendanceFigures(t.db, { groupBy: "person", ...YEAR_2025, level: "strategisch" });
    expect(strategic.find((row) => row.groupId === n.anna.id)).toMatchObject({
      held: 2,
      present: 1,
      excused: 1,
      rate: 0.5,
    });
    const cmo = await attendanceFigures(t.db, { groupBy: "person", ...YEAR_2025, bodyId: n.cmo.id });
    expect(cmo.map((row) => [row.name, row.present, row.absent])).toEqual([
      ["Anna van den Berg", 0, 1],
      ["Piet Jansen", 1, 0],
    ]);
    const envida = await attendanceFigures(t.db, { groupBy: "person", ...YEAR_2025, organisationId: n.envida.id });
    expect(envida.map((row) => row.name)).toEqual(["Piet Jansen", "Kees Smeets"]);
  });
});

describe("attendance figures per organisation", () => {
  it("count an organisation represented when its person came or sent a substitute", async () => {
    await network();
    const rows = await attendanceFigures(t.db, { groupBy: "organisation", ...YEAR_2025 });
    expect(rows.map((row) => [row.name, countsOf(row)])).toEqual([
      ["Envida", { held: 3, present: 2, excused: 0, absent: 0, replaced: 1, guest: 0, asSubstitute: 0, rate: 1 }],
      [
        "Gemeente Heerlen",
        { held: 4, present: 2, excused: 1, absent: 1, replaced: 0, guest: 0, asSubstitute: 0, rate: 0.5 },
      ],
    ]);
  });
  it("count a meeting once, at the best status of its people there, and the meetings with a guest on its behalf", async () => {
    const n = await network();
    const gerda = await makePerson(t.db, { first_name: "Gerda", last_name: "Hermans" });
    // a second person for Heerlen, present at the CMO meeting Anna missed, and a guest on its behalf at the second
    await t.db
      .insertInto("attendance")
      .values({ meeting_id: n.second.id, person_id: gerda.id, status: "gast", organisation_id: n.heerlen.id })
      .execute();
    await t.db
      .insertInto("attendance")
      .values({ meeting_id: n.cmoMeeting.id, person_id: gerda.id, status: "aanwezig", organisation_id: n.heerlen.id })
      .execute();
    const rows = await attendanceFigures(t.db, { groupBy: "organisation", ...YEAR_2025, organisationId: n.heerlen.id });
    expect(rows.map((row) => [row.name, countsOf(row)])).toEqual([
      [
        "Gemeente Heerlen",
        { held: 4, present: 3, excused: 1, absent: 0, replaced: 0, guest: 1, asSubstitute: 0, rate: 0.75 },
      ],
    ]);
  });
});

describe("attendance figures per body", () => {
  it("count every held meeting, rate present members and average those at the table per meeting with a register", async () => {
    await network();
    const rows = await attendanceFigures(t.db, { groupBy: "body", ...YEAR_2025 });
    expect(
      rows.map((row) => ({
        name: row.name,
        held: row.held,
        registered: row.registered,
        expected: row.expected,
        present: row.present,
        replaced: row.replaced,
        guest: row.guest,
        rate: row.rate,
        average: row.averageAtTable,
      })),
    ).toEqual([
      {
        name: "Bestuurlijke Regiegroep",
        held: 3,
        registered: 2,
        expected: 4,
        present: 2,
        replaced: 1,
        guest: 1,
        rate: 0.5,
        average: 1.5,
      },
      {
        name: "Coördinatieoverleg",
        held: 1,
        registered: 1,
        expected: 2,
        present: 1,
        replaced: 0,
        guest: 0,
        rate: 0.5,
        average: 1,
      },
    ]);
  });
});

describe("the figures page and its download", () => {
  it("shows the figures grouped and ordered as the URL says", async () => {
    await network();
    const { cookie } = await signedIn(t.db, "lezer");
    const response = await call(
      t.db,
      figuresPage.loader,
      get("/vergaderingen/cijfers?groep=organisatie&van=2025-01-01&tot=2025-12-31&sortering=opkomst", cookie),
    );
    const data = (await response.json()) as { rows: { name: string; rate: number }[]; query: { grouping: string } };
    expect(data.query.grouping).toBe("organisation");
    expect(data.rows.map((row) => [row.name, row.rate])).toEqual([
      ["Envida", 1],
      ["Gemeente Heerlen", 0.5],
    ]);
  });

  it("shows nothing, and says why, when the period starts after it ends", async () => {
    await network();
    const { cookie } = await signedIn(t.db, "lezer");
    const response = await call(
      t.db,
      figuresPage.loader,
      get("/vergaderingen/cijfers?van=2025-12-31&tot=2025-01-01", cookie),
    );
    const data = (await response.json()) as { rows: unknown[]; query: { period: { reversed: boolean } } };
    expect(data.query.period.reversed).toBe(true);
    expect(data.rows).toEqual([]);
  });

  it("downloads as CSV the rows, headers and order the page shows", async () => {
    await network();
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const response = await call(
      t.db,
      figuresDownload.loader,
      get(
        "/vergaderingen/cijfers/download?groep=persoon&van=2025-01-01&tot=2025-12-31&sortering=opkomst&formaat=csv",
        cookie,
      ),
    );
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    // named after the region looked at, its code first (decision 044)
    expect(response.headers.get("Content-Disposition")).toContain(
      'filename="zl-aanwezigheid-per-persoon-1-januari-2025-tot-en-met-31-december-2025.csv"',
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "Persoon;Verwacht;Aanwezig;Afgemeld;Afwezig;Vervangen;Als gast;Als vervanger;Opkomst",
      "Piet Jansen;3;2;0;0;1;0;0;67%",
      "Anna van den Berg;4;2;1;1;0;0;0;50%",
      "Gijs Gastman;0;0;0;0;0;1;0;–",
      "Kees Smeets;0;0;0;0;0;0;1;–",
    ]);
  });

  it("shows 50 rows a page in the asked order, and downloads them all", async () => {
    const body = await makeBody(t.db, { name: "Groot Overleg", abbreviation: "GO" });
    const meeting = await makeMeeting(t.db, { body_id: body.id, date: "2025-03-01", status: "gehouden" });
    for (let i = 1; i <= 60; i++) {
      const person = await makePerson(t.db, { first_name: "Lid", last_name: `Nummer ${String(i).padStart(2, "0")}` });
      await makeAttendance(t.db, {
        meeting_id: meeting.id,
        person_id: person.id,
        status: i % 3 === 0 ? "afwezig" : "aanwezig",
        organisation_id: null,
      });
    }
    const { cookie } = await signedIn(t.db, "beheerder");
    type Page = {
      rows: { name: string }[];
      page: { page: number; pages: number; from: number; to: number; total: number };
    };
    const pageOf = async (query: string) =>
      (await (await call(t.db, figuresPage.loader, get(`/vergaderingen/cijfers?${query}`, cookie))).json()) as Page;

    const first = await pageOf("van=2025-01-01&tot=2025-12-31&sortering=opkomst&volgorde=oplopend");
    expect(first.page).toMatchObject({ page: 1, pages: 2, from: 1, to: 50, total: 60 });
    expect(first.rows).toHaveLength(50);
    // the 20 absent first (by name), then the present
    expect(first.rows.slice(0, 2).map((row) => row.name)).toEqual(["Lid Nummer 03", "Lid Nummer 06"]);
    const second = await pageOf("van=2025-01-01&tot=2025-12-31&sortering=opkomst&volgorde=oplopend&pagina=2");
    expect(second.page).toMatchObject({ page: 2, from: 51, to: 60 });
    expect(second.rows.map((row) => row.name).at(-1)).toBe("Lid Nummer 59");

    const csv = await call(
      t.db,
      figuresDownload.loader,
      get("/vergaderingen/cijfers/download?van=2025-01-01&tot=2025-12-31&pagina=2&formaat=csv", cookie),
    );
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(61);
  });

  it("narrows to a body or organisation typed by name, on the page and in its download", async () => {
    const n = await network();
    const { cookie } = await signedIn(t.db, "beheerder");
    const page = async (query: string) =>
      (
        await call(
          t.db,
          figuresPage.loader,
          get(`/vergaderingen/cijfers?van=2025-01-01&tot=2025-12-31&${query}`, cookie),
        )
      ).json();

    const byBody = await page("gremium_naam=brgzl");
    expect(byBody.body).toMatchObject({ state: "chosen", choice: { id: n.regiegroep.id, shortName: "BRGZL" } });
    expect(byBody.rows.map((row: { name: string }) => row.name)).toEqual([
      "Anna van den Berg",
      "Gijs Gastman",
      "Piet Jansen",
      "Kees Smeets",
    ]);
    const byOrganisation = await page("organisatie_naam=Envida");
    expect(byOrganisation.rows.map((row: { name: string }) => row.name)).toEqual(["Piet Jansen", "Kees Smeets"]);

    const unknown = await page("gremium_naam=Stuurgroep");
    expect(unknown.body).toEqual({ state: "unknown", text: "Stuurgroep" });
    expect(unknown.rows).toEqual([]);
    const csv = await call(
      t.db,
      figuresDownload.loader,
      get("/vergaderingen/cijfers/download?van=2025-01-01&tot=2025-12-31&organisatie_naam=Envida&formaat=csv", cookie),
    );
    expect(
      (await csv.text())
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(";")[0]),
    ).toEqual(["Piet Jansen", "Kees Smeets"]);
  });

  it("lets a lezer see the figures but not download them", async () => {
    await network();
    const { cookie } = await signedIn(t.db, "lezer");
    expect((await call(t.db, figuresPage.loader, get("/vergaderingen/cijfers", cookie))).status).toBe(200);
    expect(
      (await call(t.db, figuresDownload.loader, get("/vergaderingen/cijfers/download?formaat=csv", cookie))).status,
    ).toBe(403);
  });
});

describe("the year overview", () => {
  it("counts held, planned and cancelled meetings per body of that year, with its intended number", async () => {
    const n = await network();
    const overview = await yearOverview(t.db, 2025, "all");
    const byName = Object.fromEntries(
      overview.bodies.map((body) => [body.name, [body.held, body.planned, body.cancelled, body.meetingsPerYear]]),
    );
    expect(byName).toEqual({
      "Bestuurlijke Regiegroep": [3, 1, 1, 4],
      Coördinatieoverleg: [1, 0, 0, 20],
      "Klankbordgroep Wonen": [0, 0, 0, 6],
    });
    expect(overview.bodies.find((body) => body.id === n.cmo.id)?.subregions.map((subregion) => subregion.name)).toEqual(
      ["Parkstad"],
    );
    expect(overview.events.map((event) => [event.kind, event.held, event.planned])).toEqual([
      ["brede_netwerkbijeenkomst", 0, 1],
      ["heisessie", 1, 0],
      ["leerbijeenkomst", 0, 0],
      ["themasessie", 0, 0],
    ]);
    expect(reportLine(overview.bodies)).toBe("3× BRGZL, 1× CMO");
  });

  it("counts only the meetings dated in the year asked", async () => {
    await network();
    const overview = await yearOverview(t.db, 2026, "all");
    expect(overview.bodies.map((body) => [body.name, body.held])).toEqual([
      ["Bestuurlijke Regiegroep", 1],
      ["Coördinatieoverleg", 0],
      ["Klankbordgroep Wonen", 0],
    ]);
  });

  it("shows the year asked with its report line, offering the years that have meetings", async () => {
    await network();
    const { cookie } = await signedIn(t.db, "lezer");
    const response = await call(t.db, yearPage.loader, get("/vergaderingen/jaaroverzicht?jaar=2025", cookie));
    const data = (await response.json()) as { year: number; years: number[]; line: string };
    expect(data.year).toBe(2025);
    expect(data.years).toEqual(expect.arrayContaining([2026, 2025, 2024]));
    expect(data.line).toBe("3× BRGZL, 1× CMO");
  });

  it("shows totals per level and subregion, and the bodies a page at a time, narrowed by level or subregion", async () => {
    const n = await network();
    for (let i = 1; i <= 55; i++)
      await makeBody(t.db, {
        name: `Werkgroep ${String(i).padStart(2, "0")}`,
        level: "operationeel",
        meetings_per_year: 2,
      });
    const { cookie } = await signedIn(t.db, "lezer");
    type Summary = { key: string; bodies: number; totals: { held: number; meetingsPerYear: number } };
    type Data = {
      byLevel: Summary[];
      bySubregion: Summary[];
      bodies: { name: string }[];
      page: { total: number; from: number; to: number };
    };
    const pageOf = async (query: string) =>
      (await (
        await call(t.db, yearPage.loader, get(`/vergaderingen/jaaroverzicht?jaar=2025&${query}`, cookie))
      ).json()) as Data;

    const all = await pageOf("");
    expect(
      all.byLevel.map((group) => [group.key, group.bodies, group.totals.held, group.totals.meetingsPerYear]),
    ).toEqual([
      ["strategisch", 1, 3, 4],
      ["tactisch", 1, 1, 20],
      ["operationeel", 56, 0, 116],
    ]);
    expect(all.bySubregion.map((group) => [group.key, group.bodies])).toEqual([
      [`regio-${await defaultRegionId(t.db)}`, 57],
      [String(n.parkstad.id), 1],
    ]);
    expect(all.page).toMatchObject({ total: 58, from: 1, to: 50 });
    expect(all.bodies.slice(0, 2).map((body) => body.name)).toEqual(["Bestuurlijke Regiegroep", "Coördinatieoverleg"]);
    expect((await pageOf("pagina=2")).bodies).toHaveLength(8);
    expect((await pageOf("niveau=tactisch")).bodies.map((body) => body.name)).toEqual(["Coördinatieoverleg"]);
    expect((await pageOf(`subregio=${n.parkstad.id}`)).bodies.map((body) => body.name)).toEqual(["Coördinatieoverleg"]);
    expect(
      (await pageOf(`subregio=regio-${await defaultRegionId(t.db)}&niveau=strategisch`)).bodies.map(
        (body) => body.name,
      ),
    ).toEqual(["Bestuurlijke Regiegroep"]);
  });

  it("downloads as CSV the tables of the page, by level, by subregion and the events", async () => {
    await network();
    const { cookie } = await signedIn(t.db, "redacteur");
    const response = await call(
      t.db,
      yearDownload.loader,
      get("/vergaderingen/jaaroverzicht/download?jaar=2025&formaat=csv", cookie),
    );
    // named after the region looked at, its code first (decision 044)
    expect(response.headers.get("Content-Disposition")).toContain('filename="zl-vergaderingen-2025.csv"');
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "Indeling;Groep;Gremium / Soort bijeenkomst;Gehouden;Nog gepland;Geannuleerd;Voornemen per jaar",
      "Niveau;Strategisch;Bestuurlijke Regiegroep (BRGZL);3;1;1;4",
      "Niveau;Strategisch;Totaal;3;1;1;4",
      "Niveau;Tactisch;Coördinatieoverleg (CMO);1;0;0;20",
      "Niveau;Tactisch;Totaal;1;0;0;20",
      "Niveau;Operationeel;Klankbordgroep Wonen;0;0;0;6",
      "Niveau;Operationeel;Totaal;0;0;0;6",
      "Subregio;regio Zuid-Limburg;Bestuurlijke Regiegroep (BRGZL);3;1;1;4",
      "Subregio;regio Zuid-Limburg;Klankbordgroep Wonen;0;0;0;6",
      "Subregio;regio Zuid-Limburg;Totaal;3;1;1;10",
      "Subregio;Parkstad;Coördinatieoverleg (CMO);1;0;0;20",
      "Subregio;Parkstad;Totaal;1;0;0;20",
      "Netwerkbijeenkomsten;;Brede netwerkbijeenkomst;0;1;0;",
      "Netwerkbijeenkomsten;;Heisessie;1;0;0;",
      "Netwerkbijeenkomsten;;Leerbijeenkomst;0;0;0;",
      "Netwerkbijeenkomsten;;Themasessie;0;0;0;",
      "Netwerkbijeenkomsten;;Totaal;1;1;0;",
    ]);
  });

  it("is not downloadable for a lezer", async () => {
    await network();
    const { cookie } = await signedIn(t.db, "lezer");
    const response = await call(
      t.db,
      yearDownload.loader,
      get("/vergaderingen/jaaroverzicht/download?jaar=2025&formaat=xlsx", cookie),
    );
    expect(response.status).toBe(403);
  });
});

describe("recent attendance", () => {
  it("lists a person's last held meetings newest first, including those they stood in at", async () => {
    const n = await network();
    const anna = await recentAttendance(t.db, { personId: n.anna.id }, 10);
    expect(anna.map((line) => [line.date, line.bodyName ?? line.title, line.status])).toEqual([
      ["2026-01-05", "Bestuurlijke Regiegroep", "aanwezig"],
      ["2025-06-01", "Heisessie", "aanwezig"],
      ["2025-05-12", "Bestuurlijke Regiegroep", "afgemeld"],
      ["2025-03-01", "Coördinatieoverleg", "afwezig"],
      ["2025-02-10", "Bestuurlijke Regiegroep", "aanwezig"],
      ["2024-12-09", "Bestuurlijke Regiegroep", "afwezig"],
    ]);
    expect(await recentAttendance(t.db, { personId: n.anna.id }, 2)).toHaveLength(2);
    const kees = await recentAttendance(t.db, { personId: n.kees.id }, 10);
    expect(kees.map((line) => [line.date, line.personName, line.status, line.substituteName])).toEqual([
      ["2025-02-10", "Piet Jansen", "vervangen", "Kees Smeets"],
    ]);
  });

  it("shows on the person page the recent meetings and the rate over the last twelve months", async () => {
    const body = await makeBody(t.db, { name: "Regiegroep" });
    const person = await makePerson(t.db, { first_name: "Anna", last_name: "Berg" });
    const today = todayInAmsterdam();
    const recent = await makeMeeting(t.db, { body_id: body.id, date: addDays(today, -30) });
    const older = await makeMeeting(t.db, { body_id: body.id, date: addDays(today, -60) });
    const longAgo = await makeMeeting(t.db, { body_id: body.id, date: addDays(today, -400) });
    await makeAttendance(t.db, { meeting_id: recent.id, person_id: person.id, status: "aanwezig" });
    await makeAttendance(t.db, { meeting_id: older.id, person_id: person.id, status: "afgemeld" });
    await makeAttendance(t.db, { meeting_id: longAgo.id, person_id: person.id, status: "afwezig" });
    const { cookie } = await signedIn(t.db, "lezer");
    const response = await call(t.db, personPage.loader, get(`/personen/${person.id}`, cookie), {
      personId: String(person.id),
    });
    const data = (await response.json()) as {
      recent: { meetingId: number }[];
      lastYear: { from: string; to: string; row: { held: number; present: number; rate: number } };
    };
    expect(data.recent.map((line) => line.meetingId)).toEqual([recent.id, older.id, longAgo.id]);
    expect(data.lastYear.to).toBe(today);
    expect(data.lastYear.row).toMatchObject({ held: 2, present: 1, rate: 0.5 });
  });

  it("shows on the organisation page everyone's attendance on its behalf and whether it was represented", async () => {
    const organisation = await makeOrganisation(t.db, { name: "Envida" });
    const body = await makeBody(t.db, {});
    const member = await makePerson(t.db, {});
    const substitute = await makePerson(t.db, {});
    const meeting = await makeMeeting(t.db, { body_id: body.id, date: addDays(todayInAmsterdam(), -10) });
    await makeAttendance(t.db, {
      meeting_id: meeting.id,
      person_id: member.id,
      status: "vervangen",
      substitute_person_id: substitute.id,
      organisation_id: organisation.id,
    });
    const { cookie } = await signedIn(t.db, "lezer");
    const response = await call(t.db, organisationPage.loader, get(`/organisaties/${organisation.id}`, cookie), {
      organisationId: String(organisation.id),
    });
    const data = (await response.json()) as {
      recent: { personId: number; status: string; substituteId: number }[];
      lastYear: { row: { held: number; replaced: number; rate: number } };
    };
    expect(data.recent).toEqual([
      expect.objectContaining({ personId: member.id, status: "vervangen", substituteId: substitute.id }),
    ]);
    expect(data.lastYear.row).toMatchObject({ held: 1, replaced: 1, rate: 1 });
  });
});
