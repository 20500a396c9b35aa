import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import type { NetworkMeasures } from "../../services/network/measures";
import { decimal, percent } from "./numbers";

/** The network's key figures, and the cross-sector share per subregion. */
export function NetworkSummary({ measures }: { measures: NetworkMeasures }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const cross = measures.crossSector;
  return (
    <section aria-labelledby="network-summary" className="space-y-3">
      <h2 id="network-summary" className="text-lg font-semibold">
        {t("network.summary.heading")}
      </h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">{t("network.summary.nodes")}</dt>
          <dd className="text-xl font-semibold">{measures.nodes}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("network.summary.ties")}</dt>
          <dd className="text-xl font-semibold">{measures.ties}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("network.summary.density")}</dt>
          <dd className="text-xl font-semibold">{decimal(measures.density, language)}</dd>
          <dd className="text-xs text-slate-600">{t("network.summary.densityHelp")}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("network.summary.components")}</dt>
          <dd className="text-xl font-semibold">{measures.components}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-sm text-slate-600">{t("network.summary.crossSector")}</dt>
          <dd className="text-xl font-semibold" data-testid="cross-sector">
            {cross
              ? t("network.summary.crossSectorValue", {
                  share: percent(cross.share, language),
                  crossing: cross.crossing,
                  ties: cross.ties,
                })
              : t("network.summary.notApplicable")}
          </dd>
        </div>
      </dl>
      {measures.betweennessSources.exact ? null : (
        <p className="text-sm">
          {t("network.summary.estimated", { sources: measures.betweennessSources.sources, nodes: measures.nodes })}
        </p>
      )}
      {measures.perSubregion.length > 0 ? (
        <table className="data-table">
          <caption className="text-left font-medium">
            {t("network.summary.perSubregion")}{" "}
            <span className="font-normal text-slate-600">({t("network.summary.perSubregionHelp")})</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("network.summary.subregion")}</th>
              <th scope="col" className="text-right">
                {t("network.summary.crossSector")}
              </th>
            </tr>
          </thead>
          <tbody>
            {measures.perSubregion.map((row) => (
              <tr key={row.subregion}>
                <th scope="row" className="font-normal">
                  {row.subregion}
                </th>
                <td className="text-right">
                  {t("network.summary.crossSectorValue", {
                    share: percent(row.share, language),
                    crossing: row.crossing,
                    ties: row.ties,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
