import type { TFunction } from "i18next";
import type { Stratum } from "./panel-draw";
import type { ExportTable } from "./table-export.server";

/**
 * The frozen panel's and the wave comparison's tables "as shown": the pages and the comparison's
 * download take their headers and cell texts from here, so a file never says what the page does not.
 */

export function stratumCells(stratum: Stratum, t: TFunction) {
  return {
    level: stratum.level ? t(`register.levels.${stratum.level}`) : t("panel.none.level"),
    sector: stratum.sectorName ?? t("panel.none.sector"),
    subregion: stratum.subregion ?? t("panel.none.subregion"),
  };
}

export const COMPARISON_COLUMNS = ["level", "sector", "subregion", "stayed", "joined", "left"] as const;

export function comparisonColumnHeader(column: (typeof COMPARISON_COLUMNS)[number], t: TFunction): string {
  return column === "stayed" || column === "joined" || column === "left"
    ? t(`panel.compare.${column}`)
    : t(`panel.columns.${column}`);
}

type ComparedStratum = Stratum & { stayed: number; joined: number; left: number };

export function comparisonTable(
  comparison: { a: { name: string }; b: { name: string }; strata: readonly ComparedStratum[] },
  t: TFunction,
): ExportTable {
  return {
    title: t("panel.compare.fileTitle", { a: comparison.a.name, b: comparison.b.name }),
    columns: COMPARISON_COLUMNS.map((key) => ({ key, header: comparisonColumnHeader(key, t) })),
    rows: comparison.strata.map((stratum) => ({
      ...stratumCells(stratum, t),
      stayed: stratum.stayed,
      joined: stratum.joined,
      left: stratum.left,
    })),
  };
}
