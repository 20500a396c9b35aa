import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay, formatMoment } from "../../i18n/format";
import { isIsoDay } from "../../services/periods";
import { displayValue } from "../../services/audit-diff";

/** An audit entry about the person or one of their jobs, as the person page's loader sends it. */
export interface PersonHistoryLine {
  id: number;
  at: string;
  user_name: string | null;
  action: string;
  summary: string | null;
  /** for a job: the organisation's name */
  subject: string | null;
  /** JSON leaves out an undefined value, so before and after may be missing */
  changes: readonly { field: string; before?: unknown; after?: unknown }[];
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "Geschiedenis van wijzigingen": who changed what and when, with each field's value before and after. */
export function PersonHistory({ entries }: { entries: readonly PersonHistoryLine[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // keys built at run time from what the log stored, which the typed t does not know
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
    if (typeof value === "string") return ISO_MOMENT.test(value) ? formatMoment(value, language) : value;
    return displayValue(value) ?? t("people.history.empty");
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
