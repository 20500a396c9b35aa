import type { TFunction } from "i18next";
import type { CurrentRegion, ListScope } from "./region-choice";
import type { ExportTable } from "./table-export.server";

/**
 * How an overview and its download name what they cover (decision 044): "regio Zuid-Limburg", or
 * "alle regio's" in the cross-region view — never an empty subregion.
 */
export function regionLabel(t: TFunction, region: CurrentRegion): string {
  return region === "all" ? t("regions.allRegions") : t("regions.wholeRegion", { name: region.name });
}

/** "Vergaderingen in 2025 — regio Zuid-Limburg". */
export const titleForRegion = (t: TFunction, title: string, region: CurrentRegion): string =>
  `${title} — ${regionLabel(t, region)}`;

/**
 * A download of one region's overview: its title names the region, its file name starts with the
 * region's code ("zuid-limburg-vergaderingen-2025.csv"; first, as a long title is cut short), so two
 * regions' files never overwrite each other.
 */
export function tableForRegion(table: ExportTable, t: TFunction, region: CurrentRegion): ExportTable {
  return {
    ...table,
    title: titleForRegion(t, table.title, region),
    fileName: `${region === "all" ? t("regions.allRegionsCode") : region.code} ${table.title}`,
  };
}

/** The region id a query narrows to, or undefined for every region. */
export const scopedRegionId = (scope: ListScope): number | undefined => (scope === "all" ? undefined : scope.regionId);
