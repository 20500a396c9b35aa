import { SEAT_ROLES, type SeatRole } from "../../db/schema";
import type { Period } from "./periods";

/** What ordering a roster needs of a seat: its role, whether it is held, and the holder's sort key. */
export interface RosterSeat extends Period {
  id: number;
  role: SeatRole;
  person_id: number | null;
  /** people.sort_name (names.ts dutchSortKey); null for a vacancy */
  sort_name: string | null;
}

const ROLE_RANK = new Map<string, number>(SEAT_ROLES.map((role, rank) => [role, rank]));
const rankOf = (role: string) => ROLE_RANK.get(role) ?? SEAT_ROLES.length;

/** Sort keys compare by code unit, as the database compares them byte by byte (names.ts). */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Roster order: by role as SEAT_ROLES lists them (chair first), held seats before vacancies, the
 * holders as a Dutch list orders them, and the older seat first where all that is equal.
 */
export function compareRosterSeats(a: RosterSeat, b: RosterSeat): number {
  return (
    rankOf(a.role) - rankOf(b.role) ||
    Number(a.person_id === null) - Number(b.person_id === null) ||
    compareKeys(a.sort_name ?? "", b.sort_name ?? "") ||
    a.id - b.id
  );
}
