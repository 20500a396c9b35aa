import { addDays } from "./periods";

/**
 * The rules a seat must keep, as pure functions over days (ISO `YYYY-MM-DD`, end inclusive, null
 * end = ongoing). The model asks them before it writes; the tests read them as the rulebook.
 */
export interface SeatPeriod {
  start_date: string;
  end_date: string | null;
}

export interface SeatForOverlap extends SeatPeriod {
  id?: number;
  body_id: number;
  person_id: number | null;
  role: string;
}

/** True when the two periods share at least one day (both ends count as days in the period). */
export function periodsOverlap(a: SeatPeriod, b: SeatPeriod): boolean {
  const aEndsBeforeB = a.end_date !== null && a.end_date < b.start_date;
  const bEndsBeforeA = b.end_date !== null && b.end_date < a.start_date;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/**
 * The existing seat the candidate would overlap: the same person in the same role in the same
 * body on a shared day. Vacancies never collide (several open places in one role are normal),
 * and a seat is not compared with itself (an edit keeps its id).
 */
export function overlappingSeat<T extends SeatForOverlap>(
  candidate: SeatForOverlap,
  existing: readonly T[],
): T | undefined {
  if (candidate.person_id === null) return undefined;
  return existing.find(
    (seat) =>
      (candidate.id === undefined || seat.id !== candidate.id) &&
      seat.body_id === candidate.body_id &&
      seat.person_id === candidate.person_id &&
      seat.role === candidate.role &&
      periodsOverlap(seat, candidate),
  );
}

export type EndRefusal = "endBeforeStart" | "alreadyEnded";

/**
 * Whether a seat may be ended with `endDate` as its last day: not before it began, and only
 * earlier than an end it already has (a later day would lengthen it: that is an edit).
 */
export function endRefusal(seat: SeatPeriod, endDate: string): EndRefusal | null {
  if (endDate < seat.start_date) return "endBeforeStart";
  if (seat.end_date !== null && seat.end_date <= endDate) return "alreadyEnded";
  return null;
}

export type SuccessionPlan =
  { ok: true; previousEnds: string; nextEnds: string | null } | { ok: false; reason: "notAfterStart" | "endedBefore" };

/**
 * A seat handed on from `day`: a move to another organisation, or a vacancy filled. The old seat
 * ends the day before (so the two never share a day) and the new one keeps any end the old one
 * already had planned. The day must come after the old seat began (else it would end before it
 * started) and not after it ended (there is nothing left to hand on).
 */
export function planSuccession(seat: SeatPeriod, day: string): SuccessionPlan {
  if (day <= seat.start_date) return { ok: false, reason: "notAfterStart" };
  if (seat.end_date !== null && seat.end_date < day) return { ok: false, reason: "endedBefore" };
  return { ok: true, previousEnds: addDays(day, -1), nextEnds: seat.end_date };
}
