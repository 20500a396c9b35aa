import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { todayInAmsterdam } from "../i18n/format";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { responseOverview } from "../models/panel-responses.server";
import { downloadTable } from "../services/download.server";
import { recordIdParam } from "../services/record-id";
import { responseStrataTable } from "../services/response-tables";
import { isExportFormat } from "../services/table-export.server";

/** The response rates per stratum of the wave's dashboard as CSV or XLSX: counts only, no one's name. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const waveId = recordIdParam(params.waveId);
  const format = new URL(request.url).searchParams.get("formaat");
  if (!isExportFormat(format)) throw new Response(null, { status: 404, statusText: "Not Found" });
  const overview = await responseOverview(context.db, waveId, todayInAmsterdam());
  if (!overview || overview.wave.status === "draft") throw new Response(null, { status: 404, statusText: "Not Found" });
  const t = translator(requestLanguage(request, user));
  return downloadTable(responseStrataTable(overview.wave, overview.strata, t), format);
}
