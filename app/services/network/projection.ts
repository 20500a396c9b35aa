/**
 * The one-mode projection of an affiliation network: members tied by the groups they share (two
 * organisations by the bodies or meetings both were in; two bodies by the people in both), weighted
 * by the number of groups shared. Counted per member over its neighbours with a typed counter, so
 * the national network (over a million ties) takes a fraction of a second instead of a map of pairs.
 */

export interface Membership {
  group: string | number;
  member: string;
}

export interface WeightedTie {
  source: string;
  target: string;
  weight: number;
}

export function sharedGroupTies(memberships: Iterable<Membership>): WeightedTie[] {
  const memberIndex = new Map<string, number>();
  const members: string[] = [];
  const groupIndex = new Map<string | number, number>();
  const groupsOf: Set<number>[] = [];
  const membersOf: number[][] = [];
  for (const { group, member } of memberships) {
    let m = memberIndex.get(member);
    if (m === undefined) {
      m = members.length;
      memberIndex.set(member, m);
      members.push(member);
      groupsOf.push(new Set());
    }
    let g = groupIndex.get(group);
    if (g === undefined) {
      g = membersOf.length;
      groupIndex.set(group, g);
      membersOf.push([]);
    }
    if (!groupsOf[m]!.has(g)) {
      groupsOf[m]!.add(g);
      membersOf[g]!.push(m);
    }
  }
  const shared = new Int32Array(members.length);
  const touched: number[] = [];
  const ties: WeightedTie[] = [];
  for (let a = 0; a < members.length; a++) {
    for (const g of groupsOf[a]!) {
      for (const b of membersOf[g]!) {
        if (b <= a) continue;
        if (shared[b] === 0) touched.push(b);
        shared[b] = shared[b]! + 1;
      }
    }
    for (const b of touched) {
      ties.push({ source: members[a]!, target: members[b]!, weight: shared[b]! });
      shared[b] = 0;
    }
    touched.length = 0;
  }
  return ties;
}

/** Direct ties of a two-mode network (a person and a body), weighted by the distinct groups behind each. */
export function countedPairs(
  pairs: Iterable<{ source: string; target: string; group: string | number }>,
): WeightedTie[] {
  const groups = new Map<string, Set<string | number>>();
  for (const { source, target, group } of pairs) {
    const key = `${source}\u0000${target}`;
    let seen = groups.get(key);
    if (!seen) groups.set(key, (seen = new Set()));
    seen.add(group);
  }
  return [...groups].map(([key, seen]) => {
    const [source, target] = key.split("\u0000") as [string, string];
    return { source, target, weight: seen.size };
  });
}
