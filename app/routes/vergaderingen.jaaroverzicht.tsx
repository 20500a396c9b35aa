import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import { ExportLinks } from "../components/export-links";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { meetingYears, yearOverview } from "../models/meeting-reports.server";
import { overviewYears, reportLine, type YearGroup, type YearOverview, type YearTotals, yearFrom } from "../services/attendance-figures";
import { bodyYearLabel, eventTotals, yearGroupName, yearSections } from "../services/meeting-report-tables";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetingReports.year.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const asked = yearFrom(new URL(request.url).searchParams);
  const { years, year } = overviewYears(await meetingYears(context.db), todayInAmsterdam(), asked.year);
  const overview = await yearOverview(context.db, year);
  return json({ overview, years, invalidYear: asked.invalid, line: reportLine(overview.bodies), canExport: can(user.role, "register.export") });
}

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

function GroupTable({ group, caption }: { group: YearGroup; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("meetingReports.year.columns.body")}</th>
            <CountHeaders />
            <th scope="col" className={numberCell}>
              {t("meetingReports.year.columns.meetingsPerYear")}
            </th>
          </tr>
        </thead>
        <tbody>
          {group.rows.map((body) => (
            <tr key={body.id} className="break-inside-avoid">
              <th scope="row" className="font-normal">
                <Link to={`/gremia/${body.id}`}>{bodyYearLabel(body)}</Link>
              </th>
              <CountCells counts={body} />
              <td className={numberCell}>{body.meetingsPerYear ?? ""}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row">{t("meetingReports.year.total")}</th>
            <CountCells counts={group.totals} />
            <td className={numberCell}>{group.totals.meetingsPerYear}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function GroupSections({ id, heading, groups, year, kind }: { id: string; heading: string; groups: YearGroup[]; year: number; kind: "level" | "subregion" }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="card space-y-4">
      <h2 id={id} className="text-lg font-semibold">
        {heading}
      </h2>
      {groups.map((group) => {
        const name = yearGroupName(t, group);
        return (
          <div key={group.key} className="space-y-2 break-inside-avoid">
            <h3 className="font-semibold">{name}</h3>
            <GroupTable group={group} caption={t(`meetingReports.year.caption.${kind}`, { year, group: name })} />
          </div>
        );
      })}
    </section>
  );
}

function EventTable({ overview }: { overview: YearOverview }) {
  const { t } = useTranslation();
  const caption = t("meetingReports.year.caption.events", { year: overview.year });
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
            {overview.events.map((event) => (
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
              <CountCells counts={eventTotals(overview)} />
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
  const { overview, years, invalidYear, line, canExport } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { byLevel, bySubregion } = yearSections(overview);
  return (
    <div className="space-y-4">
      <p className="no-print text-sm text-slate-600">
        <Link to="/vergaderingen">{t("common.nav.meetings")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("meetingReports.year.heading", { year: overview.year })}</h1>
      {invalidYear ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("meetingReports.year.invalidYear", { value: invalidYear, year: overview.year })}
        </p>
      ) : null}
      <Form method="get" className="no-print card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="overview-year" className="field-label">
            {t("meetingReports.year.yearLabel")}
          </label>
          <select id="overview-year" name="jaar" defaultValue={overview.year} className="field-input" key={overview.year}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
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
      <ReportLine line={line} year={overview.year} />
      {overview.bodies.length === 0 ? (
        <p>{t("meetingReports.year.empty", { year: overview.year })}</p>
      ) : (
        <>
          <p className="max-w-3xl text-sm text-slate-600">{t("meetingReports.year.legend")}</p>
          <GroupSections id="by-level-heading" heading={t("meetingReports.year.byLevel")} groups={byLevel} year={overview.year} kind="level" />
          <GroupSections
            id="by-subregion-heading"
            heading={t("meetingReports.year.bySubregion")}
            groups={bySubregion}
            year={overview.year}
            kind="subregion"
          />
        </>
      )}
      <EventTable overview={overview} />
    </div>
  );
}
