import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { allowed, requirePermission } from "../auth/guard.server";
import { currentRegion } from "../auth/region.server";
import { ExportLinks } from "../components/export-links";
import { BodyTable } from "../components/year-overview/body-table";
import { EventTable } from "../components/year-overview/event-table";
import { ReportLine } from "../components/year-overview/report-line";
import { TotalsTable } from "../components/year-overview/totals-table";
import { YearChoice } from "../components/year-overview/year-choice";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { meetingYears, yearOverview } from "../models/meeting-reports.server";
import { overviewYears, reportLine, yearFrom } from "../services/attendance-figures";
import { pageFrom, paging } from "../services/list-params";
import { listScopeOf } from "../services/region-choice";
import { regionLabel } from "../services/report-region";
import { summariseGroups, yearBodies, yearBodyFilterFrom, yearSections } from "../services/meeting-report-tables";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetingReports.year.title"));

const BODIES_PAGE_SIZE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const search = new URL(request.url).searchParams;
  const asked = yearFrom(search);
  const { years, year } = overviewYears(await meetingYears(context.db), todayInAmsterdam(), asked.year);
  const region = await currentRegion(request, context);
  const overview = await yearOverview(context.db, year, listScopeOf(region));
  const { byRegion, byLevel, bySubregion } = yearSections(overview, region === "all");
  // a national network has thousands of bodies: totals per level and subregion, the bodies a page at a time
  const bodyFilter = yearBodyFilterFrom(search);
  const bodies = yearBodies(overview.bodies, bodyFilter);
  const page = paging(bodies.length, pageFrom(search), BODIES_PAGE_SIZE);
  return json({
    year,
    years,
    region,
    invalidYear: asked.invalid,
    line: reportLine(overview.bodies),
    anyBodies: overview.bodies.length > 0,
    byRegion: summariseGroups(byRegion),
    byLevel: summariseGroups(byLevel),
    bySubregion: summariseGroups(bySubregion),
    bodyFilter,
    bodies: bodies.slice(page.offset, page.offset + page.limit),
    page,
    events: overview.events,
    canExport: await allowed(request, context, user, "register.export", { region: "current" }),
  });
}

export default function YearOverviewPage() {
  const {
    year,
    years,
    region,
    invalidYear,
    line,
    anyBodies,
    byRegion,
    byLevel,
    bySubregion,
    bodyFilter,
    bodies,
    page,
    events,
    canExport,
  } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <p className="no-print text-sm text-slate-600">
        <Link to="/vergaderingen">{t("common.nav.meetings")}</Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t("meetingReports.year.heading", { year: year })} — {regionLabel(t, region)}
      </h1>
      {invalidYear ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("meetingReports.year.invalidYear", { value: invalidYear, year: year })}
        </p>
      ) : null}
      <YearChoice year={year} years={years} />
      <p className="max-w-3xl text-sm text-slate-700">{t("meetingReports.year.intro")}</p>
      <ExportLinks canExport={canExport} downloadPath="/vergaderingen/jaaroverzicht/download" />
      <ReportLine line={line} year={year} />
      {!anyBodies ? (
        <p>{t("meetingReports.year.empty", { year: year })}</p>
      ) : (
        <>
          <p className="max-w-3xl text-sm text-slate-600">{t("meetingReports.year.legend")}</p>
          {byRegion.length > 0 ? <TotalsTable groups={byRegion} kind="region" year={year} /> : null}
          <TotalsTable groups={byLevel} kind="level" year={year} />
          <TotalsTable groups={bySubregion} kind="subregion" year={year} />
          <BodyTable
            year={year}
            bodies={bodies}
            page={page}
            bodyFilter={bodyFilter}
            subregions={bySubregion}
            regions={byRegion}
          />
        </>
      )}
      <EventTable year={year} events={events} />
    </div>
  );
}
