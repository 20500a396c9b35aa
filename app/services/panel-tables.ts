import type { TFunction } from "i18next";
import type { Stratum } from "./panel-draw";
import type { ExportTable } from "./table-export.server";

/**
 * The frozen panel's and the wave comparison's tables "as shown": the pages and the comparison's
 * download take their headers and cell texts from here, so a file never says what the page does not.
 */

/**
 * What a member of an organisation without a subregion counts under: the wave's region by name
 * ("regio Zuid-Limburg"), or "alle regio's" for a network-wide wave (region null, decision 046).
 */
export function wholeRegionText(t: TFunction, regionName: string | null): string {
  return regionName === null ? t("regions.allRegions") : t("regions.wholeRegion", { name: regionName });
}

/** A stratum's cells; `wholeRegion` names where a member without a subregion counts (`wholeRegionText`). */
export function stratumCells(stratum: Stratum, t: TFunction, wholeRegion: string) {
  return {
    level: stratum.level ? t(`register.levels.${stratum.level}`) : t("panel.none.level"),
    sector: stratum.sectorName ?? t("panel.none.sector"),
    subregion: stratum.subregion ?? wholeRegion,
  };
}

type WaveRegion = { region_name: string | null };

/** Where two compared waves count members without a subregion: one region (or all), or both named. */
export function comparedWholeRegion(comparison: { a: WaveRegion; b: WaveRegion }, t: TFunction): string {
  const [a, b] = [wholeRegionText(t, comparison.a.region_name), wholeRegionText(t, comparison.b.region_name)];
  return a === b ? a : `${a} / ${b}`;
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
    a: { name: string } & WaveRegion;
    b: { name: string } & WaveRegion;
    strata: readonly ComparedStratum[];
  },
  t: TFunction,
): ExportTable {
  return {
    title: t("panel.compare.fileTitle", { a: comparison.a.name, b: comparison.b.name }),
    columns: COMPARISON_COLUMNS.map((key) => ({ key, header: comparisonColumnHeader(key, t) })),
    rows: comparison.strata.map((stratum) => ({
      ...stratumCells(stratum, t, comparedWholeRegion(comparison, t)),
      stayed: stratum.stayed,
      joined: stratum.joined,
      left: stratum.left,
    })),
  };
}
