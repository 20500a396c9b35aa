import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FUNDING_STATUSES, THEME_KINDS } from "../../db/schema";
import { allowed, requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { FilterCheckbox, FilterForm, FilterSelect } from "../components/filter-form";
import { pageTitle } from "../i18n/meta";
import { listThemes } from "../models/themes.server";
import { oneOf } from "../services/list-params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("themes.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const params = new URL(request.url).searchParams;
  const filter = {
    kind: oneOf(params, "soort", THEME_KINDS),
    fundingStatus: oneOf(params, "financiering", FUNDING_STATUSES),
    includeArchived: params.get("archief") === "1",
  };
  const scope = await listScope(request, context);
  const themes = await listThemes(context.db, scope, filter);
  return json({
    themes,
    allRegions: scope === "all",
    filter,
    canEdit: await allowed(request, context, user, "register.edit", { region: "current" }),
  });
}

export default function Themes() {
  const { themes, allRegions, filter, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const kinds = THEME_KINDS.filter((kind) => themes.some((theme) => theme.kind === kind));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("themes.title")}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("themes.intro")}</p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <Link to="/plannen" className="btn-secondary">
            {t("themes.actions.allPlans")}
          </Link>
          {canEdit ? (
            <>
              <Link to="/themas/nieuw" className="btn-secondary">
                {t("themes.actions.newTheme")}
              </Link>
              <Link to="/plannen/nieuw" className="btn-primary">
                {t("themes.actions.newPlan")}
              </Link>
            </>
          ) : null}
        </div>
      </div>

      <FilterForm resetTo="/themas">
        <FilterSelect
          name="soort"
          label={t("themes.filters.kind")}
          value={filter.kind}
          anyLabel={t("register.filters.all")}
          options={THEME_KINDS.map((kind) => ({ value: kind, label: t(`themes.kinds.${kind}`) }))}
        />
        <FilterSelect
          name="financiering"
          label={t("themes.filters.funding")}
          value={filter.fundingStatus}
          anyLabel={t("register.filters.all")}
          options={FUNDING_STATUSES.map((status) => ({ value: status, label: t(`themes.funding.${status}`) }))}
        />
        <FilterCheckbox name="archief" label={t("register.filters.includeArchived")} checked={filter.includeArchived} />
      </FilterForm>

      {kinds.length === 0 ? <p className="card">{t("themes.list.noThemes")}</p> : null}
      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} className="space-y-4">
          <h2 id={`kind-${kind}`} className="text-xl font-semibold">
            {t(`themes.kindHeadings.${kind}`)}
          </h2>
          <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            {themes
              .filter((theme) => theme.kind === kind)
              .map((theme) => (
                <li key={theme.id} className="card space-y-3">
                  <h3 className="text-lg font-semibold">
                    <Link to={`/themas/${theme.id}`}>{theme.name}</Link>
                    {theme.archived_at ? (
                      <span className="ml-2 text-xs font-normal uppercase text-slate-600">
                        {t("register.archived")}
                      </span>
                    ) : null}
                  </h3>
                  {allRegions ? (
                    <p className="text-sm">
                      {t("regions.column")}: {theme.region_name}
                    </p>
                  ) : null}
                  <p className="text-sm text-slate-600">
                    {t("themes.counts.bodies", { count: theme.bodyCount })} ·{" "}
                    {t("themes.counts.plans", { count: theme.planCount })}
                  </p>
                  {theme.plans.length === 0 ? (
                    <p className="text-sm">{t("themes.list.noPlans")}</p>
                  ) : (
                    <dl className="space-y-2 text-sm">
                      {FUNDING_STATUSES.filter((status) =>
                        theme.plans.some((plan) => plan.funding_markers.includes(status)),
                      ).map((status) => (
                        <div key={status}>
                          <dt className="font-semibold">{t(`themes.funding.${status}`)}</dt>
                          <dd>
                            <ul className="list-disc pl-5">
                              {theme.plans
                                .filter((plan) => plan.funding_markers.includes(status))
                                .map((plan) => (
                                  <li key={plan.id}>
                                    <Link to={`/plannen/${plan.id}`}>{plan.name}</Link>
                                    {plan.archived_at ? (
                                      <span className="ml-2 text-xs uppercase text-slate-600">
                                        {t("register.archived")}
                                      </span>
                                    ) : null}
                                  </li>
                                ))}
                            </ul>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
