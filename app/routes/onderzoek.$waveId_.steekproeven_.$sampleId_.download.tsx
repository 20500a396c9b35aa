import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { getSample, recordSampleExport } from "../models/interview-samples.server";
import { downloadTable } from "../services/download.server";
import { isSampleFileKind, sampleTable } from "../services/interview-sample-files.server";
import { recordIdParam } from "../services/record-id";
import { isExportFormat } from "../services/table-export.server";

const notFound = () => new Response(null, { status: 404, statusText: "Not Found" });

/**
 * A sample as CSV or XLSX (`?soort=namen|pseudoniemen&formaat=csv|xlsx`). Both hold personal data of a
 * research panel (names, or pseudonyms that link back), so only those who run waves take them; every
 * download is written to the audit log.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const search = new URL(request.url).searchParams;
  const kind = search.get("soort");
  const format = search.get("formaat");
  if (!isSampleFileKind(kind) || !isExportFormat(format)) throw notFound();
  const sample = await getSample(context.db, recordIdParam(params.waveId), recordIdParam(params.sampleId));
  if (!sample) throw notFound();
  const language = requestLanguage(request, user);
  const table = sampleTable(sample, kind, context.pseudonymSecret, translator(language), language);
  const response = await downloadTable(table, format);
  await recordSampleExport(context.db, user, sample.id, `${kind}_${format}`, table.rows.length);
  return response;
}
