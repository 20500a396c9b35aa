import type { Insertable } from "kysely";
import { z } from "zod";
import { expectedAttendees, type ExpectedAttendee } from "../app/models/meetings.server";
import { recordAudit, type Trx } from "../app/models/audit.server";
import { type AttendanceTable, EVENT_KINDS, type IsoDate, type MeetingStatus, type SeatRole } from "../db/schema";
import { occurrences, parseRRule } from "../app/services/recurrence";

/**
 * The demo network's meetings (seeds/data/meetings.json) and who attended them. The file lists
 * dates per body and the network-wide events; attendance is generated here, from each meeting's
 * roster on its date, by a seeded pseudo-random generator so that every load gives the same data.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const text = z.string().min(1);
const key = z.string().min(1);

/** A meeting date, or a date with the meeting's agenda and minutes. */
const meetingDate = z.union([day, z.object({ date: day, agenda: text.optional(), minutes: text.optional() })]);
const probability = z.number().min(0).max(1);

export const meetingsFile = z.object({
  /** the day the demo data describes: meetings before it are held or cancelled, from it on planned */
  as_of: day,
  /** place names by key; the key "online" is reserved for the body's online meeting link */
  venues: z.record(key, text),
  bodies: z.array(
    z.object({
      body: key,
      title: text,
      start_time: clock,
      end_time: clock,
      online_url: z.string().url().optional(),
      /** venues taken in turn by the body's meetings in date order */
      venues: z.array(key).min(1),
      /** people who now and then attend as guests, e.g. to present an item */
      guests: z.array(key).default([]),
      held: z.array(meetingDate).default([]),
      cancelled: z.array(meetingDate).default([]),
      planned: z.array(meetingDate).default([]),
      series: z.array(z.object({ rule: text, first_date: day, cancelled: z.array(day).default([]) })).default([]),
    }),
  ),
  events: z.array(
    z.object({
      kind: z.enum(EVENT_KINDS),
      title: text,
      date: day,
      start_time: clock,
      end_time: clock,
      venue: key,
      status: z.enum(["gehouden", "gepland", "geannuleerd"]),
      agenda: text.nullable().default(null),
      invite: z.object({ bodies: z.array(key).default([]), organisations: z.array(key).default([]) }),
      /** share of the invitees who came */
      turnout: probability,
      /** when given, only invitees whose job title contains one of these (case-insensitive) are counted on */
      audience: z.array(text).optional(),
      guests: z.array(key).default([]),
    }),
  ),
});
export type MeetingsData = z.infer<typeof meetingsFile>;

interface KeyLookup {
  get(key: string): number;
}

/** The days of a series in the demo data: its rule must start on its first date, or the file is wrong. */
export function seriesDates(rule: string, firstDate: IsoDate): IsoDate[] {
  const dates = occurrences(parseRRule(rule), firstDate);
  if (dates[0] !== firstDate)
    throw new Error(`Demo data: series "${rule}" does not start on its first date ${firstDate}`);
  return dates;
}

/** mulberry32, seeded from a text: the same text always gives the same sequence. */
function randomFor(seedText: string): () => number {
  let seed = hash(seedText);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bits. */
function hash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Chairs and secretaries run the meeting: they are nearly always there. */
const RUNS_THE_MEETING = new Set<SeatRole>(["voorzitter", "vicevoorzitter", "secretaris", "ambtelijk_ondersteuner"]);
/** Seats that follow rather than take part come less often. */
const FOLLOWS_THE_MEETING = new Set<SeatRole>(["agendalid", "waarnemer", "adviseur"]);

interface Job {
  organisation_id: number;
  function_title: string | null;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
}

function activeOn(job: Job, date: IsoDate) {
  return (job.start_date === null || job.start_date <= date) && (job.end_date === null || job.end_date >= date);
}

type AttendanceRow = Insertable<AttendanceTable>;

/**
 * Some people come to nearly everything, others often send apologies: each person's own chance,
 * fixed by their id, between 62% and 95% (about 80% on average).
 */
function presenceChance(personId: number, role: SeatRole | null) {
  if (role && RUNS_THE_MEETING.has(role)) return 0.96;
  const own = 0.62 + 0.33 * randomFor(`person:${personId}`)();
  return role && FOLLOWS_THE_MEETING.has(role) ? own - 0.25 : own;
}

/**
 * Inserts the meetings, series and event invitations, then everyone's attendance at the held ones
 * (in bulk, at the end), with one audit entry per meeting that includes its invitations and register.
 */
export async function loadDemoMeetings(
  trx: Trx,
  data: MeetingsData,
  keys: { bodies: KeyLookup; organisations: KeyLookup; people: KeyLookup },
  regionId: number,
): Promise<{ meetings: number; attendance: number }> {
  const jobs = new Map<number, Job[]>();
  for (const job of await trx
    .selectFrom("affiliations")
    .select(["person_id", "organisation_id", "function_title", "start_date", "end_date"])
    .orderBy("id")
    .execute()) {
    jobs.set(job.person_id, [...(jobs.get(job.person_id) ?? []), job]);
  }
  const organisationOn = (personId: number, date: IsoDate) =>
    jobs.get(personId)?.find((job) => activeOn(job, date))?.organisation_id ?? null;
  /** Colleagues at the organisation on the day who could stand in (supervisory board members do not). */
  const colleaguesAt = (organisationId: number, date: IsoDate) =>
    [...jobs.entries()]
      .filter(([, list]) =>
        list.some(
          (job) =>
            job.organisation_id === organisationId &&
            activeOn(job, date) &&
            !/raad van toezicht/i.test(job.function_title ?? ""),
        ),
      )
      .map(([personId]) => personId);

  const venue = (venueKey: string, onlineUrl: string | undefined) => {
    if (venueKey === "online") {
      if (!onlineUrl) throw new Error("Demo data: an online meeting needs its body's online_url");
      return { location: null, online_url: onlineUrl };
    }
    const location = data.venues[venueKey];
    if (!location) throw new Error(`Demo data: unknown venue "${venueKey}"`);
    return { location, online_url: null };
  };
  const checkStatus = (date: IsoDate, status: MeetingStatus, what: string) => {
    if (status === "gehouden" && date >= data.as_of)
      throw new Error(`Demo data: ${what} on ${date} is held but not before ${data.as_of}`);
    if (status === "gepland" && date < data.as_of)
      throw new Error(`Demo data: ${what} on ${date} is planned but before ${data.as_of}`);
  };

  const attendance: AttendanceRow[] = [];
  let meetingCount = 0;

  /** Records the guests who came: people not expected anyway, on behalf of where they worked that day. */
  const guestRows = (meetingId: number, date: IsoDate, guests: number[], expected: Set<number>): AttendanceRow[] =>
    guests
      .filter((personId) => !expected.has(personId))
      .map((personId) => ({
        meeting_id: meetingId,
        person_id: personId,
        status: "gast" as const,
        substitute_person_id: null,
        seat_id: null,
        organisation_id: organisationOn(personId, date),
        note: "Toelichting op een agendapunt",
      }));

  /** A body's meeting: everyone on the roster that day gets a status. */
  const registerBodyMeeting = (
    meetingId: number,
    bodyKey: string,
    date: IsoDate,
    roster: ExpectedAttendee[],
    guestPool: number[],
  ) => {
    const random = randomFor(`${bodyKey}|${date}`);
    const expected = new Set(roster.map((entry) => entry.person_id));
    const standingIn = new Set<number>();
    const rows: AttendanceRow[] = [];
    for (const entry of roster) {
      const base = {
        meeting_id: meetingId,
        person_id: entry.person_id,
        seat_id: entry.seat_id,
        organisation_id: entry.organisation_id,
        note: null,
      };
      if (random() < presenceChance(entry.person_id, entry.role)) {
        rows.push({ ...base, status: "aanwezig", substitute_person_id: null });
        continue;
      }
      const outcome = random();
      // a member who cannot come usually sends the same colleague
      const colleagues =
        entry.organisation_id === null
          ? []
          : colleaguesAt(entry.organisation_id, date).filter(
              (id) => id !== entry.person_id && !expected.has(id) && !standingIn.has(id),
            );
      if (outcome < 0.2 && colleagues.length > 0) {
        const substitute = colleagues[hash(`${bodyKey}|${entry.person_id}`) % colleagues.length]!;
        standingIn.add(substitute);
        rows.push({ ...base, status: "vervangen", substitute_person_id: substitute });
      } else {
        rows.push({ ...base, status: outcome < 0.85 ? "afgemeld" : "afwezig", substitute_person_id: null });
      }
    }
    const available = guestPool.filter((id) => !expected.has(id) && !standingIn.has(id));
    if (available.length > 0 && random() < 0.25) {
      rows.push(...guestRows(meetingId, date, [available[Math.floor(random() * available.length)]!], expected));
    }
    return rows;
  };

  const audit = async (meeting: { id: number }, after: object) =>
    recordAudit(trx, null, { action: "create", entity: "meetings", entityId: meeting.id, after, summary: "demodata" });

  for (const body of data.bodies) {
    const bodyId = keys.bodies.get(body.body);
    const guestPool = body.guests.map((person) => keys.people.get(person));
    const occurrences: { entry: z.infer<typeof meetingDate>; status: MeetingStatus; series: number | null }[] = [
      ...body.held.map((entry) => ({ entry, status: "gehouden" as const, series: null })),
      ...body.cancelled.map((entry) => ({ entry, status: "geannuleerd" as const, series: null })),
      ...body.planned.map((entry) => ({ entry, status: "gepland" as const, series: null })),
    ];
    for (const series of body.series) {
      const row = await trx
        .insertInto("meeting_series")
        .values({ body_id: bodyId, rule: series.rule, first_date: series.first_date })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, null, {
        action: "create",
        entity: "meeting_series",
        entityId: row.id,
        after: row,
        summary: "demodata",
      });
      const dates = seriesDates(series.rule, series.first_date);
      for (const cancelled of series.cancelled) {
        if (!dates.includes(cancelled))
          throw new Error(`Demo data: ${cancelled} is not a date of series ${series.rule}`);
      }
      for (const date of dates) {
        const status = series.cancelled.includes(date) ? "geannuleerd" : date < data.as_of ? "gehouden" : "gepland";
        occurrences.push({ entry: date, status, series: row.id });
      }
    }
    occurrences.sort((a, b) => dateOf(a.entry).localeCompare(dateOf(b.entry)));

    for (const [index, { entry, status, series }] of occurrences.entries()) {
      const fields = typeof entry === "string" ? { date: entry } : entry;
      if (status !== "geannuleerd") checkStatus(fields.date, status, body.title);
      const row = await trx
        .insertInto("meetings")
        .values({
          body_id: bodyId,
          region_id: regionId,
          series_id: series,
          kind: "vergadering",
          title: body.title,
          date: fields.date,
          start_time: body.start_time,
          end_time: body.end_time,
          ...venue(body.venues[index % body.venues.length]!, body.online_url),
          status,
          agenda: fields.agenda ?? null,
          minutes: fields.minutes ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      meetingCount++;
      let rows: AttendanceRow[] = [];
      if (status === "gehouden") {
        rows = registerBodyMeeting(row.id, body.body, row.date, await expectedAttendees(trx, row.id), guestPool);
        attendance.push(...rows);
      }
      await audit(row, { ...row, attendance: rows.map(({ meeting_id: _meeting, ...fields }) => fields) });
    }
  }

  for (const event of data.events) {
    checkStatus(event.date, event.status, event.title);
    const row = await trx
      .insertInto("meetings")
      .values({
        body_id: null,
        region_id: regionId,
        series_id: null,
        kind: event.kind,
        title: event.title,
        date: event.date,
        start_time: event.start_time,
        end_time: event.end_time,
        ...venue(event.venue, undefined),
        status: event.status,
        agenda: event.agenda,
        minutes: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    meetingCount++;
    const invitations = [
      ...event.invite.bodies.map((body) => ({
        meeting_id: row.id,
        body_id: keys.bodies.get(body),
        organisation_id: null,
        saved_search_id: null,
      })),
      ...event.invite.organisations.map((organisation) => ({
        meeting_id: row.id,
        body_id: null,
        organisation_id: keys.organisations.get(organisation),
        saved_search_id: null,
      })),
    ];
    if (invitations.length === 0) throw new Error(`Demo data: event "${event.title}" invites nobody`);
    await trx.insertInto("meeting_invitations").values(invitations).execute();

    const rows: AttendanceRow[] = [];
    if (event.status === "gehouden") {
      const invitees = await expectedAttendees(trx, row.id);
      const audience = event.audience?.map((words) => words.toLowerCase());
      const counted = audience
        ? invitees.filter((invitee) =>
            jobs
              .get(invitee.person_id)
              ?.some(
                (job) =>
                  activeOn(job, event.date) &&
                  audience.some((words) => job.function_title?.toLowerCase().includes(words)),
              ),
          )
        : invitees;
      const random = randomFor(`${event.kind}|${event.date}`);
      for (const invitee of counted) {
        const chance =
          invitee.role && RUNS_THE_MEETING.has(invitee.role) ? Math.max(event.turnout, 0.95) : event.turnout;
        const came = random() < chance;
        // of those who stayed away, about half let the network office know
        if (!came && random() >= 0.5) continue;
        rows.push({
          meeting_id: row.id,
          person_id: invitee.person_id,
          status: came ? "aanwezig" : "afgemeld",
          substitute_person_id: null,
          seat_id: null,
          organisation_id: invitee.organisation_id,
          note: null,
        });
      }
      const invited = new Set(invitees.map((invitee) => invitee.person_id));
      rows.push(
        ...guestRows(
          row.id,
          event.date,
          event.guests.map((person) => keys.people.get(person)),
          invited,
        ).map((guest) => ({ ...guest, note: null })),
      );
      if (rows.length === 0) throw new Error(`Demo data: held event "${event.title}" has nobody attending`);
      attendance.push(...rows);
    }
    await audit(row, {
      ...row,
      invitations: invitations.map(({ meeting_id: _meeting, ...fields }) => fields),
      attendance: rows.map(({ meeting_id: _meeting, ...fields }) => fields),
    });
  }

  // one statement per few hundred rows: SQLite's limit on bound values, and far faster than one by one
  for (let start = 0; start < attendance.length; start += 500) {
    await trx
      .insertInto("attendance")
      .values(attendance.slice(start, start + 500))
      .execute();
  }
  return { meetings: meetingCount, attendance: attendance.length };
}

function dateOf(entry: string | { date: string }) {
  return typeof entry === "string" ? entry : entry.date;
}
