import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { currentRegion } from "../auth/region.server";
import { regionsOfOrganisation } from "../models/record-regions.server";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { organisationSeats, overviewOrganisation } from "../models/overviews.server";
import { recordIdParam } from "../services/record-id";
import { downloadTable } from "../services/download.server";
import { organisationSeatsTable, referenceDate } from "../services/overview-tables";
import { listScopeOf } from "../services/region-choice";
import { tableForRegion } from "../services/report-region";
import { isExportFormat } from "../services/table-export.server";

/** "Who sits where" for one organisation as CSV or XLSX, on the page's date and in its region. */
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
  const region = await currentRegion(request, context);
  const seats = await organisationSeats(context.db, organisation.id, date, listScopeOf(region));
  const t = translator(language);
  return downloadTable(
    tableForRegion(organisationSeatsTable(seats, t, organisation.name, day(date), day), t, region),
    format,
  );
}
