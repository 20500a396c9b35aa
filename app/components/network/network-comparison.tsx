import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay } from "../../i18n/format";
import type { NodeChange, TieChange } from "../../services/network/comparison";
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
  nodesCount: number;
  nodes: NodeChange[];
}

function NodeChanges({ comparison }: { comparison: ComparisonView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const absent = t("network.comparison.absent");
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{t("network.comparison.nodesHeading")}</h3>
      {comparison.nodes.length === 0 ? (
        <p>{t("network.comparison.noNodeChanges")}</p>
      ) : (
        <>
          <p className="text-sm">
            {t("network.comparison.nodesIntro", { shown: comparison.nodes.length, total: comparison.nodesCount })}
          </p>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("network.comparison.nodesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("network.columns.label")}</th>
                  <th scope="col" className="text-right">
                    {t("network.comparison.degreeThen")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("network.comparison.degreeNow")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("network.comparison.betweennessThen")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("network.comparison.betweennessNow")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {comparison.nodes.map((node) => (
                  <tr key={node.key}>
                    <th scope="row" className="font-normal">
                      <Link to={node.href}>{node.label}</Link>
                    </th>
                    <td className="text-right">{node.then ? node.then.degree : absent}</td>
                    <td className="text-right">{node.now ? node.now.degree : absent}</td>
                    <td className="text-right">{node.then ? decimal(node.then.betweenness, language) : absent}</td>
                    <td className="text-right">{node.now ? decimal(node.now.betweenness, language) : absent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
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
      <NodeChanges comparison={comparison} />
    </section>
  );
}
