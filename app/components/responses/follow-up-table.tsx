import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { FOLLOW_UP_COLUMNS, followUpCells, type FollowUpRow } from "../../services/response-tables";
import { TableRegion } from "../table-region";

/** The members to call: name, organisation, phone, e-mail and how far they got; whole when printed. */
export function FollowUpTable({ rows }: { rows: readonly (FollowUpRow & { personId: number })[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <TableRegion
      label={t("responses.followUp.tableCaption")}
      className="overflow-x-auto rounded-md border border-slate-200 bg-white print:overflow-visible"
    >
      <table className="data-table" data-testid="follow-up">
        <caption className="sr-only">{t("responses.followUp.tableCaption")}</caption>
        <thead>
          <tr>
            {FOLLOW_UP_COLUMNS.map((column) => (
              <th key={column} scope="col">
                {t(`responses.followUp.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const cells = followUpCells(row, t, language);
            return (
              <tr key={row.personId} className="break-inside-avoid">
                <th scope="row" className="font-normal">
                  <a href={`/personen/${row.personId}`}>{cells.name}</a>
                </th>
                <td>{cells.organisation}</td>
                <td className="whitespace-nowrap">
                  {row.phone ? <a href={`tel:${row.phone.replace(/[^\d+]/g, "")}`}>{cells.phone}</a> : cells.phone}
                </td>
                <td className="break-all">
                  <a href={`mailto:${cells.email}`}>{cells.email}</a>
                </td>
                <td>{cells.status}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
