/**
 * Text for long lists (a roster of hundreds of rows), made once per page instead of once per
 * row: a translation with a value is looked up and interpolated on every call.
 */

const SLOT = "\u0001";

/**
 * A translation with one value, as a function of that value: translated once with a marker in
 * the value's place, then filled in by joining strings.
 */
export function labelWith(translated: (slot: string) => string): (value: string) => string {
  const [before = "", ...rest] = translated(SLOT).split(SLOT);
  const after = rest.join(SLOT);
  return rest.length === 0 ? () => before : (value) => before + value + after;
}
