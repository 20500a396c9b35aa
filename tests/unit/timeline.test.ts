import { describe, expect, it } from "vitest";
import { personTimeline, type TimelineAffiliation, type TimelineSeat } from "../../app/services/timeline";

const job = (id: number, start: string | null, end: string | null, organisation = "Envida"): TimelineAffiliation => ({
  id,
  organisation_id: id * 10,
  organisation_name: organisation,
  function_title: "Beleidsadviseur",
  start_date: start,
  end_date: end,
});

const seat = (id: number, start: string, end: string | null, body = "BAT"): TimelineSeat => ({
  id,
  role: "lid",
  body_id: id * 100,
  body_name: body,
  organisation_id: null,
  organisation_name: null,
  constituency_sector_nl: null,
  constituency_sector_en: null,
  constituency_subregion_name: null,
  start_date: start,
  end_date: end,
});

/** The timeline as "day kind type id" lines, easy to compare. */
const lines = (events: ReturnType<typeof personTimeline>) =>
  events.map((e) => `${e.day ?? "?"} ${e.kind} ${e.type} ${e.item.id}`);

describe("a person's timeline", () => {
  it("merges jobs and seats into one list of starts and ends, newest first", () => {
    const timeline = personTimeline(
      [job(1, "2020-01-01", "2024-12-31"), job(2, "2025-01-01", null)],
      [seat(7, "2022-06-01", null)],
    );
    expect(lines(timeline)).toEqual([
      "2025-01-01 start affiliation 2",
      "2024-12-31 end affiliation 1",
      "2022-06-01 start seat 7",
      "2020-01-01 start affiliation 1",
    ]);
  });

  it("gives an ongoing job only a start, an ended one a start and an end", () => {
    const timeline = personTimeline([job(1, "2021-03-01", null), job(2, "2019-01-01", "2020-12-31")], []);
    expect(timeline.filter((e) => e.item.id === 1).map((e) => e.kind)).toEqual(["start"]);
    expect(timeline.filter((e) => e.item.id === 2).map((e) => e.kind)).toEqual(["end", "start"]);
  });

  it("lists a departure above an arrival on the same day, and a job above a seat", () => {
    const timeline = personTimeline(
      [job(1, "2023-01-01", "2025-03-01"), job(2, "2025-03-01", null, "Zuyderland")],
      [seat(5, "2025-03-01", null), seat(4, "2023-01-01", "2025-03-01")],
    );
    expect(lines(timeline).slice(0, 4)).toEqual([
      "2025-03-01 end affiliation 1",
      "2025-03-01 end seat 4",
      "2025-03-01 start affiliation 2",
      "2025-03-01 start seat 5",
    ]);
  });

  it("puts a job whose start nobody recorded at the bottom, its end still in place", () => {
    const timeline = personTimeline([job(1, null, "2024-06-30"), job(2, "2018-01-01", null), job(3, null, null)], []);
    expect(lines(timeline)).toEqual([
      "2024-06-30 end affiliation 1",
      "2018-01-01 start affiliation 2",
      "? start affiliation 3",
      "? start affiliation 1",
    ]);
  });

  it("is empty for someone without jobs or seats", () => {
    expect(personTimeline([], [])).toEqual([]);
  });

  it("keeps the whole job or seat on each event, for the page to link and describe", () => {
    const [event] = personTimeline([], [seat(9, "2024-01-01", null, "Bestuurlijke Regiegroep")]);
    expect(event).toMatchObject({ type: "seat", item: { body_name: "Bestuurlijke Regiegroep", role: "lid" } });
  });
});
