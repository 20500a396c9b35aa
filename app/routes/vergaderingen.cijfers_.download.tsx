import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { currentRegion } from "../auth/region.server";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { attendanceFigures, figureChoices } from "../models/meeting-reports.server";
import { figureQueryFrom } from "../services/attendance-figures";
import { downloadTable } from "../services/download.server";
import { figuresTable } from "../services/meeting-report-tables";
import { listScopeOf } from "../services/region-choice";
import { scopedRegionId, tableForRegion } from "../services/report-region";
import { isExportFormat } from "../services/table-export.server";

/** The attendance figures as CSV or XLSX: the region, filters, grouping and order of the page it came from. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.export", { region: "current" });
  const search = new URL(request.url).searchParams;
  const format = search.get("formaat");
  if (!isExportFormat(format)) throw new Response(null, { status: 404, statusText: "Not Found" });
  const { grouping, period, sort, ...filters } = figureQueryFrom(search, todayInAmsterdam());
  const language = requestLanguage(request, user);
  const { unresolved, bodyId, organisationId } = await figureChoices(context.db, search);
  const region = await currentRegion(request, context);
  const regionId = scopedRegionId(listScopeOf(region));
  const rows =
    period.reversed || unresolved
      ? []
      : await attendanceFigures(
          context.db,
          { groupBy: grouping, from: period.from, to: period.to, ...filters, bodyId, organisationId, regionId },
          sort,
        );
  const shownPeriod = { from: formatDay(period.from, language), to: formatDay(period.to, language) };
  const t = translator(language);
  return downloadTable(tableForRegion(figuresTable(rows, grouping, t, language, shownPeriod), t, region), format);
}
