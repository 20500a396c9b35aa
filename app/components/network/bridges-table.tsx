import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import type { Bridge } from "../../services/network/bridges";
import { decimal } from "./numbers";

export function BridgesTable({ bridges, shown }: { bridges: readonly Bridge[]; shown: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="network-bridges" className="space-y-2">
      <h2 id="network-bridges" className="text-lg font-semibold">
        {t("network.bridges.heading")}
      </h2>
      <p className="text-sm">{t("network.bridges.intro", { count: shown })}</p>
      {bridges.length === 0 ? (
        <p>{t("network.bridges.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("network.columns.label")}</th>
                <th scope="col" className="text-right">
                  {t("network.columns.betweenness")}
                </th>
                <th scope="col">{t("network.bridges.reason")}</th>
                <th scope="col">{t("network.bridges.otherSubregions")}</th>
                <th scope="col">{t("network.bridges.otherSectors")}</th>
              </tr>
            </thead>
            <tbody>
              {bridges.map((bridge) => (
                <tr key={bridge.key}>
                  <th scope="row" className="font-normal">
                    <Link to={bridge.href}>{bridge.label}</Link>
                  </th>
                  <td className="text-right">{decimal(bridge.betweenness, language)}</td>
                  <td>
                    {t("network.bridges.connects", {
                      first: bridge.connects[0].label,
                      firstSubregion: bridge.connects[0].subregion,
                      second: bridge.connects[1].label,
                      secondSubregion: bridge.connects[1].subregion,
                    })}
                  </td>
                  <td>{bridge.otherSubregions.join(", ")}</td>
                  <td>{bridge.otherSectors.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
