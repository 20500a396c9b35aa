import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Graph from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { bridgingOrganisations } from "../../app/services/network/bridges";
import { compareNetworks } from "../../app/services/network/comparison";
import { networkGraphml } from "../../app/services/network/files";
import { networkMeasures } from "../../app/services/network/measures";
import { sharedGroupTies } from "../../app/services/network/projection";
import type { NetworkGraph, NetworkNode } from "../../app/services/network/types";

/** Small networks whose measures are worked out by hand in the comments. */

function network(nodes: Record<string, Partial<NetworkNode>>, ties: [string, string, number?][]): NetworkGraph {
  const graph: NetworkGraph = new Graph({ type: "undirected" });
  for (const [key, attributes] of Object.entries(nodes)) {
    graph.addNode(key, {
      label: key.toUpperCase(),
      kind: "organisation",
      sector: null,
      sectorName: null,
      subregions: [],
      level: null,
      href: `/organisaties/${key}`,
      ...attributes,
    });
  }
  for (const [a, b, weight] of ties) graph.addUndirectedEdge(a, b, { weight: weight ?? 1 });
  return graph;
}

const node = (graph: NetworkGraph, key: string) => graph.getNodeAttributes(key);

describe("network measures", () => {
  it("a path a–b–c: b lies on the one path between a and c", () => {
    const graph = network({ a: {}, b: {}, c: {} }, [
      ["a", "b", 2],
      ["b", "c", 3],
    ]);
    const measures = networkMeasures(graph);
    expect(node(graph, "b")).toMatchObject({ degree: 2, weightedDegree: 5, betweenness: 1 });
    expect(node(graph, "a")).toMatchObject({ degree: 1, weightedDegree: 2, betweenness: 0 });
    // 2 ties of the 3 possible
    expect(measures.density).toBeCloseTo(2 / 3);
    expect(measures.components).toBe(1);
  });

  it("a star of four leaves: the centre on every leaf-to-leaf path", () => {
    const graph = network({ hub: {}, a: {}, b: {}, c: {}, d: {} }, [
      ["hub", "a"],
      ["hub", "b"],
      ["hub", "c"],
      ["hub", "d"],
    ]);
    const measures = networkMeasures(graph);
    expect(node(graph, "hub")).toMatchObject({ degree: 4, weightedDegree: 4, betweenness: 1 });
    expect(node(graph, "a").betweenness).toBe(0);
    // 4 of 10 possible ties
    expect(measures.density).toBeCloseTo(0.4);
  });

  it("two components, and a node without ties counts as one", () => {
    const graph = network({ a: {}, b: {}, c: {}, d: {}, e: {} }, [
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(networkMeasures(graph).components).toBe(3);
  });

  it("a cross-sector triangle: two of its three ties cross, one of them within the subregion", () => {
    const graph = network(
      {
        a: { sector: "zorg", sectorName: "Zorg", subregions: ["Noord"] },
        b: { sector: "zorg", sectorName: "Zorg", subregions: ["Noord"] },
        c: { sector: "gemeente", sectorName: "Gemeente", subregions: ["Zuid"] },
      },
      [
        ["a", "b"],
        ["b", "c"],
        ["a", "c"],
      ],
    );
    const measures = networkMeasures(graph);
    expect(measures.crossSector).toEqual({ ties: 3, crossing: 2, share: 2 / 3 });
    expect(measures.perSubregion).toEqual([{ subregion: "Noord", ties: 1, crossing: 0, share: 0 }]);
    expect(measures.density).toBe(1);
  });

  it("bridges: only an organisation reaching two other subregions, ranked by betweenness", () => {
    const graph = network(
      {
        hub: { subregions: [] },
        a: { subregions: ["Noord"] },
        b: { subregions: ["Zuid"] },
        c: { subregions: ["Zuid"] },
      },
      [
        ["hub", "a"],
        ["hub", "b"],
        ["b", "c"],
      ],
    );
    networkMeasures(graph);
    expect(bridgingOrganisations(graph).map((bridge) => [bridge.key, bridge.otherSubregions])).toEqual([
      ["hub", ["Noord", "Zuid"]],
    ]);
  });

  it("a change between two dates: one tie gained, one lost, measures then and now", () => {
    const then = network({ a: {}, b: {}, c: {} }, [["a", "b"]]);
    const now = network({ a: {}, b: {}, c: {} }, [["b", "c", 2]]);
    const comparison = compareNetworks(
      { graph: then, measures: networkMeasures(then) },
      { graph: now, measures: networkMeasures(now) },
    );
    expect(comparison.gained.map((tie) => [tie.source.key, tie.target.key, tie.weight])).toEqual([["b", "c", 2]]);
    expect(comparison.lost.map((tie) => [tie.source.key, tie.target.key, tie.weight])).toEqual([["a", "b", 1]]);
    expect(comparison.nodes.find((n) => n.key === "c")).toMatchObject({
      then: { degree: 0 },
      now: { degree: 1, weightedDegree: 2 },
    });
  });

  it("projects shared groups into weighted ties", () => {
    const ties = sharedGroupTies([
      { group: 1, member: "a" },
      { group: 1, member: "b" },
      { group: 2, member: "a" },
      { group: 2, member: "b" },
      { group: 2, member: "c" },
      { group: 2, member: "c" },
    ]);
    expect(ties).toEqual([
      { source: "a", target: "b", weight: 2 },
      { source: "a", target: "c", weight: 1 },
      { source: "b", target: "c", weight: 1 },
    ]);
  });
});

describe("GraphML", () => {
  const graph = network(
    {
      o1: {
        label: 'Zorg & <Welzijn> "Oost"',
        sector: "zorg",
        sectorName: "Zorg",
        subregions: ["Noord", "Zuid"],
        level: "strategisch",
      },
      o2: { sector: "gemeente", sectorName: "Gemeente" },
      o3: {},
    },
    [
      ["o1", "o2", 3],
      ["o2", "o3", 1],
    ],
  );
  networkMeasures(graph);
  const text = networkGraphml(graph);

  it("is read back by graphology-graphml with the same nodes, ties and attributes", () => {
    const read = parse(Graph, text);
    expect([read.order, read.size]).toEqual([3, 2]);
    expect(read.getNodeAttributes("o1")).toMatchObject({
      label: 'Zorg & <Welzijn> "Oost"',
      sector: "zorg",
      subregions: "Noord; Zuid",
      level: "strategisch",
      degree: 1,
      weightedDegree: 3,
    });
    expect(read.getNodeAttribute("o2", "betweenness")).toBe(1);
    expect(read.getEdgeAttribute(read.edge("o1", "o2")!, "weight")).toBe(3);
  });

  const networkx = (() => {
    try {
      execFileSync("python3", ["-c", "import networkx"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!networkx)("is read by networkx with the same counts and attributes", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "kring-graphml-")), "net.graphml");
    writeFileSync(file, text);
    const script = `import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "o1": g.nodes["o1"], "w": g.edges["o1", "o2"]["weight"]}))`;
    const read = JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" }));
    expect(read).toMatchObject({
      nodes: 3,
      edges: 2,
      w: 3,
      o1: { label: 'Zorg & <Welzijn> "Oost"', subregions: "Noord; Zuid", degree: 1, weightedDegree: 3 },
    });
  });
});
