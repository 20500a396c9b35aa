import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { currentRegion } from "../auth/region.server";
import { regionsOfOrganisation } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { ExportLinks } from "../components/export-links";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { organisationSeats, overviewOrganisation } from "../models/overviews.server";
import { organisationSeatsTable, referenceDate } from "../services/overview-tables";
import { recordIdParam } from "../services/record-id";
import { listScopeOf } from "../services/region-choice";
import { regionLabel } from "../services/report-region";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("overviews.organisation.title", { name: data?.organisation.name ?? "" }));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = recordIdParam(params.organisationId);
  const user = await requirePermission(request, context, "register.read", { record: regionsOfOrganisation(id) });
  const organisation = await overviewOrganisation(context.db, id);
  if (!organisation) throw new Response(null, { status: 404, statusText: "Not Found" });
  const { date, invalid } = referenceDate(new URL(request.url).searchParams, todayInAmsterdam());
  const region = await currentRegion(request, context);
  const seats = await organisationSeats(context.db, organisation.id, date, listScopeOf(region));
  return json({ organisation, region, seats, date, invalidDate: invalid, canExport: can(user, "register.export") });
}

export default function OrganisationOverview() {
  const { organisation, region, seats, date, invalidDate, canExport } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const day = (d: string | null) => formatDay(d, language);
  const table = organisationSeatsTable(seats, t, organisation.name, day(date), day);
  return (
    <div className="space-y-4">
      <p className="no-print text-sm text-slate-600">
        <Link to={`/organisaties/${organisation.id}`}>{t("overviews.organisation.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t("overviews.organisation.heading", { name: organisation.name, date: day(date) })} — {regionLabel(t, region)}
      </h1>
      {invalidDate ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("overviews.invalidDate", { value: invalidDate })}
        </p>
      ) : null}
      <Form method="get" className="no-print card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="organisation-date" className="field-label">
            {t("overviews.date")}
          </label>
          <input id="organisation-date" type="date" name="datum" defaultValue={date} className="field-input" />
        </div>
        <button type="submit" className="btn-primary">
          {t("overviews.show")}
        </button>
      </Form>
      <ExportLinks canExport={canExport} downloadPath={`/overzichten/organisaties/${organisation.id}/download`} />
      {seats.length === 0 ? (
        <p>{t("overviews.organisation.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                {table.columns.map((column) => (
                  <th key={column.key} scope="col" className="p-2">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {seats.map((seat, index) => (
                <tr key={seat.seatId} className="break-inside-avoid border-b border-slate-200">
                  <td className="p-2">
                    <Link to={`/gremia/${seat.bodyId}?datum=${date}`}>{table.rows[index]!.body}</Link>
                  </td>
                  <td className="p-2">{table.rows[index]!.level}</td>
                  <td className="p-2">
                    {seat.personId ? (
                      <Link to={`/personen/${seat.personId}`}>{table.rows[index]!.person}</Link>
                    ) : (
                      table.rows[index]!.person
                    )}
                  </td>
                  <td className="p-2">{table.rows[index]!.role}</td>
                  <td className="p-2">{table.rows[index]!.since}</td>
                  <td className="p-2">{table.rows[index]!.until}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
