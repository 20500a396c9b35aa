import { describe, expect, it } from "vitest";
import { formatDay, formatMoment, todayInAmsterdam } from "../../app/i18n/format";

describe("days", () => {
  it("writes a day the Dutch way: 1 maart 2025", () => {
    expect(formatDay("2025-03-01", "nl")).toBe("1 maart 2025");
  });

  it("writes a day the British way in English: 1 March 2025", () => {
    expect(formatDay("2025-03-01", "en")).toBe("1 March 2025");
  });

  it("does not shift a day, whatever the time zone of the server", () => {
    expect(formatDay("2025-12-31", "nl")).toBe("31 december 2025");
    expect(formatDay("2024-02-29", "en")).toBe("29 February 2024");
  });

  it("writes a day it wrote before in the language asked, not the one it was first written in", () => {
    expect(formatDay("2025-10-03", "nl")).toBe("3 oktober 2025");
    expect(formatDay("2025-10-03", "en")).toBe("3 October 2025");
    expect(formatDay("2025-10-03", "nl")).toBe("3 oktober 2025");
  });

  it("keeps writing days right past the number it remembers (about 55 years of days)", () => {
    const day = (offset: number) => new Date(Date.UTC(1970, 0, 1 + offset)).toISOString().slice(0, 10);
    for (let offset = 0; offset < 20_500; offset += 1) formatDay(day(offset), "nl");
    expect(formatDay(day(0), "nl")).toBe("1 januari 1970");
    expect(formatDay(day(20_499), "nl")).toBe("15 februari 2026");
  });

  it("shows nothing for a missing day and the text itself for nonsense", () => {
    expect(formatDay(null, "nl")).toBe("");
    expect(formatDay(undefined, "en")).toBe("");
    expect(formatDay("", "nl")).toBe("");
    expect(formatDay("binnenkort", "nl")).toBe("binnenkort");
  });
});

describe("moments", () => {
  it("shows a summer moment in Amsterdam time (UTC+2): 10:00 UTC is 12:00", () => {
    const text = formatMoment("2025-07-01T10:00:00Z", "nl");
    expect(text).toContain("1 juli 2025");
    expect(text).toContain("12:00");
  });

  it("shows a winter moment in Amsterdam time (UTC+1): 10:00 UTC is 11:00", () => {
    const text = formatMoment("2025-01-15T10:00:00Z", "en");
    expect(text).toContain("15 January 2025");
    expect(text).toContain("11:00");
  });

  it("follows the switch to summer time on the last Sunday of March", () => {
    // 2025-03-30: clocks go from 02:00 to 03:00 local, at 01:00 UTC.
    expect(formatMoment("2025-03-30T00:59:00Z", "nl")).toContain("01:59");
    expect(formatMoment("2025-03-30T01:00:00Z", "nl")).toContain("03:00");
  });

  it("moves to the next day when late UTC evening is already tomorrow in Amsterdam", () => {
    const text = formatMoment("2025-06-30T22:30:00Z", "nl");
    expect(text).toContain("1 juli 2025");
    expect(text).toContain("00:30");
  });

  it("shows nothing for a missing moment and the text itself for nonsense", () => {
    expect(formatMoment(null, "nl")).toBe("");
    expect(formatMoment("gisteren", "nl")).toBe("gisteren");
  });
});

describe("today in Amsterdam", () => {
  it("is already tomorrow shortly before midnight UTC in summer", () => {
    expect(todayInAmsterdam(new Date("2025-07-01T21:59:59Z"))).toBe("2025-07-01");
    expect(todayInAmsterdam(new Date("2025-07-01T22:00:00Z"))).toBe("2025-07-02");
  });

  it("turns over an hour before midnight UTC in winter", () => {
    expect(todayInAmsterdam(new Date("2025-12-31T22:59:59Z"))).toBe("2025-12-31");
    expect(todayInAmsterdam(new Date("2025-12-31T23:00:00Z"))).toBe("2026-01-01");
  });

  it("is an ISO day", () => {
    expect(todayInAmsterdam()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
