import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBody, getBody, listBodies, updateBody } from "../../app/models/bodies.server";
import { yearOverview } from "../../app/models/meeting-reports.server";
import { drawPanel } from "../../app/models/panel-facts.server";
import { createPlan, getPlan, listPlans } from "../../app/models/plans.server";
import * as newBodyRoute from "../../app/routes/gremia.nieuw";
import { groupBySubregion } from "../../app/services/attendance-figures";
import { panelRulesSchema } from "../../app/services/panel-rules-schema";
import { type DB, migrateToLatest, migrator, openDatabase } from "../../db/index";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeSector,
  type TestDatabase,
} from "../support/db";
import { makeMeeting } from "../support/meetings";
import { makeSubregion } from "../support/organisations";
import { makeAffiliation } from "../support/people";
import { call as call_, type Handler, signedIn as signedIn_ } from "../support/routes";
import { emptyDatabase, type FreshDatabase } from "../support/test-database";
import { makeTheme } from "../support/themes";

/** Decisions 038 and 039: bodies and plans over several subregions, funding markers, frequency, decision mode. */

describe("migration 0020 on a register in use", () => {
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

  it("moves each body's and plan's subregion and each plan's funding status into the new tables, and drops the old columns", async () => {
    await sql`insert into regions (code, name) values ('zl', 'Zuid-Limburg')`.execute(db);
    await sql`insert into subregions (region_id, code, name) values (1, 'pk', 'Parkstad')`.execute(db);
    await sql`insert into bodies (name, kind, level, subregion_id) values ('Alliantie', 'coalitie', 'strategisch', 1)`.execute(
      db,
    );
    await sql`insert into bodies (name, kind, level) values ('BRGZL', 'regiegroep', 'strategisch')`.execute(db);
    await sql`insert into plans (name, funding_status, subregion_id) values ('Pluswijken', 'iza', 1)`.execute(db);
    await sql`insert into plans (name, funding_status) values ('Beweeghuis', 'andere')`.execute(db);

    expect(await migrateToLatest(db, empty.target)).toContain("0020_governance");

    expect(await db.selectFrom("body_subregions").selectAll().execute()).toEqual([{ body_id: 1, subregion_id: 1 }]);
    expect(await db.selectFrom("plan_subregions").selectAll().execute()).toEqual([{ plan_id: 1, subregion_id: 1 }]);
    expect(await db.selectFrom("plan_funding_markers").selectAll().orderBy("plan_id").execute()).toEqual([
      { plan_id: 1, marker: "iza" },
      { plan_id: 2, marker: "andere" },
    ]);
    await expect(sql`select subregion_id from bodies`.execute(db)).rejects.toThrow();
    await expect(sql`select subregion_id from plans`.execute(db)).rejects.toThrow();
    await expect(sql`select funding_status from plans`.execute(db)).rejects.toThrow();
  });
});

describe("governance on a migrated register", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.cleanup();
  });
  const call = (handler: Handler, request: Request) => call_(t.db, handler, request, {});
  const signedIn = (role: UserRole) => signedIn_(t.db, role);
  const editor = async () => (await signedIn("redacteur")).user;

  const bodyFields = {
    name: "Mijnstreek Coalitie test",
    abbreviation: null,
    kind: "coalitie" as const,
    level: "strategisch" as const,
    parent_id: null,
    subregion_ids: [] as number[],
    theme_id: null,
    description: null,
    active_from: "2023-01-01",
    active_to: null,
    meetings_per_year: null,
    meeting_interval_min_weeks: null,
    meeting_interval_max_weeks: null,
    decision_mode: null,
  };

  it("counts a body spanning two subregions under both: body list, year overview and a panel rule of either", async () => {
    const actor = await editor();
    const west = await makeSubregion(t.db, { name: "Westelijke Mijnstreek" });
    const east = await makeSubregion(t.db, { name: "Oostelijke Mijnstreek" });
    const body = await createBody(
      t.db,
      actor,
      { ...bodyFields, name: "DB Mijnstreek test", meetings_per_year: 8 },
      await defaultRegionId(t.db),
    );
    const spanning = await updateBody(t.db, actor, body.id, body.version, {
      ...bodyFields,
      name: "DB Mijnstreek test",
      meetings_per_year: 8,
      subregion_ids: [west.id, east.id],
    });
    expect(spanning.version).toBe(2);
    expect((await getBody(t.db, body.id))?.subregion_ids).toEqual([west.id, east.id].sort((a, b) => a - b));

    for (const subregion of [west, east]) {
      const listed = await listBodies(t.db, "all", "2025-06-01", { subregionId: subregion.id });
      expect(listed.map((row) => row.id)).toContain(body.id);
    }

    await makeMeeting(t.db, { body_id: body.id, date: "2025-03-04", status: "gehouden" });
    const overview = await yearOverview(t.db, 2025, "all");
    const groups = groupBySubregion(overview.bodies);
    for (const subregion of [west, east]) {
      const group = groups.find((candidate) => candidate.key === String(subregion.id));
      expect(group?.rows.map((row) => row.id)).toContain(body.id);
      expect(group?.totals).toMatchObject({ held: 1, meetingsPerYear: 8 });
    }

    const sector = await makeSector(t.db);
    const organisation = await makeOrganisation(t.db, { sector_id: sector.id });
    const member = await makePerson(t.db, { email: "lid-mijnstreek@example.org" });
    await makeAffiliation(t.db, { person_id: member.id, organisation_id: organisation.id });
    await makeSeat(t.db, { body_id: body.id, person_id: member.id, organisation_id: organisation.id });
    for (const subregion of [west, east]) {
      const panel = await drawPanel(
        t.db,
        panelRulesSchema.parse({ seatRules: [{ subregionIds: [subregion.id] }] }),
        "2025-10-01",
        { regionId: await defaultRegionId(t.db) },
      );
      expect(panel.members.map((m) => m.personId)).toContain(member.id);
    }
    const elsewhere = await makeSubregion(t.db, { name: "Maastricht-Heuvelland" });
    const none = await drawPanel(
      t.db,
      panelRulesSchema.parse({ seatRules: [{ subregionIds: [elsewhere.id] }] }),
      "2025-10-01",
      { regionId: await defaultRegionId(t.db) },
    );
    expect(none.members.map((m) => m.personId)).not.toContain(member.id);
  });

  it("keeps a plan's two funding markers, finds it under either and logs both", async () => {
    const actor = await editor();
    const theme = await makeTheme(t.db);
    const { plan } = await createPlan(
      t.db,
      actor,
      {
        name: "Transmurale digitale zorg test",
        theme_id: theme.id,
        funding_markers: ["wachtlijst_iza", "andere"],
        lead_organisation_id: null,
        subregion_ids: [],
        description: null,
        teamName: null,
      },
      await defaultRegionId(t.db),
    );
    expect((await getPlan(t.db, plan.id, "2025-06-01"))?.plan.funding_markers).toEqual(["andere", "wachtlijst_iza"]);
    for (const marker of ["andere", "wachtlijst_iza"] as const) {
      const { rows } = await listPlans(t.db, "all", { fundingStatus: marker, page: 1 });
      expect(rows.map((row) => row.id)).toContain(plan.id);
    }
    const { rows: iza } = await listPlans(t.db, "all", { fundingStatus: "iza", page: 1 });
    expect(iza.map((row) => row.id)).not.toContain(plan.id);
    const entry = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("entity", "=", "plans")
      .where("entity_id", "=", String(plan.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after!)).toMatchObject({ funding_markers: ["andere", "wachtlijst_iza"] });
  });

  it("refuses a plan without any funding marker", async () => {
    const actor = await editor();
    const theme = await makeTheme(t.db);
    await expect(
      createPlan(
        t.db,
        actor,
        {
          name: "Zonder financiering",
          theme_id: theme.id,
          funding_markers: [],
          lead_organisation_id: null,
          subregion_ids: [],
          description: null,
          teamName: null,
        },
        await defaultRegionId(t.db),
      ),
    ).rejects.toMatchObject({ messageKey: "governance.errors.fundingRequired" });
  });

  it("refuses a body or a plan in one region spanning another region's subregion", async () => {
    const actor = await editor();
    const region = await defaultRegionId(t.db);
    const other = await t.db
      .insertInto("regions")
      .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const noord = await makeSubregion(t.db, { name: "Noord", region_id: other.id });
    const own = await makeSubregion(t.db, { name: "Parkstad", region_id: region });
    await expect(
      createBody(t.db, actor, { ...bodyFields, name: "Over de grens", subregion_ids: [own.id, noord.id] }, region),
    ).rejects.toMatchObject({ messageKey: "common.form.invalid", field: "subregion_ids" });
    const theme = await makeTheme(t.db);
    await expect(
      createPlan(
        t.db,
        actor,
        {
          name: "Over de grens",
          theme_id: theme.id,
          funding_markers: ["iza"],
          lead_organisation_id: null,
          subregion_ids: [noord.id],
          description: null,
          teamName: null,
        },
        region,
      ),
    ).rejects.toMatchObject({ messageKey: "common.form.invalid", field: "subregion_ids" });
    const kept = await createBody(
      t.db,
      actor,
      { ...bodyFields, name: "Binnen de grens", subregion_ids: [own.id] },
      region,
    );
    expect(kept.region_id).toBe(region);
  });

  it("refuses a frequency range whose first number is larger, in Dutch on the field, keeping what was typed", async () => {
    const { cookie } = await signedIn("redacteur");
    const fields = {
      name: "Bestuurlijk overleg uitvoering",
      kind: "overleg",
      level: "strategisch",
      meeting_interval_min_weeks: "4",
      meeting_interval_max_weeks: "2",
      decision_mode: "consent",
    };
    const refused = await call(newBodyRoute.action, formRequest("/gremia/nieuw", fields, { cookie }));
    expect(refused.status).toBe(400);
    const answer = await refused.json();
    expect(answer.errors).toEqual({ meeting_interval_max_weeks: "governance.errors.intervalReversed" });
    expect(answer.values).toMatchObject({ meeting_interval_min_weeks: "4", meeting_interval_max_weeks: "2" });

    const half = await call(
      newBodyRoute.action,
      formRequest("/gremia/nieuw", { ...fields, meeting_interval_max_weeks: "" }, { cookie }),
    );
    expect((await half.json()).errors).toEqual({ meeting_interval_max_weeks: "governance.errors.intervalIncomplete" });

    const created = await call(
      newBodyRoute.action,
      formRequest(
        "/gremia/nieuw",
        { ...fields, meeting_interval_min_weeks: "2", meeting_interval_max_weeks: "4" },
        { cookie },
      ),
    );
    expect(created.status).toBe(302);
    const id = Number(/gremia\/(\d+)/.exec(created.headers.get("Location") ?? "")?.[1]);
    expect(await getBody(t.db, id)).toMatchObject({
      meeting_interval_min_weeks: 2,
      meeting_interval_max_weeks: 4,
      decision_mode: "consent",
      meetings_per_year: null,
    });
    // every 2 to 4 weeks is 13 to 26 meetings a year; the year overview shows the range
    const overview = await yearOverview(t.db, 2025, "all");
    expect(overview.bodies.find((body) => body.id === id)).toMatchObject({
      meetingsPerYear: 13,
      meetingsPerYearMax: 26,
    });
  });

  it("has the database refuse a reversed interval, an unknown decision mode and a seat for an organisation and a constituency", async () => {
    const body = await makeBody(t.db);
    await expect(
      t.db
        .updateTable("bodies")
        .set({ meeting_interval_min_weeks: 6, meeting_interval_max_weeks: 2 })
        .where("id", "=", body.id)
        .execute(),
    ).rejects.toThrow();
    await expect(sql`update bodies set decision_mode = 'loting' where id = ${body.id}`.execute(t.db)).rejects.toThrow();
    const sector = await makeSector(t.db);
    const subregion = await makeSubregion(t.db);
    const organisation = await makeOrganisation(t.db, { sector_id: sector.id });
    await expect(
      makeSeat(t.db, {
        body_id: body.id,
        organisation_id: organisation.id,
        constituency_sector_id: sector.id,
        constituency_subregion_id: subregion.id,
      }),
    ).rejects.toThrow();
    const constituency = await makeSeat(t.db, {
      body_id: body.id,
      organisation_id: null,
      constituency_sector_id: sector.id,
      constituency_subregion_id: subregion.id,
    });
    expect(constituency).toMatchObject({ constituency_sector_id: sector.id, constituency_subregion_id: subregion.id });
  });
});
