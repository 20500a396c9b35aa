import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as organisationRoute from "../../app/routes/organisaties.$organisationId";
import * as editRoute from "../../app/routes/organisaties.$organisationId_.bewerken";
import * as listRoute from "../../app/routes/organisaties._index";
import * as newRoute from "../../app/routes/organisaties.nieuw";
import * as toCompleteRoute from "../../app/routes/organisaties.te-completeren";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeOrganisation,
  makeSector,
  type TestDatabase,
} from "../support/db";
import { makeSubregion, organisationForm } from "../support/organisations";
import { call as call_, get, type Handler, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);

async function twoRegions() {
  const zuid = await defaultRegionId(t.db);
  const noord = (
    await t.db
      .insertInto("regions")
      .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const parkstad = await makeSubregion(t.db, { name: "Parkstad", region_id: zuid });
  const venlo = await makeSubregion(t.db, { name: "Noord", region_id: noord });
  return { zuid, noord, parkstad, venlo };
}

const regionIdsOf = async (organisationId: number) =>
  (
    await t.db
      .selectFrom("organisation_regions")
      .select("region_id")
      .where("organisation_id", "=", organisationId)
      .orderBy("region_id")
      .execute()
  ).map((row) => row.region_id);

describe("an organisation's regions", () => {
  it("creates one working in both regions, shows them on its page and logs them with the creation", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    const { zuid, noord, parkstad } = await twoRegions();
    const sector = await makeSector(t.db);
    const form = (await (await call(newRoute.loader, get("/organisaties/nieuw", cookie))).json()) as {
      options: { regions: { name: string; subregions: { name: string }[] }[] };
    };
    expect(form.options.regions.map((region) => [region.name, region.subregions.map((s) => s.name)])).toEqual([
      ["Noord- en Midden-Limburg", ["Noord"]],
      ["Zuid-Limburg", ["Parkstad"]],
    ]);
    const created = await call(
      newRoute.action,
      formRequest(
        "/organisaties/nieuw",
        organisationForm(sector.id, {
          name: "Limburgse Zorggroep",
          region_ids: [String(zuid), String(noord)],
          subregion_ids: [String(parkstad.id)],
        }),
        { cookie },
      ),
    );
    expect(created.status).toBe(302);
    const id = Number(/\/organisaties\/(\d+)/.exec(created.headers.get("Location")!)![1]);
    expect(await regionIdsOf(id)).toEqual([zuid, noord].sort((a, b) => a - b));
    const page = (await (
      await call(organisationRoute.loader, get(`/organisaties/${id}`, cookie), { organisationId: String(id) })
    ).json()) as {
      regions: { name: string; subregions: string[] }[];
    };
    expect(page.regions.map(({ name, subregions }) => ({ name, subregions }))).toEqual([
      { name: "Noord- en Midden-Limburg", subregions: [] },
      { name: "Zuid-Limburg", subregions: ["Parkstad"] },
    ]);
    const listed = (await (await call(listRoute.loader, get("/organisaties", cookie))).json()) as {
      rows: { id: number; subregion_names: string | null; region_names: string | null }[];
    };
    const row = listed.rows.find((candidate) => candidate.id === id)!;
    expect(row.subregion_names).toBe("Parkstad");
    expect(row.region_names?.split(", ").sort()).toEqual(["Noord- en Midden-Limburg", "Zuid-Limburg"]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("entity", "=", "organisations")
      .where("entity_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toMatchObject({ region_ids: [zuid, noord].sort((a, b) => a - b) });
  });

  it("refuses a subregion whose region is not ticked, naming both, and keeps what was typed", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    const { noord, parkstad } = await twoRegions();
    const sector = await makeSector(t.db);
    const refused = await call(
      newRoute.action,
      formRequest(
        "/organisaties/nieuw",
        organisationForm(sector.id, {
          name: "Alleen Noord",
          region_ids: [String(noord)],
          subregion_ids: [String(parkstad.id)],
        }),
        { cookie },
      ),
    );
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: Record<string, string>; values: Record<string, unknown> };
    expect(body.errors.region_ids).toMatch(/subregionOutsideRegions.*Parkstad.*Zuid-Limburg/);
    expect(body.values.name).toBe("Alleen Noord");
    expect(await t.db.selectFrom("organisations").select("id").where("name", "=", "Alleen Noord").execute()).toEqual(
      [],
    );
  });

  it("changes the regions under the organisation's version: unlinking all puts it on the te-completeren list", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    const { zuid } = await twoRegions();
    const organisation = await makeOrganisation(t.db, { name: "Welzijn Parkstad" });
    await t.db
      .insertInto("organisation_regions")
      .values({ organisation_id: organisation.id, region_id: zuid })
      .execute();
    await makeOrganisation(t.db, { name: "Gearchiveerd zonder regio", archived_at: "2025-01-01T00:00:00.000Z" });
    const list = async () =>
      (await (await call(listRoute.loader, get("/organisaties", cookie))).json()) as { toComplete: number };
    const toComplete = async () =>
      (
        (await (await call(toCompleteRoute.loader, get("/organisaties/te-completeren", cookie))).json()) as {
          rows: { name: string }[];
        }
      ).rows.map((row) => row.name);
    expect((await list()).toComplete).toBe(0);
    expect(await toComplete()).toEqual([]);

    const edit = (version: number, regionIds: string[]) =>
      call(
        editRoute.action,
        formRequest(
          `/organisaties/${organisation.id}/bewerken`,
          organisationForm(organisation.sector_id, {
            intent: "save",
            version,
            name: organisation.name,
            region_ids: regionIds,
          }),
          { cookie },
        ),
        { organisationId: String(organisation.id) },
      );
    expect((await edit(1, [])).status).toBe(302);
    expect(await regionIdsOf(organisation.id)).toEqual([]);
    expect((await list()).toComplete).toBe(1);
    expect(await toComplete()).toEqual(["Welzijn Parkstad"]);

    const stale = await edit(1, [String(zuid)]);
    expect(stale.status).toBe(409);
    expect(await regionIdsOf(organisation.id)).toEqual([]);
    const entry = await t.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity", "=", "organisations")
      .where("action", "=", "update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before!).region_ids).toEqual([zuid]);
    expect(JSON.parse(entry.after!).region_ids).toEqual([]);
  });
});
