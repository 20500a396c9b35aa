import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay } from "../../i18n/format";
import type { TieChange } from "../../services/network/comparison";
import type { NetworkMeasures } from "../../services/network/measures";
import { decimal, percent } from "./numbers";

export interface ComparisonView {
  thenOn: string;
  nowOn: string;
  then: NetworkMeasures;
  now: NetworkMeasures;
  gainedCount: number;
  lostCount: number;
  gained: TieChange[];
  lost: TieChange[];
}

function Ties({ ties, total, heading, none }: { ties: TieChange[]; total: number; heading: string; none: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <h3 className="font-semibold">{heading}</h3>
      {ties.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul className="list-disc pl-5">
          {ties.map((tie) => (
            <li key={`${tie.source.key}-${tie.target.key}`}>
              <Link to={tie.source.href}>{tie.source.label}</Link> –{" "}
              <Link to={tie.target.href}>{tie.target.label}</Link> ({tie.weight})
            </li>
          ))}
        </ul>
      )}
      {total > ties.length ? (
        <p className="text-sm">{t("network.comparison.moreTies", { count: total - ties.length })}</p>
      ) : null}
    </div>
  );
}

/** The network on two days: its key figures then and now, and the ties gained and lost in between. */
export function NetworkComparison({ comparison }: { comparison: ComparisonView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const then = formatDay(comparison.thenOn, language);
  const now = formatDay(comparison.nowOn, language);
  const share = (m: NetworkMeasures) => (m.crossSector ? percent(m.crossSector.share, language) : "–");
  const rows: [string, (m: NetworkMeasures) => string | number][] = [
    [t("network.summary.nodes"), (m) => m.nodes],
    [t("network.summary.ties"), (m) => m.ties],
    [t("network.summary.density"), (m) => decimal(m.density, language)],
    [t("network.summary.components"), (m) => m.components],
    [t("network.summary.crossSector"), share],
  ];
  return (
    <section aria-labelledby="network-comparison" className="space-y-3">
      <h2 id="network-comparison" className="text-lg font-semibold">
        {t("network.comparison.heading", { then, now })}
      </h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("network.comparison.measure")}</th>
            <th scope="col" className="text-right">
              {t("network.comparison.then", { date: then })}
            </th>
            <th scope="col" className="text-right">
              {t("network.comparison.now", { date: now })}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className="font-normal">
                {label}
              </th>
              <td className="text-right">{value(comparison.then)}</td>
              <td className="text-right">{value(comparison.now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grid gap-4 md:grid-cols-2">
        <Ties
          ties={comparison.gained}
          total={comparison.gainedCount}
          heading={t("network.comparison.gained", { count: comparison.gainedCount })}
          none={t("network.comparison.noneGained")}
        />
        <Ties
          ties={comparison.lost}
          total={comparison.lostCount}
          heading={t("network.comparison.lost", { count: comparison.lostCount })}
          none={t("network.comparison.noneLost")}
        />
      </div>
    </section>
  );
}
