import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { random } from "graphology-layout";
import { compareDutch } from "../names";
import { mulberry32 } from "../seeded-random";
import type { CompactNetwork, NetworkNode, NetworkNodeKind } from "./types";

/**
 * What the network map draws (decision 036), computed on the server from the network's graph: only
 * the best-connected nodes (and the ties among them) are sent, placed by a ForceAtlas2 layout that
 * starts from a seeded random layout and runs a fixed number of iterations, so the same network
 * always gives the same picture. Node size follows degree, colour follows sector.
 */

export type MapNodeKind = NetworkNodeKind;

export interface MapNode {
  key: string;
  label: string;
  kind: MapNodeKind;
  x: number;
  y: number;
  size: number;
  color: string;
  /** degree in the whole network, not only among the nodes shown */
  degree: number;
  href: string;
}

export interface MapEdge {
  source: string;
  target: string;
  weight: number;
  size: number;
}

export interface LegendEntry {
  /** the sector's code; for nodes without a sector, the node kind ("body", "person") or "none" */
  key: string;
  /** the sector's name as the register spells it (Dutch); null: the page names the kind */
  sectorName: string | null;
  color: string;
  /** nodes of this colour on the map */
  count: number;
}

export interface MapData {
  nodes: MapNode[];
  edges: MapEdge[];
  legend: LegendEntry[];
  total: { nodes: number; edges: number };
  /** left out of the picture by the cap; the table shows them all */
  leftOut: { nodes: number; edges: number };
}

/** More nodes than this make a picture nobody reads and a payload a laptop feels. */
export const DEFAULT_MAX_NODES = 400;
/** A dense core of 400 organisations can hold tens of thousands of ties: only the strongest are drawn. */
export const DEFAULT_MAX_EDGES = 3_000;
export const LAYOUT_ITERATIONS = 150;
export const LAYOUT_SEED = 20251001;

/**
 * Sector colours, each at least 3:1 against the white map (WCAG 1.4.11 for graphics), and told
 * apart by hue; the legend and the table carry the same information in words. The demo's sectors
 * keep their colour whatever the filter; another sector takes one by its code.
 */
export const SECTOR_PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#8c564b",
  "#c2185b",
  "#827717",
  "#00838f",
  "#e65100",
  "#1a237e",
  "#37474f",
  "#a86d00",
  "#6a1b9a",
] as const;

const KNOWN_SECTORS = [
  "gemeente",
  "zorgverzekeraar",
  "ziekenhuis",
  "revalidatie",
  "ggz",
  "vvt",
  "huisartsenzorg",
  "ggd",
  "welzijn",
  "burgerorganisatie",
  "kennisinstituut",
  "overheid",
  "overig",
];

/** Bodies and people (in the two-mode network) and organisations without a sector. */
export const KIND_COLORS = { body: "#455a64", person: "#5d4037", none: "#757575" } as const;

export function sectorColor(code: string): string {
  const known = KNOWN_SECTORS.indexOf(code);
  if (known >= 0) return SECTOR_PALETTE[known % SECTOR_PALETTE.length]!;
  let hash = 0;
  for (const char of code) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return SECTOR_PALETTE[hash % SECTOR_PALETTE.length]!;
}

function colorKeyOf(attributes: NetworkNode): string {
  if (attributes.sector) return attributes.sector;
  return attributes.kind === "organisation" ? "none" : attributes.kind;
}

function colorOf(key: string): string {
  return key === "none" || key === "body" || key === "person" ? KIND_COLORS[key] : sectorColor(key);
}

export const NODE_SIZE = { min: 3, max: 16 };

/** Area grows with degree: the radius by its square root, so a hub does not hide its neighbours. */
export function nodeSize(degree: number, maxDegree: number): number {
  if (maxDegree <= 0) return NODE_SIZE.min;
  const size = NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * Math.sqrt(degree / maxDegree);
  return Math.round(size * 10) / 10;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Takes the compact network (typed arrays): a graphology graph of the national network's 750 000 ties
 * would not fit the server's memory, and only the nodes shown need one, for their layout.
 */
export function mapDataOf(
  network: CompactNetwork,
  options: { maxNodes?: number; maxEdges?: number; iterations?: number } = {},
): MapData {
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const maxEdges = options.maxEdges ?? DEFAULT_MAX_EDGES;
  const iterations = options.iterations ?? LAYOUT_ITERATIONS;
  const degrees = new Int32Array(network.keys.length);
  for (let t = 0; t < network.ties; t++) {
    degrees[network.source[t]!]! += 1;
    degrees[network.target[t]!]! += 1;
  }
  // the best-connected first; equal degrees by name, then key, so the cut never depends on insertion order
  const ranked = network.keys
    .map((key, index) => ({ key, index, attributes: network.nodes[index]!, degree: degrees[index]! }))
    .sort(
      (a, b) => b.degree - a.degree || compareDutch(a.attributes.label, b.attributes.label) || (a.key < b.key ? -1 : 1),
    );
  const shown = ranked.slice(0, maxNodes);
  const isShown = new Uint8Array(network.keys.length);
  for (const node of shown) isShown[node.index] = 1;

  const among: MapEdge[] = [];
  for (let t = 0; t < network.ties; t++) {
    const [a, b] = [network.source[t]!, network.target[t]!];
    if (!isShown[a] || !isShown[b]) continue;
    const [source, target] = [network.keys[a]!, network.keys[b]!];
    const [first, second] = source < target ? [source, target] : [target, source];
    among.push({ source: first, target: second, weight: network.weight[t]!, size: 0 });
  }
  const byKeys = (a: MapEdge, b: MapEdge) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1;
  // the strongest ties first; equal weights in key order, so the cut is the same every time
  const edges = among
    .sort((a, b) => b.weight - a.weight || byKeys(a, b))
    .slice(0, maxEdges)
    .sort(byKeys);

  const layout = new Graph({ type: "undirected" });
  for (const node of [...shown].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) layout.addNode(node.key);
  for (const edge of edges) layout.mergeEdge(edge.source, edge.target, { weight: edge.weight });

  random.assign(layout, { rng: mulberry32(LAYOUT_SEED), scale: 100, center: 0 });
  if (layout.order > 1) {
    forceAtlas2.assign(layout, {
      iterations,
      getEdgeWeight: "weight",
      settings: { ...forceAtlas2.inferSettings(layout), barnesHutOptimize: layout.order > 500 },
    });
  }

  const maxWeight = Math.max(1, ...edges.map((edge) => edge.weight));
  for (const edge of edges) edge.size = Math.round((0.5 + 2.5 * (edge.weight / maxWeight)) * 10) / 10;

  const maxDegree = shown[0]?.degree ?? 0;
  const legend = new Map<string, LegendEntry>();
  const nodes = shown.map(({ key, attributes, degree }): MapNode => {
    const colorKey = colorKeyOf(attributes);
    const color = colorOf(colorKey);
    const entry = legend.get(colorKey) ?? { key: colorKey, sectorName: attributes.sectorName, color, count: 0 };
    entry.count += 1;
    legend.set(colorKey, entry);
    const position = layout.getNodeAttributes(key) as { x: number; y: number };
    return {
      key,
      label: attributes.label,
      kind: attributes.kind,
      x: round(position.x),
      y: round(position.y),
      size: nodeSize(degree, maxDegree),
      color,
      degree,
      href: attributes.href,
    };
  });

  return {
    nodes,
    edges,
    legend: [...legend.values()].sort(
      (a, b) => b.count - a.count || compareDutch(a.sectorName ?? a.key, b.sectorName ?? b.key),
    ),
    total: { nodes: network.keys.length, edges: network.ties },
    leftOut: { nodes: network.keys.length - nodes.length, edges: network.ties - edges.length },
  };
}
