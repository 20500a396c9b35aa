import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay, formatMoment } from "../../i18n/format";
import { displayValue } from "../../services/audit-diff";
import { isIsoDay } from "../../services/periods";
import { TableRegion } from "../table-region";

/** The access report as the loader sends it: plain rows, every value as stored. */
export interface AccessReportData {
  person: Record<string, unknown>;
  email_addresses: readonly Record<string, unknown>[];
  consents_and_opt_outs: readonly Record<string, unknown>[];
  jobs: readonly Record<string, unknown>[];
  seats: readonly Record<string, unknown>[];
  attendance: readonly Record<string, unknown>[];
  survey_panels: readonly Record<string, unknown>[];
  messages_sent: readonly Record<string, unknown>[];
  audit_entries: readonly Record<string, unknown>[];
}

type Column = keyof typeof COLUMN_LABELS;

/** Which stored field each column shows. */
const COLUMN_LABELS = {
  email: "email",
  is_primary: "primary",
  bounced_at: "bounced",
  purpose: "purpose",
  status: "status",
  recorded_on: "recordedOn",
  source: "source",
  organisation: "organisation",
  function_title: "functionTitle",
  start_date: "from",
  end_date: "until",
  body: "body",
  role: "role",
  on_behalf_of: "onBehalfOf",
  note: "note",
  date: "date",
  meeting: "meeting",
  wave: "wave",
  reference_date: "referenceDate",
  reasons: "reasons",
  exclusion_reason: "excluded",
  response_completed_at: "response",
  kind: "kind",
  sent_at: "sentAt",
  at: "at",
  action: "action",
  entity: "record",
  user_name: "by",
  after: "changes",
} as const;

const SECTIONS: { key: keyof Omit<AccessReportData, "person">; heading: string; columns: Column[] }[] = [
  { key: "email_addresses", heading: "emails", columns: ["email", "is_primary", "bounced_at"] },
  { key: "consents_and_opt_outs", heading: "consents", columns: ["purpose", "status", "recorded_on", "source"] },
  { key: "jobs", heading: "jobs", columns: ["organisation", "function_title", "start_date", "end_date"] },
  { key: "seats", heading: "seats", columns: ["body", "role", "on_behalf_of", "start_date", "end_date", "note"] },
  { key: "attendance", heading: "attendance", columns: ["date", "meeting", "body", "status", "note"] },
  {
    key: "survey_panels",
    heading: "panels",
    columns: ["wave", "reference_date", "reasons", "exclusion_reason", "response_completed_at"],
  },
  { key: "messages_sent", heading: "messages", columns: ["wave", "kind", "email", "status", "sent_at"] },
  { key: "audit_entries", heading: "audit", columns: ["at", "action", "entity", "user_name", "after"] },
];

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Fields whose stored 0/1 means no/yes; elsewhere a 1 is a number (a version, an id). */
const FLAGS = new Set(["is_primary"]);

/** Where the words for a stored code are, per section and field: a status means something else in each. */
const CODE_WORDS: Partial<Record<string, Record<string, string>>> = {
  consents_and_opt_outs: { purpose: "register.consent", status: "register.consent" },
  attendance: { status: "meetings.attendanceStatuses" },
  messages_sent: { status: "mailings.outbox", kind: "mailings.kinds" },
  audit_entries: { action: "people.history.actions", entity: "admin.audit.entities" },
  person: { preferred_language: "common.language" },
};

function useShow() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // keys built from stored values, which the typed t does not know
  const translate = t as unknown as (key: string) => string;
  const known = (key: string) => (i18n.exists(key) ? translate(key) : null);
  return (value: unknown, section: string, field: string): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean" || FLAGS.has(field)) return value ? t("common.yes") : t("common.no");
    const words = CODE_WORDS[section]?.[field];
    if (words && typeof value === "string") return known(`${words}.${value}`) ?? value;
    if (isIsoDay(value)) return formatDay(value, language);
    if (typeof value === "string") return ISO_MOMENT.test(value) ? formatMoment(value, language) : value;
    return displayValue(value) ?? "—";
  };
}

/** Every section of the report, a table each; what is empty says so. */
export function AccessReport({ report }: { report: AccessReportData }) {
  const { t, i18n } = useTranslation();
  const show = useShow();
  const translate = t as unknown as (key: string) => string;
  const fieldLabel = (field: string) =>
    i18n.exists(`rights.report.personFields.${field}`)
      ? translate(`rights.report.personFields.${field}`)
      : i18n.exists(`people.history.fields.${field}`)
        ? translate(`people.history.fields.${field}`)
        : field;
  return (
    <>
      <section aria-labelledby="report-person" className="card">
        <h2 id="report-person" className="text-lg font-semibold">
          {t("rights.report.sections.person")}
        </h2>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {Object.entries(report.person).map(([field, value]) => (
            <div key={field} className="contents">
              <dt className="font-semibold">{fieldLabel(field)}</dt>
              <dd className="break-words">{show(value, "person", field)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {SECTIONS.map(({ key, heading, columns }) => {
        const rows = report[key];
        const title = t(`rights.report.sections.${heading as "emails"}`);
        return (
          <section key={key} aria-labelledby={`report-${key}`} className="card">
            <h2 id={`report-${key}`} className="text-lg font-semibold">
              {title} ({rows.length})
            </h2>
            {rows.length === 0 ? (
              <p className="mt-2 text-sm">{t("rights.report.none")}</p>
            ) : (
              <TableRegion label={title}>
                <table className="mt-3 w-full text-left text-sm">
                  <thead>
                    <tr>
                      {columns.map((column) => (
                        <th key={column} scope="col" className="border-b border-slate-300 py-1 pr-3">
                          {t(`rights.report.columns.${COLUMN_LABELS[column]}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row, index) => (
                      <tr key={index} className="border-b border-slate-100 align-top">
                        {columns.map((column) => (
                          <td key={column} className="max-w-md break-words py-1 pr-3">
                            {show(row[column], key, column)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
          </section>
        );
      })}
    </>
  );
}
