import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Graph from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { bridgingOrganisations } from "../../app/services/network/bridges";
import { graphToCompact } from "../../app/services/network/compact";
import { betweennessSourcesFor, measureCompactNetwork } from "../../app/services/network/compact-measures";
import { compareNetworks } from "../../app/services/network/comparison";
import { networkGraphml } from "../../app/services/network/files";
import { type NetworkMeasures, networkMeasures } from "../../app/services/network/measures";
import { sharedGroupTies } from "../../app/services/network/projection";
import type { CompactNetwork, NetworkGraph, NetworkNode } from "../../app/services/network/types";

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

/** The measures by graphology-metrics on the graph, checked against the compact path on the same network. */
function measured(graph: NetworkGraph): NetworkMeasures {
  const compact = graphToCompact(graph);
  const fromCompact = measureCompactNetwork(compact);
  const measures = networkMeasures(graph);
  expect(fromCompact).toEqual(measures);
  compact.nodes.forEach((attributes, i) => {
    const reference = graph.getNodeAttributes(compact.keys[i]!);
    expect(attributes.degree).toBe(reference.degree);
    expect(attributes.weightedDegree).toBe(reference.weightedDegree);
    expect(attributes.betweenness).toBeCloseTo(reference.betweenness!, 12);
  });
  return measures;
}

const measuredCompact = (graph: NetworkGraph): CompactNetwork => {
  const compact = graphToCompact(graph);
  measureCompactNetwork(compact);
  return compact;
};

describe("network measures", () => {
  it("a path a–b–c: b lies on the one path between a and c", () => {
    const graph = network({ a: {}, b: {}, c: {} }, [
      ["a", "b", 2],
      ["b", "c", 3],
    ]);
    const measures = measured(graph);
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
    const measures = measured(graph);
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
    expect(measured(graph).components).toBe(3);
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
    const measures = measured(graph);
    expect(measures.crossSector).toEqual({ ties: 3, crossing: 2, share: 2 / 3 });
    expect(measures.perSubregion).toEqual([{ subregion: "Noord", ties: 1, crossing: 0, share: 0 }]);
    expect(measures.density).toBe(1);
  });

  it("bridges: a region-wide hub tying two untied organisations of two subregions", () => {
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
    const bridges = bridgingOrganisations(measuredCompact(graph), 10);
    // b also lies between hub and c, but hub has no subregion: it lends b none to bridge to
    expect(bridges.map((bridge) => [bridge.key, bridge.otherSubregions])).toEqual([["hub", ["Noord", "Zuid"]]]);
    expect(bridges[0]!.connects.map((end) => [end.label, end.subregion])).toEqual([
      ["A", "Noord"],
      ["B", "Zuid"],
    ]);
  });

  it("bridges: no bridge when the two subregions are tied directly, nor towards its own subregion", () => {
    // the triangle hub–a–b: a and b have their own tie, so hub connects nothing new
    const triangle = network(
      { hub: { subregions: ["Oost"] }, a: { subregions: ["Noord"] }, b: { subregions: ["Zuid"] }, x: {} },
      [
        ["hub", "a"],
        ["hub", "b"],
        ["a", "b"],
        ["hub", "x"],
      ],
    );
    expect(bridgingOrganisations(measuredCompact(triangle), 10)).toEqual([]);
    // m in Noord between a (Noord) and b (Zuid): only one subregion other than its own
    const ownSide = network(
      { m: { subregions: ["Noord"] }, a: { subregions: ["Noord"] }, b: { subregions: ["Zuid"] } },
      [
        ["m", "a"],
        ["m", "b"],
      ],
    );
    expect(bridgingOrganisations(measuredCompact(ownSide), 10)).toEqual([]);
  });

  it("bridges: the highest betweenness first, no more than asked", () => {
    // a chain Noord – p – Zuid – q – Oost – r – West: p, q and r each connect two other subregions
    const graph = network(
      {
        n: { subregions: ["Noord"] },
        p: { subregions: ["Midden"] },
        z: { subregions: ["Zuid"] },
        q: { subregions: ["Midden"] },
        o: { subregions: ["Oost"] },
        r: { subregions: ["Midden"] },
        w: { subregions: ["West"] },
      },
      [
        ["n", "p"],
        ["p", "z"],
        ["z", "q"],
        ["q", "o"],
        ["o", "r"],
        ["r", "w"],
      ],
    );
    const compact = measuredCompact(graph);
    expect(bridgingOrganisations(compact, 10).map((bridge) => bridge.key)).toEqual(["q", "p", "r"]);
    expect(bridgingOrganisations(compact, 1).map((bridge) => bridge.key)).toEqual(["q"]);
  });

  it("betweenness is estimated from evenly spread sources only beyond the work limit", () => {
    const small = graphToCompact(network({ a: {}, b: {}, c: {} }, [["a", "b"]]));
    expect(betweennessSourcesFor(small)).toEqual([0, 1, 2]);
    const n = 20_000;
    const large: CompactNetwork = {
      keys: Array.from({ length: n }, (_, i) => `o${i}`),
      nodes: Array.from({ length: n }, () => ({
        label: "",
        kind: "organisation",
        sector: null,
        sectorName: null,
        subregions: [],
        level: null,
        href: "",
      })),
      source: new Int32Array(0),
      target: new Int32Array(0),
      weight: new Int32Array(0),
      ties: 0,
    };
    const sources = betweennessSourcesFor(large);
    expect(sources.length).toBeLessThan(n);
    expect(new Set(sources).size).toBe(sources.length);
    expect(measureCompactNetwork(large).betweennessSources).toEqual({ exact: false, sources: sources.length });
  });

  it("a change between two dates: one tie gained, one lost, measures then and now", () => {
    const then = measuredCompact(network({ a: {}, b: {}, c: {} }, [["a", "b"]]));
    const now = measuredCompact(network({ a: {}, b: {}, c: {}, d: {} }, [["c", "b", 2]]));
    const comparison = compareNetworks(
      { network: then, measures: measureCompactNetwork(then) },
      { network: now, measures: measureCompactNetwork(now) },
    );
    expect(comparison.gained.map((tie) => [tie.source.key, tie.target.key, tie.weight])).toEqual([["b", "c", 2]]);
    expect(comparison.lost.map((tie) => [tie.source.key, tie.target.key, tie.weight])).toEqual([["a", "b", 1]]);
    expect(comparison.nodes.find((n) => n.key === "c")).toMatchObject({
      then: { degree: 0 },
      now: { degree: 1, weightedDegree: 2 },
    });
    expect(comparison.nodes.find((n) => n.key === "d")).toMatchObject({ then: null, now: { degree: 0 } });
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
    const pairs = Array.from(ties.source, (source, t) => [
      ties.members[source],
      ties.members[ties.target[t]!],
      ties.weight[t],
    ]);
    expect(pairs).toEqual([
      ["a", "b", 2],
      ["a", "c", 1],
      ["b", "c", 1],
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
  const text = networkGraphml(measuredCompact(graph));

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
