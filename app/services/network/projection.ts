/**
 * The one-mode projection of an affiliation network: members tied by the groups they share (two
 * organisations by the bodies or meetings both were in; two bodies by the people in both), weighted
 * by the number of groups shared. Counted per member over its neighbours with a typed counter and
 * kept in typed arrays: the national network has 750 000 ties, which as objects alone cost 100 MB.
 */

export interface Membership {
  group: string | number;
  member: string;
}

/** Ties between members by their index in `members`, source < target, one entry per pair. */
export interface TieList {
  members: string[];
  source: Int32Array;
  target: Int32Array;
  weight: Int32Array;
  count: number;
}

class GrowingTies {
  source = new Int32Array(1024);
  target = new Int32Array(1024);
  weight = new Int32Array(1024);
  count = 0;

  push(source: number, target: number, weight: number) {
    if (this.count === this.source.length) {
      const grow = (from: Int32Array) => {
        const to = new Int32Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.source = grow(this.source);
      this.target = grow(this.target);
      this.weight = grow(this.weight);
    }
    this.source[this.count] = source;
    this.target[this.count] = target;
    this.weight[this.count] = weight;
    this.count += 1;
  }

  list(members: string[]): TieList {
    const n = this.count;
    return {
      members,
      source: this.source.slice(0, n),
      target: this.target.slice(0, n),
      weight: this.weight.slice(0, n),
      count: n,
    };
  }
}

function indexer<T>() {
  const index = new Map<T, number>();
  const values: T[] = [];
  return {
    values,
    of(value: T) {
      let i = index.get(value);
      if (i === undefined) {
        i = values.length;
        index.set(value, i);
        values.push(value);
      }
      return i;
    },
  };
}

export function sharedGroupTies(memberships: Iterable<Membership>): TieList {
  const members = indexer<string>();
  const groups = indexer<string | number>();
  const groupsOf: Set<number>[] = [];
  const membersOf: number[][] = [];
  for (const { group, member } of memberships) {
    const m = members.of(member);
    const g = groups.of(group);
    if (m === groupsOf.length) groupsOf.push(new Set());
    if (g === membersOf.length) membersOf.push([]);
    if (!groupsOf[m]!.has(g)) {
      groupsOf[m]!.add(g);
      membersOf[g]!.push(m);
    }
  }
  const shared = new Int32Array(members.values.length);
  const touched: number[] = [];
  const ties = new GrowingTies();
  for (let a = 0; a < members.values.length; a++) {
    for (const g of groupsOf[a]!) {
      for (const b of membersOf[g]!) {
        if (b <= a) continue;
        if (shared[b] === 0) touched.push(b);
        shared[b] = shared[b]! + 1;
      }
    }
    for (const b of touched) {
      ties.push(a, b, shared[b]!);
      shared[b] = 0;
    }
    touched.length = 0;
  }
  return ties.list(members.values);
}

/** Direct ties of a two-mode network (a person and a body), weighted by the distinct groups behind each. */
export function countedPairs(pairs: Iterable<{ source: string; target: string; group: string | number }>): TieList {
  const members = indexer<string>();
  const groups = new Map<string, Set<string | number>>();
  for (const { source, target, group } of pairs) {
    const key = `${members.of(source)},${members.of(target)}`;
    let seen = groups.get(key);
    if (!seen) groups.set(key, (seen = new Set()));
    seen.add(group);
  }
  const ties = new GrowingTies();
  for (const [key, seen] of groups) {
    const [source, target] = key.split(",").map(Number) as [number, number];
    ties.push(source, target, seen.size);
  }
  return ties.list(members.values);
}
