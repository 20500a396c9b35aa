import type { Selectable } from "kysely";
import type { DB } from "../../db/index";
import { type ClockTime, type IsoDate, type MeetingKind, type MeetingsTable, type MeetingStatus, SEAT_ROLES, type SeatRole } from "../../db/schema";
import { messageKey } from "../services/form-data";
import type { Actor, Trx } from "./audit.server";
import { peopleMatching, type PeopleListFilter } from "./people.server";
import { inTransaction, insertAudited, RecordNotFoundError, RegisterError } from "./editing.server";

/**
 * Meetings: occurrences of a body, or network-wide events that belong to no single body.
 * Their date and times are wall-clock values in Europe/Amsterdam.
 */
export type Meeting = Selectable<MeetingsTable>;

export interface MeetingFields {
  title: string;
  date: IsoDate;
  start_time: ClockTime | null;
  end_time: ClockTime | null;
  location: string | null;
  online_url: string | null;
  agenda: string | null;
  minutes: string | null;
}

export interface NewBodyMeeting extends MeetingFields {
  body_id: number;
  status?: MeetingStatus;
  series_id?: number | null;
}

/** Refuses an end time that is not after the start time. */
export function assertMeetingTimes(fields: Pick<MeetingFields, "start_time" | "end_time">) {
  if (fields.start_time && fields.end_time && fields.end_time <= fields.start_time) {
    throw new RegisterError("meetings.errors.endBeforeStart", "end_time");
  }
}

/** A body meets only while it exists and is not archived: refuses a date outside its active period. */
export async function assertWithinBodyPeriod(trx: Trx | DB, bodyId: number, date: IsoDate, field = "date") {
  const body = await trx
    .selectFrom("bodies")
    .select(["id", "name", "active_from", "active_to", "archived_at"])
    .where("id", "=", bodyId)
    .executeTakeFirst();
  if (!body) throw new RecordNotFoundError("bodies", bodyId);
  if (body.archived_at) throw new RegisterError(messageKey("bodies.errors.bodyArchived", { body: body.name }));
  if ((body.active_from && date < body.active_from) || (body.active_to && date > body.active_to)) {
    throw new RegisterError(
      messageKey("meetings.errors.outsideBodyPeriod", {
        body: body.name,
        from: body.active_from ?? "",
        to: body.active_to ?? "",
      }),
      field,
    );
  }
}

/** Plans (or records after the fact) one meeting of a body. */
export async function createBodyMeeting(db: DB, actor: Actor, fields: NewBodyMeeting): Promise<Meeting> {
  assertMeetingTimes(fields);
  return inTransaction(db, async (trx) => {
    await assertWithinBodyPeriod(trx, fields.body_id, fields.date);
    return insertAudited(trx, actor, "meetings", { ...fields, kind: "vergadering" satisfies MeetingKind });
  });
}

/** A meeting with what its pages show about the body (null for a network-wide event). */
export async function getMeeting(db: DB | Trx, id: number) {
  return db
    .selectFrom("meetings")
    .leftJoin("bodies", "bodies.id", "meetings.body_id")
    .selectAll("meetings")
    .select([
      "bodies.name as body_name",
      "bodies.abbreviation as body_abbreviation",
      "bodies.level as body_level",
      "bodies.active_from as body_active_from",
      "bodies.active_to as body_active_to",
    ])
    .where("meetings.id", "=", id)
    .executeTakeFirst();
}

/** Someone expected at a meeting, and why: a seat (with role and organisation), or an event invitation. */
export interface ExpectedAttendee {
  person_id: number;
  organisation_id: number | null;
  seat_id: number | null;
  role: SeatRole | null;
  /** the body whose roster put them on the list (the meeting's own, or an invited body) */
  body_id: number | null;
  invited_via: "seat" | "organisation" | "saved_search";
}

/** Seats held by a person (vacancies left out) in these bodies on the day, highest role first. */
async function seatedOn(db: DB | Trx, bodyIds: number[], day: IsoDate): Promise<ExpectedAttendee[]> {
  if (bodyIds.length === 0) return [];
  const seats = await db
    .selectFrom("seats")
    .select(["seats.id", "seats.person_id", "seats.organisation_id", "seats.role", "seats.body_id"])
    .where("seats.body_id", "in", bodyIds)
    .where("seats.person_id", "is not", null)
    .where("seats.start_date", "<=", day)
    .where((eb) => eb.or([eb("seats.end_date", "is", null), eb("seats.end_date", ">=", day)]))
    .orderBy("seats.id")
    .execute();
  return seats
    .sort((a, b) => SEAT_ROLES.indexOf(a.role) - SEAT_ROLES.indexOf(b.role))
    .map((seat) => ({
      person_id: seat.person_id!,
      organisation_id: seat.organisation_id,
      seat_id: seat.id,
      role: seat.role,
      body_id: seat.body_id,
      invited_via: "seat" as const,
    }));
}

/** People working at these organisations on the day (an affiliation without dates counts as current). */
async function employedOn(db: DB | Trx, organisationIds: number[], day: IsoDate): Promise<ExpectedAttendee[]> {
  if (organisationIds.length === 0) return [];
  const jobs = await db
    .selectFrom("affiliations")
    .innerJoin("people", "people.id", "affiliations.person_id")
    .select(["affiliations.person_id", "affiliations.organisation_id"])
    .where("affiliations.organisation_id", "in", organisationIds)
    .where("people.archived_at", "is", null)
    .where((eb) => eb.or([eb("affiliations.start_date", "is", null), eb("affiliations.start_date", "<=", day)]))
    .where((eb) => eb.or([eb("affiliations.end_date", "is", null), eb("affiliations.end_date", ">=", day)]))
    .orderBy("affiliations.id")
    .execute();
  return jobs.map((job) => ({
    person_id: job.person_id,
    organisation_id: job.organisation_id,
    seat_id: null,
    role: null,
    body_id: null,
    invited_via: "organisation" as const,
  }));
}

async function foundBySavedSearches(db: DB, savedSearchIds: number[], day: IsoDate): Promise<ExpectedAttendee[]> {
  if (savedSearchIds.length === 0) return [];
  const searches = await db.selectFrom("saved_searches").select(["id", "filter"]).where("id", "in", savedSearchIds).orderBy("id").execute();
  const found: ExpectedAttendee[] = [];
  for (const search of searches) {
    const filter = JSON.parse(search.filter) as Omit<PeopleListFilter, "sort" | "page">;
    for (const person of await peopleMatching(db, filter, day)) {
      found.push({ person_id: person.id, organisation_id: null, seat_id: null, role: null, body_id: null, invited_via: "saved_search" });
    }
  }
  return found;
}

/**
 * Who is expected at a meeting on its date, each person once: a body's meeting expects the people
 * on its roster (vacancies have nobody to expect); a network event expects everyone its invitations
 * reach — seats in the invited bodies, jobs at the invited organisations, the saved searches'
 * results — the first reason found winning (a seat before a job before a search).
 */
export async function expectedAttendees(db: DB, meetingId: number): Promise<ExpectedAttendee[]> {
  const meeting = await db.selectFrom("meetings").select(["id", "body_id", "date"]).where("id", "=", meetingId).executeTakeFirst();
  if (!meeting) throw new RecordNotFoundError("meetings", meetingId);
  let candidates: ExpectedAttendee[];
  if (meeting.body_id !== null) {
    candidates = await seatedOn(db, [meeting.body_id], meeting.date);
  } else {
    const invitations = await db
      .selectFrom("meeting_invitations")
      .select(["body_id", "organisation_id", "saved_search_id"])
      .where("meeting_id", "=", meetingId)
      .execute();
    const ids = (key: "body_id" | "organisation_id" | "saved_search_id") =>
      invitations.flatMap((invitation) => (invitation[key] === null ? [] : [invitation[key]]));
    candidates = [
      ...(await seatedOn(db, ids("body_id"), meeting.date)),
      ...(await employedOn(db, ids("organisation_id"), meeting.date)),
      ...(await foundBySavedSearches(db, ids("saved_search_id"), meeting.date)),
    ];
  }
  const seen = new Set<number>();
  return candidates.filter((candidate) => !seen.has(candidate.person_id) && seen.add(candidate.person_id));
}
