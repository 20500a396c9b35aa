import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { everyonePresent } from "../../app/models/attendance.server";
import * as registerRoute from "../../app/routes/vergaderingen.$meetingId_.presentie";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makePerson,
  makeSeat,
  makeUser,
  type TestDatabase,
} from "../support/db";
import { makeMeeting } from "../support/meetings";
import { call, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

/** A body of two on 2025-03-11, a meeting that day, and a redacteur signed in. */
async function meetingOfTwo() {
  const body = await makeBody(t.db, {});
  const anna = await makePerson(t.db, { first_name: "Anna", last_name: "Vries" });
  const bram = await makePerson(t.db, { first_name: "Bram", last_name: "Vries" });
  await makeSeat(t.db, { body_id: body.id, person_id: anna.id });
  await makeSeat(t.db, { body_id: body.id, person_id: bram.id });
  const meeting = await makeMeeting(t.db, { body_id: body.id, date: "2025-03-11", status: "gepland" });
  const { cookie } = await signedIn(t.db, "redacteur");
  const post = (fields: Record<string, string | string[]>) =>
    call(t.db, registerRoute.action, formRequest(`/vergaderingen/${meeting.id}/presentie`, fields, { cookie }), {
      meetingId: String(meeting.id),
    });
  const rows = { version: String(meeting.version), member: [String(anna.id), String(bram.id)] };
  return { meeting, anna, bram, post, rows };
}

describe("the register's answers to posts that do not save", () => {
  it("are a draft after a search: a substitute may be anyone but the member, a guest anyone not on the list", async () => {
    const { anna, bram, post, rows } = await meetingOfTwo();
    const vera = await makePerson(t.db, { first_name: "Vera", last_name: "Vries" });
    const response = await post({
      intent: "search",
      ...rows,
      [`status-${anna.id}`]: "vervangen",
      [`substituteQuery-${anna.id}`]: "Vries",
      guestQuery: "Vries",
    });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.kind).toBe("draft");
    expect(answer.errors).toBeUndefined();
    const found = (field: string) => answer.searches[field].results.map((person: { id: number }) => person.id).sort();
    expect(found(`substituteQuery-${anna.id}`)).toEqual([bram.id, vera.id].sort());
    expect(found("guestQuery")).toEqual([vera.id]);
    expect(answer.values).toMatchObject({ [`substituteQuery-${anna.id}`]: "", guestQuery: "", version: rows.version });
    expect(answer.values.intent).toBeUndefined();
  });

  it("are refused, with the register kept, when a row has no status", async () => {
    const { anna, bram, post, rows } = await meetingOfTwo();
    const response = await post({ intent: "save", ...rows, [`status-${anna.id}`]: "aanwezig" });
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer).toMatchObject({
      kind: "refused",
      errors: { [`status-${bram.id}`]: "attendance.errors.statusMissing" },
      values: { [`status-${anna.id}`]: "aanwezig" },
      searches: {},
    });
  });

  it("are refused with what others saved meanwhile, the guests still named", async () => {
    const { meeting, anna, bram, post, rows } = await meetingOfTwo();
    const guest = await makePerson(t.db, { first_name: "Gert", last_name: "Gast" });
    const { user } = await makeUser(t.db, { role: "redacteur" });
    await everyonePresent(t.db, user, meeting.id, meeting.version);
    const response = await post({
      intent: "save",
      ...rows,
      [`status-${anna.id}`]: "afgemeld",
      [`status-${bram.id}`]: "aanwezig",
      guest: String(guest.id),
    });
    expect(response.status).toBe(409);
    const answer = await response.json();
    expect(answer.kind).toBe("refused");
    expect(answer.conflict.length).toBeGreaterThan(0);
    expect(answer.people[guest.id].name).toBe("Gert Gast");
  });

  it("are a bad request for 'everyone present' without a version", async () => {
    const { post } = await meetingOfTwo();
    expect((await post({ intent: "everyonePresent" })).status).toBe(400);
  });
});
