import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBodyMeeting, expectedAttendees, getMeeting } from "../../app/models/meetings.server";
import {
  createTestDatabase,
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
import { REFUSED } from "../support/test-database";

const meetingFields = {
  title: "Vergadering",
  start_time: "14:00",
  end_time: "16:00",
  location: null,
  online_url: null,
  agenda: null,
  minutes: null,
};

describe("a body's meetings", () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase();
  });
  afterEach(async () => {
    await test.cleanup();
  });

  it("are planned within the body's active period and logged", async () => {
    const { user } = await makeUser(test.db, { role: "redacteur" });
    const body = await makeBody(test.db, { active_from: "2024-01-01", active_to: "2025-12-31" });
    const meeting = await createBodyMeeting(test.db, user, { ...meetingFields, body_id: body.id, date: "2025-03-11" });
    expect(meeting.status).toBe("gepland");
    expect((await getMeeting(test.db, meeting.id))?.body_name).toBe(body.name);
    const audit = await test.db
      .selectFrom("audit_log")
      .select(["action", "entity"])
      .where("entity", "=", "meetings")
      .execute();
    expect(audit).toEqual([{ action: "create", entity: "meetings" }]);
  });

  it("are refused on a date after the body stopped, naming the body", async () => {
    const { user } = await makeUser(test.db, { role: "redacteur" });
    const body = await makeBody(test.db, { active_from: "2024-01-01", active_to: "2024-12-31" });
    await expect(
      createBodyMeeting(test.db, user, { ...meetingFields, body_id: body.id, date: "2025-01-01" }),
    ).rejects.toMatchObject({ messageKey: expect.stringContaining("meetings.errors.afterBodyEnd"), field: "date" });
  });

  it("are refused when they end before they start", async () => {
    const { user } = await makeUser(test.db, { role: "redacteur" });
    const body = await makeBody(test.db, {});
    await expect(
      createBodyMeeting(test.db, user, { ...meetingFields, body_id: body.id, date: "2025-01-01", end_time: "13:00" }),
    ).rejects.toMatchObject({ messageKey: "meetings.errors.endBeforeStart", field: "end_time" });
  });

  it("cannot be stored with a substitute who is the member themselves", async () => {
    const body = await makeBody(test.db, {});
    const person = await makePerson(test.db, {});
    const meeting = await makeMeeting(test.db, { body_id: body.id, date: "2025-02-01" });
    await expect(
      makeAttendance(test.db, {
        meeting_id: meeting.id,
        person_id: person.id,
        status: "vervangen",
        substitute_person_id: person.id,
      }),
    ).rejects.toThrow(REFUSED.check);
  });

  it("an event without a body and a body meeting without one are told apart by the database", async () => {
    await expect(makeMeeting(test.db, { date: "2025-02-01", kind: "vergadering" })).rejects.toThrow(REFUSED.check);
    const event = await makeMeeting(test.db, { date: "2025-02-01", kind: "heisessie" });
    expect(event.body_id).toBeNull();
  });
});

describe("who is expected at a meeting", () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase();
  });
  afterEach(async () => {
    await test.cleanup();
  });

  it("is the body's roster on the meeting date, each person once, without vacancies", async () => {
    const body = await makeBody(test.db, {});
    const chair = await makePerson(test.db, {});
    const leaver = await makePerson(test.db, {});
    const newcomer = await makePerson(test.db, {});
    const organisation = await makeOrganisation(test.db, {});
    await makeSeat(test.db, { body_id: body.id, person_id: chair.id, role: "lid", organisation_id: organisation.id });
    const chairSeat = await makeSeat(test.db, { body_id: body.id, person_id: chair.id, role: "voorzitter" });
    await makeSeat(test.db, { body_id: body.id, person_id: leaver.id, end_date: "2025-03-10" });
    await makeSeat(test.db, { body_id: body.id, person_id: newcomer.id, start_date: "2025-03-12" });
    await makeSeat(test.db, { body_id: body.id, person_id: null });
    const meeting = await makeMeeting(test.db, { body_id: body.id, date: "2025-03-11" });

    const expected = await expectedAttendees(test.db, meeting.id);
    expect(expected).toEqual([
      {
        person_id: chair.id,
        organisation_id: null,
        seat_id: chairSeat.id,
        role: "voorzitter",
        body_id: body.id,
        invited_via: "seat",
      },
    ]);
  });

  it("for a network event is everyone its invited bodies, organisations and saved searches reach, once", async () => {
    const body = await makeBody(test.db, {});
    const organisation = await makeOrganisation(test.db, {});
    const member = await makePerson(test.db, {});
    const employee = await makePerson(test.db, {});
    const found = await makePerson(test.db, { last_name: "Zoekbaar" });
    await makeSeat(test.db, { body_id: body.id, person_id: member.id, organisation_id: organisation.id });
    await makeAffiliation(test.db, { person_id: member.id, organisation_id: organisation.id });
    await makeAffiliation(test.db, { person_id: employee.id, organisation_id: organisation.id });
    await makeAffiliation(test.db, {
      person_id: employee.id,
      organisation_id: organisation.id,
      end_date: "2024-12-31",
    });
    const search = await test.db
      .insertInto("saved_searches")
      .values({
        region_id: await defaultRegionId(test.db),
        name: "Zoekbaren",
        filter: JSON.stringify({ q: "Zoekbaar" }),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const event = await makeMeeting(test.db, { kind: "brede_netwerkbijeenkomst", date: "2025-06-01" });
    await test.db
      .insertInto("meeting_invitations")
      .values([
        { meeting_id: event.id, saved_search_id: search.id },
        { meeting_id: event.id, organisation_id: organisation.id },
        { meeting_id: event.id, body_id: body.id },
      ])
      .execute();

    const expected = await expectedAttendees(test.db, event.id);
    expect(expected.map((e) => [e.person_id, e.invited_via])).toEqual([
      [member.id, "seat"],
      [employee.id, "organisation"],
      [found.id, "saved_search"],
    ]);
  });
});
