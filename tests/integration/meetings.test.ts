import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  bodyMeetings,
  cancelMeeting,
  createBodyMeeting,
  createEvent,
  listMeetings,
  restoreMeeting,
  updateMeeting,
} from "../../app/models/meetings.server";
import * as bodyRoute from "../../app/routes/gremia.$bodyId";
import * as detailRoute from "../../app/routes/vergaderingen.$meetingId";
import * as editRoute from "../../app/routes/vergaderingen.$meetingId_.bewerken";
import * as listRoute from "../../app/routes/vergaderingen._index";
import * as newRoute from "../../app/routes/vergaderingen.nieuw";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeUser,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
import { makeAttendance, makeMeeting } from "../support/meetings";
import { makeAffiliation } from "../support/people";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);
const signedIn = (role: UserRole) => signedIn_(t.db, role);

const fields = {
  title: "Overleg",
  start_time: "14:00",
  end_time: "16:00",
  location: null,
  online_url: null,
  agenda: null,
  minutes: null,
};

/** What the meeting forms post, for a meeting on 2030-03-12 from 14:00 to 16:00 unless told otherwise. */
function meetingForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: "Overleg CMO",
    date: "2030-03-12",
    start_time: "14:00",
    end_time: "16:00",
    location: "Gouvernement, Maastricht",
    online_url: "",
    agenda: "1. Opening\n2. Rondvraag",
    ...overrides,
  };
}

const titles = (rows: { title: string }[]) => rows.map((row) => row.title);

const auditOf = (entity: string) =>
  t.db
    .selectFrom("audit_log")
    .select(["action", "entity", "entity_id", "summary", "before", "after"])
    .where("entity", "=", entity)
    .orderBy("id")
    .execute();

describe("planning a meeting of a body", () => {
  it("plans it from the form and shows it on its page", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, { name: "Coalitie Mijnstreek" });
    const response = await call(
      newRoute.action,
      formRequest("/vergaderingen/nieuw", meetingForm({ body_id: String(body.id) }), { cookie }),
    );
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/vergaderingen\/\d+\?melding=aangemaakt$/);
    const id = location.split("/")[2]!.split("?")[0]!;
    const page = await call(detailRoute.loader, get(location, cookie), { meetingId: id });
    const data = await page.json();
    expect(data.meeting).toMatchObject({
      body_id: body.id,
      body_name: "Coalitie Mijnstreek",
      date: "2030-03-12",
      status: "gepland",
      agenda: "1. Opening\n2. Rondvraag",
    });
    expect(data.notice).toBe("aangemaakt");
    expect(data.recorded).toBe(0);
  });

  it("refuses a date outside the body's active period, keeping what was typed", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, { active_from: "2024-01-01", active_to: "2025-12-31" });
    const response = await call(
      newRoute.action,
      formRequest("/vergaderingen/nieuw", meetingForm({ body_id: String(body.id) }), { cookie }),
    );
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors.date).toMatch(/^meetings\.errors\.afterBodyEnd\?/);
    expect(data.values).toMatchObject({
      title: "Overleg CMO",
      date: "2030-03-12",
      location: "Gouvernement, Maastricht",
    });
    expect(await t.db.selectFrom("meetings").select("id").execute()).toEqual([]);
  });

  it("refuses an end time before the start time and a time that is not HH:MM", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, {});
    const before = await call(
      newRoute.action,
      formRequest("/vergaderingen/nieuw", meetingForm({ body_id: String(body.id), end_time: "13:30" }), { cookie }),
    );
    expect(before.status).toBe(400);
    expect((await before.json()).errors).toEqual({ end_time: "meetings.errors.endBeforeStart" });

    const garbled = await call(
      newRoute.action,
      formRequest(
        "/vergaderingen/nieuw",
        meetingForm({ body_id: String(body.id), start_time: "25:00", date: "2030-02-30" }),
        { cookie },
      ),
    );
    expect(garbled.status).toBe(400);
    expect((await garbled.json()).errors).toEqual({
      start_time: "meetings.errors.timeInvalid",
      date: "common.form.dateInvalid",
    });
  });

  it("is not open to a reader", async () => {
    const { cookie } = await signedIn("lezer");
    const body = await makeBody(t.db, {});
    const response = await call(
      newRoute.action,
      formRequest("/vergaderingen/nieuw", meetingForm({ body_id: String(body.id) }), { cookie }),
    );
    expect(response.status).toBe(403);
    expect((await call(newRoute.loader, get("/vergaderingen/nieuw", cookie))).status).toBe(403);
  });
});

describe("network-wide events", () => {
  it("are planned with their invitations, stored and logged in one go", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, { name: "Adviesteam" });
    const organisation = await makeOrganisation(t.db, { name: "Envida" });
    const response = await call(
      newRoute.action,
      formRequest(
        "/vergaderingen/nieuw?soort=evenement",
        meetingForm({
          soort: "evenement",
          kind: "heisessie",
          title: "Heisessie 2030",
          invited_bodies: [String(body.id)],
          invited_organisations: [String(organisation.id)],
        }),
        { cookie },
      ),
    );
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/")[2]!.split("?")[0]!;
    const data = await (await call(detailRoute.loader, get(`/vergaderingen/${id}`, cookie), { meetingId: id })).json();
    expect(data.meeting).toMatchObject({ body_id: null, kind: "heisessie", title: "Heisessie 2030" });
    expect(data.invitations).toEqual({
      bodies: [{ id: body.id, name: "Adviesteam" }],
      organisations: [{ id: organisation.id, name: "Envida" }],
      savedSearches: [],
    });
    // the invitations are part of the event: logged in its one creation entry
    const log = await auditOf("meetings");
    expect(log.map((entry) => entry.action)).toEqual(["create"]);
    expect(JSON.parse(log[0]!.after!)).toMatchObject({
      invited_bodies: [body.id],
      invited_organisations: [organisation.id],
      invited_searches: [],
    });
    expect(await auditOf("meeting_invitations")).toEqual([]);
  });

  it("are refused without anyone invited, or with an archived organisation", async () => {
    // the create form posts the register's region
    await defaultRegionId(t.db);
    const { cookie } = await signedIn("redacteur");
    const none = await call(
      newRoute.action,
      formRequest("/vergaderingen/nieuw", meetingForm({ soort: "evenement", kind: "leerbijeenkomst" }), { cookie }),
    );
    expect(none.status).toBe(400);
    expect((await none.json()).errors).toEqual({ invited_bodies: "meetings.errors.noInvitations" });

    const archived = await makeOrganisation(t.db, { name: "Opgeheven", archived_at: "2024-01-01T00:00:00.000Z" });
    const refused = await call(
      newRoute.action,
      formRequest(
        "/vergaderingen/nieuw",
        meetingForm({ soort: "evenement", kind: "leerbijeenkomst", invited_organisations: [String(archived.id)] }),
        { cookie },
      ),
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({
      invited_organisations: "meetings.errors.invitationArchived?name=Opgeheven",
    });
    expect(await t.db.selectFrom("meetings").select("id").execute()).toEqual([]);
  });

  it("change their invitations on edit, logged with the event's own change", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const first = await makeOrganisation(t.db, {});
    const second = await makeOrganisation(t.db, {});
    const event = await createEvent(
      t.db,
      user,
      {
        ...fields,
        date: "2030-05-01",
        kind: "themasessie",
        invitations: { bodyIds: [], organisationIds: [first.id], savedSearchIds: [] },
      },
      await defaultRegionId(t.db),
    );
    const response = await call(
      editRoute.action,
      formRequest(
        `/vergaderingen/${event.id}/bewerken`,
        meetingForm({
          intent: "save",
          version: "1",
          kind: "themasessie",
          date: "2030-05-01",
          invited_organisations: [String(second.id)],
        }),
        { cookie },
      ),
      { meetingId: String(event.id) },
    );
    expect(response.status).toBe(302);
    const invited = await t.db
      .selectFrom("meeting_invitations")
      .select("organisation_id")
      .where("meeting_id", "=", event.id)
      .execute();
    expect(invited).toEqual([{ organisation_id: second.id }]);
    const edit = (await auditOf("meetings")).at(-1)!;
    expect(edit.action).toBe("update");
    expect(JSON.parse(edit.before!)).toMatchObject({ version: 1, invited_organisations: [first.id] });
    expect(JSON.parse(edit.after!)).toMatchObject({ version: 2, invited_organisations: [second.id] });
  });
});

describe("editing a meeting", () => {
  it("refuses a save against a version someone else already changed, with what they changed", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur", name: "Eerste Redacteur" });
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, {});
    const meeting = await createBodyMeeting(t.db, user, { ...fields, body_id: body.id, date: "2030-03-12" });
    await updateMeeting(t.db, user, meeting.id, 1, { ...fields, date: "2030-03-12", location: "Heerlen" });
    const response = await call(
      editRoute.action,
      formRequest(
        `/vergaderingen/${meeting.id}/bewerken`,
        meetingForm({ intent: "save", version: "1", location: "Sittard" }),
        { cookie },
      ),
      { meetingId: String(meeting.id) },
    );
    expect(response.status).toBe(409);
    const data = await response.json();
    expect(data.values).toMatchObject({ location: "Sittard", version: "2" });
    expect(data.conflict[0]).toMatchObject({
      by: "Eerste Redacteur",
      fields: expect.arrayContaining([{ field: "location", before: null, after: "Heerlen" }]),
    });
    expect((await t.db.selectFrom("meetings").select("location").executeTakeFirstOrThrow()).location).toBe("Heerlen");
  });

  it("cancels with a ticked confirmation, offers undo, and the undo brings back the status it had", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, {});
    const meeting = await createBodyMeeting(t.db, user, { ...fields, body_id: body.id, date: "2030-03-12" });
    const path = `/vergaderingen/${meeting.id}/bewerken`;
    const params = { meetingId: String(meeting.id) };

    const unconfirmed = await call(
      editRoute.action,
      formRequest(path, { intent: "cancel", version: "1" }, { cookie }),
      params,
    );
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).errors).toEqual({ confirm: "meetings.errors.confirmCancel" });

    const cancelled = await call(
      editRoute.action,
      formRequest(path, { intent: "cancel", version: "1", confirm: "on" }, { cookie }),
      params,
    );
    expect(cancelled.headers.get("Location")).toBe(`${path}?melding=geannuleerd&versie=2&was=gepland`);
    const page = await (await call(editRoute.loader, get(cancelled.headers.get("Location")!, cookie), params)).json();
    expect(page.meeting.status).toBe("geannuleerd");
    expect(page.undo).toEqual({ version: 2, status: "gepland" });
    expect(await t.db.selectFrom("meetings").select("id").execute()).toHaveLength(1);

    const undone = await call(
      editRoute.action,
      formRequest(path, { intent: "undo", version: "2", status: "gepland" }, { cookie }),
      params,
    );
    expect(undone.headers.get("Location")).toBe(`${path}?melding=ongedaan`);
    expect((await t.db.selectFrom("meetings").select("status").executeTakeFirstOrThrow()).status).toBe("gepland");
    expect((await auditOf("meetings")).map((entry) => [entry.action, entry.summary])).toEqual([
      ["create", null],
      ["update", "meeting_cancelled"],
      ["restore", "meeting_restored"],
    ]);
  });

  it("refuses marking a future meeting as held", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, {});
    const meeting = await createBodyMeeting(t.db, user, { ...fields, body_id: body.id, date: "2099-01-01" });
    const response = await call(
      editRoute.action,
      formRequest(
        `/vergaderingen/${meeting.id}/bewerken`,
        { intent: "status", version: "1", status: "gehouden" },
        { cookie },
      ),
      { meetingId: String(meeting.id) },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ date: "meetings.errors.heldInFuture" });
  });

  it("refuses to restore a meeting that is not cancelled", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const body = await makeBody(t.db, {});
    const meeting = await createBodyMeeting(t.db, user, { ...fields, body_id: body.id, date: "2030-03-12" });
    await expect(restoreMeeting(t.db, user, meeting.id, 1)).rejects.toMatchObject({
      messageKey: "meetings.errors.notCancelled",
    });
    await cancelMeeting(t.db, user, meeting.id, 1);
    await expect(cancelMeeting(t.db, user, meeting.id, 2)).rejects.toMatchObject({
      messageKey: "meetings.errors.alreadyCancelled",
    });
  });
});

describe("changing the date of a meeting whose attendance was recorded", () => {
  /** A body whose roster changes on 1 June 2025: Anna stays, Bram leaves (31 May), Carla joins; Gijs came as a guest. */
  async function recordedMeeting() {
    const { user, cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, {});
    const anna = await makePerson(t.db, { first_name: "Anna", last_name: "Aerts" });
    const bram = await makePerson(t.db, { first_name: "Bram", last_name: "Bos" });
    const carla = await makePerson(t.db, { first_name: "Carla", last_name: "Coenen" });
    const gijs = await makePerson(t.db, { first_name: "Gijs", last_name: "Gast" });
    await makeSeat(t.db, { body_id: body.id, person_id: anna.id, start_date: "2025-01-01" });
    await makeSeat(t.db, { body_id: body.id, person_id: bram.id, start_date: "2025-01-01", end_date: "2025-05-31" });
    await makeSeat(t.db, { body_id: body.id, person_id: carla.id, start_date: "2025-06-01" });
    const meeting = await makeMeeting(t.db, { body_id: body.id, date: "2025-05-20", status: "gehouden" });
    for (const [person, status] of [
      [anna, "aanwezig"],
      [bram, "afgemeld"],
      [gijs, "gast"],
    ] as const) {
      await makeAttendance(t.db, { meeting_id: meeting.id, person_id: person.id, status });
    }
    const save = (overrides: Record<string, string>) =>
      call(
        editRoute.action,
        formRequest(
          `/vergaderingen/${meeting.id}/bewerken`,
          meetingForm({ intent: "save", version: "1", title: "Vergadering", date: "2025-06-03", ...overrides }),
          { cookie },
        ),
        { meetingId: String(meeting.id) },
      );
    return { user, meeting, anna, bram, save };
  }

  it("asks what to do with the register, naming who is not on the new date's roster (guests aside)", async () => {
    const { meeting, bram, save } = await recordedMeeting();
    const response = await save({});
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors).toEqual({ attendance_decision: "meetings.errors.attendanceDecision?count=3" });
    expect(data.decision).toEqual({ date: "2025-06-03", notOnRoster: [{ person_id: bram.id, name: "Bram Bos" }] });
    expect(data.values).toMatchObject({ date: "2025-06-03", title: "Vergadering" });
    const stored = await t.db
      .selectFrom("meetings")
      .select(["date", "version"])
      .where("id", "=", meeting.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ date: "2025-05-20", version: 1 });
  });

  it("does not ask when the date stays the same", async () => {
    const { save } = await recordedMeeting();
    expect((await save({ date: "2025-05-20", location: "Elders" })).status).toBe(302);
  });

  it("keeps the register when told to", async () => {
    const { meeting, save } = await recordedMeeting();
    expect((await save({ attendance_decision: "keep" })).status).toBe(302);
    expect(
      await t.db.selectFrom("attendance").select("id").where("meeting_id", "=", meeting.id).execute(),
    ).toHaveLength(3);
    expect((await t.db.selectFrom("meetings").select("date").executeTakeFirstOrThrow()).date).toBe("2025-06-03");
  });

  it("clears the register when told to, logging what it removes with the move", async () => {
    const { meeting, anna, save } = await recordedMeeting();
    expect((await save({ attendance_decision: "clear" })).status).toBe(302);
    expect(await t.db.selectFrom("attendance").select("id").where("meeting_id", "=", meeting.id).execute()).toEqual([]);
    const move = (await auditOf("meetings")).at(-1)!;
    expect(move.summary).toBe("attendance_cleared");
    const before = JSON.parse(move.before!) as Record<string, unknown>;
    const after = JSON.parse(move.after!) as Record<string, unknown>;
    expect(before).toMatchObject({ date: "2025-05-20", [`Anna Aerts (${anna.id})`]: "aanwezig" });
    expect(Object.keys(before).filter((field) => / \(\d+\)$/.test(field))).toHaveLength(3);
    expect(after).toMatchObject({ date: "2025-06-03" });
    expect(Object.keys(after).filter((field) => / \(\d+\)$/.test(field))).toEqual([]);
  });

  it("asks for an event too, comparing with whom its invitations reach on the new date", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const organisation = await makeOrganisation(t.db, {});
    const leaver = await makePerson(t.db, { first_name: "Lotte", last_name: "Lindeman" });
    await makeAffiliation(t.db, {
      person_id: leaver.id,
      organisation_id: organisation.id,
      start_date: "2024-01-01",
      end_date: "2025-06-30",
    });
    const event = await createEvent(
      t.db,
      user,
      {
        ...fields,
        date: "2025-06-10",
        kind: "leerbijeenkomst",
        invitations: { bodyIds: [], organisationIds: [organisation.id], savedSearchIds: [] },
      },
      await defaultRegionId(t.db),
    );
    await makeAttendance(t.db, { meeting_id: event.id, person_id: leaver.id, status: "aanwezig" });
    await expect(updateMeeting(t.db, user, event.id, 1, { ...fields, date: "2025-07-10" })).rejects.toMatchObject({
      notOnRoster: [{ person_id: leaver.id, name: "Lotte Lindeman" }],
    });
  });
});

describe("the list of meetings", () => {
  async function someMeetings() {
    const cmo = await makeBody(t.db, { name: "CMO", abbreviation: "CMO" });
    const bat = await makeBody(t.db, { name: "BAT" });
    const past = await makeMeeting(t.db, { body_id: cmo.id, date: "2025-01-14", title: "CMO januari" });
    const older = await makeMeeting(t.db, { body_id: bat.id, date: "2024-11-05", title: "BAT november" });
    const soon = await makeMeeting(t.db, {
      body_id: cmo.id,
      date: "2025-03-11",
      title: "CMO maart",
      status: "gepland",
    });
    const later = await makeMeeting(t.db, {
      kind: "heisessie",
      date: "2025-04-01",
      title: "Heisessie",
      status: "gepland",
    });
    const cancelled = await makeMeeting(t.db, {
      body_id: bat.id,
      date: "2025-05-06",
      title: "BAT mei",
      status: "geannuleerd",
    });
    return { cmo, bat, past, older, soon, later, cancelled };
  }

  it("shows upcoming meetings soonest first and past ones latest first", async () => {
    await someMeetings();
    const upcoming = await listMeetings(t.db, "all", { timeframe: "komend" }, 1, "2025-03-01");
    expect(titles(upcoming.rows)).toEqual(["CMO maart", "Heisessie", "BAT mei"]);
    const past = await listMeetings(t.db, "all", { timeframe: "afgelopen" }, 1, "2025-03-01");
    expect(titles(past.rows)).toEqual(["CMO januari", "BAT november"]);
  });

  it("filters on body, kind, status, year and period", async () => {
    const { cmo } = await someMeetings();
    const all = { timeframe: "alle" as const };
    expect(titles((await listMeetings(t.db, "all", { ...all, bodyId: cmo.id }, 1)).rows)).toEqual([
      "CMO januari",
      "CMO maart",
    ]);
    expect(titles((await listMeetings(t.db, "all", { ...all, kind: "evenementen" }, 1)).rows)).toEqual(["Heisessie"]);
    expect(
      titles((await listMeetings(t.db, "all", { ...all, kind: "vergaderingen", status: "geannuleerd" }, 1)).rows),
    ).toEqual(["BAT mei"]);
    expect(titles((await listMeetings(t.db, "all", { ...all, year: 2024 }, 1)).rows)).toEqual(["BAT november"]);
    expect(titles((await listMeetings(t.db, "all", { ...all, from: "2025-03-01", to: "2025-04-30" }, 1)).rows)).toEqual(
      ["CMO maart", "Heisessie"],
    );
  });

  it("reads its filters from the URL and tells which ones it ignored", async () => {
    const { cmo } = await someMeetings();
    const { cookie } = await signedIn("lezer");
    const response = await call(
      listRoute.loader,
      get(`/vergaderingen?wanneer=alle&gremium=${cmo.id}&jaar=20x5`, cookie),
    );
    const data = await response.json();
    expect(titles(data.meetings)).toEqual(["CMO januari", "CMO maart"]);
    expect(data.ignored).toEqual(["20x5"]);
    expect(data.canEdit).toBe(false);
  });

  it("pages through many meetings", async () => {
    const body = await makeBody(t.db, {});
    for (let day = 1; day <= 30; day++)
      await makeMeeting(t.db, { body_id: body.id, date: `2031-01-${String(day).padStart(2, "0")}` });
    const second = await listMeetings(t.db, "all", { timeframe: "komend" }, 2, "2030-12-31");
    expect(second.page).toMatchObject({ page: 2, pages: 2, total: 30, from: 26, to: 30 });
    expect(second.rows.map((row) => row.date)).toEqual([
      "2031-01-26",
      "2031-01-27",
      "2031-01-28",
      "2031-01-29",
      "2031-01-30",
    ]);
  });
});

describe("a body's page", () => {
  it("shows the body's upcoming and recent meetings", async () => {
    const { cookie } = await signedIn("lezer");
    const body = await makeBody(t.db, {});
    const other = await makeBody(t.db, {});
    await makeMeeting(t.db, { body_id: body.id, date: "2020-02-01", title: "Lang geleden" });
    await makeMeeting(t.db, { body_id: body.id, date: "2099-02-01", title: "Ver weg", status: "gepland" });
    await makeMeeting(t.db, { body_id: other.id, date: "2099-02-01", title: "Ander gremium", status: "gepland" });
    const data = await (
      await call(bodyRoute.loader, get(`/gremia/${body.id}`, cookie), { bodyId: String(body.id) })
    ).json();
    expect(titles(data.meetings.upcoming)).toEqual(["Ver weg"]);
    expect(titles(data.meetings.recent)).toEqual(["Lang geleden"]);
    const direct = await bodyMeetings(t.db, body.id, "2099-03-01");
    expect(titles(direct.upcoming)).toEqual([]);
    expect(titles(direct.recent)).toEqual(["Ver weg", "Lang geleden"]);
  });
});
