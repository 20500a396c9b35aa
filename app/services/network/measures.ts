import { countConnectedComponents } from "graphology-components";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import { density } from "graphology-metrics/graph/density";
import { weightedDegree } from "graphology-metrics/node/weighted-degree";
import { createUnweightedIndexedBrandes } from "graphology-shortest-path/indexed-brandes";
import type { NetworkGraph } from "./types";

/**
 * The network's measures (decision 033), computed by graphology and its metrics packages: per node
 * degree, weighted degree and betweenness (written into the node's attributes), per network the
 * density, the components and the share of ties that cross sectors, overall and per subregion.
 */

export interface CrossSectorShare {
  /** ties whose two ends both have a sector */
  ties: number;
  /** of those, ties between two different sectors */
  crossing: number;
  share: number;
}

export interface SubregionShare extends CrossSectorShare {
  subregion: string;
}

export interface NetworkMeasures {
  nodes: number;
  ties: number;
  /** ties present / ties possible; weights do not count */
  density: number;
  components: number;
  /** null when no tie has a sector at both ends (networks of bodies, or of people and bodies) */
  crossSector: CrossSectorShare | null;
  /** ties with both ends in the subregion, by subregion name */
  perSubregion: SubregionShare[];
  /** betweenness from every node, or estimated from this many evenly spread sources */
  betweennessSources: { exact: boolean; sources: number };
}

/**
 * Exact betweenness costs a breadth-first search from every node over every tie. Beyond this many
 * node-and-tie visits (the national network has millions of ties) it is estimated from a share of the
 * nodes as sources (Brandes & Pich 2007), evenly spread so the same network gives the same figures.
 */
export const EXACT_BETWEENNESS_WORK = 60_000_000;

function share(ties: number, crossing: number): CrossSectorShare | null {
  return ties === 0 ? null : { ties, crossing, share: crossing / ties };
}

export function networkMeasures(graph: NetworkGraph): NetworkMeasures {
  graph.updateEachNodeAttributes((node, attributes) => ({
    ...attributes,
    degree: graph.degree(node),
    weightedDegree: weightedDegree(graph, node, "weight"),
  }));
  const betweennessSources = assignBetweenness(graph);

  let ties = 0;
  let crossing = 0;
  const bySubregion = new Map<string, { ties: number; crossing: number }>();
  graph.forEachEdge((_edge, _attributes, _source, _target, source, target) => {
    if (source.sector === null || target.sector === null) return;
    const crosses = source.sector !== target.sector;
    ties += 1;
    if (crosses) crossing += 1;
    for (const subregion of source.subregions) {
      if (!target.subregions.includes(subregion)) continue;
      const counts = bySubregion.get(subregion) ?? { ties: 0, crossing: 0 };
      counts.ties += 1;
      if (crosses) counts.crossing += 1;
      bySubregion.set(subregion, counts);
    }
  });
  return {
    nodes: graph.order,
    ties: graph.size,
    density: graph.order < 2 ? 0 : density(graph),
    components: countConnectedComponents(graph),
    crossSector: share(ties, crossing),
    perSubregion: [...bySubregion]
      .map(([subregion, counts]) => ({ subregion, ...share(counts.ties, counts.crossing)! }))
      .sort((a, b) => a.subregion.localeCompare(b.subregion, "nl")),
    betweennessSources,
  };
}

/** Unweighted, normalised betweenness: a weight says how strong a tie is, not how long. */
function assignBetweenness(graph: NetworkGraph): NetworkMeasures["betweennessSources"] {
  const order = graph.order;
  if (order === 0) return { exact: true, sources: 0 };
  const work = order * (order + 2 * graph.size);
  if (work <= EXACT_BETWEENNESS_WORK) {
    betweennessCentrality.assign(graph, {
      nodeCentralityAttribute: "betweenness",
      getEdgeWeight: null,
      normalized: true,
    });
    return { exact: true, sources: order };
  }
  const sources = Math.max(1, Math.floor(EXACT_BETWEENNESS_WORK / (order + 2 * graph.size)));
  const brandes = createUnweightedIndexedBrandes(graph);
  const delta = new Float64Array(order);
  const centralities = new Float64Array(order);
  // the accumulation of graphology-metrics' betweenness, over the chosen sources only
  for (let k = 0; k < sources; k++) {
    const source = Math.floor((k * order) / sources);
    const [stack, predecessors, sigma] = brandes(source);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop()!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of predecessors[w]!) delta[v] = delta[v]! + sigma[v]! * coefficient;
      if (w !== source) centralities[w] = centralities[w]! + delta[w]!;
    }
  }
  // scaled up to all sources, then normalised as graphology-metrics does
  const scale = order <= 2 ? 0 : order / sources / ((order - 1) * (order - 2));
  for (let i = 0; i < order; i++) centralities[i] = centralities[i]! * scale;
  // the index numbers the nodes in the graph's own order
  graph.nodes().forEach((node, i) => graph.setNodeAttribute(node, "betweenness", centralities[i]));
  return { exact: false, sources };
}
