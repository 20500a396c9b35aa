import { type Selectable, sql } from "kysely";
import { idList } from "../../db/dialect";
import type { DB } from "../../db/index";
import {
  type AttendanceStatus,
  type ClockTime,
  type EventKind,
  type IsoDate,
  type MeetingKind,
  type MeetingsTable,
  type MeetingStatus,
  SEAT_ROLES,
  type SeatRole,
} from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";
import { messageKey } from "../services/form-data";
import type { AttendanceDecision, MeetingListKind, MeetingTimeframe } from "../services/meeting-form";
import { paging } from "../services/list-params";
import { compareDutch, compareByDutchName, displayName } from "../services/names";
import type { ListScope } from "../services/region-choice";
import type { Actor, Trx } from "./audit.server";
import { assertRegion } from "./regions.server";
import { assertSameRegion } from "./region-references.server";
import { registerFields } from "./meeting-register.server";
import { peopleFoundBy, readableSearches } from "./saved-searches.server";
import {
  type ChildRows,
  inTransaction,
  insertAudited,
  loadForUpdate,
  RecordNotFoundError,
  RegisterError,
  updateAudited,
} from "./editing.server";

/**
 * Meetings: occurrences of a body, or network-wide events that belong to no single body.
 * Their date and times are wall-clock values in Europe/Amsterdam.
 */
export type Meeting = Selectable<MeetingsTable>;

/** What a meeting's audit entries say happened (admin.audit.summaries translates them). */
export const MEETING_AUDIT_SUMMARIES = {
  held: "meeting_held",
  planned: "meeting_planned",
  cancelled: "meeting_cancelled",
  restored: "meeting_restored",
  registerSaved: "register_saved",
  registerCleared: "attendance_cleared",
} as const;

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

/**
 * A body meets only while it exists and is not archived: refuses a date outside its active period.
 * Gives the body's region, which is its meetings' region.
 */
export async function assertWithinBodyPeriod(
  trx: Trx | DB,
  bodyId: number,
  date: IsoDate,
  field = "date",
): Promise<{ region_id: number }> {
  const body = await trx
    .selectFrom("bodies")
    .select(["id", "name", "active_from", "active_to", "archived_at", "region_id"])
    .where("id", "=", bodyId)
    .executeTakeFirst();
  if (!body) throw new RecordNotFoundError("bodies", bodyId);
  if (body.archived_at) throw new RegisterError(messageKey("bodies.errors.bodyArchived", { body: body.name }));
  if (body.active_from && date < body.active_from) {
    throw new RegisterError(
      messageKey("meetings.errors.beforeBodyStart", { body: body.name, from: body.active_from }),
      field,
    );
  }
  if (body.active_to && date > body.active_to) {
    throw new RegisterError(messageKey("meetings.errors.afterBodyEnd", { body: body.name, to: body.active_to }), field);
  }
  return { region_id: body.region_id };
}

/** Plans (or records after the fact) one meeting of a body. */
export async function createBodyMeeting(db: DB, actor: Actor, fields: NewBodyMeeting): Promise<Meeting> {
  assertMeetingTimes(fields);
  return inTransaction(db, async (trx) => {
    const { region_id } = await assertWithinBodyPeriod(trx, fields.body_id, fields.date);
    return insertAudited(trx, actor, "meetings", { ...fields, region_id, kind: "vergadering" satisfies MeetingKind });
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
  const rows = await db
    .selectFrom("saved_searches")
    .select(["id", "filter"])
    .where("id", "in", savedSearchIds)
    .orderBy("id")
    .execute();
  // a filter that no longer reads (edited by hand, or from an older version) finds nobody
  const searches = readableSearches(rows);
  const found = await peopleFoundBy(db, searches, day);
  return searches.flatMap((search) =>
    (found.get(search.id) ?? []).map((personId) => ({
      person_id: personId,
      organisation_id: null,
      seat_id: null,
      role: null,
      body_id: null,
      invited_via: "saved_search" as const,
    })),
  );
}

/**
 * Who is expected at a meeting on its date, each person once: a body's meeting expects the people
 * on its roster (vacancies have nobody to expect); a network event expects everyone its invitations
 * reach — seats in the invited bodies, jobs at the invited organisations, the saved searches'
 * results — the first reason found winning (a seat before a job before a search).
 */
export async function expectedAttendees(db: DB, meetingId: number): Promise<ExpectedAttendee[]> {
  const meeting = await db
    .selectFrom("meetings")
    .select(["id", "body_id", "date"])
    .where("id", "=", meetingId)
    .executeTakeFirst();
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

/* ---------- network-wide events and their invitations ---------- */

/** Whom an event invites: the people of these bodies (their rosters), organisations (their staff) and saved searches. */
export interface Invitations {
  bodyIds: number[];
  organisationIds: number[];
  savedSearchIds: number[];
}

export interface NewEvent extends MeetingFields {
  kind: EventKind;
  invitations: Invitations;
  status?: MeetingStatus;
  series_id?: number | null;
}

const INVITATION_SOURCES = [
  { key: "bodyIds", column: "body_id", table: "bodies", field: "invited_bodies" },
  { key: "organisationIds", column: "organisation_id", table: "organisations", field: "invited_organisations" },
  { key: "savedSearchIds", column: "saved_search_id", table: "saved_searches", field: "invited_searches" },
] as const;

async function currentInvitations(trx: Trx | DB, meetingId: number): Promise<Invitations> {
  const rows = await trx
    .selectFrom("meeting_invitations")
    .select(["body_id", "organisation_id", "saved_search_id"])
    .where("meeting_id", "=", meetingId)
    .orderBy("id")
    .execute();
  const ids = (column: "body_id" | "organisation_id" | "saved_search_id") =>
    rows.flatMap((row) => (row[column] === null ? [] : [row[column]]));
  return { bodyIds: ids("body_id"), organisationIds: ids("organisation_id"), savedSearchIds: ids("saved_search_id") };
}

/**
 * An event invites at least one body, organisation or saved search, each existing and not
 * archived — unless it was invited already (archiving it later does not undo an invitation).
 */
async function assertInvitable(trx: Trx, invitations: Invitations, regionId: number, alreadyInvited?: Invitations) {
  if (INVITATION_SOURCES.every((source) => invitations[source.key].length === 0)) {
    throw new RegisterError("meetings.errors.noInvitations", "invited_bodies");
  }
  for (const source of INVITATION_SOURCES) {
    const ids = invitations[source.key].filter((id) => !alreadyInvited?.[source.key].includes(id));
    if (ids.length === 0) continue;
    const available = await trx
      .selectFrom(source.table)
      .select(["id", "name", "archived_at"])
      .where("id", "in", ids)
      .execute();
    const archived = available.find((row) => row.archived_at !== null);
    if (archived)
      throw new RegisterError(messageKey("meetings.errors.invitationArchived", { name: archived.name }), source.field);
    if (available.length < new Set(ids).size)
      throw new RegisterError("meetings.errors.invitationUnknown", source.field);
    if (source.table !== "organisations") await assertSameRegion(trx, source.table, ids, regionId, source.field);
  }
}

/** The invitations as the event's audit entry shows them: the invited ids per kind. */
async function invitationFields(trx: Trx, meetingId: number): Promise<Record<string, number[]>> {
  const current = await currentInvitations(trx, meetingId);
  return Object.fromEntries(INVITATION_SOURCES.map((source) => [source.field, current[source.key]]));
}

/** Makes the event's invitations these, adding and removing rows. */
async function writeInvitations(trx: Trx, meetingId: number, invitations: Invitations) {
  const existing = await trx
    .selectFrom("meeting_invitations")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .execute();
  for (const source of INVITATION_SOURCES) {
    const wanted = new Set(invitations[source.key]);
    const gone = existing.filter((row) => row[source.column] !== null && !wanted.has(row[source.column]!));
    if (gone.length > 0)
      await trx
        .deleteFrom("meeting_invitations")
        .where(
          "id",
          "in",
          gone.map((row) => row.id),
        )
        .execute();
    const present = new Set(existing.flatMap((row) => (row[source.column] === null ? [] : [row[source.column]])));
    const added = [...wanted].filter((id) => !present.has(id));
    if (added.length > 0)
      await trx
        .insertInto("meeting_invitations")
        .values(
          added.map((id) => ({
            meeting_id: meetingId,
            body_id: null,
            organisation_id: null,
            saved_search_id: null,
            [source.column]: id,
          })),
        )
        .execute();
  }
}

/** An event's invitations are its child rows: changed under its version, logged in its entry. */
function invitationRows(trx: Trx, invitations: Invitations): ChildRows<"meetings"> {
  return { read: invitationFields, write: (_trx, meeting) => writeInvitations(trx, meeting.id, invitations) };
}

/** Plans a network-wide event with its invitations, in one transaction. */
export async function createEvent(db: DB, actor: Actor, fields: NewEvent, regionId: number): Promise<Meeting> {
  assertMeetingTimes(fields);
  const { invitations, ...values } = fields;
  return inTransaction(db, async (trx) => {
    await assertRegion(trx, regionId);
    await assertInvitable(trx, invitations, regionId);
    return insertAudited(
      trx,
      actor,
      "meetings",
      { ...values, region_id: regionId },
      { children: invitationRows(trx, invitations) },
    );
  });
}

/* ---------- changing a meeting ---------- */

/** A held meeting lies in the past (or is today): a planned one in the future cannot have been held. */
function assertHeldNotInFuture(status: MeetingStatus, date: IsoDate) {
  if (status === "gehouden" && date > todayInAmsterdam())
    throw new RegisterError("meetings.errors.heldInFuture", "date");
}

/** Someone in a recorded register, named. */
export interface NamedPerson {
  person_id: number;
  name: string;
}

/**
 * The date of a meeting with a recorded register changes, and the editor has not said whether to
 * keep or clear it: the refusal counts the rows and names who in it is not on the new date's roster.
 */
export class AttendanceDecisionNeeded extends RegisterError {
  constructor(
    readonly recorded: number,
    readonly notOnRoster: NamedPerson[],
  ) {
    super(messageKey("meetings.errors.attendanceDecision", { count: recorded }), "attendance_decision");
    this.name = "AttendanceDecisionNeeded";
  }
}

export interface MeetingChange extends MeetingFields {
  /** events only: their kind and invitations (ignored for a body's meeting) */
  kind?: EventKind;
  invitations?: Invitations;
  /** asked when the date changes while attendance is recorded */
  attendanceDecision?: AttendanceDecision;
}

/**
 * After a date change, the register of the old date: kept as it is, cleared, or, without a
 * decision, the refusal that asks for one. Runs after the change inside the transaction, so the
 * roster it compares with is the new date's (and, for an event, the new invitations').
 */
async function settleRegister(trx: Trx, meetingId: number, decision: AttendanceDecision | undefined) {
  const rows = await trx.selectFrom("attendance").selectAll().where("meeting_id", "=", meetingId).execute();
  if (rows.length === 0 || decision === "keep") return;
  if (decision === "clear") {
    await trx.deleteFrom("attendance").where("meeting_id", "=", meetingId).execute();
    return;
  }
  const expected = new Set((await expectedAttendees(trx, meetingId)).map((attendee) => attendee.person_id));
  // guests were never on a roster: their place in the register does not depend on the date
  const dropped = rows
    .filter((row) => row.status !== "gast" && !expected.has(row.person_id))
    .map((row) => row.person_id);
  throw new AttendanceDecisionNeeded(rows.length, await namedPeople(trx, dropped));
}

async function namedPeople(db: DB | Trx, ids: number[]): Promise<NamedPerson[]> {
  if (ids.length === 0) return [];
  const people = await db
    .selectFrom("people")
    .select(["id", "first_name", "infix", "last_name", "initials", "title"])
    .where("id", "in", ids)
    .execute();
  return people.sort(compareByDutchName).map((person) => ({ person_id: person.id, name: displayName(person) }));
}

/**
 * Saves a meeting as the editor saw it (version-checked): its fields and, for an event, its kind
 * and invitations. A new date must lie in the body's active period, and when attendance was
 * recorded the editor decides what happens to that register (see AttendanceDecisionNeeded).
 */
export async function updateMeeting(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  change: MeetingChange,
): Promise<Meeting> {
  assertMeetingTimes(change);
  const { invitations, attendanceDecision, kind } = change;
  const fields: MeetingFields = {
    title: change.title,
    date: change.date,
    start_time: change.start_time,
    end_time: change.end_time,
    location: change.location,
    online_url: change.online_url,
    agenda: change.agenda,
    minutes: change.minutes,
  };
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "meetings", id);
    const isEvent = current.body_id === null;
    if (current.body_id !== null && fields.date !== current.date)
      await assertWithinBodyPeriod(trx, current.body_id, fields.date);
    assertHeldNotInFuture(current.status, fields.date);
    if (isEvent && invitations)
      await assertInvitable(trx, invitations, current.region_id, await currentInvitations(trx, id));
    const invite = isEvent && invitations ? invitationRows(trx, invitations) : null;
    const moved = fields.date !== current.date;
    const { after } = await updateAudited(
      trx,
      actor,
      "meetings",
      id,
      version,
      { ...fields, ...(isEvent && kind ? { kind } : {}) },
      {
        summary: moved && attendanceDecision === "clear" ? MEETING_AUDIT_SUMMARIES.registerCleared : undefined,
        children: {
          read: async (trx, meetingId) => ({
            ...(invite ? await invite.read(trx, meetingId) : {}),
            ...(moved ? await registerFields(trx, meetingId) : {}),
          }),
          write: async (trx, meeting) => {
            if (invite) await invite.write(trx, meeting);
            if (moved) await settleRegister(trx, meeting.id, attendanceDecision);
          },
        },
      },
    );
    return after;
  });
}

/** Marks a meeting planned or held (not in the future). */
export async function setMeetingStatus(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  status: "gepland" | "gehouden",
): Promise<Meeting> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "meetings", id);
    assertHeldNotInFuture(status, current.date);
    const { after } = await updateAudited(
      trx,
      actor,
      "meetings",
      id,
      version,
      { status },
      {
        summary: status === "gehouden" ? MEETING_AUDIT_SUMMARIES.held : MEETING_AUDIT_SUMMARIES.planned,
      },
    );
    return after;
  });
}

/** Cancels a meeting (it stays in the register, marked geannuleerd); returns it and the status it had. */
export async function cancelMeeting(db: DB, actor: Actor, id: number, version: number) {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "meetings", id);
    if (current.status === "geannuleerd") throw new RegisterError("meetings.errors.alreadyCancelled");
    const { after } = await updateAudited(
      trx,
      actor,
      "meetings",
      id,
      version,
      { status: "geannuleerd" },
      { summary: MEETING_AUDIT_SUMMARIES.cancelled },
    );
    return { meeting: after, previousStatus: current.status };
  });
}

/** Takes a cancellation back: the meeting is planned again (or held, when undoing the cancellation of a held one). */
export async function restoreMeeting(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  status: "gepland" | "gehouden" = "gepland",
) {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "meetings", id);
    if (current.status !== "geannuleerd") throw new RegisterError("meetings.errors.notCancelled");
    assertHeldNotInFuture(status, current.date);
    const { after } = await updateAudited(
      trx,
      actor,
      "meetings",
      id,
      version,
      { status },
      { action: "restore", summary: MEETING_AUDIT_SUMMARIES.restored },
    );
    return after;
  });
}

/* ---------- reading ---------- */

export interface MeetingListFilter {
  bodyId?: number;
  kind?: MeetingListKind;
  status?: MeetingStatus;
  year?: number;
  from?: IsoDate;
  to?: IsoDate;
  timeframe: MeetingTimeframe;
}

/**
 * One page of meetings and events: upcoming ones soonest first (from today), past ones latest
 * first, or all of them in date order; with the body's name (null for an event).
 */
export async function listMeetings(
  db: DB,
  scope: ListScope,
  filter: MeetingListFilter,
  page: number,
  today: IsoDate = todayInAmsterdam(),
) {
  let query = db
    .selectFrom("meetings")
    .leftJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("regions", "regions.id", "meetings.region_id");
  if (scope !== "all") query = query.where("meetings.region_id", "=", scope.regionId);
  if (filter.bodyId) query = query.where("meetings.body_id", "=", filter.bodyId);
  if (filter.kind === "vergaderingen") query = query.where("meetings.body_id", "is not", null);
  if (filter.kind === "evenementen") query = query.where("meetings.body_id", "is", null);
  if (filter.status) query = query.where("meetings.status", "=", filter.status);
  if (filter.year)
    query = query
      .where("meetings.date", ">=", `${filter.year}-01-01`)
      .where("meetings.date", "<=", `${filter.year}-12-31`);
  if (filter.from) query = query.where("meetings.date", ">=", filter.from);
  if (filter.to) query = query.where("meetings.date", "<=", filter.to);
  if (filter.timeframe === "komend") query = query.where("meetings.date", ">=", today);
  if (filter.timeframe === "afgelopen") query = query.where("meetings.date", "<", today);

  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const paged = paging(Number(total), page);
  const direction = filter.timeframe === "afgelopen" ? "desc" : "asc";
  const rows = await query
    .select([
      "meetings.id",
      "meetings.body_id",
      "meetings.kind",
      "meetings.title",
      "meetings.date",
      "meetings.start_time",
      "meetings.end_time",
      "meetings.status",
      "bodies.name as body_name",
      "bodies.abbreviation as body_abbreviation",
      "regions.name as region_name",
    ])
    .orderBy("meetings.date", direction)
    .orderBy("meetings.start_time", direction)
    .orderBy("meetings.id", direction)
    .limit(paged.limit)
    .offset(paged.offset)
    .execute();
  return { rows, page: paged };
}

/**
 * The bodies the list can be filtered on, those of the scope: every body that has meetings, and
 * every body not archived.
 */
export async function meetingFilterChoices(db: DB, scope: ListScope) {
  let query = db
    .selectFrom("bodies")
    .innerJoin("regions", "regions.id", "bodies.region_id")
    .select(["bodies.id", "bodies.name", "regions.name as region_name"])
    .where((eb) =>
      eb.or([
        eb("bodies.archived_at", "is", null),
        eb.exists(eb.selectFrom("meetings").select("id").whereRef("meetings.body_id", "=", "bodies.id")),
      ]),
    );
  if (scope !== "all") query = query.where("bodies.region_id", "=", scope.regionId);
  return query.orderBy("bodies.name").orderBy("regions.name").execute();
}

/** A body's meetings for its page: the next ones (soonest first) and the latest past ones. */
export async function bodyMeetings(db: DB, bodyId: number, today: IsoDate = todayInAmsterdam(), limit = 5) {
  const base = db
    .selectFrom("meetings")
    .select(["id", "title", "date", "start_time", "end_time", "status"])
    .where("body_id", "=", bodyId);
  const [upcoming, recent] = await Promise.all([
    base.where("date", ">=", today).orderBy("date").orderBy("start_time").limit(limit).execute(),
    base.where("date", "<", today).orderBy("date", "desc").orderBy("start_time", "desc").limit(limit).execute(),
  ]);
  return { upcoming, recent };
}

/** Whom an event invites, named, bodies first, then organisations, then saved searches. */
export async function namedInvitations(db: DB, meetingId: number) {
  const rows = await db
    .selectFrom("meeting_invitations")
    .leftJoin("bodies", "bodies.id", "meeting_invitations.body_id")
    .leftJoin("organisations", "organisations.id", "meeting_invitations.organisation_id")
    .leftJoin("saved_searches", "saved_searches.id", "meeting_invitations.saved_search_id")
    .select([
      "meeting_invitations.body_id",
      "meeting_invitations.organisation_id",
      "meeting_invitations.saved_search_id",
      "bodies.name as body_name",
      "organisations.name as organisation_name",
      "saved_searches.name as saved_search_name",
    ])
    .where("meeting_invitations.meeting_id", "=", meetingId)
    .execute();
  const byName = (a: { name: string }, b: { name: string }) => compareDutch(a.name, b.name);
  return {
    bodies: rows.flatMap((r) => (r.body_id === null ? [] : [{ id: r.body_id, name: r.body_name ?? "" }])).sort(byName),
    organisations: rows
      .flatMap((r) => (r.organisation_id === null ? [] : [{ id: r.organisation_id, name: r.organisation_name ?? "" }]))
      .sort(byName),
    savedSearches: rows
      .flatMap((r) => (r.saved_search_id === null ? [] : [{ id: r.saved_search_id, name: r.saved_search_name ?? "" }]))
      .sort(byName),
  };
}

/**
 * Everything the meeting's page shows: the meeting, whom an event invites, the other meetings of
 * its series, and how many people the register holds per status (empty when nothing is recorded).
 */
export async function meetingDetail(db: DB, id: number) {
  const meeting = await getMeeting(db, id);
  if (!meeting) return null;
  const [invitations, series, counts] = await Promise.all([
    namedInvitations(db, id),
    db
      .selectFrom("meetings")
      .select(["id", "title", "date", "start_time", "status"])
      // a meeting outside a series has no siblings: no row has series_id = null in SQL's eyes
      .where("series_id", "=", meeting.series_id)
      .orderBy("date")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("attendance")
      .select((eb) => ["status", eb.fn.countAll<number>().as("count")])
      .where("meeting_id", "=", id)
      .groupBy("status")
      .execute(),
  ]);
  const attendance: Partial<Record<AttendanceStatus, number>> = Object.fromEntries(
    counts.map((row) => [row.status, Number(row.count)]),
  );
  return {
    meeting,
    invitations,
    series,
    attendance,
    recorded: counts.reduce((sum, row) => sum + Number(row.count), 0),
  };
}

/**
 * The choices of the meeting forms: bodies, organisations and saved searches that are not archived,
 * plus, when editing an event, those it already invites (so they stay ticked).
 */
export async function meetingFormChoices(db: DB, regionIds: readonly number[], meetingId: number | null = null) {
  const invited =
    meetingId === null
      ? { bodyIds: [], organisationIds: [], savedSearchIds: [] }
      : await currentInvitations(db, meetingId);
  const inRegions = idList(db, regionIds.length > 0 ? [...regionIds] : [0]);
  // current records, plus those an event already invites (so they stay ticked)
  const current = (keep: number[]) =>
    sql<boolean>`(archived_at is null${keep.length > 0 ? sql` or id in (${sql.join(keep)})` : sql``})`;
  const [bodies, organisations, savedSearches] = await Promise.all([
    db
      .selectFrom("bodies")
      .select(["id", "name", "region_id"])
      .where("region_id", "in", inRegions)
      .where(current(invited.bodyIds))
      .orderBy("name")
      .execute(),
    db
      .selectFrom("organisations")
      .select(["id", "name"])
      .where(current(invited.organisationIds))
      .orderBy("name")
      .execute(),
    db
      .selectFrom("saved_searches")
      .select(["id", "name", "region_id"])
      .where("region_id", "in", inRegions)
      .where(current(invited.savedSearchIds))
      .orderBy("name")
      .execute(),
  ]);
  return { bodies, organisations, savedSearches, invited };
}
