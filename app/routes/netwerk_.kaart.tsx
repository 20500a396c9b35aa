import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BODY_LEVELS, type Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { FilterDay, FilterForm, FilterSelect } from "../components/filter-form";
import { NetworkMap } from "../components/network/network-map";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { compactNetworkOf } from "../models/network.server";
import { currentRegion } from "../auth/region.server";
import { listScopeOf } from "../services/region-choice";
import { regionLabel } from "../services/report-region";
import { mapDataOf } from "../services/network/map-data";
import { NETWORK_KINDS, NETWORK_PARAMS, networkQueryFrom, networkSearchParams } from "../services/network/query";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("networkMap.title"));

/** The parameters the map's own form shows; the rest travel along unchanged. */
const SHOWN_PARAMS: readonly string[] = [NETWORK_PARAMS.kind, NETWORK_PARAMS.on, NETWORK_PARAMS.level];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.read", { region: "current" });
  const query = networkQueryFrom(new URL(request.url).searchParams, todayInAmsterdam());
  const region = await currentRegion(request, context);
  const network = await compactNetworkOf(context.db, query, listScopeOf(region));
  const search = networkSearchParams(query);
  return json({
    region,
    query,
    map: network.ties > 0 ? mapDataOf(network) : null,
    empty: network.keys.length === 0 ? ("noSeats" as const) : network.ties === 0 ? ("noTies" as const) : null,
    kept: [...search].filter(([name]) => !SHOWN_PARAMS.includes(name)),
    tableHref: `/netwerk?${search}`,
  });
}

export default function NetworkMapPage() {
  const { region, query, map, empty, kept, tableHref } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const date = formatDay(query.on, i18n.language as Language);
  const filters = (
    <FilterForm resetTo="/netwerk/kaart" label={t("networkMap.filters.label")}>
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FilterSelect
        name={NETWORK_PARAMS.kind}
        label={t("networkMap.filters.kind")}
        value={query.kind}
        options={NETWORK_KINDS.map((kind) => ({ value: kind, label: t(`networkMap.kinds.${kind}`) }))}
      />
      <FilterDay name={NETWORK_PARAMS.on} label={t("networkMap.filters.date")} value={query.on} />
      <FilterSelect
        name={NETWORK_PARAMS.level}
        label={t("networkMap.filters.level")}
        value={query.level}
        anyLabel={t("networkMap.filters.anyLevel")}
        options={BODY_LEVELS.map((level) => ({ value: level, label: t(`register.levels.${level}`) }))}
      />
    </FilterForm>
  );
  // on a laptop the header takes a third of the screen: the filters sit beside the map, the prose below it
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 className="text-2xl font-bold">
          {t("networkMap.heading", { date })} — {regionLabel(t, region)}
        </h1>
        <p className="no-print text-sm">
          <Link to={tableHref}>{t("networkMap.toTable")}</Link>
        </p>
      </div>
      {map ? (
        <>
          <NetworkMap
            data={map}
            tableHref={tableHref}
            controls={
              <>
                {filters}
                <p className="text-sm">
                  {map.leftOut.nodes > 0 || map.leftOut.edges > 0
                    ? t("networkMap.capped", {
                        shown: map.nodes.length,
                        total: map.total.nodes,
                        edges: map.edges.length,
                        leftOutNodes: map.leftOut.nodes,
                        leftOutEdges: map.leftOut.edges,
                      })
                    : t("networkMap.complete", { nodes: map.nodes.length, edges: map.edges.length })}
                </p>
              </>
            }
          />
          <p className="max-w-3xl">{t("networkMap.intro")}</p>
          <p className="text-sm text-slate-600">{t("networkMap.filters.more")}</p>
        </>
      ) : (
        <>
          <p className="max-w-3xl">{t("networkMap.intro")}</p>
          {filters}
          <p className="text-sm text-slate-600">{t("networkMap.filters.more")}</p>
          <section aria-labelledby="map-empty-heading" className="card space-y-2">
            <h2 id="map-empty-heading" className="text-lg font-semibold">
              {t("networkMap.empty.heading")}
            </h2>
            <p>{t(empty === "noSeats" ? "networkMap.empty.noSeats" : "networkMap.empty.noTies", { date })}</p>
            <p>
              <Link to={tableHref}>{t("networkMap.toTable")}</Link>
            </p>
          </section>
        </>
      )}
    </div>
  );
}
