import { useTranslation } from "react-i18next";
import type { AuditAction, Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";
import { type OrganisationNames, organisationFieldLabels, readableOrganisationValue } from "../organisation-form";

/** The organisation's latest audit entries, as its page's loader sends them. */
export interface OrganisationHistoryShown {
  entries: readonly {
    id: number;
    at: string;
    action: AuditAction;
    by: string | null;
    byUserId: number | null;
    /** JSON leaves out an undefined value, so before and after may be missing */
    changes: readonly { field: string; before?: unknown; after?: unknown }[];
  }[];
  /** how many entries there are, of which the first `shown` are sent */
  total: number;
  shown: number;
  names: OrganisationNames;
}

/** Who changed what and when, with names instead of the ids the fields hold. */
export function OrganisationHistory({ history }: { history: OrganisationHistoryShown }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const labels = organisationFieldLabels(t);
  const show = (field: string, value: unknown) =>
    readableOrganisationValue(field, value, history.names, t, language) ?? t("organisations.history.emptyValue");
  if (history.entries.length === 0) return <p className="text-sm">{t("organisations.history.empty")}</p>;
  return (
    <>
      <ol className="space-y-3 text-sm">
        {history.entries.map((entry) => (
          <li key={entry.id} className="border-l-2 border-slate-300 pl-3">
            <p>
              <span className="font-semibold">{t(`organisations.history.actions.${entry.action}`)}</span>
              {" — "}
              <time dateTime={entry.at}>{formatMoment(entry.at, language)}</time>
              {", "}
              {entry.byUserId === null
                ? t("organisations.history.system")
                : (entry.by ?? t("organisations.history.unknownUser", { id: entry.byUserId }))}
            </p>
            {entry.changes.length === 0 ? (
              <p className="text-slate-600">{t("organisations.history.noChanges")}</p>
            ) : (
              <ul className="list-disc pl-5">
                {entry.changes.map((change) => (
                  <li key={change.field}>
                    {t("organisations.history.change", {
                      field: labels[change.field] ?? change.field,
                      before: show(change.field, change.before),
                      after: show(change.field, change.after),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {history.total > history.shown ? (
        <p className="text-sm text-slate-600">
          {t("organisations.history.shown", { shown: history.shown, total: history.total })}
        </p>
      ) : null}
    </>
  );
}
