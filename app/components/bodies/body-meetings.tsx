import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay } from "../../i18n/format";
import type { bodyMeetings } from "../../models/meetings.server";
import { meetingTime } from "../meeting-form";

/** The body's next and latest meetings, with the ways to plan one and to subscribe to them all. */
export function BodyMeetings({
  bodyId,
  canPlan,
  meetings,
}: {
  bodyId: number;
  canPlan: boolean;
  meetings: Awaited<ReturnType<typeof bodyMeetings>>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="meetings-heading" className="card space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="meetings-heading" className="text-lg font-semibold">
          {t("meetings.body.heading")}
        </h2>
        <div className="no-print flex flex-wrap gap-2">
          {canPlan ? (
            <>
              <a href={`/vergaderingen/nieuw?gremium=${bodyId}`} className="btn-primary">
                {t("meetings.body.plan")}
              </a>
              <a href={`/vergaderingen/reeks?gremium=${bodyId}`} className="btn-secondary">
                {t("meetings.body.planSeries")}
              </a>
            </>
          ) : null}
          <a href={`/gremia/${bodyId}/agenda`} className="btn-secondary">
            {t("meetings.body.subscription")}
          </a>
        </div>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        {(
          [
            {
              key: "upcoming",
              items: meetings.upcoming,
              heading: t("meetings.body.upcoming"),
              empty: t("meetings.body.noUpcoming"),
            },
            {
              key: "recent",
              items: meetings.recent,
              heading: t("meetings.body.recent"),
              empty: t("meetings.body.noRecent"),
            },
          ] as const
        ).map((group) => (
          <div key={group.key}>
            <h3 className="font-semibold">{group.heading}</h3>
            {group.items.length === 0 ? (
              <p className="mt-1 text-sm text-slate-700">{group.empty}</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm">
                {group.items.map((meeting) => (
                  <li key={meeting.id}>
                    <a href={`/vergaderingen/${meeting.id}`}>
                      <time dateTime={meeting.date}>{formatDay(meeting.date, language)}</time>
                    </a>{" "}
                    <span className="text-slate-700">
                      {meetingTime(t, meeting.start_time, meeting.end_time)} — {meeting.title}
                      {meeting.status !== "gepland"
                        ? ` (${t(`meetings.statuses.${meeting.status}`).toLowerCase()})`
                        : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <p className="text-sm">
        <a href={`/vergaderingen?gremium=${bodyId}&wanneer=alle`}>{t("meetings.body.all")}</a>
      </p>
    </section>
  );
}
