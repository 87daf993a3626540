/**
 * Matching values the page does not hold. A list of values (an answer's entries at the test
 * points) becomes tokens, one per value: its sign and the bucket of log₂|v| on a fine grid. The
 * page keeps a hash of the tokens, never the values, and anything keyed to them (a mistake's
 * feedback) is sealed with a key derived from the same tokens: readable only to someone who
 * typed an answer with those values.
 *
 * Float noise must not move a value across a bucket edge. At build time each value gets an offset
 * of 0, ¼, ½ or ¾ bucket that puts it in the middle half of its bucket, so a value that differs by
 * up to ⅜ of a bucket still gets the same token. Buckets per unit of log₂:
 *   FINE   2²⁹: a bucket is ln2/2²⁹ ≈ 1.3e-9 relative wide, so values within ≈ 4.8e-10 agree (the
 *          checker's tolerance is 1e-9; equal forms evaluated differently differ by ≈ 1e-15);
 *   COARSE 2²²: ≈ 1.65e-7 wide, values within ≈ 6e-8 agree: for recognising mistakes, whose forms
 *          (a ratio, a difference) amplify rounding as ./analysis.ts's 1e-7 does.
 * An offset gives away two bits of a value's position inside a 1e-9-wide bucket: nothing of its
 * leading digits.
 *
 * The hash is not cryptographic (the page must not wait for SubtleCrypto, which file:// pages may
 * lack): 2 × 32-bit multiply–xorshift lanes. Its job is to let the page recognise values it is shown,
 * not to resist a search; what a search can find is discussed in docs/checking.md.
 */
import { sfc32 } from '../numeric/rng.js';

export const FINE_BUCKETS = 2 ** 29;
export const COARSE_BUCKETS = 2 ** 22;
/** Below this size a value is a zero (the checker's zero level is 1e-12 absolute). */
export const ZERO_LEVEL = 1e-11;

/** A value's token: "0", or its sign and bucket. undefined for NaN and ±∞ (they match nothing). */
export function token(v: number, offset: number, buckets: number): string | undefined {
  if (!Number.isFinite(v)) return undefined;
  const a = Math.abs(v);
  if (a < ZERO_LEVEL) return '0';
  return (v < 0 ? '-' : '+') + Math.floor(Math.log2(a) * buckets + offset / 4);
}

/** The offset (0–3 quarter buckets) that puts v in the middle half of its bucket. */
export function offsetFor(v: number, buckets: number): number {
  const a = Math.abs(v);
  if (!Number.isFinite(v) || a < ZERO_LEVEL) return 0;
  const t = Math.log2(a) * buckets;
  const f = t - Math.floor(t);
  for (let o = 0; o < 4; o++) {
    const g = (f + o / 4) % 1;
    if (g >= 0.375 && g < 0.625) return o;
  }
  return 0; // unreachable: one of the four quarter shifts lands in any window ¼ wide
}

/** Values too close to the zero level to be sure which side float noise puts them on. */
export const nearZeroLevel = (v: number): boolean => Math.abs(v) > ZERO_LEVEL / 4 && Math.abs(v) < ZERO_LEVEL * 4;

/** Offsets packed 4 to a byte, as base64. */
export function packOffsets(offsets: readonly number[]): string {
  const bytes = new Uint8Array(Math.ceil(offsets.length / 4));
  offsets.forEach((o, i) => (bytes[i >> 2] |= (o & 3) << ((i & 3) * 2)));
  return toBase64(bytes);
}

export function unpackOffsets(packed: string, count: number): number[] {
  const bytes = fromBase64(packed);
  return Array.from({ length: count }, (_, i) => ((bytes[i >> 2] ?? 0) >> ((i & 3) * 2)) & 3);
}

/** The tokens of values with their offsets, joined; undefined when a value is not finite. */
export function tokens(values: ArrayLike<number>, offsets: readonly number[], buckets: number): string | undefined {
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const t = token(values[i], offsets[i] ?? 0, buckets);
    if (t === undefined) return undefined;
    out.push(t);
  }
  return out.join(',');
}

// ---- hashing ----------------------------------------------------------------------------------

/** Two 32-bit lanes over the string's UTF-16 code units, each avalanche-finished. */
function hash64(s: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** The lookup hash: 48 bits as 8 base64 characters (a page compares a few hundred at most). */
export function lookupHash(text: string): string {
  const [a, b] = hash64(text, 1);
  return toBase64(Uint8Array.of(a >>> 24, a >>> 16, a >>> 8, a, b >>> 24, b >>> 16));
}

/** 128 bits of key from the same text, independent of the lookup hash (other seeds). */
function keyOf(text: string): [number, number, number, number] {
  const [a, b] = hash64(text, 2);
  const [c, d] = hash64(text, 3);
  return [a, b, c, d];
}

/** Keystream bytes: the sfc32 stream of src/numeric/rng.ts, keyed by the text's 128-bit hash. */
function keystream(key: readonly [number, number, number, number], length: number): Uint8Array {
  const out = new Uint8Array(length);
  const next = sfc32(key);
  for (let i = 0; i < length; i += 4) {
    const w = next();
    for (let k = 0; k < 4 && i + k < length; k++) out[i + k] = w >>> (8 * k);
  }
  return out;
}

/** Marks a correctly unsealed text (a wrong key gives bytes that almost never start with it). */
const MAGIC = 'gs:';

/** `message` readable only with `text` (the tokens of the values it belongs to). */
export function seal(message: string, text: string): string {
  const bytes = new TextEncoder().encode(MAGIC + message);
  const ks = keystream(keyOf(text), bytes.length);
  return toBase64(bytes.map((x, i) => x ^ ks[i]));
}

export function unseal(sealed: string, text: string): string | undefined {
  const bytes = fromBase64(sealed);
  const ks = keystream(keyOf(text), bytes.length);
  const s = new TextDecoder().decode(bytes.map((x, i) => x ^ ks[i]));
  return s.startsWith(MAGIC) ? s.slice(MAGIC.length) : undefined;
}

/**
 * The page's data blob, XORed with a fixed keystream and base64-encoded. This is only so that
 * viewing the source shows no words; what protects the answers is that the blob holds none.
 */
const BLOB_KEY: [number, number, number, number] = [0x67726164, 0x73686565, 0x74000001, 0x9e3779b9];

export function encodeBlob(json: string): string {
  const bytes = new TextEncoder().encode(json);
  const ks = keystream(BLOB_KEY, bytes.length);
  return toBase64(bytes.map((x, i) => x ^ ks[i]));
}

export function decodeBlob(blob: string): string {
  const bytes = fromBase64(blob);
  const ks = keystream(BLOB_KEY, bytes.length);
  return new TextDecoder().decode(bytes.map((x, i) => x ^ ks[i]));
}

// ---- base64 (btoa/atob exist in Node ≥ 16 and every browser; they take binary strings) -------

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  // 32 KB at a time: String.fromCharCode(...bytes) overflows the argument limit on large arrays.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** What is hashed and what keys a seal: the answer's salt, the shape and the tokens. */
/** The hash of an answer written in decimals (src/check/decimals.ts jointForms): the fingerprint stores the expected forms', the page looks up the student's. */
export const decimalKey = (salt: string, form: string): string => lookupHash(`${salt}|decimal|${form}`);

export const digestText = (salt: string, rows: number, cols: number, tokenText: string): string => `${salt}|${rows}x${cols}|${tokenText}`;
