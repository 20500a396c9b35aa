import type { CrossSectorShare, NetworkMeasures } from "./measures";
import type { CompactNetwork } from "./types";

/**
 * The measures of decision 033 on the compact network, for networks of any size: the same figures
 * as graphology-metrics gives on the graph (tests/unit/network-measures.test.ts checks both on the
 * same networks), in typed arrays, so the national network is measured in about a second within the
 * server's memory. Writes degree, weighted degree and betweenness into the nodes.
 */

/**
 * Breadth-first searches visit every tie twice per pass and Brandes makes two passes per source:
 * up to this many visits betweenness is exact (from every node). Beyond, it is estimated from evenly
 * spread sources (Brandes & Pich 2007) as many as fit; the national network gets about 30.
 */
export const BETWEENNESS_VISITS = 100_000_000;

export interface Adjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
}

export function adjacencyOf(network: CompactNetwork): Adjacency {
  const n = network.nodes.length;
  const degree = new Int32Array(n);
  for (let t = 0; t < network.ties; t++) {
    degree[network.source[t]!] = degree[network.source[t]!]! + 1;
    degree[network.target[t]!] = degree[network.target[t]!]! + 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(2 * network.ties);
  for (let t = 0; t < network.ties; t++) {
    const a = network.source[t]!;
    const b = network.target[t]!;
    neighbours[fill[a]!++] = b;
    neighbours[fill[b]!++] = a;
  }
  return { offsets, neighbours };
}

function countComponents(network: CompactNetwork): number {
  const n = network.nodes.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number) => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  let components = n;
  for (let t = 0; t < network.ties; t++) {
    const a = root(network.source[t]!);
    const b = root(network.target[t]!);
    if (a !== b) {
      parent[a] = b;
      components -= 1;
    }
  }
  return components;
}

/** Unweighted Brandes accumulation from the given sources, normalised as graphology-metrics does. */
function betweennessFrom(adjacency: Adjacency, n: number, sources: ArrayLike<number>): Float64Array {
  const { offsets, neighbours } = adjacency;
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n);
  const order = new Int32Array(n);
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k]!;
    sigma.fill(0);
    delta.fill(0);
    distance.fill(-1);
    sigma[s] = 1;
    distance[s] = 0;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      const next = distance[v]! + 1;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = neighbours[e]!;
        if (distance[w] === -1) {
          distance[w] = next;
          order[tail++] = w;
        }
        if (distance[w] === next) sigma[w] = sigma[w]! + sigma[v]!;
      }
    }
    // the farthest first: each node hands its dependency to the predecessors one step nearer
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      const share = (1 + delta[w]!) / sigma[w]!;
      const nearer = distance[w]! - 1;
      for (let e = offsets[w]!; e < offsets[w + 1]!; e++) {
        const v = neighbours[e]!;
        if (distance[v] === nearer) delta[v] = delta[v]! + sigma[v]! * share;
      }
      centrality[w] = centrality[w]! + delta[w]!;
    }
  }
  const scale = n <= 2 ? 0 : n / sources.length / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) centrality[i] = centrality[i]! * scale;
  return centrality;
}

/** Exact from every node, or from evenly spread sources in key order so the same network gives the same figures. */
export function betweennessSourcesFor(network: CompactNetwork): number[] {
  const n = network.nodes.length;
  const visitsPerSource = 4 * network.ties + 2 * n;
  if (n * visitsPerSource <= BETWEENNESS_VISITS) return Array.from({ length: n }, (_, i) => i);
  const count = Math.max(1, Math.floor(BETWEENNESS_VISITS / visitsPerSource));
  const byKey = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    network.keys[a]! < network.keys[b]! ? -1 : network.keys[a]! > network.keys[b]! ? 1 : 0,
  );
  return Array.from({ length: count }, (_, k) => byKey[Math.floor((k * n) / count)]!);
}

const share = (ties: number, crossing: number): CrossSectorShare | null =>
  ties === 0 ? null : { ties, crossing, share: crossing / ties };

export function measureCompactNetwork(network: CompactNetwork): NetworkMeasures {
  const n = network.nodes.length;
  const degree = new Int32Array(n);
  const weighted = new Float64Array(n);
  let ties = 0;
  let crossing = 0;
  const bySubregion = new Map<string, { ties: number; crossing: number }>();
  for (let t = 0; t < network.ties; t++) {
    const a = network.source[t]!;
    const b = network.target[t]!;
    degree[a] = degree[a]! + 1;
    degree[b] = degree[b]! + 1;
    weighted[a] = weighted[a]! + network.weight[t]!;
    weighted[b] = weighted[b]! + network.weight[t]!;
    const source = network.nodes[a]!;
    const target = network.nodes[b]!;
    if (source.sector === null || target.sector === null) continue;
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
  }
  const sources = betweennessSourcesFor(network);
  const betweenness = n === 0 ? new Float64Array(0) : betweennessFrom(adjacencyOf(network), n, sources);
  network.nodes.forEach((node, i) => {
    node.degree = degree[i]!;
    node.weightedDegree = weighted[i]!;
    node.betweenness = betweenness[i]!;
  });
  return {
    nodes: n,
    ties: network.ties,
    density: n < 2 ? 0 : (2 * network.ties) / (n * (n - 1)),
    components: countComponents(network),
    crossSector: share(ties, crossing),
    perSubregion: [...bySubregion]
      .map(([subregion, counts]) => ({ subregion, ...share(counts.ties, counts.crossing)! }))
      .sort((a, b) => a.subregion.localeCompare(b.subregion, "nl")),
    betweennessSources: { exact: sources.length === n, sources: sources.length },
  };
}
