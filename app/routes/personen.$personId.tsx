import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CONSENT_PURPOSES, type Language, type SeatRole } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import { SuccessNotice } from "../components/form";
import { PeriodText } from "../components/lists";
import { RecentAttendance } from "../components/recent-attendance";
import { formatDay, formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { attendanceLastYear, recentAttendance } from "../models/meeting-reports.server";
import { getPerson, personHistory } from "../models/people.server";
import { displayName } from "../services/names";
import { isActiveOn, isIsoDay } from "../services/periods";
import { personTimeline, type TimelineEvent } from "../services/timeline";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? displayName(data.person) : t("register.people.title")));

const RECENT_MEETINGS = 10;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const me = await requirePermission(request, context, "register.read");
  const personId = recordIdParam(params.personId);
  const found = await getPerson(context.db, personId);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  const today = todayInAmsterdam();
  const [history, recent, lastYear] = await Promise.all([
    personHistory(context.db, personId),
    recentAttendance(context.db, { personId }, RECENT_MEETINGS),
    attendanceLastYear(context.db, { personId }, today),
  ]);
  return json({
    ...found,
    history,
    recent,
    lastYear,
    timeline: personTimeline(found.affiliations, found.seats),
    today,
    canEdit: can(me.role, "register.edit"),
    created: new URL(request.url).searchParams.get("opgeslagen") === "nieuw",
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function TimelineLine({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  if (event.type === "affiliation") {
    const job = event.item;
    return (
      <>
        {job.function_title ?? t("people.timeline.untitled")} {t("people.timeline.at")}{" "}
        <Link to={`/organisaties/${job.organisation_id}`} className="underline">
          {job.organisation_name}
        </Link>
      </>
    );
  }
  const seat = event.item;
  return (
    <>
      {t(`register.roles.${seat.role as SeatRole}`)} {t("people.timeline.in")}{" "}
      <Link
        className="underline"
        to={`/gremia/${seat.body_id}?datum=${event.kind === "end" ? seat.end_date : seat.start_date}`}
      >
        {seat.body_name}
      </Link>
      {seat.organisation_id ? (
        <>
          {" "}
          {t("people.timeline.onBehalfOf")}{" "}
          <Link to={`/organisaties/${seat.organisation_id}`} className="underline">
            {seat.organisation_name}
          </Link>
        </>
      ) : null}
    </>
  );
}

function Timeline({ events }: { events: LoaderData["timeline"] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (events.length === 0) return <p className="mt-2 text-sm">{t("people.page.timelineEmpty")}</p>;
  return (
    <ol className="mt-3 space-y-3 border-l-2 border-brand-100 pl-4 text-sm">
      {events.map((event) => (
        <li key={`${event.type}-${event.item.id}-${event.kind}`}>
          <span className="block text-slate-600">
            {event.day ? (
              <time dateTime={event.day}>{formatDay(event.day, language)}</time>
            ) : (
              t("people.timeline.unknownDay")
            )}
            {" · "}
            <span className={event.kind === "start" ? "font-semibold text-brand-900" : "font-semibold text-slate-700"}>
              {t(`people.timeline.${event.type}.${event.kind}`)}
            </span>
          </span>
          <TimelineLine event={event as TimelineEvent} />
        </li>
      ))}
    </ol>
  );
}

function CurrentNow({ affiliations, seats, today }: Pick<LoaderData, "affiliations" | "seats" | "today">) {
  const { t } = useTranslation();
  const jobs = affiliations.filter((a) => isActiveOn(a, today));
  const currentSeats = seats.filter((s) => isActiveOn(s, today));
  if (jobs.length === 0 && currentSeats.length === 0) return <p className="mt-2 text-sm">{t("people.page.nowNone")}</p>;
  return (
    <ul className="mt-3 space-y-2 text-sm">
      {jobs.map((job) => (
        <li key={`job-${job.id}`}>
          {job.function_title ?? t("people.timeline.untitled")} {t("people.timeline.at")}{" "}
          <Link to={`/organisaties/${job.organisation_id}`} className="underline">
            {job.organisation_name}
          </Link>
          <span className="block text-slate-600">
            <PeriodText start={job.start_date} end={job.end_date} />
          </span>
        </li>
      ))}
      {currentSeats.map((seat) => (
        <li key={`seat-${seat.id}`}>
          {t(`register.roles.${seat.role}`)} {t("people.timeline.in")}{" "}
          <Link to={`/gremia/${seat.body_id}`} className="underline">
            {seat.body_name}
          </Link>
          {seat.organisation_id ? (
            <>
              {" "}
              {t("people.timeline.onBehalfOf")}{" "}
              <Link to={`/organisaties/${seat.organisation_id}`} className="underline">
                {seat.organisation_name}
              </Link>
            </>
          ) : null}
          <span className="block text-slate-600">
            <PeriodText start={seat.start_date} end={seat.end_date} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function Consents({ consents }: Pick<LoaderData, "consents">) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {CONSENT_PURPOSES.map((purpose) => {
          // newest first: the first row of a purpose is its current state
          const current = consents.find((c) => c.purpose === purpose);
          return (
            <div key={purpose}>
              <dt className="font-semibold">{t(`register.consent.${purpose}`)}</dt>
              <dd>
                {current
                  ? t("people.page.consentCurrent", {
                      status: t(`register.consent.${current.status}`),
                      date: formatDay(current.recorded_on, language),
                    })
                  : t("people.page.consentNotRecorded")}
                {current?.source ? (
                  <span className="text-slate-600">
                    {" "}
                    ({t("people.page.consentSource", { source: current.source })})
                  </span>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {consents.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">{t("people.page.consentHistory")}</summary>
          <div className="overflow-x-auto">
            <table className="data-table mt-2">
              <thead>
                <tr>
                  <th scope="col">{t("people.consent.recorded_on")}</th>
                  <th scope="col">{t("people.consent.purpose")}</th>
                  <th scope="col">{t("people.consent.status")}</th>
                  <th scope="col">{t("people.consent.source")}</th>
                </tr>
              </thead>
              <tbody>
                {consents.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDay(c.recorded_on, language)}</td>
                    <td>{t(`register.consent.${c.purpose}`)}</td>
                    <td>{t(`register.consent.${c.status}`)}</td>
                    <td>{c.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </>
  );
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function History({ entries }: { entries: LoaderData["history"] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const translate = t as unknown as (key: string, values?: Record<string, string>) => string;
  const label = (field: string) =>
    i18n.exists(`people.history.fields.${field}`) ? translate(`people.history.fields.${field}`) : field;
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("people.history.empty");
    if (field === "preferred_language" && (value === "nl" || value === "en")) return t(`common.language.${value}`);
    if (field === "is_primary") return value ? t("common.yes") : t("common.no");
    if (field.startsWith("consent_") && (value === "given" || value === "withdrawn"))
      return t(`register.consent.${value}`);
    if (isIsoDay(value)) return formatDay(value, language);
    if (typeof value === "string" && ISO_MOMENT.test(value)) return formatMoment(value, language);
    return String(value);
  };
  if (entries.length === 0) return <p className="mt-2 text-sm">{t("people.page.historyEmpty")}</p>;
  return (
    <ol className="mt-3 space-y-3 text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="border-b border-slate-100 pb-2">
          <p>
            <span className="font-semibold">
              {entry.summary && i18n.exists(`people.history.summaries.${entry.summary}`)
                ? translate(`people.history.summaries.${entry.summary}`)
                : translate(`people.history.actions.${entry.action}`)}
            </span>
            {entry.subject ? <> — {t("people.history.job", { organisation: entry.subject })}</> : null}
          </p>
          <p className="text-slate-600">
            <time dateTime={entry.at}>{formatMoment(entry.at, language)}</time>{" "}
            {entry.user_name ? t("people.history.by", { name: entry.user_name }) : t("people.history.bySystem")}
          </p>
          {entry.changes.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {entry.changes.map((change) => (
                <li key={change.field}>
                  {t("people.history.change", {
                    field: label(change.field),
                    before: show(change.field, change.before),
                    after: show(change.field, change.after),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
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
    canEdit,
    created,
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
        {person.archived_at ? (
          <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("people.page.archivedNotice", { date: formatMoment(person.archived_at, language) })}
          </p>
        ) : null}
        {canEdit ? (
          <p className="no-print mt-3 flex flex-wrap gap-2">
            <Link to={`/personen/${person.id}/bewerken`} className="btn-secondary">
              {t("people.page.edit")}
            </Link>
            <Link to={`/personen/${person.id}/functies`} className="btn-secondary">
              {t("people.page.manageJobs")}
            </Link>
          </p>
        ) : null}
      </div>
      {created ? <SuccessNotice>{t("people.create.created", { name })}</SuccessNotice> : null}

      <dl className="card grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold">{t("register.people.emails")}</dt>
          <dd>
            {emails.length === 0 ? (
              t("people.page.noEmails")
            ) : (
              <ul>
                {emails.map((e) => (
                  <li key={e.id} className="break-all">
                    <a href={`mailto:${e.email}`}>{e.email}</a>
                    {e.is_primary && emails.length > 1 ? (
                      <span className="text-slate-600"> ({t("register.people.primary")})</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {person.phone ? (
          <div>
            <dt className="font-semibold">{t("register.people.phone")}</dt>
            <dd>{person.phone}</dd>
          </div>
        ) : null}
        <div>
          <dt className="font-semibold">{t("register.people.language")}</dt>
          <dd>{t(`common.language.${person.preferred_language}`)}</dd>
        </div>
        {person.salutation ? (
          <div>
            <dt className="font-semibold">{t("people.page.salutation")}</dt>
            <dd>{person.salutation}</dd>
          </div>
        ) : null}
        {person.initials ? (
          <div>
            <dt className="font-semibold">{t("people.page.initials")}</dt>
            <dd>{person.initials}</dd>
          </div>
        ) : null}
        {person.notes ? (
          <div className="sm:col-span-3">
            <dt className="font-semibold">{t("register.people.notes")}</dt>
            <dd className="whitespace-pre-line">{person.notes}</dd>
          </div>
        ) : null}
      </dl>

      <section aria-labelledby="now-heading" className="card">
        <h2 id="now-heading" className="text-lg font-semibold">
          {t("people.page.now")}
        </h2>
        <CurrentNow affiliations={affiliations} seats={seats} today={today} />
      </section>

      <section aria-labelledby="timeline-heading" className="card">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          {t("people.page.timeline")}
        </h2>
        <Timeline events={timeline} />
      </section>

      <RecentAttendance of={{ personId: person.id }} lines={recent} lastYear={lastYear} />

      <section aria-labelledby="consents-heading" className="card">
        <h2 id="consents-heading" className="text-lg font-semibold">
          {t("people.page.consents")}
        </h2>
        <Consents consents={consents} />
      </section>

      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("people.page.history")}
        </h2>
        <History entries={history} />
      </section>
    </div>
  );
}
