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

/**
 * As labelWith, for a translation with several values:
 * `labelWithValues(["person", "role"], (slots) => t("register.bodies.joined", slots))`.
 */
export function labelWithValues<K extends string>(
  names: readonly K[],
  translated: (slots: Record<K, string>) => string,
): (values: Record<K, string>) => string {
  const markers = Object.fromEntries(names.map((name, index) => [name, `${SLOT}${index}${SLOT}`])) as Record<K, string>;
  // text, slot number, text, slot number, …, text
  const parts = translated(markers).split(SLOT);
  return (values) => parts.map((part, index) => (index % 2 === 0 ? part : values[names[Number(part)]!])).join("");
}
