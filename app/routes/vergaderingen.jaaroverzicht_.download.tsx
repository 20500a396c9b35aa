import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { todayInAmsterdam } from "../i18n/format";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { meetingYears, yearOverview } from "../models/meeting-reports.server";
import { overviewYears, yearFrom } from "../services/attendance-figures";
import { downloadTable } from "../services/download.server";
import { yearOverviewTable } from "../services/meeting-report-tables";
import { isExportFormat } from "../services/table-export.server";

/** The year overview as CSV or XLSX: the tables of the page for the same year, one after another. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.export", { region: "current" });
  const search = new URL(request.url).searchParams;
  const format = search.get("formaat");
  if (!isExportFormat(format)) throw new Response(null, { status: 404, statusText: "Not Found" });
  const { year } = overviewYears(await meetingYears(context.db), todayInAmsterdam(), yearFrom(search).year);
  const overview = await yearOverview(context.db, year);
  return downloadTable(yearOverviewTable(overview, translator(requestLanguage(request, user))), format);
}
