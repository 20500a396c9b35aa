import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type Language, MEETING_STATUSES } from "../../db/schema";
import { allowed, requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { FilterDay, FilterForm, FilterSelect } from "../components/filter-form";
import { Pagination } from "../components/lists";
import { meetingTime } from "../components/meeting-form";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { listMeetings, meetingFilterChoices } from "../models/meetings.server";
import { oneOf, pageFrom, positiveIntFrom } from "../services/list-params";
import { MEETING_LIST_KINDS, MEETING_TIMEFRAMES, type MeetingTimeframe } from "../services/meeting-form";
import { isIsoDay } from "../services/periods";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetings.list.title"));

const YEAR = /^\d{4}$/;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const params = new URL(request.url).searchParams;
  const asked = { year: params.get("jaar") ?? "", from: params.get("van") ?? "", to: params.get("tot") ?? "" };
  const filter = {
    bodyId: positiveIntFrom(params, "gremium"),
    kind: oneOf(params, "soort", MEETING_LIST_KINDS),
    status: oneOf(params, "status", MEETING_STATUSES),
    year: YEAR.test(asked.year) ? Number(asked.year) : undefined,
    from: isIsoDay(asked.from) ? asked.from : undefined,
    to: isIsoDay(asked.to) ? asked.to : undefined,
    timeframe: oneOf(params, "wanneer", MEETING_TIMEFRAMES) ?? "komend",
  };
  const scope = await listScope(request, context);
  const [{ rows, page }, bodies] = await Promise.all([
    listMeetings(context.db, scope, filter, pageFrom(params), todayInAmsterdam()),
    meetingFilterChoices(context.db, scope),
  ]);
  const ignored = [
    asked.year && !filter.year ? asked.year : null,
    asked.from && !filter.from ? asked.from : null,
    asked.to && !filter.to ? asked.to : null,
  ];
  return json({
    meetings: rows,
    page,
    bodies,
    allRegions: scope === "all",
    filter,
    asked,
    ignored: ignored.filter((value): value is string => value !== null),
    canEdit: await allowed(request, context, user, "register.edit", { region: "current" }),
  });
}

/** The tab's address: the same filters, another timeframe, back to page 1. */
function useTimeframeLink() {
  const location = useLocation();
  return (timeframe: MeetingTimeframe) => {
    const params = new URLSearchParams(location.search);
    params.set("wanneer", timeframe);
    params.delete("pagina");
    return `${location.pathname}?${params}`;
  };
}

export default function Meetings() {
  const { meetings, page, bodies, allRegions, filter, asked, ignored, canEdit } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const timeframeLink = useTimeframeLink();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("meetings.list.title")}</h1>
        <div className="no-print flex flex-wrap gap-2">
          {canEdit ? (
            <>
              <Link to="/vergaderingen/nieuw" className="btn-primary">
                {t("meetings.list.newMeeting")}
              </Link>
              <Link to="/vergaderingen/nieuw?soort=evenement" className="btn-secondary">
                {t("meetings.list.newEvent")}
              </Link>
              <Link to="/vergaderingen/reeks" className="btn-secondary">
                {t("meetings.list.series")}
              </Link>
            </>
          ) : null}
          <Link to="/vergaderingen/cijfers" className="btn-secondary">
            {t("meetings.list.figures")}
          </Link>
          <Link to="/vergaderingen/jaaroverzicht" className="btn-secondary">
            {t("meetings.list.yearOverview")}
          </Link>
        </div>
      </div>

      <nav aria-label={t("meetings.list.timeframeLabel")} className="no-print">
        <ul className="flex gap-1 border-b border-slate-300">
          {MEETING_TIMEFRAMES.map((timeframe) => {
            const current = filter.timeframe === timeframe;
            return (
              <li key={timeframe}>
                <Link
                  to={timeframeLink(timeframe)}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-block rounded-t-md border px-4 py-2 text-sm font-medium ${
                    current
                      ? "border-slate-300 border-b-white bg-white text-slate-900"
                      : "border-transparent text-sky-800 hover:underline"
                  }`}
                >
                  {t(`meetings.list.timeframes.${timeframe}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <FilterForm resetTo={`/vergaderingen?wanneer=${filter.timeframe}`} label={t("meetings.list.filters")}>
        <input type="hidden" name="wanneer" value={filter.timeframe} />
        <FilterSelect
          name="gremium"
          label={t("meetings.list.body")}
          value={filter.bodyId}
          anyLabel={t("meetings.list.all")}
          options={bodies.map((body) => ({
            value: body.id,
            label: allRegions ? `${body.name} (${body.region_name})` : body.name,
          }))}
        />
        <FilterSelect
          name="soort"
          label={t("meetings.list.kind")}
          value={filter.kind}
          anyLabel={t("meetings.list.all")}
          options={MEETING_LIST_KINDS.map((kind) => ({ value: kind, label: t(`meetings.list.kindOptions.${kind}`) }))}
        />
        <FilterSelect
          name="status"
          label={t("meetings.list.status")}
          value={filter.status}
          anyLabel={t("meetings.list.all")}
          options={MEETING_STATUSES.map((status) => ({ value: status, label: t(`meetings.statuses.${status}`) }))}
        />
        <div>
          <label htmlFor="jaar" className="field-label">
            {t("meetings.list.year")}
          </label>
          <input id="jaar" name="jaar" inputMode="numeric" defaultValue={asked.year} className="field-input w-24" />
        </div>
        <FilterDay name="van" label={t("meetings.list.from")} value={asked.from} />
        <FilterDay name="tot" label={t("meetings.list.to")} value={asked.to} />
      </FilterForm>
      {ignored.map((value) => (
        <p key={value} role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("meetings.list.invalidFilter", { value })}
        </p>
      ))}

      <div className="card overflow-x-auto">
        {meetings.length === 0 ? (
          <p>{t("meetings.list.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("meetings.list.date")}</th>
                <th scope="col">{t("meetings.list.time")}</th>
                <th scope="col">{t("meetings.list.what")}</th>
                <th scope="col">{t("meetings.list.meetingTitle")}</th>
                <th scope="col">{t("meetings.list.status")}</th>
                {allRegions ? <th scope="col">{t("regions.column")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td className="whitespace-nowrap">
                    <time dateTime={meeting.date}>{formatDay(meeting.date, language)}</time>
                  </td>
                  <td className="whitespace-nowrap">{meetingTime(t, meeting.start_time, meeting.end_time)}</td>
                  <td>
                    {meeting.body_id === null ? (
                      t(`meetings.kinds.${meeting.kind}`)
                    ) : (
                      <Link to={`/gremia/${meeting.body_id}`}>{meeting.body_abbreviation ?? meeting.body_name}</Link>
                    )}
                  </td>
                  <td>
                    <Link to={`/vergaderingen/${meeting.id}`}>{meeting.title}</Link>
                  </td>
                  <td className={meeting.status === "geannuleerd" ? "text-amber-800" : undefined}>
                    {t(`meetings.statuses.${meeting.status}`)}
                  </td>
                  {allRegions ? <td>{meeting.region_name}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page.pages > 1 ? (
          <Pagination page={page.page} pages={page.pages} from={page.from} to={page.to} total={page.total} />
        ) : null}
      </div>
    </div>
  );
}
