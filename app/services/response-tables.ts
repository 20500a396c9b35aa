import type { TFunction } from "i18next";
import type { Language } from "../../db/schema";
import { formatMoment } from "../i18n/format";
import { percentText } from "./attendance-figures";
import { listName, type NameParts } from "./names";
import { wholeRegionText } from "./panel-tables";
import { STRATUM_DIMENSIONS, type StratumDimension, type StratumRate } from "./response-rates";
import type { ExportTable } from "./table-export.server";

/**
 * The response pages' tables "as shown": the dashboard, the follow-up list and their downloads
 * take headers and cell texts from here, so a file never says what the page does not.
 */

/**
 * A stratum's name as the page writes it: the level in words, "no sector" for a member without one,
 * the wave's region ("regio Zuid-Limburg", or "alle regio's" for a network-wide wave) for a member
 * whose organisation has no subregion.
 */
export function stratumName(
  dimension: StratumDimension,
  stratum: StratumRate,
  t: TFunction,
  regionName: string | null,
): string {
  if (dimension === "level")
    return stratum.level ? t(`register.levels.${stratum.level}`) : t("responses.strata.none.level");
  if (dimension === "subregion") return stratum.name ?? wholeRegionText(t, regionName);
  return stratum.name ?? t(`responses.strata.none.${dimension}`);
}

export const STRATUM_COLUMNS = ["dimension", "group", "members", "started", "completed", "rate"] as const;

/** Every stratum of every dimension in one table, as the CSV and XLSX downloads hold them. */
export function responseStrataTable(
  wave: { name: string; region_name: string | null },
  strata: Record<StratumDimension, readonly StratumRate[]>,
  t: TFunction,
): ExportTable {
  return {
    title: t("responses.strata.fileTitle", { name: wave.name }),
    columns: STRATUM_COLUMNS.map((key) => ({ key, header: t(`responses.strata.columns.${key}`) })),
    rows: STRATUM_DIMENSIONS.flatMap((dimension) =>
      strata[dimension].map((stratum) => ({
        dimension: t(`responses.strata.dimensions.${dimension}`),
        group: stratumName(dimension, stratum, t, wave.region_name),
        members: stratum.members,
        started: stratum.started,
        completed: stratum.completed,
        rate: percentText(stratum.rate),
      })),
    ),
  };
}

export interface FollowUpRow extends NameParts {
  organisation: string | null;
  phone: string | null;
  organisationPhone: string | null;
  email: string;
  startedAt: string | null;
}

export const FOLLOW_UP_COLUMNS = ["name", "organisation", "phone", "email", "status"] as const;
export type FollowUpColumn = (typeof FOLLOW_UP_COLUMNS)[number];

/** One person's cells on the follow-up list: their own number, else the organisation's, marked as such. */
export function followUpCells(row: FollowUpRow, t: TFunction, language: Language): Record<FollowUpColumn, string> {
  return {
    name: listName(row),
    organisation: row.organisation ?? t("responses.followUp.noOrganisation"),
    phone:
      row.phone ??
      (row.organisationPhone ? t("responses.followUp.organisationPhone", { phone: row.organisationPhone }) : ""),
    email: row.email,
    status: row.startedAt
      ? t("responses.followUp.started", { date: formatMoment(row.startedAt, language) })
      : t("responses.followUp.notStarted"),
  };
}

export function followUpTable(
  waveName: string,
  rows: readonly FollowUpRow[],
  t: TFunction,
  language: Language,
): ExportTable {
  return {
    title: t("responses.followUp.fileTitle", { name: waveName }),
    columns: FOLLOW_UP_COLUMNS.map((key) => ({ key, header: t(`responses.followUp.columns.${key}`) })),
    rows: rows.map((row) => followUpCells(row, t, language)),
  };
}
