import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { todayInAmsterdam } from "../../app/i18n/format";
import { addAffiliation } from "../../app/models/affiliations.server";
import { recordConsent } from "../../app/models/people.server";
import { freezeWave, recordLaterExclusion } from "../../app/models/panel-freeze.server";
import { peopleFoundBy, readableSearches, saveSearch } from "../../app/models/saved-searches.server";
import { createWave, updateWaveRules } from "../../app/models/survey-waves.server";
import { panelRulesSchema } from "../../app/services/panel-rules-schema";
import { addDays } from "../../app/services/periods";
import * as auditRoute from "../../app/routes/beheer.logboek";
import * as bodyRoute from "../../app/routes/gremia.$bodyId";
import * as bodiesRoute from "../../app/routes/gremia._index";
import * as organisationRoute from "../../app/routes/organisaties.$organisationId";
import * as organisationsRoute from "../../app/routes/organisaties._index";
import * as matrixRoute from "../../app/routes/overzichten.matrix";
import * as organisationOverviewRoute from "../../app/routes/overzichten.organisaties.$organisationId";
import * as personRoute from "../../app/routes/personen.$personId";
import * as peopleRoute from "../../app/routes/personen._index";
import * as planRoute from "../../app/routes/plannen.$planId";
import * as plansRoute from "../../app/routes/plannen._index";
import * as themeRoute from "../../app/routes/themas.$themeId";
import * as themesRoute from "../../app/routes/themas._index";
import * as savedSearchesRoute from "../../app/routes/personen.zoekopdrachten";
import * as meetingRoute from "../../app/routes/vergaderingen.$meetingId";
import * as attendanceRoute from "../../app/routes/vergaderingen.$meetingId_.presentie";
import * as meetingsRoute from "../../app/routes/vergaderingen._index";
import * as figuresRoute from "../../app/routes/vergaderingen.cijfers";
import * as yearRoute from "../../app/routes/vergaderingen.jaaroverzicht";
import * as waveRoute from "../../app/routes/onderzoek.$waveId_.panel";
import * as previewRoute from "../../app/routes/onderzoek.$waveId_.voorbeeld";
import * as wavesRoute from "../../app/routes/onderzoek._index";
import * as searchRoute from "../../app/routes/zoeken";
import type { User } from "../../db/schema";
import {
  createTestDatabase,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeSector,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
  unique,
  defaultRegionId,
} from "../support/db";
import { makeHeldMeetings, makePeople, makeSeats, recordAttendance, seatHolders, times } from "../support/bulk";
import { makeMeeting } from "../support/meetings";
import { makeSubregion } from "../support/organisations";
import { frozenWave, panelRegister } from "../support/panels";
import { makePlan, makeTheme } from "../support/themes";
import type { Handler } from "../support/routes";
import { get } from "../support/routes";
import { countStatements, statementGrowth, statementsOf, statementSummary } from "../support/statements";

/**
 * Query hygiene: every list and detail page runs a fixed number of SQL statements, however many
 * rows it shows. Each test counts a page's loader over a small register, adds many more rows of
 * what the page lists, counts again, and expects the same count (an N+1 would add one statement
 * per row). The bound is what the page runs today, the session lookup included: a change that
 * adds a statement to a page raises its bound knowingly, or is noticed here.
 *
 * Signed in as a beheerder, so the pages also load what only editors see (the seat form's choices).
 */

let t: TestDatabase;
let user: User;
let cookie: string;
beforeEach(async () => {
  t = await createTestDatabase();
  user = (await makeUser(t.db, { role: "beheerder" })).user;
  cookie = await sessionCookieFor(t.db, user.id);
});
afterEach(async () => {
  await t.cleanup();
});

type LoaderData<L extends Handler> = Awaited<ReturnType<L>> extends { json(): Promise<infer T> } ? T : never;

interface Measured<L extends Handler> {
  count: number;
  sql: string[];
  data: LoaderData<L>;
}

/** Signed in as a beheerder (who may read everything), the loader's statements and its data. */
async function measure<L extends Handler>(
  loader: L,
  path: string,
  params: Record<string, string> = {},
): Promise<Measured<L>> {
  const { response, count, sql: statements } = await statementsOf(t.db, loader, get(path, cookie), params);
  expect(response.status, `GET ${path}`).toBe(200);
  return { count, sql: statements, data: (await response.json()) as LoaderData<L> };
}

interface BoundedPage<L extends Handler> {
  loader: L;
  path: string;
  params?: Record<string, string>;
  /** adds many more rows of what the page lists */
  grow: () => Promise<unknown>;
  /** how many rows the page shows: must be more after growing, or the test proves nothing */
  shown: (data: LoaderData<L>) => number;
  /** the most statements the page may run */
  bound: number;
}

/** The same count over few and many rows (else the statements that grew are shown), within the bound. */
function expectBounded<L extends Handler>(label: string, small: Measured<L>, large: Measured<L>, bound: number) {
  expect(large.count, `${label} ran more statements with more rows:\n${statementGrowth(small.sql, large.sql)}`).toBe(
    small.count,
  );
  expect(small.count, `${label} ran:\n${statementSummary(small.sql)}`).toBeLessThanOrEqual(bound);
}

/** Counts the page, grows the register, counts again. */
async function expectBoundedStatements<L extends Handler>(page: BoundedPage<L>) {
  const small = await measure(page.loader, page.path, page.params);
  await page.grow();
  const large = await measure(page.loader, page.path, page.params);
  expect(page.shown(large.data), `${page.path} shows more rows after growing`).toBeGreaterThan(page.shown(small.data));
  expectBounded(page.path, small, large, page.bound);
}

const today = todayInAmsterdam();

describe("the statement counter", () => {
  it("counts each executed query builder statement once, and not a query only compiled", async () => {
    const { db, statements } = countStatements(t.db);
    const query = db.selectFrom("people").select("id").where("last_name", "=", "Jansen");
    query.compile();
    expect(statements).toEqual([]);
    await query.execute();
    await db.selectFrom("organisations").selectAll().executeTakeFirst();
    expect(statements).toEqual(['select "id" from "people" where "last_name" = ?', 'select * from "organisations"']);
  });

  it("counts raw sql run on the counting handle", async () => {
    const { db, statements } = countStatements(t.db);
    await sql`select count(*) from people`.execute(db);
    expect(statements).toEqual(["select count(*) from people"]);
  });

  it("counts the statements inside a transaction (not its begin and commit)", async () => {
    const { db, statements } = countStatements(t.db);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("regions").values({ code: "zl", name: "Zuid-Limburg" }).execute();
      await sql`select 1`.execute(trx);
    });
    expect(statements).toEqual(['insert into "regions" ("code", "name") values (?, ?)', "select 1"]);
  });

  it("leaves the database it was given uncounted", async () => {
    const { statements } = countStatements(t.db);
    await t.db.selectFrom("people").select("id").execute();
    expect(statements).toEqual([]);
  });

  it("summarises a repeated statement first, with how often it ran", () => {
    expect(statementSummary(["select a", "select b", "select b"])).toBe("  2× select b\n  1× select a");
  });

  it("shows which statements ran more often the second time", () => {
    expect(statementGrowth(["select a", "select b"], ["select a", "select b", "select b", "select c"])).toBe(
      "1× → 2× select b\n0× → 1× select c",
    );
  });
});

describe("people pages", () => {
  it("/personen with an organisation filter", async () => {
    const organisation = await makeOrganisation(t.db);
    await makePeople(t.db, 3, { organisationId: organisation.id });
    await expectBoundedStatements({
      loader: peopleRoute.loader,
      path: `/personen?organisatie=${organisation.id}`,
      grow: () => makePeople(t.db, 40, { organisationId: organisation.id }),
      shown: (data) => data.rows.length,
      // the fifth: how many bounced addresses there are to correct, for the link above the list;
      // the sixth: the regions, for the region of the "save this search" form the filter brings
      bound: 6,
    });
  });

  it("/personen/:id of someone with many jobs, seats and meetings attended", async () => {
    const person = await makePerson(t.db, { email: "veel@example.org" });
    await recordConsent(t.db, user, person.id, person.version, {
      purpose: "research",
      status: "given",
      recorded_on: "2025-01-01",
      source: "formulier",
    });
    const body = await makeBody(t.db);
    const meetings = await makeHeldMeetings(t.db, body.id, 43, addDays(today, -1));
    const addRecord = async (index: number) => {
      const organisation = await makeOrganisation(t.db);
      await addAffiliation(t.db, user, person.id, {
        organisation_id: organisation.id,
        function_title: "Adviseur",
        start_date: "2024-01-01",
        end_date: null,
      });
      const seat = await makeSeat(t.db, { person_id: person.id, organisation_id: organisation.id });
      await recordAttendance(t.db, meetings[index]!.id, seatHolders([seat]));
    };
    await times(3, addRecord);
    await expectBoundedStatements({
      loader: personRoute.loader,
      path: `/personen/${person.id}`,
      params: { personId: String(person.id) },
      grow: () => times(40, (index) => addRecord(3 + index)),
      shown: (data) => data.affiliations.length + data.seats.length + data.history.length,
      // one more since merging: the duplicates merged into this person, for their undo
      // + the themes the person leads (decision 048): one statement whatever their number
      bound: 13,
    });
  });
});

describe("organisation pages", () => {
  /** An organisation in a sector and a subregion, with a seat in the body. */
  async function listedOrganisation(sectorId: number, subregionId: number, bodyId: number) {
    const organisation = await makeOrganisation(t.db, { sector_id: sectorId, short_name: "Org" });
    await t.db
      .insertInto("organisation_subregions")
      .values({ organisation_id: organisation.id, subregion_id: subregionId })
      .execute();
    await makeSeat(t.db, { body_id: bodyId, organisation_id: organisation.id });
    return organisation;
  }

  it("/organisaties with a body filter", async () => {
    const sector = await makeSector(t.db);
    const subregion = await makeSubregion(t.db);
    const body = await makeBody(t.db);
    await times(3, () => listedOrganisation(sector.id, subregion.id, body.id));
    await expectBoundedStatements({
      loader: organisationsRoute.loader,
      path: `/organisaties?gremium=${body.id}`,
      grow: () => times(40, () => listedOrganisation(sector.id, subregion.id, body.id)),
      shown: (data) => data.rows.length,
      // 6, the count of organisations without a region for the "te completeren" link, and the
      // regions open to the user, whose current region the list shows (decision 047): once per request
      bound: 8,
    });
  });

  it("/organisaties/:id with many people, seats, departments and attendance on its behalf", async () => {
    const organisation = await makeOrganisation(t.db);
    const body = await makeBody(t.db);
    const meetings = await makeHeldMeetings(t.db, body.id, 43, addDays(today, -1));
    const addRecord = async (index: number) => {
      const [person] = await makePeople(t.db, 1, { organisationId: organisation.id });
      const seat = await makeSeat(t.db, { body_id: body.id, person_id: person!.id, organisation_id: organisation.id });
      await makeOrganisation(t.db, { parent_id: organisation.id });
      await recordAttendance(t.db, meetings[index]!.id, seatHolders([seat]));
    };
    await times(3, addRecord);
    await expectBoundedStatements({
      loader: organisationRoute.loader,
      path: `/organisaties/${organisation.id}`,
      params: { organisationId: String(organisation.id) },
      grow: () => times(40, (index) => addRecord(3 + index)),
      shown: (data) => data.currentPeople.length + data.currentSeats.length + data.children.length,
      // 14, and the names of the regions its history mentions
      bound: 15,
    });
  });
});

describe("body pages", () => {
  it("/gremia with many bodies, each with members and a vacancy", async () => {
    const subregion = await makeSubregion(t.db);
    const theme = await makeTheme(t.db);
    const addBody = async () => {
      const body = await makeBody(t.db, { subregion_ids: [subregion.id], theme_id: theme.id });
      await makeSeats(t.db, body.id, 2);
      await makeSeats(t.db, body.id, 1, { vacant: true });
    };
    await times(3, addBody);
    await expectBoundedStatements({
      loader: bodiesRoute.loader,
      path: "/gremia",
      grow: () => times(40, addBody),
      shown: (data) => data.page.total,
      // the regions open to the user (decision 044) in place of the sectors it no longer offers
      bound: 4,
    });
  });

  for (const [name, search] of [
    ["today's roster", ""],
    ["the roster on a past date", "?datum=2025-06-01"],
  ] as const) {
    it(`/gremia/:id, ${name}, with many seats, past seats, vacancies and meetings`, async () => {
      const body = await makeBody(t.db);
      const organisation = await makeOrganisation(t.db);
      const addSeats = async (n: number) => {
        await makeSeats(t.db, body.id, n, { organisation_id: organisation.id, start_date: "2025-01-01" });
        await makeSeats(t.db, body.id, n, { start_date: "2024-01-01", end_date: "2025-02-28" });
        await makeSeats(t.db, body.id, n, { vacant: true, start_date: "2025-03-01" });
        await makeHeldMeetings(t.db, body.id, n, addDays(today, -1));
      };
      await addSeats(3);
      await expectBoundedStatements({
        loader: bodyRoute.loader,
        path: `/gremia/${body.id}${search}`,
        params: { bodyId: String(body.id) },
        grow: () => addSeats(40),
        shown: (data) => data.roster.length + data.history.length,
        // + the sectors and subregions an editor may pick for a seat on behalf of an achterban (decision 039)
        bound: 9,
      });
    });
  }
});

describe("theme and plan pages", () => {
  it("/themas with many themes, each with bodies and plans", async () => {
    const addTheme = async () => {
      const theme = await makeTheme(t.db);
      await makePlan(t.db, { theme_id: theme.id });
      await makeBody(t.db, { theme_id: theme.id });
    };
    await times(3, addTheme);
    await expectBoundedStatements({
      loader: themesRoute.loader,
      path: "/themas",
      grow: () => times(40, addTheme),
      shown: (data) => data.themes.length + data.themes.flatMap((theme) => theme.plans).length,
      // + the regions open to the user, which decide whose records the list shows (decision 044); in a
      // real request the root loader has looked them up already on the same context, so none is added
      bound: 5,
    });
  });

  it("/themas/:id with many bodies and plans", async () => {
    const theme = await makeTheme(t.db);
    const lead = await makeOrganisation(t.db);
    const addWork = async () => {
      await makePlan(t.db, { theme_id: theme.id, lead_organisation_id: lead.id });
      await makeBody(t.db, { theme_id: theme.id });
      const person = await makePerson(t.db);
      await t.db
        .insertInto("theme_leads")
        .values({ theme_id: theme.id, person_id: person.id, start_date: "2025-01-01", end_date: null })
        .execute();
    };
    await times(3, addWork);
    await expectBoundedStatements({
      loader: themeRoute.loader,
      path: `/themas/${theme.id}`,
      params: { themeId: String(theme.id) },
      grow: () => times(40, addWork),
      shown: (data) => data.bodies.length + data.plans.length,
      // + the programme leads (decision 048): one statement whatever their number
      bound: 6,
    });
  });

  it("/plannen with many plans", async () => {
    const theme = await makeTheme(t.db);
    const lead = await makeOrganisation(t.db);
    const subregion = await makeSubregion(t.db);
    const addPlan = () =>
      makePlan(t.db, { theme_id: theme.id, lead_organisation_id: lead.id, subregion_ids: [subregion.id] });
    await times(3, addPlan);
    await expectBoundedStatements({
      loader: plansRoute.loader,
      path: "/plannen",
      grow: () => times(40, addPlan),
      shown: (data) => data.rows.length,
      // + the regions open to the user, which decide whose records the list shows (decision 044); in a
      // real request the root loader has looked them up already on the same context, so none is added
      bound: 7,
    });
  });

  it("/plannen/:id with a large team", async () => {
    const plan = await makePlan(t.db);
    const addTeam = async (n: number) => {
      await makeSeats(t.db, plan.team_body_id!, n, { role: "projectleider" });
      await makeSeats(t.db, plan.team_body_id!, n, { role: "lid" });
    };
    await addTeam(3);
    await expectBoundedStatements({
      loader: planRoute.loader,
      path: `/plannen/${plan.id}`,
      params: { planId: String(plan.id) },
      grow: () => addTeam(40),
      shown: (data) => data.projectLeaders.length + data.members.length,
      bound: 5,
    });
  });
});

describe("overviews and search", () => {
  it("/overzichten/matrix with many organisations in many bodies", async () => {
    const bodies = await times(3, () => makeBody(t.db));
    const addOrganisation = async () => {
      const organisation = await makeOrganisation(t.db);
      for (const body of bodies) await makeSeat(t.db, { body_id: body.id, organisation_id: organisation.id });
    };
    await times(3, addOrganisation);
    await expectBoundedStatements({
      loader: matrixRoute.loader,
      // the whole network is never drawn: the page asks for a level, subregion or sector first
      path: "/overzichten/matrix?niveau=tactisch",
      grow: () => times(40, addOrganisation),
      shown: (data) => Object.values(data.matrix?.cells ?? {}).flat().length,
      // 5: the regions open to the user, for the region the matrix draws (decision 044)
      bound: 5,
    });
  });

  it("/overzichten/organisaties/:id with many seats on its behalf", async () => {
    const organisation = await makeOrganisation(t.db);
    const addSeats = async (n: number) => {
      const body = await makeBody(t.db);
      await makeSeats(t.db, body.id, n, { organisation_id: organisation.id });
    };
    await addSeats(3);
    await expectBoundedStatements({
      loader: organisationOverviewRoute.loader,
      path: `/overzichten/organisaties/${organisation.id}`,
      params: { organisationId: String(organisation.id) },
      grow: () => times(8, () => addSeats(5)),
      shown: (data) => data.seats.length,
      // 4: the regions open to the user, for the region whose bodies are listed (decision 044)
      bound: 4,
    });
  });

  it("/zoeken with many people and organisations matching", async () => {
    const addMatches = async (n: number) => {
      const organisation = await makeOrganisation(t.db, { name: `Zorggroep Zoekbaar ${unique()}` });
      await makePeople(t.db, n, { organisationId: organisation.id, values: { last_name: "Zoekbaar" } });
    };
    await addMatches(3);
    await expectBoundedStatements({
      loader: searchRoute.loader,
      path: "/zoeken?q=zoekbaar",
      grow: () => times(8, () => addMatches(5)),
      shown: (data) => data.results.length,
      // + the regions open to the user, which decide whose bodies are found (decision 044); in a
      // real request the root loader has looked them up already on the same context, so none is added
      bound: 4,
    });
  });
});

describe("meeting pages", () => {
  /**
   * Invites to the event a new body with a member, a new organisation with someone working there,
   * and a new saved search that finds someone at a third organisation.
   */
  async function inviteOneOfEach(eventId: number) {
    const body = await makeBody(t.db);
    await makeSeats(t.db, body.id, 1, { start_date: "2024-01-01" });
    const organisation = await makeOrganisation(t.db);
    await makePeople(t.db, 1, { organisationId: organisation.id });
    const searched = await makeOrganisation(t.db);
    await makePeople(t.db, 1, { organisationId: searched.id });
    const search = await saveSearch(
      t.db,
      user,
      `Zoekopdracht ${unique()}`,
      { organisationId: searched.id },
      await defaultRegionId(t.db),
    );
    await t.db
      .insertInto("meeting_invitations")
      .values([
        { meeting_id: eventId, body_id: body.id },
        { meeting_id: eventId, organisation_id: organisation.id },
        { meeting_id: eventId, saved_search_id: search.id },
      ])
      .execute();
  }

  it("/vergaderingen with many meetings and events", async () => {
    const body = await makeBody(t.db);
    const addMeetings = async (n: number) => {
      await makeHeldMeetings(t.db, body.id, n, addDays(today, -1));
      await makeHeldMeetings(t.db, null, n, addDays(today, -2));
    };
    await addMeetings(3);
    await expectBoundedStatements({
      loader: meetingsRoute.loader,
      path: "/vergaderingen?wanneer=alle",
      grow: () => addMeetings(40),
      shown: (data) => data.page.total,
      // + the regions open to the user, which decide whose records the list shows (decision 044); in a
      // real request the root loader has looked them up already on the same context, so none is added
      bound: 5,
    });
  });

  it("/vergaderingen/:id of a meeting in a long series, with a large register", async () => {
    const body = await makeBody(t.db);
    const series = await t.db
      .insertInto("meeting_series")
      .values({ body_id: body.id, rule: "FREQ=WEEKLY", first_date: "2025-01-07" })
      .returningAll()
      .executeTakeFirstOrThrow();
    const meeting = await makeMeeting(t.db, { body_id: body.id, series_id: series.id, date: "2025-01-07" });
    const addRegister = async (n: number) => {
      await times(n, (index) =>
        makeMeeting(t.db, {
          body_id: body.id,
          series_id: series.id,
          date: addDays("2025-01-14", 7 * index),
          status: "gepland",
        }),
      );
      await recordAttendance(t.db, meeting.id, seatHolders(await makeSeats(t.db, body.id, n)));
    };
    await addRegister(3);
    await expectBoundedStatements({
      loader: meetingRoute.loader,
      path: `/vergaderingen/${meeting.id}`,
      params: { meetingId: String(meeting.id) },
      grow: () => addRegister(40),
      shown: (data) => data.series.length + data.recorded,
      bound: 5,
    });
  });

  it("/vergaderingen/:id of an event inviting many bodies, organisations and saved searches", async () => {
    const event = await makeMeeting(t.db, { body_id: null, kind: "themasessie", date: "2025-05-01" });
    const invite = (n: number) => times(n, () => inviteOneOfEach(event.id));
    await invite(3);
    await expectBoundedStatements({
      loader: meetingRoute.loader,
      path: `/vergaderingen/${event.id}`,
      params: { meetingId: String(event.id) },
      grow: () => invite(40),
      shown: (data) =>
        data.invitations.bodies.length + data.invitations.organisations.length + data.invitations.savedSearches.length,
      bound: 5,
    });
  });

  it("/vergaderingen/:id/presentie of a body meeting with many members, substitutes, guests and former members", async () => {
    const body = await makeBody(t.db);
    const organisation = await makeOrganisation(t.db);
    const meeting = await makeMeeting(t.db, { body_id: body.id, date: addDays(today, -7) });
    const addRegister = async (n: number) => {
      const present = await makeSeats(t.db, body.id, n, { organisation_id: organisation.id, start_date: "2024-01-01" });
      await recordAttendance(t.db, meeting.id, seatHolders(present));
      await makeSeats(t.db, body.id, n, { vacant: true, start_date: "2024-01-01" });
      for (const seat of await makeSeats(t.db, body.id, n, { start_date: "2024-01-01" })) {
        const substitute = await makePerson(t.db);
        await t.db
          .insertInto("attendance")
          .values({
            meeting_id: meeting.id,
            person_id: seat.person_id!,
            status: "vervangen",
            substitute_person_id: substitute.id,
            seat_id: seat.id,
          })
          .execute();
      }
      const former = await makeSeats(t.db, body.id, n, { start_date: "2024-01-01", end_date: "2024-12-31" });
      await recordAttendance(t.db, meeting.id, seatHolders(former), "afgemeld");
      await recordAttendance(
        t.db,
        meeting.id,
        (await makePeople(t.db, n, { organisationId: organisation.id })).map((person) => ({ person_id: person.id })),
        "gast",
      );
    };
    await addRegister(3);
    await expectBoundedStatements({
      loader: attendanceRoute.loader,
      path: `/vergaderingen/${meeting.id}/presentie`,
      params: { meetingId: String(meeting.id) },
      grow: () => addRegister(40),
      shown: (data) => data.sheet.members.length + data.sheet.guests.length,
      bound: 8,
    });
  });

  it("/vergaderingen/:id/presentie of an event inviting many bodies, organisations and saved searches", async () => {
    const event = await makeMeeting(t.db, { body_id: null, kind: "themasessie", date: addDays(today, -7) });
    const invite = (n: number) => times(n, () => inviteOneOfEach(event.id));
    await invite(3);
    await expectBoundedStatements({
      loader: attendanceRoute.loader,
      path: `/vergaderingen/${event.id}/presentie`,
      params: { meetingId: String(event.id) },
      grow: () => invite(40),
      shown: (data) => data.sheet.members.length,
      bound: 11,
    });
  });

  for (const [grouping, filter, bound] of [
    ["persoon", "gremium", 5],
    ["organisatie", "gremium", 5],
    // the body grouping also counts each body's held meetings
    ["gremium", "niveau", 6],
  ] as const) {
    it(`/vergaderingen/cijfers per ${grouping}, for a ${filter} and a year`, async () => {
      const body = await makeBody(t.db, { level: "tactisch" });
      const addAttendance = async (n: number) => {
        const seatBody = filter === "gremium" ? body : await makeBody(t.db, { level: "tactisch" });
        const organisation = await makeOrganisation(t.db);
        const seats = await makeSeats(t.db, seatBody.id, n, {
          organisation_id: organisation.id,
          start_date: "2024-01-01",
        });
        for (const meeting of await makeHeldMeetings(t.db, seatBody.id, 3, "2025-12-20")) {
          await recordAttendance(t.db, meeting.id, seatHolders(seats));
        }
      };
      await addAttendance(3);
      const narrowed = filter === "gremium" ? `gremium=${body.id}` : "niveau=tactisch";
      await expectBoundedStatements({
        loader: figuresRoute.loader,
        path: `/vergaderingen/cijfers?groep=${grouping}&${narrowed}&van=2025-01-01&tot=2025-12-31`,
        grow: () => times(10, () => addAttendance(4)),
        shown: (data) => data.rows.length + data.rows.reduce((sum, row) => sum + row.present, 0),
        bound,
      });
    });
  }

  it("/vergaderingen/jaaroverzicht for a year with many bodies and events", async () => {
    const addBodies = async (n: number) => {
      await times(n, async () => {
        const body = await makeBody(t.db, { meetings_per_year: 6, subregion_ids: [(await makeSubregion(t.db)).id] });
        await makeHeldMeetings(t.db, body.id, 2, "2025-06-30");
      });
      await makeBody(t.db, { meetings_per_year: 4 });
      await makeHeldMeetings(t.db, null, n, "2025-09-30");
    };
    await addBodies(3);
    await expectBoundedStatements({
      loader: yearRoute.loader,
      path: "/vergaderingen/jaaroverzicht?jaar=2025",
      grow: () => addBodies(40),
      shown: (data) => data.page.total,
      // 6: the regions open to the user, for the region the year is counted in (decision 044)
      bound: 6,
    });
  });
});

describe("research pages", () => {
  const newWave = async (name: string, referenceDate: string) =>
    createWave(
      t.db,
      user,
      {
        name,
        year: Number(referenceDate.slice(0, 4)),
        reference_date: referenceDate,
        link_template: "https://enquete.example.org/s/{token}",
        method_notes: null,
      },
      await defaultRegionId(t.db),
    );

  it("/onderzoek with many waves", async () => {
    const addWaves = (n: number) => times(n, () => newWave(`Meting ${unique()}`, "2025-10-01"));
    await addWaves(3);
    await expectBoundedStatements({
      loader: wavesRoute.loader,
      path: "/onderzoek",
      grow: () => addWaves(40),
      shown: (data) => data.waves.length,
      // + the regions open to the user, which decide whose records the list shows (decision 044); in a
      // real request the root loader has looked them up already on the same context, so none is added
      bound: 3,
    });
  });

  /**
   * A register in which every kind of rule finds people: members of strategic and tactical
   * bodies, project leaders of IZA plans, regular attenders, staff of a sector.
   */
  async function researchRegister() {
    const register = await panelRegister(t.db);
    const plan = await makePlan(t.db, { funding_markers: ["iza"] });
    const meeting = await makeMeeting(t.db, { body_id: register.bodies.tactisch.id, date: "2026-09-01" });
    const addMembers = async (n: number) => {
      const people = await times(n, async (index) =>
        register.member(`Lid${unique()}`, {
          level: index % 2 ? "strategisch" : "tactisch",
          organisation: index % 2 ? "ggd" : "welzijn",
        }),
      );
      for (const person of people) {
        await makeSeat(t.db, {
          body_id: plan.team_body_id!,
          person_id: person.id,
          role: "projectleider",
          organisation_id: register.ggd.id,
        });
        await recordAttendance(t.db, meeting.id, [{ person_id: person.id }]);
      }
      await makePeople(t.db, n, { organisationId: register.welzijn.id });
      return people;
    };
    return { register, plan, addMembers };
  }

  it("/onderzoek/:id/voorbeeld of a draft whose rules select many people, against last year's panel", async () => {
    const { register, plan, addMembers } = await researchRegister();
    const [excluded] = await addMembers(3);
    await frozenWave(t.db, user, "Meting 2025", "2025-10-01");
    const draft = await newWave("Meting 2026", "2026-10-01");
    const rules = panelRulesSchema.parse({
      seatRules: [
        { levels: ["strategisch", "tactisch"] },
        { planFunding: ["iza"], roles: ["projectleider"] },
        { bodyIds: [register.bodies.tactisch.id], minAttendance: { meetings: 1, months: 12 } },
        { planIds: [plan.id] },
      ],
      organisationRules: [{ sectorIds: [register.welzijn.sector_id] }],
      exclude: { manual: [{ personId: excluded!.id, reason: "Vertrekt" }] },
    });
    await updateWaveRules(t.db, user, draft.id, draft.version, rules);
    await expectBoundedStatements({
      loader: previewRoute.loader,
      path: `/onderzoek/${draft.id}/voorbeeld`,
      params: { waveId: String(draft.id) },
      grow: () => addMembers(40),
      shown: (data) => data.page.total,
      bound: 20,
    });
  });

  it("/onderzoek/:id/panel of a frozen wave, a small and a large one, with later exclusions", async () => {
    const { addMembers } = await researchRegister();
    const panelPage = async (name: string, referenceDate: string) => {
      const wave = await frozenWave(t.db, user, name, referenceDate);
      const [first, second] = await t.db
        .selectFrom("panel_members")
        .select("person_id")
        .where("wave_id", "=", wave.id)
        .orderBy("person_id")
        .execute();
      await recordLaterExclusion(t.db, user, wave.id, first!.person_id, "Vertrokken");
      // the exclusion form open and the notice after the previous exclusion: every query the page may run
      return measure(
        waveRoute.loader,
        `/onderzoek/${wave.id}/panel?uitsluiten=${second!.person_id}&melding=uitgesloten&id=${first!.person_id}`,
        {
          waveId: String(wave.id),
        },
      );
    };
    await addMembers(3);
    const small = await panelPage("Meting 2025", "2025-10-01");
    await addMembers(40);
    const large = await panelPage("Meting 2026", "2026-10-01");
    expect(large.data.members.page.total).toBeGreaterThan(small.data.members.page.total);
    expectBounded("/onderzoek/:id/panel", small, large, 14);
  });

  it("freezing runs as many statements for a large panel as for a small one: members go in by the hundred", async () => {
    const { addMembers } = await researchRegister();
    const rules = panelRulesSchema.parse({ seatRules: [{ levels: ["strategisch", "tactisch"] }] });
    const freeze = async (name: string, referenceDate: string) => {
      const created = await newWave(name, referenceDate);
      const wave = await updateWaveRules(t.db, user, created.id, created.version, rules);
      const counted = countStatements(t.db);
      const frozen = await freezeWave(counted.db, user, wave.id, wave.version);
      return { members: frozen.members, count: counted.statements.length, sql: [...counted.statements] };
    };
    await addMembers(3);
    const small = await freeze("Meting 2025", "2025-10-01");
    await addMembers(40);
    const large = await freeze("Meting 2026", "2026-10-01");
    expect(large.members).toBeGreaterThan(small.members);
    expect(
      large.count,
      `freezing ran more statements with more members:\n${statementGrowth(small.sql, large.sql)}`,
    ).toBe(small.count);
  });
});

describe("audit log and saved searches", () => {
  it("/beheer/logboek with many entries", async () => {
    const person = await makePerson(t.db);
    const addEntries = (n: number) =>
      times(n, async () =>
        addAffiliation(t.db, user, person.id, {
          organisation_id: (await makeOrganisation(t.db)).id,
          function_title: null,
          start_date: null,
          end_date: null,
        }),
      );
    await addEntries(3);
    await expectBoundedStatements({
      loader: auditRoute.loader,
      path: "/beheer/logboek",
      grow: () => addEntries(40),
      shown: (data) => data.entries.length,
      bound: 5,
    });
  });

  it("finds the people of 201 saved searches in two statements (SQLite allows 500 parts in one), each search its own", async () => {
    const [first, second] = await times(2, () => makeOrganisation(t.db));
    const staff = await Promise.all(
      [first!, second!].map((organisation) => makePeople(t.db, 2, { organisationId: organisation.id })),
    );
    const region_id = await defaultRegionId(t.db);
    const searches = await t.db
      .insertInto("saved_searches")
      .values(
        Array.from({ length: 201 }, (_, index) => ({
          region_id,
          name: `Zoekopdracht ${index}`,
          filter: JSON.stringify({ organisationId: (index % 2 ? second : first)!.id }),
        })),
      )
      .returning(["id", "filter"])
      .execute();
    const counted = countStatements(t.db);
    const found = await peopleFoundBy(counted.db, readableSearches(searches), today);
    expect(counted.statements).toHaveLength(2);
    expect(found.size).toBe(201);
    searches.forEach((search, index) =>
      expect(found.get(search.id)).toEqual(staff[index % 2]!.map((person) => person.id)),
    );
  });

  it("/personen/zoekopdrachten with many saved searches", async () => {
    const addSearches = (n: number) =>
      times(n, async () => {
        const organisation = await makeOrganisation(t.db);
        await makePeople(t.db, 2, { organisationId: organisation.id });
        return saveSearch(
          t.db,
          user,
          `Zoekopdracht ${unique()}`,
          { organisationId: organisation.id, q: "Test" },
          await defaultRegionId(t.db),
        );
      });
    await addSearches(3);
    await expectBoundedStatements({
      loader: savedSearchesRoute.loader,
      path: "/personen/zoekopdrachten",
      grow: () => addSearches(40),
      shown: (data) => data.searches.length,
      // + the regions open to the user, which decide whose records the list shows (decision 044); in a
      // real request the root loader has looked them up already on the same context, so none is added
      bound: 5,
    });
  });
});
