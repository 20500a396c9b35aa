import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { allowedOnRecord, requirePermission } from "../auth/guard.server";
import { regionsOfPerson } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { SuccessNotice } from "../components/form";
import { MergeList, MergeNotice } from "../components/merge/merge-section";
import { ConsentOverview } from "../components/people/consent-overview";
import { PanelMemberships } from "../components/people/panel-memberships";
import { ProgrammeLeads } from "../components/people/programme-leads";
import { leadsOfPerson } from "../models/theme-leads.server";
import { CurrentJobsAndSeats } from "../components/people/current-jobs-and-seats";
import { PersonDetails } from "../components/people/person-details";
import { PersonHistory } from "../components/people/person-history";
import { PersonTimeline } from "../components/people/person-timeline";
import { PrivacySection } from "../components/people/privacy-section";
import { RecentAttendance } from "../components/recent-attendance";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { attendanceLastYear, recentAttendance } from "../models/meeting-reports.server";
import { panelMembershipsOf } from "../models/panel-members.server";
import { getPerson, personHistory } from "../models/people.server";
import { UNDO_MERGE_INTENT } from "../services/merge-form";
import { mergeSectionData, redirectIfMerged, undoMergeAction } from "../services/merge-page.server";
import { displayName } from "../services/names";
import { noticeFrom } from "../services/notices";
import { personTimeline } from "../services/timeline";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? displayName(data.person) : t("register.people.title")));

const RECENT_MEETINGS = 10;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const personId = recordIdParam(params.personId);
  const me = await requirePermission(request, context, "register.read", { record: regionsOfPerson(personId) });
  const found = await getPerson(context.db, personId);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  if (found.person.merged_into_id !== null) await redirectIfMerged(context, "people", personId);
  const today = todayInAmsterdam();
  const researcher = can(me, "research.run");
  const [history, recent, lastYear, panels, merges, leads] = await Promise.all([
    personHistory(context.db, personId),
    recentAttendance(context.db, { personId }, RECENT_MEETINGS),
    attendanceLastYear(context.db, { personId }, today),
    // which surveys someone was asked for is research data: for researchers only
    researcher ? panelMembershipsOf(context.db, personId) : null,
    mergeSectionData(request, context, "people", personId),
    leadsOfPerson(context.db, personId),
  ]);
  return json({
    ...found,
    history,
    recent,
    lastYear,
    panels,
    leads,
    timeline: personTimeline(found.affiliations, found.seats),
    today,
    // an erased person is history only: nothing of theirs can be edited back in
    canEdit:
      (await allowedOnRecord(context, me, "register.edit", regionsOfPerson(personId))) && !found.person.erased_at,
    canManagePrivacy: can(me, "privacy.manage"),
    canExport:
      (await allowedOnRecord(context, me, "register.export", regionsOfPerson(personId))) && !found.person.erased_at,
    notice: noticeFrom(new URL(request.url).searchParams, ["aangemaakt", "gewist"]),
    merges,
  });
}

/** The undo of a merge into this person, from the notice after it or from the list of merged duplicates. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const personId = recordIdParam(params.personId);
  const user = await requirePermission(request, context, "register.edit", { record: regionsOfPerson(personId) });
  const formData = await request.formData();
  if (formData.get("intent") !== UNDO_MERGE_INTENT) return new Response(null, { status: 400 });
  return undoMergeAction(context, user, formData);
}

export default function Person() {
  const {
    person,
    emails,
    consents,
    affiliations,
    seats,
    today,
    timeline,
    recent,
    lastYear,
    history,
    panels,
    leads,
    canEdit,
    canManagePrivacy,
    canExport,
    notice,
    merges,
  } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const name = displayName(person);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/personen">{t("register.people.title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{name}</h1>
        {person.erased_at ? (
          <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("rights.erasedNotice", { date: formatMoment(person.erased_at, language) })}
          </p>
        ) : person.archived_at ? (
          <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("people.page.archivedNotice", { date: formatMoment(person.archived_at, language) })}
          </p>
        ) : null}
        {canEdit || canExport ? (
          <p className="no-print mt-3 flex flex-wrap gap-2">
            {canEdit ? (
              <>
                <Link to={`/personen/${person.id}/bewerken`} className="btn-secondary">
                  {t("people.page.edit")}
                </Link>
                <Link to={`/personen/${person.id}/functies`} className="btn-secondary">
                  {t("people.page.manageJobs")}
                </Link>
                <Link to={`/personen/${person.id}/samenvoegen`} className="btn-secondary">
                  {t("merge.link")}
                </Link>
              </>
            ) : null}
            {canExport ? (
              <a href={`/personen/${person.id}/vcard`} className="btn-secondary" download>
                {t("vcard.person")}
              </a>
            ) : null}
          </p>
        ) : null}
      </div>
      {notice === "aangemaakt" ? <SuccessNotice>{t("people.create.created", { name })}</SuccessNotice> : null}
      {notice === "gewist" ? <SuccessNotice>{t("rights.erase.done")}</SuccessNotice> : null}
      <MergeNotice notice={merges.notice} justMerged={merges.justMerged} redirectedFrom={merges.redirectedFrom} />

      <PersonDetails person={person} emails={emails} />

      <section aria-labelledby="now-heading" className="card">
        <h2 id="now-heading" className="text-lg font-semibold">
          {t("people.page.now")}
        </h2>
        <CurrentJobsAndSeats affiliations={affiliations} seats={seats} today={today} />
      </section>

      <section aria-labelledby="timeline-heading" className="card">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          {t("people.page.timeline")}
        </h2>
        <PersonTimeline events={timeline} />
      </section>

      <ProgrammeLeads leads={leads} />

      <RecentAttendance of={{ personId: person.id }} lines={recent} lastYear={lastYear} />

      <section aria-labelledby="consents-heading" className="card">
        <h2 id="consents-heading" className="text-lg font-semibold">
          {t("people.page.consents")}
        </h2>
        <ConsentOverview consents={consents} />
      </section>

      {panels ? (
        <section aria-labelledby="panels-heading" className="card">
          <h2 id="panels-heading" className="text-lg font-semibold">
            {t("people.page.panels")}
          </h2>
          <PanelMemberships memberships={panels} />
        </section>
      ) : null}

      <MergeList merges={merges.merges} canEdit={canEdit} />

      {canManagePrivacy ? <PrivacySection personId={person.id} erased={person.erased_at !== null} /> : null}

      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("people.page.history")}
        </h2>
        <PersonHistory entries={history} />
      </section>
    </div>
  );
}
