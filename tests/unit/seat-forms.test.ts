import { describe, expect, it } from "vitest";
import {
  addSeatSchema,
  chosenOnAddForm,
  chosenOnSeatPage,
  endSeatSchema,
  fillVacancySchema,
  isSeatIntent,
  moveSeatSchema,
  saveSeatSchema,
  searchesChoices,
  seatFromAddForm,
  VACANCY,
} from "../../app/services/seat-forms";

const add = { intent: "add", role: "lid", organisation_id: "", start_date: "2025-03-01" };

describe("the add-seat form", () => {
  it("takes a person's id or the vacancy, and asks for a person otherwise", () => {
    expect(addSeatSchema.safeParse({ ...add, person: "12" }).success).toBe(true);
    expect(addSeatSchema.safeParse({ ...add, person: VACANCY }).success).toBe(true);
    expect(addSeatSchema.safeParse({ ...add, person: "iemand" }).error?.issues[0]?.message).toBe("common.form.invalid");
    expect(addSeatSchema.safeParse({ ...add, person: "" }).error?.issues[0]?.message).toBe(
      "bodies.errors.choosePerson",
    );
    expect(addSeatSchema.safeParse(add).error?.issues[0]?.message).toBe("bodies.errors.choosePerson");
  });

  it("adds a held seat for a person and a vacant one for the vacancy, open-ended and without a note", () => {
    const parsed = addSeatSchema.parse({ ...add, person: "12", organisation_id: "7" });
    expect(seatFromAddForm(parsed)).toEqual({
      person_id: 12,
      role: "lid",
      organisation_id: 7,
      constituency_sector_id: null,
      constituency_subregion_id: null,
      start_date: "2025-03-01",
      end_date: null,
      note: null,
    });
    expect(seatFromAddForm(addSeatSchema.parse({ ...add, person: VACANCY })).person_id).toBeNull();
  });

  it("adds a seat for an achterban: its sector and/or subregion, never with an organisation", () => {
    const achterban = { ...add, person: VACANCY, represents: "achterban" };
    expect(seatFromAddForm(addSeatSchema.parse({ ...achterban, constituency_subregion_id: "3" }))).toMatchObject({
      organisation_id: null,
      constituency_sector_id: null,
      constituency_subregion_id: 3,
    });
    expect(addSeatSchema.safeParse(achterban).error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["constituency_sector_id"], "governance.errors.constituencyEmpty"],
    ]);
    expect(
      addSeatSchema
        .safeParse({ ...achterban, organisation_id: "7", constituency_sector_id: "2" })
        .error?.issues.map((issue) => [issue.path, issue.message]),
    ).toEqual([[["organisation_id"], "governance.errors.organisationAndConstituency"]]);
    // an organisation chosen: achterban fields left filled in do not count
    expect(
      seatFromAddForm(
        addSeatSchema.parse({ ...add, person: VACANCY, organisation_id: "7", constituency_sector_id: "2" }),
      ),
    ).toMatchObject({ organisation_id: 7, constituency_sector_id: null });
  });

  it("offers again what was chosen, with the jobs as on the seat's first day once that is a day", () => {
    expect(chosenOnAddForm({ person: "12", organisation_id: "7", start_date: "2025-03-01" }, "2025-01-01")).toEqual({
      personIds: [12],
      organisationIds: [7],
      onDay: "2025-03-01",
    });
    expect(chosenOnAddForm({ person: VACANCY, organisation_id: "", start_date: "morgen" }, "2025-01-01")).toEqual({
      personIds: [null],
      organisationIds: [null],
      onDay: "2025-01-01",
    });
  });
});

describe("the seat page's forms", () => {
  it("knows its intents, and which of its forms search", () => {
    expect(["save", "end", "undo", "move", "fill"].filter(isSeatIntent)).toHaveLength(5);
    expect(isSeatIntent("add")).toBe(false);
    expect(isSeatIntent(null)).toBe(false);
    expect((["save", "end", "undo", "move", "fill"] as const).filter(searchesChoices)).toEqual([
      "save",
      "move",
      "fill",
    ]);
  });

  it("ends a seat only with the box ticked", () => {
    const end = { intent: "end", version: "3", end_date: "2025-06-30" };
    expect(endSeatSchema.safeParse(end).error?.issues[0]?.message).toBe("bodies.errors.confirmEnd");
    expect(endSeatSchema.parse({ ...end, confirm: "on" })).toEqual({
      intent: "end",
      version: 3,
      end_date: "2025-06-30",
      confirm: true,
    });
  });

  it("asks for the organisation to move to and the person to fill a vacancy with", () => {
    expect(
      moveSeatSchema.safeParse({ intent: "move", version: "1", organisation_id: "", move_date: "2025-06-01" }).error
        ?.issues[0]?.message,
    ).toBe("bodies.errors.chooseOrganisation");
    expect(
      fillVacancySchema.safeParse({ intent: "fill", version: "1", person_id: "", start_date: "2025-06-01" }).error
        ?.issues[0]?.message,
    ).toBe("bodies.errors.choosePersonToFill");
  });

  it("refuses a correction that ends before it starts", () => {
    const save = { intent: "save", version: "1", role: "lid", organisation_id: "", start_date: "2025-03-01" };
    expect(saveSeatSchema.safeParse({ ...save, end_date: "2025-02-28" }).error?.issues[0]).toMatchObject({
      path: ["end_date"],
      message: "common.form.endBeforeStart",
    });
    expect(saveSeatSchema.parse({ ...save, end_date: "", note: "" })).toMatchObject({ end_date: null, note: null });
  });

  it("offers the seat's holder and organisation, and those chosen in the posted form, with today's jobs", () => {
    expect(
      chosenOnSeatPage({ person_id: 4, organisation_id: null }, { person_id: "9", organisation_id: "2" }, "2025-05-05"),
    ).toEqual({ personIds: [4, 9], organisationIds: [null, 2], onDay: "2025-05-05" });
    expect(chosenOnSeatPage({ person_id: null, organisation_id: 3 }, {}, "2025-05-05")).toEqual({
      personIds: [null, null],
      organisationIds: [3, null],
      onDay: "2025-05-05",
    });
  });
});
