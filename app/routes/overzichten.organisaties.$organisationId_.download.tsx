import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { regionsOfOrganisation } from "../models/record-regions.server";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { organisationSeats, overviewOrganisation } from "../models/overviews.server";
import { recordIdParam } from "../services/record-id";
import { downloadTable } from "../services/download.server";
import { organisationSeatsTable, referenceDate } from "../services/overview-tables";
import { isExportFormat } from "../services/table-export.server";

/** "Who sits where" for one organisation as CSV or XLSX, on the page's date. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = recordIdParam(params.organisationId);
  const user = await requirePermission(request, context, "register.export", { record: regionsOfOrganisation(id) });
  const search = new URL(request.url).searchParams;
  const format = search.get("formaat");
  if (!isExportFormat(format)) throw new Response(null, { status: 404, statusText: "Not Found" });
  const organisation = await overviewOrganisation(context.db, id);
  if (!organisation) throw new Response(null, { status: 404, statusText: "Not Found" });
  const { date } = referenceDate(search, todayInAmsterdam());
  const language = requestLanguage(request, user);
  const day = (d: string | null) => formatDay(d, language);
  const seats = await organisationSeats(context.db, organisation.id, date);
  return downloadTable(organisationSeatsTable(seats, translator(language), organisation.name, day(date), day), format);
}
