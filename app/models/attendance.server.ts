import { searchRegister } from "./search.server";
import type { DB } from "../../db/index";
import type { AttendanceStatus, IsoDate, Language, SeatRole } from "../../db/schema";
import { SEAT_ROLES } from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";
import { GUEST_FIELD, type RegisterEntry, statusField, substituteField } from "../services/attendance-form";
import { messageKey } from "../services/form-data";
import { compareByDutchName, displayName, type NameParts } from "../services/names";
import type { Actor, Trx } from "./audit.server";
import { assertVersion, inTransaction, RecordNotFoundError, RegisterError, updateAudited } from "./editing.server";
import { registerFields } from "./meeting-register.server";
import { type ExpectedAttendee, expectedAttendees, getMeeting, MEETING_AUDIT_SUMMARIES } from "./meetings.server";

/**
 * The attendance register of one meeting: who was expected on its date (the body's roster, or an
 * event's invitees) and what became of each, plus the guests. Saving replaces the meeting's whole
 * register in one transaction, marks a planned meeting held and moves the meeting's version, so
 * two people filling in the same register cannot overwrite each other unnoticed.
 */

export interface AttendanceLine {
  person_id: number;
  name: string;
  role: SeatRole | null;
  organisation_id: number | null;
  organisation_name: string | null;
  seat_id: number | null;
  /** null: nothing registered for this person yet */
  status: AttendanceStatus | null;
  substitute_person_id: number | null;
  substitute_name: string | null;
  /** false for someone registered earlier who is not on the roster of the meeting date (any more) */
  expected: boolean;
}

export type AttendanceCounts = Record<AttendanceStatus, number>;

/** Why a meeting's register cannot be filled in, or null when it can. */
export type RegisterClosed = "cancelled" | "future" | null;

export interface AttendanceSheet {
  meeting: NonNullable<Awaited<ReturnType<typeof getMeeting>>>;
  /** the people expected (roster order: highest role first, then by name), then those no longer expected */
  members: AttendanceLine[];
  guests: AttendanceLine[];
  counts: AttendanceCounts;
  closed: RegisterClosed;
}

interface StoredRow {
  person_id: number;
  status: AttendanceStatus;
  substitute_person_id: number | null;
  seat_id: number | null;
  organisation_id: number | null;
}

interface PersonFacts extends NameParts {
  id: number;
  archived_at: string | null;
}

function registerClosed(meeting: { status: string; date: IsoDate }, today: IsoDate): RegisterClosed {
  if (meeting.status === "geannuleerd") return "cancelled";
  return meeting.date > today ? "future" : null;
}

async function storedRows(db: DB | Trx, meetingId: number): Promise<StoredRow[]> {
  return db
    .selectFrom("attendance")
    .select(["person_id", "status", "substitute_person_id", "seat_id", "organisation_id"])
    .where("meeting_id", "=", meetingId)
    .orderBy("id")
    .execute();
}

async function peopleById(db: DB | Trx, ids: Iterable<number>): Promise<Map<number, PersonFacts>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom("people")
    .select(["id", "first_name", "infix", "last_name", "initials", "title", "archived_at"])
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

async function organisationNames(db: DB | Trx, ids: Iterable<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("organisations").select(["id", "name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The organisation of each of these people who works at exactly one on the day (a guest's organisation). */
async function soleEmployers(db: DB | Trx, personIds: number[], day: IsoDate): Promise<Map<number, number>> {
  if (personIds.length === 0) return new Map();
  const jobs = await db
    .selectFrom("affiliations")
    .select(["person_id", "organisation_id"])
    .where("person_id", "in", personIds)
    .where((eb) => eb.or([eb("start_date", "is", null), eb("start_date", "<=", day)]))
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", day)]))
    .execute();
  const employers = new Map<number, Set<number>>();
  for (const job of jobs)
    employers.set(job.person_id, (employers.get(job.person_id) ?? new Set()).add(job.organisation_id));
  return new Map(
    [...employers].flatMap(([person, organisations]) =>
      organisations.size === 1 ? [[person, [...organisations][0]!]] : [],
    ),
  );
}

const roleRank = (role: SeatRole | null) => (role === null ? SEAT_ROLES.length : SEAT_ROLES.indexOf(role));

/** The meeting's register as the page shows it: expected people merged with what was stored. */
export async function attendanceSheet(
  db: DB,
  meetingId: number,
  today: IsoDate = todayInAmsterdam(),
): Promise<AttendanceSheet> {
  const meeting = await getMeeting(db, meetingId);
  if (!meeting) throw new RecordNotFoundError("meetings", meetingId);
  const [expected, stored] = await Promise.all([expectedAttendees(db, meetingId), storedRows(db, meetingId)]);
  const storedByPerson = new Map(stored.map((row) => [row.person_id, row]));
  const expectedIds = new Set(expected.map((e) => e.person_id));
  const unexpected = stored.filter((row) => !expectedIds.has(row.person_id));
  const people = await peopleById(db, [
    ...expectedIds,
    ...stored.flatMap((row) =>
      row.substitute_person_id === null ? [row.person_id] : [row.person_id, row.substitute_person_id],
    ),
  ]);
  const organisations = await organisationNames(
    db,
    [...expected, ...stored].map((row) => row.organisation_id),
  );
  const seatRoles = new Map(
    unexpected.some((row) => row.seat_id !== null)
      ? (
          await db
            .selectFrom("seats")
            .select(["id", "role"])
            .where(
              "id",
              "in",
              unexpected.flatMap((row) => (row.seat_id === null ? [] : [row.seat_id])),
            )
            .execute()
        ).map((seat) => [seat.id, seat.role])
      : [],
  );

  const nameOf = (id: number | null) => {
    const person = id === null ? undefined : people.get(id);
    return person ? displayName(person) : null;
  };
  const line = (
    source: Pick<ExpectedAttendee, "person_id" | "organisation_id" | "seat_id" | "role">,
    registered: StoredRow | undefined,
    isExpected: boolean,
  ): AttendanceLine => ({
    person_id: source.person_id,
    name: nameOf(source.person_id) ?? String(source.person_id),
    role: source.role,
    organisation_id: source.organisation_id,
    organisation_name: source.organisation_id === null ? null : (organisations.get(source.organisation_id) ?? null),
    seat_id: source.seat_id,
    // an expected person once stored as a guest has no member status yet
    status: registered && !(isExpected && registered.status === "gast") ? registered.status : null,
    substitute_person_id: registered?.substitute_person_id ?? null,
    substitute_name: nameOf(registered?.substitute_person_id ?? null),
    expected: isExpected,
  });
  const byRoleAndName = (a: AttendanceLine, b: AttendanceLine) =>
    roleRank(a.role) - roleRank(b.role) || compareByDutchName(people.get(a.person_id)!, people.get(b.person_id)!);

  const members = [
    ...expected.map((e) => line(e, storedByPerson.get(e.person_id), true)).sort(byRoleAndName),
    ...unexpected
      .filter((row) => row.status !== "gast")
      .map((row) =>
        line({ ...row, role: row.seat_id === null ? null : (seatRoles.get(row.seat_id) ?? null) }, row, false),
      )
      .sort(byRoleAndName),
  ];
  const guests = unexpected
    .filter((row) => row.status === "gast")
    .map((row) => line({ ...row, role: null }, row, false))
    .sort(byRoleAndName);
  return { meeting, members, guests, counts: countStatuses(stored), closed: registerClosed(meeting, today) };
}

function countStatuses(rows: readonly { status: AttendanceStatus }[]): AttendanceCounts {
  const counts: AttendanceCounts = { aanwezig: 0, afgemeld: 0, afwezig: 0, vervangen: 0, gast: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/**
 * Replaces the register in one transaction: refuses a cancelled or future meeting and a register
 * changed since `version`, checks the entries (see checkEntries), writes the rows, marks a
 * planned meeting held (moving its version) and logs the register's before and after.
 */
async function replaceRegister(
  db: DB,
  actor: Actor,
  meetingId: number,
  version: number,
  today: IsoDate,
  entriesFor: (expected: ExpectedAttendee[], stored: StoredRow[]) => RegisterEntry[],
): Promise<AttendanceCounts> {
  return inTransaction(db, async (trx) => {
    const meeting = await trx
      .selectFrom("meetings")
      .select(["id", "status", "date", "version"])
      .where("id", "=", meetingId)
      .executeTakeFirst();
    if (!meeting) throw new RecordNotFoundError("meetings", meetingId);
    const closed = registerClosed(meeting, today);
    if (closed === "cancelled") throw new RegisterError("attendance.errors.cancelled");
    if (closed === "future") throw new RegisterError(messageKey("attendance.errors.future", { date: meeting.date }));
    await assertVersion(trx, "meetings", meetingId, meeting.version, version);

    const expected = await expectedAttendees(trx, meetingId);
    const stored = await storedRows(trx, meetingId);
    const entries = entriesFor(expected, stored);
    const people = await peopleById(trx, [
      ...entries.flatMap((e) =>
        e.substitute_person_id === null ? [e.person_id] : [e.person_id, e.substitute_person_id],
      ),
      ...stored.flatMap((row) =>
        row.substitute_person_id === null ? [row.person_id] : [row.person_id, row.substitute_person_id],
      ),
    ]);
    checkEntries(entries, expected, stored, people);

    const expectedByPerson = new Map(expected.map((e) => [e.person_id, e]));
    const storedByPerson = new Map(stored.map((row) => [row.person_id, row]));
    const employers = await soleEmployers(
      trx,
      entries.filter((e) => e.status === "gast").map((e) => e.person_id),
      meeting.date,
    );
    const rows: StoredRow[] = entries.map((entry) => {
      const origin = expectedByPerson.get(entry.person_id) ?? storedByPerson.get(entry.person_id);
      const guest = entry.status === "gast";
      return {
        person_id: entry.person_id,
        status: entry.status,
        substitute_person_id: entry.status === "vervangen" ? entry.substitute_person_id : null,
        seat_id: guest ? null : (origin?.seat_id ?? null),
        organisation_id: guest ? (employers.get(entry.person_id) ?? null) : (origin?.organisation_id ?? null),
      };
    });

    await updateAudited(
      trx,
      actor,
      "meetings",
      meetingId,
      version,
      meeting.status === "gepland" ? { status: "gehouden" } : {},
      {
        summary: MEETING_AUDIT_SUMMARIES.registerSaved,
        children: {
          read: registerFields,
          write: async () => {
            await trx.deleteFrom("attendance").where("meeting_id", "=", meetingId).execute();
            if (rows.length > 0)
              await trx
                .insertInto("attendance")
                .values(rows.map((row) => ({ ...row, meeting_id: meetingId })))
                .execute();
          },
        },
      },
    );
    return countStatuses(rows);
  });
}

/**
 * The register's rules: everyone on the list (expected, or registered before) once with a status;
 * "vervangen" with a substitute who is in the register and is not the member; guests who are in
 * the register and not already on the list. Refusals point at the row (see attendance-form.ts).
 */
function checkEntries(
  entries: RegisterEntry[],
  expected: ExpectedAttendee[],
  stored: StoredRow[],
  people: Map<number, PersonFacts>,
) {
  const storedByPerson = new Map(stored.map((row) => [row.person_id, row]));
  const onList = new Set([
    ...expected.map((e) => e.person_id),
    ...stored.filter((row) => row.status !== "gast").map((row) => row.person_id),
  ]);
  const nameOf = (id: number) => (people.has(id) ? displayName(people.get(id)!) : String(id));
  // someone archived since they were registered stays as registered; new choices must be current people
  const usable = (id: number, alreadyStored: boolean) =>
    people.has(id) && (alreadyStored || people.get(id)!.archived_at === null);
  const listed = new Set<number>();

  for (const entry of entries) {
    if (entry.status === "gast") {
      if (onList.has(entry.person_id) || listed.has(entry.person_id)) {
        throw new RegisterError(
          messageKey("attendance.errors.guestListed", { name: nameOf(entry.person_id) }),
          GUEST_FIELD,
        );
      }
      if (!usable(entry.person_id, storedByPerson.get(entry.person_id)?.status === "gast")) {
        throw new RegisterError("attendance.errors.personUnknown", GUEST_FIELD);
      }
    } else {
      if (!onList.has(entry.person_id) || listed.has(entry.person_id)) {
        throw new RegisterError("attendance.errors.notOnList", statusField(entry.person_id));
      }
      if (entry.status === "vervangen") {
        const substitute = entry.substitute_person_id;
        if (substitute === null)
          throw new RegisterError("attendance.errors.substituteMissing", substituteField(entry.person_id));
        if (substitute === entry.person_id)
          throw new RegisterError("attendance.errors.substituteIsMember", substituteField(entry.person_id));
        if (!usable(substitute, storedByPerson.get(entry.person_id)?.substitute_person_id === substitute)) {
          throw new RegisterError("attendance.errors.personUnknown", substituteField(entry.person_id));
        }
      }
    }
    listed.add(entry.person_id);
  }
  const missing = expected.find((e) => !listed.has(e.person_id));
  if (missing) throw new RegisterError("attendance.errors.statusMissing", statusField(missing.person_id));
}

/** Saves the whole register of a meeting (see replaceRegister); people no longer expected and left out are dropped. */
export async function saveAttendance(
  db: DB,
  actor: Actor,
  meetingId: number,
  version: number,
  entries: RegisterEntry[],
  today: IsoDate = todayInAmsterdam(),
): Promise<AttendanceCounts> {
  return replaceRegister(db, actor, meetingId, version, today, () => entries);
}

/**
 * "Everyone present" in one action: every expected person aanwezig. Guests and people registered
 * earlier who are no longer expected keep what was stored for them.
 */
export async function everyonePresent(
  db: DB,
  actor: Actor,
  meetingId: number,
  version: number,
  today: IsoDate = todayInAmsterdam(),
): Promise<AttendanceCounts> {
  return replaceRegister(db, actor, meetingId, version, today, (expected, stored) => {
    const expectedIds = new Set(expected.map((e) => e.person_id));
    return [
      ...expected.map((e) => ({ person_id: e.person_id, status: "aanwezig" as const, substitute_person_id: null })),
      ...stored
        .filter((row) => !expectedIds.has(row.person_id))
        .map((row) => ({
          person_id: row.person_id,
          status: row.status,
          substitute_person_id: row.substitute_person_id,
        })),
    ];
  });
}

export interface PersonChoice {
  id: number;
  name: string;
  /** the organisation(s) the person works at today, as the lookup shows them */
  organisations: string | null;
}

/** People in the register (not archived) matching what was typed, leaving out those given. */
export async function findPeopleForRegister(
  db: DB,
  query: string,
  options: { exclude: Iterable<number>; language: Language; limit?: number },
): Promise<PersonChoice[]> {
  const exclude = new Set(options.exclude);
  const found = await searchRegister(db, query, { limit: 50, language: options.language });
  return found
    .filter((result) => result.kind === "person" && !result.archived && !exclude.has(result.id))
    .slice(0, options.limit ?? 8)
    .map((result) => ({ id: result.id, name: result.title, organisations: result.subtitle }));
}

/**
 * Names of people a register being filled in refers to but has not stored (a guest just added, a
 * substitute just picked), with the organisation a guest would be registered for.
 */
export async function describePeople(
  db: DB,
  ids: number[],
  day: IsoDate,
): Promise<Record<number, { name: string; organisation: string | null }>> {
  const people = await peopleById(db, ids);
  const employers = await soleEmployers(db, [...people.keys()], day);
  const organisations = await organisationNames(db, employers.values());
  return Object.fromEntries(
    [...people.values()].map((person) => {
      const employer = employers.get(person.id);
      return [
        person.id,
        {
          name: displayName(person),
          organisation: employer === undefined ? null : (organisations.get(employer) ?? null),
        },
      ];
    }),
  );
}
