import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { currentRegion } from "../auth/region.server";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { membershipMatrix } from "../models/overviews.server";
import { downloadTable } from "../services/download.server";
import { matrixFilterFrom, matrixTable } from "../services/overview-tables";
import { listScopeOf } from "../services/region-choice";
import { tableForRegion } from "../services/report-region";
import { isExportFormat } from "../services/table-export.server";

/** The matrix as CSV or XLSX, with the region and filters of the page it was downloaded from. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.export", { region: "current" });
  const search = new URL(request.url).searchParams;
  const format = search.get("formaat");
  if (!isExportFormat(format)) throw new Response(null, { status: 404, statusText: "Not Found" });
  const { invalidDate: _ignored, ...filter } = matrixFilterFrom(search, todayInAmsterdam());
  const language = requestLanguage(request, user);
  const region = await currentRegion(request, context);
  const matrix = await membershipMatrix(context.db, filter, language, listScopeOf(region));
  const t = translator(language);
  return downloadTable(tableForRegion(matrixTable(matrix, t, formatDay(filter.date, language)), t, region), format);
}
