import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { drawPanel } from "../../app/models/panel-facts.server";
import { freezeWave, verifyFrozenPanel } from "../../app/models/panel-freeze.server";
import { panelPreview } from "../../app/models/panel-preview.server";
import { createWave, listWaves, updateWaveRules } from "../../app/models/survey-waves.server";
import { chooseSessionRegion } from "../../app/models/region-choice.server";
import * as waveRoute from "../../app/routes/onderzoek.$waveId";
import * as newWaveRoute from "../../app/routes/onderzoek.nieuw";
import * as previewRoute from "../../app/routes/onderzoek.$waveId_.voorbeeld";
import * as rulesRoute from "../../app/routes/onderzoek.$waveId_.regels";
import { panelRulesSchema } from "../../app/services/panel-rules-schema";
import { type DB, migrateToLatest, migrator, openDatabase } from "../../db/index";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
} from "../support/db";
import { rowCounts } from "../support/demo-samples";
import { makeSubregion } from "../support/organisations";
import { makeAffiliation } from "../support/people";
import { call, get } from "../support/routes";
import { emptyDatabase, type FreshDatabase } from "../support/test-database";

/** Decision 046: a survey wave without a region draws its panel from every region. */

const REFERENCE = "2026-10-01";
const FIELDS = {
  name: "",
  year: 2026,
  reference_date: REFERENCE,
  link_template: "https://e/{token}",
  method_notes: null,
};
const STRATEGIC = panelRulesSchema.parse({ seatRules: [{ levels: ["strategisch"] }] });
const networkResearcher = (id: number) => ({ id, roles: [{ regionId: null, role: "onderzoeker" as const }] });

let t: TestDatabase;
let zuid: number;
let noord: number;
let zuidMember: number;
let noordMember: number;
beforeEach(async () => {
  t = await createTestDatabase();
  zuid = await defaultRegionId(t.db);
  noord = (
    await t.db
      .insertInto("regions")
      .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const noordSubregion = await makeSubregion(t.db, { region_id: noord, name: "Noord" });
  for (const [region, name] of [
    [zuid, "Stuurgroep Zuid"],
    [noord, "Stuurgroep Noord"],
  ] as const) {
    const body = await makeBody(t.db, { region_id: region, name, level: "strategisch" });
    const organisation = await makeOrganisation(t.db);
    await t.db
      .insertInto("organisation_regions")
      .values({ organisation_id: organisation.id, region_id: region })
      .execute();
    if (region === noord)
      await t.db
        .insertInto("organisation_subregions")
        .values({ organisation_id: organisation.id, subregion_id: noordSubregion.id })
        .execute();
    const person = await makePerson(t.db, { email: `${name.replace(/ /g, "-")}@example.org` });
    await makeAffiliation(t.db, { person_id: person.id, organisation_id: organisation.id });
    await makeSeat(t.db, {
      body_id: body.id,
      person_id: person.id,
      organisation_id: organisation.id,
      start_date: "2025-01-01",
    });
    if (region === zuid) zuidMember = person.id;
    else noordMember = person.id;
  }
});
afterEach(async () => {
  await t.cleanup();
});

async function cookieOf(options: Parameters<typeof makeUser>[1], looking?: number | "all") {
  const { user } = await makeUser(t.db, options);
  const cookie = await sessionCookieFor(t.db, user.id);
  if (looking !== undefined) {
    const session = await t.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    await chooseSessionRegion(t.db, session.id, looking);
  }
  return { cookie, user };
}

async function networkWideWave(name = "Netwerkpanel") {
  const { user } = await makeUser(t.db, { role: "onderzoeker" });
  const wave = await createWave(t.db, networkResearcher(user.id), { ...FIELDS, name }, null);
  const ruled = await updateWaveRules(t.db, user, wave.id, wave.version, STRATEGIC);
  return { user, wave: ruled };
}

describe("a network-wide wave", () => {
  it("draws the members of both regions, a regional wave only its own region's", async () => {
    const all = await drawPanel(t.db, STRATEGIC, REFERENCE, "all");
    expect(all.members.map((m) => m.personId).sort()).toEqual([zuidMember, noordMember].sort());
    const north = await drawPanel(t.db, STRATEGIC, REFERENCE, { regionId: noord });
    expect(north.members.map((m) => m.personId)).toEqual([noordMember]);
  });

  it("names each member's subregion with its region, and the preview draws across both", async () => {
    const { wave } = await networkWideWave();
    const preview = (await panelPreview(t.db, wave.id, 1))!;
    expect(preview.wave.region_name).toBeNull();
    expect(preview.members.map((m) => m.personId).sort()).toEqual([zuidMember, noordMember].sort());
    const subregions = preview.members.map((m) => m.attributes.subregions);
    expect(subregions).toContainEqual(["Noord- en Midden-Limburg — Noord"]);
    expect(subregions).toContainEqual([]);
  });

  it("freezes with a hash that the stored panel reproduces", async () => {
    const { user, wave } = await networkWideWave();
    const frozen = await freezeWave(t.db, user, wave.id, wave.version);
    expect(frozen.members).toBe(2);
    const verified = await verifyFrozenPanel(t.db, wave.id);
    expect(verified).toMatchObject({ matches: true, members: 2, stored: frozen.contentHash });
  });

  it("is refused to an actor without a network-wide research role, changing nothing", async () => {
    const { user } = await makeUser(t.db, { regionRoles: { [zuid]: "onderzoeker", [noord]: "onderzoeker" } });
    const before = await rowCounts(t.db);
    await expect(
      createWave(
        t.db,
        { id: user.id, roles: [{ regionId: zuid, role: "onderzoeker" }] },
        { ...FIELDS, name: "X" },
        null,
      ),
    ).rejects.toMatchObject({ messageKey: "waves.errors.networkWideOnly" });
    await expect(createWave(t.db, { id: user.id }, { ...FIELDS, name: "X" }, null)).rejects.toMatchObject({
      messageKey: "waves.errors.networkWideOnly",
    });
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it("is listed in the cross-region view only", async () => {
    const { wave } = await networkWideWave();
    expect((await listWaves(t.db, "all")).map((w) => [w.id, w.region_name])).toEqual([[wave.id, null]]);
    expect(await listWaves(t.db, { regionId: zuid })).toEqual([]);
  });
});

describe("the pages of a network-wide wave", () => {
  const fields = {
    name: "Panel alle regio's",
    year: "2026",
    reference_date: REFERENCE,
    link_template: "https://e/{token}",
  };

  it("the form offers Alle regio's to a network-wide researcher, who makes the wave with it", async () => {
    const { cookie } = await cookieOf({ role: "onderzoeker" }, "all");
    const page = await call(t.db, newWaveRoute.loader, get("/onderzoek/nieuw", cookie));
    expect(await page.json()).toMatchObject({ networkWide: true, chosen: null });
    const response = await call(
      t.db,
      newWaveRoute.action,
      formRequest("/onderzoek/nieuw", { ...fields, region_id: "alle" }, { cookie }),
    );
    expect(response.status).toBe(302);
    const made = await t.db.selectFrom("survey_waves").select("region_id").executeTakeFirstOrThrow();
    expect(made.region_id).toBeNull();
  });

  it("a regional researcher is not offered it, and posting it is a 403 that makes nothing", async () => {
    const { cookie } = await cookieOf({ regionRoles: { [zuid]: "onderzoeker", [noord]: "onderzoeker" } });
    const page = await call(t.db, newWaveRoute.loader, get("/onderzoek/nieuw", cookie));
    expect(await page.json()).toMatchObject({ networkWide: false });
    const before = await rowCounts(t.db);
    const response = await call(
      t.db,
      newWaveRoute.action,
      formRequest("/onderzoek/nieuw", { ...fields, region_id: "alle" }, { cookie }),
    );
    expect(response.status).toBe(403);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it("the rules form offers the wave's region's records only; a network-wide wave's every region's, named with it", async () => {
    const { user } = await makeUser(t.db, { role: "onderzoeker" });
    const { cookie } = await cookieOf({ role: "onderzoeker" });
    const regional = await createWave(t.db, networkResearcher(user.id), { ...FIELDS, name: "Panel Noord" }, noord);
    const bodiesOffered = async (waveId: number) => {
      const response = await call(t.db, rulesRoute.loader, get(`/onderzoek/${waveId}/regels`, cookie), {
        waveId: String(waveId),
      });
      expect(response.status).toBe(200);
      const data = (await response.json()) as {
        choices: { bodies: { name: string }[]; subregions: { name: string }[] };
      };
      return { bodies: data.choices.bodies.map((b) => b.name), subregions: data.choices.subregions.map((s) => s.name) };
    };
    expect(await bodiesOffered(regional.id)).toEqual({ bodies: ["Stuurgroep Noord"], subregions: ["Noord"] });
    const { wave } = await networkWideWave();
    const everywhere = await bodiesOffered(wave.id);
    expect(everywhere.bodies).toHaveLength(2);
    expect(everywhere.bodies).toContain("Noord- en Midden-Limburg — Stuurgroep Noord");
    expect(everywhere.bodies.filter((name) => name.endsWith(" — Stuurgroep Zuid"))).toHaveLength(1);
    expect(everywhere.subregions).toContain("Noord- en Midden-Limburg — Noord");
  });

  it("a regional researcher of both regions gets 403 on its pages; a network-wide one sees them", async () => {
    const { wave } = await networkWideWave();
    const params = { waveId: String(wave.id) };
    const regional = await cookieOf({ regionRoles: { [zuid]: "onderzoeker", [noord]: "onderzoeker" } });
    for (const [route, path] of [
      [waveRoute.loader, `/onderzoek/${wave.id}`],
      [previewRoute.loader, `/onderzoek/${wave.id}/voorbeeld`],
    ] as const) {
      expect((await call(t.db, route, get(path, regional.cookie), params)).status).toBe(403);
    }
    const network = await cookieOf({ role: "lezer" });
    expect((await call(t.db, waveRoute.loader, get(`/onderzoek/${wave.id}`, network.cookie), params)).status).toBe(403);
    const researcher = await cookieOf({ role: "onderzoeker" });
    const shown = await call(t.db, waveRoute.loader, get(`/onderzoek/${wave.id}`, researcher.cookie), params);
    expect(shown.status).toBe(200);
  });
});

describe("migration 0022 on a register in use", () => {
  let empty: FreshDatabase;
  let db: DB;
  beforeEach(async () => {
    empty = await emptyDatabase();
    db = openDatabase(empty.target);
    expect((await migrator(db).migrateTo("0021_user_roles")).error).toBeUndefined();
  });
  afterEach(async () => {
    await db.destroy();
    await empty.drop();
  });

  const insertWave = (name: string, regionId: number | null) =>
    sql`insert into survey_waves (name, year, reference_date, link_template, rules, region_id)
        values (${name}, 2026, '2026-10-01', 'https://e/{token}', '{}', ${regionId})`.execute(db);

  it("lets a wave have no region, keeps the regional waves and still refuses a region that does not exist", async () => {
    const { rows } = await sql<{
      id: number;
    }>`insert into regions (code, name) values ('zl', 'Zuid-Limburg') returning id`.execute(db);
    const region = Number(rows[0]!.id);
    await insertWave("Regionaal", region);
    await expect(insertWave("Netwerkbreed", null)).rejects.toThrow(/region_id/);

    expect(await migrateToLatest(db, empty.target)).toContain("0022_network_wide_waves");
    await insertWave("Netwerkbreed", null);
    await expect(insertWave("Nergens", region + 1000)).rejects.toThrow();
    const waves = await db.selectFrom("survey_waves").select(["name", "region_id"]).orderBy("name").execute();
    expect(waves).toEqual([
      { name: "Netwerkbreed", region_id: null },
      { name: "Regionaal", region_id: region },
    ]);
  });
});
