import type { IsoMoment } from "../../db/schema";

/**
 * A wall-clock reading in a time zone turned into the UTC moment it stands for, with the zone
 * arithmetic done by Intl (no date library; Node 20 has no Temporal). Survey tools write their
 * dates as the clock on the wall read them, mostly in Europe/Amsterdam; Kring stores UTC moments.
 */

export const AMSTERDAM = "Europe/Amsterdam";

export interface WallClockReading {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone ("Europe/Amsterdam" yes, "Mars/Olympus" no). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone. */
export function readingOf(epochMilliseconds: number, zone: string): WallClockReading {
  const parts = new Map(
    formatterFor(zone)
      .formatToParts(new Date(epochMilliseconds))
      .map((part) => [part.type, Number(part.value)]),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? 0;
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

/** The reading of the zone's clock at an instant, written as if it were UTC (milliseconds). */
function readingAt(epochMilliseconds: number, zone: string): number {
  const r = readingOf(epochMilliseconds, zone);
  return Date.UTC(r.year, r.month - 1, r.day, r.hour, r.minute, r.second);
}

const offsetAt = (epochMilliseconds: number, zone: string) =>
  readingAt(epochMilliseconds, zone) - (epochMilliseconds - (epochMilliseconds % 1000));

/**
 * The instant a reading stands for in the zone. As Temporal's default ("compatible") does, a
 * reading that occurs twice (the autumn change) is the earlier one, and one the spring change
 * skips is moved forward by the change (02:30 on the last Sunday of March is 03:30 summer time).
 */
export function wallClockInstant(reading: WallClockReading, zone: string = AMSTERDAM): number {
  const local = Date.UTC(reading.year, reading.month - 1, reading.day, reading.hour, reading.minute, reading.second);
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  if (before === after) return local - before;
  const candidates = [local - before, local - after].filter((instant) => readingAt(instant, zone) === local);
  return candidates.length > 0 ? Math.min(...candidates) : local - before;
}

/** The reading as a UTC ISO moment ("2026-10-03T12:12:00.000Z"). */
export function wallClockMoment(reading: WallClockReading, zone: string = AMSTERDAM): IsoMoment {
  return new Date(wallClockInstant(reading, zone)).toISOString();
}
