import type { NetworkMeasures } from "./measures";
import type { CompactNetwork, NodeMeasures } from "./types";

/**
 * Two measured networks side by side (decision 033): the ties gained and lost between the earlier
 * and the later day, and each node's measures then and now. Ties are the same when they join the
 * same two nodes; a changed weight is not a gained or lost tie.
 */

export interface TieChange {
  source: { key: string; label: string; href: string };
  target: { key: string; label: string; href: string };
  weight: number;
}

export interface NodeChange {
  key: string;
  label: string;
  href: string;
  then: NodeMeasures | null;
  now: NodeMeasures | null;
}

export interface NetworkComparison {
  then: NetworkMeasures;
  now: NetworkMeasures;
  gained: TieChange[];
  lost: TieChange[];
  nodes: NodeChange[];
}

const endOf = (network: CompactNetwork, i: number) => ({
  key: network.keys[i]!,
  label: network.nodes[i]!.label,
  href: network.nodes[i]!.href,
});

/** Each tie as one number of its two ends' positions in `keys`: Maps of numbers, no pair strings. */
function tieSet(network: CompactNetwork, position: ReadonlyMap<string, number>): Set<number> {
  const size = position.size;
  const ties = new Set<number>();
  for (let t = 0; t < network.ties; t++) {
    const a = position.get(network.keys[network.source[t]!]!)!;
    const b = position.get(network.keys[network.target[t]!]!)!;
    ties.add(Math.min(a, b) * size + Math.max(a, b));
  }
  return ties;
}

/** The ties of `from` that `other` lacks, strongest first. */
function tiesMissingFrom(from: CompactNetwork, other: Set<number>, position: ReadonlyMap<string, number>): TieChange[] {
  const size = position.size;
  const missing: TieChange[] = [];
  for (let t = 0; t < from.ties; t++) {
    const a = position.get(from.keys[from.source[t]!]!)!;
    const b = position.get(from.keys[from.target[t]!]!)!;
    if (other.has(Math.min(a, b) * size + Math.max(a, b))) continue;
    const [x, y] = [endOf(from, from.source[t]!), endOf(from, from.target[t]!)].sort((p, q) =>
      p.label.localeCompare(q.label, "nl"),
    );
    missing.push({ source: x!, target: y!, weight: from.weight[t]! });
  }
  return missing.sort(
    (x, y) =>
      y.weight - x.weight ||
      x.source.label.localeCompare(y.source.label, "nl") ||
      x.target.label.localeCompare(y.target.label, "nl"),
  );
}

const measuresOf = (network: CompactNetwork, i: number | undefined): NodeMeasures | null => {
  if (i === undefined) return null;
  const { degree = 0, weightedDegree = 0, betweenness = 0 } = network.nodes[i]!;
  return { degree, weightedDegree, betweenness };
};

const indexOf = (network: CompactNetwork) => new Map(network.keys.map((key, i) => [key, i]));

export function compareNetworks(
  then: { network: CompactNetwork; measures: NetworkMeasures },
  now: { network: CompactNetwork; measures: NetworkMeasures },
): NetworkComparison {
  const thenIndex = indexOf(then.network);
  const nowIndex = indexOf(now.network);
  const keys = [...new Set([...then.network.keys, ...now.network.keys])];
  const position = new Map(keys.map((key, i) => [key, i]));
  const nodes = keys.map((key) => {
    const i = nowIndex.get(key);
    const { label, href } = i !== undefined ? endOf(now.network, i) : endOf(then.network, thenIndex.get(key)!);
    return {
      key,
      label,
      href,
      then: measuresOf(then.network, thenIndex.get(key)),
      now: measuresOf(now.network, i),
    };
  });
  return {
    then: then.measures,
    now: now.measures,
    gained: tiesMissingFrom(now.network, tieSet(then.network, position), position),
    lost: tiesMissingFrom(then.network, tieSet(now.network, position), position),
    nodes: nodes.sort((a, b) => a.label.localeCompare(b.label, "nl")),
  };
}
