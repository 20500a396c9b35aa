import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { nonResponders, recordFollowUpExport } from "../models/panel-responses.server";
import { downloadTable } from "../services/download.server";
import { recordIdParam } from "../services/record-id";
import { followUpTable } from "../services/response-tables";

/**
 * The follow-up list as CSV, as the page shows it. Names, phone numbers and addresses of a research
 * panel: only those who run waves take it, and every download goes in the audit log.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const waveId = recordIdParam(params.waveId);
  const list = await nonResponders(context.db, waveId);
  if (!list || list.wave.status === "draft") throw new Response(null, { status: 404, statusText: "Not Found" });
  const language = requestLanguage(request, user);
  const table = followUpTable(list.wave.name, list.members, translator(language), language);
  await recordFollowUpExport(context.db, user, waveId, list.members.length);
  return downloadTable(table, "csv");
}
