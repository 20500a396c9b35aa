import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/index";
import {
  buildRule,
  describeRule,
  MAX_OCCURRENCES,
  occurrences,
  parseRRule,
  RecurrenceError,
  type RecurrenceRule,
  type RuleFields,
  toRRule,
  weekdayOf,
} from "../../app/services/recurrence";

const monthly = (fields: Partial<RuleFields> = {}): RecurrenceRule =>
  buildRule({
    frequency: "monthly",
    interval: 1,
    weekday: "TU",
    ordinal: 2,
    ends: "count",
    count: 6,
    until: null,
    ...fields,
  });
const weekly = (fields: Partial<RuleFields> = {}): RecurrenceRule =>
  buildRule({
    frequency: "weekly",
    interval: 1,
    weekday: "TU",
    ordinal: 1,
    ends: "count",
    count: 6,
    until: null,
    ...fields,
  });

/** The message key a call is refused with (without its values). */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof RecurrenceError) return error.messageKey.split("?")[0]!;
    throw error;
  }
  throw new Error("not refused");
}

describe("every N weeks on a weekday", () => {
  it("starts on the first matching weekday on or after the first date and skips weeks by the interval", () => {
    // 2025-01-01 is a Wednesday: the first Tuesday after it is 7 January
    expect(occurrences(weekly({ interval: 2, count: 4 }), "2025-01-01")).toEqual([
      "2025-01-07",
      "2025-01-21",
      "2025-02-04",
      "2025-02-18",
    ]);
  });

  it("starts on the first date itself when it is the weekday", () => {
    expect(occurrences(weekly({ weekday: "MO", count: 2 }), "2025-03-03")).toEqual(["2025-03-03", "2025-03-10"]);
  });

  it("runs across the end of the year", () => {
    expect(occurrences(weekly({ count: 3 }), "2025-12-23")).toEqual(["2025-12-23", "2025-12-30", "2026-01-06"]);
  });

  it("keeps the same weekday across the change to summer time (days, not moments)", () => {
    const days = occurrences(weekly({ weekday: "SU", count: 3 }), "2025-03-23");
    expect(days).toEqual(["2025-03-23", "2025-03-30", "2025-04-06"]);
    expect(days.map(weekdayOf)).toEqual(["SU", "SU", "SU"]);
  });
});

describe("the k-th weekday of every N months", () => {
  it("plans 'six times a year, every second Tuesday' as every 2 months, the 2nd Tuesday, 6 times", () => {
    const rule = monthly({ interval: 2, count: 6 });
    expect(occurrences(rule, "2025-01-01")).toEqual([
      "2025-01-14",
      "2025-03-11",
      "2025-05-13",
      "2025-07-08",
      "2025-09-09",
      "2025-11-11",
    ]);
  });

  it("moves to the next month when this month's occurrence is already past", () => {
    // the 2nd Tuesday of January 2025 is the 14th; from the 20th on, February's (the 11th) comes first
    expect(occurrences(monthly({ count: 2 }), "2025-01-20")).toEqual(["2025-02-11", "2025-03-11"]);
  });

  it("counts the interval from the first occurrence, across the end of the year", () => {
    expect(occurrences(monthly({ interval: 2, count: 3 }), "2025-11-01")).toEqual([
      "2025-11-11",
      "2026-01-13",
      "2026-03-10",
    ]);
  });

  it("finds the last weekday, which is the fifth in a month that has five", () => {
    // December 2025 has five Tuesdays (2, 9, 16, 23, 30), February 2026 four (3, 10, 17, 24)
    expect(occurrences(monthly({ ordinal: -1, count: 3 }), "2025-12-01")).toEqual([
      "2025-12-30",
      "2026-01-27",
      "2026-02-24",
    ]);
    expect(occurrences(monthly({ ordinal: 4, count: 1 }), "2025-12-01")).toEqual(["2025-12-23"]);
  });

  it("finds the first weekday when the month starts on it", () => {
    // 1 July 2025 is a Tuesday
    expect(occurrences(monthly({ ordinal: 1, count: 1 }), "2025-07-01")).toEqual(["2025-07-01"]);
  });

  it("finds the last weekday of February in a leap year", () => {
    // 29 February 2028 is a Tuesday
    expect(occurrences(monthly({ ordinal: -1, count: 1 }), "2028-02-01")).toEqual(["2028-02-29"]);
  });
});

describe("where a series ends", () => {
  it("stops after COUNT occurrences", () => {
    expect(occurrences(weekly({ count: 1 }), "2025-01-01")).toHaveLength(1);
  });

  it("stops on UNTIL, which may itself be a meeting day", () => {
    expect(occurrences(monthly({ ends: "until", count: null, until: "2025-04-08" }), "2025-01-01")).toEqual([
      "2025-01-14",
      "2025-02-11",
      "2025-03-11",
      "2025-04-08",
    ]);
    expect(occurrences(monthly({ ends: "until", count: null, until: "2025-04-07" }), "2025-01-01")).toHaveLength(3);
  });

  it("uses only the end the form chose, whatever the other field holds", () => {
    const rule = monthly({ ends: "until", count: 3, until: "2025-12-31" });
    expect(rule).toMatchObject({ count: null, until: "2025-12-31" });
    expect(occurrences(rule, "2025-01-01")).toHaveLength(12);
  });
});

describe("refused series", () => {
  it("refuses more than the maximum number of occurrences, by count or by end date", () => {
    expect(refusal(() => weekly({ count: MAX_OCCURRENCES + 1 }))).toBe("meetingSeries.errors.tooManyOccurrences");
    expect(occurrences(weekly({ count: MAX_OCCURRENCES }), "2025-01-01")).toHaveLength(MAX_OCCURRENCES);
    const weeklyForTwoYears = weekly({ ends: "until", count: null, until: "2026-12-31" });
    expect(refusal(() => occurrences(weeklyForTwoYears, "2025-01-01"))).toBe("meetingSeries.errors.tooManyOccurrences");
  });

  it("refuses a series without a single occurrence", () => {
    // the first 2nd Tuesday on or after 15 January is 11 February, after the end
    const rule = monthly({ ends: "until", count: null, until: "2025-02-10" });
    expect(refusal(() => occurrences(rule, "2025-01-15"))).toBe("meetingSeries.errors.noOccurrences");
    expect(refusal(() => weekly({ count: 0 }))).toBe("meetingSeries.errors.noOccurrences");
  });

  it("refuses an interval out of range, per frequency", () => {
    expect(refusal(() => monthly({ interval: 13 }))).toBe("meetingSeries.errors.interval.monthly");
    expect(refusal(() => weekly({ interval: 0 }))).toBe("meetingSeries.errors.interval.weekly");
    expect(weekly({ interval: 13 }).interval).toBe(13);
  });
});

describe("RRULE text", () => {
  it("writes the rule as RFC 5545 text", () => {
    expect(toRRule(monthly({ interval: 2, count: 6 }))).toBe("FREQ=MONTHLY;INTERVAL=2;BYDAY=+2TU;COUNT=6");
    expect(toRRule(monthly({ ordinal: -1, ends: "until", count: null, until: "2025-12-31" }))).toBe(
      "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1TU;UNTIL=20251231",
    );
    expect(toRRule(weekly({ interval: 2, weekday: "FR", count: 10 }))).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=10");
  });

  it("reads back what it wrote, for every pattern and end", () => {
    const rules = [
      monthly({ interval: 2, count: 6 }),
      monthly({ ordinal: -1, ends: "until", count: null, until: "2026-06-30" }),
      weekly({ interval: 3, weekday: "SU", count: 12 }),
      weekly({ ends: "until", count: null, until: "2025-12-31" }),
    ];
    for (const rule of rules) expect(parseRRule(toRRule(rule))).toEqual(rule);
  });

  it("reads the forms other programs write: a prefix, another order, no INTERVAL, BYDAY without a plus", () => {
    expect(parseRRule("RRULE:COUNT=6;BYDAY=2TU;FREQ=MONTHLY")).toEqual(monthly({ interval: 1, count: 6 }));
    expect(parseRRule("freq=weekly;byday=tu;count=6;wkst=MO")).toEqual(weekly({ count: 6 }));
  });

  it("refuses what it does not support rather than half understanding it", () => {
    for (const text of [
      "FREQ=DAILY;COUNT=5",
      "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5",
      "FREQ=WEEKLY;BYDAY=TU",
      "FREQ=WEEKLY;BYDAY=TU;COUNT=5;UNTIL=20251231",
      "FREQ=MONTHLY;BYDAY=TU;COUNT=5",
      "FREQ=MONTHLY;BYDAY=+5TU;COUNT=5",
      "FREQ=MONTHLY;BYDAY=2TU;COUNT=5;BYSETPOS=1",
      "FREQ=WEEKLY;BYDAY=TU;UNTIL=20251231T120000Z",
      "FREQ=WEEKLY;BYDAY=TU;COUNT=5;WKST=SU",
      "FREQ=WEEKLY;FREQ=WEEKLY;BYDAY=TU;COUNT=5",
    ]) {
      expect(
        refusal(() => parseRRule(text)),
        text,
      ).toBe("meetingSeries.errors.ruleUnsupported");
    }
  });
});

describe("the rule in words", () => {
  const nl = translator("nl");
  const en = translator("en");

  it("says the planner's example in Dutch and English", () => {
    const rule = monthly({ interval: 2, count: 6 });
    expect(describeRule(rule, nl, "nl")).toBe("elke 2e dinsdag van de maand, om de 2 maanden, 6 keer");
    expect(describeRule(rule, en, "en")).toBe("every 2nd Tuesday of the month, every 2 months, 6 times");
  });

  it("says weekly rules, the last weekday and an end date", () => {
    expect(describeRule(weekly({ count: 1 }), nl, "nl")).toBe("elke dinsdag, 1 keer");
    expect(
      describeRule(weekly({ interval: 2, weekday: "TH", ends: "until", count: null, until: "2025-12-31" }), nl, "nl"),
    ).toBe("om de 2 weken op donderdag, tot en met 31 december 2025");
    expect(describeRule(monthly({ ordinal: -1, count: 4 }), en, "en")).toBe("every last Tuesday of the month, 4 times");
  });
});
