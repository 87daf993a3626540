/**
 * The one seeded random generator. Every random choice in gradsheet (exercise numbers, test
 * points, network initialisation) draws from an Rng passed in explicitly, so a result is a pure
 * function of its inputs and the seed.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state, passes PractRand
 * to 2^40+ bytes, and is cheap in 32-bit JavaScript arithmetic.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** +1 or −1 with equal probability. */
  sign(): 1 | -1;
  /** A child generator with its own stream, derived deterministically from this one and a label. */
  fork(label: string): Rng;
  /** The seed this generator was made from (for printing on sheets). */
  readonly seed: number;
}

/**
 * The sfc32 stream from a 128-bit state, warmed up by 12 draws: each call gives the next unsigned
 * 32-bit word. Shared by createRng and the interactive sheet's keyed cipher (src/interactive/digest.ts).
 */
export function sfc32(state: readonly [number, number, number, number]): () => number {
  let [a, b, c, d] = state;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

export function createRng(seed: number): Rng {
  const s = seed >>> 0;
  // Expand the 32-bit seed into 128 bits of state with splitmix32, then warm up.
  let x = s;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const u32 = sfc32([splitmix(), splitmix(), splitmix(), splitmix()]);

  const rng: Rng = {
    seed: s,
    next: () => u32() / 4294967296,
    uniform: (lo, hi) => lo + (hi - lo) * rng.next(),
    int: (lo, hi) => lo + Math.floor(rng.next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(rng.next() * items.length)];
    },
    sign: () => (rng.next() < 0.5 ? -1 : 1),
    fork: (label: string) => {
      let h = u32();
      for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
      return createRng(h >>> 0);
    },
  };
  return rng;
}

/**
 * A seed derived from a seed and a label, as a pure function: a sheet's exercises draw from
 * createRng(deriveSeed(sheetSeed, exerciseId)), so adding an exercise never changes the others.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
