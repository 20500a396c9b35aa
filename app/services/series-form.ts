import { z } from "zod";
import type { Language } from "../../db/schema";
import { formatDay } from "../i18n/format";
import {
  choice,
  FIELD_MESSAGES,
  isoDay,
  messageKey,
  optionalInt,
  optionalIsoDay,
  optionalText,
  optionalUrl,
  requiredId,
  splitMessageKey,
} from "./form-data";
import { isIsoDay } from "./periods";
import { FREQUENCIES, MAX_INTERVAL, MAX_OCCURRENCES, type Ordinal, WEEKDAYS } from "./recurrence";
import type { Message } from "../i18n/keys";

/** The series planner's form (/vergaderingen/reeks), shared by the page and its action. */

export const SERIES_ENDS = ["count", "until"] as const;
/** The ordinal select's values: "-1" is the last weekday of the month. */
export const ORDINAL_VALUES = ["1", "2", "3", "4", "-1"] as const;

const CLOCK_TIME = /^(\d{1,2})[:.](\d{2})$/;

/** A wall-clock time as HH:MM; "9:30" and "9.30" (as Dutch writes it) are read as 09:30. */
export function clockTime() {
  return z
    .string({ error: FIELD_MESSAGES.required })
    .trim()
    .min(1, FIELD_MESSAGES.required)
    .transform((value, context) => {
      const match = CLOCK_TIME.exec(value);
      const hours = Number(match?.[1]);
      const minutes = Number(match?.[2]);
      if (!match || hours > 23 || minutes > 59) {
        context.addIssue({ code: "custom", message: messageKey("meetingSeries.errors.timeInvalid") });
        return z.NEVER;
      }
      return `${String(hours).padStart(2, "0")}:${match[2]}`;
    });
}

const intervalMessage = messageKey("common.form.numberInvalid", { min: 1, max: MAX_INTERVAL.weekly });

/** A cross-field rule may run when none of these fields has a problem of its own. */
function validFields(...fields: string[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
}

export const seriesSchema = z
  .object({
    body_id: requiredId(),
    /** empty: the body's name */
    title: optionalText(200),
    first_date: isoDay(),
    frequency: choice(FREQUENCIES),
    interval: z.coerce
      .number({ error: intervalMessage })
      .int(intervalMessage)
      .min(1, intervalMessage)
      .max(MAX_INTERVAL.weekly, intervalMessage),
    weekday: choice(WEEKDAYS),
    ordinal: choice(ORDINAL_VALUES).transform((value) => Number(value) as Ordinal),
    ends: choice(SERIES_ENDS),
    count: optionalInt(1, MAX_OCCURRENCES),
    until: optionalIsoDay(),
    start_time: clockTime(),
    end_time: clockTime(),
    location: optionalText(200),
    online_url: optionalUrl(),
  })
  // Each rule runs as soon as the fields it reads are valid, so the form shows all its messages at once.
  .refine((data) => data.frequency !== "monthly" || data.interval <= MAX_INTERVAL.monthly, {
    path: ["interval"],
    message: messageKey("meetingSeries.errors.interval.monthly", { max: MAX_INTERVAL.monthly }),
    when: validFields("frequency", "interval"),
  })
  .refine((data) => data.ends !== "count" || data.count !== null, {
    path: ["count"],
    message: messageKey("meetingSeries.errors.countRequired"),
    when: validFields("ends", "count"),
  })
  .refine((data) => data.ends !== "until" || data.until !== null, {
    path: ["until"],
    message: messageKey("meetingSeries.errors.untilRequired"),
    when: validFields("ends", "until"),
  })
  .refine((data) => data.ends !== "until" || data.until === null || data.until >= data.first_date, {
    path: ["until"],
    message: messageKey("meetingSeries.errors.untilBeforeFirst"),
    when: validFields("ends", "until", "first_date"),
  })
  .refine((data) => data.end_time > data.start_time, {
    path: ["end_time"],
    message: messageKey("meetings.errors.endBeforeStart"),
    when: validFields("start_time", "end_time"),
  });

export type SeriesFormData = z.output<typeof seriesSchema>;

/** A day with its weekday, as the preview lists it: "dinsdag 14 januari 2025". */
export function formatDayWithWeekday(isoDay: string, language: Language): string {
  const [year, month, day] = isoDay.split("-").map(Number);
  return new Intl.DateTimeFormat(language === "nl" ? "nl-NL" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year!, month! - 1, day)));
}

/**
 * A refusal's message with the ISO days among its values written for the reader, also a list of
 * days ("2026-01-13, 2026-03-10"): models name days in ISO because they do not know the reader.
 */
export function withReadableDayLists(message: Message, language: Language): Message {
  const { key, values } = splitMessageKey(message);
  const entries = Object.entries(values);
  if (entries.length === 0) return message;
  const readable = (value: string) => {
    const days = value.split(", ");
    return days.every(isIsoDay) ? days.map((day) => formatDay(day, language)).join(", ") : value;
  };
  return messageKey(key, Object.fromEntries(entries.map(([name, value]) => [name, readable(value)])));
}
