import { oneOf, SORT_PARAM } from "../list-params";
import type { CompactNetwork, NetworkNodeKind } from "./types";

/** The table of nodes with their measures: the page's reading of the network, sorted and paged on the server. */

export const NODE_COLUMNS = ["label", "degree", "weightedDegree", "betweenness"] as const;
export type NodeColumn = (typeof NODE_COLUMNS)[number];

export const NODE_SORT_PARAMS: Record<NodeColumn, string> = {
  label: "naam",
  degree: "graad",
  weightedDegree: "gewogen",
  betweenness: "tussenligging",
};
export const DIRECTION_PARAM = "volgorde";

export interface NodeSort {
  column: NodeColumn;
  direction: "asc" | "desc";
}

export interface NodeRow {
  key: string;
  label: string;
  href: string;
  kind: NetworkNodeKind;
  sectorName: string | null;
  subregions: string[];
  level: string | null;
  degree: number;
  weightedDegree: number;
  betweenness: number;
}

/** The most central first, unless the URL asks for another order. */
export function nodeSortFrom(search: URLSearchParams): NodeSort {
  const asked = search.get(SORT_PARAM);
  const column = NODE_COLUMNS.find((c) => NODE_SORT_PARAMS[c] === asked) ?? "betweenness";
  const direction = oneOf(search, DIRECTION_PARAM, ["oplopend", "aflopend"] as const);
  return {
    column,
    direction: direction ? (direction === "oplopend" ? "asc" : "desc") : column === "label" ? "asc" : "desc",
  };
}

/** A header's link: the other direction of the column shown, or the column's own first direction. */
export function nextNodeSort(sort: NodeSort, column: NodeColumn): NodeSort {
  if (sort.column === column) return { column, direction: sort.direction === "asc" ? "desc" : "asc" };
  return { column, direction: column === "label" ? "asc" : "desc" };
}

export function sortedNodeRows(network: CompactNetwork, sort: NodeSort): NodeRow[] {
  const rows = network.nodes.map((a, i) => ({
    key: network.keys[i]!,
    label: a.label,
    href: a.href,
    kind: a.kind,
    sectorName: a.sectorName,
    subregions: a.subregions,
    level: a.level,
    degree: a.degree ?? 0,
    weightedDegree: a.weightedDegree ?? 0,
    betweenness: a.betweenness ?? 0,
  }));
  const sign = sort.direction === "asc" ? 1 : -1;
  const byLabel = (a: NodeRow, b: NodeRow) => a.label.localeCompare(b.label, "nl");
  return rows.sort((a, b) =>
    sort.column === "label" ? sign * byLabel(a, b) : sign * (a[sort.column] - b[sort.column]) || byLabel(a, b),
  );
}
