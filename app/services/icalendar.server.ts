import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalEventStatus } from "ical-generator";
import type { ClockTime, IsoDate, IsoMoment, MeetingKind, MeetingStatus } from "../../db/schema";
import { addDays } from "./periods";
import { wallClock } from "./wall-clock.server";

/** Meetings as iCalendar (RFC 5545) text, for a one-meeting download and for a body's subscription feed. */

const MEETING_TIME_ZONE = "Europe/Amsterdam";

/** What a calendar entry shows of a meeting: no attendees, no minutes (a feed needs no login). */
export interface CalendarMeeting {
  id: number;
  version: number;
  kind: MeetingKind;
  title: string;
  date: IsoDate;
  start_time: ClockTime | null;
  end_time: ClockTime | null;
  location: string | null;
  online_url: string | null;
  agenda: string | null;
  status: MeetingStatus;
  updated_at: IsoMoment;
  body_name: string | null;
  body_abbreviation: string | null;
}

export interface CalendarTexts {
  /** the name of an event kind (brede netwerkbijeenkomst, …), which leads an event's summary */
  kind: (kind: MeetingKind) => string;
  /** the description's line before the online link */
  online: string;
  /** the description's line before the link to the meeting's page */
  page: string;
}

export interface CalendarOptions {
  /** the site's origin (`https://kring.example`): the meeting pages' addresses and the UIDs' host */
  origin: string;
  texts: CalendarTexts;
  /** the calendar's name, shown by a subscribing application (a body's feed) */
  name?: string;
  /** how often a subscribing application should fetch the feed again */
  refreshSeconds?: number;
}

/**
 * A planned meeting whose time is not known yet is only pencilled in; a cancelled one stays in the
 * output as CANCELLED so that calendars which had it remove it.
 */
function calendarStatus(meeting: Pick<CalendarMeeting, "status" | "start_time">): ICalEventStatus {
  if (meeting.status === "geannuleerd") return ICalEventStatus.CANCELLED;
  if (meeting.status === "gepland" && meeting.start_time === null) return ICalEventStatus.TENTATIVE;
  return ICalEventStatus.CONFIRMED;
}

/** "CMO: Vergadering april" for a body's meeting, "Heisessie: Koers 2026" for a network event. */
function calendarSummary(meeting: CalendarMeeting, texts: CalendarTexts): string {
  const lead = meeting.body_name === null ? texts.kind(meeting.kind) : (meeting.body_abbreviation ?? meeting.body_name);
  return `${lead}: ${meeting.title}`;
}

export function meetingsToIcs(meetings: readonly CalendarMeeting[], options: CalendarOptions): string {
  const calendar = ical({
    prodId: { company: "Kring", product: "Kring", language: "NL" },
    name: options.name ?? null,
    ttl: options.refreshSeconds ?? null,
    // The generator adds the VTIMEZONE of every event's zone. The calendar itself gets no zone name:
    // with one, the library writes DTSTAMP in local time without the "Z" that RFC 5545 requires.
    timezone: { name: null, generator: getVtimezoneComponent },
    x: [{ key: "X-WR-TIMEZONE", value: MEETING_TIME_ZONE }],
  });
  const host = new URL(options.origin).host;
  for (const meeting of meetings) {
    const page = `${options.origin}/vergaderingen/${meeting.id}`;
    const description = [
      meeting.agenda?.trim() || null,
      meeting.online_url ? `${options.texts.online} ${meeting.online_url}` : null,
      `${options.texts.page} ${page}`,
    ].filter((line) => line !== null);
    const allDay = meeting.start_time === null;
    calendar.createEvent({
      id: `meeting-${meeting.id}@${host}`,
      sequence: meeting.version,
      stamp: new Date(meeting.updated_at),
      lastModified: new Date(meeting.updated_at),
      timezone: MEETING_TIME_ZONE,
      allDay,
      start: wallClock(meeting.date, meeting.start_time ?? "00:00"),
      // an all-day event ends (exclusively) on the next day; a meeting without an end time has none
      end: allDay
        ? wallClock(addDays(meeting.date, 1), "00:00")
        : meeting.end_time
          ? wallClock(meeting.date, meeting.end_time)
          : null,
      summary: calendarSummary(meeting, options.texts),
      location: meeting.location ?? meeting.online_url,
      url: meeting.online_url ?? page,
      description: description.join("\n\n"),
      status: calendarStatus(meeting),
    });
  }
  return calendar.toString();
}
