import { describe, expect, it } from "vitest";
import type { AttendanceLine } from "../../app/models/attendance.server";
import { draftRegister } from "../../app/services/attendance-draft";

const line = (person_id: number, name: string, more: Partial<AttendanceLine> = {}): AttendanceLine => ({
  person_id,
  name,
  role: "lid",
  organisation_id: null,
  organisation_name: null,
  seat_id: null,
  status: null,
  substitute_person_id: null,
  substitute_name: null,
  expected: true,
  ...more,
});

const sheet = {
  members: [
    line(1, "Anna", { status: "vervangen", substitute_person_id: 9, substitute_name: "Vera" }),
    line(2, "Bram", { status: "aanwezig" }),
  ],
  guests: [line(7, "Gert", { role: null, status: "gast", organisation_name: "Envida" })],
};

describe("the register as the page shows it", () => {
  it("is the stored register before anything was posted", () => {
    expect(draftRegister(sheet, undefined)).toEqual({
      rows: [
        { line: sheet.members[0], status: "vervangen", substitute: { id: 9, name: "Vera" } },
        { line: sheet.members[1], status: "aanwezig", substitute: null },
      ],
      guests: [{ id: 7, name: "Gert", organisation: "Envida" }],
    });
  });

  it("is the register as posted after a search or a refusal: the rows listed, the statuses chosen, new people named", () => {
    const draft = draftRegister(sheet, {
      values: {
        member: ["2", "1", "5"],
        "status-1": "afgemeld",
        "status-2": "vervangen",
        "substitute-2": "11",
        guest: ["7", "8"],
      },
      people: { 11: { name: "Sanne", organisation: null }, 8: { name: "Hans", organisation: "GGD" } },
    });
    // a row no longer in the stored register (5) is left out; "gast" is no row status
    expect(draft.rows.map((row) => [row.line.person_id, row.status, row.substitute])).toEqual([
      [2, "vervangen", { id: 11, name: "Sanne" }],
      [1, "afgemeld", null],
    ]);
    expect(draft.guests).toEqual([
      { id: 7, name: "Gert", organisation: "Envida" },
      { id: 8, name: "Hans", organisation: "GGD" },
    ]);
  });

  it("names a substitute from the stored register, and shows the id of someone it cannot name", () => {
    const draft = draftRegister(sheet, {
      values: { member: ["1", "2"], "status-1": "gast", "substitute-1": "9", "substitute-2": "40" },
      people: {},
    });
    expect(draft.rows.map((row) => [row.status, row.substitute])).toEqual([
      [null, { id: 9, name: "Vera" }],
      [null, { id: 40, name: "40" }],
    ]);
    expect(draft.guests).toEqual([]);
  });
});
