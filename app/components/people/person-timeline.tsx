import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language, SeatRole } from "../../../db/schema";
import { formatDay } from "../../i18n/format";
import type { TimelineEvent } from "../../services/timeline";
import { SeatOnBehalf } from "./seat-on-behalf";

/** What an event of the timeline is about: the job at an organisation, or the seat in a body (on whose behalf). */
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
      <SeatOnBehalf seat={seat} />
    </>
  );
}

/** A person's jobs and seats as one list of starts and ends, newest first (services/timeline.ts). */
export function PersonTimeline({ events }: { events: readonly TimelineEvent[] }) {
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
          <TimelineLine event={event} />
        </li>
      ))}
    </ol>
  );
}
