import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";
import { displayName, type NameParts } from "../../services/names";
import { TableRegion } from "../table-region";

/** A person on the "to correct" list, as the page's loader sends them. */
export interface ToCorrectRow extends NameParts {
  id: number;
  email_id: number;
  email: string;
  bounced_at: string;
  bounce_reason: string | null;
  organisations: string | null;
}

/** The people whose primary address bounced: name, where they work, the address, when and why; for editors, a link to correct it. */
export function ToCorrectTable({ rows, canEdit }: { rows: readonly ToCorrectRow[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const caption = t("people.toCorrect.caption");
  return (
    <TableRegion label={caption}>
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("people.toCorrect.columns.name")}</th>
            <th scope="col">{t("people.toCorrect.columns.organisation")}</th>
            <th scope="col">{t("people.toCorrect.columns.email")}</th>
            <th scope="col">{t("people.toCorrect.columns.since")}</th>
            <th scope="col">{t("people.toCorrect.columns.reason")}</th>
            {canEdit ? (
              <th scope="col">
                <span className="sr-only">{t("people.toCorrect.correct")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.email_id}>
              <td>
                <Link to={`/personen/${row.id}`}>{displayName(row)}</Link>
              </td>
              <td>{row.organisations}</td>
              <td className="break-all">{row.email}</td>
              <td>{formatMoment(row.bounced_at, language)}</td>
              <td>{row.bounce_reason ?? <span className="text-slate-600">{t("people.toCorrect.noReason")}</span>}</td>
              {canEdit ? (
                <td>
                  <Link to={`/personen/${row.id}/bewerken`} className="no-print">
                    {t("people.toCorrect.correct")}
                    <span className="sr-only">: {displayName(row)}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
