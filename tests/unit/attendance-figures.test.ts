import { describe, expect, it } from "vitest";
import {
  assembleYearOverview,
  type BodyYear,
  averageText,
  figurePeriodFrom,
  figureSortFrom,
  type FigureRow,
  groupByLevel,
  groupBySubregion,
  groupingFrom,
  lastTwelveMonths,
  nextSort,
  overviewYears,
  percentText,
  rateBars,
  reportLine,
  sortFigureRows,
  STANDING,
  type StatusCount,
  tallyBodies,
  tallyOrganisations,
  tallyPeople,
  yearFrom,
} from "../../app/services/attendance-figures";
import { translator } from "../../app/i18n/index";
import { yearGroupName } from "../../app/services/meeting-report-tables";

const counted = (groupId: number, status: StatusCount["status"], count = 1): StatusCount => ({
  groupId,
  status,
  count,
});

describe("a person's attendance figures", () => {
  const own = [
    counted(10, "aanwezig"),
    counted(10, "afgemeld"),
    counted(10, "vervangen"),
    counted(10, "afwezig"),
    counted(10, "gast"),
  ];
  const stoodIn = [{ groupId: 20, count: 1 }];

  it("counts each status and rates present ÷ expected, a replacement not being presence", () => {
    const [anna] = tallyPeople(own, stoodIn).filter((tally) => tally.groupId === 10);
    expect(anna).toMatchObject({
      held: 4,
      expected: 4,
      present: 1,
      excused: 1,
      replaced: 1,
      absent: 1,
      guest: 1,
      asSubstitute: 0,
    });
    expect(anna?.rate).toBe(0.25);
  });

  it("leaves guest visits out of the rate", () => {
    const [guestOnly] = tallyPeople([counted(11, "gast")], []);
    expect(guestOnly).toMatchObject({ held: 0, guest: 1, rate: null });
  });

  it("credits the substitute with a meeting stood in at, outside their own rate", () => {
    const substitute = tallyPeople(own, stoodIn).find((tally) => tally.groupId === 20);
    expect(substitute).toMatchObject({ asSubstitute: 1, held: 0, expected: 0, rate: null });
  });

  it("adds up counts of several rows", () => {
    const [anna] = tallyPeople([counted(10, "aanwezig", 3), counted(10, "afwezig", 1)], []);
    expect(anna).toMatchObject({ held: 4, present: 3, absent: 1, rate: 0.75 });
  });
});

describe("an organisation's attendance figures", () => {
  it("is represented at meetings where its best status was present or replaced; guest meetings apart", () => {
    const [organisation] = tallyOrganisations([
      counted(7, "aanwezig"),
      counted(7, "vervangen"),
      counted(7, "afgemeld"),
      counted(7, "gast"),
    ]);
    expect(organisation).toMatchObject({
      groupId: 7,
      held: 3,
      present: 1,
      replaced: 1,
      excused: 1,
      absent: 0,
      guest: 1,
    });
    expect(organisation?.rate).toBeCloseTo(2 / 3);
  });

  it("ranks the statuses of its people at a meeting: present, replaced, apologies, absent", () => {
    expect(STANDING).toEqual(["aanwezig", "vervangen", "afgemeld", "afwezig"]);
  });
});

describe("a body's attendance figures", () => {
  it("counts every held meeting, rates present ÷ expected members and averages those at the table per recorded meeting", () => {
    const [body] = tallyBodies(
      [{ groupId: 1, count: 3 }],
      [counted(1, "aanwezig", 2), counted(1, "vervangen"), counted(1, "afgemeld"), counted(1, "gast")],
      [{ groupId: 1, count: 2 }],
    );
    expect(body).toMatchObject({
      groupId: 1,
      held: 3,
      registered: 2,
      expected: 4,
      present: 2,
      replaced: 1,
      excused: 1,
      guest: 1,
    });
    expect(body?.rate).toBe(0.5);
    expect(body?.averageAtTable).toBe(1.5);
  });

  it("has no rate for a body whose attendance was never recorded", () => {
    const [body] = tallyBodies([{ groupId: 4, count: 1 }], [], []);
    expect(body).toMatchObject({ held: 1, registered: 0, rate: null, averageAtTable: null });
  });
});

const row = (groupId: number, name: string, rate: number | null, held = 1): FigureRow => ({
  groupId,
  name,
  nameParts: null,
  abbreviation: null,
  level: null,
  held,
  registered: held,
  expected: held,
  present: 0,
  excused: 0,
  absent: 0,
  replaced: 0,
  guest: 0,
  asSubstitute: 0,
  rate,
  averageAtTable: null,
});

describe("ordering the figures", () => {
  const rows = [
    row(1, "Zuyderland", 0.5),
    row(2, "Envida", null),
    row(3, "Mosae Zorggroep", 0.9),
    row(4, "Cicero", 0.5),
  ];

  it("orders by rate, ties by name, rows without a rate last in either direction", () => {
    expect(sortFigureRows(rows, { column: "rate", direction: "desc" }).map((r) => r.name)).toEqual([
      "Mosae Zorggroep",
      "Cicero",
      "Zuyderland",
      "Envida",
    ]);
    expect(sortFigureRows(rows, { column: "rate", direction: "asc" }).map((r) => r.name)).toEqual([
      "Cicero",
      "Zuyderland",
      "Mosae Zorggroep",
      "Envida",
    ]);
  });

  it("orders people on achternaam, ignoring the tussenvoegsel", () => {
    const people = [
      { ...row(1, "Piet de Vries", 1), nameParts: { first_name: "Piet", infix: "de", last_name: "Vries" } },
      { ...row(2, "Anna van den Berg", 1), nameParts: { first_name: "Anna", infix: "van den", last_name: "Berg" } },
    ];
    expect(sortFigureRows(people, { column: "name", direction: "asc" }).map((r) => r.groupId)).toEqual([2, 1]);
  });

  it("reads the sort from the URL, refusing a column the grouping does not have", () => {
    expect(figureSortFrom(new URLSearchParams("sortering=opkomst"), "person")).toEqual({
      column: "rate",
      direction: "desc",
    });
    expect(figureSortFrom(new URLSearchParams("sortering=opkomst&volgorde=oplopend"), "body")).toEqual({
      column: "rate",
      direction: "asc",
    });
    expect(figureSortFrom(new URLSearchParams("sortering=gemiddeld"), "person")).toEqual({
      column: "name",
      direction: "asc",
    });
  });

  it("turns the order round when the sorted column's header is chosen again", () => {
    expect(nextSort({ column: "rate", direction: "desc" }, "rate")).toEqual({ column: "rate", direction: "asc" });
    expect(nextSort({ column: "rate", direction: "asc" }, "name")).toEqual({ column: "name", direction: "asc" });
    expect(nextSort({ column: "name", direction: "asc" }, "present")).toEqual({ column: "present", direction: "desc" });
  });

  it("reads the grouping from the URL, people when unknown", () => {
    expect(groupingFrom("gremium")).toBe("body");
    expect(groupingFrom("organisatie")).toBe("organisation");
    expect(groupingFrom("iets")).toBe("person");
  });
});

describe("the rate chart", () => {
  it("draws the first rows with a rate, in table order, on a fixed 0–100 % scale", () => {
    const bars = rateBars([row(1, "A", 0.25), row(2, "B", null), row(3, "C", 1), row(4, "D", 0)], 2);
    expect(bars).toEqual([
      { id: 1, name: "A", rate: 0.25, width: 25 },
      { id: 3, name: "C", rate: 1, width: 100 },
    ]);
  });

  it("writes rates as whole percentages and averages with one decimal", () => {
    expect(percentText(2 / 3)).toBe("67%");
    expect(percentText(null)).toBe("–");
    expect(averageText(1.5, "nl")).toBe("1,5");
    expect(averageText(4, "en")).toBe("4.0");
  });
});

describe("the period of the figures", () => {
  it("is by default the twelve months up to today, both ends counted", () => {
    expect(lastTwelveMonths("2026-03-15")).toEqual({ from: "2025-03-16", to: "2026-03-15" });
    expect(lastTwelveMonths("2025-12-31")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(lastTwelveMonths("2028-02-29")).toEqual({ from: "2027-03-01", to: "2028-02-29" });
  });

  it("takes the days from the URL and reports those that are not days", () => {
    expect(figurePeriodFrom(new URLSearchParams("van=2025-01-01&tot=2025-06-30"), "2026-03-15")).toEqual({
      from: "2025-01-01",
      to: "2025-06-30",
      invalid: [],
      reversed: false,
    });
    expect(figurePeriodFrom(new URLSearchParams("van=2025-02-30"), "2026-03-15")).toEqual({
      from: "2025-03-16",
      to: "2026-03-15",
      invalid: ["2025-02-30"],
      reversed: false,
    });
    expect(figurePeriodFrom(new URLSearchParams("van=2025-07-01&tot=2025-06-30"), "2026-03-15").reversed).toBe(true);
  });
});

const body = (values: Partial<BodyYear> & Pick<BodyYear, "id" | "name" | "level" | "held">): BodyYear => ({
  abbreviation: null,
  subregions: [],
  regionId: 1,
  regionName: "Zuid-Limburg",
  meetingsPerYear: null,
  meetingsPerYearMax: null,
  planned: 0,
  cancelled: 0,
  ...values,
});

describe("the year overview", () => {
  const bodies = [
    body({
      id: 1,
      name: "Bestuurlijke Regiegroep",
      abbreviation: "BRGZL",
      level: "strategisch",
      held: 4,
      meetingsPerYear: 4,
    }),
    body({
      id: 2,
      name: "Coördinatieoverleg",
      abbreviation: "CMO",
      level: "tactisch",
      held: 22,
      planned: 1,
      meetingsPerYear: 20,
    }),
    body({
      id: 3,
      name: "Bestuurlijk Afstemmingsteam",
      abbreviation: "BAT",
      level: "strategisch",
      held: 5,
      cancelled: 1,
    }),
    body({
      id: 4,
      name: "DB Mijnstreek Coalitie",
      level: "tactisch",
      held: 8,
      subregions: [{ id: 9, name: "Westelijke Mijnstreek" }],
    }),
    body({
      id: 5,
      name: "Werkgroep Wonen",
      level: "operationeel",
      held: 0,
      meetingsPerYear: 6,
      subregions: [{ id: 8, name: "Parkstad" }],
    }),
  ];

  it("puts the counts on their bodies and lists every event kind", () => {
    const overview = assembleYearOverview(
      2025,
      [
        {
          id: 1,
          name: "BRG",
          abbreviation: null,
          level: "strategisch",
          subregions: [],
          regionId: 1,
          regionName: "Zuid-Limburg",
          meetingsPerYear: 4,
          meetingsPerYearMax: 4,
        },
      ],
      [
        { bodyId: 1, kind: "vergadering", status: "gehouden", count: 3 },
        { bodyId: 1, kind: "vergadering", status: "geannuleerd", count: 1 },
        { bodyId: null, kind: "heisessie", status: "gehouden", count: 2 },
        { bodyId: null, kind: "heisessie", status: "gepland", count: 1 },
      ],
    );
    expect(overview.bodies).toEqual([
      expect.objectContaining({ id: 1, held: 3, planned: 0, cancelled: 1, meetingsPerYear: 4 }),
    ]);
    expect(overview.events).toEqual([
      { kind: "brede_netwerkbijeenkomst", held: 0, planned: 0, cancelled: 0 },
      { kind: "heisessie", held: 2, planned: 1, cancelled: 0 },
      { kind: "leerbijeenkomst", held: 0, planned: 0, cancelled: 0 },
      { kind: "themasessie", held: 0, planned: 0, cancelled: 0 },
    ]);
  });

  it("groups by level, strategic first, most meetings first, with totals", () => {
    const groups = groupByLevel(bodies);
    expect(groups.map((g) => [g.level, g.rows.map((r) => r.id)])).toEqual([
      ["strategisch", [3, 1]],
      ["tactisch", [2, 4]],
      ["operationeel", [5]],
    ]);
    expect(groups[1]?.totals).toEqual({
      held: 30,
      planned: 1,
      cancelled: 0,
      meetingsPerYear: 20,
      meetingsPerYearMax: 20,
    });
  });

  it("groups by subregion, the whole region first, then subregions by name", () => {
    const groups = groupBySubregion(bodies);
    expect(groups.map((g) => [g.subregionName, g.rows.map((r) => r.id)])).toEqual([
      [null, [3, 1, 2]],
      ["Parkstad", [5]],
      ["Westelijke Mijnstreek", [4]],
    ]);
    expect(groups[0]).toMatchObject({ key: "regio-1", regionName: "Zuid-Limburg" });
    expect(yearGroupName(translator("nl"), groups[0]!)).toBe("regio Zuid-Limburg");
  });

  it("keeps the bodies of two regions without a subregion apart, each named by its region", () => {
    const noord = body({
      id: 9,
      name: "Stuurgroep",
      level: "strategisch",
      held: 1,
      regionId: 2,
      regionName: "Noord-Limburg",
    });
    const groups = groupBySubregion([...bodies, noord]);
    expect(groups.slice(0, 2).map((g) => [g.regionName, g.rows.map((r) => r.id)])).toEqual([
      ["Noord-Limburg", [9]],
      ["Zuid-Limburg", [3, 1, 2]],
    ]);
  });

  it("writes the report line by level then count, with the abbreviation when there is one, leaving out bodies that did not meet", () => {
    expect(reportLine(bodies)).toBe("5× BAT, 4× BRGZL, 22× CMO, 8× DB Mijnstreek Coalitie");
  });

  it("shows the year just ended by default once it has meetings, else the current year", () => {
    expect(overviewYears([2026, 2025, 2024], "2026-02-10", null)).toEqual({ years: [2026, 2025, 2024], year: 2025 });
    expect(overviewYears([2026], "2026-02-10", null)).toEqual({ years: [2026], year: 2026 });
    expect(overviewYears([], "2026-02-10", 2019)).toEqual({ years: [2026, 2019], year: 2019 });
  });

  it("reads a four-digit year from the URL and reports anything else", () => {
    expect(yearFrom(new URLSearchParams("jaar=2025"))).toEqual({ year: 2025, invalid: null });
    expect(yearFrom(new URLSearchParams("jaar=vorig"))).toEqual({ year: null, invalid: "vorig" });
    expect(yearFrom(new URLSearchParams(""))).toEqual({ year: null, invalid: null });
  });
});
