import { performance } from "node:perf_hooks";

/** Timing helpers of the benchmark: nearest-rank percentiles and alternating measurement. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Summary {
  runs: number;
  medianMs: number;
  p95Ms: number;
}

export function summarise(samples: readonly number[]): Summary {
  return { runs: samples.length, medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95) };
}

export type Contender = () => unknown;

/** Until the event loop has run what is already queued (a finished request's socket work, timers). */
const settle = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Runs each contender `runs` times after `warmUp` unmeasured runs, alternating them and rotating
 * who goes first in each round, so a busy moment of the machine hurts all of them alike. Each starts
 * on a settled event loop: an HTTP request leaves socket work queued behind it, and an asynchronous
 * contender (the models) would otherwise be charged for it while a synchronous one (raw) never is.
 */
export async function alternate(
  contenders: Record<string, Contender>,
  runs: number,
  warmUp = 3,
): Promise<Record<string, number[]>> {
  const names = Object.keys(contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmUp + runs; round += 1) {
    for (let turn = 0; turn < names.length; turn += 1) {
      const name = names[(round + turn) % names.length]!;
      await settle();
      const started = performance.now();
      await contenders[name]!();
      const took = performance.now() - started;
      if (round >= warmUp) samples[name]!.push(took);
    }
  }
  return samples;
}
