import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { personAccessReport, recordAccessReport } from "../models/person-access.server";
import { recordIdParam } from "../services/record-id";

/** The access report (AVG art. 15) as JSON, to hand to the person; producing it is logged. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "privacy.manage");
  const personId = recordIdParam(params.personId);
  const report = await personAccessReport(context.db, personId);
  if (!report) throw new Response(null, { status: 404, statusText: "Not Found" });
  await recordAccessReport(context.db, user, personId, "json");
  return new Response(JSON.stringify(report, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="kring-inzage-persoon-${personId}.json"`,
    },
  });
}
