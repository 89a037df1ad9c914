// A seeded source of numbers in [0, 1): the same sequence for the same seed on every machine, so
// that the demo tells the same story each time and generated test journals can be replayed.

/** mulberry32: small, fast and good enough for made-up data (not for anything secret). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
