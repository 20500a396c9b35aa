import { describe, expect, it } from "vitest";
import { endRefusal, overlappingSeat, periodsOverlap, planSuccession } from "../../app/services/seat-rules";
import { withReadableDays } from "../../app/services/readable-days";
import { messageKey } from "../../app/services/form-data";

const seat = (
  start_date: string,
  end_date: string | null,
  overrides: Partial<{ id: number; person_id: number | null; role: string; body_id: number }> = {},
) => ({
  id: 1,
  body_id: 10,
  person_id: 100,
  role: "lid",
  start_date,
  end_date,
  ...overrides,
});

describe("overlapping periods", () => {
  it("share a day when one starts on the other's last day", () => {
    expect(
      periodsOverlap(
        { start_date: "2025-01-01", end_date: "2025-03-31" },
        { start_date: "2025-03-31", end_date: null },
      ),
    ).toBe(true);
  });

  it("do not overlap when one starts the day after the other ends", () => {
    expect(
      periodsOverlap(
        { start_date: "2025-01-01", end_date: "2025-03-31" },
        { start_date: "2025-04-01", end_date: null },
      ),
    ).toBe(false);
    expect(
      periodsOverlap(
        { start_date: "2025-04-01", end_date: null },
        { start_date: "2025-01-01", end_date: "2025-03-31" },
      ),
    ).toBe(false);
  });

  it("treat two ongoing periods as overlapping from the later start on", () => {
    expect(
      periodsOverlap({ start_date: "2020-01-01", end_date: null }, { start_date: "2030-01-01", end_date: null }),
    ).toBe(true);
  });
});

describe("the overlap rule for seats", () => {
  const existing = [seat("2025-01-01", "2025-06-30", { id: 7 })];

  it("finds the existing seat of the same person in the same role and body on a shared day", () => {
    expect(overlappingSeat(seat("2025-06-30", null, { id: undefined }), existing)?.id).toBe(7);
  });

  it("allows a seat that starts the day after the other ends", () => {
    expect(overlappingSeat(seat("2025-07-01", null, { id: undefined }), existing)).toBeUndefined();
  });

  it("allows the same person in another role, another body, and another person in the same role", () => {
    expect(overlappingSeat(seat("2025-03-01", null, { id: undefined, role: "voorzitter" }), existing)).toBeUndefined();
    expect(overlappingSeat(seat("2025-03-01", null, { id: undefined, body_id: 11 }), existing)).toBeUndefined();
    expect(overlappingSeat(seat("2025-03-01", null, { id: undefined, person_id: 101 }), existing)).toBeUndefined();
  });

  it("never counts vacancies as colliding, and does not compare a seat with itself", () => {
    const vacancies = [seat("2025-01-01", null, { id: 1, person_id: null })];
    expect(overlappingSeat(seat("2025-01-01", null, { id: undefined, person_id: null }), vacancies)).toBeUndefined();
    expect(overlappingSeat(seat("2025-02-01", null, { id: 7 }), existing)).toBeUndefined();
  });
});

describe("ending a seat", () => {
  it("refuses a last day before the first day, and accepts the first day itself", () => {
    expect(endRefusal({ start_date: "2025-03-01", end_date: null }, "2025-02-28")).toBe("endBeforeStart");
    expect(endRefusal({ start_date: "2025-03-01", end_date: null }, "2025-03-01")).toBeNull();
  });

  it("may bring a planned end forward but refuses to end a seat that has already ended by then", () => {
    expect(endRefusal({ start_date: "2025-01-01", end_date: "2025-12-31" }, "2025-06-30")).toBeNull();
    expect(endRefusal({ start_date: "2025-01-01", end_date: "2025-06-30" }, "2025-06-30")).toBe("alreadyEnded");
    expect(endRefusal({ start_date: "2025-01-01", end_date: "2025-06-30" }, "2025-09-01")).toBe("alreadyEnded");
  });
});

describe("handing a seat on (a move, a vacancy filled)", () => {
  it("ends the old seat the day before the new one starts, across a month boundary", () => {
    expect(planSuccession({ start_date: "2024-01-01", end_date: null }, "2025-03-01")).toEqual({
      ok: true,
      previousEnds: "2025-02-28",
      nextEnds: null,
    });
  });

  it("passes a planned end on to the new seat", () => {
    expect(planSuccession({ start_date: "2024-01-01", end_date: "2026-12-31" }, "2025-03-01")).toMatchObject({
      nextEnds: "2026-12-31",
    });
    expect(planSuccession({ start_date: "2024-01-01", end_date: "2025-03-01" }, "2025-03-01")).toMatchObject({
      ok: true,
      previousEnds: "2025-02-28",
    });
  });

  it("refuses a day on or before the old seat's start, and a day after it ended", () => {
    expect(planSuccession({ start_date: "2025-03-01", end_date: null }, "2025-03-01")).toEqual({
      ok: false,
      reason: "notAfterStart",
    });
    expect(planSuccession({ start_date: "2025-03-01", end_date: null }, "2025-01-01")).toEqual({
      ok: false,
      reason: "notAfterStart",
    });
    expect(planSuccession({ start_date: "2024-01-01", end_date: "2024-12-31" }, "2025-03-01")).toEqual({
      ok: false,
      reason: "endedBefore",
    });
  });
});

describe("days in refusal messages", () => {
  it("are written as the reader's language writes them; other values stay as they are", () => {
    const message = messageKey("bodies.errors.overlapRange", {
      person: "Anna de Vries",
      start: "2025-03-01",
      end: "2025-12-31",
    });
    expect(withReadableDays(message, "nl")).toBe(
      messageKey("bodies.errors.overlapRange", {
        person: "Anna de Vries",
        start: "1 maart 2025",
        end: "31 december 2025",
      }),
    );
    expect(withReadableDays(message, "en")).toContain(new URLSearchParams({ start: "1 March 2025" }).toString());
    expect(withReadableDays("bodies.errors.nameTaken", "en")).toBe("bodies.errors.nameTaken");
  });
});
