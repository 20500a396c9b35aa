import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ImportStatus, Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";

export interface HistoryRow {
  id: number;
  file_name: string;
  status: ImportStatus;
  row_count: number;
  counts: { organisations: number; people: number; affiliations: number; seats: number } | null;
  created_at: string;
  created_by_name: string | null;
}

/** The import history: every upload, newest first, with what it created. */
export function ImportHistoryTable({ rows }: { rows: readonly HistoryRow[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (rows.length === 0) return <p>{t("import.history.empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t("import.history.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("import.history.file")}</th>
            <th scope="col">{t("import.history.status")}</th>
            <th scope="col">{t("import.history.rows")}</th>
            <th scope="col">{t("import.history.created")}</th>
            <th scope="col">{t("import.history.by")}</th>
            <th scope="col">{t("import.history.at")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="font-normal">
                <Link to={`/importeren/${row.id}`}>{row.file_name}</Link>
              </th>
              <td>{t(`import.statuses.${row.status}`)}</td>
              <td>{row.row_count}</td>
              <td>{row.counts ? t("import.result.counts", row.counts) : ""}</td>
              <td>{row.created_by_name ?? ""}</td>
              <td>{formatMoment(row.created_at, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
