import { describe, expect, it } from "vitest";
import {
  addDays,
  changeDays,
  isActiveOn,
  isIsoDay,
  neighbouringChanges,
  periodEvents,
} from "../../app/services/periods";

describe("periods of days", () => {
  it("counts the start and end days as inside the period", () => {
    const seat = { start_date: "2025-01-01", end_date: "2025-03-01" };
    expect(isActiveOn(seat, "2025-01-01")).toBe(true);
    expect(isActiveOn(seat, "2025-03-01")).toBe(true);
    expect(isActiveOn(seat, "2024-12-31")).toBe(false);
    expect(isActiveOn(seat, "2025-03-02")).toBe(false);
  });

  it("treats a missing end as ongoing", () => {
    expect(isActiveOn({ start_date: "2020-01-01", end_date: null }, "2099-12-31")).toBe(true);
  });

  it("adds days across month and leap-year boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });

  it("accepts only real calendar days", () => {
    expect(isIsoDay("2025-02-28")).toBe(true);
    expect(isIsoDay("2025-02-29")).toBe(false);
    expect(isIsoDay("1-3-2025")).toBe(false);
    expect(isIsoDay(undefined)).toBe(false);
  });

  it("finds the roster changes around a day: starts, and the day after each end", () => {
    const seats = [
      { start_date: "2024-01-01", end_date: "2024-06-30" },
      { start_date: "2024-07-01", end_date: null },
      { start_date: "2025-02-01", end_date: null },
    ];
    expect(changeDays(seats)).toEqual(["2024-01-01", "2024-07-01", "2025-02-01"]);
    expect(neighbouringChanges(seats, "2024-07-01")).toEqual({ previous: "2024-01-01", next: "2025-02-01" });
    expect(neighbouringChanges(seats, "2023-01-01")).toEqual({ previous: null, next: "2024-01-01" });
    expect(neighbouringChanges(seats, "2026-01-01")).toEqual({ previous: "2025-02-01", next: null });
  });

  it("lists joins and departures newest first", () => {
    const events = periodEvents([
      { id: 1, start_date: "2024-01-01", end_date: "2024-06-30" },
      { id: 2, start_date: "2024-07-01", end_date: null },
    ]);
    expect(events.map((e) => `${e.day} ${e.kind} ${e.item.id}`)).toEqual([
      "2024-07-01 start 2",
      "2024-06-30 end 1",
      "2024-01-01 start 1",
    ]);
  });

  it("finds the same neighbouring changes as the change days define, for any periods and day", () => {
    // deterministic pseudo-random periods over a few years, with shared days on purpose
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const dayIn = () => addDays("2023-01-01", Math.floor(next() * 900));
    for (let round = 0; round < 200; round += 1) {
      const periods = Array.from({ length: 1 + Math.floor(next() * 12) }, () => {
        const start = dayIn();
        return { start_date: start, end_date: next() < 0.4 ? null : addDays(start, Math.floor(next() * 300)) };
      });
      const day = dayIn();
      const days = changeDays(periods);
      expect(neighbouringChanges(periods, day), `${JSON.stringify(periods)} on ${day}`).toEqual({
        previous: days.filter((d) => d < day).at(-1) ?? null,
        next: days.find((d) => d > day) ?? null,
      });
    }
  });

  it("counts the day after an end as a change only when it is not the day itself", () => {
    const seats = [{ start_date: "2024-01-01", end_date: "2024-06-30" }];
    expect(neighbouringChanges(seats, "2024-07-01")).toEqual({ previous: "2024-01-01", next: null });
    expect(neighbouringChanges(seats, "2024-06-30")).toEqual({ previous: "2024-01-01", next: "2024-07-01" });
    expect(neighbouringChanges(seats, "2024-07-02")).toEqual({ previous: "2024-07-01", next: null });
  });

  it("keeps the order of the periods among joins (or departures) on the same day", () => {
    const events = periodEvents([
      { id: 3, start_date: "2024-01-01", end_date: "2024-03-31" },
      { id: 5, start_date: "2024-01-01", end_date: "2024-03-31" },
      { id: 9, start_date: "2024-01-01", end_date: null },
      { id: 12, start_date: "2024-03-31", end_date: "2024-03-31" },
    ]);
    expect(events.map((e) => `${e.day} ${e.kind} ${e.item.id}`)).toEqual([
      "2024-03-31 end 3",
      "2024-03-31 end 5",
      "2024-03-31 end 12",
      "2024-03-31 start 12",
      "2024-01-01 start 3",
      "2024-01-01 start 5",
      "2024-01-01 start 9",
    ]);
  });
});
