import type { NetworkMeasures } from "./measures";
import type { NetworkGraph, NodeMeasures } from "./types";

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

const endOf = (graph: NetworkGraph, key: string) => {
  const attributes = graph.getNodeAttributes(key);
  return { key, label: attributes.label, href: attributes.href };
};

/** The ties of `from` that `other` lacks, strongest first. */
function tiesMissingFrom(from: NetworkGraph, other: NetworkGraph): TieChange[] {
  const missing: TieChange[] = [];
  from.forEachEdge((_edge, attributes, source, target) => {
    if (other.hasNode(source) && other.hasNode(target) && other.hasEdge(source, target)) return;
    const [a, b] = [endOf(from, source), endOf(from, target)].sort((x, y) => x.label.localeCompare(y.label, "nl"));
    missing.push({ source: a!, target: b!, weight: attributes.weight });
  });
  return missing.sort(
    (x, y) =>
      y.weight - x.weight ||
      x.source.label.localeCompare(y.source.label, "nl") ||
      x.target.label.localeCompare(y.target.label, "nl"),
  );
}

const measuresOf = (graph: NetworkGraph, key: string): NodeMeasures | null => {
  if (!graph.hasNode(key)) return null;
  const { degree = 0, weightedDegree = 0, betweenness = 0 } = graph.getNodeAttributes(key);
  return { degree, weightedDegree, betweenness };
};

export function compareNetworks(
  then: { graph: NetworkGraph; measures: NetworkMeasures },
  now: { graph: NetworkGraph; measures: NetworkMeasures },
): NetworkComparison {
  const keys = new Set([...then.graph.nodes(), ...now.graph.nodes()]);
  const nodes = [...keys].map((key) => {
    const { label, href } = now.graph.hasNode(key) ? endOf(now.graph, key) : endOf(then.graph, key);
    return { key, label, href, then: measuresOf(then.graph, key), now: measuresOf(now.graph, key) };
  });
  return {
    then: then.measures,
    now: now.measures,
    gained: tiesMissingFrom(now.graph, then.graph),
    lost: tiesMissingFrom(then.graph, now.graph),
    nodes: nodes.sort((a, b) => a.label.localeCompare(b.label, "nl")),
  };
}
