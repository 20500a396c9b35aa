import type { Insertable, Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { AttendanceStatus, IsoDate, PeopleTable, SeatsTable } from "../../db/schema";
import { addDays } from "../../app/services/periods";
import { makePerson, makeSeat, unique } from "./db";
import { makeMeeting } from "./meetings";
import { makeAffiliation } from "./people";

/**
 * Many rows of a kind at once, for tests that compare a page over a small and a large register
 * (tests/integration/statement-counts.test.ts). Each helper calls the ordinary factories in a loop:
 * slower than one insert, but every row is made the way the other tests make it.
 */

/** Calls `make` n times, one call after the other (with its index), and returns what each made. */
export async function times<T>(n: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let index = 0; index < n; index += 1) made.push(await make(index));
  return made;
}

/** `n` people, each with a primary e-mail address; with `organisationId`, each working there. */
export async function makePeople(
  db: DB,
  n: number,
  options: { organisationId?: number; values?: Partial<Insertable<PeopleTable>> } = {},
): Promise<Selectable<PeopleTable>[]> {
  return times(n, async () => {
    const person = await makePerson(db, { ...options.values, email: `persoon-${unique()}@example.org` });
    if (options.organisationId !== undefined)
      await makeAffiliation(db, { person_id: person.id, organisation_id: options.organisationId });
    return person;
  });
}

/** `n` seats in the body, each held by a new person (or left vacant with `vacant`), on the organisation's behalf if given. */
export async function makeSeats(
  db: DB,
  bodyId: number,
  n: number,
  overrides: Partial<Insertable<SeatsTable>> & { vacant?: boolean } = {},
): Promise<Selectable<SeatsTable>[]> {
  const { vacant, ...values } = overrides;
  return times(n, async () => makeSeat(db, { ...values, body_id: bodyId, ...(vacant ? { person_id: null } : {}) }));
}

/** `n` held meetings of the body (or network events, without one), one a week going back from `lastDay`. */
export async function makeHeldMeetings(db: DB, bodyId: number | null, n: number, lastDay: IsoDate) {
  return times(n, (index) =>
    makeMeeting(db, {
      body_id: bodyId,
      kind: bodyId === null ? "themasessie" : "vergadering",
      date: addDays(lastDay, -7 * index),
      status: "gehouden",
    }),
  );
}

/** One attendance row per person at the meeting, on the seat's organisation's behalf when a seat is given. */
export async function recordAttendance(
  db: DB,
  meetingId: number,
  attendees: readonly { person_id: number | null; seat_id?: number | null; organisation_id?: number | null }[],
  status: AttendanceStatus = "aanwezig",
) {
  for (const attendee of attendees) {
    if (attendee.person_id === null) continue;
    await db
      .insertInto("attendance")
      .values({
        meeting_id: meetingId,
        person_id: attendee.person_id,
        status,
        seat_id: attendee.seat_id ?? null,
        organisation_id: attendee.organisation_id ?? null,
      })
      .execute();
  }
}

/** The holders of these seats as `recordAttendance` takes them (vacancies have nobody to record). */
export const seatHolders = (seats: readonly Selectable<SeatsTable>[]) =>
  seats.map((seat) => ({ person_id: seat.person_id, seat_id: seat.id, organisation_id: seat.organisation_id }));
