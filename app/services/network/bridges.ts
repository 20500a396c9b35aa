import type { NetworkGraph } from "./types";

/**
 * The organisations that bridge (decision 033): tied to organisations of at least two subregions
 * other than their own, ranked by betweenness. The sectors they reach beyond their own are shown
 * beside them; in a network where most ties cross sectors they would make almost everyone a bridge.
 */

export const BRIDGE_MIN_OTHER_SUBREGIONS = 2;

export interface Bridge {
  key: string;
  label: string;
  href: string;
  betweenness: number;
  degree: number;
  otherSubregions: string[];
  otherSectors: string[];
}

export function bridgingOrganisations(graph: NetworkGraph): Bridge[] {
  const bridges: Bridge[] = [];
  graph.forEachNode((node, attributes) => {
    if (attributes.kind !== "organisation") return;
    const subregions = new Set<string>();
    const sectors = new Set<string>();
    graph.forEachNeighbor(node, (_neighbour, neighbour) => {
      for (const subregion of neighbour.subregions) {
        if (!attributes.subregions.includes(subregion)) subregions.add(subregion);
      }
      if (neighbour.sectorName !== null && neighbour.sector !== attributes.sector) sectors.add(neighbour.sectorName);
    });
    if (subregions.size < BRIDGE_MIN_OTHER_SUBREGIONS) return;
    bridges.push({
      key: node,
      label: attributes.label,
      href: attributes.href,
      betweenness: attributes.betweenness ?? 0,
      degree: attributes.degree ?? graph.degree(node),
      otherSubregions: [...subregions].sort((a, b) => a.localeCompare(b, "nl")),
      otherSectors: [...sectors].sort((a, b) => a.localeCompare(b, "nl")),
    });
  });
  return bridges.sort((a, b) => b.betweenness - a.betweenness || a.label.localeCompare(b.label, "nl"));
}
