import Graph from "graphology";
import type { CompactNetwork, NetworkEdge, NetworkGraph, NetworkNode } from "./types";

/** Between the compact network (typed arrays) and graphology's graph, which the map and small networks use. */

export function compactToGraph(network: CompactNetwork): NetworkGraph {
  const graph: NetworkGraph = new Graph<NetworkNode, NetworkEdge>({ type: "undirected", allowSelfLoops: false });
  network.keys.forEach((key, i) => graph.addNode(key, network.nodes[i]));
  for (let t = 0; t < network.ties; t++) {
    graph.addUndirectedEdge(network.keys[network.source[t]!]!, network.keys[network.target[t]!]!, {
      weight: network.weight[t]!,
    });
  }
  return graph;
}

export function graphToCompact(graph: NetworkGraph): CompactNetwork {
  const keys = graph.nodes();
  const index = new Map(keys.map((key, i) => [key, i]));
  const source = new Int32Array(graph.size);
  const target = new Int32Array(graph.size);
  const weight = new Int32Array(graph.size);
  let t = 0;
  graph.forEachEdge((_edge, attributes, a, b) => {
    source[t] = index.get(a)!;
    target[t] = index.get(b)!;
    weight[t] = attributes.weight;
    t += 1;
  });
  return { keys, nodes: keys.map((key) => graph.getNodeAttributes(key)), source, target, weight, ties: t };
}
