import type { TFunction } from "i18next";
import type { Stratum } from "./panel-draw";
import type { ExportTable } from "./table-export.server";

/**
 * The frozen panel's and the wave comparison's tables "as shown": the pages and the comparison's
 * download take their headers and cell texts from here, so a file never says what the page does not.
 */

/** A stratum's cells; a member of an organisation without a subregion counts under the region, by name. */
export function stratumCells(stratum: Stratum, t: TFunction, regionName: string) {
  return {
    level: stratum.level ? t(`register.levels.${stratum.level}`) : t("panel.none.level"),
    sector: stratum.sectorName ?? t("panel.none.sector"),
    subregion: stratum.subregion ?? t("regions.wholeRegion", { name: regionName }),
  };
}

/** The region two compared waves count members without a subregion under: one name, or both. */
export function comparedRegionName(comparison: { a: { region_name: string }; b: { region_name: string } }) {
  const { a, b } = comparison;
  return a.region_name === b.region_name ? a.region_name : `${a.region_name} / ${b.region_name}`;
}

export const COMPARISON_COLUMNS = ["level", "sector", "subregion", "stayed", "joined", "left"] as const;

export function comparisonColumnHeader(column: (typeof COMPARISON_COLUMNS)[number], t: TFunction): string {
  return column === "stayed" || column === "joined" || column === "left"
    ? t(`panel.compare.${column}`)
    : t(`panel.columns.${column}`);
}

type ComparedStratum = Stratum & { stayed: number; joined: number; left: number };

export function comparisonTable(
  comparison: {
    a: { name: string; region_name: string };
    b: { name: string; region_name: string };
    strata: readonly ComparedStratum[];
  },
  t: TFunction,
): ExportTable {
  return {
    title: t("panel.compare.fileTitle", { a: comparison.a.name, b: comparison.b.name }),
    columns: COMPARISON_COLUMNS.map((key) => ({ key, header: comparisonColumnHeader(key, t) })),
    rows: comparison.strata.map((stratum) => ({
      ...stratumCells(stratum, t, comparedRegionName(comparison)),
      stayed: stratum.stayed,
      joined: stratum.joined,
      left: stratum.left,
    })),
  };
}
