import type {
  ICalTemporalInstantStub,
  ICalTemporalPlainDateStub,
  ICalTemporalPlainDateTimeStub,
  ICalTemporalZonedDateTimeStub,
} from "ical-generator";
import type { ClockTime, IsoDate } from "../../db/schema";
import { readingOf, type WallClockReading, wallClockInstant } from "./zoned-time";

/**
 * A meeting's wall-clock date and time handed to ical-generator as a Temporal.PlainDateTime (one of
 * the library's documented input types), instead of a JS Date or string.
 *
 * Why: with a time zone set, ical-generator writes a Date or string through the *server's* local
 * getters (`getHours()`), so the hour written would depend on the server's TZ. A PlainDateTime is
 * converted with `toZonedDateTime(zone)` and written from its own fields: the meeting's 14:00 comes
 * out as 14:00 Europe/Amsterdam whatever zone the server runs in. Node 20 has no Temporal, so this
 * is the part of its interface the library uses, with zone arithmetic done by Intl.
 */

type Fields = WallClockReading;

const pad = (value: number, width = 2) => String(value).padStart(width, "0");
const isoDay = (f: Pick<Fields, "year" | "month" | "day">) => `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
const isoDateTime = (f: Fields) => `${isoDay(f)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;

function instant(epochMilliseconds: number): ICalTemporalInstantStub {
  const text = () => new Date(epochMilliseconds).toISOString();
  return {
    epochMilliseconds,
    toJSON: text,
    toString: text,
    toZonedDateTimeISO: (zone) => zonedDateTime(epochMilliseconds, zone),
  };
}

function zonedDateTime(epochMilliseconds: number, zone: string): ICalTemporalZonedDateTimeStub {
  const fields = readingOf(epochMilliseconds, zone);
  const text = () => `${isoDateTime(fields)}[${zone}]`;
  return {
    ...fields,
    timeZoneId: zone,
    toInstant: () => instant(epochMilliseconds),
    toPlainDateTime: () => plainDateTime(fields),
    withTimeZone: (other) => zonedDateTime(epochMilliseconds, other),
    toJSON: text,
    toString: text,
  };
}

function plainDate(fields: Pick<Fields, "year" | "month" | "day">): ICalTemporalPlainDateStub {
  const text = () => isoDay(fields);
  return { year: fields.year, month: fields.month, day: fields.day, toJSON: text, toString: text };
}

function plainDateTime(fields: Fields): ICalTemporalPlainDateTimeStub {
  const text = () => isoDateTime(fields);
  return {
    ...fields,
    toPlainDate: () => plainDate(fields),
    toZonedDateTime: (zone) => zonedDateTime(wallClockInstant(fields, zone), zone),
    toJSON: text,
    toString: text,
  };
}

function dayFields(date: IsoDate) {
  const [year, month, day] = date.split("-").map(Number);
  if (!year || !month || !day) throw new RangeError(`not an ISO day: ${date}`);
  return { year, month, day };
}

/** A date and `HH:MM` on the wall clock, in no zone yet (for an all-day event, only its date is written). */
export function wallClock(date: IsoDate, time: ClockTime): ICalTemporalPlainDateTimeStub {
  const [hour, minute] = time.split(":").map(Number);
  if (hour === undefined || minute === undefined || Number.isNaN(hour) || Number.isNaN(minute)) {
    throw new RangeError(`not a clock time: ${time}`);
  }
  return plainDateTime({ ...dayFields(date), hour, minute, second: 0 });
}
