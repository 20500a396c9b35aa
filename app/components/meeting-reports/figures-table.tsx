import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import {
  DIRECTION_PARAMS,
  FIGURE_COLUMNS,
  type FigureColumnKey,
  type FigureGrouping,
  type FigureRow,
  type FigureSort,
  nextSort,
  SORT_PARAMS,
} from "../../services/attendance-figures";
import { SORT_PARAM } from "../../services/list-params";
import { figureCellValue, figureColumnHeader } from "../../services/meeting-report-tables";
import { TableRegion } from "../table-region";

function rowLink(grouping: FigureGrouping, id: number) {
  return grouping === "person" ? `/personen/${id}` : grouping === "body" ? `/gremia/${id}` : `/organisaties/${id}`;
}

function SortableHeader({
  grouping,
  column,
  sort,
}: {
  grouping: FigureGrouping;
  column: FigureColumnKey;
  sort: FigureSort;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const target = nextSort(sort, column);
  const params = new URLSearchParams(location.search);
  params.set(SORT_PARAM, SORT_PARAMS[column]);
  params.set("volgorde", DIRECTION_PARAMS[target.direction]);
  // another order is another first page
  params.delete("pagina");
  const sorted = sort.column === column;
  const header = figureColumnHeader(t, grouping, column);
  return (
    <th
      scope="col"
      aria-sort={sorted ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
      className={column === "name" ? "" : "text-right"}
    >
      <Link to={`?${params}`} preventScrollReset aria-label={t("meetingReports.figures.sortBy", { column: header })}>
        {header}
        {sorted ? <span aria-hidden="true">{sort.direction === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

/** One page of the attendance figures, each column sortable by its header. */
export function FiguresTable({
  grouping,
  sort,
  rows,
  caption,
}: {
  grouping: FigureGrouping;
  sort: FigureSort;
  rows: readonly FigureRow[];
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const columns = FIGURE_COLUMNS[grouping];
  return (
    <TableRegion
      className="overflow-x-auto rounded-md border border-slate-200 bg-white print:overflow-visible"
      label={caption}
    >
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <SortableHeader key={column} grouping={grouping} column={column} sort={sort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.groupId} className="break-inside-avoid">
              {columns.map((column) =>
                column === "name" ? (
                  <th key={column} scope="row" className="font-normal">
                    <Link to={rowLink(grouping, row.groupId)}>{row.name}</Link>
                    {row.level ? (
                      <span className="block text-xs text-slate-600">{t(`register.levels.${row.level}`)}</span>
                    ) : null}
                  </th>
                ) : (
                  <td key={column} className="text-right tabular-nums">
                    {figureCellValue(row, column, language)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
