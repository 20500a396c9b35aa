import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSeries, previewSeries, type SeriesInput } from "../../app/models/meeting-series.server";
import * as seriesRoute from "../../app/routes/vergaderingen.reeks";
import type { UserRole } from "../../db/schema";
import { createTestDatabase, formRequest, makeBody, makeUser, type TestDatabase } from "../support/db";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request) => call_(t.db, handler, request);
const signedIn = (role: UserRole) => signedIn_(t.db, role);

/** "Six times a year, every second Tuesday" from 1 January 2025. */
const sixTimesAYear: SeriesInput = {
  frequency: "monthly",
  interval: 2,
  weekday: "TU",
  ordinal: 2,
  ends: "count",
  count: 6,
  until: null,
  first_date: "2025-01-01",
  title: null,
  start_time: "14:00",
  end_time: "16:00",
  location: "Provinciehuis, Maastricht",
  online_url: null,
};
const SIX_DAYS = ["2025-01-14", "2025-03-11", "2025-05-13", "2025-07-08", "2025-09-09", "2025-11-11"];

/** The planner's form as a browser without JavaScript posts it. */
const formFields = (bodyId: number, intent: "preview" | "create", overrides: Record<string, string> = {}) => ({
  intent,
  body_id: String(bodyId),
  title: "",
  first_date: "2025-01-01",
  frequency: "monthly",
  interval: "2",
  ordinal: "2",
  weekday: "TU",
  ends: "count",
  count: "6",
  until: "",
  start_time: "14:00",
  end_time: "16:00",
  location: "Provinciehuis, Maastricht",
  online_url: "",
  ...overrides,
});

describe("planning a series", () => {
  it("creates one planned meeting per day, in the series, each logged, with the rule as RRULE text", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const body = await makeBody(t.db, { name: "Bestuurlijke Regiegroep", active_from: "2024-01-01" });
    const { series, meetings } = await createSeries(t.db, user, body.id, sixTimesAYear);

    expect(series).toMatchObject({
      body_id: body.id,
      rule: "FREQ=MONTHLY;INTERVAL=2;BYDAY=+2TU;COUNT=6",
      first_date: "2025-01-14",
    });
    const stored = await t.db
      .selectFrom("meetings")
      .selectAll()
      .where("series_id", "=", series.id)
      .orderBy("date")
      .execute();
    expect(stored.map((m) => m.date)).toEqual(SIX_DAYS);
    expect(meetings.map((m) => m.id).sort()).toEqual(stored.map((m) => m.id).sort());
    for (const meeting of stored) {
      expect(meeting).toMatchObject({
        body_id: body.id,
        kind: "vergadering",
        title: "Bestuurlijke Regiegroep",
        start_time: "14:00",
        end_time: "16:00",
        location: "Provinciehuis, Maastricht",
        status: "gepland",
      });
    }
    const audit = await t.db.selectFrom("audit_log").select(["entity", "action", "user_id"]).orderBy("id").execute();
    expect(audit).toEqual([
      { entity: "meeting_series", action: "create", user_id: user.id },
      ...SIX_DAYS.map(() => ({ entity: "meetings", action: "create", user_id: user.id })),
    ]);
  });

  it("refuses a series that runs past the body's end, naming the days, and saves nothing", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const body = await makeBody(t.db, {
      name: "Werkgroep Dementie",
      active_from: "2024-01-01",
      active_to: "2025-08-31",
    });
    const refused = createSeries(t.db, user, body.id, sixTimesAYear);
    await expect(refused).rejects.toMatchObject({
      messageKey: expect.stringMatching(/^meetingSeries\.errors\.outsidePeriod\.fromTo\?/),
    });
    const { messageKey } = (await refused.catch((error: { messageKey: string }) => error)) as { messageKey: string };
    expect(new URLSearchParams(messageKey.split("?")[1]).get("dates")).toBe("2025-09-09, 2025-11-11");
    expect(await t.db.selectFrom("meeting_series").select("id").execute()).toEqual([]);
    expect(await t.db.selectFrom("meetings").select("id").execute()).toEqual([]);
    expect(await t.db.selectFrom("audit_log").select("id").execute()).toEqual([]);
  });

  it("refuses a series before the body starts, and one for an archived body", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const later = await makeBody(t.db, { active_from: "2025-04-01" });
    await expect(createSeries(t.db, user, later.id, sixTimesAYear)).rejects.toMatchObject({
      messageKey: expect.stringMatching(
        /^meetingSeries\.errors\.outsidePeriod\.from\?.*dates=2025-01-14%2C\+2025-03-11/,
      ),
    });
    const archived = await makeBody(t.db, { archived_at: "2024-12-01T00:00:00.000Z" });
    await expect(createSeries(t.db, user, archived.id, sixTimesAYear)).rejects.toMatchObject({
      messageKey: expect.stringContaining("bodies.errors.bodyArchived"),
    });
  });

  it("refuses an end time that is not after the start time", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const body = await makeBody(t.db);
    await expect(createSeries(t.db, user, body.id, { ...sixTimesAYear, end_time: "14:00" })).rejects.toMatchObject({
      messageKey: "meetings.errors.endBeforeStart",
      field: "end_time",
    });
    expect(await t.db.selectFrom("meetings").select("id").execute()).toEqual([]);
  });

  it("refuses a rule with too many occurrences on the field to change", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const body = await makeBody(t.db);
    const everyWeekForTwoYears: SeriesInput = {
      ...sixTimesAYear,
      frequency: "weekly",
      interval: 1,
      ends: "until",
      count: null,
      until: "2026-12-31",
    };
    await expect(createSeries(t.db, user, body.id, everyWeekForTwoYears)).rejects.toMatchObject({
      messageKey: "meetingSeries.errors.tooManyOccurrences?max=60",
      field: "until",
    });
  });

  it("previews the days, marking those outside the body's period, without saving", async () => {
    const body = await makeBody(t.db, { active_from: "2024-01-01", active_to: "2025-08-31" });
    const preview = await previewSeries(t.db, body.id, sixTimesAYear);
    expect(preview.rrule).toBe("FREQ=MONTHLY;INTERVAL=2;BYDAY=+2TU;COUNT=6");
    expect(preview.days.filter((day) => day.outsideBodyPeriod).map((day) => day.date)).toEqual([
      "2025-09-09",
      "2025-11-11",
    ]);
    expect(preview.days).toHaveLength(6);
    expect(await t.db.selectFrom("meeting_series").select("id").execute()).toEqual([]);
  });
});

describe("/vergaderingen/reeks", () => {
  it("is for editors only", async () => {
    const { cookie } = await signedIn("lezer");
    const body = await makeBody(t.db);
    expect((await call(seriesRoute.loader, get("/vergaderingen/reeks", cookie))).status).toBe(403);
    expect(
      (await call(seriesRoute.action, formRequest("/vergaderingen/reeks", formFields(body.id, "create"), { cookie })))
        .status,
    ).toBe(403);
    expect(await t.db.selectFrom("meetings").select("id").execute()).toEqual([]);
  });

  it("preselects the body from ?gremium= and offers only bodies not archived", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, { name: "Adviesteam Zorg en Welzijn" });
    await makeBody(t.db, { name: "Opgeheven werkgroep", archived_at: "2024-01-01T00:00:00.000Z" });
    const response = await call(seriesRoute.loader, get(`/vergaderingen/reeks?gremium=${body.id}`, cookie));
    const data = await response.json();
    expect(data.preselected).toMatchObject({ id: body.id, name: "Adviesteam Zorg en Welzijn" });
    expect(data.bodies.map((b: { name: string }) => b.name)).toEqual(["Adviesteam Zorg en Welzijn"]);
  });

  it("shows a preview without saving, then creates the series and shows it (plain posts, as without JavaScript)", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, { name: "Bestuurlijke Regiegroep" });

    const preview = await call(
      seriesRoute.action,
      formRequest("/vergaderingen/reeks", formFields(body.id, "preview"), { cookie }),
    );
    expect(preview.status).toBe(200);
    const previewData = await preview.json();
    expect(previewData.preview.days.map((day: { date: string }) => day.date)).toEqual(SIX_DAYS);
    // what was typed comes back, so the form shows it again
    expect(previewData.values).toMatchObject({ first_date: "2025-01-01", count: "6", weekday: "TU" });
    expect(await t.db.selectFrom("meetings").select("id").execute()).toEqual([]);

    const created = await call(
      seriesRoute.action,
      formRequest("/vergaderingen/reeks", formFields(body.id, "create"), { cookie }),
    );
    expect(created.status).toBe(302);
    const location = created.headers.get("Location")!;
    expect(location).toMatch(/^\/vergaderingen\/reeks\?melding=aangemaakt&id=\d+$/);

    const page = await (await call(seriesRoute.loader, get(location, cookie))).json();
    expect(page.created).toMatchObject({
      body_id: body.id,
      body_name: "Bestuurlijke Regiegroep",
      parsedRule: { frequency: "monthly", interval: 2, count: 6 },
    });
    expect(page.created.meetings.map((m: { date: string }) => m.date)).toEqual(SIX_DAYS);
  });

  it("refuses a series outside the body's period with the days in the reader's words, keeping what was typed", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, {
      name: "Werkgroep Dementie",
      active_from: "2024-01-01",
      active_to: "2025-08-31",
    });
    const response = await call(
      seriesRoute.action,
      formRequest("/vergaderingen/reeks", formFields(body.id, "create"), { cookie }),
    );
    expect(response.status).toBe(400);
    const data = await response.json();
    const [key, values] = data.errors._form.split("?");
    expect(key).toBe("meetingSeries.errors.outsidePeriod.fromTo");
    expect(Object.fromEntries(new URLSearchParams(values))).toMatchObject({
      body: "Werkgroep Dementie",
      to: "31 augustus 2025",
      dates: "9 september 2025, 11 november 2025",
    });
    expect(data.values).toMatchObject({ count: "6", location: "Provinciehuis, Maastricht" });
    expect(await t.db.selectFrom("meetings").select("id").execute()).toEqual([]);
  });

  it("refuses bad input on its fields: a missing count, a time that is not a time, an end before the start", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const missingCount = await call(
      seriesRoute.action,
      formRequest("/vergaderingen/reeks", formFields(body.id, "preview", { count: "", start_time: "half drie" }), {
        cookie,
      }),
    );
    expect(missingCount.status).toBe(400);
    expect((await missingCount.json()).errors).toMatchObject({
      count: "meetingSeries.errors.countRequired",
      start_time: "meetingSeries.errors.timeInvalid",
    });
    const endBeforeStart = await call(
      seriesRoute.action,
      formRequest("/vergaderingen/reeks", formFields(body.id, "create", { start_time: "16.00", end_time: "9:30" }), {
        cookie,
      }),
    );
    expect((await endBeforeStart.json()).errors).toEqual({ end_time: "meetings.errors.endBeforeStart" });
  });

  it("uses the title typed, else the body's name", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, { name: "CMO" });
    await call(
      seriesRoute.action,
      formRequest("/vergaderingen/reeks", formFields(body.id, "create", { title: "CMO-overleg", count: "1" }), {
        cookie,
      }),
    );
    await call(
      seriesRoute.action,
      formRequest("/vergaderingen/reeks", formFields(body.id, "create", { count: "1" }), { cookie }),
    );
    const titles = await t.db.selectFrom("meetings").select("title").orderBy("id").execute();
    expect(titles.map((m) => m.title)).toEqual(["CMO-overleg", "CMO"]);
  });
});
