/** 32-bit structural hashing (FNV-1a style mixing). Collisions are resolved by `equal`. */

export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function mix(h: number, x: number): number {
  let k = Math.imul(x | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let r = (h ^ k) | 0;
  r = (r << 13) | (r >>> 19);
  return (Math.imul(r, 5) + 0xe6546b64) >>> 0;
}

export function hashSeq(tag: number, hashes: readonly number[]): number {
  let h = tag;
  for (const x of hashes) h = mix(h, x);
  return mix(h, hashes.length);
}

/** Final avalanche so that nearby inputs spread out, used for order-independent keys. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
