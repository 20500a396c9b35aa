import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBody, updateBody } from "../../app/models/bodies.server";
import { createEvent } from "../../app/models/meetings.server";
import { createPlan } from "../../app/models/plans.server";
import { addSeat } from "../../app/models/seats.server";
import * as editBodyRoute from "../../app/routes/gremia.$bodyId_.bewerken";
import * as newBodyRoute from "../../app/routes/gremia.nieuw";
import * as editPlanRoute from "../../app/routes/plannen.$planId_.bewerken";
import * as newPlanRoute from "../../app/routes/plannen.nieuw";
import * as newMeetingRoute from "../../app/routes/vergaderingen.nieuw";
import * as seriesRoute from "../../app/routes/vergaderingen.reeks";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
} from "../support/db";
import { call, get } from "../support/routes";
import { makePlan, makeTheme } from "../support/themes";

/**
 * Decision 048: a record refers only to records of its own region. The models refuse a reference
 * across regions with a message on the field; the forms offer only the record's region's choices.
 */

let t: TestDatabase;
let zuid: number;
let noord: number;
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
});
afterEach(async () => {
  await t.cleanup();
});

const editor = async () => (await makeUser(t.db, { role: "redacteur" })).user;

const bodyFields = {
  name: "Werkgroep over de grens",
  abbreviation: null,
  kind: "werkgroep" as const,
  level: "tactisch" as const,
  parent_id: null,
  subregion_ids: [] as number[],
  theme_id: null,
  description: null,
  active_from: null,
  active_to: null,
  meetings_per_year: null,
  meeting_interval_min_weeks: null,
  meeting_interval_max_weeks: null,
  decision_mode: null,
};

const planFields = {
  name: "Plan over de grens",
  funding_markers: ["iza" as const],
  lead_organisation_id: null,
  subregion_ids: [] as number[],
  description: null,
  teamName: null,
};

async function organisationIn(regionId: number) {
  const organisation = await makeOrganisation(t.db);
  await t.db
    .insertInto("organisation_regions")
    .values({ organisation_id: organisation.id, region_id: regionId })
    .execute();
  return organisation;
}

describe("the models refuse a reference to another region's record", () => {
  it("a body's parent and theme", async () => {
    const actor = await editor();
    const parent = await makeBody(t.db, { region_id: noord });
    const theme = await makeTheme(t.db, { region_id: noord });
    await expect(createBody(t.db, actor, { ...bodyFields, parent_id: parent.id }, zuid)).rejects.toMatchObject({
      messageKey: "regions.errors.otherRegionBody",
      field: "parent_id",
    });
    await expect(createBody(t.db, actor, { ...bodyFields, theme_id: theme.id }, zuid)).rejects.toMatchObject({
      messageKey: "regions.errors.otherRegionTheme",
      field: "theme_id",
    });
    const body = await createBody(t.db, actor, bodyFields, zuid);
    await expect(
      updateBody(t.db, actor, body.id, body.version, { ...bodyFields, parent_id: parent.id }),
    ).rejects.toMatchObject({ messageKey: "regions.errors.otherRegionBody", field: "parent_id" });
    const own = await makeBody(t.db, { region_id: zuid });
    const saved = await updateBody(t.db, actor, body.id, body.version, { ...bodyFields, parent_id: own.id });
    expect(saved.parent_id).toBe(own.id);
  });

  it("a plan's theme and lead organisation; its team is made in the plan's region", async () => {
    const actor = await editor();
    const theirs = await makeTheme(t.db, { region_id: noord });
    const ours = await makeTheme(t.db, { region_id: zuid });
    await expect(createPlan(t.db, actor, { ...planFields, theme_id: theirs.id }, zuid)).rejects.toMatchObject({
      messageKey: "regions.errors.otherRegionTheme",
      field: "theme_id",
    });
    const elsewhere = await organisationIn(noord);
    await expect(
      createPlan(t.db, actor, { ...planFields, theme_id: ours.id, lead_organisation_id: elsewhere.id }, zuid),
    ).rejects.toMatchObject({ messageKey: "regions.errors.otherRegionOrganisation", field: "lead_organisation_id" });
    // an organisation in both regions, or not yet linked to any, may lead
    await t.db.insertInto("organisation_regions").values({ organisation_id: elsewhere.id, region_id: zuid }).execute();
    const { plan, team } = await createPlan(
      t.db,
      actor,
      { ...planFields, theme_id: ours.id, lead_organisation_id: elsewhere.id },
      zuid,
    );
    expect(plan.lead_organisation_id).toBe(elsewhere.id);
    expect(team.region_id).toBe(zuid);
  });

  it("an event's invited bodies and saved searches", async () => {
    const actor = await editor();
    const body = await makeBody(t.db, { region_id: noord });
    const search = await t.db
      .insertInto("saved_searches")
      .values({ name: "Noord", filter: "{}", created_by: null, archived_at: null, region_id: noord })
      .returning("id")
      .executeTakeFirstOrThrow();
    const event = {
      title: "Dag",
      date: "2030-05-01",
      start_time: "14:00",
      end_time: "16:00",
      location: null,
      online_url: null,
      agenda: null,
      minutes: null,
      kind: "themasessie" as const,
    };
    await expect(
      createEvent(
        t.db,
        actor,
        { ...event, invitations: { bodyIds: [body.id], organisationIds: [], savedSearchIds: [] } },
        zuid,
      ),
    ).rejects.toMatchObject({ messageKey: "regions.errors.otherRegionBody", field: "invited_bodies" });
    await expect(
      createEvent(
        t.db,
        actor,
        { ...event, invitations: { bodyIds: [], organisationIds: [], savedSearchIds: [search.id] } },
        zuid,
      ),
    ).rejects.toMatchObject({ messageKey: "regions.errors.otherRegionSavedSearch", field: "invited_searches" });
    const made = await createEvent(
      t.db,
      actor,
      { ...event, invitations: { bodyIds: [body.id], organisationIds: [], savedSearchIds: [search.id] } },
      noord,
    );
    expect(made.region_id).toBe(noord);
  });

  it("a seat's organisation", async () => {
    const actor = await editor();
    const body = await makeBody(t.db, { region_id: zuid });
    const person = await makePerson(t.db);
    const elsewhere = await organisationIn(noord);
    const seat = {
      person_id: person.id,
      role: "lid" as const,
      organisation_id: elsewhere.id,
      start_date: "2025-01-01",
      end_date: null,
      note: null,
    };
    await expect(addSeat(t.db, actor, body.id, seat)).rejects.toMatchObject({
      messageKey: "regions.errors.otherRegionOrganisation",
      field: "organisation_id",
    });
    const ours = await organisationIn(zuid);
    expect((await addSeat(t.db, actor, body.id, { ...seat, organisation_id: ours.id })).organisation_id).toBe(ours.id);
  });
});

describe("the forms offer only the record's region's choices", () => {
  async function zuidEditor() {
    const { user } = await makeUser(t.db, { regionRoles: { [zuid]: "redacteur" } });
    return sessionCookieFor(t.db, user.id);
  }
  const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);
  async function loaded<T>(handler: Parameters<typeof call>[1], path: string, cookie: string, params = {}) {
    const response = await call(t.db, handler, get(path, cookie), params);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  it("new and edited bodies, plans, events and series", async () => {
    const ourBody = await makeBody(t.db, { region_id: zuid });
    const theirBody = await makeBody(t.db, { region_id: noord });
    const ourTheme = await makeTheme(t.db, { region_id: zuid });
    const theirTheme = await makeTheme(t.db, { region_id: noord });
    const cookie = await zuidEditor();

    type BodyOptions = { options: { parents: { id: number }[]; themes: { id: number }[] } };
    const newBody = await loaded<BodyOptions>(newBodyRoute.loader, "/gremia/nieuw", cookie);
    expect(idsOf(newBody.options.parents)).toEqual([ourBody.id]);
    expect(idsOf(newBody.options.themes)).toEqual([ourTheme.id]);

    const networkCookie = await sessionCookieFor(t.db, (await makeUser(t.db, { role: "redacteur" })).user.id);
    const edited = await loaded<BodyOptions>(editBodyRoute.loader, `/gremia/${theirBody.id}/bewerken`, networkCookie, {
      bodyId: String(theirBody.id),
    });
    expect(edited.options.parents).toEqual([]);
    expect(idsOf(edited.options.themes)).toEqual([theirTheme.id]);

    type PlanOptions = { choices: { themes: { id: number }[] } };
    const newPlan = await loaded<PlanOptions>(newPlanRoute.loader, "/plannen/nieuw", cookie);
    expect(idsOf(newPlan.choices.themes)).toEqual([ourTheme.id]);
    const theirPlan = await makePlan(t.db, { region_id: noord, theme_id: theirTheme.id, team_body_id: null });
    const editedPlan = await loaded<PlanOptions>(
      editPlanRoute.loader,
      `/plannen/${theirPlan.id}/bewerken`,
      networkCookie,
      {
        planId: String(theirPlan.id),
      },
    );
    expect(idsOf(editedPlan.choices.themes)).toEqual([theirTheme.id]);

    type MeetingOptions = { choices: { bodies: { id: number }[] } };
    const newEvent = await loaded<MeetingOptions>(
      newMeetingRoute.loader,
      "/vergaderingen/nieuw?soort=evenement",
      cookie,
    );
    expect(idsOf(newEvent.choices.bodies)).toEqual([ourBody.id]);

    const series = await loaded<{ bodies: { id: number }[] }>(seriesRoute.loader, "/vergaderingen/reeks", cookie);
    expect(idsOf(series.bodies)).toEqual([ourBody.id]);
  });

  it("a refused create form keeps what was typed and names the field", async () => {
    const theirTheme = await makeTheme(t.db, { region_id: noord });
    const cookie = await zuidEditor();
    const response = await call(
      t.db,
      newBodyRoute.action,
      formRequest(
        "/gremia/nieuw",
        {
          name: "Werkgroep Zuid",
          kind: "werkgroep",
          level: "tactisch",
          theme_id: String(theirTheme.id),
          region_id: String(zuid),
        },
        { cookie },
      ),
    );
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { errors: Record<string, string>; values: Record<string, unknown> };
    expect(answer.errors.theme_id).toBe("regions.errors.otherRegionTheme");
    expect(answer.values.name).toBe("Werkgroep Zuid");
  });
});
