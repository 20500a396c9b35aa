import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as editRoute from "../../app/routes/vergaderingen.$meetingId_.bewerken";
import { createTestDatabase, formRequest, makeBody, makePerson, makeSeat, type TestDatabase } from "../support/db";
import { makeAttendance, makeMeeting } from "../support/meetings";
import { call, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

/** A held meeting of a body of one on 2025-05-20 with its register recorded, and a redacteur signed in. */
async function recordedMeeting() {
  const body = await makeBody(t.db, {});
  const anna = await makePerson(t.db, { first_name: "Anna", last_name: "Aerts" });
  await makeSeat(t.db, { body_id: body.id, person_id: anna.id, start_date: "2025-01-01" });
  const meeting = await makeMeeting(t.db, { body_id: body.id, date: "2025-05-20", status: "gehouden" });
  await makeAttendance(t.db, { meeting_id: meeting.id, person_id: anna.id, status: "aanwezig" });
  const { cookie } = await signedIn(t.db, "redacteur");
  const post = (fields: Record<string, string>) =>
    call(t.db, editRoute.action, formRequest(`/vergaderingen/${meeting.id}/bewerken`, fields, { cookie }), {
      meetingId: String(meeting.id),
    });
  const save = { intent: "save", version: String(meeting.version), title: "Vergadering", date: "2025-05-20" };
  return { meeting, post, save };
}

describe("the meeting edit page's answers to posts it does not carry out", () => {
  it("refuse a form with its intent, so the page shows the messages beside that form", async () => {
    const { post, save } = await recordedMeeting();
    const response = await post({ ...save, title: "" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      kind: "refused",
      intent: "save",
      errors: { title: expect.any(String) },
    });
    const cancel = await post({ intent: "cancel", version: save.version });
    expect(await cancel.json()).toMatchObject({ kind: "refused", intent: "cancel" });
  });

  it("ask about the recorded register when the date moves", async () => {
    const { post, save } = await recordedMeeting();
    const response = await post({ ...save, date: "2025-05-27" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      kind: "decisionNeeded",
      intent: "save",
      decision: { date: "2025-05-27", notOnRoster: [] },
    });
  });

  it("are a bad request for an intent the page does not have", async () => {
    const { post, save } = await recordedMeeting();
    expect((await post({ ...save, intent: "delete" })).status).toBe(400);
  });
});
