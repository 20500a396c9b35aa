import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as figuresRoute from "../../app/routes/vergaderingen.cijfers";
import * as figuresDownload from "../../app/routes/vergaderingen.cijfers_.download";
import * as yearRoute from "../../app/routes/vergaderingen.jaaroverzicht";
import * as yearDownload from "../../app/routes/vergaderingen.jaaroverzicht_.download";
import * as matrixRoute from "../../app/routes/overzichten.matrix";
import * as matrixDownload from "../../app/routes/overzichten.matrix_.download";
import * as organisationRoute from "../../app/routes/overzichten.organisaties.$organisationId";
import * as organisationDownload from "../../app/routes/overzichten.organisaties.$organisationId_.download";
import * as savedSearchesRoute from "../../app/routes/personen.zoekopdrachten";
import * as compareRoute from "../../app/routes/onderzoek.vergelijken";
import * as networkRoute from "../../app/routes/netwerk._index";
import * as networkDownload from "../../app/routes/netwerk.download";
import { createWave } from "../../app/models/survey-waves.server";
import { chooseSessionRegion } from "../../app/models/region-choice.server";
import { saveSearch } from "../../app/models/saved-searches.server";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeBody,
  makeOrganisation,
  makeSeat,
  makeSector,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
} from "../support/db";
import { makeMeeting } from "../support/meetings";
import { makeSubregion } from "../support/organisations";
import { call, get, type Handler } from "../support/routes";

/**
 * Decision 044, the overviews: each shows and downloads the region looked at only, named in its
 * title and file name; the cross-region view sets the regions side by side.
 */

interface Region {
  id: number;
  name: string;
  code: string;
  bodyId: number;
  bodyName: string;
}

let t: TestDatabase;
let zuid: Region;
let noord: Region;
let organisationId: number;
let constituencySectorId: number;

/** A body meeting 6 times a year, with `held` held and `cancelled` cancelled meetings in 2025 and a seat of the shared organisation. */
async function regionWithMeetings(id: number, name: string, code: string, held: number, cancelled: number) {
  const subregion = await makeSubregion(t.db, { region_id: id, name: `Kern ${name}` });
  const bodyName = `Stuurgroep ${name}`;
  const body = await makeBody(t.db, {
    region_id: id,
    name: bodyName,
    meetings_per_year: 6,
    subregion_ids: [subregion.id],
  });
  for (let i = 0; i < held; i++)
    await makeMeeting(t.db, { region_id: id, body_id: body.id, date: `2025-0${i + 1}-10`, status: "gehouden" });
  for (let i = 0; i < cancelled; i++)
    await makeMeeting(t.db, { region_id: id, body_id: body.id, date: `2025-1${i}-10`, status: "geannuleerd" });
  await makeSeat(t.db, { body_id: body.id, organisation_id: organisationId, start_date: "2024-01-01" });
  return { id, name, code, bodyId: body.id, bodyName, subregionId: subregion.id };
}

beforeEach(async () => {
  t = await createTestDatabase();
  organisationId = (await makeOrganisation(t.db, { name: "Zorggroep Limburg" })).id;
  constituencySectorId = (await makeSector(t.db, { name_nl: "Welzijn", name_en: "Welfare" })).id;
  const zuidId = await defaultRegionId(t.db);
  const zuidCode = (await t.db.selectFrom("regions").select("code").where("id", "=", zuidId).executeTakeFirstOrThrow())
    .code;
  const noordId = (
    await t.db
      .insertInto("regions")
      .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  zuid = await regionWithMeetings(zuidId, "Zuid-Limburg", zuidCode, 2, 0);
  const noordWithSubregion = await regionWithMeetings(
    noordId,
    "Noord- en Midden-Limburg",
    "noord-midden-limburg",
    3,
    1,
  );
  noord = noordWithSubregion;
  // Noord- en Midden-Limburg's stuurgroep seats an achterban: the welfare sector of its subregion
  await makeSeat(t.db, {
    body_id: noord.bodyId,
    organisation_id: null,
    constituency_sector_id: constituencySectorId,
    constituency_subregion_id: noordWithSubregion.subregionId,
    start_date: "2024-01-01",
  });
});
afterEach(async () => {
  await t.cleanup();
});

type Looking = "zuid" | "noord" | "all";

async function cookieOf(roles: { network?: UserRole; zuid?: UserRole; noord?: UserRole }, looking: Looking) {
  const regionRoles: Record<number, UserRole> = {};
  if (roles.zuid) regionRoles[zuid.id] = roles.zuid;
  if (roles.noord) regionRoles[noord.id] = roles.noord;
  const { user } = await makeUser(t.db, { role: roles.network, regionRoles });
  const cookie = await sessionCookieFor(t.db, user.id);
  const session = await t.db
    .selectFrom("sessions")
    .select("id")
    .where("user_id", "=", user.id)
    .executeTakeFirstOrThrow();
  await chooseSessionRegion(t.db, session.id, looking === "all" ? "all" : looking === "zuid" ? zuid.id : noord.id);
  return cookie;
}

async function loaded<T>(loader: Handler, path: string, cookie: string, params: Record<string, string> = {}) {
  const response = await call(t.db, loader, get(path, cookie), params);
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

async function downloaded(loader: Handler, path: string, cookie: string, params: Record<string, string> = {}) {
  const response = await call(t.db, loader, get(path, cookie), params);
  expect(response.status, `GET ${path}`).toBe(200);
  // the exact title is the filename*, percent-encoded
  return {
    disposition: decodeURIComponent(response.headers.get("Content-Disposition") ?? ""),
    text: await response.text(),
  };
}

const lookers = () =>
  [
    ["zuid", zuid, noord],
    ["noord", noord, zuid],
  ] as const;

interface YearData {
  bodies: { id: number; regionName: string }[];
  byRegion: { regionName: string; bodies: number; totals: Record<string, number> }[];
  region: { name: string } | "all";
}

describe("the year overview", () => {
  it("shows and downloads only the region looked at, named in the file", async () => {
    for (const [looking, region, other] of lookers()) {
      const cookie = await cookieOf({ network: "onderzoeker" }, looking);
      const data = await loaded<YearData>(yearRoute.loader, "/vergaderingen/jaaroverzicht?jaar=2025", cookie);
      expect(data.bodies.map((body) => body.id)).toEqual([region.bodyId]);
      expect(data.byRegion).toEqual([]);
      expect(data.region).toMatchObject({ name: region.name });
      const file = await downloaded(
        yearDownload.loader,
        "/vergaderingen/jaaroverzicht/download?jaar=2025&formaat=csv",
        cookie,
      );
      expect(file.disposition).toContain(`filename="${region.code}-vergaderingen-2025.csv"`);
      expect(file.disposition).toContain(`Vergaderingen 2025 — regio ${region.name}.csv`);
      expect(file.text).toContain(region.bodyName);
      expect(file.text).not.toContain(other.bodyName);
    }
  });

  it("sets the regions side by side in the cross-region view, page and download", async () => {
    const cookie = await cookieOf({ network: "onderzoeker" }, "all");
    const data = await loaded<YearData>(yearRoute.loader, "/vergaderingen/jaaroverzicht?jaar=2025", cookie);
    expect(data.region).toBe("all");
    expect(data.bodies.map((body) => [body.id, body.regionName]).sort()).toEqual(
      [
        [zuid.bodyId, zuid.name],
        [noord.bodyId, noord.name],
      ].sort(),
    );
    expect(data.byRegion.map(({ regionName, bodies, totals }) => [regionName, bodies, totals])).toEqual([
      [noord.name, 1, { held: 3, planned: 0, cancelled: 1, meetingsPerYear: 6, meetingsPerYearMax: 6 }],
      [zuid.name, 1, { held: 2, planned: 0, cancelled: 0, meetingsPerYear: 6, meetingsPerYearMax: 6 }],
    ]);
    const narrowed = await loaded<YearData>(
      yearRoute.loader,
      `/vergaderingen/jaaroverzicht?jaar=2025&regio=${noord.id}`,
      cookie,
    );
    expect(narrowed.bodies.map((body) => body.id)).toEqual([noord.bodyId]);

    const file = await downloaded(
      yearDownload.loader,
      "/vergaderingen/jaaroverzicht/download?jaar=2025&formaat=csv",
      cookie,
    );
    expect(file.disposition).toContain('filename="alle-regios-vergaderingen-2025.csv"');
    const lines = file.text.split("\r\n");
    expect(lines[0]).toBe(
      "Indeling;Groep;Regio;Gremium / Soort bijeenkomst;Gehouden;Nog gepland;Geannuleerd;Voornemen per jaar",
    );
    expect(lines).toContain(`Regio;regio ${noord.name};${noord.name};Totaal;3;0;1;6`);
    expect(lines).toContain(`Regio;regio ${zuid.name};${zuid.name};Totaal;2;0;0;6`);
    expect(lines).toContain(`Regio;regio ${zuid.name};${zuid.name};${zuid.bodyName};2;0;0;6`);
  });

  it("gives a regional user whose session says 'all' their own region", async () => {
    const cookie = await cookieOf({ zuid: "lezer" }, "all");
    const data = await loaded<YearData>(yearRoute.loader, "/vergaderingen/jaaroverzicht?jaar=2025", cookie);
    expect(data.bodies.map((body) => body.id)).toEqual([zuid.bodyId]);
    expect(data.byRegion).toEqual([]);
  });
});

describe("the meeting figures", () => {
  interface FiguresData {
    rows: { groupId: number; held: number }[];
  }
  const path = "/vergaderingen/cijfers?groep=gremium&van=2025-01-01&tot=2025-12-31";

  it("count only the region's meetings, and all regions' in the cross-region view", async () => {
    for (const [looking, region, other] of lookers()) {
      const cookie = await cookieOf({ network: "onderzoeker" }, looking);
      const data = await loaded<FiguresData>(figuresRoute.loader, path, cookie);
      expect(data.rows.map((row) => row.groupId)).toEqual([region.bodyId]);
      const file = await downloaded(
        figuresDownload.loader,
        `${path.replace("cijfers", "cijfers/download")}&formaat=csv`,
        cookie,
      );
      expect(file.disposition).toContain(`filename="${region.code}-`);
      expect(file.text).not.toContain(other.bodyName);
    }
    const all = await loaded<FiguresData>(figuresRoute.loader, path, await cookieOf({ network: "onderzoeker" }, "all"));
    expect(all.rows.map((row) => row.groupId).sort()).toEqual([zuid.bodyId, noord.bodyId].sort());
  });
});

describe("the who-sits-where matrix", () => {
  interface MatrixData {
    matrix: { organisations: { key: string; id: number | null; name: string }[]; bodies: { id: number }[] };
    options: { subregions: { name: string }[] };
  }
  const path = "/overzichten/matrix?niveau=tactisch";

  it("draws only the region's bodies, with the achterban seats as rows of their own", async () => {
    const zuidData = await loaded<MatrixData>(
      matrixRoute.loader,
      path,
      await cookieOf({ network: "onderzoeker" }, "zuid"),
    );
    expect(zuidData.matrix.bodies.map((body) => body.id)).toEqual([zuid.bodyId]);
    expect(zuidData.matrix.organisations.map((row) => row.name)).toEqual(["Zorggroep Limburg"]);
    // the subregion filter offers the region's own subregions
    expect(zuidData.options.subregions.map((subregion) => subregion.name)).toContain(`Kern ${zuid.name}`);
    expect(zuidData.options.subregions.map((subregion) => subregion.name)).not.toContain(`Kern ${noord.name}`);

    const noordCookie = await cookieOf({ network: "onderzoeker" }, "noord");
    const noordData = await loaded<MatrixData>(matrixRoute.loader, path, noordCookie);
    expect(noordData.matrix.bodies.map((body) => body.id)).toEqual([noord.bodyId]);
    expect(noordData.matrix.organisations.map((row) => [row.id, row.name])).toEqual([
      [organisationId, "Zorggroep Limburg"],
      [null, `Welzijn, Kern ${noord.name}`],
    ]);
    const file = await downloaded(
      matrixDownload.loader,
      "/overzichten/matrix/download?niveau=tactisch&formaat=csv",
      noordCookie,
    );
    expect(file.disposition).toContain(`filename="${noord.code}-`);
    expect(file.text).toContain(`achterban Welzijn, Kern ${noord.name};Welzijn;`);
    expect(file.text).not.toContain(zuid.bodyName);

    const all = await loaded<MatrixData>(matrixRoute.loader, path, await cookieOf({ network: "onderzoeker" }, "all"));
    expect(all.matrix.bodies.map((body) => body.id).sort()).toEqual([zuid.bodyId, noord.bodyId].sort());
    expect(all.options.subregions.map((subregion) => subregion.name)).toContain(`Kern ${noord.name}`);
  });

  it("narrows the achterban rows by sector like the organisations", async () => {
    const cookie = await cookieOf({ network: "onderzoeker" }, "noord");
    const data = await loaded<MatrixData>(
      matrixRoute.loader,
      `/overzichten/matrix?sector=${constituencySectorId}`,
      cookie,
    );
    expect(data.matrix.organisations.map((row) => row.id)).toEqual([null]);
  });
});

describe("the per-organisation overview", () => {
  interface SeatsData {
    seats: { bodyId: number }[];
  }
  it("lists the organisation's seats in the region's bodies only", async () => {
    const params = { organisationId: String(organisationId) };
    for (const [looking, region, other] of lookers()) {
      const cookie = await cookieOf({ network: "onderzoeker" }, looking);
      const data = await loaded<SeatsData>(
        organisationRoute.loader,
        `/overzichten/organisaties/${organisationId}`,
        cookie,
        params,
      );
      expect(data.seats.map((seat) => seat.bodyId)).toEqual([region.bodyId]);
      const file = await downloaded(
        organisationDownload.loader,
        `/overzichten/organisaties/${organisationId}/download?formaat=csv`,
        cookie,
        params,
      );
      expect(file.disposition).toContain(`filename="${region.code}-`);
      expect(file.text).not.toContain(other.bodyName);
    }
    const all = await loaded<SeatsData>(
      organisationRoute.loader,
      `/overzichten/organisaties/${organisationId}`,
      await cookieOf({ network: "onderzoeker" }, "all"),
      params,
    );
    expect(all.seats).toHaveLength(2);
  });
});

describe("the network", () => {
  interface NetworkData {
    measures: { nodes: number; ties: number };
    region: { name: string } | "all";
  }
  it("ties only the region's bodies' members, on the page and in its files; all regions' in the cross-region view", async () => {
    // a second organisation sits beside the shared one in Zuid-Limburg's stuurgroep only: one tie there, none up north
    const local = await makeOrganisation(t.db, { name: "Huisartsen Heuvelland" });
    await makeSeat(t.db, { body_id: zuid.bodyId, organisation_id: local.id, start_date: "2024-01-01" });
    const path = "/netwerk?datum=2025-06-01";
    const looking = async (where: Looking) => {
      const cookie = await cookieOf({ network: "onderzoeker" }, where);
      return {
        page: await loaded<NetworkData>(networkRoute.loader, path, cookie),
        nodes: (await downloaded(networkDownload.loader, "/netwerk/download?bestand=knopen&datum=2025-06-01", cookie))
          .text,
      };
    };
    const south = await looking("zuid");
    expect(south.page.measures).toMatchObject({ nodes: 2, ties: 1 });
    expect(south.page.region).toMatchObject({ name: zuid.name });
    expect(south.nodes).toContain("Huisartsen Heuvelland");
    const north = await looking("noord");
    expect(north.page.measures).toMatchObject({ nodes: 1, ties: 0 });
    expect(north.nodes).toContain("Zorggroep Limburg");
    expect(north.nodes).not.toContain("Huisartsen Heuvelland");
    const all = await looking("all");
    expect(all.page.measures).toMatchObject({ nodes: 2, ties: 1 });
    expect(all.page.region).toBe("all");
  });
});

describe("the saved searches' actions", () => {
  it("ask in the search's own region: a redacteur of one region is refused another's, nothing changed", async () => {
    const beheerder = (await makeUser(t.db, { role: "beheerder" })).user;
    const search = await saveSearch(t.db, beheerder, "Bestuurders Noord", { q: "bestuurder" }, noord.id);
    const before = await t.db
      .selectFrom("saved_searches")
      .selectAll()
      .where("id", "=", search.id)
      .executeTakeFirstOrThrow();
    const auditBefore = await t.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const cookie = await cookieOf({ zuid: "redacteur" }, "zuid");
    const fieldsOf: Record<string, string>[] = [
      { intent: "rename", id: String(search.id), version: String(before.version), name: "Overgenomen" },
      { intent: "archive", id: String(search.id), version: String(before.version), confirm: "on" },
    ];
    for (const fields of fieldsOf) {
      const response = await call(
        t.db,
        savedSearchesRoute.action,
        formRequest("/personen/zoekopdrachten", fields, { cookie }),
      );
      expect(response.status, fields.intent).toBe(403);
    }
    expect(
      await t.db.selectFrom("saved_searches").selectAll().where("id", "=", search.id).executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect(
      await t.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual(auditBefore);

    const own = await cookieOf({ noord: "redacteur" }, "zuid");
    const renamed = await call(
      t.db,
      savedSearchesRoute.action,
      formRequest(
        "/personen/zoekopdrachten",
        { intent: "rename", id: String(search.id), version: String(before.version), name: "Bestuurders N" },
        { cookie: own },
      ),
    );
    expect(renamed.status).toBe(302);
  });
});

describe("the wave comparison", () => {
  it("offers only the region's waves, and every region's in the cross-region view", async () => {
    const beheerder = (await makeUser(t.db, { role: "beheerder" })).user;
    const wavesOf = async (region: Region) => {
      const ids: number[] = [];
      for (const year of [2024, 2025]) {
        const wave = await createWave(
          t.db,
          beheerder,
          {
            name: `Panel ${region.name} ${year}`,
            year,
            reference_date: `${year}-01-01`,
            link_template: "https://example.org/{token}",
            method_notes: null,
          },
          region.id,
        );
        // frozen as given data: only waves past their draft are compared
        await t.db
          .updateTable("survey_waves")
          .set({ status: "frozen", frozen_at: "2025-01-02T00:00:00.000Z", content_hash: "given" })
          .where("id", "=", wave.id)
          .execute();
        ids.push(wave.id);
      }
      return ids.sort();
    };
    const zuidWaves = await wavesOf(zuid);
    const noordWaves = await wavesOf(noord);
    interface CompareData {
      waves: { id: number }[];
    }
    for (const [looking, ids] of [
      ["zuid", zuidWaves],
      ["noord", noordWaves],
    ] as const) {
      const data = await loaded<CompareData>(
        compareRoute.loader,
        "/onderzoek/vergelijken",
        await cookieOf({ network: "onderzoeker" }, looking),
      );
      expect(data.waves.map((wave) => wave.id).sort()).toEqual(ids);
    }
    const all = await loaded<CompareData>(
      compareRoute.loader,
      "/onderzoek/vergelijken",
      await cookieOf({ network: "onderzoeker" }, "all"),
    );
    expect(all.waves.map((wave) => wave.id).sort()).toEqual([...zuidWaves, ...noordWaves].sort());
  });
});
