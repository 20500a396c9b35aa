import ICAL from "ical.js";

/** One VEVENT as a calendar application reads it (Mozilla's ical.js, the parser of Thunderbird). */
export interface ParsedEvent {
  uid: string;
  sequence: number;
  summary: string;
  status: string;
  location: string | null;
  url: string | null;
  description: string | null;
  allDay: boolean;
  /** the TZID the start was written in (null for all-day and UTC times) */
  zone: string | null;
  /** the start as written: `2025-03-30T14:00:00`, or `2025-12-31` for an all-day event */
  localStart: string;
  localEnd: string | null;
  /** the start as an instant, ISO UTC */
  utcStart: string;
  utcEnd: string | null;
  stamp: string;
}

export interface ParsedCalendar {
  name: string | null;
  timeZones: string[];
  events: ParsedEvent[];
}

const utc = (time: ICAL.Time) => new Date(time.toUnixTime() * 1000).toISOString();

/**
 * Parses iCalendar text the way Thunderbird does. ical.js knows no zone but UTC by itself: the
 * file's own VTIMEZONE definitions are registered first, so the instants found depend on them.
 */
export function parseIcs(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timeZones = calendar.getAllSubcomponents("vtimezone").map((component) => {
    const zone = new ICAL.Timezone(component);
    ICAL.TimezoneService.register(zone, zone.tzid);
    return zone.tzid;
  });
  const events = calendar.getAllSubcomponents("vevent").map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    const start = event.startDate;
    const end = component.hasProperty("dtend") ? event.endDate : null;
    const text = (name: string) => {
      const value = component.getFirstPropertyValue(name);
      return value === null ? null : String(value);
    };
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      status: text("status") ?? "",
      location: text("location"),
      url: text("url"),
      description: text("description"),
      allDay: start.isDate,
      zone: component.getFirstProperty("dtstart")?.getParameter("tzid")?.toString() ?? null,
      localStart: start.toString(),
      localEnd: end?.toString() ?? null,
      utcStart: utc(start),
      utcEnd: end ? utc(end) : null,
      stamp: (component.getFirstPropertyValue("dtstamp") as ICAL.Time).toString(),
    };
  });
  const name = calendar.getFirstPropertyValue("x-wr-calname");
  return { name: name === null ? null : String(name), timeZones, events };
}
