import { type ExpressionBuilder, sql } from "kysely";
import { idList } from "../../db/dialect";
import type { DB } from "../../db/index";
import type { AttendanceStatus, BodyLevel, Database, IsoDate, MeetingKind } from "../../db/schema";
import {
  assembleYearOverview,
  type FigureGrouping,
  type FigureRow,
  type FigureSort,
  type FigureTally,
  lastTwelveMonths,
  type MeetingCount,
  sortFigureRows,
  STANDING,
  type StatusCount,
  tallyBodies,
  tallyOrganisations,
  tallyPeople,
  type YearOverview,
  type YearBody,
} from "../services/attendance-figures";
import { intendedPerYear } from "../services/governance";
import { subregionsOfBodies } from "./governance.server";
import { chosenId, namedChoiceFrom } from "../services/named-choice";
import { displayName } from "../services/names";
import { bodyChoice, organisationChoice } from "./named-choices.server";
import type { ListScope } from "../services/region-choice";
import { scopedRegionId } from "../services/report-region";

/**
 * What the meetings and attendance registers add up to: attendance figures over a period, a
 * person's or organisation's recent attendance, and the year overview of meetings per body.
 * The definitions (what counts, what a rate is) live in services/attendance-figures.ts.
 */

export interface FigureFilter {
  groupBy: FigureGrouping;
  from: IsoDate;
  to: IsoDate;
  bodyId?: number;
  /** the attendance of people on this organisation's behalf (as on the roster on the meeting date) */
  organisationId?: number;
  /** meetings of bodies of this level (network-wide events have no level) */
  level?: BodyLevel;
  /** one person's own attendance and the meetings they stood in at */
  personId?: number;
  /** meetings of this region only (a meeting carries its region); none: every region's */
  regionId?: number;
}

/** The attendance rows of held meetings in the period, narrowed as the filter says. */
function heldAttendance(db: DB, filter: FigureFilter) {
  let query = db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .where("meetings.status", "=", "gehouden")
    .where("meetings.date", ">=", filter.from)
    .where("meetings.date", "<=", filter.to);
  if (filter.regionId !== undefined) query = query.where("meetings.region_id", "=", filter.regionId);
  if (filter.bodyId !== undefined) query = query.where("meetings.body_id", "=", filter.bodyId);
  const level = filter.level;
  if (level !== undefined) {
    query = query.where("meetings.body_id", "in", (eb) =>
      eb.selectFrom("bodies").select("bodies.id").where("bodies.level", "=", level),
    );
  }
  if (filter.organisationId !== undefined)
    query = query.where("attendance.organisation_id", "=", filter.organisationId);
  const personId = filter.personId;
  if (personId !== undefined) {
    query = query.where((eb) =>
      eb.or([eb("attendance.person_id", "=", personId), eb("attendance.substitute_person_id", "=", personId)]),
    );
  }
  return query;
}

/** An organisation's standing at a meeting as a number: 0 for aanwezig … 3 for afwezig (STANDING), null for a guest. */
const standingRank = sql<number | null>`case attendance.status ${sql.join(
  STANDING.map((status, rank) => sql`when ${sql.lit(status)} then ${sql.lit(rank)}`),
  sql` `,
)} end`;

/** Marks, in the one statement of peopleTallies, the rows that count meetings stood in at. */
const STOOD_IN = "stood_in";

async function peopleTallies(db: DB, filter: FigureFilter): Promise<FigureTally[]> {
  if (filter.personId !== undefined) return personTallies(db, filter, filter.personId);
  const rows = await heldAttendance(db, filter)
    .select([
      "attendance.person_id as groupId",
      sql<string>`attendance.status`.as("status"),
      (eb) => eb.fn.countAll<number>().as("count"),
    ])
    .groupBy(["attendance.person_id", "attendance.status"])
    .unionAll(
      heldAttendance(db, filter)
        .where("attendance.substitute_person_id", "is not", null)
        .select([
          (eb) => eb.ref("attendance.substitute_person_id").$notNull().as("groupId"),
          sql<string>`${STOOD_IN}`.as("status"),
          (eb) => eb.fn.countAll<number>().as("count"),
        ])
        .groupBy("attendance.substitute_person_id"),
    )
    .execute();
  const own = rows
    .filter((row) => row.status !== STOOD_IN)
    .map((row) => ({ ...row, status: row.status as AttendanceStatus }));
  const stoodIn = rows.filter((row) => row.status === STOOD_IN);
  return tallyPeople(own, stoodIn).filter(
    (tally) => filter.personId === undefined || tally.groupId === filter.personId,
  );
}

/**
 * One person's tally, as peopleTallies counts it, in one pass over their rows (the rows as
 * themselves, and as someone's substitute): their own page asks for it at every visit.
 */
async function personTallies(db: DB, filter: FigureFilter, personId: number): Promise<FigureTally[]> {
  const rows = await heldAttendance(db, filter)
    .select([
      sql<string>`case when attendance.person_id = ${personId} then attendance.status else ${STOOD_IN} end`.as(
        "status",
      ),
      (eb) => eb.fn.countAll<number>().as("count"),
    ])
    .groupBy(sql`1`)
    .execute();
  const own = rows
    .filter((row) => row.status !== STOOD_IN)
    .map((row) => ({ groupId: personId, status: row.status as AttendanceStatus, count: row.count }));
  const stoodIn = rows.filter((row) => row.status === STOOD_IN).map((row) => ({ groupId: personId, count: row.count }));
  return tallyPeople(own, stoodIn);
}

async function organisationTallies(db: DB, filter: FigureFilter): Promise<FigureTally[]> {
  const perMeeting = heldAttendance(db, filter)
    .where("attendance.organisation_id", "is not", null)
    .select([
      (eb) => eb.ref("attendance.organisation_id").$notNull().as("organisationId"),
      sql<number | null>`min(${standingRank})`.as("best"),
      sql<number>`max(case when attendance.status = 'gast' then 1 else 0 end)`.as("guest"),
    ])
    .groupBy(["attendance.organisation_id", "attendance.meeting_id"]);
  const rows = await db
    .selectFrom(perMeeting.as("per_meeting"))
    .select([
      "organisationId",
      "best",
      (eb) => eb.fn.countAll<number>().as("meetings"),
      sql<number>`sum(guest)`.as("guests"),
    ])
    .groupBy(["organisationId", "best"])
    .execute();
  return tallyOrganisations(
    rows.flatMap(({ organisationId, best, meetings, guests }): StatusCount[] => [
      ...(best === null ? [] : [{ groupId: organisationId, status: STANDING[best]!, count: meetings }]),
      ...(guests > 0 ? [{ groupId: organisationId, status: "gast" as const, count: guests }] : []),
    ]),
  );
}

async function bodyTallies(db: DB, filter: FigureFilter): Promise<FigureTally[]> {
  let heldMeetings = db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .select(["bodies.id as groupId", (eb) => eb.fn.countAll<number>().as("count")])
    .where("meetings.status", "=", "gehouden")
    .where("meetings.date", ">=", filter.from)
    .where("meetings.date", "<=", filter.to)
    .groupBy("bodies.id");
  if (filter.regionId !== undefined) heldMeetings = heldMeetings.where("meetings.region_id", "=", filter.regionId);
  if (filter.bodyId !== undefined) heldMeetings = heldMeetings.where("bodies.id", "=", filter.bodyId);
  if (filter.level !== undefined) heldMeetings = heldMeetings.where("bodies.level", "=", filter.level);
  const ofBodies = heldAttendance(db, filter).where("meetings.body_id", "is not", null);
  const bodyId = (eb: ExpressionBuilder<Database, "meetings">) => eb.ref("meetings.body_id").$notNull().as("groupId");
  const [held, counts, registered] = await Promise.all([
    heldMeetings.execute(),
    ofBodies
      .select([bodyId, "attendance.status", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy(["meetings.body_id", "attendance.status"])
      .execute(),
    ofBodies
      .where("attendance.status", "<>", "gast")
      .select([bodyId, (eb) => eb.fn.count<number>("attendance.meeting_id").distinct().as("count")])
      .groupBy("meetings.body_id")
      .execute(),
  ]);
  return tallyBodies(held, counts, registered);
}

const noName = { nameParts: null, abbreviation: null, level: null };

const idsOf = (db: DB, tallies: FigureTally[]) =>
  idList(
    db,
    tallies.map((tally) => tally.groupId),
  );

async function namePeople(db: DB, tallies: FigureTally[]): Promise<FigureRow[]> {
  if (tallies.length === 0) return [];
  const people = await db
    .selectFrom("people")
    .select(["id", "first_name", "infix", "last_name", "initials", "title"])
    .where("id", "in", idsOf(db, tallies))
    .execute();
  const byId = new Map(people.map((person) => [person.id, person]));
  return tallies.map((tally) => {
    const person = byId.get(tally.groupId)!;
    return { ...tally, ...noName, name: displayName(person), nameParts: person };
  });
}

async function nameOrganisations(db: DB, tallies: FigureTally[]): Promise<FigureRow[]> {
  if (tallies.length === 0) return [];
  const organisations = await db
    .selectFrom("organisations")
    .select(["id", "name", "short_name"])
    .where("id", "in", idsOf(db, tallies))
    .execute();
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  return tallies.map((tally) => {
    const organisation = byId.get(tally.groupId)!;
    return { ...tally, ...noName, name: organisation.name, abbreviation: organisation.short_name };
  });
}

async function nameBodies(db: DB, tallies: FigureTally[]): Promise<FigureRow[]> {
  if (tallies.length === 0) return [];
  const bodies = await db
    .selectFrom("bodies")
    .select(["id", "name", "abbreviation", "level"])
    .where("id", "in", idsOf(db, tallies))
    .execute();
  const byId = new Map(bodies.map((body) => [body.id, body]));
  return tallies.map((tally) => {
    const body = byId.get(tally.groupId)!;
    return { ...tally, nameParts: null, name: body.name, abbreviation: body.abbreviation, level: body.level };
  });
}

/**
 * Attendance over held meetings in a period (both days included), one row per person, body or
 * organisation, in the asked order (by name unless told). With a person filter only that person's row is returned.
 */
export async function attendanceFigures(
  db: DB,
  filter: FigureFilter,
  sort: FigureSort = { column: "name", direction: "asc" },
): Promise<FigureRow[]> {
  let rows: FigureRow[];
  if (filter.groupBy === "person") rows = await namePeople(db, await peopleTallies(db, filter));
  else if (filter.groupBy === "organisation") rows = await nameOrganisations(db, await organisationTallies(db, filter));
  else rows = await nameBodies(db, await bodyTallies(db, filter));
  return sortFigureRows(rows, sort);
}

/** The figures as attendanceFigures counts them, without the names (for a page that knows whose they are). */
function figureTallies(db: DB, filter: FigureFilter): Promise<FigureTally[]> {
  if (filter.groupBy === "person") return peopleTallies(db, filter);
  if (filter.groupBy === "organisation") return organisationTallies(db, filter);
  return bodyTallies(db, filter);
}

/**
 * The body and organisation the figures are narrowed to, as typed or linked (see
 * services/named-choice.ts); `unresolved` when a name is not (yet) one record, so nothing is counted.
 */
export async function figureChoices(db: DB, search: URLSearchParams) {
  const [body, organisation] = await Promise.all([
    bodyChoice(db, namedChoiceFrom(search, "gremium")),
    organisationChoice(db, namedChoiceFrom(search, "organisatie")),
  ]);
  const unresolved = [body, organisation].some((choice) => choice.state === "unknown" || choice.state === "ambiguous");
  return { body, organisation, unresolved, bodyId: chosenId(body), organisationId: chosenId(organisation) };
}

/** The name a person filter shows ("only Anna van den Berg"), or null when there is no such person. */
export async function personNameFor(db: DB, personId: number): Promise<string | null> {
  const person = await db
    .selectFrom("people")
    .select(["first_name", "infix", "last_name", "initials", "title"])
    .where("id", "=", personId)
    .executeTakeFirst();
  return person ? displayName(person) : null;
}

export interface RecentAttendance {
  attendanceId: number;
  meetingId: number;
  date: IsoDate;
  title: string;
  kind: MeetingKind;
  bodyId: number | null;
  bodyName: string | null;
  personId: number;
  personName: string;
  status: AttendanceStatus;
  substituteId: number | null;
  substituteName: string | null;
}

/**
 * The last held meetings someone attended (or was expected at), newest first: for a person also
 * the meetings where they stood in for someone; for an organisation every row on its behalf.
 */
export async function recentAttendance(
  db: DB,
  of: { personId: number } | { organisationId: number },
  limit: number,
): Promise<RecentAttendance[]> {
  let query = db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .leftJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("people as member", "member.id", "attendance.person_id")
    .leftJoin("people as substitute", "substitute.id", "attendance.substitute_person_id")
    .select([
      "attendance.id as attendanceId",
      "meetings.id as meetingId",
      "meetings.date",
      "meetings.title",
      "meetings.kind",
      "bodies.id as bodyId",
      "bodies.name as bodyName",
      "attendance.status",
      "member.id as personId",
      "member.first_name",
      "member.infix",
      "member.last_name",
      "member.initials",
      "member.title as personTitle",
      "substitute.id as substituteId",
      "substitute.first_name as substitute_first_name",
      "substitute.infix as substitute_infix",
      "substitute.last_name as substitute_last_name",
      "substitute.initials as substitute_initials",
    ])
    .where("meetings.status", "=", "gehouden");
  if ("personId" in of) {
    query = query.where((eb) =>
      eb.or([eb("attendance.person_id", "=", of.personId), eb("attendance.substitute_person_id", "=", of.personId)]),
    );
  } else {
    query = query.where("attendance.organisation_id", "=", of.organisationId);
  }
  const rows = await query
    .orderBy("meetings.date", "desc")
    .orderBy("meetings.id", "desc")
    .orderBy("attendance.id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    attendanceId: row.attendanceId,
    meetingId: row.meetingId,
    date: row.date,
    title: row.title,
    kind: row.kind,
    bodyId: row.bodyId,
    bodyName: row.bodyName,
    personId: row.personId,
    personName: displayName({
      first_name: row.first_name,
      infix: row.infix,
      last_name: row.last_name,
      initials: row.initials,
      title: row.personTitle,
    }),
    status: row.status,
    substituteId: row.substituteId,
    substituteName:
      row.substitute_last_name === null
        ? null
        : displayName({
            first_name: row.substitute_first_name,
            infix: row.substitute_infix,
            last_name: row.substitute_last_name,
            initials: row.substitute_initials,
          }),
  }));
}

export interface AttendanceSummary {
  from: IsoDate;
  to: IsoDate;
  row: FigureTally | null;
}

/** The figures of one person or organisation over the twelve months up to today (their own page names them). */
export async function attendanceLastYear(
  db: DB,
  of: { personId: number } | { organisationId: number },
  today: IsoDate,
): Promise<AttendanceSummary> {
  const period = lastTwelveMonths(today);
  const rows =
    "personId" in of
      ? await figureTallies(db, { groupBy: "person", ...period, personId: of.personId })
      : await figureTallies(db, { groupBy: "organisation", ...period, organisationId: of.organisationId });
  return { ...period, row: rows[0] ?? null };
}

/** The years in which any meeting is dated, newest first. */
export async function meetingYears(db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom("meetings")
    .select((eb) => eb.fn<string>("substr", ["date", eb.val(1), eb.val(4)]).as("year"))
    .distinct()
    .execute();
  return rows.map((row) => Number(row.year)).sort((a, b) => b - a);
}

/**
 * Per body the meetings of the year by status, and the network-wide events per kind, of the scope's
 * region (every region's in the cross-region view; a meeting carries its region). Listed are
 * the bodies with any meeting dated in the year, and the bodies that state a number of meetings a
 * year and were active (not archived) during it — those that should have met but did not show too.
 */
export async function yearOverview(db: DB, year: number, scope: ListScope): Promise<YearOverview> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const regionId = scopedRegionId(scope);
  let countQuery = db
    .selectFrom("meetings")
    .select(["body_id as bodyId", "kind", "status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("date", ">=", first)
    .where("date", "<=", last);
  if (regionId !== undefined) countQuery = countQuery.where("region_id", "=", regionId);
  const counts: MeetingCount[] = await countQuery.groupBy(["body_id", "kind", "status"]).execute();
  const metIds = [...new Set(counts.flatMap((count) => (count.bodyId === null ? [] : [count.bodyId])))];
  let bodyQuery = db
    .selectFrom("bodies")
    .innerJoin("regions", "regions.id", "bodies.region_id")
    .select([
      "bodies.id",
      "bodies.name",
      "bodies.abbreviation",
      "bodies.level",
      "bodies.meetings_per_year",
      "bodies.meeting_interval_min_weeks",
      "bodies.meeting_interval_max_weeks",
      "bodies.region_id as regionId",
      "regions.name as regionName",
    ])
    .where((eb) => {
      const intended = eb.and([
        eb.or([
          eb("bodies.meetings_per_year", "is not", null),
          eb("bodies.meeting_interval_max_weeks", "is not", null),
        ]),
        eb("bodies.archived_at", "is", null),
        eb.or([eb("bodies.active_from", "is", null), eb("bodies.active_from", "<=", last)]),
        eb.or([eb("bodies.active_to", "is", null), eb("bodies.active_to", ">=", first)]),
      ]);
      return metIds.length === 0 ? intended : eb.or([eb("bodies.id", "in", metIds), intended]);
    });
  if (regionId !== undefined) bodyQuery = bodyQuery.where("bodies.region_id", "=", regionId);
  const rows = await bodyQuery.execute();
  const subregions = await subregionsOfBodies(
    db,
    rows.map((row) => row.id),
  );
  const bodies = rows.map((row): YearBody => {
    const intended = intendedPerYear(row);
    return {
      id: row.id,
      name: row.name,
      abbreviation: row.abbreviation,
      level: row.level,
      subregions: subregions.get(row.id) ?? [],
      regionId: row.regionId,
      regionName: row.regionName,
      meetingsPerYear: intended?.min ?? null,
      meetingsPerYearMax: intended?.max ?? null,
    };
  });
  return assembleYearOverview(year, bodies, counts);
}
