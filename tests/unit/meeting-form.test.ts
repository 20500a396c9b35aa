import { describe, expect, it } from "vitest";
import { errorsFromIssues } from "../../app/services/form-data";
import { newBodyMeetingSchema, newEventSchema, saveBodyMeetingSchema } from "../../app/services/meeting-form";

const meeting = { body_id: "3", title: "Overleg", date: "2030-03-12", start_time: "14:00", end_time: "16:00" };
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? {} : errorsFromIssues(result.error!.issues);

describe("the meeting form's times and dates", () => {
  it("accepts HH:MM times and leaves empty times empty", () => {
    const parsed = newBodyMeetingSchema.parse({ ...meeting, start_time: " 09:30 ", end_time: "" });
    expect(parsed).toMatchObject({ body_id: 3, start_time: "09:30", end_time: null, location: null });
  });

  it("refuses times that are not HH:MM, with one message each", () => {
    for (const time of ["9:30", "24:00", "12:60", "noon", "12.30"]) {
      expect(errorsOf(newBodyMeetingSchema.safeParse({ ...meeting, start_time: time })), time).toEqual({
        start_time: "meetings.errors.timeInvalid",
      });
    }
  });

  it("refuses an end time at or before the start time, on the end field", () => {
    expect(errorsOf(newBodyMeetingSchema.safeParse({ ...meeting, end_time: "14:00" }))).toEqual({
      end_time: "meetings.errors.endBeforeStart",
    });
    expect(errorsOf(newBodyMeetingSchema.safeParse({ ...meeting, end_time: "13:59" }))).toEqual({
      end_time: "meetings.errors.endBeforeStart",
    });
  });

  it("refuses a day that does not exist", () => {
    expect(errorsOf(newBodyMeetingSchema.safeParse({ ...meeting, date: "2030-02-29" }))).toEqual({
      date: "common.form.dateInvalid",
    });
  });
});

describe("the event form's invitations", () => {
  const event = { title: "Heisessie", date: "2030-03-12", kind: "heisessie" };

  it("needs at least one invitee, from any of the three groups", () => {
    expect(errorsOf(newEventSchema.safeParse(event))).toEqual({ invited_bodies: "meetings.errors.noInvitations" });
    expect(newEventSchema.parse({ ...event, invited_searches: "4" })).toMatchObject({
      invited_bodies: [],
      invited_searches: [4],
    });
  });
});

describe("the register decision on the edit form", () => {
  const save = { intent: "save", version: "2", title: "Overleg", date: "2030-03-12" };

  it("is absent until asked, and then keep or clear", () => {
    expect(saveBodyMeetingSchema.parse({ ...save, attendance_decision: null }).attendance_decision).toBeUndefined();
    expect(saveBodyMeetingSchema.parse({ ...save, attendance_decision: "clear" }).attendance_decision).toBe("clear");
    expect(errorsOf(saveBodyMeetingSchema.safeParse({ ...save, attendance_decision: "later" }))).toEqual({
      attendance_decision: "common.form.invalid",
    });
  });
});
