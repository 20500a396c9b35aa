/**
 * Periods of days, as the design defines them: ISO `YYYY-MM-DD` strings, end inclusive,
 * null end = ongoing. ISO days compare correctly as strings.
 */
export interface Period {
  start_date: string | null;
  end_date: string | null;
}

export function isActiveOn(period: Period, day: string): boolean {
  return (period.start_date === null || period.start_date <= day) && (period.end_date === null || period.end_date >= day);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}

export function isIsoDay(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
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

/** The last change strictly before the day and the first strictly after it, for "previous/next change". */
export function neighbouringChanges(periods: readonly Period[], day: string) {
  const days = changeDays(periods);
  return {
    previous: days.filter((d) => d < day).at(-1) ?? null,
    next: days.find((d) => d > day) ?? null,
  };
}

/** Joins and departures, newest first: a departure is dated on the last day in the role. */
export function periodEvents<T extends Period>(periods: readonly T[]) {
  const events: { day: string; kind: "start" | "end"; item: T }[] = [];
  for (const item of periods) {
    if (item.start_date) events.push({ day: item.start_date, kind: "start", item });
    if (item.end_date) events.push({ day: item.end_date, kind: "end", item });
  }
  return events.sort((a, b) => (a.day === b.day ? (a.kind === "end" ? -1 : 1) : a.day < b.day ? 1 : -1));
}
