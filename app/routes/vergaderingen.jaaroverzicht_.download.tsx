import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { currentRegion } from "../auth/region.server";
import { todayInAmsterdam } from "../i18n/format";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { meetingYears, yearOverview } from "../models/meeting-reports.server";
import { overviewYears, yearFrom } from "../services/attendance-figures";
import { downloadTable } from "../services/download.server";
import { yearOverviewTable } from "../services/meeting-report-tables";
import { listScopeOf } from "../services/region-choice";
import { tableForRegion } from "../services/report-region";
import { isExportFormat } from "../services/table-export.server";

/**
 * The year overview as CSV or XLSX: the tables of the page for the same year and region, one after
 * another; in the cross-region view the regions' comparison first (decision 044).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.export", { region: "current" });
  const search = new URL(request.url).searchParams;
  const format = search.get("formaat");
  if (!isExportFormat(format)) throw new Response(null, { status: 404, statusText: "Not Found" });
  const { year } = overviewYears(await meetingYears(context.db), todayInAmsterdam(), yearFrom(search).year);
  const region = await currentRegion(request, context);
  const overview = await yearOverview(context.db, year, listScopeOf(region));
  const t = translator(requestLanguage(request, user));
  return downloadTable(tableForRegion(yearOverviewTable(overview, t, region === "all"), t, region), format);
}
