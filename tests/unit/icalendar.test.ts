import { afterEach, describe, expect, it } from "vitest";
import { type CalendarMeeting, meetingsToIcs } from "../../app/services/icalendar.server";
import { parseIcs } from "../support/calendar";

const texts = { kind: (kind: string) => `soort ${kind}`, online: "Online:", page: "Pagina:" };
const origin = "https://kring.example";

let id = 0;
function meeting(values: Partial<CalendarMeeting> & Pick<CalendarMeeting, "date">): CalendarMeeting {
  id += 1;
  return {
    id,
    version: 1,
    kind: "vergadering",
    title: "Overleg",
    start_time: "14:00",
    end_time: "16:00",
    location: "Heerlen",
    online_url: null,
    agenda: null,
    status: "gepland",
    updated_at: "2025-02-01T09:30:00.000Z",
    body_name: "Coördinerend Medisch Overleg",
    body_abbreviation: "CMO",
    ...values,
  };
}

const serverZone = process.env.TZ;
afterEach(() => {
  if (serverZone === undefined) delete process.env.TZ;
  else process.env.TZ = serverZone;
});

/** Generates as a server in that zone would: Node re-reads TZ when it is assigned. */
function generatedIn(zone: string, meetings: CalendarMeeting[]) {
  process.env.TZ = zone;
  // proves the switch took: 1 July 12:00 UTC reads 14:00 in Amsterdam, 08:00 in New York, 12:00 in UTC
  const julyNoon = new Date(Date.UTC(2025, 6, 1, 12)).getHours();
  expect(julyNoon).toBe({ UTC: 12, "America/New_York": 8, "Europe/Amsterdam": 14 }[zone]);
  return meetingsToIcs(meetings, { origin, texts, name: "CMO" });
}

const SERVER_ZONES = ["UTC", "America/New_York", "Europe/Amsterdam"] as const;

describe.each(SERVER_ZONES)("meetings as iCalendar on a server in %s", (zone) => {
  it("keeps 14:00 Amsterdam time on both sides of the daylight-saving changes", () => {
    const meetings = [
      meeting({ date: "2025-03-29", start_time: "14:00", end_time: "16:00" }),
      meeting({ date: "2025-03-30", start_time: "14:00", end_time: "16:00" }),
      meeting({ date: "2025-10-25", start_time: "14:00", end_time: "16:00" }),
      meeting({ date: "2025-10-26", start_time: "14:00", end_time: "16:00" }),
    ];
    const { events, timeZones } = parseIcs(generatedIn(zone, meetings));
    expect(timeZones).toEqual(["Europe/Amsterdam"]);
    expect(events.map((event) => [event.zone, event.localStart, event.utcStart, event.utcEnd])).toEqual([
      ["Europe/Amsterdam", "2025-03-29T14:00:00", "2025-03-29T13:00:00.000Z", "2025-03-29T15:00:00.000Z"],
      ["Europe/Amsterdam", "2025-03-30T14:00:00", "2025-03-30T12:00:00.000Z", "2025-03-30T14:00:00.000Z"],
      ["Europe/Amsterdam", "2025-10-25T14:00:00", "2025-10-25T12:00:00.000Z", "2025-10-25T14:00:00.000Z"],
      ["Europe/Amsterdam", "2025-10-26T14:00:00", "2025-10-26T13:00:00.000Z", "2025-10-26T15:00:00.000Z"],
    ]);
  });

  it("writes an hour the server's own clock skips, as given", () => {
    // New York's clocks skip 02:00-03:00 on 9 March 2025; Amsterdam's do not
    const { events } = parseIcs(
      generatedIn(zone, [meeting({ date: "2025-03-09", start_time: "02:30", end_time: "03:30" })]),
    );
    expect(events[0]).toMatchObject({ localStart: "2025-03-09T02:30:00", utcStart: "2025-03-09T01:30:00.000Z" });
  });

  it("writes Amsterdam's repeated hour as given, and moves its skipped hour forward as its clocks did", () => {
    const { events } = parseIcs(
      generatedIn(zone, [
        meeting({ date: "2025-10-26", start_time: "02:30", end_time: "04:00" }),
        meeting({ date: "2025-03-30", start_time: "02:30", end_time: "04:00" }),
      ]),
    );
    expect(events.map((event) => event.localStart)).toEqual(["2025-10-26T02:30:00", "2025-03-30T03:30:00"]);
  });

  it("writes the moment of the last change as DTSTAMP in UTC", () => {
    const { events } = parseIcs(
      generatedIn(zone, [meeting({ date: "2025-06-01", updated_at: "2025-05-20T07:15:00.000Z" })]),
    );
    expect(events[0]!.stamp).toBe("2025-05-20T07:15:00Z");
  });
});

describe("a meeting as a calendar entry", () => {
  it("has a stable UID on the site's host and the meeting's version as SEQUENCE", () => {
    const planned = meeting({ date: "2025-06-01", version: 4 });
    const { events } = parseIcs(meetingsToIcs([planned], { origin, texts }));
    expect(events[0]).toMatchObject({ uid: `meeting-${planned.id}@kring.example`, sequence: 4 });
  });

  it("leads the summary with the body's abbreviation, else its name, and an event's with its kind", () => {
    const { events } = parseIcs(
      meetingsToIcs(
        [
          meeting({ date: "2025-06-01", title: "Juni" }),
          meeting({ date: "2025-06-02", title: "Juni", body_abbreviation: null, body_name: "Werkgroep Wonen" }),
          meeting({ date: "2025-06-03", title: "Koers", kind: "heisessie", body_name: null, body_abbreviation: null }),
        ],
        { origin, texts },
      ),
    );
    expect(events.map((event) => event.summary)).toEqual([
      "CMO: Juni",
      "Werkgroep Wonen: Juni",
      "soort heisessie: Koers",
    ]);
  });

  it("links the online meeting, else the meeting's page, and carries the agenda", () => {
    const online = meeting({
      date: "2025-06-01",
      location: null,
      online_url: "https://meet.example/cmo",
      agenda: "1. Opening\n2. Rondvraag",
    });
    const inPerson = meeting({ date: "2025-06-02", location: "Provinciehuis, Maastricht" });
    const { events } = parseIcs(meetingsToIcs([online, inPerson], { origin, texts }));
    expect(events[0]).toMatchObject({ url: "https://meet.example/cmo", location: "https://meet.example/cmo" });
    expect(events[0]!.description).toBe(
      `1. Opening\n2. Rondvraag\n\nOnline: https://meet.example/cmo\n\nPagina: ${origin}/vergaderingen/${online.id}`,
    );
    expect(events[1]).toMatchObject({
      url: `${origin}/vergaderingen/${inPerson.id}`,
      location: "Provinciehuis, Maastricht",
    });
  });

  it("makes a meeting without times an all-day entry on its date", () => {
    const { events } = parseIcs(
      meetingsToIcs([meeting({ date: "2025-12-31", start_time: null, end_time: null, status: "gehouden" })], {
        origin,
        texts,
      }),
    );
    expect(events[0]).toMatchObject({
      allDay: true,
      localStart: "2025-12-31",
      localEnd: "2026-01-01",
      status: "CONFIRMED",
    });
  });

  it("marks cancelled meetings CANCELLED, held ones CONFIRMED, and a planned one without a time TENTATIVE", () => {
    const { events } = parseIcs(
      meetingsToIcs(
        [
          meeting({ date: "2025-06-01", status: "geannuleerd" }),
          meeting({ date: "2025-06-02", status: "gehouden" }),
          meeting({ date: "2025-06-03", status: "gepland" }),
          meeting({ date: "2025-06-04", status: "gepland", start_time: null, end_time: null }),
        ],
        { origin, texts },
      ),
    );
    expect(events.map((event) => event.status)).toEqual(["CANCELLED", "CONFIRMED", "CONFIRMED", "TENTATIVE"]);
  });

  it("has no end when only the start time is known", () => {
    const { events } = parseIcs(meetingsToIcs([meeting({ date: "2025-06-01", end_time: null })], { origin, texts }));
    expect(events[0]).toMatchObject({ localStart: "2025-06-01T14:00:00", localEnd: null });
  });

  it("names a feed after its body and asks subscribers to refresh", () => {
    const text = meetingsToIcs([], { origin, texts, name: "Bestuurlijke Regiegroep", refreshSeconds: 3600 });
    expect(parseIcs(text).name).toBe("Bestuurlijke Regiegroep");
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    expect(text).toContain("X-WR-TIMEZONE:Europe/Amsterdam\r\n");
  });
});
