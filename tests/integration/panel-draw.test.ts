import type { KyselyPlugin } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { drawPanel, loadPanelFacts } from "../../app/models/panel-facts.server";
import { panelRulesSchema } from "../../app/services/panel-rules-schema";
import type { ListScope } from "../../app/services/region-choice";
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
import { makeSubregion } from "../support/organisations";
import { makeAffiliation } from "../support/people";
import { makePlan } from "../support/themes";

const REFERENCE = "2025-10-01";
const rules = (input: Record<string, unknown>) => panelRulesSchema.parse(input);

describe("drawing a panel from the register", () => {
  let test: TestDatabase;
  /** the demo region every helper puts its records in: a regional wave's scope */
  let region: ListScope;
  beforeEach(async () => {
    test = await createTestDatabase();
    region = { regionId: await defaultRegionId(test.db) };
  });
  afterEach(async () => {
    await test.cleanup();
  });

  /** A person with an e-mail address and a job at the organisation. */
  async function networker(organisationId: number, values: Parameters<typeof makePerson>[1] = {}) {
    const n = Math.random().toString(36).slice(2, 8);
    const person = await makePerson(test.db, { email: `p-${n}@example.org`, ...values });
    await makeAffiliation(test.db, { person_id: person.id, organisation_id: organisationId });
    return person;
  }

  it("draws the issue's panel: strategic and tactical seats on 1 October 2025, plus project leaders of IZA-funded plans", async () => {
    const subregion = await makeSubregion(test.db, { name: "Parkstad" });
    const sector = await makeSector(test.db, { code: "gemeente", name_nl: "Gemeente" });
    const heerlen = await makeOrganisation(test.db, {
      name: "Gemeente Heerlen",
      short_name: "Heerlen",
      sector_id: sector.id,
    });
    await test.db
      .insertInto("organisation_subregions")
      .values({ organisation_id: heerlen.id, subregion_id: subregion.id })
      .execute();
    const regiegroep = await makeBody(test.db, {
      name: "Bestuurlijke Regiegroep",
      abbreviation: "BRGZL",
      kind: "regiegroep",
      level: "strategisch",
    });
    const adviesteam = await makeBody(test.db, { name: "Adviesteam", kind: "adviesteam", level: "tactisch" });
    const werkgroep = await makeBody(test.db, { level: "operationeel" });
    const izaPlan = await makePlan(test.db, { funding_markers: ["iza"] });
    const otherPlan = await makePlan(test.db, { funding_markers: ["andere"] });

    const chair = await networker(heerlen.id, { last_name: "Aalders" });
    const adviser = await networker(heerlen.id, { last_name: "Bakker" });
    const leader = await networker(heerlen.id, { last_name: "Claes" });
    const leaderElsewhere = await networker(heerlen.id);
    const teamMember = await networker(heerlen.id);
    const operational = await networker(heerlen.id);
    const leftBefore = await networker(heerlen.id);
    await makeSeat(test.db, {
      body_id: regiegroep.id,
      person_id: chair.id,
      role: "voorzitter",
      organisation_id: heerlen.id,
    });
    await makeSeat(test.db, { body_id: adviesteam.id, person_id: chair.id, role: "lid" });
    await makeSeat(test.db, { body_id: adviesteam.id, person_id: adviser.id, start_date: REFERENCE });
    await makeSeat(test.db, { body_id: izaPlan.team_body_id!, person_id: leader.id, role: "projectleider" });
    await makeSeat(test.db, { body_id: otherPlan.team_body_id!, person_id: leaderElsewhere.id, role: "projectleider" });
    await makeSeat(test.db, { body_id: izaPlan.team_body_id!, person_id: teamMember.id, role: "lid" });
    await makeSeat(test.db, { body_id: werkgroep.id, person_id: operational.id });
    await makeSeat(test.db, { body_id: regiegroep.id, person_id: leftBefore.id, end_date: "2025-09-30" });

    const panel = await drawPanel(
      test.db,
      rules({
        seatRules: [{ levels: ["strategisch", "tactisch"] }, { planFunding: ["iza"], roles: ["projectleider"] }],
      }),
      REFERENCE,
      region,
    );
    expect(panel.members.map((m) => m.personId)).toEqual([chair.id, adviser.id, leader.id]);
    const [first] = panel.members;
    expect(first!.reasons.map((r) => r.rule === "seat" && r.bodyId)).toEqual([regiegroep.id, adviesteam.id]);
    expect(first!.attributes).toMatchObject({
      organisationId: heerlen.id,
      organisationShortName: "Heerlen",
      sectorCode: "gemeente",
      sectorName: "Gemeente",
      subregions: ["Parkstad"],
      level: "strategisch",
      roles: ["voorzitter", "lid"],
    });
    expect(first!.attributes.bodies[0]).toEqual({
      id: regiegroep.id,
      name: "Bestuurlijke Regiegroep",
      abbreviation: "BRGZL",
      level: "strategisch",
      role: "voorzitter",
    });
    expect(panel.emptiedBy).toBeNull();
  });

  it("reads the primary address, the current research consent and the active jobs", async () => {
    const organisation = await makeOrganisation(test.db);
    const body = await makeBody(test.db);
    const withdrawnThenGiven = await networker(organisation.id);
    const givenThenWithdrawn = await networker(organisation.id);
    const secondaryOnly = await makePerson(test.db);
    await test.db
      .insertInto("person_emails")
      .values({ person_id: secondaryOnly.id, email: "tweede@example.org", is_primary: 0 })
      .execute();
    await makeAffiliation(test.db, { person_id: secondaryOnly.id, organisation_id: organisation.id });
    const formerJob = await makePerson(test.db, { email: "oud@example.org" });
    await makeAffiliation(test.db, {
      person_id: formerJob.id,
      organisation_id: organisation.id,
      end_date: "2025-09-30",
    });
    await test.db
      .insertInto("consents")
      .values([
        {
          person_id: withdrawnThenGiven.id,
          purpose: "research",
          status: "withdrawn",
          recorded_on: "2024-01-01",
          source: null,
        },
        {
          person_id: withdrawnThenGiven.id,
          purpose: "research",
          status: "given",
          recorded_on: "2025-01-01",
          source: null,
        },
        {
          person_id: givenThenWithdrawn.id,
          purpose: "research",
          status: "given",
          recorded_on: "2024-01-01",
          source: null,
        },
        {
          person_id: givenThenWithdrawn.id,
          purpose: "research",
          status: "withdrawn",
          recorded_on: "2025-01-01",
          source: null,
        },
        { person_id: givenThenWithdrawn.id, purpose: "news", status: "given", recorded_on: "2025-06-01", source: null },
      ])
      .execute();
    for (const p of [withdrawnThenGiven, givenThenWithdrawn, secondaryOnly, formerJob])
      await makeSeat(test.db, { body_id: body.id, person_id: p.id });

    const panel = await drawPanel(test.db, rules({ seatRules: [{}] }), REFERENCE, region);
    expect(panel.members.map((m) => m.personId).sort()).toEqual([withdrawnThenGiven.id, secondaryOnly.id].sort());
    expect(panel.members.find((m) => m.personId === secondaryOnly.id)!.email).toBe("tweede@example.org");
    expect(Object.fromEntries(panel.excluded.map((e) => [e.personId, e.reasons]))).toEqual({
      [givenThenWithdrawn.id]: ["research_opt_out"],
      [formerJob.id]: ["no_active_affiliation"],
    });
  });

  it("counts presence at held meetings of the seat's body in the months before the reference date", async () => {
    const organisation = await makeOrganisation(test.db);
    const body = await makeBody(test.db);
    const regular = await networker(organisation.id);
    const rare = await networker(organisation.id);
    for (const p of [regular, rare]) await makeSeat(test.db, { body_id: body.id, person_id: p.id });
    const meetings = await Promise.all(
      ["2025-07-01", "2025-09-30", REFERENCE].map((date) => makeMeeting(test.db, { body_id: body.id, date })),
    );
    const cancelled = await makeMeeting(test.db, { body_id: body.id, date: "2025-08-01", status: "geannuleerd" });
    await makeAttendance(test.db, {
      meeting_id: meetings[0]!.id,
      person_id: regular.id,
      status: "aanwezig",
      substitute_person_id: null,
      seat_id: null,
      organisation_id: null,
      note: null,
    });
    await makeAttendance(test.db, {
      meeting_id: meetings[1]!.id,
      person_id: regular.id,
      status: "aanwezig",
      substitute_person_id: null,
      seat_id: null,
      organisation_id: null,
      note: null,
    });
    await makeAttendance(test.db, {
      meeting_id: meetings[1]!.id,
      person_id: rare.id,
      status: "afgemeld",
      substitute_person_id: null,
      seat_id: null,
      organisation_id: null,
      note: null,
    });
    await makeAttendance(test.db, {
      meeting_id: meetings[2]!.id,
      person_id: rare.id,
      status: "aanwezig",
      substitute_person_id: null,
      seat_id: null,
      organisation_id: null,
      note: null,
    });
    await makeAttendance(test.db, {
      meeting_id: cancelled.id,
      person_id: rare.id,
      status: "aanwezig",
      substitute_person_id: null,
      seat_id: null,
      organisation_id: null,
      note: null,
    });

    const panel = await drawPanel(
      test.db,
      rules({ seatRules: [{ minAttendance: { meetings: 2, months: 3 } }] }),
      REFERENCE,
      region,
    );
    expect(panel.members.map((m) => m.personId)).toEqual([regular.id]);
  });

  it("takes in whole organisations' staff by sector", async () => {
    const care = await makeSector(test.db);
    const hospital = await makeOrganisation(test.db, { sector_id: care.id });
    const elsewhere = await makeOrganisation(test.db);
    const nurse = await networker(hospital.id);
    await networker(elsewhere.id);
    const panel = await drawPanel(test.db, rules({ organisationRules: [{ sectorIds: [care.id] }] }), REFERENCE, region);
    expect(panel.members.map((m) => m.personId)).toEqual([nurse.id]);
    expect(panel.members[0]!.reasons).toEqual([
      { rule: "organisation", ruleIndex: 0, organisationId: hospital.id, organisationName: hospital.name },
    ]);
  });

  it("reads nothing for a wave without rules, and no attendance unless a rule asks for it", async () => {
    const organisation = await makeOrganisation(test.db);
    const body = await makeBody(test.db);
    const p = await networker(organisation.id);
    await makeSeat(test.db, { body_id: body.id, person_id: p.id });
    const meeting = await makeMeeting(test.db, { body_id: body.id, date: "2025-09-01" });
    await makeAttendance(test.db, {
      meeting_id: meeting.id,
      person_id: p.id,
      status: "aanwezig",
      substitute_person_id: null,
      seat_id: null,
      organisation_id: null,
      note: null,
    });

    expect(await loadPanelFacts(test.db, REFERENCE, rules({}), region)).toEqual({
      bodies: [],
      seats: [],
      people: [],
      affiliations: [],
      organisations: [],
      presences: [],
    });
    expect((await loadPanelFacts(test.db, REFERENCE, rules({ seatRules: [{}] }), region)).presences).toEqual([]);
    expect(
      (
        await loadPanelFacts(
          test.db,
          REFERENCE,
          rules({ seatRules: [{ minAttendance: { meetings: 1, months: 1 } }] }),
          region,
        )
      ).presences,
    ).toHaveLength(1);
  });

  it("asks the database the same number of questions for a handful of people as for many", async () => {
    const sector = await makeSector(test.db);
    const organisation = await makeOrganisation(test.db, { sector_id: sector.id });
    const body = await makeBody(test.db);
    const plan = await makePlan(test.db);
    const fullRules = rules({
      seatRules: [{ planIds: [plan.id] }, { bodyIds: [body.id], minAttendance: { meetings: 1, months: 12 } }],
      organisationRules: [{ sectorIds: [sector.id] }],
    });
    const countQueries = async () => {
      let queries = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => args.node,
        // called once per statement executed (transformQuery also sees every subquery)
        transformResult: (args) => {
          queries += 1;
          return Promise.resolve(args.result);
        },
      };
      await drawPanel(test.db.withPlugin(counter), fullRules, REFERENCE, region);
      return queries;
    };
    const addPeople = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        const p = await networker(organisation.id);
        await makeSeat(test.db, { body_id: body.id, person_id: p.id, organisation_id: organisation.id });
      }
    };
    await addPeople(2);
    const few = await countQueries();
    await addPeople(20);
    expect(await countQueries()).toBe(few);
    expect(few).toBeLessThanOrEqual(9);
  });
});
