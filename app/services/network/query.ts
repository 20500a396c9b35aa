import { BODY_KINDS, BODY_LEVELS, type IsoDate } from "../../../db/schema";
import { oneOf, positiveIntFrom } from "../list-params";
import { addDays, isIsoDay } from "../periods";

/**
 * Which network is asked for, as the network page and the map page put it in the URL: both pages
 * read and write the same parameters through this module, so a link between them keeps the view.
 * Pure and safe for the browser bundle.
 */

export const NETWORK_KINDS = ["organisaties", "personen-gremia", "gremia"] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export const NETWORK_WEIGHTS = ["gremia", "vergaderingen"] as const;
export type NetworkWeight = (typeof NETWORK_WEIGHTS)[number];

export interface NetworkQuery {
  kind: NetworkKind;
  /** the day whose seats make the network */
  on: IsoDate;
  /** with weight "vergaderingen": the meetings held in this period (both ends included) */
  attendanceFrom: IsoDate | null;
  attendanceUntil: IsoDate | null;
  /** ties counted in shared bodies (seats on the day) or in meetings attended together */
  weight: NetworkWeight;
  level: string | null;
  bodyKind: string | null;
  subregionId: number | null;
  sectorId: number | null;
  themeId: number | null;
}

/** The URL parameter of each field: Dutch, like the other pages' filters. */
const PARAMS = {
  kind: "soort",
  on: "datum",
  attendanceFrom: "van",
  attendanceUntil: "tot",
  weight: "gewicht",
  level: "niveau",
  bodyKind: "gremiumsoort",
  subregionId: "subregio",
  sectorId: "sector",
  themeId: "thema",
} as const satisfies Record<keyof NetworkQuery, string>;

/** The parameter of the second date on the network page's comparison. */
export const COMPARE_PARAM = "vergelijk";

/** Without a period of its own, attendance is counted over the year up to the network's day. */
export function defaultAttendancePeriod(on: IsoDate): { from: IsoDate; until: IsoDate } {
  const yearBefore = `${String(Number(on.slice(0, 4)) - 1).padStart(4, "0")}${on.slice(4)}`;
  return { from: addDays(isIsoDay(yearBefore) ? yearBefore : addDays(on, -365), 1), until: on };
}

const dayFrom = (search: URLSearchParams, name: string): IsoDate | null => {
  const value = search.get(name);
  return value && isIsoDay(value) ? value : null;
};

/**
 * The query in the URL; anything missing or malformed falls back to the whole network of `today`,
 * counted in shared bodies. A period given the wrong way round is turned around.
 */
export function networkQueryFrom(searchParams: URLSearchParams, today: IsoDate): NetworkQuery {
  const on = dayFrom(searchParams, PARAMS.on) ?? today;
  const weight = oneOf(searchParams, PARAMS.weight, NETWORK_WEIGHTS) ?? "gremia";
  let attendanceFrom: IsoDate | null = null;
  let attendanceUntil: IsoDate | null = null;
  if (weight === "vergaderingen") {
    const fallback = defaultAttendancePeriod(on);
    const from = dayFrom(searchParams, PARAMS.attendanceFrom) ?? fallback.from;
    const until = dayFrom(searchParams, PARAMS.attendanceUntil) ?? fallback.until;
    [attendanceFrom, attendanceUntil] = from <= until ? [from, until] : [until, from];
  }
  return {
    kind: oneOf(searchParams, PARAMS.kind, NETWORK_KINDS) ?? "organisaties",
    on,
    attendanceFrom,
    attendanceUntil,
    weight,
    level: oneOf(searchParams, PARAMS.level, BODY_LEVELS) ?? null,
    bodyKind: oneOf(searchParams, PARAMS.bodyKind, BODY_KINDS) ?? null,
    subregionId: positiveIntFrom(searchParams, PARAMS.subregionId) ?? null,
    sectorId: positiveIntFrom(searchParams, PARAMS.sectorId) ?? null,
    themeId: positiveIntFrom(searchParams, PARAMS.themeId) ?? null,
  };
}

/** The query as URL parameters, only those that differ from nothing chosen. */
export function networkSearchParams(query: NetworkQuery): URLSearchParams {
  const search = new URLSearchParams();
  search.set(PARAMS.kind, query.kind);
  search.set(PARAMS.on, query.on);
  search.set(PARAMS.weight, query.weight);
  if (query.weight === "vergaderingen") {
    if (query.attendanceFrom) search.set(PARAMS.attendanceFrom, query.attendanceFrom);
    if (query.attendanceUntil) search.set(PARAMS.attendanceUntil, query.attendanceUntil);
  }
  if (query.level) search.set(PARAMS.level, query.level);
  if (query.bodyKind) search.set(PARAMS.bodyKind, query.bodyKind);
  if (query.subregionId !== null) search.set(PARAMS.subregionId, String(query.subregionId));
  if (query.sectorId !== null) search.set(PARAMS.sectorId, String(query.sectorId));
  if (query.themeId !== null) search.set(PARAMS.themeId, String(query.themeId));
  return search;
}

/** The names of the URL parameters, for the filter form's fields. */
export const NETWORK_PARAMS = PARAMS;
