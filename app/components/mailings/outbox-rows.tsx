import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";
import { MAILING_PAGE_SCHEMAS } from "../../services/mailing-forms";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";
import { TableRegion } from "../table-region";

export interface OutboxRow {
  id: number;
  name: string;
  email: string;
  reason: string | null;
  at: string;
}

function RowsTable({ rows, caption }: { rows: OutboxRow[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <TableRegion label={caption}>
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("mailings.mailing.columns.name")}</th>
            <th scope="col">{t("mailings.mailing.columns.email")}</th>
            <th scope="col">{t("mailings.mailing.columns.reason")}</th>
            <th scope="col">{t("mailings.mailing.columns.at")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.name}</td>
              <td className="break-all">{row.email}</td>
              <td>{row.reason}</td>
              <td>{formatMoment(row.at, i18n.language as Language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The messages of unknown outcome, and the deliberate "send again" after checking them. */
export function UnknownRows({
  rows,
  count,
  version,
  answer,
}: {
  rows: OutboxRow[];
  count: number;
  version: number;
  answer: FormActionData | null;
}) {
  const { t } = useTranslation();
  if (count === 0) return null;
  const heading = t("mailings.mailing.unknown.heading");
  return (
    <section aria-labelledby="unknown-heading" className="card space-y-3">
      <h2 id="unknown-heading" className="text-lg font-semibold">
        {heading} ({count})
      </h2>
      <p className="text-sm">{t("mailings.mailing.unknown.intro")}</p>
      <RowsTable rows={rows} caption={heading} />
      <ValidatedForm
        id="send-again"
        key={`again-${version}`}
        schema={MAILING_PAGE_SCHEMAS.sendAgain}
        actionData={answer}
        defaultValues={{ intent: "sendAgain", version }}
        className="space-y-3"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <CheckboxField name="confirm" label={t("mailings.mailing.unknown.confirm")} />
        <SubmitButton className="btn-secondary">{t("mailings.mailing.unknown.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}

/** The messages the SMTP server refused for good, with its reason. */
export function FailedRows({ rows, count }: { rows: OutboxRow[]; count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  const heading = t("mailings.mailing.failed.heading");
  return (
    <section aria-labelledby="failed-heading" className="card space-y-3">
      <h2 id="failed-heading" className="text-lg font-semibold">
        {heading} ({count})
      </h2>
      <RowsTable rows={rows} caption={heading} />
    </section>
  );
}
