import type { TFunction } from "i18next";
import type { Language } from "../../db/schema";
import { formatDay } from "../i18n/format";
import type { Message } from "../i18n/keys";
import { messageKey } from "./form-data";
import { addDays, isIsoDay } from "./periods";

/**
 * Recurring meetings, as the small part of iCalendar's RRULE (RFC 5545) that planning needs:
 *
 * - every N weeks on a weekday:                     FREQ=WEEKLY;INTERVAL=2;BYDAY=TU
 * - the k-th (or last) weekday of every N-th month: FREQ=MONTHLY;INTERVAL=2;BYDAY=+2TU (-1TU: the last)
 *
 * each ending after COUNT occurrences or on a day (UNTIL=20251231). The rule is stored as that
 * text, so a calendar program reads it as it is meant. Written by hand: the `rrule` package's ESM
 * build does not load under Node's ESM loader.
 *
 * The series starts on the first matching day on or after the chosen first date, and the interval
 * counts from that occurrence; stored with that day as DTSTART, the text expands to the same days
 * in any RFC 5545 implementation.
 */

/** RFC 5545 weekday codes, Monday first (ISO weeks). */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const FREQUENCIES = ["weekly", "monthly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Which weekday of the month: the first to the fourth (every month has them), or the last (-1). */
export const ORDINALS = [1, 2, 3, 4, -1] as const;
export type Ordinal = (typeof ORDINALS)[number];

/** A series longer than this is more likely a typing error than a plan; it is refused. */
export const MAX_OCCURRENCES = 60;
export const MAX_INTERVAL: Record<Frequency, number> = { weekly: 52, monthly: 12 };

export interface RecurrenceRule {
  frequency: Frequency;
  /** every `interval` weeks or months */
  interval: number;
  weekday: Weekday;
  /** monthly only: which of the month's weekdays; null for weekly */
  ordinal: Ordinal | null;
  /** exactly one of count and until is set */
  count: number | null;
  /** the last day the series may fall on (inclusive), ISO */
  until: string | null;
}

/** A rule that cannot be planned: a message key (meetingSeries.errors.*, see messageKey) and the form field it concerns. */
export class RecurrenceError extends Error {
  constructor(
    readonly messageKey: Message,
    readonly field?: string,
  ) {
    super(messageKey);
    this.name = "RecurrenceError";
  }
}

/** What the series form asks, in the form's terms. */
export interface RuleFields {
  frequency: Frequency;
  interval: number;
  weekday: Weekday;
  ordinal: Ordinal;
  ends: "count" | "until";
  count: number | null;
  until: string | null;
}

/** The rule the form describes (the ordinal only for monthly, the end the user chose); checked. */
export function buildRule(fields: RuleFields): RecurrenceRule {
  const rule: RecurrenceRule = {
    frequency: fields.frequency,
    interval: fields.interval,
    weekday: fields.weekday,
    ordinal: fields.frequency === "monthly" ? fields.ordinal : null,
    count: fields.ends === "count" ? fields.count : null,
    until: fields.ends === "until" ? fields.until : null,
  };
  checkRule(rule);
  return rule;
}

function checkRule(rule: RecurrenceRule): void {
  const unsupported = new RecurrenceError("meetingSeries.errors.ruleUnsupported");
  if (!FREQUENCIES.includes(rule.frequency) || !WEEKDAYS.includes(rule.weekday)) throw unsupported;
  if ((rule.frequency === "monthly") !== (rule.ordinal !== null)) throw unsupported;
  if (rule.ordinal !== null && !ORDINALS.includes(rule.ordinal)) throw unsupported;
  const maxInterval = MAX_INTERVAL[rule.frequency];
  if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > maxInterval) {
    throw new RecurrenceError(
      messageKey(`meetingSeries.errors.interval.${rule.frequency}` as const, { max: maxInterval }),
      "interval",
    );
  }
  if ((rule.count === null) === (rule.until === null)) throw unsupported;
  if (rule.count !== null) {
    if (!Number.isInteger(rule.count) || rule.count < 1)
      throw new RecurrenceError("meetingSeries.errors.noOccurrences", "count");
    if (rule.count > MAX_OCCURRENCES) {
      throw new RecurrenceError(
        messageKey("meetingSeries.errors.tooManyOccurrences", { max: MAX_OCCURRENCES }),
        "count",
      );
    }
  }
  if (rule.until !== null && !isIsoDay(rule.until)) throw new RecurrenceError("common.form.dateInvalid", "until");
}

/* ---------- RRULE text ---------- */

/** The rule as RFC 5545 RRULE text (without the "RRULE:" prefix), e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=+2TU;COUNT=6. */
export function toRRule(rule: RecurrenceRule): string {
  const byDay = rule.ordinal === null ? rule.weekday : `${rule.ordinal > 0 ? "+" : ""}${rule.ordinal}${rule.weekday}`;
  const end = rule.count !== null ? `COUNT=${rule.count}` : `UNTIL=${(rule.until ?? "").replaceAll("-", "")}`;
  return `FREQ=${rule.frequency.toUpperCase()};INTERVAL=${rule.interval};BYDAY=${byDay};${end}`;
}

const BY_DAY = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/;

/**
 * Reads RRULE text back (an "RRULE:" prefix and any order of parts allowed); anything outside the
 * subset above is refused rather than half understood.
 */
export function parseRRule(text: string): RecurrenceRule {
  const unsupported = new RecurrenceError("meetingSeries.errors.ruleUnsupported");
  const parts = new Map<string, string>();
  for (const part of text
    .trim()
    .replace(/^RRULE:/i, "")
    .split(";")) {
    const [name, value, ...rest] = part.split("=");
    if (!name || value === undefined || rest.length > 0 || parts.has(name.toUpperCase())) throw unsupported;
    parts.set(name.toUpperCase(), value.toUpperCase());
  }
  const known = new Set(["FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL", "WKST"]);
  if ([...parts.keys()].some((name) => !known.has(name))) throw unsupported;
  // weeks start on Monday by default; another week start changes which weeks an interval skips
  if (parts.has("WKST") && parts.get("WKST") !== "MO") throw unsupported;

  const frequency = { WEEKLY: "weekly", MONTHLY: "monthly" }[parts.get("FREQ") ?? ""] as Frequency | undefined;
  const byDay = BY_DAY.exec(parts.get("BYDAY") ?? "");
  if (!frequency || !byDay) throw unsupported;
  const ordinal = byDay[1] === undefined ? null : Number(byDay[1]);
  const interval = parts.has("INTERVAL") ? wholeNumber(parts.get("INTERVAL")) : 1;
  const count = parts.has("COUNT") ? wholeNumber(parts.get("COUNT")) : null;
  const untilText = parts.get("UNTIL");
  const until =
    untilText === undefined
      ? null
      : /^\d{8}$/.test(untilText)
        ? `${untilText.slice(0, 4)}-${untilText.slice(4, 6)}-${untilText.slice(6)}`
        : "";
  if (interval === null || (parts.has("COUNT") && count === null) || until === "") throw unsupported;

  const rule: RecurrenceRule = {
    frequency,
    interval,
    weekday: byDay[2] as Weekday,
    ordinal: ordinal as Ordinal | null,
    count,
    until,
  };
  checkRule(rule);
  return rule;
}

function wholeNumber(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,4}$/.test(text) ? Number(text) : null;
}

/* ---------- occurrences ---------- */

const parts = (day: string) => day.split("-").map(Number) as [number, number, number];
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

/** The weekday of an ISO day as its RFC 5545 code. */
export function weekdayOf(day: string): Weekday {
  const [year, month, date] = parts(day);
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7]!;
}

/** The k-th (or last) weekday of a month; `monthIndex` counts from January of year 0, so it may run past 11. */
function weekdayInMonth(monthIndex: number, weekday: Weekday, ordinal: Ordinal): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const target = WEEKDAYS.indexOf(weekday);
  if (ordinal > 0) {
    const first = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
    return isoOf(new Date(Date.UTC(year, month, 1 + ((target - first + 7) % 7) + 7 * (ordinal - 1))));
  }
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const last = (lastDay.getUTCDay() + 6) % 7;
  return isoOf(new Date(Date.UTC(year, month, lastDay.getUTCDate() - ((last - target + 7) % 7))));
}

/** The rule's days in order, starting with the first match on or after `from`; endless. */
function* candidates(rule: RecurrenceRule, from: string): Generator<string> {
  if (rule.frequency === "weekly") {
    let day = addDays(from, (WEEKDAYS.indexOf(rule.weekday) - WEEKDAYS.indexOf(weekdayOf(from)) + 7) % 7);
    for (;;) {
      yield day;
      day = addDays(day, 7 * rule.interval);
    }
  }
  const [year, month] = parts(from);
  let monthIndex = year * 12 + month - 1;
  if (weekdayInMonth(monthIndex, rule.weekday, rule.ordinal!) < from) monthIndex += 1;
  for (;;) {
    yield weekdayInMonth(monthIndex, rule.weekday, rule.ordinal!);
    monthIndex += rule.interval;
  }
}

/**
 * The days (ISO) the series falls on, from the first date on. Refuses a rule that gives none
 * (an end before the first match) or more than MAX_OCCURRENCES.
 */
export function occurrences(rule: RecurrenceRule, from: string): string[] {
  checkRule(rule);
  if (!isIsoDay(from)) throw new RecurrenceError("common.form.dateInvalid", "first_date");
  const days: string[] = [];
  for (const day of candidates(rule, from)) {
    if (rule.count !== null ? days.length === rule.count : day > rule.until!) break;
    if (days.length === MAX_OCCURRENCES) {
      throw new RecurrenceError(
        messageKey("meetingSeries.errors.tooManyOccurrences", { max: MAX_OCCURRENCES }),
        "until",
      );
    }
    days.push(day);
  }
  if (days.length === 0) throw new RecurrenceError("meetingSeries.errors.noOccurrences", "until");
  return days;
}

/* ---------- in words ---------- */

const ordinalKey = (ordinal: Ordinal) => (ordinal === -1 ? "last" : (String(ordinal) as "1" | "2" | "3" | "4"));

/** The rule in the reader's words: "elke 2e dinsdag van de maand, om de 2 maanden, 6 keer". */
export function describeRule(rule: RecurrenceRule, t: TFunction, language: Language): string {
  const weekday = t(`meetingSeries.weekdays.${rule.weekday}`);
  const pieces: string[] = [];
  if (rule.frequency === "weekly") {
    pieces.push(
      rule.interval === 1
        ? t("meetingSeries.rule.everyWeek", { weekday })
        : t("meetingSeries.rule.everyNWeeks", { weekday, interval: rule.interval }),
    );
  } else {
    pieces.push(
      t("meetingSeries.rule.monthly", { weekday, which: t(`meetingSeries.ordinals.${ordinalKey(rule.ordinal!)}`) }),
    );
    if (rule.interval > 1) pieces.push(t("meetingSeries.rule.everyNMonths", { interval: rule.interval }));
  }
  pieces.push(
    rule.count !== null
      ? t("meetingSeries.rule.times", { count: rule.count })
      : t("meetingSeries.rule.until", { date: formatDay(rule.until, language) }),
  );
  return pieces.join(", ");
}
