/**
 * Where to show a body's roster after a change that takes effect on `day`: today's roster, or,
 * when the change lies in the future, the roster of that day (else the reader would not see it).
 * The notice of the change is added to it (withNotice).
 */
export function rosterAddress(bodyId: number, day: string, today: string): string {
  return day > today ? `/gremia/${bodyId}?datum=${day}` : `/gremia/${bodyId}`;
}
