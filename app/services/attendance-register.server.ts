import { json, redirect, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import type { SessionUser } from "../auth/session.server";
import {
  type AttendanceSheet,
  attendanceSheet,
  describePeople,
  everyonePresent,
  findPeopleForRegister,
  saveAttendance,
} from "../models/attendance.server";
import { RecordNotFoundError } from "../models/editing.server";
import type { RegisterAnswer, RegisterDraft, SearchAnswer } from "./attendance-draft";
import {
  GUEST_FIELD,
  isReshape,
  listedPeople,
  peopleToName,
  type RegisterIntent,
  registerPath,
  registerSchema,
  reshapeRegister,
  type ReshapeIntent,
  searchesAsked,
} from "./attendance-form";
import {
  type FormErrors,
  messageKey,
  parseForm,
  positiveInt,
  type SubmittedValues,
  submittedValues,
} from "./form-data";
import { withNotice } from "./notices";
import { readableRefusal } from "./readable-refusal.server";
import { refusalResponse } from "./refusal.server";

/**
 * The attendance register's posts (app/routes/vergaderingen.$meetingId_.presentie.tsx): a save
 * goes back to the page with a notice; a search, a change of the list or a refusal shows the
 * register again as it was being filled in (see RegisterAnswer).
 */

/** A meeting's register, or 404 when there is no such meeting. */
export async function registerSheet(db: DB, meetingId: number): Promise<AttendanceSheet> {
  try {
    return await attendanceSheet(db, meetingId);
  } catch (error) {
    if (error instanceof RecordNotFoundError) throw new Response(null, { status: 404, statusText: "Not Found" });
    throw error;
  }
}

/** Answers a post to the register of `sheet`: what `intent` asks, with the register as submitted in `formData`. */
export async function answerRegisterPost(
  db: DB,
  user: SessionUser,
  sheet: AttendanceSheet,
  intent: RegisterIntent,
  formData: FormData,
): Promise<TypedResponse<RegisterAnswer>> {
  const values = submittedValues(formData);
  delete values.intent;
  const meetingId = sheet.meeting.id;
  const refuse = async (error: unknown) => {
    // the refusal carries the submitted values itself (with the current version after a conflict)
    const { people, searches, round } = await namedDraft(db, sheet, values);
    return refusalResponse(readableRefusal(error, user.language), formData, {
      kind: "refused" as const,
      people,
      searches,
      round,
    });
  };

  if (intent.kind === "everyonePresent") {
    const version = positiveInt().safeParse(formData.get("version"));
    if (!version.success) throw new Response(null, { status: 400, statusText: "Bad Request" });
    try {
      await everyonePresent(db, user, meetingId, version.data);
    } catch (error) {
      return refuse(error);
    }
    return redirect(withNotice(registerPath(meetingId), "iedereenAanwezig"));
  }

  if (intent.kind === "save" || (intent.kind === "enter" && searchesAsked(values).length === 0)) {
    const parsed = parseForm(registerSchema, formData);
    if (!parsed.ok) return refusedDraft(await namedDraft(db, sheet, values), parsed.errors);
    try {
      await saveAttendance(db, user, meetingId, parsed.data.version, parsed.data.entries);
    } catch (error) {
      return refuse(error);
    }
    return redirect(withNotice(registerPath(meetingId), "opgeslagen"));
  }

  if (isReshape(intent)) return reshapedDraft(db, sheet, values, intent);
  return json({ kind: "draft", ...(await searchedDraft(db, sheet, values, user.language)) });
}

/** The register again with the people it mentions named: the answer to anything but a save that worked. */
async function namedDraft(
  db: DB,
  sheet: AttendanceSheet,
  values: SubmittedValues,
  searches: Record<string, SearchAnswer> = {},
): Promise<RegisterDraft> {
  const people = await describePeople(db, peopleToName(values), sheet.meeting.date);
  return { values, people, searches, round: Date.now() };
}

const refusedDraft = (draft: RegisterDraft, errors: FormErrors) =>
  json({ kind: "refused" as const, ...draft, errors }, { status: 400 });

/** A guest added or taken off, or a row removed; a guest already on the list is refused by name. */
async function reshapedDraft(
  db: DB,
  sheet: AttendanceSheet,
  values: SubmittedValues,
  intent: ReshapeIntent,
): Promise<TypedResponse<RegisterAnswer>> {
  const removable = sheet.members.filter((member) => !member.expected).map((member) => member.person_id);
  const reshaped = reshapeRegister(values, intent, removable);
  if (reshaped.ok) return json({ kind: "draft", ...(await namedDraft(db, sheet, reshaped.values)) });
  const named = await describePeople(db, [reshaped.listed], sheet.meeting.date);
  const name = named[reshaped.listed]?.name ?? String(reshaped.listed);
  return refusedDraft(await namedDraft(db, sheet, values), {
    [GUEST_FIELD]: messageKey("attendance.errors.guestListed", { name }),
  });
}

/** A search: every search field holding text is answered, and emptied for the next one. */
async function searchedDraft(
  db: DB,
  sheet: AttendanceSheet,
  values: SubmittedValues,
  language: SessionUser["language"],
): Promise<RegisterDraft> {
  const draft: SubmittedValues = { ...values };
  const { members, guests } = listedPeople(values);
  const searches: Record<string, SearchAnswer> = {};
  for (const { field, query, row } of searchesAsked(values)) {
    // a substitute may be anyone but the member; a guest anyone not on the list yet
    const exclude = row === null ? [...members, ...guests] : [row];
    searches[field] = { query, results: await findPeopleForRegister(db, query, { exclude, language }) };
    draft[field] = "";
  }
  return namedDraft(db, sheet, draft, searches);
}
