import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FUNDING_STATUSES } from "../../db/schema";
import { allowed, requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { FilterCheckbox, FilterForm, FilterSearch, FilterSelect } from "../components/filter-form";
import { Pagination } from "../components/lists";
import { pageTitle } from "../i18n/meta";
import { listPlans, planFilterOptions } from "../models/plans.server";
import { oneOf, pageFrom, positiveIntFrom, SORT_PARAM, sortFrom } from "../services/list-params";
import { PLAN_SORTS } from "../services/plan-sorts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("themes.plans.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const params = new URL(request.url).searchParams;
  const filter = {
    q: params.get("q")?.trim() || undefined,
    themeId: positiveIntFrom(params, "thema"),
    fundingStatus: oneOf(params, "financiering", FUNDING_STATUSES),
    subregionId: positiveIntFrom(params, "subregio"),
    includeArchived: params.get("archief") === "1",
    sort: sortFrom(params, PLAN_SORTS) ?? "naam",
    page: pageFrom(params),
  };
  const scope = await listScope(request, context);
  const [result, options] = await Promise.all([
    listPlans(context.db, scope, filter),
    planFilterOptions(context.db, scope),
  ]);
  return json({
    ...result,
    ...options,
    allRegions: scope === "all",
    filter,
    canEdit: await allowed(request, context, user, "register.edit", { region: "current" }),
  });
}

export default function Plans() {
  const { rows, page, themes, subregions, allRegions, filter, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/themas">{t("themes.title")}</Link>
        </p>
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-2xl font-bold">{t("themes.plans.title")}</h1>
          {canEdit ? (
            <Link to="/plannen/nieuw" className="btn-primary no-print">
              {t("themes.actions.newPlan")}
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm resetTo="/plannen">
        <FilterSearch label={t("register.filters.search")} value={filter.q} />
        <FilterSelect
          name="thema"
          label={t("themes.filters.theme")}
          value={filter.themeId}
          anyLabel={t("register.filters.all")}
          options={themes.map((theme) => {
            const name = allRegions ? `${theme.name} (${theme.region_name})` : theme.name;
            return {
              value: theme.id,
              label: theme.archived_at ? `${name} ${t("themes.plan.archivedReference")}` : name,
            };
          })}
        />
        <FilterSelect
          name="financiering"
          label={t("themes.filters.funding")}
          value={filter.fundingStatus}
          anyLabel={t("register.filters.all")}
          options={FUNDING_STATUSES.map((status) => ({ value: status, label: t(`themes.funding.${status}`) }))}
        />
        <FilterSelect
          name="subregio"
          label={t("register.filters.subregion")}
          value={filter.subregionId}
          anyLabel={t("register.filters.all")}
          options={subregions.map((subregion) => ({
            value: subregion.id,
            label: allRegions ? `${subregion.name} (${subregion.region_name})` : subregion.name,
          }))}
        />
        <FilterSelect
          name={SORT_PARAM}
          label={t("themes.filters.sort")}
          value={filter.sort}
          options={PLAN_SORTS.map((sort) => ({ value: sort, label: t(`themes.filters.sorts.${sort}`) }))}
        />
        <FilterCheckbox name="archief" label={t("register.filters.includeArchived")} checked={filter.includeArchived} />
      </FilterForm>
      <div className="card overflow-x-auto">
        {rows.length === 0 ? (
          <p>{t("common.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("themes.plans.name")}</th>
                <th scope="col">{t("themes.fields.theme")}</th>
                <th scope="col">{t("themes.fields.fundingStatus")}</th>
                <th scope="col">{t("themes.fields.leadOrganisation")}</th>
                {allRegions ? <th scope="col">{t("regions.column")}</th> : null}
                <th scope="col">{t("themes.fields.subregion")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((plan) => (
                <tr key={plan.id}>
                  <td>
                    <Link to={`/plannen/${plan.id}`}>{plan.name}</Link>
                    {plan.archived_at ? (
                      <span className="ml-2 text-xs uppercase text-slate-600">{t("register.archived")}</span>
                    ) : null}
                  </td>
                  <td>
                    {plan.theme_id ? (
                      <Link to={`/themas/${plan.theme_id}`}>{plan.theme_name}</Link>
                    ) : (
                      t("themes.plan.none")
                    )}
                  </td>
                  <td>{plan.funding_markers.map((marker) => t(`themes.funding.${marker}`)).join(", ")}</td>
                  <td>
                    {plan.lead_organisation_id ? (
                      <Link to={`/organisaties/${plan.lead_organisation_id}`}>{plan.lead_organisation_name}</Link>
                    ) : (
                      t("themes.plan.none")
                    )}
                  </td>
                  {allRegions ? <td>{plan.region_name}</td> : null}
                  <td>{plan.subregion_name ?? t("regions.wholeRegion", { name: plan.region_name })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination {...page} />
      </div>
    </div>
  );
}
