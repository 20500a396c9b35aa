import { json, redirect, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import type { SessionUser } from "../auth/session.server";
import {
  AttendanceDecisionNeeded,
  cancelMeeting,
  restoreMeeting,
  setMeetingStatus,
  updateMeeting,
} from "../models/meetings.server";
import { type FormFailure, formFailure, parseForm } from "./form-data";
import type { MeetingEditAnswer, MeetingEditIntent } from "./meeting-edit";
import { cancelSchema, restoreSchema, saveBodyMeetingSchema, saveEventSchema, statusSchema } from "./meeting-form";
import { withNotice } from "./notices";
import { readableRefusal } from "./readable-refusal.server";
import { refusalResponse } from "./refusal.server";

interface EditedMeeting {
  id: number;
  /** null for a network event, which has invitations instead of a body */
  body_id: number | null;
}

/** Carries out a post to a meeting's edit page, or answers why not. */
export async function answerMeetingEdit(
  db: DB,
  user: SessionUser,
  meeting: EditedMeeting,
  intent: MeetingEditIntent,
  formData: FormData,
): Promise<TypedResponse<MeetingEditAnswer>> {
  try {
    return await carryOut(db, user, meeting, intent, formData);
  } catch (error) {
    if (error instanceof AttendanceDecisionNeeded) {
      // the same form again, now asking what to do with the register and naming who drops off the roster
      const date = formData.get("date");
      const decision = { date: typeof date === "string" ? date : "", notOnRoster: error.notOnRoster };
      return json(
        {
          ...formFailure(formData, { attendance_decision: error.messageKey }),
          kind: "decisionNeeded" as const,
          intent: "save" as const,
          decision,
        },
        { status: 400 },
      );
    }
    return refusalResponse(readableRefusal(error, user.language), formData, { kind: "refused" as const, intent });
  }
}

async function carryOut(
  db: DB,
  user: SessionUser,
  meeting: EditedMeeting,
  intent: MeetingEditIntent,
  formData: FormData,
): Promise<TypedResponse<MeetingEditAnswer>> {
  const { id } = meeting;
  const here = `/vergaderingen/${id}/bewerken`;
  const invalid = (failure: FormFailure) => json({ ...failure, kind: "refused" as const, intent }, { status: 400 });
  if (intent === "save") {
    if (meeting.body_id === null) {
      const parsed = parseForm(saveEventSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      const { invited_bodies, invited_organisations, invited_searches, attendance_decision, ...fields } = parsed.data;
      await updateMeeting(db, user, id, fields.version, {
        ...fields,
        attendanceDecision: attendance_decision,
        invitations: {
          bodyIds: invited_bodies,
          organisationIds: invited_organisations,
          savedSearchIds: invited_searches,
        },
      });
    } else {
      const parsed = parseForm(saveBodyMeetingSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      const { attendance_decision, ...fields } = parsed.data;
      await updateMeeting(db, user, id, fields.version, { ...fields, attendanceDecision: attendance_decision });
    }
    return redirect(withNotice(`/vergaderingen/${id}`, "opgeslagen"));
  }
  if (intent === "status") {
    const parsed = parseForm(statusSchema, formData);
    if (!parsed.ok) return invalid(parsed);
    await setMeetingStatus(db, user, id, parsed.data.version, parsed.data.status);
    return redirect(withNotice(here, "status"));
  }
  if (intent === "cancel") {
    const parsed = parseForm(cancelSchema, formData);
    if (!parsed.ok) return invalid(parsed);
    const { meeting: cancelled, previousStatus } = await cancelMeeting(db, user, id, parsed.data.version);
    return redirect(withNotice(here, "geannuleerd", { versie: cancelled.version, was: previousStatus }));
  }
  const parsed = parseForm(restoreSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  await restoreMeeting(db, user, id, parsed.data.version, parsed.data.status);
  return redirect(withNotice(here, intent === "undo" ? "ongedaan" : "hersteld"));
}
