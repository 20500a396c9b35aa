import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ATTENDANCE_STATUSES, type Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfMeeting } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { SuccessNotice } from "../components/form";
import { meetingTime } from "../components/meeting-form";
import { formatDay } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { meetingDetail } from "../models/meetings.server";
import { type Notice, noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.meeting.title ?? t("meetings.list.title"));

/** What the page says after a change that brought the reader here. */
const PAGE_NOTICES = ["aangemaakt", "opgeslagen"] as const satisfies readonly Notice[];

const NOTICE_TEXTS = {
  aangemaakt: "meetings.detail.notices.aangemaakt",
  opgeslagen: "meetings.detail.notices.gewijzigd",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", {
    record: regionOfMeeting(recordIdParam(params.meetingId)),
  });
  const detail = await meetingDetail(context.db, recordIdParam(params.meetingId));
  if (!detail) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  return json({
    ...detail,
    canEdit: can(user, "register.edit", detail.meeting.region_id),
    notice: noticeFrom(search, PAGE_NOTICES),
  });
}

/** Plain text with its line breaks kept (agenda, minutes): no markup is interpreted. */
function PlainText({ text, empty }: { text: string | null; empty: string }) {
  if (!text) return <p className="text-slate-600">{empty}</p>;
  return <p className="whitespace-pre-line">{text}</p>;
}

export default function MeetingPage() {
  const { meeting, invitations, series, attendance, recorded, canEdit, notice } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const isEvent = meeting.body_id === null;
  const invitedGroups = [
    {
      key: "bodies",
      label: t("meetings.detail.invitedBodies"),
      items: invitations.bodies,
      href: (id: number) => `/gremia/${id}`,
    },
    {
      key: "organisations",
      label: t("meetings.detail.invitedOrganisations"),
      items: invitations.organisations,
      href: (id: number) => `/organisaties/${id}`,
    },
    { key: "searches", label: t("meetings.detail.invitedSearches"), items: invitations.savedSearches, href: null },
  ].filter((group) => group.items.length > 0);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/vergaderingen">{t("meetings.detail.back")}</Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-bold">{meeting.title}</h1>
          <div className="no-print flex flex-wrap gap-2">
            <a href={`/vergaderingen/${meeting.id}/agenda.ics`} className="btn-secondary" download>
              {t("meetings.detail.calendar")}
            </a>
            {canEdit ? (
              <Link to={`/vergaderingen/${meeting.id}/bewerken`} className="btn-secondary">
                {t("meetings.detail.edit")}
              </Link>
            ) : null}
          </div>
        </div>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{isEvent ? t("meetings.detail.kind") : t("meetings.detail.body")}</dt>
            <dd>
              {isEvent ? (
                t(`meetings.kinds.${meeting.kind}`)
              ) : (
                <Link to={`/gremia/${meeting.body_id}`}>
                  {meeting.body_name}
                  {meeting.body_abbreviation ? ` (${meeting.body_abbreviation})` : ""}
                </Link>
              )}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("meetings.detail.date")}</dt>
            <dd>
              <time dateTime={meeting.date}>{formatDay(meeting.date, language)}</time>
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("meetings.detail.time")}</dt>
            <dd>{meetingTime(t, meeting.start_time, meeting.end_time)}</dd>
          </div>
          {meeting.location ? (
            <div>
              <dt className="font-semibold">{t("meetings.detail.location")}</dt>
              <dd>{meeting.location}</dd>
            </div>
          ) : null}
          {meeting.online_url ? (
            <div>
              <dt className="font-semibold">{t("meetings.detail.online")}</dt>
              <dd className="break-all">
                <a href={meeting.online_url} rel="noreferrer noopener">
                  {meeting.online_url}
                </a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="font-semibold">{t("meetings.detail.status")}</dt>
            <dd>{t(`meetings.statuses.${meeting.status}`)}</dd>
          </div>
        </dl>
      </div>
      {notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice> : null}
      {meeting.status === "geannuleerd" ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("meetings.detail.cancelledNotice")}
        </p>
      ) : null}

      {isEvent ? (
        <section aria-labelledby="invitations-heading" className="card space-y-3">
          <h2 id="invitations-heading" className="text-lg font-semibold">
            {t("meetings.detail.invitations")}
          </h2>
          <dl className="space-y-2 text-sm">
            {invitedGroups.map((group) => (
              <div key={group.key}>
                <dt className="font-semibold">{group.label}</dt>
                <dd>
                  <ul className="flex flex-wrap gap-x-4 gap-y-1">
                    {group.items.map((item) => (
                      <li key={item.id}>
                        {group.href ? <Link to={group.href(item.id)}>{item.name}</Link> : item.name}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="attendance-heading" className="card space-y-3">
        <h2 id="attendance-heading" className="text-lg font-semibold">
          {t("meetings.detail.attendance")}
        </h2>
        {recorded > 0 ? (
          <>
            <p className="text-sm">{t("meetings.detail.attendanceRecorded", { count: recorded })}</p>
            <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
              {ATTENDANCE_STATUSES.filter((status) => attendance[status]).map((status) => (
                <li key={status}>
                  {t(`meetings.attendanceStatuses.${status}`)}: <strong>{attendance[status]}</strong>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm text-slate-700">{t("meetings.detail.attendanceNone")}</p>
        )}
        <p>
          <Link to={`/vergaderingen/${meeting.id}/presentie`}>{t("meetings.detail.attendanceOpen")}</Link>
        </p>
      </section>

      <section aria-labelledby="agenda-heading" className="card space-y-2">
        <h2 id="agenda-heading" className="text-lg font-semibold">
          {t("meetings.detail.agenda")}
        </h2>
        <PlainText text={meeting.agenda} empty={t("meetings.detail.noAgenda")} />
      </section>

      <section aria-labelledby="minutes-heading" className="card space-y-2">
        <h2 id="minutes-heading" className="text-lg font-semibold">
          {t("meetings.detail.minutes")}
        </h2>
        <PlainText text={meeting.minutes} empty={t("meetings.detail.noMinutes")} />
      </section>

      {series.length > 1 ? (
        <section aria-labelledby="series-heading" className="card space-y-2">
          <h2 id="series-heading" className="text-lg font-semibold">
            {t("meetings.detail.series")}
          </h2>
          <ol className="space-y-1 text-sm">
            {series.map((sibling) => (
              <li key={sibling.id}>
                {sibling.id === meeting.id ? (
                  <span aria-current="page" className="font-semibold">
                    {formatDay(sibling.date, language)} {t("meetings.detail.thisOne")}
                  </span>
                ) : (
                  <Link to={`/vergaderingen/${sibling.id}`}>{formatDay(sibling.date, language)}</Link>
                )}{" "}
                <span className="text-slate-600">— {t(`meetings.statuses.${sibling.status}`)}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
