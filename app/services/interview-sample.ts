import { messageKey } from "./form-data";
import { mulberry32 } from "./seeded-random";
import { compareStrata, type StratifiedMember, type Stratum, stratumKey, stratumOf } from "./panel-draw";
import type { Message } from "../i18n/keys";

/**
 * The interview sample as a pure function of a frozen panel's members, a size and a seed (decision
 * 035): strata as the panel's counts make them (level × sector × subregion), sizes allocated in
 * proportion to each stratum with largest-remainder rounding, and within each stratum a partial
 * Fisher–Yates shuffle driven by mulberry32. The same members, size and seed always give the same people.
 */

/** The generator's name as the method paragraph states it. */
export const SAMPLE_PRNG = "mulberry32";

/** Seeds are stored as a 32-bit signed integer on both engines: 1 … 2^31 − 1. */
export const MAX_SEED = 2_147_483_647;

/**
 * Hamilton's method: every stratum gets the whole part of its exact share, and the seats left go to
 * the largest remainders (ties: the larger stratum, then the earlier one), so the sizes add up to `size`.
 */
export function allocateProportionally(populations: readonly number[], size: number): number[] {
  const total = populations.reduce((sum, n) => sum + n, 0);
  if (size > total) throw new RangeError(`A sample of ${size} from ${total} people`);
  if (total === 0) return populations.map(() => 0);
  const exact = populations.map((n) => (n * size) / total);
  const allocated = exact.map(Math.floor);
  const left = size - allocated.reduce((sum, n) => sum + n, 0);
  const byRemainder = populations
    .map((n, index) => ({ index, n, remainder: exact[index]! - allocated[index]! }))
    .sort((a, b) => b.remainder - a.remainder || b.n - a.n || a.index - b.index);
  for (const { index } of byRemainder.slice(0, left)) allocated[index]! += 1;
  return allocated;
}

export interface SampleStratum extends Stratum {
  /** eligible panel members in the stratum */
  population: number;
  /** people drawn from it */
  allocated: number;
}

export interface DrawnSample {
  size: number;
  seed: number;
  population: number;
  strata: SampleStratum[];
  /** person ids drawn, ascending, each with the index of its stratum in `strata` */
  members: { personId: number; stratum: number }[];
}

/** Why a sample of `size` cannot be drawn from `population` eligible people, or null when it can. */
export function sampleSizeProblem(size: number, population: number): Message | null {
  if (population === 0) return "samples.errors.emptyPanel";
  if (size > population) return messageKey("samples.errors.tooLarge", { size, population });
  return null;
}

export function drawInterviewSample(members: readonly StratifiedMember[], size: number, seed: number): DrawnSample {
  const groups = new Map<string, { stratum: Stratum; ids: number[] }>();
  for (const member of members) {
    const stratum = stratumOf(member.attributes);
    const key = stratumKey(stratum);
    const group = groups.get(key) ?? { stratum, ids: [] };
    group.ids.push(member.personId);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort((a, b) => compareStrata(a.stratum, b.stratum));
  const allocation = allocateProportionally(
    ordered.map((group) => group.ids.length),
    size,
  );
  const random = mulberry32(seed);
  const drawn: DrawnSample["members"] = [];
  ordered.forEach((group, index) => {
    // the order the database returns is not part of the method: person id order is
    const ids = [...group.ids].sort((a, b) => a - b);
    const take = allocation[index]!;
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (ids.length - i));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      drawn.push({ personId: ids[i]!, stratum: index });
    }
  });
  return {
    size,
    seed,
    population: members.length,
    strata: ordered.map((group, index) => ({
      ...group.stratum,
      population: group.ids.length,
      allocated: allocation[index]!,
    })),
    members: drawn.sort((a, b) => a.personId - b.personId),
  };
}

/** Where a drawn member stands now: erased at their request, excluded from the panel since, or still in it. */
export function memberStatus(member: { erased_at: string | null; excluded_at: string | null }) {
  if (member.erased_at !== null) return "erased" as const;
  return member.excluded_at !== null ? ("excluded" as const) : ("current" as const);
}
