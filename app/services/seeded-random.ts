/**
 * mulberry32 (Tommy Ettinger): 32 bits of state, the generator the demo's seeds use too. Where Kring
 * must be able to repeat a random choice — an interview sample, a map's starting layout — it draws
 * from this with a stored or fixed seed; Math.random cannot be seeded.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
