import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { countOrganisationsWithoutRegion } from "../models/organisation-regions.server";
import { requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { can } from "../auth/permissions";
import { FilterForm, FilterSearch, FilterSelect } from "../components/filter-form";
import { Pagination } from "../components/lists";
import { NamedFilterField } from "../components/named-filter";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { bodyChoice } from "../models/named-choices.server";
import {
  type ArchiveScope,
  listOrganisations,
  organisationFilterOptions,
  type OrganisationSort,
} from "../models/organisations.server";
import { oneOf, pageFrom, paging, positiveIntFrom, SORT_PARAM, sortFrom } from "../services/list-params";
import { chosenId, namedChoiceFrom } from "../services/named-choice";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("register.organisations.title"));

/** The URL speaks Dutch (`?archief=alleen&sortering=gewijzigd`); the model's names are English. */
const ARCHIVE_PARAM: Record<string, ArchiveScope> = {
  ook: "include",
  alleen: "only",
};
const SORTS: Record<string, OrganisationSort> = {
  naam: "name",
  sector: "sector",
  gewijzigd: "changed",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const params = new URL(request.url).searchParams;
  const archief = oneOf(params, "archief", Object.keys(ARCHIVE_PARAM));
  const sortering = sortFrom(params, Object.keys(SORTS)) ?? "naam";
  const body = await bodyChoice(context.db, namedChoiceFrom(params, "gremium"));
  const filter = {
    q: params.get("q")?.trim().slice(0, 100) || undefined,
    sectorId: positiveIntFrom(params, "sector"),
    subregionId: positiveIntFrom(params, "subregio"),
    bodyId: chosenId(body),
    archief: archief ?? "",
    sortering,
  };
  // a name that is not (yet) one body filters on nothing: the field says what to do instead
  const unresolved = body.state === "unknown" || body.state === "ambiguous";
  const scope = await listScope(request, context);
  const [result, options, toComplete] = await Promise.all([
    unresolved
      ? { rows: [] as Awaited<ReturnType<typeof listOrganisations>>["rows"], page: paging(0, 1) }
      : listOrganisations(context.db, {
          q: filter.q,
          sectorId: filter.sectorId,
          subregionId: filter.subregionId,
          bodyId: filter.bodyId,
          seatDate: todayInAmsterdam(),
          scope,
          archived: archief ? ARCHIVE_PARAM[archief] : "exclude",
          sort: SORTS[sortering],
          page: pageFrom(params),
        }),
    organisationFilterOptions(context.db, scope),
    countOrganisationsWithoutRegion(context.db),
  ]);
  return json({ ...result, options, body, filter, toComplete, canEdit: can(user, "register.edit") });
}

export default function Organisations() {
  const { rows, page, options, body, filter, toComplete, canEdit } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const sectorName = (s: { sector_nl: string; sector_en: string }) => (language === "en" ? s.sector_en : s.sector_nl);
  const showChanged = filter.sortering === "gewijzigd";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("register.organisations.title")}</h1>
        <div className="no-print flex flex-wrap gap-2">
          {toComplete > 0 ? (
            <Link to="/organisaties/te-completeren" className="btn-secondary">
              {t("organisations.toComplete.link", { count: toComplete })}
            </Link>
          ) : null}
          <Link to="/organisaties/dubbelen" className="btn-secondary">
            {t("duplicates.organisations.link")}
          </Link>
          {canEdit ? (
            <>
              <Link to="/importeren" className="btn-secondary">
                {t("import.openImport")}
              </Link>
              <Link to="/organisaties/nieuw" className="btn-primary">
                {t("organisations.list.newOrganisation")}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <FilterForm resetTo="/organisaties" label={t("organisations.list.filtersLabel")}>
        <FilterSearch label={t("register.filters.search")} value={filter.q} />
        <FilterSelect
          name="sector"
          label={t("register.filters.sector")}
          value={filter.sectorId}
          anyLabel={t("register.filters.all")}
          options={options.sectors.map((s) => ({
            value: s.id,
            label: language === "en" ? s.name_en : s.name_nl,
          }))}
        />
        <FilterSelect
          name="subregio"
          label={t("register.filters.subregion")}
          value={filter.subregionId}
          anyLabel={t("register.filters.all")}
          options={options.subregions.map((s) => ({
            value: s.id,
            label: s.name,
          }))}
        />
        <NamedFilterField name="gremium" label={t("organisations.list.seatIn")} kind="body" result={body} />
        <FilterSelect
          name="archief"
          label={t("organisations.list.archived")}
          value={filter.archief}
          options={[
            { value: "", label: t("organisations.list.archivedExclude") },
            { value: "ook", label: t("organisations.list.archivedInclude") },
            { value: "alleen", label: t("organisations.list.archivedOnly") },
          ]}
        />
        <FilterSelect
          name={SORT_PARAM}
          label={t("organisations.list.sort")}
          value={filter.sortering}
          options={[
            { value: "naam", label: t("organisations.list.sorts.name") },
            { value: "sector", label: t("organisations.list.sorts.sector") },
            {
              value: "gewijzigd",
              label: t("organisations.list.sorts.changed"),
            },
          ]}
        />
      </FilterForm>
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
                {showChanged ? <th scope="col">{t("organisations.list.changed")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((org) => (
                <tr key={org.id}>
                  <td>
                    <Link to={`/organisaties/${org.id}`}>{org.name}</Link>
                    {org.short_name ? <span className="text-slate-600"> ({org.short_name})</span> : null}
                    {org.archived_at ? (
                      <span className="ml-2 text-xs uppercase text-slate-600">{t("register.archived")}</span>
                    ) : null}
                  </td>
                  <td>{sectorName(org)}</td>
                  <td>
                    {org.subregion_names ??
                      (org.region_names
                        ? t("regions.wholeRegion", { name: org.region_names })
                        : t("organisations.fields.noRegion"))}
                  </td>
                  <td>{org.iza_signatory ? t("common.yes") : t("common.no")}</td>
                  {showChanged ? (
                    <td className="whitespace-nowrap">
                      <time dateTime={org.updated_at}>{formatMoment(org.updated_at, language)}</time>
                    </td>
                  ) : null}
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
