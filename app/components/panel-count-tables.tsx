import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PanelStrata } from "../services/panel-draw";
import { stratumCells, wholeRegionText } from "../services/panel-tables";

/**
 * A panel's counts per stratum (level × sector × subregion) and per body: the preview shows them for
 * the draw, the frozen panel's page as they were frozen.
 */
export function PanelCountTables({
  counts,
  regionName,
}: {
  counts: Pick<PanelStrata, "strata" | "bodies">;
  /** the wave's region, for members of organisations without a subregion */
  regionName: string | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <section aria-labelledby="strata-heading" className="card space-y-3 overflow-x-auto">
        <h2 id="strata-heading" className="text-lg font-semibold">
          {t("panel.page.stratumHeading")}
        </h2>
        <table className="data-table" data-testid="strata">
          <caption className="text-left text-sm text-slate-600">{t("panel.page.stratumCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("panel.columns.level")}</th>
              <th scope="col">{t("panel.columns.sector")}</th>
              <th scope="col">{t("panel.columns.subregion")}</th>
              <th scope="col" className="text-right">
                {t("panel.columns.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.strata.map((stratum) => {
              const cells = stratumCells(stratum, t, wholeRegionText(t, regionName));
              return (
                <tr key={`${stratum.level}|${stratum.sectorCode}|${stratum.subregion}`}>
                  <td>{cells.level}</td>
                  <td>{cells.sector}</td>
                  <td>{cells.subregion}</td>
                  <td className="text-right">{stratum.count}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="bodies-heading" className="card space-y-3 overflow-x-auto">
        <h2 id="bodies-heading" className="text-lg font-semibold">
          {t("panel.page.bodyHeading")}
        </h2>
        <table className="data-table" data-testid="bodies">
          <caption className="text-left text-sm text-slate-600">{t("panel.page.bodyCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("panel.columns.body")}</th>
              <th scope="col">{t("panel.columns.level")}</th>
              <th scope="col" className="text-right">
                {t("panel.columns.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.bodies.map((body) => (
              <tr key={body.bodyId}>
                <td>
                  <Link to={`/gremia/${body.bodyId}`}>{body.name}</Link>
                </td>
                <td>{t(`register.levels.${body.level}`)}</td>
                <td className="text-right">{body.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
