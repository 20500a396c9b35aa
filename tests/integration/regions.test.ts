import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTheme } from "../../app/models/themes.server";
import * as regionRoute from "../../app/routes/beheer.regios.$regionId";
import * as regionsRoute from "../../app/routes/beheer.regios._index";
import * as rootRoute from "../../app/root";
import * as switchRoute from "../../app/routes/regio";
import * as bodiesRoute from "../../app/routes/gremia._index";
import * as bodyRoute from "../../app/routes/gremia.$bodyId";
import { translator } from "../../app/i18n/index";
import { type DB, migrateToLatest, migrator, openDatabase } from "../../db/index";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeBody,
  makeOrganisation,
  makeSeat,
  makeUser,
  type TestDatabase,
} from "../support/db";
import { makeSubregion } from "../support/organisations";
import { call as call_, get, type Handler, signedIn } from "../support/routes";
import { emptyDatabase, type FreshDatabase } from "../support/test-database";
import { makeTheme } from "../support/themes";

describe("migration 0019 on a register in use", () => {
  let empty: FreshDatabase;
  let db: DB;
  beforeEach(async () => {
    empty = await emptyDatabase();
    db = openDatabase(empty.target);
    const { error } = await migrator(db).migrateTo("0018_interview_samples");
    expect(error).toBeUndefined();
  });
  afterEach(async () => {
    await db.destroy();
    await empty.drop();
  });

  it("gives every record the register's region and links organisations through subregions, seats and plans", async () => {
    const { id: region } = await sql<{ id: number }>`
      insert into regions (code, name) values ('zuid-limburg', 'Zuid-Limburg') returning id`
      .execute(db)
      .then((result) => result.rows[0]!);
    const { id: subregion } = await sql<{ id: number }>`
      insert into subregions (region_id, code, name) values (${region}, 'parkstad', 'Parkstad') returning id`
      .execute(db)
      .then((result) => result.rows[0]!);
    const { id: sector } = await sql<{ id: number }>`
      insert into sectors (code, name_nl, name_en) values ('zorg', 'Zorg', 'Care') returning id`
      .execute(db)
      .then((result) => result.rows[0]!);
    const organisation = async (name: string) =>
      (
        await sql<{
          id: number;
        }>`insert into organisations (name, sector_id) values (${name}, ${sector}) returning id`.execute(db)
      ).rows[0]!.id;
    const [inSubregion, seated, leading, unlinked] = [
      await organisation("GGD"),
      await organisation("Zuyderland"),
      await organisation("MUMC+"),
      await organisation("Losse stichting"),
    ];
    await sql`insert into organisation_subregions (organisation_id, subregion_id) values (${inSubregion}, ${subregion})`.execute(
      db,
    );
    await sql`insert into themes (name, kind) values ('Mentale gezondheid', 'inhoudelijk')`.execute(db);
    const { id: body } = await sql<{ id: number }>`
      insert into bodies (name, kind, level) values ('Stuurgroep', 'werkgroep', 'strategisch') returning id`
      .execute(db)
      .then((result) => result.rows[0]!);
    await sql`insert into seats (body_id, role, organisation_id, start_date) values (${body}, 'lid', ${seated}, '2025-01-01')`.execute(
      db,
    );
    await sql`insert into plans (name, funding_status, lead_organisation_id) values ('Trendbreuk', 'iza', ${leading})`.execute(
      db,
    );
    await sql`insert into meetings (body_id, kind, title, date) values (${body}, 'vergadering', 'Stuurgroep', '2025-03-01')`.execute(
      db,
    );

    await migrateToLatest(db, empty.target);

    for (const table of ["bodies", "themes", "plans", "meetings"] as const) {
      const rows = await db.selectFrom(table).select("region_id").execute();
      expect(
        rows.map((row) => row.region_id),
        table,
      ).toEqual([region]);
    }
    const linked = await db.selectFrom("organisation_regions").selectAll().orderBy("organisation_id").execute();
    expect(linked).toEqual(
      [inSubregion, seated, leading].map((organisation_id) => ({ organisation_id, region_id: region })),
    );
    expect(linked.some((row) => row.organisation_id === unlinked)).toBe(false);
  });
});

describe("regions on records", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("refuses a record without a region, on insert and on update", async () => {
    await expect(
      sql`insert into themes (name, kind) values ('Zonder regio', 'inhoudelijk')`.execute(t.db),
    ).rejects.toThrow();
    await expect(
      sql`insert into bodies (name, kind, level) values ('Zonder regio', 'werkgroep', 'tactisch')`.execute(t.db),
    ).rejects.toThrow();
    const body = await makeBody(t.db);
    await expect(sql`update bodies set region_id = null where id = ${body.id}`.execute(t.db)).rejects.toThrow();
  });

  it("keeps names unique per region: two regions may each have a Stuurgroep", async () => {
    const zuid = await defaultRegionId(t.db);
    const noord = await t.db
      .insertInto("regions")
      .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await makeBody(t.db, { name: "Stuurgroep", region_id: zuid });
    await makeBody(t.db, { name: "Stuurgroep", region_id: noord.id });
    await expect(makeBody(t.db, { name: "stuurgroep", region_id: zuid })).rejects.toThrow();
    const { user } = await makeUser(t.db, { role: "redacteur" });
    await makeTheme(t.db, { name: "Preventie", region_id: zuid });
    await expect(
      createTheme(t.db, user, { name: "Preventie", kind: "inhoudelijk", description: null }, zuid),
    ).rejects.toMatchObject({ messageKey: "themes.errors.duplicateTheme" });
    const other = await createTheme(
      t.db,
      user,
      { name: "Preventie", kind: "inhoudelijk", description: null },
      noord.id,
    );
    expect(other.region_id).toBe(noord.id);
  });

  it("refuses a meeting of a body outside the body's region", async () => {
    const body = await makeBody(t.db);
    const other = await t.db
      .insertInto("regions")
      .values({ code: "elders", name: "Elders" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto("meetings")
        .values({ body_id: body.id, region_id: other.id, kind: "vergadering", title: "X", date: "2025-03-01" })
        .execute(),
    ).rejects.toThrow(/region of its body/);
  });
});

describe("region management by a beheerder", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.cleanup();
  });
  const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
    call_(t.db, handler, request, params);

  it("creates a region, edits it, and the header shows its name and tagline", async () => {
    const { cookie } = await signedIn(t.db, "beheerder");
    const created = await call(
      regionsRoute.action,
      formRequest("/beheer/regios", { name: "Zuid-Limburg", code: "zuid-limburg", tagline: "" }, { cookie }),
    );
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.match(/\/beheer\/regios\/(\d+)/)![1]!;
    const saved = await call(
      regionRoute.action,
      formRequest(
        `/beheer/regios/${id}`,
        { intent: "save", version: "1", name: "Zuid-Limburg", code: "zuid-limburg", tagline: "Gezond Zuid-Limburg" },
        { cookie },
      ),
      { regionId: id },
    );
    expect(saved.status).toBe(302);
    const root = (await (await call(rootRoute.loader, get("/", cookie))).json()) as {
      region: { name: string; tagline: string };
    };
    expect(root.region).toMatchObject({ name: "Zuid-Limburg", tagline: "Gezond Zuid-Limburg" });
    const audit = await t.db.selectFrom("audit_log").select("action").where("entity", "=", "regions").execute();
    expect(audit.map((entry) => entry.action)).toEqual(["create", "update"]);
  });

  it("names in the header the region chosen in the switcher, and the first by name across all regions", async () => {
    const { cookie } = await signedIn(t.db, "beheerder");
    await t.db
      .insertInto("regions")
      .values([
        { code: "zuid-limburg", name: "Zuid-Limburg", tagline: "Gezond Zuid-Limburg" },
        { code: "noord-midden-limburg", name: "Noord- en Midden-Limburg", tagline: "Samen doen wat samen moet" },
      ])
      .execute();
    const header = async () =>
      ((await (await call(rootRoute.loader, get("/", cookie))).json()) as { region: { name: string } }).region.name;
    expect(await header()).toBe("Noord- en Midden-Limburg");
    const south = await t.db
      .selectFrom("regions")
      .select("id")
      .where("code", "=", "zuid-limburg")
      .executeTakeFirstOrThrow();
    const chosen = await call(
      switchRoute.action,
      formRequest("/regio", { regio: String(south.id), redirectTo: "/" }, { cookie }),
    );
    expect(chosen.status).toBe(302);
    expect(await header()).toBe("Zuid-Limburg");
    await call(switchRoute.action, formRequest("/regio", { regio: "alle", redirectTo: "/" }, { cookie }));
    expect(await header()).toBe("Noord- en Midden-Limburg");
  });

  it("starts a view that chose no region in the start region, and hands the start back when it is removed", async () => {
    const { cookie } = await signedIn(t.db, "beheerder");
    await t.db
      .insertInto("regions")
      .values([
        { code: "zuid-limburg", name: "Zuid-Limburg", tagline: null },
        { code: "noord-midden-limburg", name: "Noord- en Midden-Limburg", tagline: null },
      ])
      .execute();
    const south = await t.db
      .selectFrom("regions")
      .select(["id", "version"])
      .where("code", "=", "zuid-limburg")
      .executeTakeFirstOrThrow();
    const header = async () =>
      ((await (await call(rootRoute.loader, get("/", cookie))).json()) as { region: { name: string } }).region.name;
    expect(await header()).toBe("Noord- en Midden-Limburg");

    const made = await call(
      regionRoute.action,
      formRequest(`/beheer/regios/${south.id}`, { intent: "makeStart" }, { cookie }),
      { regionId: String(south.id) },
    );
    expect(made.status).toBe(302);
    expect(made.headers.get("Location")).toContain("melding=status");
    expect(await header()).toBe("Zuid-Limburg");
    const page = (await (
      await call(regionRoute.loader, get(`/beheer/regios/${south.id}`, cookie), { regionId: String(south.id) })
    ).json()) as { region: { isStart: boolean }; start: string };
    expect(page).toMatchObject({ region: { isStart: true }, start: "Zuid-Limburg" });

    const removed = await call(
      regionRoute.action,
      formRequest(
        `/beheer/regios/${south.id}`,
        { intent: "remove", version: String(south.version), confirm: "on" },
        { cookie },
      ),
      { regionId: String(south.id) },
    );
    expect(removed.status).toBe(302);
    expect(await header()).toBe("Noord- en Midden-Limburg");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("entity", "=", "settings")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "create", entity_id: "start_region" },
      { action: "delete", entity_id: "start_region" },
    ]);
  });

  it("refuses removing a region or subregion in use, naming the uses; removes an unused one once confirmed", async () => {
    const { cookie } = await signedIn(t.db, "beheerder");
    const region = await defaultRegionId(t.db);
    const parkstad = await makeSubregion(t.db, { name: "Parkstad", region_id: region });
    const body = await makeBody(t.db, { subregion_ids: [parkstad.id] });
    await makeBody(t.db);
    await makeTheme(t.db);
    const organisation = await makeOrganisation(t.db);
    await makeSeat(t.db, { body_id: body.id, organisation_id: organisation.id });
    await t.db
      .insertInto("organisation_regions")
      .values({ organisation_id: organisation.id, region_id: region })
      .execute();
    const version = async () =>
      String(
        (await t.db.selectFrom("regions").select("version").where("id", "=", region).executeTakeFirstOrThrow()).version,
      );
    const post = async (fields: Record<string, string>) =>
      call(
        regionRoute.action,
        formRequest(`/beheer/regios/${region}`, { version: await version(), ...fields }, { cookie }),
        {
          regionId: String(region),
        },
      );

    const unconfirmed = await post({ intent: "remove" });
    expect(unconfirmed.status).toBe(400);
    const refused = await post({ intent: "remove", confirm: "on" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      inUse: {
        name: "Zuid-Limburg",
        uses: expect.arrayContaining([
          { kind: "bodies", count: 2 },
          { kind: "themes", count: 1 },
          { kind: "organisations", count: 1 },
          { kind: "subregions", count: 1 },
        ]),
      },
    });
    const subregionRefused = await post({ intent: "removeSubregion", subregion: String(parkstad.id), confirm: "on" });
    expect(await subregionRefused.json()).toMatchObject({
      inUse: {
        name: "Parkstad",
        uses: [
          { kind: "bodies", count: 1 },
          { kind: "seats", count: 1 },
        ],
      },
    });

    const unused = await makeSubregion(t.db, { name: "Heuvelland", region_id: region });
    expect((await post({ intent: "removeSubregion", subregion: String(unused.id), confirm: "on" })).status).toBe(302);
    const empty = await t.db
      .insertInto("regions")
      .values({ code: "leeg", name: "Lege regio" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const removed = await call(
      regionRoute.action,
      formRequest(`/beheer/regios/${empty.id}`, { intent: "remove", version: "1", confirm: "on" }, { cookie }),
      { regionId: String(empty.id) },
    );
    expect(removed.headers.get("Location")).toBe("/beheer/regios?melding=verwijderd");
    expect(await t.db.selectFrom("regions").select("id").where("id", "=", empty.id).execute()).toEqual([]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity", "before", "after"])
      .where("entity", "=", "regions")
      .where("action", "!=", "create")
      .orderBy("id")
      .execute();
    expect(audit.map(({ action, entity }) => ({ action, entity }))).toEqual([
      { action: "update", entity: "regions" },
      { action: "delete", entity: "regions" },
    ]);
    // the removed subregion is in the region's history, as one of its child rows
    expect(JSON.parse(audit[0]!.before!).subregions).toContainEqual(expect.stringMatching(/^Heuvelland /));
    expect(JSON.parse(audit[0]!.after!).subregions).not.toContainEqual(expect.stringMatching(/^Heuvelland /));
  });
  it("names the users with a role in a region, and each kind of record that uses a subregion", async () => {
    const { cookie } = await signedIn(t.db, "beheerder");
    const south = await defaultRegionId(t.db);
    const north = await t.db
      .insertInto("regions")
      .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await makeUser(t.db, { regionRoles: { [north.id]: "redacteur" } });
    await makeUser(t.db, { regionRoles: { [north.id]: "lezer" } });
    // a role elsewhere, or network-wide, does not use this region
    await makeUser(t.db, { role: "lezer", regionRoles: { [south]: "redacteur" } });
    const remove = () =>
      call(
        regionRoute.action,
        formRequest(`/beheer/regios/${north.id}`, { intent: "remove", version: "1", confirm: "on" }, { cookie }),
        { regionId: String(north.id) },
      );
    const refused = await remove();
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ inUse: { uses: [{ kind: "users", count: 2 }] } });
    const t_ = translator("nl");
    expect(t_("regions.uses.users", { count: 2 })).toBe("2 gebruikers met een rol");

    const noord = await makeSubregion(t.db, { name: "Noord", region_id: north.id });
    const organisation = await makeOrganisation(t.db);
    await t.db
      .insertInto("organisation_subregions")
      .values({ organisation_id: organisation.id, subregion_id: noord.id })
      .execute();
    const plan = await t.db
      .insertInto("plans")
      .values({ region_id: north.id, name: "Plan Noord", theme_id: null, lead_organisation_id: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("plan_subregions").values({ plan_id: plan.id, subregion_id: noord.id }).execute();
    // a stuurgroep of the whole region whose seat represents a constituency in the subregion
    const body = await makeBody(t.db, { region_id: north.id });
    const sector = await t.db.selectFrom("sectors").select("id").limit(1).executeTakeFirstOrThrow();
    await makeSeat(t.db, {
      body_id: body.id,
      person_id: null,
      constituency_sector_id: sector.id,
      constituency_subregion_id: noord.id,
    });
    const regionVersion = await t.db
      .selectFrom("regions")
      .select("version")
      .where("id", "=", north.id)
      .executeTakeFirstOrThrow();
    const subregionRefused = await call(
      regionRoute.action,
      formRequest(
        `/beheer/regios/${north.id}`,
        {
          intent: "removeSubregion",
          version: String(regionVersion.version),
          subregion: String(noord.id),
          confirm: "on",
        },
        { cookie },
      ),
      { regionId: String(north.id) },
    );
    expect(subregionRefused.status).toBe(400);
    expect(await subregionRefused.json()).toMatchObject({
      inUse: {
        name: "Noord",
        uses: [
          { kind: "organisations", count: 1 },
          { kind: "plans", count: 1 },
          { kind: "seats", count: 1 },
        ],
      },
    });

    await t.db.deleteFrom("user_roles").where("region_id", "=", north.id).execute();
    const stillRefused = await remove();
    expect((await stillRefused.json()) as unknown).toMatchObject({
      inUse: { uses: expect.not.arrayContaining([expect.objectContaining({ kind: "users" })]) },
    });
  });

  it("refuses a save against a version others have changed since, subregion changes included", async () => {
    const { cookie } = await signedIn(t.db, "beheerder");
    const region = String(await defaultRegionId(t.db));
    const post = (fields: Record<string, string>) =>
      call(regionRoute.action, formRequest(`/beheer/regios/${region}`, fields, { cookie }), { regionId: region });
    const added = await post({ intent: "addSubregion", version: "1", name: "Parkstad", code: "parkstad" });
    expect(added.status).toBe(302);
    const stale = await post({
      intent: "save",
      version: "1",
      name: "Zuid-Limburg",
      code: "zuid-limburg",
      tagline: "Oude pagina",
    });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as {
      values: Record<string, string>;
      conflict: { fields: { field: string }[] }[];
    };
    expect(body.values).toMatchObject({ tagline: "Oude pagina", version: "2" });
    expect(body.conflict[0]!.fields.map((change) => change.field)).toContain("subregions");
    const staleRemoval = await post({ intent: "remove", version: "1", confirm: "on" });
    expect(staleRemoval.status).toBe(409);
    const row = await t.db.selectFrom("regions").selectAll().where("id", "=", Number(region)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ version: 2 });
    expect(row.tagline).not.toBe("Oude pagina");
  });
  it("names the region, never an empty subregion, where bodies and plans have none", async () => {
    const { cookie } = await signedIn(t.db, "lezer");
    const body = await makeBody(t.db, { name: "Bestuurlijke Regiegroep" });
    const data = (await (await call(bodiesRoute.loader, get("/gremia", cookie))).json()) as {
      bodies: { id: number; subregion_name: string | null; region_name: string }[];
    };
    const listed = data.bodies.find((row) => row.id === body.id)!;
    expect(listed).toMatchObject({ subregion_name: null, region_name: "Zuid-Limburg" });
    expect(translator("nl")("regions.wholeRegion", { name: listed.region_name })).toBe("regio Zuid-Limburg");
    const page = (await (
      await call(bodyRoute.loader, get(`/gremia/${body.id}`, cookie), { bodyId: String(body.id) })
    ).json()) as { body: { region_name: string } };
    expect(page.body.region_name).toBe("Zuid-Limburg");
  });
});
