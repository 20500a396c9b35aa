import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { formatDay } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { listWaves } from "../models/survey-waves.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, (t) => t("waves.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "research.run", { region: "current" });
  const scope = await listScope(request, context);
  return json({ waves: await listWaves(context.db, scope), allRegions: scope === "all" });
}

export default function Waves() {
  const { waves, allRegions } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("waves.title")}</h1>
        <div className="flex flex-wrap gap-3">
          <Link to="/onderzoek/vergelijken" className="btn-secondary">
            {t("waves.wave.compare")}
          </Link>
          <Link to="/onderzoek/nieuw" className="btn-primary">
            {t("waves.newWave")}
          </Link>
        </div>
      </div>
      <p className="max-w-3xl text-slate-700">{t("waves.intro")}</p>
      <div className="card overflow-x-auto">
        {waves.length === 0 ? (
          <p>{t("waves.none")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("waves.columns.name")}</th>
                <th scope="col">{t("waves.columns.year")}</th>
                <th scope="col">{t("waves.columns.referenceDate")}</th>
                <th scope="col">{t("waves.columns.status")}</th>
                <th scope="col">{t("waves.columns.panelSize")}</th>
                {allRegions ? <th scope="col">{t("regions.column")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {waves.map((wave) => (
                <tr key={wave.id}>
                  <td>
                    <Link to={`/onderzoek/${wave.id}`}>{wave.name}</Link>
                  </td>
                  <td>{wave.year}</td>
                  <td>{formatDay(wave.reference_date, language)}</td>
                  <td>{t(`waves.statuses.${wave.status}`)}</td>
                  <td>
                    {wave.status === "draft"
                      ? t("waves.notFrozenYet")
                      : t("waves.panelSize", { count: Number(wave.panel_size) })}
                  </td>
                  {allRegions ? <td>{wave.region_name ?? t("regions.networkWide")}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
