import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BODY_LEVELS, type Language } from "../../db/schema";
import { allowed, requirePermission } from "../auth/guard.server";
import { currentRegion } from "../auth/region.server";
import { FilterDay, FilterSelect } from "../components/filter-form";
import { ExportLinks } from "../components/export-links";
import { Pagination } from "../components/lists";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { requestLanguage } from "../i18n/request.server";
import { organisationFilterOptions } from "../models/organisations.server";
import { membershipMatrix } from "../models/overviews.server";
import { pageFrom, paging } from "../services/list-params";
import {
  cellKey,
  matrixFilterFrom,
  matrixNarrowed,
  matrixPage,
  matrixRowName,
  representativeText,
} from "../services/overview-tables";
import { listScopeOf } from "../services/region-choice";
import { regionLabel } from "../services/report-region";
import { TableRegion } from "../components/table-region";

const ORGANISATIONS_PAGE_SIZE = 50;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("overviews.matrix.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const search = new URL(request.url).searchParams;
  const { invalidDate, ...filter } = matrixFilterFrom(search, todayInAmsterdam());
  const narrowed = matrixNarrowed(filter);
  const region = await currentRegion(request, context);
  const [whole, options] = await Promise.all([
    narrowed ? membershipMatrix(context.db, filter, requestLanguage(request, user), listScopeOf(region)) : null,
    organisationFilterOptions(context.db, listScopeOf(region)),
  ]);
  const page = paging(whole?.organisations.length ?? 0, pageFrom(search), ORGANISATIONS_PAGE_SIZE);
  const matrix = whole ? matrixPage(whole, page.offset, page.limit) : null;
  return json({
    matrix,
    region,
    allBodies: whole?.bodies.length ?? 0,
    page,
    options,
    filter,
    invalidDate,
    canExport: await allowed(request, context, user, "register.export", { region: "current" }),
  });
}

export default function Matrix() {
  const { matrix, region, allBodies, page, options, filter, invalidDate, canExport } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const dateText = formatDay(filter.date, language);
  return (
    <div className="space-y-4">
      <p className="no-print text-sm text-slate-600">
        <Link to="/overzichten">{t("overviews.title")}</Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t("overviews.matrix.heading", { date: dateText })} — {regionLabel(t, region)}
      </h1>
      {invalidDate ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("overviews.invalidDate", { value: invalidDate })}
        </p>
      ) : null}
      <Form method="get" className="no-print card flex flex-wrap items-end gap-3">
        <FilterDay name="datum" label={t("overviews.date")} value={filter.date} />
        <FilterSelect
          name="niveau"
          label={t("overviews.level")}
          value={filter.level}
          anyLabel={t("overviews.all")}
          options={BODY_LEVELS.map((level) => ({ value: level, label: t(`register.levels.${level}`) }))}
        />
        <FilterSelect
          name="subregio"
          label={t("overviews.subregion")}
          value={filter.subregionId}
          anyLabel={t("overviews.all")}
          options={options.subregions.map((s) => ({ value: String(s.id), label: s.name }))}
        />
        <FilterSelect
          name="sector"
          label={t("overviews.sector")}
          value={filter.sectorId}
          anyLabel={t("overviews.all")}
          options={options.sectors.map((s) => ({
            value: String(s.id),
            label: language === "en" ? s.name_en : s.name_nl,
          }))}
        />
        <button type="submit" className="btn-primary">
          {t("overviews.show")}
        </button>
      </Form>
      <ExportLinks canExport={canExport} downloadPath="/overzichten/matrix/download" />
      {matrix === null ? (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
          {t("overviews.matrix.narrow")}
        </p>
      ) : matrix.organisations.length === 0 ? (
        <p>{t("overviews.matrix.empty")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {t("overviews.matrix.count", { organisations: page.total, bodies: allBodies })}{" "}
            {page.pages > 1
              ? t("overviews.matrix.paged", { size: page.limit, bodies: matrix.bodies.length, allBodies })
              : null}
          </p>
          <TableRegion
            className="max-h-[75vh] overflow-auto rounded-md border border-slate-200 print:max-h-none print:overflow-visible"
            label={t("overviews.matrix.caption", { date: dateText })}
          >
            <table className="min-w-full border-collapse text-sm">
              <caption className="sr-only">{t("overviews.matrix.caption", { date: dateText })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 top-0 z-20 bg-slate-100 p-2 text-left">
                    {t("overviews.matrix.organisation")}
                  </th>
                  {matrix.bodies.map((body) => (
                    <th
                      key={body.id}
                      scope="col"
                      className="sticky top-0 z-10 min-w-[10rem] bg-slate-100 p-2 text-left align-bottom"
                    >
                      <Link to={`/gremia/${body.id}?datum=${filter.date}`}>{body.abbreviation ?? body.name}</Link>
                      <span className="block text-xs font-normal text-slate-600">
                        {t(`register.levels.${body.level}`)}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.organisations.map((organisation) => (
                  <tr key={organisation.key} className="break-inside-avoid border-t border-slate-200">
                    <th scope="row" className="sticky left-0 z-10 bg-white p-2 text-left align-top">
                      {organisation.id === null ? (
                        matrixRowName(organisation, t)
                      ) : (
                        <Link to={`/organisaties/${organisation.id}`}>{organisation.name}</Link>
                      )}
                      <span className="block text-xs font-normal text-slate-600">{organisation.sector}</span>
                    </th>
                    {matrix.bodies.map((body) => {
                      const people = matrix.cells[cellKey(organisation.key, body.id)];
                      // most cells are empty: a bare cell, no list, keeps a wide matrix cheap to render
                      if (!people) return <td key={body.id} />;
                      return (
                        <td key={body.id} className="p-2 align-top">
                          <ul>
                            {people.map((person) => (
                              <li key={person.seatId}>
                                {person.personId ? (
                                  <Link to={`/personen/${person.personId}`}>{representativeText(person, t)}</Link>
                                ) : (
                                  representativeText(person, t)
                                )}
                              </li>
                            ))}
                          </ul>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pagination page={page.page} pages={page.pages} from={page.from} to={page.to} total={page.total} />
        </>
      )}
    </div>
  );
}
