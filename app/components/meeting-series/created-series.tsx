import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language, MeetingStatus } from "../../../db/schema";
import { describeRule, type RecurrenceRule } from "../../services/recurrence";
import { formatDayWithWeekday } from "../../services/series-form";
import { SuccessNotice } from "../form";

interface CreatedSeriesView {
  body_id: number | null;
  body_name: string | null;
  parsedRule: RecurrenceRule;
  meetings: {
    id: number;
    title: string;
    date: string;
    start_time: string | null;
    end_time: string | null;
    status: MeetingStatus;
  }[];
}

/** A series just planned: its meetings as they are now, and where to go next. */
export function CreatedSeries({ series }: { series: CreatedSeriesView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const body = series.body_name ?? "";
  return (
    <>
      <SuccessNotice>{t("meetingSeries.created.notice", { count: series.meetings.length, body })}</SuccessNotice>
      <section aria-labelledby="series-meetings-heading" className="card space-y-3">
        <h2 id="series-meetings-heading" className="text-lg font-semibold">
          {t("meetingSeries.created.heading")}
        </h2>
        <p className="text-sm">
          {t("meetingSeries.created.rule", { rule: describeRule(series.parsedRule, t, language) })}
        </p>
        <ol className="list-decimal space-y-1 pl-6 text-sm">
          {series.meetings.map((meeting) => (
            <li key={meeting.id}>
              <Link to={`/vergaderingen/${meeting.id}`}>
                {meeting.title}, {formatDayWithWeekday(meeting.date, language)}
              </Link>{" "}
              {meeting.start_time && meeting.end_time
                ? t("meetingSeries.time", { start: meeting.start_time, end: meeting.end_time })
                : null}{" "}
              <span className="text-slate-600">({t(`meetings.statuses.${meeting.status}`)})</span>
            </li>
          ))}
        </ol>
        <p className="text-sm text-slate-700">{t("meetingSeries.created.editEach")}</p>
      </section>
      {series.body_id ? (
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <li>
            <Link to={`/gremia/${series.body_id}`}>{t("meetingSeries.created.toBody", { body })}</Link>
          </li>
          <li>
            <Link to={`/vergaderingen?gremium=${series.body_id}`}>
              {t("meetingSeries.created.toMeetings", { body })}
            </Link>
          </li>
          <li>
            <Link to={`/vergaderingen/reeks?gremium=${series.body_id}`}>{t("meetingSeries.created.another")}</Link>
          </li>
        </ul>
      ) : null}
    </>
  );
}
