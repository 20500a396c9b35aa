import type { TFunction } from "i18next";
import type { ExportTable } from "../table-export.server";
import type { CompactNetwork, NetworkNode } from "./types";

/**
 * The network as files for analysis tools (decision 034): GraphML that Gephi, networkx and igraph
 * read as they are, node and edge lists, and the measures as the page shows them. graphology-graphml
 * only parses, so the GraphML is written here, with a typed key for every attribute.
 */

type NodeAttribute = keyof NetworkNode;

const NODE_KEYS: readonly { name: NodeAttribute; type: "string" | "int" | "double" }[] = [
  { name: "label", type: "string" },
  { name: "kind", type: "string" },
  { name: "sector", type: "string" },
  { name: "sectorName", type: "string" },
  { name: "subregions", type: "string" },
  { name: "level", type: "string" },
  { name: "href", type: "string" },
  { name: "degree", type: "int" },
  { name: "weightedDegree", type: "double" },
  { name: "betweenness", type: "double" },
];

/** Several subregions in one text attribute: GraphML has no lists, and every tool reads a string. */
export const LIST_SEPARATOR = "; ";

// XML 1.0 allows no control characters besides tab, line feed and carriage return
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlText(value: string): string {
  return value
    .replace(NOT_IN_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function attributeText(value: NetworkNode[NodeAttribute]): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(LIST_SEPARATOR);
  return String(value);
}

export function networkGraphml(network: CompactNetwork): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((key) => `  <key id="${key.name}" for="node" attr.name="${key.name}" attr.type="${key.type}"/>`),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <graph id="kring" edgedefault="undirected">',
  ];
  network.nodes.forEach((attributes, i) => {
    lines.push(`    <node id="${xmlText(network.keys[i]!)}">`);
    for (const key of NODE_KEYS) {
      const text = attributeText(attributes[key.name]);
      if (text !== null) lines.push(`      <data key="${key.name}">${xmlText(text)}</data>`);
    }
    lines.push("    </node>");
  });
  for (let t = 0; t < network.ties; t++) {
    const source = xmlText(network.keys[network.source[t]!]!);
    const target = xmlText(network.keys[network.target[t]!]!);
    lines.push(
      `    <edge id="e${t + 1}" source="${source}" target="${target}"><data key="weight">${network.weight[t]}</data></edge>`,
    );
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

/** Rounded for reading; the files keep six decimals, more than any analysis of this network needs. */
export const roundedMeasure = (value: number | undefined) => (value === undefined ? null : Number(value.toFixed(6)));

/**
 * The node list as the analysis tools name its columns (Gephi's spreadsheet import reads Id and
 * Label), so the headers are the same in every language.
 */
export function nodeListTable(network: CompactNetwork, title: string): ExportTable {
  const rows: ExportTable["rows"][number][] = [];
  network.nodes.forEach((a, i) =>
    rows.push({
      Id: network.keys[i]!,
      Label: a.label,
      kind: a.kind,
      sector: a.sector,
      sectorName: a.sectorName,
      subregions: a.subregions.join(LIST_SEPARATOR),
      level: a.level,
      degree: a.degree,
      weightedDegree: a.weightedDegree,
      betweenness: roundedMeasure(a.betweenness),
    }),
  );
  const columns = [
    "Id",
    "Label",
    "kind",
    "sector",
    "sectorName",
    "subregions",
    "level",
    "degree",
    "weightedDegree",
    "betweenness",
  ];
  return { title, columns: columns.map((key) => ({ key, header: key })), rows };
}

export function edgeListTable(network: CompactNetwork, title: string): ExportTable {
  const rows: ExportTable["rows"][number][] = [];
  for (let t = 0; t < network.ties; t++) {
    rows.push({
      Source: network.keys[network.source[t]!]!,
      Target: network.keys[network.target[t]!]!,
      Type: "Undirected",
      Weight: network.weight[t]!,
    });
  }
  return { title, columns: ["Source", "Target", "Type", "Weight"].map((key) => ({ key, header: key })), rows };
}

/** The measures per node as the page's table shows them, headers in the reader's language. */
export function measuresTable(network: CompactNetwork, title: string, t: TFunction): ExportTable {
  const rows: ExportTable["rows"][number][] = [];
  network.nodes.forEach((a) =>
    rows.push({
      label: a.label,
      kind: t(`network.nodeKinds.${a.kind}`),
      sector: a.sectorName,
      subregions: a.subregions.join(LIST_SEPARATOR),
      level: a.level === null ? null : t(`register.levels.${a.level as "strategisch"}`),
      degree: a.degree,
      weightedDegree: a.weightedDegree,
      betweenness: roundedMeasure(a.betweenness),
    }),
  );
  const keys = ["label", "kind", "sector", "subregions", "level", "degree", "weightedDegree", "betweenness"] as const;
  return { title, columns: keys.map((key) => ({ key, header: t(`network.columns.${key}`) })), rows };
}
