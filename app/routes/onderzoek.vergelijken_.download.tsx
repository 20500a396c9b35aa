import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { currentRegion } from "../auth/region.server";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { RegisterError } from "../models/editing.server";
import { comparableWaves, compareWaves } from "../models/panel-members.server";
import { downloadTable } from "../services/download.server";
import { comparisonTable } from "../services/panel-tables";
import { listScopeOf } from "../services/region-choice";
import { tableForRegion } from "../services/report-region";
import { isExportFormat } from "../services/table-export.server";
import { comparedWaveIds } from "../services/wave-comparison-params";

/** The comparison's stratum table as CSV or XLSX, for the same two waves (of the region looked at) as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "research.run", { region: "current" });
  const user = await requirePermission(request, context, "register.export", { region: "current" });
  const search = new URL(request.url).searchParams;
  const format = search.get("formaat");
  if (!isExportFormat(format)) throw new Response(null, { status: 404, statusText: "Not Found" });
  const region = await currentRegion(request, context);
  const chosen = comparedWaveIds(search, await comparableWaves(context.db, listScopeOf(region)));
  if (!chosen) throw new Response(null, { status: 404, statusText: "Not Found" });
  try {
    const comparison = await compareWaves(context.db, chosen.a, chosen.b);
    const t = translator(requestLanguage(request, user));
    return downloadTable(tableForRegion(comparisonTable(comparison, t), t, region), format);
  } catch (error) {
    // the page says why; a file of a refused comparison has nothing to hold
    if (error instanceof RegisterError) throw new Response(null, { status: 400, statusText: "Bad Request" });
    throw error;
  }
}
