import { describe, expect, it } from "vitest";
import type { PanelAttributes } from "../../app/services/panel-rules-schema";
import { MAX_DAYS_SHOWN, type RespondingMember, responseRates, seriesDays } from "../../app/services/response-rates";

const brg = { id: 1, name: "Bestuurlijke Regiegroep", abbreviation: "BRG", level: "strategisch", role: "lid" } as const;
const adviesteam = { id: 2, name: "Adviesteam", abbreviation: null, level: "tactisch", role: "lid" } as const;

function attributes(overrides: Partial<PanelAttributes>): PanelAttributes {
  return {
    organisationId: 1,
    organisationName: "GGD Zuid Limburg",
    organisationShortName: null,
    sectorCode: "ggd",
    sectorName: "GGD",
    subregions: ["Parkstad"],
    level: "strategisch",
    bodies: [brg],
    roles: ["lid"],
    ...overrides,
  };
}

const welzijn = attributes({
  organisationName: "Welzijn Mijnstreek",
  sectorCode: "welzijn",
  sectorName: "Welzijn",
  subregions: [],
  level: "tactisch",
  bodies: [adviesteam],
});

const member = (
  attrs: PanelAttributes,
  response: Partial<Pick<RespondingMember, "startedAt" | "completedAt" | "excluded">> = {},
): RespondingMember => ({ attributes: attrs, excluded: false, startedAt: null, completedAt: null, ...response });

const options = { firstInvitation: "2026-10-01T07:00:00.000Z", today: "2026-10-05", closesOn: null, closed: false };

describe("response rates", () => {
  const members = [
    member(attributes({}), { completedAt: "2026-10-02T12:00:00.000Z" }),
    member(attributes({ subregions: ["Westelijke Mijnstreek", "Parkstad"], bodies: [brg, adviesteam] }), {
      startedAt: "2026-10-03T08:00:00.000Z",
    }),
    member(welzijn, { startedAt: "2026-10-01T20:00:00.000Z", completedAt: "2026-10-03T22:30:00.000Z" }),
    member(welzijn),
    // excluded later: counts nowhere, even though they completed
    member(welzijn, { excluded: true, completedAt: "2026-10-02T09:00:00.000Z" }),
  ];

  it("counts completed ÷ members not excluded, and a completion as a start", () => {
    const rates = responseRates(members, options);
    expect(rates.total).toEqual({ members: 4, started: 3, completed: 2, rate: 0.5 });
    expect(rates.excluded).toBe(1);
  });

  it("per level, sector, subregion and body, a member in every subregion and body they belong to; none last", () => {
    const { strata } = responseRates(members, options);
    const rows = (list: typeof strata.level) => list.map((s) => [s.key, s.members, s.started, s.completed, s.rate]);
    expect(rows(strata.level)).toEqual([
      ["strategisch", 2, 2, 1, 0.5],
      ["tactisch", 2, 1, 1, 0.5],
    ]);
    expect(rows(strata.sector)).toEqual([
      ["ggd", 2, 2, 1, 0.5],
      ["welzijn", 2, 1, 1, 0.5],
    ]);
    expect(rows(strata.subregion)).toEqual([
      ["Parkstad", 2, 2, 1, 0.5],
      ["Westelijke Mijnstreek", 1, 1, 0, 0],
      ["", 2, 1, 1, 0.5],
    ]);
    expect(strata.body.map((s) => [s.name, s.level, s.members, s.completed])).toEqual([
      ["Bestuurlijke Regiegroep (BRG)", "strategisch", 2, 1],
      ["Adviesteam", "tactisch", 3, 1],
    ]);
  });

  it("per day from the first invitation to today, cumulative, on Amsterdam days", () => {
    const { days } = responseRates(members, options);
    expect(days).toEqual([
      { day: "2026-10-01", started: 1, completed: 0, rate: 0 },
      { day: "2026-10-02", started: 2, completed: 1, rate: 0.25 },
      { day: "2026-10-03", started: 3, completed: 1, rate: 0.25 },
      // 22:30 UTC on 3 October is 00:30 on the 4th in Amsterdam
      { day: "2026-10-04", started: 3, completed: 2, rate: 0.5 },
      { day: "2026-10-05", started: 3, completed: 2, rate: 0.5 },
    ]);
  });

  it("has no series before anything was sent or answered, and no rate without members", () => {
    const rates = responseRates([], { ...options, firstInvitation: null });
    expect(rates.days).toEqual([]);
    expect(rates.total).toEqual({ members: 0, started: 0, completed: 0, rate: null });
  });
});

describe("the days of the series", () => {
  const open = { today: "2026-10-05", closesOn: null, closed: false };

  it("start at the first invitation or response, whichever came first, and run to today", () => {
    expect(seriesDays("2026-10-01T07:00:00.000Z", ["2026-09-30"], open)).toEqual({
      from: "2026-09-30",
      to: "2026-10-05",
    });
    expect(seriesDays("2026-09-30T22:30:00.000Z", [], open)).toEqual({ from: "2026-10-01", to: "2026-10-05" });
  });

  it("end on the closing day once it has passed, or at a later response", () => {
    const later = { today: "2026-12-01", closesOn: "2026-10-31", closed: false };
    expect(seriesDays(null, ["2026-10-02"], later)).toEqual({ from: "2026-10-02", to: "2026-10-31" });
    expect(seriesDays(null, ["2026-10-02", "2026-11-03"], later)).toEqual({ from: "2026-10-02", to: "2026-11-03" });
  });

  it("end at the last response of a closed wave without a closing day", () => {
    const closed = { today: "2026-12-01", closesOn: null, closed: true };
    expect(seriesDays(null, ["2026-10-02", "2026-10-20"], closed)).toEqual({ from: "2026-10-02", to: "2026-10-20" });
  });

  it("show at most a year, counting what came before in the first day", () => {
    const span = seriesDays(null, ["1980-01-01"], open);
    expect(span?.to).toBe("2026-10-05");
    const rates = responseRates([member(welzijn, { completedAt: "1980-01-01T10:00:00.000Z" })], {
      ...open,
      firstInvitation: null,
    });
    expect(rates.days).toHaveLength(MAX_DAYS_SHOWN);
    expect(rates.days[0]).toMatchObject({ day: span?.from, completed: 1, rate: 1 });
  });
});
