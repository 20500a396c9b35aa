import { describe, expect, it } from "vitest";
import { dutchSortKey } from "../../app/services/names";
import { compareRosterSeats, type RosterSeat } from "../../app/services/roster";

const seat = (
  id: number,
  role: RosterSeat["role"],
  last_name: string | null,
  infix: string | null = null,
): RosterSeat => ({
  id,
  role,
  start_date: "2024-01-01",
  end_date: null,
  person_id: last_name === null ? null : id * 10,
  sort_name: last_name === null ? null : dutchSortKey({ last_name, infix, first_name: null, initials: null }),
});

describe("roster order", () => {
  it("lists by role (chair first), held seats before vacancies, names as a Dutch list sorts them, older seats first", () => {
    const seats = [
      seat(1, "lid", "Wetzels"),
      seat(2, "lid", null),
      seat(3, "voorzitter", "Zeegers"),
      seat(4, "lid", "Berg", "van den"),
      seat(5, "adviseur", "Aarts"),
      seat(6, "lid", "Bakker", "de"),
      seat(7, "lid", null),
      seat(8, "lid", "Wetzels"),
    ];
    expect([...seats].sort(compareRosterSeats).map((s) => s.id)).toEqual([3, 6, 4, 1, 8, 2, 7, 5]);
  });

  it("puts a role the list does not know after all it knows", () => {
    const unknown = { ...seat(1, "lid", "Aarts"), role: "gast" as RosterSeat["role"] };
    expect([unknown, seat(2, "waarnemer", "Zeegers")].sort(compareRosterSeats).map((s) => s.id)).toEqual([2, 1]);
  });
});
