import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FUNDING_STATUSES } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import { Pagination } from "../components/lists";
import { pageTitle } from "../i18n/meta";
import { listPlans, planFilterOptions } from "../models/plans.server";
import { oneOf, pageFrom, positiveIntFrom } from "../services/list-params";
import { PLAN_SORTS } from "../services/plan-sorts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("themes.plans.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const params = new URL(request.url).searchParams;
  const filter = {
    q: params.get("q")?.trim() || undefined,
    themeId: positiveIntFrom(params, "thema"),
    fundingStatus: oneOf(params, "financiering", FUNDING_STATUSES),
    subregionId: positiveIntFrom(params, "subregio"),
    includeArchived: params.get("archief") === "1",
    sort: oneOf(params, "sorteer", PLAN_SORTS) ?? "naam",
    page: pageFrom(params),
  };
  const [result, options] = await Promise.all([listPlans(context.db, filter), planFilterOptions(context.db)]);
  return json({ ...result, ...options, filter, canEdit: can(user.role, "register.edit") });
}

export default function Plans() {
  const { rows, page, themes, subregions, filter, canEdit } = useLoaderData<typeof loader>();
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
      <Form method="get" className="card no-print flex flex-wrap items-end gap-4">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="field-label">
            {t("register.filters.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} className="field-input" />
        </div>
        <div>
          <label htmlFor="thema" className="field-label">
            {t("themes.filters.theme")}
          </label>
          <select id="thema" name="thema" defaultValue={filter.themeId ?? ""} className="field-input">
            <option value="">{t("register.filters.all")}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.archived_at ? `${theme.name} ${t("themes.plan.archivedReference")}` : theme.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="financiering" className="field-label">
            {t("themes.filters.funding")}
          </label>
          <select id="financiering" name="financiering" defaultValue={filter.fundingStatus ?? ""} className="field-input">
            <option value="">{t("register.filters.all")}</option>
            {FUNDING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`themes.funding.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="subregio" className="field-label">
            {t("register.filters.subregion")}
          </label>
          <select id="subregio" name="subregio" defaultValue={filter.subregionId ?? ""} className="field-input">
            <option value="">{t("register.filters.all")}</option>
            {subregions.map((subregion) => (
              <option key={subregion.id} value={subregion.id}>
                {subregion.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sorteer" className="field-label">
            {t("themes.filters.sort")}
          </label>
          <select id="sorteer" name="sorteer" defaultValue={filter.sort} className="field-input">
            {PLAN_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`themes.filters.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 pb-2">
          <input id="archief" name="archief" type="checkbox" value="1" defaultChecked={filter.includeArchived} />
          <label htmlFor="archief" className="text-sm">
            {t("register.filters.includeArchived")}
          </label>
        </div>
        <button type="submit" className="btn-primary">
          {t("register.filters.apply")}
        </button>
        <Link to="/plannen" className="btn-secondary">
          {t("register.filters.reset")}
        </Link>
      </Form>
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
                <th scope="col">{t("themes.fields.subregion")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((plan) => (
                <tr key={plan.id}>
                  <td>
                    <Link to={`/plannen/${plan.id}`}>{plan.name}</Link>
                    {plan.archived_at ? <span className="ml-2 text-xs uppercase text-slate-600">{t("register.archived")}</span> : null}
                  </td>
                  <td>{plan.theme_id ? <Link to={`/themas/${plan.theme_id}`}>{plan.theme_name}</Link> : t("themes.plan.none")}</td>
                  <td>{t(`themes.funding.${plan.funding_status}`)}</td>
                  <td>
                    {plan.lead_organisation_id ? (
                      <Link to={`/organisaties/${plan.lead_organisation_id}`}>{plan.lead_organisation_name}</Link>
                    ) : (
                      t("themes.plan.none")
                    )}
                  </td>
                  <td>{plan.subregion_name ?? t("themes.fields.wholeRegion")}</td>
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
