import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BODY_LEVELS, type Language } from "../../db/schema";
import { allowed, requirePermission } from "../auth/guard.server";
import { currentRegion } from "../auth/region.server";
import { FilterDay, FilterSelect } from "../components/filter-form";
import { ExportLinks } from "../components/export-links";
import { FiguresTable } from "../components/meeting-reports/figures-table";
import { RateChart } from "../components/meeting-reports/rate-chart";
import { Pagination } from "../components/lists";
import { NamedFilterField } from "../components/named-filter";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { attendanceFigures, figureChoices, personNameFor } from "../models/meeting-reports.server";
import {
  DIRECTION_PARAMS,
  FIGURE_GROUPINGS,
  figureQueryFrom,
  GROUPING_PARAMS,
  SORT_PARAMS,
} from "../services/attendance-figures";
import { pageFrom, paging, SORT_PARAM } from "../services/list-params";
import { listScopeOf } from "../services/region-choice";
import { regionLabel, scopedRegionId } from "../services/report-region";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetingReports.figures.title"));

const FIGURES_PAGE_SIZE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const search = new URL(request.url).searchParams;
  const query = figureQueryFrom(search, todayInAmsterdam());
  const { grouping, period, sort, ...filters } = query;
  const { body, organisation, unresolved, bodyId, organisationId } = await figureChoices(context.db, search);
  const region = await currentRegion(request, context);
  const regionId = scopedRegionId(listScopeOf(region));
  const [rows, personName] = await Promise.all([
    period.reversed || unresolved
      ? []
      : attendanceFigures(
          context.db,
          { groupBy: grouping, from: period.from, to: period.to, ...filters, bodyId, organisationId, regionId },
          sort,
        ),
    filters.personId === undefined ? null : personNameFor(context.db, filters.personId),
  ]);
  // a national figure has tens of thousands of rows: the page shows one page of them, the download all
  const page = paging(rows.length, pageFrom(search), FIGURES_PAGE_SIZE);
  return json({
    query,
    region,
    rows: rows.slice(page.offset, page.offset + page.limit),
    page,
    body,
    organisation,
    personName,
    canExport: await allowed(request, context, user, "register.export", { region: "current" }),
  });
}

export default function AttendanceFiguresPage() {
  const { query, region, rows, page, body, organisation, personName, canExport } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const location = useLocation();
  const { grouping, period, sort } = query;
  const from = formatDay(period.from, language);
  const to = formatDay(period.to, language);
  const withoutPerson = new URLSearchParams(location.search);
  withoutPerson.delete("persoon");
  const caption = t("meetingReports.figures.caption", {
    grouping: t(`meetingReports.figures.groupings.${grouping}`).toLowerCase(),
    from,
    to,
  });
  return (
    <div className="space-y-4">
      <p className="no-print text-sm text-slate-600">
        <Link to="/vergaderingen">{t("common.nav.meetings")}</Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">
          {t("meetingReports.figures.title")} — {regionLabel(t, region)}
        </h1>
        <p className="mt-1 text-slate-700">{t("meetingReports.figures.heading", { from, to })}</p>
      </div>
      {period.invalid.map((value) => (
        <p
          key={value}
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          {t("meetingReports.figures.invalidDate", { value })}
        </p>
      ))}
      {period.reversed ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("meetingReports.figures.reversed", { from, to })}
        </p>
      ) : null}
      <Form
        method="get"
        className="no-print card grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-4"
        aria-label={t("meetingReports.figures.filters")}
      >
        <fieldset className="sm:col-span-2 lg:col-span-4">
          <legend className="field-label">{t("meetingReports.figures.groupBy")}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {FIGURE_GROUPINGS.map((option) => (
              <label key={option} className="inline-flex items-center gap-2 text-sm">
                <input type="radio" name="groep" value={GROUPING_PARAMS[option]} defaultChecked={option === grouping} />
                {t(`meetingReports.figures.groupings.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <FilterDay name="van" label={t("meetingReports.figures.from")} value={period.from} />
        <FilterDay name="tot" label={t("meetingReports.figures.to")} value={period.to} />
        <NamedFilterField name="gremium" label={t("meetingReports.figures.body")} kind="body" result={body} />
        <NamedFilterField
          name="organisatie"
          label={t("meetingReports.figures.organisation")}
          kind="organisation"
          result={organisation}
        />
        <FilterSelect
          name="niveau"
          label={t("meetingReports.figures.level")}
          value={query.level}
          anyLabel={t("meetingReports.figures.all")}
          options={BODY_LEVELS.map((level) => ({ value: level, label: t(`register.levels.${level}`) }))}
        />
        {query.personId ? <input type="hidden" name="persoon" value={query.personId} /> : null}
        <input type="hidden" name={SORT_PARAM} value={SORT_PARAMS[sort.column]} />
        <input type="hidden" name="volgorde" value={DIRECTION_PARAMS[sort.direction]} />
        <div>
          <button type="submit" className="btn-primary">
            {t("meetingReports.figures.show")}
          </button>
        </div>
      </Form>
      {query.personId ? (
        <p className="text-sm">
          {t("meetingReports.figures.onlyPerson", { name: personName ?? `#${query.personId}` })}{" "}
          <Link className="no-print underline" to={`?${withoutPerson}`}>
            {t("meetingReports.figures.allPeople")}
          </Link>
        </p>
      ) : null}
      <p className="max-w-3xl text-sm text-slate-700">
        {t("meetingReports.figures.intro")} {t(`meetingReports.figures.definitions.${grouping}`)}
      </p>
      <ExportLinks canExport={canExport} downloadPath="/vergaderingen/cijfers/download" />
      {page.total === 0 ? (
        period.reversed ? null : (
          <p>{t("meetingReports.figures.empty")}</p>
        )
      ) : (
        <>
          <RateChart rows={rows} />
          <p className="text-sm text-slate-600">{t("meetingReports.figures.count", { count: page.total })}</p>
          <FiguresTable grouping={grouping} sort={sort} rows={rows} caption={caption} />
          <Pagination page={page.page} pages={page.pages} from={page.from} to={page.to} total={page.total} />
        </>
      )}
    </div>
  );
}
