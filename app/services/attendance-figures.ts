import {
  type AttendanceStatus,
  BODY_LEVELS,
  type BodyLevel,
  EVENT_KINDS,
  type EventKind,
  type MeetingKind,
  type MeetingStatus,
} from "../../db/schema";
import { askedSort, oneOf, positiveIntFrom } from "./list-params";
import { compareDutch, foldForComparison, type NameParts } from "./names";
import { addDays, isIsoDay } from "./periods";

/**
 * Attendance figures and the year overview of meetings, as pure functions over the counts the model
 * reads: what counts, how rates are defined, how rows are grouped, ordered and drawn.
 *
 * Only held meetings (status gehouden) count in the figures. The unit is a meeting:
 * - a person is "expected" at a held meeting when it has a non-guest attendance row for them;
 *   their rate is present ÷ expected — being replaced by a substitute is not being present;
 * - an organisation is expected at a meeting when anyone on its behalf is; per meeting it counts
 *   once, with the best status among its people (aanwezig, then vervangen, afgemeld, afwezig), and
 *   its rate is "vertegenwoordigd": (present + replaced) ÷ expected — what a network office means
 *   by an organisation being at the table, whoever sat in the chair;
 * - a body counts all its held meetings; its rate is the person rate summed over its members
 *   (present ÷ expected member-meetings), and its average at the table is members present or
 *   replaced per meeting whose attendance was recorded.
 * Guests never count in a rate; they are shown in a column of their own.
 */

export const FIGURE_GROUPINGS = ["person", "body", "organisation"] as const;
export type FigureGrouping = (typeof FIGURE_GROUPINGS)[number];

/** The grouping as the URL writes it (`?groep=persoon`). */
export const GROUPING_PARAMS: Record<FigureGrouping, string> = {
  person: "persoon",
  body: "gremium",
  organisation: "organisatie",
};

export function groupingFrom(value: string | null): FigureGrouping {
  return FIGURE_GROUPINGS.find((grouping) => GROUPING_PARAMS[grouping] === value) ?? "person";
}

/**
 * Attendance of held meetings as the database counts it: how many rows (or, for an organisation,
 * meetings) of a group had a status. Counting happens in SQL; a national year has a million rows.
 */
export interface StatusCount {
  groupId: number;
  status: AttendanceStatus;
  count: number;
}

/** How many of something a group has: held meetings of a body, meetings a person stood in at. */
export interface GroupCount {
  groupId: number;
  count: number;
}

export interface FigureTally {
  groupId: number;
  /** held meetings at which the person or organisation was expected; for a body, all its held meetings */
  held: number;
  /** a body's held meetings whose attendance was recorded (anyone expected on the register) */
  registered: number;
  /** expected attendances: for a person or organisation the same as held, for a body member-meetings */
  expected: number;
  present: number;
  excused: number;
  absent: number;
  replaced: number;
  /** guest attendances (for an organisation: meetings with a guest on its behalf) */
  guest: number;
  /** meetings at which the person stood in for someone else */
  asSubstitute: number;
  /** see the module comment: present ÷ expected, for an organisation (present + replaced) ÷ expected */
  rate: number | null;
  /** a body's members present or replaced, per registered meeting */
  averageAtTable: number | null;
}

const emptyTally = (groupId: number): FigureTally => ({
  groupId,
  held: 0,
  registered: 0,
  expected: 0,
  present: 0,
  excused: 0,
  absent: 0,
  replaced: 0,
  guest: 0,
  asSubstitute: 0,
  rate: null,
  averageAtTable: null,
});

const STATUS_COUNTER = {
  aanwezig: "present",
  afgemeld: "excused",
  afwezig: "absent",
  vervangen: "replaced",
} as const satisfies Record<Exclude<AttendanceStatus, "gast">, keyof FigureTally>;

/**
 * Expected statuses, best first: what an organisation's attendance at a meeting comes to. The
 * model ranks the statuses of its people at each meeting in this order (see organisationStanding).
 */
export const STANDING: readonly Exclude<AttendanceStatus, "gast">[] = ["aanwezig", "vervangen", "afgemeld", "afwezig"];

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function tallyFor(tallies: Map<number, FigureTally>, id: number): FigureTally {
  let tally = tallies.get(id);
  if (!tally) {
    tally = emptyTally(id);
    tallies.set(id, tally);
  }
  return tally;
}

/** Guests apart; every other status is an expected attendance. */
function addStatusCounts(tallies: Map<number, FigureTally>, counts: readonly StatusCount[]) {
  for (const { groupId, status, count } of counts) {
    const tally = tallyFor(tallies, groupId);
    if (status === "gast") {
      tally.guest += count;
    } else {
      tally.expected += count;
      tally[STATUS_COUNTER[status]] += count;
    }
  }
}

/** People: each attendance row of theirs by status; `stoodIn`: rows in which they were the substitute. */
export function tallyPeople(own: readonly StatusCount[], stoodIn: readonly GroupCount[]): FigureTally[] {
  const tallies = new Map<number, FigureTally>();
  addStatusCounts(tallies, own);
  for (const { groupId, count } of stoodIn) tallyFor(tallies, groupId).asSubstitute += count;
  for (const tally of tallies.values()) {
    tally.held = tally.expected;
    tally.registered = tally.held;
    tally.rate = ratio(tally.present, tally.expected);
  }
  return [...tallies.values()];
}

/**
 * Organisations: meetings counted by the best status of their people there (STANDING), and
 * meetings with a guest on their behalf as "gast".
 */
export function tallyOrganisations(meetings: readonly StatusCount[]): FigureTally[] {
  const tallies = new Map<number, FigureTally>();
  addStatusCounts(tallies, meetings);
  for (const tally of tallies.values()) {
    tally.held = tally.expected;
    tally.registered = tally.held;
    tally.rate = ratio(tally.present + tally.replaced, tally.expected);
  }
  return [...tallies.values()];
}

/**
 * Bodies: their held meetings, their members' attendance rows by status, and the held meetings
 * whose register has anyone expected on it.
 */
export function tallyBodies(
  held: readonly GroupCount[],
  counts: readonly StatusCount[],
  registered: readonly GroupCount[],
): FigureTally[] {
  const tallies = new Map<number, FigureTally>();
  for (const { groupId, count } of held) tallyFor(tallies, groupId).held += count;
  addStatusCounts(tallies, counts);
  for (const { groupId, count } of registered) tallyFor(tallies, groupId).registered += count;
  for (const tally of tallies.values()) {
    tally.rate = ratio(tally.present, tally.expected);
    tally.averageAtTable = ratio(tally.present + tally.replaced, tally.registered);
  }
  return [...tallies.values()];
}

/** A tally with what the table shows to name it. */
export interface FigureRow extends FigureTally {
  name: string;
  /** a person's name parts, for Dutch name order */
  nameParts: NameParts | null;
  abbreviation: string | null;
  level: BodyLevel | null;
}

type CountKey =
  | "held"
  | "registered"
  | "present"
  | "excused"
  | "absent"
  | "replaced"
  | "guest"
  | "asSubstitute"
  | "averageAtTable"
  | "rate";
export type FigureColumnKey = "name" | CountKey;

/** The table's columns per grouping, in order; `param` is the column's name in `?sortering=`. */
export const FIGURE_COLUMNS: Record<FigureGrouping, readonly FigureColumnKey[]> = {
  person: ["name", "held", "present", "excused", "absent", "replaced", "guest", "asSubstitute", "rate"],
  organisation: ["name", "held", "present", "replaced", "excused", "absent", "guest", "rate"],
  body: ["name", "held", "registered", "present", "excused", "absent", "replaced", "guest", "averageAtTable", "rate"],
};

export const SORT_PARAMS: Record<FigureColumnKey, string> = {
  name: "naam",
  held: "vergaderingen",
  registered: "geregistreerd",
  present: "aanwezig",
  excused: "afgemeld",
  absent: "afwezig",
  replaced: "vervangen",
  guest: "gast",
  asSubstitute: "vervanger",
  averageAtTable: "gemiddeld",
  rate: "opkomst",
};

export type SortDirection = "asc" | "desc";
export const DIRECTION_PARAMS: Record<SortDirection, string> = { asc: "oplopend", desc: "aflopend" };

export interface FigureSort {
  column: FigureColumnKey;
  direction: SortDirection;
}

/** Names read A to Z first; numbers largest first, which is what one looks for in a count. */
export const defaultDirection = (column: FigureColumnKey): SortDirection => (column === "name" ? "asc" : "desc");

/** The sort asked for in the URL, if the grouping has that column; by name otherwise. */
export function figureSortFrom(search: URLSearchParams, grouping: FigureGrouping): FigureSort {
  const asked = askedSort(search);
  const column = FIGURE_COLUMNS[grouping].find((key) => SORT_PARAMS[key] === asked) ?? "name";
  const direction = (Object.keys(DIRECTION_PARAMS) as SortDirection[]).find(
    (d) => DIRECTION_PARAMS[d] === search.get("volgorde"),
  );
  return { column, direction: direction ?? defaultDirection(column) };
}

/** Where a column header's link goes: the same column again turns the order round. */
export function nextSort(current: FigureSort, column: FigureColumnKey): FigureSort {
  if (current.column === column) return { column, direction: current.direction === "asc" ? "desc" : "asc" };
  return { column, direction: defaultDirection(column) };
}

/**
 * What rows are ordered on by name (people as compareByDutchName orders them), folded once per row: folding inside every comparison of a sort
 * folds each name some 2·log₂(n) times, which dominated sorting a few thousand rows.
 */
function nameKey(row: Pick<FigureRow, "name" | "nameParts">): [string, string] {
  if (!row.nameParts) return [foldForComparison(row.name), ""];
  return [
    foldForComparison(row.nameParts.last_name),
    foldForComparison(row.nameParts.first_name ?? row.nameParts.initials ?? ""),
  ];
}

const compareKeys = (a: [string, string], b: [string, string]) => compareDutch(a[0], b[0]) || compareDutch(a[1], b[1]);

/** Rows in the asked order; ties by name, and a row without a rate or average always last. */
export function sortFigureRows<T extends FigureRow>(rows: readonly T[], sort: FigureSort): T[] {
  const sign = sort.direction === "asc" ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: nameKey(row) }));
  keyed.sort((a, b) => {
    if (sort.column === "name") return sign * compareKeys(a.key, b.key);
    const x = a.row[sort.column];
    const y = b.row[sort.column];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return compareKeys(a.key, b.key);
    }
    return sign * (x - y) || compareKeys(a.key, b.key);
  });
  return keyed.map(({ row }) => row);
}

/** "83%": a rate as a whole percentage. */
export function percentText(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 100)}%`;
}

/** "4,5" / "4.5": an average with one decimal in the reader's notation. */
export function averageText(value: number | null, language: "nl" | "en"): string {
  if (value === null) return "–";
  return new Intl.NumberFormat(language === "nl" ? "nl-NL" : "en-GB", {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(value);
}

export interface RateBar {
  id: number;
  name: string;
  rate: number;
  /** the bar's length as a share of the full track, 0–100; the scale is always 0–100 %, never cut off */
  width: number;
}

export const CHART_ROWS = 15;

/** Bars for the first rows of the table as sorted (those with a rate), on a fixed 0–100 % scale. */
export function rateBars(rows: readonly FigureRow[], limit = CHART_ROWS): RateBar[] {
  return rows
    .filter((row): row is FigureRow & { rate: number } => row.rate !== null)
    .slice(0, limit)
    .map((row) => ({
      id: row.groupId,
      name: row.name,
      rate: row.rate,
      width: Math.min(100, Math.max(0, row.rate * 100)),
    }));
}

/** The same day a year earlier, plus one: twelve months ending today, both ends counted. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const [year, month, day] = today.split("-");
  const sameDay = `${Number(year) - 1}-${month}-${day}`;
  // 29 February has no same day a year earlier: the year then starts on 1 March
  const from = isIsoDay(sameDay) ? addDays(sameDay, 1) : `${Number(year) - 1}-03-01`;
  return { from, to: today };
}

export interface FigurePeriod {
  from: string;
  to: string;
  /** values in the URL that are not days, shown back to the reader */
  invalid: string[];
  /** the start lies after the end: nothing to count */
  reversed: boolean;
}

/** The period in the URL (`van`, `tot`), each end falling back to the last twelve months. */
export function figurePeriodFrom(search: URLSearchParams, today: string): FigurePeriod {
  const fallback = lastTwelveMonths(today);
  const invalid: string[] = [];
  const read = (name: string, otherwise: string) => {
    const value = search.get(name);
    if (!value) return otherwise;
    if (isIsoDay(value)) return value;
    invalid.push(value);
    return otherwise;
  };
  const from = read("van", fallback.from);
  const to = read("tot", fallback.to);
  return { from, to, invalid, reversed: from > to };
}

/** Everything the figures page and its download read from the URL. */
export interface FigureQuery {
  grouping: FigureGrouping;
  period: FigurePeriod;
  bodyId?: number;
  organisationId?: number;
  level?: BodyLevel;
  personId?: number;
  sort: FigureSort;
}

export function figureQueryFrom(search: URLSearchParams, today: string): FigureQuery {
  const grouping = groupingFrom(search.get("groep"));
  return {
    grouping,
    period: figurePeriodFrom(search, today),
    bodyId: positiveIntFrom(search, "gremium"),
    organisationId: positiveIntFrom(search, "organisatie"),
    level: oneOf(search, "niveau", BODY_LEVELS),
    personId: positiveIntFrom(search, "persoon"),
    sort: figureSortFrom(search, grouping),
  };
}

// ————— the year overview —————

export interface YearBody {
  id: number;
  name: string;
  abbreviation: string | null;
  level: BodyLevel;
  /** the subregions the body spans, by name; none: the whole region */
  subregions: readonly { id: number; name: string }[];
  /** the body's region: a report names it where the body has no subregion ("regio Zuid-Limburg") */
  regionId: number;
  regionName: string;
  /**
   * the body's intended number of meetings a year, or the fewest of its range when it states an
   * interval in weeks instead (decision 039)
   */
  meetingsPerYear: number | null;
  /** the most of that range; equal to meetingsPerYear when the body states a number */
  meetingsPerYearMax: number | null;
}

/** How many meetings of one body (or of one event kind) had a status, as the database counts them. */
export interface MeetingCount {
  bodyId: number | null;
  kind: MeetingKind;
  status: MeetingStatus;
  count: number;
}

export interface YearCounts {
  held: number;
  /** still planned (status gepland) */
  planned: number;
  cancelled: number;
}

export interface BodyYear extends YearBody, YearCounts {}

export interface EventYear extends YearCounts {
  kind: EventKind;
}

export interface YearOverview {
  year: number;
  bodies: BodyYear[];
  events: EventYear[];
}

const STATUS_FIELD: Record<MeetingStatus, keyof YearCounts> = {
  gehouden: "held",
  gepland: "planned",
  geannuleerd: "cancelled",
};

/** Puts the counts on their bodies and event kinds; every event kind is listed, counted or not. */
export function assembleYearOverview(
  year: number,
  bodies: readonly YearBody[],
  counts: readonly MeetingCount[],
): YearOverview {
  const perBody = new Map(bodies.map((body) => [body.id, { ...body, held: 0, planned: 0, cancelled: 0 }]));
  const events = EVENT_KINDS.map((kind) => ({ kind, held: 0, planned: 0, cancelled: 0 }));
  for (const count of counts) {
    const target =
      count.bodyId === null ? events.find((event) => event.kind === count.kind) : perBody.get(count.bodyId);
    if (target) target[STATUS_FIELD[count.status]] += count.count;
  }
  return { year, bodies: [...perBody.values()], events };
}

export interface YearTotals extends YearCounts {
  /** the intended meetings of the bodies that state a number or an interval: the fewest and the most */
  meetingsPerYear: number;
  meetingsPerYearMax: number;
}

/** An intended number as the tables show it: "6", or "13–26" for a range; empty when none is stated. */
export function intendedText(fewest: number | null, most: number | null): string {
  if (fewest === null) return "";
  return most === null || most === fewest ? String(fewest) : `${fewest}–${most}`;
}

export interface YearGroup {
  /** a level, a subregion's id, or "regio-<id>" for bodies of a whole region */
  key: string;
  level: BodyLevel | null;
  /** the subregion's name; null for a whole region (and for level groups) */
  subregionName: string | null;
  /** the region of a whole-region group; null for subregion and level groups */
  regionName: string | null;
  rows: BodyYear[];
  totals: YearTotals;
}

function totalsOf(rows: readonly BodyYear[]): YearTotals {
  return rows.reduce(
    (sum, row) => ({
      held: sum.held + row.held,
      planned: sum.planned + row.planned,
      cancelled: sum.cancelled + row.cancelled,
      meetingsPerYear: sum.meetingsPerYear + (row.meetingsPerYear ?? 0),
      meetingsPerYearMax: sum.meetingsPerYearMax + (row.meetingsPerYearMax ?? row.meetingsPerYear ?? 0),
    }),
    { held: 0, planned: 0, cancelled: 0, meetingsPerYear: 0, meetingsPerYearMax: 0 },
  );
}

const bodyLabel = (body: Pick<YearBody, "abbreviation" | "name">) => body.abbreviation ?? body.name;

/** Folded once per body: sorting thousands of bodies would otherwise fold each label in every comparison. */
const foldedLabels = new WeakMap<BodyYear, string>();
function foldedLabel(body: BodyYear): string {
  let folded = foldedLabels.get(body);
  if (folded === undefined) {
    folded = foldForComparison(bodyLabel(body));
    foldedLabels.set(body, folded);
  }
  return folded;
}

/** Most meetings first, then by the name the report uses. */
function compareByHeld(a: BodyYear, b: BodyYear): number {
  return b.held - a.held || compareDutch(foldedLabel(a), foldedLabel(b));
}

/** As the annual report orders bodies: strategic first, then tactical, operational; within a level by meetings held. */
export function compareAsReported(a: BodyYear, b: BodyYear): number {
  return BODY_LEVELS.indexOf(a.level) - BODY_LEVELS.indexOf(b.level) || compareByHeld(a, b);
}

export function groupByLevel(bodies: readonly BodyYear[]): YearGroup[] {
  return BODY_LEVELS.flatMap((level) => {
    const rows = bodies.filter((body) => body.level === level).sort(compareByHeld);
    return rows.length === 0
      ? []
      : [{ key: level, level, subregionName: null, regionName: null, rows, totals: totalsOf(rows) }];
  });
}

/**
 * The groups a body is counted in by place: each subregion it spans (decision 038), or "regio-<id>"
 * for a body of a whole region.
 */
export const placeKeys = (body: Pick<YearBody, "subregions" | "regionId">): string[] =>
  body.subregions.length === 0 ? [`regio-${body.regionId}`] : body.subregions.map((subregion) => String(subregion.id));

/**
 * The bodies of each whole region first (by region name), then each subregion by name. A body
 * spanning several subregions is counted under each of them (decision 038).
 */
export function groupBySubregion(bodies: readonly BodyYear[]): YearGroup[] {
  const groups = new Map<string, { subregionName: string | null; regionName: string | null; rows: BodyYear[] }>();
  const add = (key: string, subregionName: string | null, regionName: string | null, body: BodyYear) => {
    const group = groups.get(key);
    if (group) group.rows.push(body);
    else groups.set(key, { subregionName, regionName, rows: [body] });
  };
  for (const body of bodies) {
    if (body.subregions.length === 0) add(`regio-${body.regionId}`, null, body.regionName, body);
    for (const subregion of body.subregions) add(String(subregion.id), subregion.name, null, body);
  }
  return [...groups]
    .map(([key, { subregionName, regionName, rows }]) => ({
      key,
      level: null,
      subregionName,
      regionName,
      rows: rows.sort(compareAsReported),
      totals: totalsOf(rows),
    }))
    .sort((a, b) => {
      if (a.regionName !== null && b.regionName !== null) return compareDutch(a.regionName, b.regionName);
      if (a.regionName !== null || b.regionName !== null) return a.regionName !== null ? -1 : 1;
      return compareDutch(a.subregionName ?? "", b.subregionName ?? "");
    });
}

/**
 * One group per region, by name: the cross-region view sets the regions' years side by side
 * (decision 044). A body belongs to one region, so no body is counted twice.
 */
export function groupByRegion(bodies: readonly BodyYear[]): YearGroup[] {
  const groups = new Map<number, { regionName: string; rows: BodyYear[] }>();
  for (const body of bodies) {
    const group = groups.get(body.regionId);
    if (group) group.rows.push(body);
    else groups.set(body.regionId, { regionName: body.regionName, rows: [body] });
  }
  return [...groups]
    .map(([regionId, { regionName, rows }]) => ({
      key: `regio-${regionId}`,
      level: null,
      subregionName: null,
      regionName,
      rows: rows.sort(compareAsReported),
      totals: totalsOf(rows),
    }))
    .sort((a, b) => compareDutch(a.regionName, b.regionName));
}

/** The annual report's sentence: "22× CMO, 4× BRGZL, 4× BAT" — bodies that met, as reported. */
export function reportLine(bodies: readonly BodyYear[]): string {
  return bodies
    .filter((body) => body.held > 0)
    .sort(compareAsReported)
    .map((body) => `${body.held}× ${bodyLabel(body)}`)
    .join(", ");
}

/** The years the select offers and the one shown when none is asked. */
export function overviewYears(
  yearsWithMeetings: readonly number[],
  today: string,
  asked: number | null,
): { years: number[]; year: number } {
  const current = Number(today.slice(0, 4));
  const lastComplete = current - 1;
  // the annual report is written about the year just ended; before any meeting of it, the current year
  const fallback = yearsWithMeetings.includes(lastComplete) ? lastComplete : current;
  const year = asked ?? fallback;
  const years = [...new Set([...yearsWithMeetings, fallback, year])].sort((a, b) => b - a);
  return { years, year };
}

/** `?jaar=2025`: a four-digit year, or null (with the text that was not one). */
export function yearFrom(search: URLSearchParams): { year: number | null; invalid: string | null } {
  const value = search.get("jaar");
  if (!value) return { year: null, invalid: null };
  return /^\d{4}$/.test(value) && Number(value) >= 1900
    ? { year: Number(value), invalid: null }
    : { year: null, invalid: value };
}
