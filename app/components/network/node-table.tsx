import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { SORT_PARAM } from "../../services/list-params";
import {
  DIRECTION_PARAM,
  NODE_COLUMNS,
  NODE_SORT_PARAMS,
  type NodeColumn,
  type NodeRow,
  type NodeSort,
  nextNodeSort,
} from "../../services/network/node-table";
import { TableRegion } from "../table-region";
import { decimal } from "./numbers";

function SortableHeader({ column, sort }: { column: NodeColumn; sort: NodeSort }) {
  const { t } = useTranslation();
  const location = useLocation();
  const target = nextNodeSort(sort, column);
  const params = new URLSearchParams(location.search);
  params.set(SORT_PARAM, NODE_SORT_PARAMS[column]);
  params.set(DIRECTION_PARAM, target.direction === "asc" ? "oplopend" : "aflopend");
  params.delete("pagina");
  const sorted = sort.column === column;
  const header = t(`network.columns.${column}`);
  return (
    <th
      scope="col"
      aria-sort={sorted ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
      className={column === "label" ? "" : "text-right"}
    >
      <Link to={`?${params}`} preventScrollReset aria-label={t("network.table.sortBy", { column: header })}>
        {header}
        {sorted ? <span aria-hidden="true">{sort.direction === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

/** Every node with its measures: the network for those who read rather than look, and for screen readers. */
export function NodeTable({ rows, sort }: { rows: readonly NodeRow[]; sort: NodeSort }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const caption = t("network.table.caption");
  const [label, ...measures] = NODE_COLUMNS;
  return (
    <TableRegion className="overflow-x-auto rounded-md border border-slate-200 bg-white" label={caption}>
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <SortableHeader column={label} sort={sort} />
            <th scope="col">{t("network.columns.kind")}</th>
            <th scope="col">{t("network.columns.sector")}</th>
            <th scope="col">{t("network.columns.subregions")}</th>
            <th scope="col">{t("network.columns.level")}</th>
            {measures.map((column) => (
              <SortableHeader key={column} column={column} sort={sort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="font-normal">
                <Link to={row.href}>{row.label}</Link>
              </th>
              <td>{t(`network.nodeKinds.${row.kind}`)}</td>
              <td>{row.sectorName}</td>
              <td>{row.subregions.join(", ")}</td>
              <td>{row.level ? t(`register.levels.${row.level as "strategisch"}`) : null}</td>
              <td className="text-right">{row.degree}</td>
              <td className="text-right">{row.weightedDegree}</td>
              <td className="text-right">{decimal(row.betweenness, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
