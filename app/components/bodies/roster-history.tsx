import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import type { SeatEvent } from "../../models/bodies.server";
import { HISTORY_SHOWN } from "../../services/roster-view";
import type { RosterLabels } from "../../services/roster-labels";
import { rosterPageAddress } from "../../services/roster-view";

const countFormats: Record<Language, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL"),
  en: new Intl.NumberFormat("en-GB"),
};
const formatCount = (count: number, language: Language) => countFormats[language].format(count);

/** Who joined and left the body and when, newest first: the latest changes, or all of them when asked. */
export function RosterHistory({
  bodyId,
  onDay,
  today,
  allHistory,
  history,
  historyTotal,
  labels,
}: {
  bodyId: number;
  onDay: string;
  today: string;
  allHistory: boolean;
  history: SeatEvent[];
  historyTotal: number;
  labels: RosterLabels;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="history-heading" className="card">
      <h2 id="history-heading" className="text-lg font-semibold">
        {t("register.bodies.history")}
      </h2>
      {history.length < historyTotal ? (
        <p className="mt-2 text-sm text-slate-700">
          {t("bodies.page.history.shown", { shown: history.length, total: formatCount(historyTotal, language) })}{" "}
          <a href={rosterPageAddress(bodyId, { onDay, today, allHistory: true })} className="no-print">
            {t("bodies.page.history.showAll", { total: formatCount(historyTotal, language) })}
          </a>
        </p>
      ) : allHistory && historyTotal > HISTORY_SHOWN ? (
        <p className="mt-2 text-sm text-slate-700">
          <a href={rosterPageAddress(bodyId, { onDay, today, allHistory: false })} className="no-print">
            {t("bodies.page.history.showRecent", { shown: HISTORY_SHOWN })}
          </a>
        </p>
      ) : null}
      {history.length === 0 ? (
        <p className="mt-2">{t("register.bodies.noHistory")}</p>
      ) : (
        <ol className="mt-3 space-y-2 text-sm">
          {history.map((event) => {
            const role = labels.role[event.role].toLowerCase();
            const person = event.person_name;
            const behalf = event.organisation_name ?? labels.constituency(event);
            const text = person
              ? (event.kind === "start" ? labels.joined : labels.left)({ person, role })
              : (event.kind === "start" ? labels.vacancyOpened : labels.vacancyClosed)(role);
            return (
              <li key={`${event.seat_id}-${event.kind}`} className="flex flex-wrap gap-x-3">
                <a href={`?datum=${event.day}`} className="w-40 shrink-0">
                  <time dateTime={event.day}>{labels.day(event.day)}</time>
                </a>
                <span>
                  {text}
                  {behalf ? <span className="text-slate-600"> — {labels.onBehalfOf(behalf)}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
