/**
 * The tokens, hashes and seals of src/interactive/digest.ts: equal values (to float noise) match,
 * different ones do not, and a seal opens only with the values it was made for.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/numeric/rng.js';
import {
  COARSE_BUCKETS,
  decodeBlob,
  encodeBlob,
  FINE_BUCKETS,
  lookupHash,
  offsetFor,
  packOffsets,
  seal,
  token,
  tokens,
  unpackOffsets,
  unseal,
} from '../../src/interactive/digest.js';

const rng = createRng(42);
const values = Array.from({ length: 2000 }, () => rng.sign() * 10 ** rng.uniform(-6, 3));

describe('tokens', () => {
  it('are the same for a value and the value off by float noise (1e-13 relative), at either resolution', () => {
    for (const buckets of [FINE_BUCKETS, COARSE_BUCKETS]) {
      for (const v of values) {
        const o = offsetFor(v, buckets);
        for (const noise of [1 + 1e-13, 1 - 1e-13, 1 + 2.2e-16]) expect(token(v * noise, o, buckets)).toBe(token(v, o, buckets));
      }
    }
  });

  it('differ for values 1e-8 apart at the fine resolution (the checker tells them apart at 1e-9)', () => {
    const differ = values.filter((v) => {
      const o = offsetFor(v, FINE_BUCKETS);
      return token(v * (1 + 1e-8), o, FINE_BUCKETS) !== token(v, o, FINE_BUCKETS);
    });
    expect(differ.length).toBe(values.length);
  });

  it('exact powers of two and decimals such as 0.9 or 3/4 keep their token when computed another way', () => {
    const pairs: [number, number][] = [[1, 0.1 * 3 + 0.7], [0.5, 1 / 2], [0.9, 9 / 10], [0.75, 3 / 4], [2, Math.sqrt(2) ** 2]];
    for (const [a, b] of pairs) {
      const o = offsetFor(a, FINE_BUCKETS);
      expect(token(b, o, FINE_BUCKETS)).toBe(token(a, o, FINE_BUCKETS));
    }
  });

  it('zeros are one token whatever their sign and noise; NaN and ∞ have none', () => {
    expect(token(0, 0, FINE_BUCKETS)).toBe('0');
    expect(token(-1e-17, 3, FINE_BUCKETS)).toBe('0');
    expect(token(NaN, 0, FINE_BUCKETS)).toBeUndefined();
    expect(tokens([1, Infinity], [0, 0], FINE_BUCKETS)).toBeUndefined();
    expect(token(-2, 0, FINE_BUCKETS)?.startsWith('-')).toBe(true);
  });

  it('offsets pack four to a byte', () => {
    const offsets = Array.from({ length: 37 }, (_, i) => (i * 7) % 4);
    expect(unpackOffsets(packOffsets(offsets), offsets.length)).toEqual(offsets);
  });
});

describe('seals', () => {
  it('open with the text they were made for, and not with another', () => {
    const text = 'salt|1x1|+123,-456';
    const sealed = seal('σ where σ′ belongs', text);
    expect(unseal(sealed, text)).toBe('σ where σ′ belongs');
    expect(unseal(sealed, 'salt|1x1|+123,-457')).toBeUndefined();
    expect(sealed).not.toContain('belongs');
  });

  it('the lookup hash does not depend on the key (48 bits, 8 characters)', () => {
    expect(lookupHash('a')).toHaveLength(8);
    expect(lookupHash('a')).not.toBe(lookupHash('b'));
  });

  it('the blob round-trips, Unicode included, and shows no words', () => {
    const json = JSON.stringify({ text: 'w₁x₁ + w₂x₂ + b₁', n: [0.25, -1e-7] });
    const blob = encodeBlob(json);
    expect(decodeBlob(blob)).toBe(json);
    expect(blob).toMatch(/^[A-Za-z0-9+/=]+$/);
  });
});
