import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BODY_KINDS, BODY_LEVELS } from "../../db/schema";
import { allowed, requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { FilterCheckbox, FilterForm, FilterSelect } from "../components/filter-form";
import { Pagination } from "../components/lists";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { listBodiesPage } from "../models/bodies.server";
import { subregionsIn } from "../models/regions.server";
import { BODY_SORTS } from "../services/body-list";
import { oneOf, pageFrom, positiveIntFrom, SORT_PARAM, sortFrom } from "../services/list-params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("register.bodies.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const params = new URL(request.url).searchParams;
  const filter = {
    level: oneOf(params, "niveau", BODY_LEVELS),
    kind: oneOf(params, "soort", BODY_KINDS),
    subregionId: positiveIntFrom(params, "subregio"),
    includeArchived: params.get("archief") === "1",
    sort: sortFrom(params, BODY_SORTS) ?? "niveau",
  };
  const scope = await listScope(request, context);
  const [{ rows, page }, subregions] = await Promise.all([
    listBodiesPage(context.db, scope, todayInAmsterdam(), filter, pageFrom(params)),
    subregionsIn(context.db, scope),
  ]);
  return json({
    bodies: rows,
    page,
    subregions,
    allRegions: scope === "all",
    filter,
    canEdit: await allowed(request, context, user, "register.edit", { region: "current" }),
  });
}

export default function Bodies() {
  const { bodies, page, subregions, allRegions, filter, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("register.bodies.title")}</h1>
        {canEdit ? (
          <Link to="/gremia/nieuw" className="btn-primary">
            {t("bodies.list.newBody")}
          </Link>
        ) : null}
      </div>
      <FilterForm resetTo="/gremia">
        <FilterSelect
          name="niveau"
          label={t("register.filters.level")}
          value={filter.level}
          anyLabel={t("register.filters.all")}
          options={BODY_LEVELS.map((level) => ({ value: level, label: t(`register.levels.${level}`) }))}
        />
        <FilterSelect
          name="soort"
          label={t("bodies.list.kind")}
          value={filter.kind}
          anyLabel={t("register.filters.all")}
          options={BODY_KINDS.map((kind) => ({ value: kind, label: t(`register.bodyKinds.${kind}`) }))}
        />
        <FilterSelect
          name="subregio"
          label={t("register.filters.subregion")}
          value={filter.subregionId}
          anyLabel={t("register.filters.all")}
          options={subregions.map((s) => ({
            value: s.id,
            label: allRegions ? `${s.name} (${s.region_name})` : s.name,
          }))}
        />
        <FilterSelect
          name={SORT_PARAM}
          label={t("bodies.list.sort")}
          value={filter.sort}
          options={BODY_SORTS.map((sort) => ({ value: sort, label: t(`bodies.list.sortOptions.${sort}`) }))}
        />
        <FilterCheckbox name="archief" label={t("register.filters.includeArchived")} checked={filter.includeArchived} />
      </FilterForm>
      <div className="card overflow-x-auto">
        {bodies.length === 0 ? (
          <p>{t("common.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("register.bodies.name")}</th>
                <th scope="col">{t("register.bodies.level")}</th>
                <th scope="col">{t("register.bodies.kind")}</th>
                {allRegions ? <th scope="col">{t("regions.column")}</th> : null}
                <th scope="col">{t("register.bodies.subregion")}</th>
                <th scope="col" className="text-right">
                  {t("register.bodies.members")}
                </th>
                <th scope="col" className="text-right">
                  {t("register.bodies.vacancies")}
                </th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((body) => (
                <tr key={body.id}>
                  <td>
                    <Link to={`/gremia/${body.id}`}>{body.name}</Link>
                    {body.abbreviation ? <span className="text-slate-600"> ({body.abbreviation})</span> : null}
                    {body.archived_at ? (
                      <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                        {t("bodies.list.archivedBadge")}
                      </span>
                    ) : null}
                  </td>
                  <td>{t(`register.levels.${body.level}`)}</td>
                  <td>{t(`register.bodyKinds.${body.kind}`)}</td>
                  {allRegions ? <td>{body.region_name}</td> : null}
                  <td>{body.subregion_name ?? t("regions.wholeRegion", { name: body.region_name })}</td>
                  <td className="text-right">{body.members}</td>
                  <td className="text-right">{body.vacancies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page.pages > 1 ? (
          <Pagination page={page.page} pages={page.pages} from={page.from} to={page.to} total={page.total} />
        ) : null}
      </div>
    </div>
  );
}
