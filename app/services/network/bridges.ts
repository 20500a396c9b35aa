import { adjacencyOf } from "./compact-measures";
import type { CompactNetwork } from "./types";

/**
 * The organisations that bridge (decision 033): an organisation bridges subregions when it is tied
 * to two organisations of different subregions, both other than its own, that have no tie of their
 * own — without it they would not be directly connected (a liaison broker). The other sectors it
 * reaches are shown beside, not used: in a network where four in five ties cross sectors nearly
 * every organisation would broker sectors (33 of the demo's 41 on 1-10-2025). An
 * organisation without a subregion works region-wide: it has no subregion of its own and gives
 * none to the organisations it is tied to. Ranked by betweenness; only organisations that lie on
 * shortest paths at all (betweenness above 0) are looked at, the most central first.
 */

export interface Bridge {
  key: string;
  label: string;
  href: string;
  betweenness: number;
  degree: number;
  /** the first untied pair it connects, by the tie order: the reason in words */
  connects: [BridgedEnd, BridgedEnd];
  /** every subregion other than its own that its ties reach */
  otherSubregions: string[];
  /** every sector other than its own that its ties reach */
  otherSectors: string[];
}

export interface BridgedEnd {
  label: string;
  href: string;
  subregion: string;
}

const byName = (a: string, b: string) => a.localeCompare(b, "nl");

/** The `limit` bridges with the highest betweenness (the measures must be in the nodes). */
export function bridgingOrganisations(network: CompactNetwork, limit: number): Bridge[] {
  const { offsets, neighbours } = adjacencyOf(network);
  const n = network.nodes.length;
  const seenFrom = new Int32Array(n).fill(-1);
  const candidates = network.nodes
    .map((node, i) => ({ node, i }))
    .filter(({ node }) => node.kind === "organisation" && (node.betweenness ?? 0) > 0)
    .sort((a, b) => b.node.betweenness! - a.node.betweenness! || byName(a.node.label, b.node.label));
  const bridges: Bridge[] = [];
  for (const { node, i } of candidates) {
    if (bridges.length === limit) break;
    const own = new Set(node.subregions);
    const around = Array.from(neighbours.subarray(offsets[i], offsets[i + 1])).filter(
      (x) => network.nodes[x]!.kind === "organisation" && network.nodes[x]!.subregions.some((s) => !own.has(s)),
    );
    const others = around.map((x) => network.nodes[x]!.subregions.filter((s) => !own.has(s)));
    const connects = untiedPair(around, others, offsets, neighbours, seenFrom);
    if (!connects) continue;
    const end = ([x, subregion]: [number, string]): BridgedEnd => ({
      label: network.nodes[x]!.label,
      href: network.nodes[x]!.href,
      subregion,
    });
    const subregions = new Set(others.flat());
    const sectors = new Set<string>();
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const other = network.nodes[neighbours[e]!]!;
      if (other.sectorName !== null && other.sector !== node.sector) sectors.add(other.sectorName);
    }
    bridges.push({
      key: network.keys[i]!,
      label: node.label,
      href: node.href,
      betweenness: node.betweenness!,
      degree: node.degree ?? offsets[i + 1]! - offsets[i]!,
      connects: [end(connects[0]), end(connects[1])],
      otherSubregions: [...subregions].sort(byName),
      otherSectors: [...sectors].sort(byName),
    });
  }
  return bridges;
}

/** Two neighbours of different other subregions without a tie of their own; stops at the first found. */
function untiedPair(
  around: number[],
  others: string[][],
  offsets: Int32Array,
  neighbours: Int32Array,
  seenFrom: Int32Array,
): [[number, string], [number, string]] | null {
  for (let a = 0; a < around.length; a++) {
    const x = around[a]!;
    for (let e = offsets[x]!; e < offsets[x + 1]!; e++) seenFrom[neighbours[e]!] = x;
    for (let b = a + 1; b < around.length; b++) {
      const y = around[b]!;
      if (seenFrom[y] === x) continue;
      for (const p of others[a]!) {
        const q = others[b]!.find((s) => s !== p);
        if (q !== undefined)
          return [
            [x, p],
            [y, q],
          ];
      }
    }
  }
  return null;
}
