import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as bodiesRoute from "../../app/routes/gremia._index";
import * as wavesRoute from "../../app/routes/onderzoek._index";
import * as savedSearchesRoute from "../../app/routes/personen.zoekopdrachten";
import * as plansRoute from "../../app/routes/plannen._index";
import * as themesRoute from "../../app/routes/themas._index";
import * as meetingsRoute from "../../app/routes/vergaderingen._index";
import * as searchRoute from "../../app/routes/zoeken";
import * as regionRoute from "../../app/routes/regio";
import type { Actor } from "../../app/models/audit.server";
import { chooseSessionRegion } from "../../app/models/region-choice.server";
import { saveSearch } from "../../app/models/saved-searches.server";
import { createWave } from "../../app/models/survey-waves.server";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeBody,
  makeOrganisation,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
} from "../support/db";
import { makeMeeting } from "../support/meetings";
import { makeSubregion } from "../support/organisations";
import { call, get, type Handler } from "../support/routes";
import { makePlan, makeTheme } from "../support/themes";

/**
 * Decision 044, the lists: each shows the records of the region the user looks at; the cross-region
 * view ("Alle regio's", network-wide roles only) shows every region's, each named.
 */

interface Region {
  id: number;
  name: string;
  subregionId: number;
  bodyId: number;
  themeId: number;
  planId: number;
  /** a meeting of its body and an event of its own, both upcoming */
  meetingIds: number[];
  waveId: number;
  savedSearchId: number;
}

let t: TestDatabase;
let zuid: Region;
let noord: Region;

const WAVE = {
  year: 2026,
  reference_date: "2026-01-01",
  link_template: "https://example.org/{token}",
  method_notes: null,
};
let actor: Actor;

async function regionWithRecords(id: number, name: string): Promise<Region> {
  const subregion = await makeSubregion(t.db, { region_id: id, name: `Kern ${name}` });
  const body = await makeBody(t.db, { region_id: id, name: `Stuurgroep ${name}`, subregion_ids: [subregion.id] });
  const theme = await makeTheme(t.db, { region_id: id, name: `Gezond leven ${name}` });
  const plan = await makePlan(t.db, {
    region_id: id,
    name: `Plan ${name}`,
    theme_id: theme.id,
    team_body_id: null,
    subregion_ids: [subregion.id],
  });
  const meeting = await makeMeeting(t.db, { region_id: id, body_id: body.id, date: "2099-03-01", status: "gepland" });
  const event = await makeMeeting(t.db, { region_id: id, kind: "themasessie", date: "2099-04-01", status: "gepland" });
  return {
    id,
    name,
    subregionId: subregion.id,
    bodyId: body.id,
    themeId: theme.id,
    planId: plan.id,
    meetingIds: [meeting.id, event.id],
    waveId: (await createWave(t.db, actor, { ...WAVE, name: `Panel ${name}` }, id)).id,
    savedSearchId: (await saveSearch(t.db, actor, `Bestuurders ${name}`, { q: "bestuurder" }, id)).id,
  };
}

beforeEach(async () => {
  t = await createTestDatabase();
  actor = (await makeUser(t.db, { role: "beheerder" })).user;
  const zuidId = await defaultRegionId(t.db);
  const noordId = (
    await t.db
      .insertInto("regions")
      .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  zuid = await regionWithRecords(zuidId, "Zuid-Limburg");
  noord = await regionWithRecords(noordId, "Noord- en Midden-Limburg");
});
afterEach(async () => {
  await t.cleanup();
});

type Looking = "zuid" | "noord" | "all";

/** A signed-in user's cookie, looking at one region or at all of them through the session's choice. */
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

async function loaded<T>(loader: Handler, path: string, cookie: string): Promise<T> {
  const response = await call(t.db, loader, get(path, cookie));
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

interface BodiesData {
  bodies: { id: number; region_name: string }[];
  subregions: { id: number }[];
  allRegions: boolean;
}

describe("the bodies list", () => {
  it("shows only the bodies and subregions of the region looked at", async () => {
    for (const [looking, region] of [
      ["zuid", zuid],
      ["noord", noord],
    ] as const) {
      const data = await loaded<BodiesData>(
        bodiesRoute.loader,
        "/gremia",
        await cookieOf({ network: "lezer" }, looking),
      );
      expect(data.bodies.map((body) => body.id)).toEqual([region.bodyId]);
      expect(data.subregions.map((subregion) => subregion.id)).toEqual([region.subregionId]);
      expect(data.allRegions).toBe(false);
    }
  });

  it("finds nothing of another region through its subregion filter", async () => {
    const cookie = await cookieOf({ network: "lezer" }, "zuid");
    const data = await loaded<BodiesData>(bodiesRoute.loader, `/gremia?subregio=${noord.subregionId}`, cookie);
    expect(data.bodies).toEqual([]);
  });

  it("shows every region's bodies, each with its region, in the cross-region view", async () => {
    const data = await loaded<BodiesData>(bodiesRoute.loader, "/gremia", await cookieOf({ network: "lezer" }, "all"));
    expect(data.bodies.map((body) => [body.id, body.region_name]).sort()).toEqual(
      [
        [zuid.bodyId, zuid.name],
        [noord.bodyId, noord.name],
      ].sort(),
    );
    expect(data.subregions).toHaveLength(2);
    expect(data.allRegions).toBe(true);
  });
});

interface ThemesData {
  themes: { id: number; region_name: string; plans: { id: number }[] }[];
  allRegions: boolean;
}

describe("the themes list", () => {
  it("shows only the themes, and their plans, of the region looked at", async () => {
    const data = await loaded<ThemesData>(themesRoute.loader, "/themas", await cookieOf({ network: "lezer" }, "noord"));
    expect(data.themes.map((theme) => [theme.id, theme.plans.map((plan) => plan.id)])).toEqual([
      [noord.themeId, [noord.planId]],
    ]);
    expect(data.allRegions).toBe(false);
  });

  it("shows every region's themes, each with its region, in the cross-region view", async () => {
    const data = await loaded<ThemesData>(themesRoute.loader, "/themas", await cookieOf({ network: "lezer" }, "all"));
    expect(data.themes.map((theme) => [theme.id, theme.region_name]).sort()).toEqual(
      [
        [zuid.themeId, zuid.name],
        [noord.themeId, noord.name],
      ].sort(),
    );
    expect(data.allRegions).toBe(true);
  });
});

interface PlansData {
  rows: { id: number; region_name: string }[];
  themes: { id: number }[];
  subregions: { id: number }[];
  allRegions: boolean;
}

describe("the plans list", () => {
  it("shows only the plans, and the themes and subregions to filter on, of the region looked at", async () => {
    const data = await loaded<PlansData>(plansRoute.loader, "/plannen", await cookieOf({ network: "lezer" }, "zuid"));
    expect(data.rows.map((plan) => plan.id)).toEqual([zuid.planId]);
    expect(data.themes.map((theme) => theme.id)).toEqual([zuid.themeId]);
    expect(data.subregions.map((subregion) => subregion.id)).toEqual([zuid.subregionId]);
    expect(data.allRegions).toBe(false);
  });

  it("finds nothing of another region through its theme filter", async () => {
    const cookie = await cookieOf({ network: "lezer" }, "zuid");
    const data = await loaded<PlansData>(plansRoute.loader, `/plannen?thema=${noord.themeId}`, cookie);
    expect(data.rows).toEqual([]);
  });

  it("shows every region's plans, each with its region, in the cross-region view", async () => {
    const data = await loaded<PlansData>(plansRoute.loader, "/plannen", await cookieOf({ network: "lezer" }, "all"));
    expect(data.rows.map((plan) => [plan.id, plan.region_name]).sort()).toEqual(
      [
        [zuid.planId, zuid.name],
        [noord.planId, noord.name],
      ].sort(),
    );
    expect(data.themes).toHaveLength(2);
    expect(data.allRegions).toBe(true);
  });
});

interface MeetingsData {
  meetings: { id: number; region_name: string }[];
  bodies: { id: number }[];
  allRegions: boolean;
}

describe("the meetings list", () => {
  it("shows only the meetings and events, and the bodies to filter on, of the region looked at", async () => {
    const cookie = await cookieOf({ network: "lezer" }, "noord");
    const data = await loaded<MeetingsData>(meetingsRoute.loader, "/vergaderingen", cookie);
    expect(data.meetings.map((meeting) => meeting.id)).toEqual(noord.meetingIds);
    expect(data.bodies.map((body) => body.id)).toEqual([noord.bodyId]);
    expect(data.allRegions).toBe(false);
  });

  it("finds nothing of another region through its body filter", async () => {
    const cookie = await cookieOf({ network: "lezer" }, "noord");
    const data = await loaded<MeetingsData>(meetingsRoute.loader, `/vergaderingen?gremium=${zuid.bodyId}`, cookie);
    expect(data.meetings).toEqual([]);
  });

  it("shows every region's meetings, each with its region, in the cross-region view", async () => {
    const cookie = await cookieOf({ network: "lezer" }, "all");
    const data = await loaded<MeetingsData>(meetingsRoute.loader, "/vergaderingen", cookie);
    expect(data.meetings.map((meeting) => [meeting.id, meeting.region_name]).sort()).toEqual(
      [...zuid.meetingIds.map((id) => [id, zuid.name]), ...noord.meetingIds.map((id) => [id, noord.name])].sort(),
    );
    expect(data.bodies).toHaveLength(2);
    expect(data.allRegions).toBe(true);
  });
});

interface WavesData {
  waves: { id: number; region_name: string }[];
  allRegions: boolean;
}

describe("the survey waves list", () => {
  it("shows only the waves of the region looked at", async () => {
    const cookie = await cookieOf({ network: "onderzoeker" }, "zuid");
    const data = await loaded<WavesData>(wavesRoute.loader, "/onderzoek", cookie);
    expect(data.waves.map((wave) => wave.id)).toEqual([zuid.waveId]);
    expect(data.allRegions).toBe(false);
  });

  it("shows a regional onderzoeker only their region's waves", async () => {
    const cookie = await cookieOf({ noord: "onderzoeker" }, "noord");
    const data = await loaded<WavesData>(wavesRoute.loader, "/onderzoek", cookie);
    expect(data.waves.map((wave) => wave.id)).toEqual([noord.waveId]);
  });

  it("shows every region's waves, each with its region, in the cross-region view", async () => {
    const cookie = await cookieOf({ network: "onderzoeker" }, "all");
    const data = await loaded<WavesData>(wavesRoute.loader, "/onderzoek", cookie);
    expect(data.waves.map((wave) => [wave.id, wave.region_name]).sort()).toEqual(
      [
        [zuid.waveId, zuid.name],
        [noord.waveId, noord.name],
      ].sort(),
    );
    expect(data.allRegions).toBe(true);
  });
});

interface SavedSearchesData {
  searches: { id: number; region_name: string; editable: boolean }[];
  allRegions: boolean;
}

describe("the saved searches", () => {
  it("shows only the saved searches of the region looked at", async () => {
    const cookie = await cookieOf({ network: "lezer" }, "noord");
    const data = await loaded<SavedSearchesData>(savedSearchesRoute.loader, "/personen/zoekopdrachten", cookie);
    expect(data.searches.map((search) => search.id)).toEqual([noord.savedSearchId]);
    expect(data.allRegions).toBe(false);
  });

  it("offers their forms only where the user may edit", async () => {
    const cookie = await cookieOf({ zuid: "redacteur", noord: "lezer" }, "noord");
    const noordData = await loaded<SavedSearchesData>(savedSearchesRoute.loader, "/personen/zoekopdrachten", cookie);
    expect(noordData.searches.map((search) => search.editable)).toEqual([false]);
    const switched = await call(
      t.db,
      regionRoute.action,
      formRequest("/regio", { regio: String(zuid.id) }, { cookie }),
    );
    expect(switched.status).toBe(302);
    const zuidData = await loaded<SavedSearchesData>(savedSearchesRoute.loader, "/personen/zoekopdrachten", cookie);
    expect(zuidData.searches.map((search) => [search.id, search.editable])).toEqual([[zuid.savedSearchId, true]]);
  });

  it("shows every region's saved searches, each with its region, in the cross-region view", async () => {
    const cookie = await cookieOf({ network: "lezer" }, "all");
    const data = await loaded<SavedSearchesData>(savedSearchesRoute.loader, "/personen/zoekopdrachten", cookie);
    expect(data.searches.map((search) => [search.id, search.region_name]).sort()).toEqual(
      [
        [zuid.savedSearchId, zuid.name],
        [noord.savedSearchId, noord.name],
      ].sort(),
    );
    expect(data.allRegions).toBe(true);
  });
});

interface SearchData {
  results: { kind: string; id: number; subtitle: string | null }[];
}

describe("the search and the header's lookup", () => {
  it("find only the bodies of the region looked at, and an organisation of no region in any", async () => {
    const organisation = await makeOrganisation(t.db, { name: "Stuurgroep Advies BV" });
    const cookie = await cookieOf({ network: "lezer" }, "zuid");
    const data = await loaded<SearchData>(searchRoute.loader, "/zoeken?q=stuurgroep", cookie);
    expect(data.results.map((result) => [result.kind, result.id]).sort()).toEqual(
      [
        ["body", zuid.bodyId],
        ["organisation", organisation.id],
      ].sort(),
    );
  });

  it("find every region's bodies, each naming its region, in the cross-region view", async () => {
    const cookie = await cookieOf({ network: "lezer" }, "all");
    const data = await loaded<SearchData>(searchRoute.loader, "/zoeken?q=stuurgroep", cookie);
    expect(data.results.map((result) => [result.id, result.subtitle]).sort()).toEqual(
      [
        [zuid.bodyId, `Tactisch · regio ${zuid.name}`],
        [noord.bodyId, `Tactisch · regio ${noord.name}`],
      ].sort(),
    );
  });
});

describe("a regional user", () => {
  it("cannot choose the cross-region view, and a session that says so shows their own region", async () => {
    const cookie = await cookieOf({ zuid: "redacteur", noord: "lezer" }, "all");
    const chosen = await call(t.db, regionRoute.action, formRequest("/regio", { regio: "alle" }, { cookie }));
    expect(chosen.status).toBe(403);
    const data = await loaded<BodiesData>(bodiesRoute.loader, "/gremia", cookie);
    expect(data.allRegions).toBe(false);
    expect(data.bodies).toHaveLength(1);
  });
});
