/**
 * Periods of days, as the design defines them: ISO `YYYY-MM-DD` strings, end inclusive,
 * null end = ongoing. ISO days compare correctly as strings.
 */
export interface Period {
  start_date: string | null;
  end_date: string | null;
}

export function isActiveOn(period: Period, day: string): boolean {
  return (
    (period.start_date === null || period.start_date <= day) && (period.end_date === null || period.end_date >= day)
  );
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}

export function isIsoDay(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** The days on which a set of periods changes what is active: each start, and the day after each end. */
export function changeDays(periods: readonly Period[]): string[] {
  const days = new Set<string>();
  for (const p of periods) {
    if (p.start_date) days.add(p.start_date);
    if (p.end_date) days.add(addDays(p.end_date, 1));
  }
  return [...days].sort();
}

/**
 * The last change strictly before the day and the first strictly after it, for "previous/next
 * change": the neighbours of `day` among changeDays, found in one pass (a large body has had
 * thousands of seats, and listing and sorting all its change days cost more than its page).
 */
export function neighbouringChanges(periods: readonly Period[], day: string) {
  // the day after an end is a change day: before `day` when the end lies before the day before it
  const dayBefore = addDays(day, -1);
  let previousStart: string | null = null;
  let previousEnd: string | null = null;
  let nextStart: string | null = null;
  let nextEnd: string | null = null;
  for (const { start_date: start, end_date: end } of periods) {
    if (start !== null) {
      if (start < day && (previousStart === null || start > previousStart)) previousStart = start;
      if (start > day && (nextStart === null || start < nextStart)) nextStart = start;
    }
    if (end !== null) {
      if (end < dayBefore && (previousEnd === null || end > previousEnd)) previousEnd = end;
      if (end >= day && (nextEnd === null || end < nextEnd)) nextEnd = end;
    }
  }
  const afterPreviousEnd = previousEnd === null ? null : addDays(previousEnd, 1);
  const afterNextEnd = nextEnd === null ? null : addDays(nextEnd, 1);
  return {
    previous:
      afterPreviousEnd === null || (previousStart !== null && previousStart > afterPreviousEnd)
        ? previousStart
        : afterPreviousEnd,
    next: afterNextEnd === null || (nextStart !== null && nextStart < afterNextEnd) ? nextStart : afterNextEnd,
  };
}

/**
 * Joins and departures, newest first: a departure is dated on the last day in the role, and on
 * one day departures come before joins. Events alike in both keep the order of `periods`.
 */
export function periodEvents<T extends Period>(periods: readonly T[]) {
  const events: { day: string; kind: "start" | "end"; item: T }[] = [];
  for (const item of periods) {
    if (item.start_date) events.push({ day: item.start_date, kind: "start", item });
    if (item.end_date) events.push({ day: item.end_date, kind: "end", item });
  }
  const kindOrder = (kind: "start" | "end") => (kind === "end" ? 0 : 1);
  return events.sort((a, b) => (a.day === b.day ? kindOrder(a.kind) - kindOrder(b.kind) : a.day < b.day ? 1 : -1));
}
