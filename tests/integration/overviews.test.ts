import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as matrixRoute from "../../app/routes/overzichten.matrix";
import * as matrixDownload from "../../app/routes/overzichten.matrix_.download";
import * as organisationRoute from "../../app/routes/overzichten.organisaties.$organisationId";
import * as organisationDownload from "../../app/routes/overzichten.organisaties.$organisationId_.download";
import { type MembershipMatrix, membershipMatrix, organisationSeats } from "../../app/models/overviews.server";
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
import { call, get, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

async function network() {
  const sector = await makeSector(t.db, { name_nl: "Gemeenten", name_en: "Municipalities" });
  const heerlen = await makeOrganisation(t.db, { name: "Gemeente Heerlen", sector_id: sector.id });
  const envida = await makeOrganisation(t.db, { name: "Envida", sector_id: sector.id });
  const regiegroep = await makeBody(t.db, {
    name: "Bestuurlijke Regiegroep",
    abbreviation: "BRGZL",
    level: "strategisch",
  });
  const werkgroep = await makeBody(t.db, { name: "Werkgroep Wonen", level: "operationeel" });
  const anna = await makePerson(t.db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
  const piet = await makePerson(t.db, { first_name: "Piet", last_name: "Jansen" });
  await makeSeat(t.db, {
    body_id: regiegroep.id,
    person_id: anna.id,
    organisation_id: heerlen.id,
    role: "voorzitter",
    start_date: "2025-01-01",
    end_date: "2025-03-01",
  });
  await makeSeat(t.db, {
    body_id: regiegroep.id,
    person_id: piet.id,
    organisation_id: envida.id,
    start_date: "2025-03-02",
  });
  await makeSeat(t.db, {
    body_id: werkgroep.id,
    person_id: piet.id,
    organisation_id: envida.id,
    start_date: "2024-01-01",
    end_date: "2025-02-28",
  });
  return { heerlen, envida, regiegroep, werkgroep, anna, piet };
}

describe("the organisations × bodies matrix", () => {
  it("shows on a day exactly the seats active that day, the first and last day included", async () => {
    const n = await network();
    const onFirst = await membershipMatrix(t.db, { date: "2025-03-01" }, "nl", "all");
    expect(onFirst.organisations.map((o) => o.name)).toEqual(["Gemeente Heerlen"]);
    expect(onFirst.cells[`${n.heerlen.id}:${n.regiegroep.id}`]?.map((r) => [r.name, r.role])).toEqual([
      ["Anna van den Berg", "voorzitter"],
    ]);

    const onSecond = await membershipMatrix(t.db, { date: "2025-03-02" }, "nl", "all");
    expect(onSecond.organisations.map((o) => o.name)).toEqual(["Envida"]);
    expect(onSecond.bodies.map((b) => b.name)).toEqual(["Bestuurlijke Regiegroep"]);
  });

  it("orders bodies strategic first and narrows them by level", async () => {
    const n = await network();
    const all = await membershipMatrix(t.db, { date: "2025-02-01" }, "nl", "all");
    expect(all.bodies.map((b) => b.id)).toEqual([n.regiegroep.id, n.werkgroep.id]);
    const operational = await membershipMatrix(t.db, { date: "2025-02-01", level: "operationeel" }, "nl", "all");
    expect(operational.bodies.map((b) => b.id)).toEqual([n.werkgroep.id]);
    expect(operational.organisations.map((o) => o.name)).toEqual(["Envida"]);
  });

  it("narrows the organisations to a subregion", async () => {
    const n = await network();
    const parkstad = await t.db
      .insertInto("subregions")
      .values({ region_id: await defaultRegionId(t.db), code: "parkstad", name: "Parkstad" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("organisation_subregions")
      .values({ organisation_id: n.heerlen.id, subregion_id: parkstad.id })
      .execute();
    const matrix = await membershipMatrix(t.db, { date: "2025-02-01", subregionId: parkstad.id }, "nl", "all");
    expect(matrix.organisations.map((o) => o.name)).toEqual(["Gemeente Heerlen"]);
  });

  it("downloads as CSV the rows and headers the page shows, for roles that may export", async () => {
    await network();
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const response = await call(
      t.db,
      matrixDownload.loader,
      get("/overzichten/matrix/download?datum=2025-02-01&formaat=csv", cookie),
    );
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    // named after the region looked at, its code first (decision 044)
    expect(response.headers.get("Content-Disposition")).toContain(
      'filename="zuid-limburg-matrix-organisaties-en-gremia-1-februari-2025.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe("Organisatie;Sector;BRGZL;Werkgroep Wonen");
    expect(lines).toContain("Envida;Gemeenten;;Piet Jansen (lid)");
    expect(lines).toContain("Gemeente Heerlen;Gemeenten;Anna van den Berg (voorzitter);");
  });

  it("asks for a narrowing before drawing the whole network, and pages the organisations", async () => {
    const [wide, narrow] = [
      await makeBody(t.db, { name: "Breed overleg" }),
      await makeBody(t.db, { name: "Klein overleg" }),
    ];
    for (let i = 1; i <= 55; i++) {
      const organisation = await makeOrganisation(t.db, { name: `Organisatie ${String(i).padStart(2, "0")}` });
      await makeSeat(t.db, {
        body_id: i > 50 ? narrow.id : wide.id,
        organisation_id: organisation.id,
        start_date: "2025-01-01",
      });
    }
    const { cookie } = await signedIn(t.db, "lezer");
    type Data = { matrix: MembershipMatrix | null; allBodies: number; page: { total: number; pages: number } };
    const pageOf = async (query: string) =>
      (await (
        await call(t.db, matrixRoute.loader, get(`/overzichten/matrix?datum=2025-02-01&${query}`, cookie))
      ).json()) as Data;

    expect((await pageOf("")).matrix).toBeNull();
    const first = await pageOf("niveau=tactisch");
    expect(first.page).toMatchObject({ total: 55, pages: 2 });
    expect(first.matrix?.organisations).toHaveLength(50);
    expect(first.matrix?.bodies.map((body) => body.name)).toEqual(["Breed overleg"]);
    expect(first.allBodies).toBe(2);
    const second = await pageOf("niveau=tactisch&pagina=2");
    expect(second.matrix?.organisations.map((o) => o.name)).toEqual([
      "Organisatie 51",
      "Organisatie 52",
      "Organisatie 53",
      "Organisatie 54",
      "Organisatie 55",
    ]);
    expect(second.matrix?.bodies.map((body) => body.name)).toEqual(["Klein overleg"]);
  });

  it("lets a lezer see the page but not download it", async () => {
    await network();
    const { cookie } = await signedIn(t.db, "lezer");
    const page = await call(t.db, matrixRoute.loader, get("/overzichten/matrix?datum=2025-02-01", cookie));
    expect(page.status).toBe(200);
    const download = await call(
      t.db,
      matrixDownload.loader,
      get("/overzichten/matrix/download?datum=2025-02-01&formaat=xlsx", cookie),
    );
    expect(download.status).toBe(403);
  });
});

describe("who sits where for one organisation", () => {
  it("lists the seats held on its behalf on the day, and downloads them as XLSX", async () => {
    const n = await network();
    const seats = await organisationSeats(t.db, n.envida.id, "2025-02-28", "all");
    expect(seats.map((s) => [s.bodyName, s.name])).toEqual([["Werkgroep Wonen", "Piet Jansen"]]);
    expect(await organisationSeats(t.db, n.envida.id, "2025-03-01", "all")).toEqual([]);

    const { cookie } = await signedIn(t.db, "redacteur");
    const response = await call(
      t.db,
      organisationDownload.loader,
      get("/overzichten/organisaties/0/download?formaat=xlsx", cookie),
      { organisationId: String(n.envida.id) },
    );
    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(new Uint8Array(await response.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it("answers 404 for an organisation that does not exist", async () => {
    const { cookie } = await signedIn(t.db, "lezer");
    const response = await call(t.db, organisationRoute.loader, get("/overzichten/organisaties/999", cookie), {
      organisationId: "999",
    });
    expect(response.status).toBe(404);
  });
});
