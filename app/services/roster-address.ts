/**
 * Where to show a body's roster after a change that takes effect on `day`: today's roster, or,
 * when the change lies in the future, the roster of that day (else the reader would not see it).
 * `notice` travels along in the URL (what was saved, which seat is new).
 */
export function rosterAddress(bodyId: number, day: string, today: string, notice: Record<string, string>): string {
  const params = new URLSearchParams(day > today ? { datum: day, ...notice } : notice);
  return `/gremia/${bodyId}?${params}`;
}
