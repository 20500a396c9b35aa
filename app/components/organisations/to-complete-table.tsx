import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";
import { TableRegion } from "../table-region";

/** An organisation on the "te completeren" list, as the page's loader sends it. */
export interface ToCompleteRow {
  id: number;
  name: string;
  sector_nl: string;
  sector_en: string;
  updated_at: string;
}

/** The organisations linked to no region: name (to open and complete it), sector, last change. */
export function ToCompleteTable({ rows }: { rows: readonly ToCompleteRow[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const caption = t("organisations.toComplete.caption");
  return (
    <TableRegion label={caption}>
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("organisations.toComplete.columns.name")}</th>
            <th scope="col">{t("organisations.toComplete.columns.sector")}</th>
            <th scope="col">{t("organisations.toComplete.columns.changed")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/organisaties/${row.id}`}>{row.name}</Link>
              </td>
              <td>{language === "en" ? row.sector_en : row.sector_nl}</td>
              <td>{formatMoment(row.updated_at, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
