import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { allowed, requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { ExportLinks } from "../components/export-links";
import { FilterForm, FilterSelect } from "../components/filter-form";
import { useMessage } from "../components/form";
import { formatDay } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { RegisterError } from "../models/editing.server";
import { type ComparedName, comparableWaves, compareWaves } from "../models/panel-members.server";
import { listName } from "../services/names";
import {
  COMPARISON_COLUMNS,
  comparedWholeRegion,
  comparisonColumnHeader,
  stratumCells,
} from "../services/panel-tables";
import { comparedWaveIds } from "../services/wave-comparison-params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("panel.compare.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", { region: "current" });
  const waves = await comparableWaves(context.db, await listScope(request, context));
  const chosen = comparedWaveIds(new URL(request.url).searchParams, waves);
  const canExport = await allowed(request, context, user, "register.export", { region: "current" });
  if (!chosen) return json({ waves, chosen: null, comparison: null, problem: "panel.compare.tooFew", canExport });
  try {
    return json({
      waves,
      chosen,
      comparison: await compareWaves(context.db, chosen.a, chosen.b),
      problem: null,
      canExport,
    });
  } catch (error) {
    if (error instanceof RegisterError)
      return json({ waves, chosen, comparison: null, problem: error.messageKey, canExport });
    throw error;
  }
}

export default function CompareWaves() {
  const { waves, chosen, comparison, problem, canExport } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const language = i18n.language as Language;
  const options = waves.map((wave) => ({
    value: wave.id,
    label: `${wave.name} (${formatDay(wave.reference_date, language)})`,
  }));
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/onderzoek">{t("panel.compare.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("panel.compare.title")}</h1>
      </div>
      <p className="max-w-3xl text-slate-700">{t("panel.compare.intro")}</p>
      {waves.length >= 2 ? (
        <FilterForm resetTo="/onderzoek/vergelijken" label={t("panel.compare.title")}>
          <FilterSelect name="a" label={t("panel.compare.a")} value={chosen?.a} options={options} />
          <FilterSelect name="b" label={t("panel.compare.b")} value={chosen?.b} options={options} />
        </FilterForm>
      ) : null}
      {problem ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {message(problem)}
        </p>
      ) : null}
      {comparison ? (
        <>
          <section aria-labelledby="totals-heading" className="card space-y-3">
            <h2 id="totals-heading" className="text-lg font-semibold">
              {t("panel.compare.summaryHeading")}
            </h2>
            <p>
              {t("panel.compare.sizes", {
                a: comparison.a.name,
                aSize: comparison.a.size,
                b: comparison.b.name,
                bSize: comparison.b.size,
              })}
            </p>
            <dl className="grid grid-cols-3 gap-4 text-center" data-testid="totals">
              {(["stayed", "joined", "left"] as const).map((key) => (
                <div key={key} className="rounded-md border border-slate-200 p-3">
                  <dt className="text-sm font-semibold">{t(`panel.compare.${key}`)}</dt>
                  <dd className="text-2xl font-bold">{comparison.totals[key]}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="compare-strata-heading" className="card space-y-3 overflow-x-auto">
            <h2 id="compare-strata-heading" className="text-lg font-semibold">
              {t("panel.compare.stratumHeading")}
            </h2>
            <ExportLinks canExport={canExport} downloadPath="/onderzoek/vergelijken/download" />
            <table className="data-table" data-testid="compare-strata">
              <caption className="text-left text-sm text-slate-600">{t("panel.compare.stratumCaption")}</caption>
              <thead>
                <tr>
                  {COMPARISON_COLUMNS.map((column) => (
                    <th
                      key={column}
                      scope="col"
                      className={
                        column === "stayed" || column === "joined" || column === "left" ? "text-right" : undefined
                      }
                    >
                      {comparisonColumnHeader(column, t)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.strata.map((stratum) => {
                  const cells = stratumCells(stratum, t, comparedWholeRegion(comparison, t));
                  return (
                    <tr key={`${stratum.level}|${stratum.sectorCode}|${stratum.subregion}`}>
                      <td>{cells.level}</td>
                      <td>{cells.sector}</td>
                      <td>{cells.subregion}</td>
                      <td className="text-right">{stratum.stayed}</td>
                      <td className="text-right">{stratum.joined}</td>
                      <td className="text-right">{stratum.left}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <NameList
              id="joined"
              heading={t("panel.compare.joinedHeading", { name: comparison.b.name })}
              people={comparison.joined}
              total={comparison.totals.joined}
            />
            <NameList
              id="left"
              heading={t("panel.compare.leftHeading", { name: comparison.b.name })}
              people={comparison.left}
              total={comparison.totals.left}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}

function NameList({
  id,
  heading,
  people,
  total,
}: {
  id: string;
  heading: string;
  people: ComparedName[];
  total: number;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      {total > people.length ? (
        <p className="text-sm text-slate-600">{t("panel.compare.capped", { shown: people.length, total })}</p>
      ) : null}
      {people.length === 0 ? (
        <p>{t("panel.compare.nobody")}</p>
      ) : (
        <ul className="space-y-1" data-testid={`${id}-names`}>
          {people.map((person) => (
            <li key={person.personId}>
              <Link to={`/personen/${person.personId}`}>{listName(person)}</Link>
              {person.organisationName ? (
                <span className="block text-sm text-slate-600">{person.organisationName}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
