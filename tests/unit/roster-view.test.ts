import { describe, expect, it } from "vitest";
import { rosterPageAddress, rosterView } from "../../app/services/roster-view";

const view = (search: string) => rosterView(new URLSearchParams(search), "2025-03-01");

describe("what a body page's address asks for", () => {
  it("is today's roster and the latest changes unless told otherwise", () => {
    expect(view("")).toEqual({
      onDay: "2025-03-01",
      invalidDate: null,
      allHistory: false,
      notice: null,
      addedSeatId: null,
    });
  });

  it("is the roster of the day asked for, and today's with a mention of a day that is not one", () => {
    expect(view("datum=2024-06-01")).toMatchObject({ onDay: "2024-06-01", invalidDate: null });
    expect(view("datum=2024-02-30")).toMatchObject({ onDay: "2025-03-01", invalidDate: "2024-02-30" });
    expect(view("datum=")).toMatchObject({ onDay: "2025-03-01", invalidDate: null });
  });

  it("shows the whole history, the notice of a known change and the new seat when asked", () => {
    expect(view("geschiedenis=alle&melding=toegevoegd&id=12")).toMatchObject({
      allHistory: true,
      notice: "toegevoegd",
      addedSeatId: 12,
    });
    expect(view("geschiedenis=ja&melding=verwijderd&id=nul")).toMatchObject({
      allHistory: false,
      notice: null,
      addedSeatId: null,
    });
  });
});

describe("the body page's address", () => {
  it("names the day only when it is not today, and the whole history only when shown", () => {
    const today = "2025-03-01";
    expect(rosterPageAddress(4, { onDay: today, today, allHistory: false })).toBe("/gremia/4");
    expect(rosterPageAddress(4, { onDay: today, today, allHistory: true })).toBe("/gremia/4?geschiedenis=alle");
    expect(rosterPageAddress(4, { onDay: "2024-06-01", today, allHistory: false })).toBe("/gremia/4?datum=2024-06-01");
    expect(rosterPageAddress(4, { onDay: "2024-06-01", today, allHistory: true })).toBe(
      "/gremia/4?datum=2024-06-01&geschiedenis=alle",
    );
  });
});
