import type { TFunction } from "i18next";
import type { Language } from "../../db/schema";
import { BODY_LEVELS, type BodyLevel } from "../../db/schema";
import {
  averageText,
  type BodyYear,
  compareAsReported,
  FIGURE_COLUMNS,
  type FigureColumnKey,
  type FigureGrouping,
  type FigureRow,
  groupByLevel,
  groupByRegion,
  groupBySubregion,
  intendedText,
  placeKeys,
  percentText,
  type YearGroup,
  type YearOverview,
  type YearTotals,
} from "./attendance-figures";
import type { ExportTable } from "./table-export.server";

/**
 * The attendance figures and the year overview "as shown": the pages and their CSV/XLSX downloads
 * take headers and cell texts from these functions, so a download never says what the page does not.
 */

export function figureColumnHeader(t: TFunction, grouping: FigureGrouping, column: FigureColumnKey): string {
  switch (column) {
    case "name":
    case "held":
    case "rate":
      return t(`meetingReports.figures.columns.${column}.${grouping}`);
    default:
      return t(`meetingReports.figures.columns.${column}`);
  }
}

export function figureCellValue(row: FigureRow, column: FigureColumnKey, language: Language): string | number {
  if (column === "name") return row.name;
  if (column === "rate") return percentText(row.rate);
  if (column === "averageAtTable") return averageText(row.averageAtTable, language);
  return row[column];
}

export function figuresTable(
  rows: readonly FigureRow[],
  grouping: FigureGrouping,
  t: TFunction,
  language: Language,
  period: { from: string; to: string },
): ExportTable {
  const columns = FIGURE_COLUMNS[grouping];
  const groupingName = t(`meetingReports.figures.groupings.${grouping}`).toLowerCase();
  return {
    title: t("meetingReports.figures.fileTitle", { grouping: groupingName, ...period }),
    columns: columns.map((column) => ({ key: column, header: figureColumnHeader(t, grouping, column) })),
    rows: rows.map((row) =>
      Object.fromEntries(columns.map((column) => [column, figureCellValue(row, column, language)])),
    ),
  };
}

/** "Bestuurlijke Regiegroep (BRGZL)". */
export const bodyYearLabel = (body: Pick<BodyYear, "name" | "abbreviation">) =>
  body.abbreviation ? `${body.name} (${body.abbreviation})` : body.name;

/** A level's or subregion's name as a group heading. */
export function yearGroupName(t: TFunction, group: YearGroup): string {
  if (group.level) return t(`register.levels.${group.level}`);
  return group.subregionName ?? t("regions.wholeRegion", { name: group.regionName ?? "" });
}

/**
 * The level groups, then the subregion groups, as the page shows them; in the cross-region view
 * first one group per region, the regions side by side (decision 044).
 */
export function yearSections(overview: YearOverview, compareRegions: boolean) {
  return {
    byRegion: compareRegions ? groupByRegion(overview.bodies) : [],
    byLevel: groupByLevel(overview.bodies),
    bySubregion: groupBySubregion(overview.bodies),
  };
}

/** A group's totals without its rows, as the page's summary tables show them. */
export interface YearGroupSummary extends Omit<YearGroup, "rows"> {
  bodies: number;
}

export const summariseGroups = (groups: readonly YearGroup[]): YearGroupSummary[] =>
  groups.map(({ rows, ...group }) => ({ ...group, bodies: rows.length }));

/**
 * The per-body table's narrowing: a level and/or a subregion ("regio-<id>": bodies of a whole
 * region), and in the cross-region view a region (every body of it).
 */
export interface YearBodyFilter {
  level?: BodyLevel;
  subregion?: string;
  region?: number;
}

export function yearBodyFilterFrom(search: URLSearchParams): YearBodyFilter {
  const level = BODY_LEVELS.find((value) => value === search.get("niveau"));
  const subregion = search.get("subregio");
  const region = search.get("regio");
  return {
    level,
    subregion: subregion && /^(regio-\d+|\d+)$/.test(subregion) ? subregion : undefined,
    region: region && /^[1-9]\d{0,9}$/.test(region) ? Number(region) : undefined,
  };
}

/** The bodies the per-body table lists, ordered as the annual report orders them. */
export function yearBodies(bodies: readonly BodyYear[], filter: YearBodyFilter): BodyYear[] {
  return bodies
    .filter((body) => filter.level === undefined || body.level === filter.level)
    .filter((body) => filter.subregion === undefined || placeKeys(body).includes(filter.subregion))
    .filter((body) => filter.region === undefined || body.regionId === filter.region)
    .sort(compareAsReported);
}

export function eventTotals(overview: Pick<YearOverview, "events">): YearTotals {
  return overview.events.reduce(
    (sum, event) => ({
      ...sum,
      held: sum.held + event.held,
      planned: sum.planned + event.planned,
      cancelled: sum.cancelled + event.cancelled,
    }),
    { held: 0, planned: 0, cancelled: 0, meetingsPerYear: 0, meetingsPerYearMax: 0 },
  );
}

/**
 * Every table of the page in one sheet: a column says which table (and group) a row belongs to. In
 * the cross-region view the regions' totals come first and every body row names its region.
 */
export function yearOverviewTable(overview: YearOverview, t: TFunction, compareRegions: boolean): ExportTable {
  const { byRegion, byLevel, bySubregion } = yearSections(overview, compareRegions);
  const total = t("meetingReports.year.total");
  const groupRows = (grouping: string, groups: YearGroup[]) =>
    groups.flatMap((group) => {
      const name = yearGroupName(t, group);
      return [
        ...group.rows.map((body) => ({
          grouping,
          group: name,
          region: body.regionName,
          body: bodyYearLabel(body),
          held: body.held,
          planned: body.planned,
          cancelled: body.cancelled,
          meetingsPerYear: intendedText(body.meetingsPerYear, body.meetingsPerYearMax),
        })),
        {
          grouping,
          group: name,
          region: group.regionName,
          body: total,
          ...group.totals,
          meetingsPerYear: intendedText(group.totals.meetingsPerYear, group.totals.meetingsPerYearMax),
        },
      ];
    });
  const events = t("meetingReports.year.groupingNames.events");
  return {
    title: t("meetingReports.year.fileTitle", { year: overview.year }),
    columns: [
      { key: "grouping", header: t("meetingReports.year.columns.grouping") },
      { key: "group", header: t("meetingReports.year.columns.group") },
      ...(compareRegions ? [{ key: "region", header: t("regions.column") }] : []),
      { key: "body", header: `${t("meetingReports.year.columns.body")} / ${t("meetingReports.year.columns.kind")}` },
      { key: "held", header: t("meetingReports.year.columns.held") },
      { key: "planned", header: t("meetingReports.year.columns.planned") },
      { key: "cancelled", header: t("meetingReports.year.columns.cancelled") },
      { key: "meetingsPerYear", header: t("meetingReports.year.columns.meetingsPerYear") },
    ],
    rows: [
      ...groupRows(t("meetingReports.year.groupingNames.region"), byRegion),
      ...groupRows(t("meetingReports.year.groupingNames.level"), byLevel),
      ...groupRows(t("meetingReports.year.groupingNames.subregion"), bySubregion),
      ...overview.events.map((event) => ({
        grouping: events,
        group: null,
        body: t(`meetings.kinds.${event.kind}`),
        held: event.held,
        planned: event.planned,
        cancelled: event.cancelled,
        meetingsPerYear: null,
      })),
      {
        grouping: events,
        group: null,
        body: total,
        ...eventTotals(overview),
        meetingsPerYear: null,
        meetingsPerYearMax: null,
      },
    ],
  };
}
