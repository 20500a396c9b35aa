import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { Pagination } from "../components/lists";
import { pageTitle } from "../i18n/meta";
import { listOrganisations, organisationFilterOptions } from "../models/organisations.server";
import { pageFrom, positiveIntFrom } from "../services/list-params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("register.organisations.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.read");
  const params = new URL(request.url).searchParams;
  const filter = {
    q: params.get("q")?.trim() || undefined,
    sectorId: positiveIntFrom(params, "sector"),
    subregionId: positiveIntFrom(params, "subregio"),
    includeArchived: params.get("archief") === "1",
    page: pageFrom(params),
  };
  const [result, options] = await Promise.all([listOrganisations(context.db, filter), organisationFilterOptions(context.db)]);
  return json({ ...result, options, filter });
}

export default function Organisations() {
  const { rows, page, options, filter } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const sectorName = (s: { sector_nl: string; sector_en: string }) => (i18n.language === "en" ? s.sector_en : s.sector_nl);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("register.organisations.title")}</h1>
      <Form method="get" className="card no-print flex flex-wrap items-end gap-4">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="field-label">
            {t("register.filters.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} className="field-input" />
        </div>
        <div>
          <label htmlFor="sector" className="field-label">
            {t("register.filters.sector")}
          </label>
          <select id="sector" name="sector" defaultValue={filter.sectorId ?? ""} className="field-input">
            <option value="">{t("register.filters.all")}</option>
            {options.sectors.map((s) => (
              <option key={s.id} value={s.id}>
                {i18n.language === "en" ? s.name_en : s.name_nl}
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
            {options.subregions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
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
        <Link to="/organisaties" className="btn-secondary">
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
                <th scope="col">{t("register.organisations.name")}</th>
                <th scope="col">{t("register.organisations.sector")}</th>
                <th scope="col">{t("register.organisations.subregions")}</th>
                <th scope="col">{t("register.organisations.izaSignatory")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((org) => (
                <tr key={org.id}>
                  <td>
                    <Link to={`/organisaties/${org.id}`}>{org.name}</Link>
                    {org.short_name ? <span className="text-slate-600"> ({org.short_name})</span> : null}
                    {org.archived_at ? <span className="ml-2 text-xs uppercase text-slate-600">{t("register.archived")}</span> : null}
                  </td>
                  <td>{sectorName(org)}</td>
                  <td>{org.subregion_names ?? t("register.organisations.regionWide")}</td>
                  <td>{org.iza_signatory ? t("common.yes") : t("common.no")}</td>
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
