import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETENTION_MONTHS,
  retentionCutoff,
  retentionMonthsFrom,
  retentionQueryFrom,
  selectionFrom,
} from "../../app/services/retention";

describe("the retention period setting", () => {
  it("is 24 months unless KRING_RETENTION_MONTHS says otherwise", () => {
    expect(retentionMonthsFrom({})).toBe(DEFAULT_RETENTION_MONTHS);
    expect(retentionMonthsFrom({ KRING_RETENTION_MONTHS: "  " })).toBe(24);
    expect(retentionMonthsFrom({ KRING_RETENTION_MONTHS: " 36 " })).toBe(36);
    expect(retentionMonthsFrom({ KRING_RETENTION_MONTHS: "1" })).toBe(1);
    expect(retentionMonthsFrom({ KRING_RETENTION_MONTHS: "240" })).toBe(240);
  });

  it("stops the start with a message naming the setting and the range", () => {
    for (const wrong of ["0", "241", "2 jaar", "12.5", "-3"])
      expect(() => retentionMonthsFrom({ KRING_RETENTION_MONTHS: wrong })).toThrow(
        `KRING_RETENTION_MONTHS must be a whole number of months from 1 to 240, not "${wrong}".`,
      );
  });
});

describe("the cutoff day", () => {
  it("goes back whole months, across years", () => {
    expect(retentionCutoff("2026-05-14", 24)).toBe("2024-05-14");
    expect(retentionCutoff("2026-01-10", 1)).toBe("2025-12-10");
    expect(retentionCutoff("2026-03-01", 240)).toBe("2006-03-01");
  });

  it("takes the month's last day when the earlier month is shorter", () => {
    expect(retentionCutoff("2026-08-31", 6)).toBe("2026-02-28");
    expect(retentionCutoff("2026-02-28", 24)).toBe("2024-02-28");
    expect(retentionCutoff("2026-03-31", 25)).toBe("2024-02-29");
  });
});

describe("what the page's address asks for", () => {
  it("takes the months typed, else the configured period", () => {
    expect(retentionQueryFrom(new URLSearchParams(""), 30)).toEqual({
      months: 30,
      typedMonths: "30",
      monthsInvalid: false,
      includeArchived: false,
      selectAll: false,
    });
    expect(retentionQueryFrom(new URLSearchParams("maanden=12&gearchiveerd=1&alles=1"), 30)).toMatchObject({
      months: 12,
      includeArchived: true,
      selectAll: true,
    });
  });

  it("keeps months out of range as typed, says so, and lists by the configured period", () => {
    expect(retentionQueryFrom(new URLSearchParams("maanden=999"), 24)).toMatchObject({
      months: 24,
      typedMonths: "999",
      monthsInvalid: true,
    });
  });
});

describe("the people a bulk form names", () => {
  it("reads id.version pairs, each person once, and leaves out what is not one", () => {
    expect(selectionFrom(["3.1", "7.4", "3.2", "x", "4", "0.1", null, "5.2"])).toEqual([
      { id: 3, version: 1 },
      { id: 7, version: 4 },
      { id: 5, version: 2 },
    ]);
  });
});
