import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as newBodyRoute from "../../app/routes/gremia.nieuw";
import * as newWaveRoute from "../../app/routes/onderzoek.nieuw";
import * as peopleRoute from "../../app/routes/personen._index";
import * as newPlanRoute from "../../app/routes/plannen.nieuw";
import * as newThemeRoute from "../../app/routes/themas.nieuw";
import * as newMeetingRoute from "../../app/routes/vergaderingen.nieuw";
import * as seriesRoute from "../../app/routes/vergaderingen.reeks";
import { chooseSessionRegion } from "../../app/models/region-choice.server";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeBody,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
} from "../support/db";
import { rowCounts } from "../support/demo-samples";
import { call, get, type Handler } from "../support/routes";

/**
 * Decision 044: a create action asks its permission in the region the form chose, and the form
 * offers only the regions where the user may create, starting on the current one.
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

/** A signed-in user's cookie; `looking` is the region chosen in the header's switcher. */
async function cookieOf(options: Parameters<typeof makeUser>[1], looking?: number) {
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
  return cookie;
}

const CREATE_PAGES: Array<[string, Handler, string, Record<string, string>]> = [
  ["/gremia/nieuw", newBodyRoute.action, "register.edit", { name: "Werkgroep Noord", kind: "werkgroep" }],
  ["/themas/nieuw", newThemeRoute.action, "register.edit", { name: "Wonen", kind: "inhoudelijk" }],
  ["/plannen/nieuw", newPlanRoute.action, "register.edit", { name: "Plan Noord" }],
  ["/vergaderingen/nieuw", newMeetingRoute.action, "register.edit", { soort: "evenement", title: "Dag" }],
  ["/personen", peopleRoute.action, "register.edit", { name: "Zoekopdracht Noord" }],
  ["/onderzoek/nieuw", newWaveRoute.action, "research.run", { name: "Panel Noord", year: "2026" }],
];

describe("a create action in the region the form chose", () => {
  it.each(CREATE_PAGES)(
    "%s refuses a region where the user has no such role, changing nothing",
    async (path, action, permission, fields) => {
      const role = permission === "research.run" ? "onderzoeker" : "redacteur";
      const cookie = await cookieOf({ regionRoles: { [zuid]: role } });
      const before = await rowCounts(t.db);
      const response = await call(t.db, action, formRequest(path, { ...fields, region_id: String(noord) }, { cookie }));
      expect(response.status).toBe(403);
      expect(await rowCounts(t.db)).toEqual(before);
    },
  );

  it("creates in the user's own region when the form names it, and in the current region without one", async () => {
    const cookie = await cookieOf({ regionRoles: { [zuid]: "redacteur", [noord]: "lezer" } }, zuid);
    const named = await call(
      t.db,
      newThemeRoute.action,
      formRequest("/themas/nieuw", { name: "Wonen", kind: "inhoudelijk", region_id: String(zuid) }, { cookie }),
    );
    expect(named.status).toBe(302);
    const unnamed = await call(
      t.db,
      newThemeRoute.action,
      formRequest("/themas/nieuw", { name: "Zorg", kind: "inhoudelijk" }, { cookie }),
    );
    expect(unnamed.status).toBe(302);
    const themes = await t.db.selectFrom("themes").select(["name", "region_id"]).orderBy("name").execute();
    expect(themes).toEqual([
      { name: "Wonen", region_id: zuid },
      { name: "Zorg", region_id: zuid },
    ]);
  });

  it("refuses a meeting, or a series, of a body of a region where the user is no redacteur", async () => {
    const cookie = await cookieOf({ regionRoles: { [zuid]: "redacteur" } });
    const body = await makeBody(t.db, { region_id: noord });
    const before = await rowCounts(t.db);
    const meeting = await call(
      t.db,
      newMeetingRoute.action,
      formRequest(
        "/vergaderingen/nieuw",
        { body_id: String(body.id), title: "Vergadering", date: "2026-05-04", start_time: "14:00", end_time: "16:00" },
        { cookie },
      ),
    );
    expect(meeting.status).toBe(403);
    const series = await call(
      t.db,
      seriesRoute.action,
      formRequest(
        "/vergaderingen/reeks",
        {
          intent: "create",
          body_id: String(body.id),
          title: "",
          first_date: "2026-05-05",
          frequency: "monthly",
          interval: "1",
          ordinal: "1",
          weekday: "TU",
          ends: "count",
          count: "3",
          until: "",
          start_time: "14:00",
          end_time: "16:00",
          location: "",
          online_url: "",
        },
        { cookie },
      ),
    );
    expect(series.status).toBe(403);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});

describe("a create form's region field", () => {
  it("offers a regional redacteur only their region", async () => {
    const cookie = await cookieOf({ regionRoles: { [zuid]: "redacteur", [noord]: "lezer" } }, zuid);
    const data = (await (await call(t.db, newBodyRoute.loader, get("/gremia/nieuw", cookie))).json()) as {
      regions: { id: number }[];
      chosen: number;
    };
    expect(data.regions.map((region) => region.id)).toEqual([zuid]);
    expect(data.chosen).toBe(zuid);
  });

  it("starts a network-wide redacteur on the region they look at, offering every region", async () => {
    const cookie = await cookieOf({ role: "redacteur" }, noord);
    const data = (await (await call(t.db, newThemeRoute.loader, get("/themas/nieuw", cookie))).json()) as {
      regions: { id: number }[];
      chosen: number;
    };
    expect(data.regions.map((region) => region.id).sort()).toEqual([zuid, noord].sort());
    expect(data.chosen).toBe(noord);
  });
});
