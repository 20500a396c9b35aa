import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { allowedOnRecord, requirePermission } from "../auth/guard.server";
import { regionsOfOrganisation } from "../models/record-regions.server";
import { MergeList, MergeNotice } from "../components/merge/merge-section";
import { OrganisationDetails } from "../components/organisations/organisation-details";
import { OrganisationHistory } from "../components/organisations/organisation-history";
import { OrganisationNotice } from "../components/organisations/organisation-notice";
import { OrganisationPeopleList } from "../components/organisations/organisation-people-list";
import { OrganisationSeatTable } from "../components/organisations/organisation-seat-table";
import { RecentAttendance } from "../components/recent-attendance";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { attendanceLastYear, recentAttendance } from "../models/meeting-reports.server";
import { getOrganisation, organisationHistory, restoreOrganisation } from "../models/organisations.server";
import { UNDO_MERGE_INTENT } from "../services/merge-form";
import { mergeSectionData, redirectIfMerged, undoMergeAction } from "../services/merge-page.server";
import { noticeFrom, withNotice } from "../services/notices";
import { ORGANISATION_PAGE_NOTICES, type OrganisationPageAnswer } from "../services/organisation-page";
import { isActiveOn } from "../services/periods";
import { refusalResponse } from "../services/refusal.server";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.organisation.name ?? t("register.organisations.title"));

/** Rows of the recent-attendance table: one per person per meeting, so a few meetings' worth. */
const RECENT_ATTENDANCE = 10;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = recordIdParam(params.organisationId);
  const user = await requirePermission(request, context, "register.read", { record: regionsOfOrganisation(id) });
  const found = await getOrganisation(context.db, id);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  if (found.organisation.merged_into_id !== null) await redirectIfMerged(context, "organisations", id);
  const today = todayInAmsterdam();
  const [history, recent, lastYear, merges] = await Promise.all([
    organisationHistory(context.db, id),
    recentAttendance(context.db, { organisationId: id }, RECENT_ATTENDANCE),
    attendanceLastYear(context.db, { organisationId: id }, today),
    mergeSectionData(request, context, "organisations", id),
  ]);
  return json({
    ...found,
    currentPeople: found.affiliations.filter((a) => isActiveOn(a, today)),
    pastPeople: found.affiliations.filter((a) => !isActiveOn(a, today)),
    currentSeats: found.seats.filter((s) => isActiveOn(s, today)),
    pastSeats: found.seats.filter((s) => !isActiveOn(s, today)),
    history,
    recent,
    lastYear,
    canEdit: await allowedOnRecord(context, user, "register.edit", regionsOfOrganisation(id)),
    notice: noticeFrom(new URL(request.url).searchParams, ORGANISATION_PAGE_NOTICES),
    merges,
  });
}

/** The undo offered right after archiving (takes the organisation out of the archive again), and the undo of a merge. */
export async function action({
  request,
  context,
  params,
}: ActionFunctionArgs): Promise<TypedResponse<OrganisationPageAnswer> | TypedResponse<never>> {
  const id = recordIdParam(params.organisationId);
  const user = await requirePermission(request, context, "register.edit", { record: regionsOfOrganisation(id) });
  const formData = await request.formData();
  if (formData.get("intent") === UNDO_MERGE_INTENT) return undoMergeAction(context, user, formData);
  if (formData.get("intent") !== "undo") throw new Response(null, { status: 400, statusText: "Bad Request" });
  try {
    await restoreOrganisation(context.db, user, id, null);
  } catch (error) {
    return refusalResponse(error, formData);
  }
  return redirect(withNotice(`/organisaties/${id}`, "ongedaan"));
}

export default function Organisation() {
  const {
    organisation,
    regions,
    children,
    currentPeople,
    pastPeople,
    currentSeats,
    pastSeats,
    recent,
    lastYear,
    history,
    canEdit,
    notice,
    merges,
  } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/organisaties">{t("register.organisations.title")}</Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-bold">
            {organisation.name}
            {organisation.short_name ? (
              <span className="font-normal text-slate-600"> ({organisation.short_name})</span>
            ) : null}
            {organisation.archived_at ? (
              <span className="ml-2 text-sm uppercase text-slate-600">{t("register.archived")}</span>
            ) : null}
          </h1>
          <div className="no-print flex flex-wrap gap-2">
            <Link to={`/overzichten/organisaties/${organisation.id}`} className="btn-secondary">
              {t("organisations.page.overviewLink")}
            </Link>
            {canEdit ? (
              <>
                <Link to={`/organisaties/${organisation.id}/bewerken`} className="btn-primary">
                  {t("organisations.page.edit")}
                </Link>
                <Link to={`/organisaties/${organisation.id}/samenvoegen`} className="btn-secondary">
                  {t("merge.link")}
                </Link>
              </>
            ) : null}
          </div>
        </div>
        {canEdit ? (
          <div className="mt-3">
            <OrganisationNotice notice={notice} archived={organisation.archived_at !== null} />
          </div>
        ) : null}
        <div className="mt-3">
          <MergeNotice notice={merges.notice} justMerged={merges.justMerged} redirectedFrom={merges.redirectedFrom} />
        </div>
        {organisation.archived_at ? (
          <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("organisations.page.archivedBanner", { date: formatMoment(organisation.archived_at, language) })}
          </p>
        ) : null}
        <OrganisationDetails organisation={organisation} regions={regions} childOrganisations={children} />
      </div>
      <section aria-labelledby="seats-heading" className="card space-y-3">
        <h2 id="seats-heading" className="text-lg font-semibold">
          {t("register.organisations.seats")}
        </h2>
        <h3 className="font-semibold">{t("register.organisations.currentSeats")}</h3>
        <OrganisationSeatTable items={currentSeats} />
        <h3 className="font-semibold">{t("register.organisations.pastSeats")}</h3>
        <OrganisationSeatTable items={pastSeats} />
      </section>
      <section aria-labelledby="people-heading" className="card space-y-3">
        <h2 id="people-heading" className="text-lg font-semibold">
          {t("register.organisations.people")}
        </h2>
        <h3 className="font-semibold">{t("register.organisations.currentPeople")}</h3>
        <OrganisationPeopleList items={currentPeople} />
        <h3 className="font-semibold">{t("register.organisations.pastPeople")}</h3>
        <OrganisationPeopleList items={pastPeople} />
      </section>
      <RecentAttendance of={{ organisationId: organisation.id }} lines={recent} lastYear={lastYear} />
      <MergeList merges={merges.merges} canEdit={canEdit} />
      <section aria-labelledby="history-heading" className="card space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("organisations.history.heading")}
        </h2>
        <OrganisationHistory history={history} />
      </section>
    </div>
  );
}
