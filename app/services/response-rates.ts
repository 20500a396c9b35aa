import { BODY_LEVELS, type BodyLevel, type IsoDate, type IsoMoment } from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";
import { compareDutch } from "./names";
import type { PanelAttributes } from "./panel-rules-schema";

/**
 * A wave's response: the rate (completed ÷ members not excluded) overall, per stratum and per day.
 * Pure: the model reads the members, their attributes as frozen and their responses.
 */

export interface RespondingMember {
  attributes: PanelAttributes;
  excluded: boolean;
  startedAt: IsoMoment | null;
  completedAt: IsoMoment | null;
}

export interface RateCounts {
  /** members not excluded later */
  members: number;
  /** of those, who started (a completed questionnaire was started too) */
  started: number;
  completed: number;
  /** completed ÷ members; null without members */
  rate: number | null;
}

export const STRATUM_DIMENSIONS = ["level", "sector", "subregion", "body"] as const;
export type StratumDimension = (typeof STRATUM_DIMENSIONS)[number];

export interface StratumRate extends RateCounts {
  /** unique within its dimension */
  key: string;
  /** the sector's, subregion's or body's name; null for "none" (and for levels, which are named by `level`) */
  name: string | null;
  /** the level itself, or the body's level */
  level: BodyLevel | null;
}

export interface DayRate {
  day: IsoDate;
  /** started by the end of the day, counted from the start */
  started: number;
  completed: number;
  rate: number | null;
}

export interface ResponseRates {
  total: RateCounts;
  excluded: number;
  strata: Record<StratumDimension, StratumRate[]>;
  days: DayRate[];
}

/** The days the chart shows at most: a year; the counts still include what came before. */
export const MAX_DAYS_SHOWN = 366;

const rateOf = (completed: number, members: number) => (members === 0 ? null : completed / members);

const startOf = (member: RespondingMember) =>
  member.startedAt !== null && (member.completedAt === null || member.startedAt <= member.completedAt)
    ? member.startedAt
    : member.completedAt;

/** The groups a member counts in, per dimension: one level and sector, every subregion and body. */
function groupsOf(attributes: PanelAttributes): Record<StratumDimension, Omit<StratumRate, keyof RateCounts>[]> {
  return {
    level: [{ key: attributes.level ?? "", name: null, level: attributes.level }],
    sector: [{ key: attributes.sectorCode ?? "", name: attributes.sectorName, level: null }],
    subregion:
      attributes.subregions.length === 0
        ? [{ key: "", name: null, level: null }]
        : [...new Set(attributes.subregions)].map((name) => ({ key: name, name, level: null })),
    body:
      attributes.bodies.length === 0
        ? [{ key: "", name: null, level: null }]
        : [...new Map(attributes.bodies.map((body) => [body.id, body])).values()].map((body) => ({
            key: String(body.id),
            name: body.abbreviation ? `${body.name} (${body.abbreviation})` : body.name,
            level: body.level,
          })),
  };
}

const levelRank = (level: BodyLevel | null) => (level === null ? BODY_LEVELS.length : BODY_LEVELS.indexOf(level));

/** Levels in their order, the rest by name; "none" last. */
function compareRates(dimension: StratumDimension) {
  return (a: StratumRate, b: StratumRate) => {
    if (dimension === "level") return levelRank(a.level) - levelRank(b.level);
    if ((a.key === "") !== (b.key === "")) return a.key === "" ? 1 : -1;
    const byLevel = dimension === "body" ? levelRank(a.level) - levelRank(b.level) : 0;
    return byLevel || compareDutch(a.name ?? "", b.name ?? "");
  };
}

function nextDay(day: IsoDate): IsoDate {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

function daysBefore(day: IsoDate, count: number): IsoDate {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date - count)).toISOString().slice(0, 10);
}

const dayOf = (moment: IsoMoment) => todayInAmsterdam(new Date(moment));

/**
 * The days of the series: from the first invitation or first response (whichever came first) to
 * today; once the wave is closed or its closing day has passed, to that day or the last response
 * after it. At most MAX_DAYS_SHOWN, the latest.
 */
export function seriesDays(
  firstInvitation: IsoMoment | null,
  responseDays: readonly IsoDate[],
  end: { today: IsoDate; closesOn: IsoDate | null; closed: boolean },
): { from: IsoDate; to: IsoDate } | null {
  const starts = [...(firstInvitation ? [dayOf(firstInvitation)] : []), ...responseDays].sort();
  const from = starts[0];
  if (from === undefined) return null;
  const lastResponse = [...responseDays].sort().at(-1) ?? from;
  let to = end.today;
  if (end.closed || (end.closesOn !== null && end.closesOn < end.today)) {
    const over = end.closesOn !== null && end.closesOn > lastResponse ? end.closesOn : lastResponse;
    if (over < to) to = over;
  }
  if (to < from) to = from;
  const earliestShown = daysBefore(to, MAX_DAYS_SHOWN - 1);
  return { from: from < earliestShown ? earliestShown : from, to };
}

export function responseRates(
  members: readonly RespondingMember[],
  options: { firstInvitation: IsoMoment | null; today: IsoDate; closesOn: IsoDate | null; closed: boolean },
): ResponseRates {
  const counted = members.filter((member) => !member.excluded);
  const total: RateCounts = { members: counted.length, started: 0, completed: 0, rate: null };
  const groups = Object.fromEntries(
    STRATUM_DIMENSIONS.map((dimension) => [dimension, new Map<string, StratumRate>()]),
  ) as Record<StratumDimension, Map<string, StratumRate>>;
  const startedOn = new Map<IsoDate, number>();
  const completedOn = new Map<IsoDate, number>();

  for (const member of counted) {
    const start = startOf(member);
    const started = start !== null;
    const completed = member.completedAt !== null;
    if (started) {
      total.started += 1;
      const day = dayOf(start);
      startedOn.set(day, (startedOn.get(day) ?? 0) + 1);
    }
    if (completed) {
      total.completed += 1;
      const day = dayOf(member.completedAt!);
      completedOn.set(day, (completedOn.get(day) ?? 0) + 1);
    }
    const memberGroups = groupsOf(member.attributes);
    for (const dimension of STRATUM_DIMENSIONS) {
      for (const group of memberGroups[dimension]) {
        const entry = groups[dimension].get(group.key) ?? {
          ...group,
          members: 0,
          started: 0,
          completed: 0,
          rate: null,
        };
        entry.members += 1;
        if (started) entry.started += 1;
        if (completed) entry.completed += 1;
        groups[dimension].set(group.key, entry);
      }
    }
  }
  total.rate = rateOf(total.completed, total.members);

  const strata = Object.fromEntries(
    STRATUM_DIMENSIONS.map((dimension) => [
      dimension,
      [...groups[dimension].values()]
        .map((entry) => ({ ...entry, rate: rateOf(entry.completed, entry.members) }))
        .sort(compareRates(dimension)),
    ]),
  ) as Record<StratumDimension, StratumRate[]>;

  const responseDays = [...new Set([...startedOn.keys(), ...completedOn.keys()])];
  const span = seriesDays(options.firstInvitation, responseDays, options);
  const days: DayRate[] = [];
  if (span) {
    let started = 0;
    let completed = 0;
    // what happened before the first day shown is counted in from the start
    for (const [day, count] of startedOn) if (day < span.from) started += count;
    for (const [day, count] of completedOn) if (day < span.from) completed += count;
    for (let day = span.from; day <= span.to; day = nextDay(day)) {
      started += startedOn.get(day) ?? 0;
      completed += completedOn.get(day) ?? 0;
      days.push({ day, started, completed, rate: rateOf(completed, counted.length) });
    }
  }
  return { total, excluded: members.length - counted.length, strata, days };
}
