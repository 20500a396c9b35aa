import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay } from "../../i18n/format";

/** Choosing the day whose roster is shown: a date, the previous or next day it changed, or today. */
export function RosterDayPicker({
  bodyId,
  onDay,
  today,
  changes,
}: {
  bodyId: number;
  onDay: string;
  today: string;
  changes: { previous: string | null; next: string | null };
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="no-print flex flex-wrap items-end gap-3">
      <Form method="get" className="flex items-end gap-2">
        <div>
          <label htmlFor="datum" className="field-label">
            {t("register.bodies.rosterDate")}
          </label>
          <input
            id="datum"
            name="datum"
            type="date"
            defaultValue={onDay}
            key={onDay}
            className="field-input"
            required
          />
        </div>
        <button type="submit" className="btn-primary">
          {t("register.bodies.show")}
        </button>
      </Form>
      {changes.previous ? (
        <a className="btn-secondary" href={`?datum=${changes.previous}`}>
          ← {t("register.bodies.previousChange", { date: formatDay(changes.previous, language) })}
        </a>
      ) : (
        <span className="text-sm text-slate-600">{t("register.bodies.noPreviousChange")}</span>
      )}
      {changes.next ? (
        <a className="btn-secondary" href={`?datum=${changes.next}`}>
          {t("register.bodies.nextChange", { date: formatDay(changes.next, language) })} →
        </a>
      ) : (
        <span className="text-sm text-slate-600">{t("register.bodies.noNextChange")}</span>
      )}
      {onDay !== today ? (
        <a className="btn-secondary" href={`/gremia/${bodyId}`}>
          {t("register.bodies.today")}
        </a>
      ) : null}
    </div>
  );
}
