import Graph from "graphology";
import { describe, expect, it } from "vitest";
import {
  KIND_COLORS,
  mapDataOf,
  NODE_SIZE,
  nodeSize,
  SECTOR_PALETTE,
  sectorColor,
} from "../../app/services/network/map-data";
import { graphToCompact } from "../../app/services/network/compact";
import type { NetworkGraph, NetworkNode } from "../../app/services/network/types";

type G = NetworkGraph;

function organisation(label: string, sector: string | null, sectorName: string | null): NetworkNode {
  return {
    label,
    kind: "organisation",
    sector,
    sectorName,
    subregions: [],
    level: null,
    href: `/organisaties/${label}`,
  };
}

/** A hub (GGD) tied to five municipalities, two of which are tied to each other, and a welfare pair. */
function smallGraph(order: "forward" | "reverse" = "forward"): G {
  const graph: G = new Graph({ type: "undirected" });
  const nodes: [string, NetworkNode][] = [
    ["o1", organisation("GGD Zuid Limburg", "ggd", "GGD")],
    ["o2", organisation("Gemeente Heerlen", "gemeente", "Gemeente")],
    ["o3", organisation("Gemeente Kerkrade", "gemeente", "Gemeente")],
    ["o4", organisation("Gemeente Sittard-Geleen", "gemeente", "Gemeente")],
    ["o5", organisation("Gemeente Maastricht", "gemeente", "Gemeente")],
    ["o6", organisation("Gemeente Vaals", "gemeente", "Gemeente")],
    ["o7", organisation("Welzijn A", "welzijn", "Welzijn")],
    ["o8", organisation("Bewonersraad", null, null)],
  ];
  const edges: [string, string, number][] = [
    ["o1", "o2", 3],
    ["o1", "o3", 1],
    ["o1", "o4", 1],
    ["o1", "o5", 2],
    ["o1", "o6", 1],
    ["o2", "o3", 4],
    ["o7", "o8", 1],
  ];
  for (const [key, attributes] of order === "forward" ? nodes : [...nodes].reverse()) graph.addNode(key, attributes);
  for (const [a, b, weight] of order === "forward" ? edges : [...edges].reverse()) graph.addEdge(a, b, { weight });
  return graph;
}

const smallNetwork = (order: "forward" | "reverse" = "forward") => graphToCompact(smallGraph(order));

/** WCAG relative luminance contrast against white. */
function contrastWithWhite(hex: string): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return 1.05 / (luminance + 0.05);
}

describe("the map data of a network", () => {
  it("is the same picture every time, whatever order the graph was built in", () => {
    const a = mapDataOf(smallNetwork());
    expect(mapDataOf(smallNetwork())).toEqual(a);
    expect(mapDataOf(smallNetwork("reverse"))).toEqual(a);
    for (const node of a.nodes) {
      expect(Number.isFinite(node.x)).toBe(true);
      expect(Number.isFinite(node.y)).toBe(true);
    }
    expect(new Set(a.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(a.nodes.length);
  });

  it("places tied nodes closer together than untied ones", () => {
    const data = mapDataOf(smallNetwork());
    const at = (key: string) => data.nodes.find((n) => n.key === key)!;
    const distance = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    expect(distance("o1", "o2")).toBeLessThan(distance("o2", "o7"));
  });

  it("sends every node and tie of a small network, and says nothing was left out", () => {
    const data = mapDataOf(smallNetwork());
    expect(data.nodes).toHaveLength(8);
    expect(data.edges).toHaveLength(7);
    expect(data.total).toEqual({ nodes: 8, edges: 7 });
    expect(data.leftOut).toEqual({ nodes: 0, edges: 0 });
  });

  it("keeps only the best-connected nodes and the ties among them, and counts what it left out", () => {
    const data = mapDataOf(smallNetwork(), { maxNodes: 3 });
    // degrees: GGD 5, Heerlen 2, Kerkrade 2, the others 1
    expect(data.nodes.map((n) => n.label)).toEqual(["GGD Zuid Limburg", "Gemeente Heerlen", "Gemeente Kerkrade"]);
    expect(data.edges.map((e) => [e.source, e.target, e.weight])).toEqual([
      ["o1", "o2", 3],
      ["o1", "o3", 1],
      ["o2", "o3", 4],
    ]);
    expect(data.leftOut).toEqual({ nodes: 5, edges: 4 });
  });

  it("keeps only the strongest ties when there are more than the edge cap", () => {
    const data = mapDataOf(smallNetwork(), { maxEdges: 2 });
    expect(data.edges.map((e) => [e.source, e.target, e.weight])).toEqual([
      ["o1", "o2", 3],
      ["o2", "o3", 4],
    ]);
    expect(data.nodes).toHaveLength(8);
    expect(data.leftOut).toEqual({ nodes: 0, edges: 5 });
  });

  it("sizes nodes by their degree in the whole network", () => {
    const data = mapDataOf(smallNetwork(), { maxNodes: 3 });
    const hub = data.nodes[0]!;
    expect(hub.degree).toBe(5);
    expect(hub.size).toBe(NODE_SIZE.max);
    expect(data.nodes[1]!.size).toBe(nodeSize(2, 5));
    expect(data.nodes[1]!.size).toBeLessThan(hub.size);
    expect(nodeSize(0, 5)).toBe(NODE_SIZE.min);
    expect(nodeSize(0, 0)).toBe(NODE_SIZE.min);
  });

  it("colours nodes by sector, with a legend of the sectors shown and how many nodes each has", () => {
    const data = mapDataOf(smallNetwork());
    const color = (key: string) => data.nodes.find((n) => n.key === key)!.color;
    expect(color("o2")).toBe(color("o3"));
    expect(color("o1")).not.toBe(color("o2"));
    expect(color("o8")).toBe(KIND_COLORS.none);
    expect(data.legend.map((l) => [l.key, l.sectorName, l.count])).toEqual([
      ["gemeente", "Gemeente", 5],
      ["ggd", "GGD", 1],
      ["none", null, 1],
      ["welzijn", "Welzijn", 1],
    ]);
    expect(data.legend[0]!.color).toBe(sectorColor("gemeente"));
  });

  it("uses colours that stand out against the white map and differ from each other", () => {
    for (const color of [...SECTOR_PALETTE, ...Object.values(KIND_COLORS)])
      expect(contrastWithWhite(color), color).toBeGreaterThanOrEqual(3);
    expect(new Set(SECTOR_PALETTE).size).toBe(SECTOR_PALETTE.length);
    expect(sectorColor("een-nieuwe-sector")).toBe(sectorColor("een-nieuwe-sector"));
    expect(SECTOR_PALETTE).toContain(sectorColor("een-nieuwe-sector"));
  });

  it("draws an empty network as nothing, and a single node without a layout run", () => {
    const empty: G = new Graph({ type: "undirected" });
    expect(mapDataOf(graphToCompact(empty))).toMatchObject({ nodes: [], edges: [], total: { nodes: 0, edges: 0 } });
    empty.addNode("o1", organisation("Alleen", "ggd", "GGD"));
    expect(mapDataOf(graphToCompact(empty)).nodes).toHaveLength(1);
  });
});
