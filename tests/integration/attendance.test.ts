import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attendanceSheet, everyonePresent, saveAttendance } from "../../app/models/attendance.server";
import { StaleVersionError } from "../../app/models/editing.server";
import * as registerRoute from "../../app/routes/vergaderingen.$meetingId_.presentie";
import { todayInAmsterdam } from "../../app/i18n/format";
import { addDays } from "../../app/services/periods";
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

/** A body with three members on 2025-03-11 (chair first), a meeting that day, and a redacteur. */
async function heldMeeting(status: "gepland" | "gehouden" = "gepland") {
  const { user } = await makeUser(t.db, { role: "redacteur" });
  const body = await makeBody(t.db, {});
  const organisation = await makeOrganisation(t.db, { name: "Envida" });
  const chair = await makePerson(t.db, { first_name: "Carla", last_name: "Smeets" });
  const anna = await makePerson(t.db, { first_name: "Anna", infix: "de", last_name: "Vries" });
  const bram = await makePerson(t.db, { first_name: "Bram", last_name: "Jansen" });
  await makeSeat(t.db, { body_id: body.id, person_id: chair.id, role: "voorzitter", organisation_id: organisation.id });
  await makeSeat(t.db, { body_id: body.id, person_id: anna.id, organisation_id: organisation.id });
  await makeSeat(t.db, { body_id: body.id, person_id: bram.id });
  const meeting = await makeMeeting(t.db, { body_id: body.id, date: "2025-03-11", status });
  return { user, body, organisation, chair, anna, bram, meeting };
}

const present = (...ids: number[]) =>
  ids.map((person_id) => ({ person_id, status: "aanwezig" as const, substitute_person_id: null }));

describe("the register's pre-fill", () => {
  it("is the roster on the meeting date: a seat ended the day before is not on it, one starting that day is, vacancies are not, two seats count once", async () => {
    const body = await makeBody(t.db, {});
    const organisation = await makeOrganisation(t.db, { name: "Zuyderland" });
    const twoSeats = await makePerson(t.db, { first_name: "Twee", last_name: "Zetels" });
    const leftYesterday = await makePerson(t.db, { first_name: "Gisteren", last_name: "Vertrokken" });
    const startsToday = await makePerson(t.db, { first_name: "Vandaag", last_name: "Begonnen" });
    await makeSeat(t.db, { body_id: body.id, person_id: twoSeats.id, role: "lid" });
    await makeSeat(t.db, {
      body_id: body.id,
      person_id: twoSeats.id,
      role: "voorzitter",
      organisation_id: organisation.id,
    });
    await makeSeat(t.db, { body_id: body.id, person_id: leftYesterday.id, end_date: "2025-03-10" });
    await makeSeat(t.db, { body_id: body.id, person_id: startsToday.id, start_date: "2025-03-11" });
    await makeSeat(t.db, { body_id: body.id, person_id: null });
    const meeting = await makeMeeting(t.db, { body_id: body.id, date: "2025-03-11" });

    const sheet = await attendanceSheet(t.db, meeting.id);
    expect(sheet.members.map((m) => [m.name, m.role, m.organisation_name, m.status, m.expected])).toEqual([
      ["Twee Zetels", "voorzitter", "Zuyderland", null, true],
      ["Vandaag Begonnen", "lid", null, null, true],
    ]);
    expect(sheet.guests).toEqual([]);
    expect(sheet.closed).toBeNull();
  });

  it("shows stored statuses over the pre-fill, keeps people no longer on the roster (marked) and lists guests", async () => {
    const { meeting, chair, anna, bram, body } = await heldMeeting("gehouden");
    const formerMember = await makePerson(t.db, { first_name: "Oud", last_name: "Lid" });
    const guest = await makePerson(t.db, { first_name: "Gert", last_name: "Gast" });
    const oldSeat = await makeSeat(t.db, {
      body_id: body.id,
      person_id: formerMember.id,
      role: "secretaris",
      start_date: "2024-01-01",
      end_date: "2024-12-31",
    });
    await makeAttendance(t.db, {
      meeting_id: meeting.id,
      person_id: anna.id,
      status: "vervangen",
      substitute_person_id: guest.id,
    });
    await makeAttendance(t.db, { meeting_id: meeting.id, person_id: chair.id, status: "afgemeld" });
    await makeAttendance(t.db, {
      meeting_id: meeting.id,
      person_id: formerMember.id,
      status: "aanwezig",
      seat_id: oldSeat.id,
    });
    await makeAttendance(t.db, { meeting_id: meeting.id, person_id: guest.id, status: "gast" });

    const sheet = await attendanceSheet(t.db, meeting.id);
    expect(sheet.members.map((m) => [m.person_id, m.status, m.substitute_name, m.expected, m.role])).toEqual([
      [chair.id, "afgemeld", null, true, "voorzitter"],
      [bram.id, null, null, true, "lid"],
      [anna.id, "vervangen", "Gert Gast", true, "lid"],
      [formerMember.id, "aanwezig", null, false, "secretaris"],
    ]);
    expect(sheet.guests.map((g) => [g.name, g.status])).toEqual([["Gert Gast", "gast"]]);
    expect(sheet.counts).toEqual({ aanwezig: 1, afgemeld: 1, afwezig: 0, vervangen: 1, gast: 1 });
  });

  it("for a network event is its invitees", async () => {
    const organisation = await makeOrganisation(t.db, { name: "GGD Zuid Limburg" });
    const employee = await makePerson(t.db, { first_name: "Eva", last_name: "Bakker" });
    await makeAffiliation(t.db, { person_id: employee.id, organisation_id: organisation.id });
    const event = await makeMeeting(t.db, { kind: "heisessie", date: "2025-05-01" });
    await t.db
      .insertInto("meeting_invitations")
      .values({ meeting_id: event.id, organisation_id: organisation.id })
      .execute();

    const sheet = await attendanceSheet(t.db, event.id);
    expect(sheet.members.map((m) => [m.name, m.role, m.organisation_name])).toEqual([
      ["Eva Bakker", null, "GGD Zuid Limburg"],
    ]);
  });

  it("says why a cancelled or a future meeting has no register", async () => {
    const body = await makeBody(t.db, {});
    const cancelled = await makeMeeting(t.db, { body_id: body.id, date: "2025-03-11", status: "geannuleerd" });
    const future = await makeMeeting(t.db, {
      body_id: body.id,
      date: addDays(todayInAmsterdam(), 1),
      status: "gepland",
    });
    expect((await attendanceSheet(t.db, cancelled.id)).closed).toBe("cancelled");
    expect((await attendanceSheet(t.db, future.id)).closed).toBe("future");
  });
});

describe("saving the register", () => {
  it("stores every row with seat and organisation from the roster, marks the meeting held and logs the register, in one go", async () => {
    const { user, meeting, chair, anna, bram, organisation } = await heldMeeting();
    const substitute = await makePerson(t.db, { first_name: "Vera", last_name: "Vervanger" });
    const guest = await makePerson(t.db, { first_name: "Gert", last_name: "Gast" });
    await makeAffiliation(t.db, { person_id: guest.id, organisation_id: organisation.id });

    const counts = await saveAttendance(t.db, user, meeting.id, meeting.version, [
      { person_id: chair.id, status: "aanwezig", substitute_person_id: null },
      { person_id: anna.id, status: "vervangen", substitute_person_id: substitute.id },
      { person_id: bram.id, status: "afgemeld", substitute_person_id: null },
      { person_id: guest.id, status: "gast", substitute_person_id: null },
    ]);
    expect(counts).toEqual({ aanwezig: 1, afgemeld: 1, afwezig: 0, vervangen: 1, gast: 1 });

    const rows = await t.db
      .selectFrom("attendance")
      .innerJoin("seats", (join) => join.onRef("seats.id", "=", "attendance.seat_id"))
      .select([
        "attendance.person_id",
        "attendance.status",
        "attendance.organisation_id",
        "seats.person_id as seat_holder",
      ])
      .where("meeting_id", "=", meeting.id)
      .orderBy("attendance.person_id")
      .execute();
    expect(rows).toEqual([
      { person_id: chair.id, status: "aanwezig", organisation_id: organisation.id, seat_holder: chair.id },
      { person_id: anna.id, status: "vervangen", organisation_id: organisation.id, seat_holder: anna.id },
      { person_id: bram.id, status: "afgemeld", organisation_id: null, seat_holder: bram.id },
    ]);
    const guestRow = await t.db
      .selectFrom("attendance")
      .selectAll()
      .where("person_id", "=", guest.id)
      .executeTakeFirstOrThrow();
    expect(guestRow).toMatchObject({ status: "gast", seat_id: null, organisation_id: organisation.id });

    const after = await t.db
      .selectFrom("meetings")
      .select(["status", "version"])
      .where("id", "=", meeting.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: "gehouden", version: meeting.version + 1 });
    const log = await t.db
      .selectFrom("audit_log")
      .select(["entity", "entity_id", "user_id", "after"])
      .orderBy("id")
      .execute();
    // one entry: the meeting with its register, as one change of the meeting
    expect(log.map((entry) => entry.entity)).toEqual(["meetings"]);
    expect(log[0]).toMatchObject({ entity_id: String(meeting.id), user_id: user.id });
    expect(JSON.parse(log[0]!.after!)).toMatchObject({
      status: "gehouden",
      version: meeting.version + 1,
      [`Anna de Vries (${anna.id})`]: `vervangen door Vera Vervanger (${substitute.id})`,
      [`Gert Gast (${guest.id})`]: "gast",
    });
  });

  it("writes nothing when a refusal comes after the rows were checked", async () => {
    const { user, meeting, chair, anna } = await heldMeeting();
    await makeAttendance(t.db, { meeting_id: meeting.id, person_id: chair.id, status: "afwezig" });
    // bram has no status: the whole save is refused and the stored register stays
    await expect(
      saveAttendance(t.db, user, meeting.id, meeting.version, present(chair.id, anna.id)),
    ).rejects.toMatchObject({
      messageKey: "attendance.errors.statusMissing",
    });
    expect(await t.db.selectFrom("attendance").select(["person_id", "status"]).execute()).toEqual([
      { person_id: chair.id, status: "afwezig" },
    ]);
    expect(await t.db.selectFrom("audit_log").select("id").execute()).toEqual([]);
  });

  it("is refused for a cancelled meeting and for one after today in Amsterdam", async () => {
    const { user, body, chair } = await heldMeeting();
    const cancelled = await makeMeeting(t.db, { body_id: body.id, date: "2025-03-11", status: "geannuleerd" });
    await expect(saveAttendance(t.db, user, cancelled.id, cancelled.version, present(chair.id))).rejects.toMatchObject({
      messageKey: "attendance.errors.cancelled",
    });
    const tomorrow = addDays(todayInAmsterdam(), 1);
    const future = await makeMeeting(t.db, { body_id: body.id, date: tomorrow, status: "gepland" });
    await expect(everyonePresent(t.db, user, future.id, future.version)).rejects.toMatchObject({
      messageKey: `attendance.errors.future?date=${tomorrow}`,
    });
    // the same meeting can be registered on its own day
    await expect(everyonePresent(t.db, user, future.id, future.version, tomorrow)).resolves.toMatchObject({
      aanwezig: 3,
    });
  });

  it("refuses a substitute who is the member themselves, and 'vervangen' without a substitute, on that row", async () => {
    const { user, meeting, chair, anna, bram } = await heldMeeting();
    await expect(
      saveAttendance(t.db, user, meeting.id, meeting.version, [
        ...present(chair.id, bram.id),
        { person_id: anna.id, status: "vervangen", substitute_person_id: anna.id },
      ]),
    ).rejects.toMatchObject({ messageKey: "attendance.errors.substituteIsMember", field: `substitute-${anna.id}` });
    await expect(
      saveAttendance(t.db, user, meeting.id, meeting.version, [
        ...present(chair.id, bram.id),
        { person_id: anna.id, status: "vervangen", substitute_person_id: null },
      ]),
    ).rejects.toMatchObject({ messageKey: "attendance.errors.substituteMissing", field: `substitute-${anna.id}` });
  });

  it("refuses an archived substitute", async () => {
    const { user, meeting, chair, anna, bram } = await heldMeeting();
    const archived = await makePerson(t.db, { archived_at: "2024-01-01T00:00:00.000Z" });
    await expect(
      saveAttendance(t.db, user, meeting.id, meeting.version, [
        ...present(chair.id, bram.id),
        { person_id: anna.id, status: "vervangen", substitute_person_id: archived.id },
      ]),
    ).rejects.toMatchObject({ messageKey: "attendance.errors.personUnknown", field: `substitute-${anna.id}` });
  });

  it("refuses a guest who is already on the list, naming them", async () => {
    const { user, meeting, chair, anna, bram } = await heldMeeting();
    const guest = await makePerson(t.db, { first_name: "Gert", last_name: "Gast" });
    await expect(
      saveAttendance(t.db, user, meeting.id, meeting.version, [
        ...present(chair.id, anna.id, bram.id),
        { person_id: anna.id, status: "gast", substitute_person_id: null },
      ]),
    ).rejects.toMatchObject({ messageKey: "attendance.errors.guestListed?name=Anna+de+Vries", field: "guest" });
    await expect(
      saveAttendance(t.db, user, meeting.id, meeting.version, [
        ...present(chair.id, anna.id, bram.id),
        { person_id: guest.id, status: "gast", substitute_person_id: null },
        { person_id: guest.id, status: "gast", substitute_person_id: null },
      ]),
    ).rejects.toMatchObject({ messageKey: "attendance.errors.guestListed?name=Gert+Gast" });
  });

  it("refuses a version the meeting has moved past, listing the register changes made since", async () => {
    const { user, meeting, chair, anna, bram } = await heldMeeting();
    await saveAttendance(t.db, user, meeting.id, meeting.version, present(chair.id, anna.id, bram.id));
    const stale = saveAttendance(t.db, user, meeting.id, meeting.version, present(chair.id, anna.id, bram.id));
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    const error = (await stale.catch((e: unknown) => e)) as StaleVersionError;
    expect(error.currentVersion).toBe(meeting.version + 1);
    expect(error.changes.flatMap((change) => change.fields)).toContainEqual({
      field: "status",
      before: "gepland",
      after: "gehouden",
    });
    expect(error.changes.flatMap((change) => change.fields)).toContainEqual({
      field: `Anna de Vries (${anna.id})`,
      before: null,
      after: "aanwezig",
    });
  });
});

describe("everyone present", () => {
  it("marks every expected person present in one action, keeping guests", async () => {
    const { user, meeting, chair, anna, bram } = await heldMeeting();
    const guest = await makePerson(t.db, {});
    await makeAttendance(t.db, { meeting_id: meeting.id, person_id: guest.id, status: "gast" });
    await makeAttendance(t.db, { meeting_id: meeting.id, person_id: anna.id, status: "afgemeld" });

    expect(await everyonePresent(t.db, user, meeting.id, meeting.version)).toEqual({
      aanwezig: 3,
      afgemeld: 0,
      afwezig: 0,
      vervangen: 0,
      gast: 1,
    });
    const rows = await t.db.selectFrom("attendance").select(["person_id", "status"]).orderBy("person_id").execute();
    expect(rows).toEqual([
      { person_id: chair.id, status: "aanwezig" },
      { person_id: anna.id, status: "aanwezig" },
      { person_id: bram.id, status: "aanwezig" },
      { person_id: guest.id, status: "gast" },
    ]);
  });
});

describe("/vergaderingen/:id/presentie without JavaScript (plain form posts)", () => {
  const path = (id: number) => `/vergaderingen/${id}/presentie`;
  const params = (id: number) => ({ meetingId: String(id) });
  /** The register's fields as the page posts them: every row listed, and the statuses chosen. */
  const form = (version: number, rows: [number, string][], extra: Record<string, string | string[]> = {}) => ({
    version: String(version),
    member: rows.map(([id]) => String(id)),
    ...Object.fromEntries(rows.filter(([, status]) => status).map(([id, status]) => [`status-${id}`, status])),
    ...extra,
  });

  it("can be read by a lezer, who may not post to it", async () => {
    const { meeting, chair } = await heldMeeting();
    const { cookie } = await signedIn("lezer");
    const page = await call(registerRoute.loader, get(path(meeting.id), cookie), params(meeting.id));
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.canEdit).toBe(false);
    expect(data.sheet.members[0].person_id).toBe(chair.id);
    const post = await call(
      registerRoute.action,
      formRequest(path(meeting.id), { intent: "everyonePresent", version: "1" }, { cookie }),
      params(meeting.id),
    );
    expect(post.status).toBe(403);
  });

  it("saves the posted register and says so with the counts", async () => {
    const { meeting, chair, anna, bram } = await heldMeeting();
    const { cookie } = await signedIn("redacteur");
    const response = await call(
      registerRoute.action,
      formRequest(
        path(meeting.id),
        {
          intent: "save",
          ...form(meeting.version, [
            [chair.id, "aanwezig"],
            [anna.id, "afgemeld"],
            [bram.id, "afwezig"],
          ]),
        },
        { cookie },
      ),
      params(meeting.id),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${path(meeting.id)}?melding=opgeslagen`);
    const page = await (
      await call(registerRoute.loader, get(`${path(meeting.id)}?melding=opgeslagen`, cookie), params(meeting.id))
    ).json();
    expect(page.notice).toBe("opgeslagen");
    expect(page.sheet.counts).toEqual({ aanwezig: 1, afgemeld: 1, afwezig: 1, vervangen: 0, gast: 0 });
  });

  it("refuses rows without a status and 'vervangen' without a substitute, row by row, keeping every choice", async () => {
    const { meeting, chair, anna, bram } = await heldMeeting();
    const { cookie } = await signedIn("redacteur");
    const response = await call(
      registerRoute.action,
      formRequest(
        path(meeting.id),
        {
          intent: "save",
          ...form(meeting.version, [
            [chair.id, "afgemeld"],
            [anna.id, "vervangen"],
            [bram.id, ""],
          ]),
        },
        { cookie },
      ),
      params(meeting.id),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({
      [`substitute-${anna.id}`]: "attendance.errors.substituteMissing",
      [`status-${bram.id}`]: "attendance.errors.statusMissing",
    });
    expect(body.values).toMatchObject({ [`status-${chair.id}`]: "afgemeld", [`status-${anna.id}`]: "vervangen" });
    expect(await t.db.selectFrom("attendance").select("id").execute()).toEqual([]);
  });

  it("finds a substitute by search without losing the chosen statuses, never offering the member, and then saves", async () => {
    const { meeting, chair, anna, bram } = await heldMeeting();
    const substitute = await makePerson(t.db, { first_name: "Vera", last_name: "Vries" });
    const { cookie } = await signedIn("redacteur");
    const chosen = form(meeting.version, [
      [chair.id, "afgemeld"],
      [anna.id, "vervangen"],
      [bram.id, "afwezig"],
    ]);
    // Enter in the search field presses the form's default button ("enter"): with text to search, it searches
    const searched = await call(
      registerRoute.action,
      formRequest(
        path(meeting.id),
        { intent: "enter", ...chosen, [`substituteQuery-${anna.id}`]: "Vries" },
        { cookie },
      ),
      params(meeting.id),
    );
    expect(searched.status).toBe(200);
    const answer = await searched.json();
    expect(answer.searches[`substituteQuery-${anna.id}`].results.map((p: { id: number }) => p.id)).toEqual([
      substitute.id,
    ]);
    expect(answer.values).toMatchObject({
      [`status-${chair.id}`]: "afgemeld",
      [`status-${anna.id}`]: "vervangen",
      [`status-${bram.id}`]: "afwezig",
    });
    expect(answer.values[`substituteQuery-${anna.id}`]).toBe("");
    expect(await t.db.selectFrom("attendance").select("id").execute()).toEqual([]);

    const saved = await call(
      registerRoute.action,
      formRequest(
        path(meeting.id),
        { intent: "enter", ...answer.values, [`substitute-${anna.id}`]: String(substitute.id) },
        { cookie },
      ),
      params(meeting.id),
    );
    expect(saved.status).toBe(302);
    const row = await t.db
      .selectFrom("attendance")
      .select(["status", "substitute_person_id"])
      .where("person_id", "=", anna.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "vervangen", substitute_person_id: substitute.id });
  });

  it("refuses the member as their own substitute with a message on the row", async () => {
    const { meeting, chair, anna, bram } = await heldMeeting();
    const { cookie } = await signedIn("redacteur");
    const response = await call(
      registerRoute.action,
      formRequest(
        path(meeting.id),
        {
          intent: "save",
          ...form(meeting.version, [
            [chair.id, "aanwezig"],
            [anna.id, "vervangen"],
            [bram.id, "aanwezig"],
          ]),
          [`substitute-${anna.id}`]: String(anna.id),
        },
        { cookie },
      ),
      params(meeting.id),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      [`substitute-${anna.id}`]: "attendance.errors.substituteIsMember",
    });
  });

  it("adds a guest found by search, refuses one already on the list, and removes one before saving", async () => {
    const { meeting, chair, anna, bram } = await heldMeeting();
    const guest = await makePerson(t.db, { first_name: "Gert", last_name: "Gastvrij" });
    const { cookie } = await signedIn("redacteur");
    const chosen = form(meeting.version, [
      [chair.id, "aanwezig"],
      [anna.id, "aanwezig"],
      [bram.id, "aanwezig"],
    ]);
    const searched = await (
      await call(
        registerRoute.action,
        formRequest(path(meeting.id), { intent: "search", ...chosen, guestQuery: "Gastvrij" }, { cookie }),
        params(meeting.id),
      )
    ).json();
    expect(searched.searches.guestQuery.results.map((p: { name: string }) => p.name)).toEqual(["Gert Gastvrij"]);

    const added = await (
      await call(
        registerRoute.action,
        formRequest(path(meeting.id), { intent: `addGuest:${guest.id}`, ...searched.values }, { cookie }),
        params(meeting.id),
      )
    ).json();
    expect(added.values.guest).toEqual([String(guest.id)]);
    expect(added.people[guest.id].name).toBe("Gert Gastvrij");

    const duplicate = await call(
      registerRoute.action,
      formRequest(path(meeting.id), { intent: `addGuest:${anna.id}`, ...added.values }, { cookie }),
      params(meeting.id),
    );
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).errors).toEqual({ guest: "attendance.errors.guestListed?name=Anna+de+Vries" });

    const removed = await (
      await call(
        registerRoute.action,
        formRequest(path(meeting.id), { intent: `removeGuest:${guest.id}`, ...added.values }, { cookie }),
        params(meeting.id),
      )
    ).json();
    expect(removed.values.guest).toEqual([]);
    expect(removed.values[`status-${anna.id}`]).toBe("aanwezig");
  });

  it("answers a stale version with 409, the changes made meanwhile and the choices kept against the new version", async () => {
    const { meeting, chair, anna, bram, user } = await heldMeeting();
    await everyonePresent(t.db, user, meeting.id, meeting.version);
    const { cookie } = await signedIn("redacteur");
    const response = await call(
      registerRoute.action,
      formRequest(
        path(meeting.id),
        {
          intent: "save",
          ...form(meeting.version, [
            [chair.id, "afgemeld"],
            [anna.id, "aanwezig"],
            [bram.id, "aanwezig"],
          ]),
        },
        { cookie },
      ),
      params(meeting.id),
    );
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.values).toMatchObject({ version: String(meeting.version + 1), [`status-${chair.id}`]: "afgemeld" });
    expect(
      body.conflict.flatMap((change: { fields: { field: string }[] }) => change.fields.map((f) => f.field)),
    ).toContain(`Carla Smeets (${chair.id})`);
    const stored = await t.db
      .selectFrom("attendance")
      .select("status")
      .where("person_id", "=", chair.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("aanwezig");
  });

  it("refuses a cancelled meeting's register with the reason", async () => {
    const { body, chair } = await heldMeeting();
    const cancelled = await makeMeeting(t.db, { body_id: body.id, date: "2025-03-11", status: "geannuleerd" });
    const { cookie } = await signedIn("redacteur");
    const response = await call(
      registerRoute.action,
      formRequest(path(cancelled.id), { intent: "everyonePresent", version: String(cancelled.version) }, { cookie }),
      params(cancelled.id),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ _form: "attendance.errors.cancelled" });
    expect(await t.db.selectFrom("attendance").select("id").where("person_id", "=", chair.id).execute()).toEqual([]);
  });

  it("marks everyone present with one post and sends the page to the first row", async () => {
    const { meeting } = await heldMeeting();
    const { cookie } = await signedIn("redacteur");
    const response = await call(
      registerRoute.action,
      formRequest(path(meeting.id), { intent: "everyonePresent", version: String(meeting.version) }, { cookie }),
      params(meeting.id),
    );
    expect(response.headers.get("Location")).toBe(`${path(meeting.id)}?melding=iedereenAanwezig`);
    const statuses = await t.db.selectFrom("attendance").select("status").execute();
    expect(statuses.map((row) => row.status)).toEqual(["aanwezig", "aanwezig", "aanwezig"]);
  });

  it("takes someone no longer on the roster off the list, but never an expected member", async () => {
    const { meeting, chair, anna, bram, body } = await heldMeeting("gehouden");
    const former = await makePerson(t.db, {});
    const oldSeat = await makeSeat(t.db, {
      body_id: body.id,
      person_id: former.id,
      start_date: "2024-01-01",
      end_date: "2024-12-31",
    });
    await makeAttendance(t.db, {
      meeting_id: meeting.id,
      person_id: former.id,
      status: "aanwezig",
      seat_id: oldSeat.id,
    });
    const { cookie } = await signedIn("redacteur");
    const rows: [number, string][] = [
      [chair.id, "aanwezig"],
      [anna.id, "aanwezig"],
      [bram.id, "aanwezig"],
      [former.id, "aanwezig"],
    ];
    const removed = await (
      await call(
        registerRoute.action,
        formRequest(
          path(meeting.id),
          { intent: `removeMember:${former.id}`, ...form(meeting.version, rows) },
          { cookie },
        ),
        params(meeting.id),
      )
    ).json();
    expect(removed.values.member).toEqual([chair.id, anna.id, bram.id].map(String));
    const kept = await (
      await call(
        registerRoute.action,
        formRequest(
          path(meeting.id),
          { intent: `removeMember:${anna.id}`, ...form(meeting.version, rows) },
          { cookie },
        ),
        params(meeting.id),
      )
    ).json();
    expect(kept.values.member).toContain(String(anna.id));

    const saved = await call(
      registerRoute.action,
      formRequest(path(meeting.id), { ...removed.values, intent: "save" }, { cookie }),
      params(meeting.id),
    );
    expect(saved.status).toBe(302);
    expect(
      await t.db.selectFrom("attendance").select("person_id").where("person_id", "=", former.id).execute(),
    ).toEqual([]);
  });

  it("shows a future meeting's page with the reason and refuses a post to it", async () => {
    const { body, chair } = await heldMeeting();
    const future = await makeMeeting(t.db, {
      body_id: body.id,
      date: addDays(todayInAmsterdam(), 7),
      status: "gepland",
    });
    const { cookie } = await signedIn("redacteur");
    const page = await (await call(registerRoute.loader, get(path(future.id), cookie), params(future.id))).json();
    expect(page.sheet.closed).toBe("future");
    const response = await call(
      registerRoute.action,
      formRequest(path(future.id), { intent: "save", ...form(future.version, [[chair.id, "aanwezig"]]) }, { cookie }),
      params(future.id),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors._form).toMatch(/^attendance\.errors\.future\?date=/);
  });

  it("is a 404 for a meeting that does not exist", async () => {
    const { cookie } = await signedIn("lezer");
    expect((await call(registerRoute.loader, get(path(999), cookie), params(999))).status).toBe(404);
  });
});
