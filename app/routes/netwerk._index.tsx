import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { allowed, requirePermission } from "../auth/guard.server";
import { Pagination } from "../components/lists";
import { BridgesTable } from "../components/network/bridges-table";
import { NetworkComparison } from "../components/network/network-comparison";
import { NetworkDownloads } from "../components/network/network-downloads";
import { NetworkFilterForm } from "../components/network/network-filter-form";
import { NetworkSummary } from "../components/network/network-summary";
import { NodeTable } from "../components/network/node-table";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { organisationFilterOptions } from "../models/organisations.server";
import { listThemes } from "../models/themes.server";
import { networkSearchParams } from "../services/network/query";
import { networkPage } from "../services/network/page.server";
import { listScopeOf } from "../services/region-choice";
import { regionLabel } from "../services/report-region";
import { currentRegion } from "../auth/region.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("network.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const search = new URL(request.url).searchParams;
  const region = await currentRegion(request, context);
  const scope = listScopeOf(region);
  const [view, organisationOptions, themes] = await Promise.all([
    networkPage(context.db, scope, search, todayInAmsterdam()),
    organisationFilterOptions(context.db, scope),
    listThemes(context.db, scope),
  ]);
  return json({
    ...view,
    region,
    shared: networkSearchParams(view.query).toString(),
    options: { ...organisationOptions, themes: themes.map((theme) => ({ id: theme.id, name: theme.name })) },
    canExport: await allowed(request, context, user, "register.export", { region: "current" }),
  });
}

export default function Network() {
  const data = useLoaderData<typeof loader>();
  const { query, measures, empty } = data;
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const day = (value: string | null) => formatDay(value, language);
  const kind = t(`network.kinds.${query.kind}`);
  const heading =
    query.weight === "vergaderingen"
      ? t("network.headingAttendance", { kind, from: day(query.attendanceFrom), until: day(query.attendanceUntil) })
      : t("network.heading", { kind, date: day(query.on) });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        {t("network.title")} — {regionLabel(t, data.region)}
      </h1>
      <p>{t("network.intro")}</p>
      <NetworkFilterForm query={query} compareOn={data.compareOn} options={data.options} />
      <h2 className="text-xl font-semibold">{heading}</h2>
      {empty ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t(`network.empty.${empty}`, {
            date: day(query.on),
            from: day(query.attendanceFrom),
            until: day(query.attendanceUntil),
            nodes: measures.nodes,
          })}
        </p>
      ) : null}
      {empty === null ? (
        <>
          <p>
            <Link to={`/netwerk/kaart?${data.shared}`} className="btn-secondary">
              {t("network.asMap")}
            </Link>
          </p>
          <NetworkSummary measures={measures} />
          {query.kind === "organisaties" ? <BridgesTable bridges={data.bridges} shown={data.bridgesShown} /> : null}
        </>
      ) : null}
      {data.comparison ? <NetworkComparison comparison={data.comparison} /> : null}
      {empty === null ? (
        <>
          {data.canExport ? <NetworkDownloads search={data.shared} /> : null}
          <section aria-labelledby="network-nodes" className="space-y-2">
            <h2 id="network-nodes" className="text-lg font-semibold">
              {t("network.table.heading")}
            </h2>
            <NodeTable rows={data.rows} sort={data.sort} />
            <Pagination
              page={data.page.page}
              pages={data.page.pages}
              from={data.page.from}
              to={data.page.to}
              total={data.page.total}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
