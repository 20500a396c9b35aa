import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import { FilterSelect } from "../components/filter-form";
import { ExportLinks } from "../components/export-links";
import { Pagination } from "../components/lists";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { meetingYears, yearOverview } from "../models/meeting-reports.server";
import { BODY_LEVELS } from "../../db/schema";
import { type EventYear, overviewYears, reportLine, type YearTotals, yearFrom } from "../services/attendance-figures";
import { pageFrom, paging } from "../services/list-params";
import {
  bodyYearLabel,
  eventTotals,
  summariseGroups,
  yearBodies,
  yearBodyFilterFrom,
  type YearGroupSummary,
  yearGroupName,
  yearSections,
} from "../services/meeting-report-tables";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetingReports.year.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const search = new URL(request.url).searchParams;
  const asked = yearFrom(search);
  const { years, year } = overviewYears(await meetingYears(context.db), todayInAmsterdam(), asked.year);
  const overview = await yearOverview(context.db, year);
  const { byLevel, bySubregion } = yearSections(overview);
  // a national network has thousands of bodies: totals per level and subregion, the bodies a page at a time
  const bodyFilter = yearBodyFilterFrom(search);
  const bodies = yearBodies(overview.bodies, bodyFilter);
  const page = paging(bodies.length, pageFrom(search), BODIES_PAGE_SIZE);
  return json({
    year,
    years,
    invalidYear: asked.invalid,
    line: reportLine(overview.bodies),
    anyBodies: overview.bodies.length > 0,
    byLevel: summariseGroups(byLevel),
    bySubregion: summariseGroups(bySubregion),
    bodyFilter,
    bodies: bodies.slice(page.offset, page.offset + page.limit),
    page,
    events: overview.events,
    canExport: can(user.role, "register.export"),
  });
}

const BODIES_PAGE_SIZE = 50;

const numberCell = "text-right tabular-nums";

function CountHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className={numberCell}>
        {t("meetingReports.year.columns.held")}
      </th>
      <th scope="col" className={numberCell}>
        {t("meetingReports.year.columns.planned")}
      </th>
      <th scope="col" className={numberCell}>
        {t("meetingReports.year.columns.cancelled")}
      </th>
    </>
  );
}

function CountCells({ counts }: { counts: Pick<YearTotals, "held" | "planned" | "cancelled"> }) {
  return (
    <>
      <td className={numberCell}>{counts.held}</td>
      <td className={numberCell}>{counts.planned}</td>
      <td className={numberCell}>{counts.cancelled}</td>
    </>
  );
}

function TotalsTable({
  groups,
  kind,
  year,
}: {
  groups: YearGroupSummary[];
  kind: "level" | "subregion";
  year: number;
}) {
  const { t } = useTranslation();
  const heading = t(kind === "level" ? "meetingReports.year.byLevel" : "meetingReports.year.bySubregion");
  const caption = t("meetingReports.year.caption.totals", { year, grouping: heading.toLowerCase() });
  const filterLink = (group: YearGroupSummary) =>
    `?${new URLSearchParams(
      kind === "level" ? { jaar: String(year), niveau: group.key } : { jaar: String(year), subregio: group.key },
    )}#by-body-heading`;
  return (
    <section aria-labelledby={`by-${kind}-heading`} className="card space-y-2 break-inside-avoid">
      <h2 id={`by-${kind}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      <div className="overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`meetingReports.year.columns.${kind}`)}</th>
              <th scope="col" className={numberCell}>
                {t("meetingReports.year.columns.bodies")}
              </th>
              <CountHeaders />
              <th scope="col" className={numberCell}>
                {t("meetingReports.year.columns.meetingsPerYear")}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => {
              const name = yearGroupName(t, { ...group, rows: [] });
              return (
                <tr key={group.key}>
                  <th scope="row" className="font-normal">
                    {name}
                  </th>
                  <td className={numberCell}>
                    <Link to={filterLink(group)}>
                      {group.bodies}
                      <span className="sr-only"> – {t("meetingReports.year.showBodies", { group: name })}</span>
                    </Link>
                  </td>
                  <CountCells counts={group.totals} />
                  <td className={numberCell}>{group.totals.meetingsPerYear}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function BodyTable() {
  const { year, bodies, page, bodyFilter, bySubregion } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const caption = t("meetingReports.year.caption.bodies", { year });
  return (
    <section aria-labelledby="by-body-heading" className="card space-y-3">
      <h2 id="by-body-heading" className="text-lg font-semibold">
        {t("meetingReports.year.byBody")}
      </h2>
      <p className="text-sm text-slate-600">{t("meetingReports.year.byBodyHelp")}</p>
      <Form
        method="get"
        className="no-print flex flex-wrap items-end gap-3"
        aria-label={t("meetingReports.year.narrowBodies")}
      >
        <input type="hidden" name="jaar" value={year} />
        <FilterSelect
          key={`niveau-${bodyFilter.level ?? ""}`}
          name="niveau"
          label={t("meetingReports.year.columns.level")}
          value={bodyFilter.level}
          anyLabel={t("meetingReports.year.all")}
          options={BODY_LEVELS.map((level) => ({ value: level, label: t(`register.levels.${level}`) }))}
        />
        <FilterSelect
          key={`subregio-${bodyFilter.subregion ?? ""}`}
          name="subregio"
          label={t("meetingReports.year.columns.subregion")}
          value={bodyFilter.subregion}
          anyLabel={t("meetingReports.year.all")}
          options={bySubregion.map((group) => ({ value: group.key, label: yearGroupName(t, { ...group, rows: [] }) }))}
        />
        <button type="submit" className="btn-secondary">
          {t("meetingReports.year.narrowBodies")}
        </button>
      </Form>
      {bodies.length === 0 ? (
        <p>{t("meetingReports.year.noBodies")}</p>
      ) : (
        <div className="overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={caption}>
          <table className="data-table">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("meetingReports.year.columns.body")}</th>
                <th scope="col">{t("meetingReports.year.columns.level")}</th>
                <th scope="col">{t("meetingReports.year.columns.subregion")}</th>
                <CountHeaders />
                <th scope="col" className={numberCell}>
                  {t("meetingReports.year.columns.meetingsPerYear")}
                </th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((body) => (
                <tr key={body.id} className="break-inside-avoid">
                  <th scope="row" className="font-normal">
                    <Link to={`/gremia/${body.id}`}>{bodyYearLabel(body)}</Link>
                  </th>
                  <td>{t(`register.levels.${body.level}`)}</td>
                  <td>{body.subregionName ?? t("meetingReports.year.wholeRegion")}</td>
                  <CountCells counts={body} />
                  <td className={numberCell}>{body.meetingsPerYear ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page.page} pages={page.pages} from={page.from} to={page.to} total={page.total} />
    </section>
  );
}

function EventTable({ year, events }: { year: number; events: EventYear[] }) {
  const { t } = useTranslation();
  const caption = t("meetingReports.year.caption.events", { year });
  return (
    <section aria-labelledby="events-heading" className="card space-y-2 break-inside-avoid">
      <h2 id="events-heading" className="text-lg font-semibold">
        {t("meetingReports.year.events")}
      </h2>
      <div className="overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("meetingReports.year.columns.kind")}</th>
              <CountHeaders />
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.kind}>
                <th scope="row" className="font-normal">
                  {t(`meetings.kinds.${event.kind}`)}
                </th>
                <CountCells counts={event} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row">{t("meetingReports.year.total")}</th>
              <CountCells counts={eventTotals({ events })} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** The report line, selected whole with one click; with JavaScript also a button that copies it. */
function ReportLine({ line, year }: { line: string; year: number }) {
  const { t } = useTranslation();
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && !!navigator.clipboard), []);
  return (
    <section aria-labelledby="report-line-heading" className="card space-y-2 break-inside-avoid">
      <h2 id="report-line-heading" className="text-lg font-semibold">
        {t("meetingReports.year.reportLine")}
      </h2>
      <p className="text-sm text-slate-600">{t("meetingReports.year.reportLineHelp")}</p>
      {line ? (
        <>
          <p id="report-line" className="select-all rounded-md border border-slate-300 bg-slate-50 p-3 font-medium">
            {line}
          </p>
          {canCopy ? (
            <div className="no-print flex flex-wrap items-center gap-3">
              <button
                type="button"
                className="btn-secondary"
                onClick={() => void navigator.clipboard.writeText(line).then(() => setCopied(true))}
              >
                {t("meetingReports.year.copy")}
              </button>
              <p role="status" className="text-sm">
                {copied ? t("meetingReports.year.copied") : null}
              </p>
            </div>
          ) : null}
        </>
      ) : (
        <p>{t("meetingReports.year.noReportLine", { year })}</p>
      )}
    </section>
  );
}

export default function YearOverviewPage() {
  const { year, years, invalidYear, line, anyBodies, byLevel, bySubregion, events, canExport } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <p className="no-print text-sm text-slate-600">
        <Link to="/vergaderingen">{t("common.nav.meetings")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("meetingReports.year.heading", { year: year })}</h1>
      {invalidYear ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("meetingReports.year.invalidYear", { value: invalidYear, year: year })}
        </p>
      ) : null}
      <Form method="get" className="no-print card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="overview-year" className="field-label">
            {t("meetingReports.year.yearLabel")}
          </label>
          <select id="overview-year" name="jaar" defaultValue={year} className="field-input" key={year}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          {t("meetingReports.year.show")}
        </button>
      </Form>
      <p className="max-w-3xl text-sm text-slate-700">{t("meetingReports.year.intro")}</p>
      <ExportLinks canExport={canExport} downloadPath="/vergaderingen/jaaroverzicht/download" />
      <ReportLine line={line} year={year} />
      {!anyBodies ? (
        <p>{t("meetingReports.year.empty", { year: year })}</p>
      ) : (
        <>
          <p className="max-w-3xl text-sm text-slate-600">{t("meetingReports.year.legend")}</p>
          <TotalsTable groups={byLevel} kind="level" year={year} />
          <TotalsTable groups={bySubregion} kind="subregion" year={year} />
          <BodyTable />
        </>
      )}
      <EventTable year={year} events={events} />
    </div>
  );
}
