import Graph from "graphology";
import { parse as parseGraphml } from "graphology-graphml";
import { parse as parseCsv } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IsoDate } from "../../db/schema";
import { compactNetworkOf, networkOf } from "../../app/models/network.server";
import { networkPage } from "../../app/services/network/page.server";
import { type NetworkQuery, networkQueryFrom } from "../../app/services/network/query";
import { pseudonymFor } from "../../app/services/panel-export-formats";
import * as downloadRoute from "../../app/routes/netwerk.download";
import * as pageRoute from "../../app/routes/netwerk._index";
import * as exportRoute from "../../app/routes/onderzoek.$waveId_.export.$kind";
import {
  createTestDatabase,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeSector,
  type TestDatabase,
  testContext,
} from "../support/db";
import { makeAttendance, makeMeeting } from "../support/meetings";
import { makeSubregion } from "../support/organisations";
import { frozenWave, panelRegister } from "../support/panels";
import { makeTheme } from "../support/themes";
import { makeAffiliation } from "../support/people";
import { call, get, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const DAY: IsoDate = "2025-10-01";
const query = (params: Record<string, string> = {}): NetworkQuery =>
  networkQueryFrom(new URLSearchParams({ datum: DAY, ...params }), DAY);

/** The network's ties as "label–label:weight", sorted, so a wrong end or weight shows in the diff. */
async function tiesOf(params: Record<string, string> = {}) {
  const graph = await networkOf(t.db, query(params), "all");
  const ties = graph.mapEdges((_edge, { weight }, a, b) => {
    const [x, y] = [graph.getNodeAttribute(a, "label"), graph.getNodeAttribute(b, "label")].sort();
    return `${x}–${y}:${weight}`;
  });
  return { nodes: graph.mapNodes((_node, node) => node.label).sort(), ties: ties.sort() };
}

/**
 * Four organisations in two subregions and three sectors, a strategic regiegroep on a theme, a
 * tactical werkgroep, a plenary network meeting and an archived body. On 1-10-2025 GGD and Welzijn
 * share both bodies, Zorggroep only the werkgroep; Regiobreed sits only in the plenary and the archive.
 */
async function register() {
  const parkstad = await makeSubregion(t.db, { name: "Parkstad" });
  const westelijk = await makeSubregion(t.db, { name: "Westelijke Mijnstreek", region_id: parkstad.region_id });
  const sector = async (code: string, name: string) => (await makeSector(t.db, { code, name_nl: name })).id;
  const [ggdSector, welzijnSector, zorgSector] = [
    await sector("ggd", "GGD"),
    await sector("welzijn", "Welzijn"),
    await sector("zorg", "Zorg"),
  ];
  const organisation = async (name: string, sectorId: number, subregionId: number | null) => {
    const made = await makeOrganisation(t.db, { name, sector_id: sectorId });
    if (subregionId !== null) {
      await t.db
        .insertInto("organisation_subregions")
        .values({ organisation_id: made.id, subregion_id: subregionId })
        .execute();
    }
    return made;
  };
  const ggd = await organisation("GGD", ggdSector, parkstad.id);
  const welzijn = await organisation("Welzijn", welzijnSector, westelijk.id);
  const zorg = await organisation("Zorggroep", zorgSector, parkstad.id);
  const regio = await organisation("Regiobreed", welzijnSector, null);
  const theme = await makeTheme(t.db, { name: "Gezond opgroeien" });
  const brg = await makeBody(t.db, {
    name: "Regiegroep",
    kind: "regiegroep",
    level: "strategisch",
    theme_id: theme.id,
  });
  const werkgroep = await makeBody(t.db, { name: "Werkgroep", kind: "werkgroep", level: "tactisch" });
  const plenary = await makeBody(t.db, { name: "Netwerkdag", kind: "netwerkbijeenkomst", level: "operationeel" });
  const archived = await makeBody(t.db, { name: "Oud overleg", archived_at: "2025-01-01T00:00:00.000Z" });

  const person = (last_name: string) =>
    makePerson(t.db, { first_name: "Test", last_name, email: `${last_name}@example.org` });
  const [anna, bert, carla, dirk, erik] = [
    await person("Annema"),
    await person("Bertens"),
    await person("Claessens"),
    await person("Dirksen"),
    await person("Eriksen"),
  ];
  // Anna sits in the werkgroep on behalf of nobody: her job at the GGD is what she stands for there
  await makeAffiliation(t.db, { person_id: anna.id, organisation_id: ggd.id, start_date: "2020-01-01" });
  const seat = (body: { id: number }, who: { id: number }, organisationId: number | null) =>
    makeSeat(t.db, { body_id: body.id, person_id: who.id, organisation_id: organisationId, start_date: "2024-01-01" });
  await seat(brg, anna, ggd.id);
  await seat(brg, bert, welzijn.id);
  await makeSeat(t.db, { body_id: brg.id, person_id: null, start_date: "2024-01-01" });
  const carlaSeat = await seat(werkgroep, carla, zorg.id);
  const dirkSeat = await seat(werkgroep, dirk, welzijn.id);
  const annaSeat = await seat(werkgroep, anna, null);
  await seat(plenary, erik, regio.id);
  await seat(plenary, anna, ggd.id);
  await seat(archived, erik, regio.id);
  await seat(archived, carla, zorg.id);
  return {
    parkstad,
    westelijk,
    sectors: { ggd: ggdSector, welzijn: welzijnSector },
    organisations: { ggd, welzijn, zorg, regio },
    theme,
    bodies: { brg, werkgroep, plenary },
    people: { anna, bert, carla, dirk, erik },
    seats: { carla: carlaSeat, dirk: dirkSeat, anna: annaSeat },
  };
}

describe("the organisation network on a day", () => {
  it("ties organisations by the bodies they share, leaving out plenary meetings, archived bodies and vacancies", async () => {
    await register();
    expect(await tiesOf()).toEqual({
      nodes: ["GGD", "Welzijn", "Zorggroep"],
      ties: ["GGD–Welzijn:2", "GGD–Zorggroep:1", "Welzijn–Zorggroep:1"],
    });
  });

  it("narrows by level, body kind, theme, subregion and sector", async () => {
    const r = await register();
    expect(await tiesOf({ niveau: "strategisch" })).toEqual({ nodes: ["GGD", "Welzijn"], ties: ["GGD–Welzijn:1"] });
    expect(await tiesOf({ thema: String(r.theme.id) })).toEqual({ nodes: ["GGD", "Welzijn"], ties: ["GGD–Welzijn:1"] });
    expect(await tiesOf({ gremiumsoort: "netwerkbijeenkomst" })).toEqual({
      nodes: ["GGD", "Regiobreed"],
      ties: ["GGD–Regiobreed:1"],
    });
    expect(await tiesOf({ subregio: String(r.parkstad.id) })).toEqual({
      nodes: ["GGD", "Zorggroep"],
      ties: ["GGD–Zorggroep:1"],
    });
    expect(await tiesOf({ sector: String(r.sectors.ggd) })).toEqual({ nodes: ["GGD"], ties: [] });
  });

  it("measures the cross-sector share overall and within each subregion", async () => {
    await register();
    const view = await networkPage(t.db, "all", new URLSearchParams({ datum: DAY }), DAY);
    expect(view.empty).toBeNull();
    expect(view.measures).toMatchObject({
      nodes: 3,
      ties: 3,
      density: 1,
      components: 1,
      crossSector: { ties: 3, crossing: 3, share: 1 },
      perSubregion: [{ subregion: "Parkstad", ties: 1, crossing: 1, share: 1 }],
      betweennessSources: { exact: true, sources: 3 },
    });
  });

  it("counts a seat from its first day up to and including its last day", async () => {
    const sector = await makeSector(t.db);
    const first = await makeOrganisation(t.db, { name: "Eerste", sector_id: sector.id });
    const second = await makeOrganisation(t.db, { name: "Tweede", sector_id: sector.id });
    const body = await makeBody(t.db);
    await makeSeat(t.db, { body_id: body.id, organisation_id: first.id, start_date: "2024-01-01" });
    await makeSeat(t.db, {
      body_id: body.id,
      organisation_id: second.id,
      start_date: "2025-03-01",
      end_date: "2025-03-31",
    });
    const on = async (datum: string) => {
      const graph = await networkOf(t.db, networkQueryFrom(new URLSearchParams({ datum }), datum), "all");
      return [graph.order, graph.size];
    };
    expect(await on("2025-02-28")).toEqual([1, 0]);
    expect(await on("2025-03-01")).toEqual([2, 1]);
    expect(await on("2025-03-31")).toEqual([2, 1]);
    expect(await on("2025-04-01")).toEqual([1, 0]);
  });

  it("names the bridging organisation and the untied pair it connects", async () => {
    const r = await register();
    // Regiobreed (region-wide) now sits with Zorggroep (Parkstad) and with Welzijn (Westelijke Mijnstreek) apart
    const withZorg = await makeBody(t.db, { name: "Overleg zorg" });
    const withWelzijn = await makeBody(t.db, { name: "Overleg welzijn" });
    await makeSeat(t.db, {
      body_id: withZorg.id,
      person_id: r.people.erik.id,
      organisation_id: r.organisations.regio.id,
    });
    await makeSeat(t.db, {
      body_id: withZorg.id,
      person_id: r.people.carla.id,
      organisation_id: r.organisations.zorg.id,
    });
    await makeSeat(t.db, { body_id: withWelzijn.id, organisation_id: r.organisations.regio.id });
    await makeSeat(t.db, { body_id: withWelzijn.id, organisation_id: r.organisations.welzijn.id });
    // Zorggroep and Welzijn leave the werkgroep, so only Regiobreed and the GGD join them
    await t.db
      .updateTable("seats")
      .set({ end_date: "2025-06-30" })
      .where("id", "in", [r.seats.carla.id, r.seats.dirk.id])
      .execute();
    const view = await networkPage(t.db, "all", new URLSearchParams({ datum: DAY }), DAY);
    // the path runs GGD – Welzijn – Regiobreed – Zorggroep; Welzijn lies between too, but a region-wide
    // organisation lends it no second subregion
    expect(view.bridges.map((bridge) => bridge.label)).toEqual(["Regiobreed"]);
    expect(view.bridges[0]!.connects.map((end) => `${end.label} (${end.subregion})`).sort()).toEqual([
      "Welzijn (Westelijke Mijnstreek)",
      "Zorggroep (Parkstad)",
    ]);
  });
});

describe("the network weighted by meetings attended together", () => {
  it("counts held meetings in the period, substitutes for their member's organisation, never cancelled ones", async () => {
    const r = await register();
    const meeting = (date: string, status: "gehouden" | "geannuleerd" = "gehouden") =>
      makeMeeting(t.db, { body_id: r.bodies.werkgroep.id, date, status });
    const present = async (
      at: { id: number },
      seat: { id: number; person_id: number | null; organisation_id: number | null },
      status: "aanwezig" | "afwezig" | "vervangen",
      substitute: number | null = null,
    ) =>
      makeAttendance(t.db, {
        meeting_id: at.id,
        person_id: seat.person_id!,
        seat_id: seat.id,
        status,
        substitute_person_id: substitute,
        organisation_id: seat.organisation_id ?? (seat.id === r.seats.anna.id ? r.organisations.ggd.id : null),
        note: null,
      });
    const march = await meeting("2025-03-01");
    await present(march, r.seats.carla, "aanwezig");
    await present(march, r.seats.dirk, "aanwezig");
    await present(march, r.seats.anna, "afwezig");
    const may = await meeting("2025-05-01");
    const substitute = await makePerson(t.db, { last_name: "Invaller" });
    await present(may, r.seats.carla, "aanwezig");
    await present(may, r.seats.dirk, "vervangen", substitute.id);
    await present(may, r.seats.anna, "aanwezig");
    const cancelled = await meeting("2025-06-01", "geannuleerd");
    await present(cancelled, r.seats.carla, "aanwezig");
    await present(cancelled, r.seats.anna, "aanwezig");
    const lastYear = await meeting("2024-09-01");
    await present(lastYear, r.seats.carla, "aanwezig");
    await present(lastYear, r.seats.anna, "aanwezig");

    // without a period: the year up to the day, so September 2024 is out
    expect((await tiesOf({ gewicht: "vergaderingen" })).ties).toEqual([
      "GGD–Welzijn:1",
      "GGD–Zorggroep:1",
      "Welzijn–Zorggroep:2",
    ]);
    expect((await tiesOf({ gewicht: "vergaderingen", van: "2024-08-01", tot: "2025-04-30" })).ties).toEqual([
      "GGD–Zorggroep:1",
      "Welzijn–Zorggroep:1",
    ]);
    // the substitute stands in the person networks, the member who sent them does not
    const people = await networkOf(t.db, query({ gewicht: "vergaderingen", soort: "personen-gremia" }), "all");
    expect(people.hasNode(`p${substitute.id}`)).toBe(true);
    expect(people.getEdgeAttribute(`p${r.people.dirk.id}`, `b${r.bodies.werkgroep.id}`, "weight")).toBe(1);

    const none = await networkPage(
      t.db,
      "all",
      new URLSearchParams({ datum: DAY, gewicht: "vergaderingen", van: "2023-01-01", tot: "2023-12-31" }),
      DAY,
    );
    expect(none.empty).toBe("noAttendance");
  });
});

describe("the person and body networks", () => {
  it("ties people to their bodies and bodies to each other by shared people", async () => {
    await register();
    const twoMode = await compactNetworkOf(t.db, query({ soort: "personen-gremia" }), "all");
    expect(
      twoMode.nodes
        .filter((node) => node.kind === "person")
        .map((node) => node.label)
        .sort(),
    ).toEqual(["Test Annema", "Test Bertens", "Test Claessens", "Test Dirksen"]);
    expect(twoMode.ties).toBe(5);
    expect(await tiesOf({ soort: "gremia" })).toEqual({
      nodes: ["Regiegroep", "Werkgroep"],
      ties: ["Regiegroep–Werkgroep:1"],
    });
  });
});

describe("the page says why a network is empty", () => {
  it("no seats on the day, and filters that leave no ties", async () => {
    const r = await register();
    const page = (params: Record<string, string>) => networkPage(t.db, "all", new URLSearchParams(params), DAY);
    const before = await page({ datum: "2023-06-01" });
    expect([before.empty, before.measures.nodes]).toEqual(["noSeats", 0]);
    const oneSector = await page({ datum: DAY, sector: String(r.sectors.welzijn) });
    expect([oneSector.empty, oneSector.measures.nodes, oneSector.measures.ties]).toEqual(["noTies", 1, 0]);
  });
});

describe("the network routes", () => {
  it("shows the page's figures and gives a GraphML file with as many nodes and ties", async () => {
    await register();
    const { cookie } = await signedIn(t.db, "redacteur");
    const search = `soort=organisaties&datum=${DAY}&vergelijk=2023-06-01`;
    const page = await call(t.db, pageRoute.loader, get(`/netwerk?${search}`, cookie));
    expect(page.status).toBe(200);
    const data = (await page.json()) as Awaited<ReturnType<typeof networkPage>> & { canExport: boolean };
    expect([data.measures.nodes, data.measures.ties, data.canExport]).toEqual([3, 3, true]);
    expect(data.comparison).toMatchObject({ thenOn: "2023-06-01", gainedCount: 3, lostCount: 0 });

    const graphml = await call(t.db, downloadRoute.loader, get(`/netwerk/download?${search}&bestand=graphml`, cookie));
    expect(graphml.headers.get("Content-Type")).toMatch(/^application\/graphml\+xml/);
    const read = parseGraphml(Graph, await graphml.text());
    expect([read.order, read.size]).toEqual([data.measures.nodes, data.measures.ties]);

    const edges = await call(t.db, downloadRoute.loader, get(`/netwerk/download?${search}&bestand=banden`, cookie));
    const rows = parseCsv((await edges.text()).replace(/^\uFEFF/, ""), { columns: true, delimiter: [";", ","] });
    expect(rows).toHaveLength(3);
  });

  it("refuses a reader the downloads and an unknown file", async () => {
    await register();
    const reader = await signedIn(t.db, "lezer");
    const refused = await call(t.db, downloadRoute.loader, get("/netwerk/download?bestand=graphml", reader.cookie));
    expect(refused.status).toBe(403);
    const page = await call(t.db, pageRoute.loader, get("/netwerk", reader.cookie));
    expect(((await page.json()) as { canExport: boolean }).canExport).toBe(false);
    const editor = await signedIn(t.db, "redacteur");
    const unknown = await call(t.db, downloadRoute.loader, get("/netwerk/download?bestand=pajek", editor.cookie));
    expect(unknown.status).toBe(404);
  });
});

describe("the wave's network export", () => {
  it("gives each surveyed member's measures by pseudonym, without names or addresses", async () => {
    const r = await panelRegister(t.db);
    const ggdMember = await r.member("Jansen", { level: "strategisch", organisation: "ggd" });
    const welzijnMember = await r.member("Peeters", { level: "strategisch", organisation: "welzijn" });
    await r.member("Smeets", { level: "tactisch", organisation: "welzijn" });
    const researcher = await signedIn(t.db, "onderzoeker");
    const wave = await frozenWave(t.db, researcher.user, "Meting 2025", DAY);
    const response = await call(
      t.db,
      exportRoute.loader,
      get(`/onderzoek/${wave.id}/export/netwerk-pseudoniem`, researcher.cookie),
      { waveId: String(wave.id), kind: "netwerk-pseudoniem" },
    );
    expect(response.status).toBe(200);
    const text = (await response.text()).replace(/^\uFEFF/, "");
    for (const personal of ["Jansen", "Peeters", "Smeets", "@example.org", "Test"])
      expect(text).not.toContain(personal);
    const rows = parseCsv<Record<string, string>>(text, { columns: true, delimiter: [";", ","] });
    expect(rows).toHaveLength(3);
    const secret = testContext(t.db).pseudonymSecret;
    const header = Object.keys(rows[0]!);
    expect(header).toHaveLength(8);
    const pseudonymColumn = header[0]!;
    const byPseudonym = new Map(rows.map((row) => [row[pseudonymColumn], Object.values(row)]));
    // the GGD member: one body, two people → person degree 1; the GGD is tied to Welzijn only
    expect(byPseudonym.get(pseudonymFor(secret, ggdMember.id))?.slice(1)).toEqual([
      String(r.ggd.id),
      "1",
      "1",
      "0",
      "1",
      "1",
      "0",
    ]);
    expect(byPseudonym.get(pseudonymFor(secret, welzijnMember.id))?.[5]).toBe("1");
  });

  it("is refused to an editor, whose role does not run research", async () => {
    const r = await panelRegister(t.db);
    await r.member("Jansen", { level: "strategisch", organisation: "ggd" });
    const researcher = await signedIn(t.db, "onderzoeker");
    const wave = await frozenWave(t.db, researcher.user, "Meting 2025", DAY);
    const editor = await signedIn(t.db, "redacteur");
    const response = await call(
      t.db,
      exportRoute.loader,
      get(`/onderzoek/${wave.id}/export/netwerk-pseudoniem`, editor.cookie),
      { waveId: String(wave.id), kind: "netwerk-pseudoniem" },
    );
    expect(response.status).toBe(403);
  });
});
