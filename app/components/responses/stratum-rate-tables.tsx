import { useTranslation } from "react-i18next";
import { percentText } from "../../services/attendance-figures";
import { STRATUM_DIMENSIONS, type StratumDimension, type StratumRate } from "../../services/response-rates";
import { stratumName } from "../../services/response-tables";
import { ExportLinks } from "../export-links";
import { TableRegion } from "../table-region";

/** The response rate per level, sector, subregion and body, one table each, with the downloads of all four. */
export function StratumRateTables({
  strata,
  regionName,
  downloadPath,
}: {
  strata: Record<StratumDimension, readonly StratumRate[]>;
  /** the wave's region: the subregion table's row for members of organisations without a subregion */
  regionName: string | null;
  downloadPath: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="strata-heading" className="card space-y-4">
      <h2 id="strata-heading" className="text-lg font-semibold">
        {t("responses.strata.heading")}
      </h2>
      <p className="text-sm">{t("responses.strata.explanation")}</p>
      <ExportLinks canExport downloadPath={downloadPath} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        {STRATUM_DIMENSIONS.map((dimension) => (
          <TableRegion key={dimension} label={t(`responses.strata.captions.${dimension}`)}>
            <table className="data-table" data-testid={`strata-${dimension}`}>
              <caption className="text-left font-semibold">{t(`responses.strata.captions.${dimension}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`responses.strata.dimensions.${dimension}`)}</th>
                  <th scope="col" className="text-right">
                    {t("responses.strata.columns.members")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("responses.strata.columns.started")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("responses.strata.columns.completed")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("responses.strata.columns.rate")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {strata[dimension].map((stratum) => (
                  <tr key={stratum.key}>
                    <th scope="row" className="font-normal">
                      {stratumName(dimension, stratum, t, regionName)}
                    </th>
                    <td className="text-right tabular-nums">{stratum.members}</td>
                    <td className="text-right tabular-nums">{stratum.started}</td>
                    <td className="text-right tabular-nums">{stratum.completed}</td>
                    <td className="text-right tabular-nums">{percentText(stratum.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ))}
      </div>
    </section>
  );
}
