import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { AccessReport } from "../components/people/access-report";
import { formatMoment } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { personAccessReport, recordAccessReport } from "../models/person-access.server";
import { displayName } from "../services/names";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("rights.report.title", { name: data ? displayName(data.report.person) : "" }));

/** The access report (AVG art. 15) as a page: everything about the person; looking is logged. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "privacy.manage");
  const personId = recordIdParam(params.personId);
  const report = await personAccessReport(context.db, personId);
  if (!report) throw new Response(null, { status: 404, statusText: "Not Found" });
  await recordAccessReport(context.db, user, personId, "page");
  return json({ report, personId });
}

export default function AccessReportPage() {
  const { report, personId } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/personen/${personId}`}>{t("rights.report.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("rights.report.title", { name: displayName(report.person) })}</h1>
        <p className="mt-2 text-slate-700">
          {t("rights.report.intro", { moment: formatMoment(report.generated_at, language) })}
        </p>
        <p className="no-print mt-3">
          <a href={`/personen/${personId}/inzage.json`} className="btn-secondary" download>
            {t("rights.report.download")}
          </a>
        </p>
      </div>
      <AccessReport report={report} />
    </div>
  );
}
