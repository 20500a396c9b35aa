import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDemoAccounts, loadDemo, readDemoData, type DemoAccount } from "../../seeds/load";
import { readNoordMiddenLimburgData } from "../../seeds/noord-midden-limburg";
import { createTestDatabase, type TestDatabase } from "../support/db";

/**
 * The demo's second region as loaded (decision 045): Noord- en Midden-Limburg beside Zuid-Limburg in
 * one register, the organisations both name as one record with two regions, the stuurgroep's seats
 * for a constituency, and a redacteur for each region alone. The file's own facts are checked against
 * the sources in tests/unit/demo-noord-midden-limburg.test.ts.
 */

const data = readNoordMiddenLimburgData();

describe("the demo's second region, Noord- en Midden-Limburg", () => {
  let test: TestDatabase;
  let accounts: DemoAccount[];
  let regionId: number;
  beforeAll(async () => {
    test = await createTestDatabase();
    ({ accounts } = await loadDemo(test.db));
    regionId = (
      await test.db
        .selectFrom("regions")
        .select("id")
        .where("code", "=", "noord-midden-limburg")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await test.cleanup();
  });

  const bodyId = async (name: string) =>
    (await test.db.selectFrom("bodies").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;

  it("is a region beside Zuid-Limburg with its name, tagline and three subregions", async () => {
    const regions = await test.db.selectFrom("regions").select(["code", "name", "tagline"]).orderBy("id").execute();
    expect(regions.map((region) => region.code)).toEqual(["zuid-limburg", "noord-midden-limburg"]);
    expect(regions[1]).toEqual({ code: "noord-midden-limburg", name: data.region.name, tagline: data.region.tagline });
    const subregions = await test.db
      .selectFrom("subregions")
      .select("name")
      .where("region_id", "=", regionId)
      .orderBy("id")
      .execute();
    expect(subregions.map((sub) => sub.name)).toEqual(["Noord", "Midden-Oost", "Midden-West"]);
  });

  it("links the 14 municipalities to the region only, in no subregion", async () => {
    const municipalities = await test.db
      .selectFrom("organisations")
      .innerJoin("organisation_regions", "organisation_regions.organisation_id", "organisations.id")
      .innerJoin("sectors", "sectors.id", "organisations.sector_id")
      .select(["organisations.id", "organisations.name"])
      .where("organisation_regions.region_id", "=", regionId)
      .where("sectors.code", "=", "gemeente")
      .execute();
    expect(municipalities).toHaveLength(14);
    const ids = municipalities.map((municipality) => municipality.id);
    const links = await test.db
      .selectFrom("organisation_regions")
      .select("region_id")
      .where("organisation_id", "in", ids)
      .execute();
    expect(links.every((link) => link.region_id === regionId)).toBe(true);
    const placed = await test.db
      .selectFrom("organisation_subregions")
      .select("organisation_id")
      .where("organisation_id", "in", ids)
      .execute();
    expect(placed).toEqual([]);
  });

  it("keeps an organisation active in both regions one record with two region links, its update audited", async () => {
    const [zuidLimburg] = await test.db.selectFrom("regions").select("id").orderBy("id").execute();
    const names = new Map(readDemoData().organisations.map((organisation) => [organisation.key, organisation.name]));
    for (const also of data.existingOrganisationsAlsoHere) {
      const records = await test.db
        .selectFrom("organisations")
        .select("id")
        .where("name", "=", names.get(also.key)!)
        .execute();
      expect(records, also.key).toHaveLength(1);
      const regions = await test.db
        .selectFrom("organisation_regions")
        .innerJoin("regions", "regions.id", "organisation_regions.region_id")
        .select("regions.code")
        .where("organisation_id", "=", records[0]!.id)
        .orderBy("regions.id")
        .execute();
      expect(
        regions.map((row) => row.code),
        also.key,
      ).toEqual(["zuid-limburg", "noord-midden-limburg"]);
    }
    const meditta = await test.db
      .selectFrom("organisations")
      .select(["id", "version"])
      .where("name", "=", "Meditta")
      .executeTakeFirstOrThrow();
    const places = await test.db
      .selectFrom("organisation_subregions")
      .innerJoin("subregions", "subregions.id", "organisation_subregions.subregion_id")
      .select("subregions.code")
      .where("organisation_id", "=", meditta.id)
      .execute();
    expect(places.map((place) => place.code)).toContain("nml-midden-west");
    const update = await test.db
      .selectFrom("audit_log")
      .select(["after"])
      .where("entity", "=", "organisations")
      .where("entity_id", "=", String(meditta.id))
      .where("action", "=", "update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(update.after!)).toMatchObject({
      version: meditta.version,
      region_ids: [zuidLimburg!.id, regionId],
    });
  });

  it("seats the stuurgroep for constituencies: a subregion's providers, or a sector", async () => {
    const seats = await test.db
      .selectFrom("seats")
      .leftJoin("sectors", "sectors.id", "seats.constituency_sector_id")
      .leftJoin("subregions", "subregions.id", "seats.constituency_subregion_id")
      .select(["seats.organisation_id", "sectors.code as sector", "subregions.code as subregion"])
      .where("seats.body_id", "=", await bodyId("Stuurgroep IZA NML"))
      .execute();
    const constituency = seats.filter((seat) => seat.sector !== null || seat.subregion !== null);
    expect(constituency).toHaveLength(data.seats.filter((seat) => seat.constituency).length);
    expect(constituency.every((seat) => seat.organisation_id === null)).toBe(true);
    expect(new Set(constituency.map((seat) => seat.subregion ?? seat.sector))).toEqual(
      new Set(["nml-noord", "nml-midden-oost", "nml-midden-west", "gemeente", "ggd", "welzijn", "zorgverzekeraar"]),
    );
  });

  it("states how often and how its bodies meet and decide as the sources do, under its own region", async () => {
    const bodies = await test.db
      .selectFrom("bodies")
      .select([
        "name",
        "region_id",
        "parent_id",
        "meetings_per_year",
        "meeting_interval_min_weeks",
        "meeting_interval_max_weeks",
        "decision_mode",
      ])
      .where("name", "in", [
        "Bestuurlijk overleg over uitvoering",
        "Portefeuillehoudersoverleg IZA NML",
        "Kerngroep IZA NML",
      ])
      .orderBy("name")
      .execute();
    expect(bodies.map(({ region_id: _region, parent_id: _parent, ...body }) => body)).toEqual([
      {
        name: "Bestuurlijk overleg over uitvoering",
        meetings_per_year: null,
        meeting_interval_min_weeks: 2,
        meeting_interval_max_weeks: 4,
        decision_mode: null,
      },
      {
        name: "Kerngroep IZA NML",
        meetings_per_year: 12,
        meeting_interval_min_weeks: null,
        meeting_interval_max_weeks: null,
        decision_mode: "unaniem",
      },
      {
        name: "Portefeuillehoudersoverleg IZA NML",
        meetings_per_year: 3,
        meeting_interval_min_weeks: null,
        meeting_interval_max_weeks: null,
        decision_mode: "consensus_anders_meerderheid",
      },
    ]);
    expect(bodies[1]!.parent_id).toBe(await bodyId("Portefeuillehoudersoverleg IZA NML"));
    const inRegion = await test.db
      .selectFrom("bodies")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("region_id", "=", regionId)
      .executeTakeFirstOrThrow();
    expect(Number(inRegion.n)).toBe(data.bodies.length);
  });

  it("has plans with no team body and no funding marker the source does not give, a lead only where a card names one", async () => {
    const plans = await test.db
      .selectFrom("plans")
      .leftJoin("organisations", "organisations.id", "plans.lead_organisation_id")
      .select(["plans.id", "plans.team_body_id", "organisations.short_name as lead"])
      .where("plans.region_id", "=", regionId)
      .execute();
    expect(plans).toHaveLength(data.plans.length);
    expect(plans.every((plan) => plan.team_body_id === null)).toBe(true);
    expect(plans.flatMap((plan) => (plan.lead ? [plan.lead] : [])).sort()).toEqual(["De Zorggroep", "VieCuri"]);
    const markers = await test.db
      .selectFrom("plan_funding_markers")
      .select("plan_id")
      .where(
        "plan_id",
        "in",
        plans.map((plan) => plan.id),
      )
      .execute();
    expect(markers).toEqual([]);
  });

  it("holds the Kerngroep's and PhO's meetings in its own region, with attendance", async () => {
    const held = await test.db
      .selectFrom("meetings")
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .select(["bodies.name", "meetings.region_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("meetings.status", "=", "gehouden")
      .where("bodies.region_id", "=", regionId)
      .groupBy(["bodies.name", "meetings.region_id"])
      .orderBy("bodies.name")
      .execute();
    expect(held.map((row) => [row.name, row.region_id, Number(row.n)])).toEqual([
      ["Kerngroep IZA NML", regionId, 21],
      ["Portefeuillehoudersoverleg IZA NML", regionId, 6],
    ]);
    const attended = await test.db
      .selectFrom("attendance")
      .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("meetings.region_id", "=", regionId)
      .executeTakeFirstOrThrow();
    expect(Number(attended.n)).toBeGreaterThan(27 * 4);
  });

  it("gives a redacteur to each region alone beside the network-wide accounts, and prints them with their region", async () => {
    const roles = await test.db
      .selectFrom("users")
      .innerJoin("user_roles", "user_roles.user_id", "users.id")
      .leftJoin("regions", "regions.id", "user_roles.region_id")
      .select(["users.email", "user_roles.role", "regions.code as region"])
      .orderBy("users.id")
      .execute();
    expect(roles).toEqual([
      { email: "beheerder@example.org", role: "beheerder", region: null },
      { email: "redacteur@example.org", role: "redacteur", region: null },
      { email: "onderzoeker@example.org", role: "onderzoeker", region: null },
      { email: "lezer@example.org", role: "lezer", region: null },
      { email: "redacteur-zl@example.org", role: "redacteur", region: "zuid-limburg" },
      { email: "redacteur-nml@example.org", role: "redacteur", region: "noord-midden-limburg" },
    ]);
    const printed = describeDemoAccounts(accounts);
    expect(printed).toMatch(/redacteur-nml@example\.org\s+\S{16}\s+Noord- en Midden-Limburg$/m);
    expect(printed).toMatch(/redacteur-zl@example\.org\s+\S{16}\s+Zuid-Limburg$/m);
    expect(printed).toMatch(/lezer@example\.org\s+\S{16}\s+hele netwerk$/m);
  });
});
