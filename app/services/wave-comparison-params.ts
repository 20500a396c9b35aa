import { positiveIntFrom } from "./list-params";

/**
 * The two waves a comparison shows: `a` and `b` from the URL, or else the two latest frozen waves
 * by reference date (older as A). Null when there is nothing to compare with.
 */
export function comparedWaveIds(
  params: URLSearchParams,
  waves: readonly { id: number }[],
): { a: number; b: number } | null {
  const a = positiveIntFrom(params, "a");
  const b = positiveIntFrom(params, "b");
  if (a !== undefined && b !== undefined) return { a, b };
  // waves come newest first
  const [latest, before] = waves;
  if (!latest || !before) return null;
  return { a: a ?? before.id, b: b ?? latest.id };
}
