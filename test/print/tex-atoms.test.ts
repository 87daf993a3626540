import { describe, expect, it } from 'vitest';
import { arrayBox, layout, listBox, type Atom } from '../../src/print/tex-atoms.js';

const ord = (w: number): Atom => ({ cls: 'ord', w, h: 0.7, d: 0.2 });
const bin = (w: number): Atom => ({ cls: 'bin', w, h: 0.6, d: 0.1 });
const rel = (w: number): Atom => ({ cls: 'rel', w, h: 0.4, d: 0 });

describe('a list of atoms set as TeX sets it', () => {
  it('puts medium spaces (4 mu) around a binary operator and thick ones (5 mu) around a relation', () => {
    expect(listBox([ord(1), bin(1), ord(1)], 0).w).toBeCloseTo(3 + 2 * (4 / 18));
    expect(listBox([ord(1), rel(1), ord(1)], 0).w).toBeCloseTo(3 + 2 * (5 / 18));
    // None in script style.
    expect(listBox([ord(1), bin(1), ord(1)], 2).w).toBeCloseTo(3);
  });

  it('reads a sign at the start, or before a relation, as ordinary: no spaces and no break there', () => {
    const { atoms, gaps, breaks } = layout([bin(1), ord(1), rel(1), ord(1)], 0);
    expect(atoms[0].cls).toBe('ord');
    expect(gaps[1]).toBe(0);
    expect(breaks).toEqual([false, false, true, false]);
  });

  it('sets a matrix as its columns, the gaps between them and its fences', () => {
    const rows = [[ord(1), ord(2)], [ord(3), ord(1)]];
    const bare = arrayBox('matrix', rows, [], 0, 1);
    expect(bare.w).toBeCloseTo(3 + 2 + 1);
    expect(arrayBox('bmatrix', rows, [], 0, 1).w).toBeGreaterThan(bare.w);
    // Space asked for after a row makes the box taller, not wider.
    const spaced = arrayBox('matrix', rows, [0.5], 0, 1);
    expect(spaced.w).toBeCloseTo(bare.w);
    expect(spaced.h + spaced.d).toBeCloseTo(bare.h + bare.d + 0.5);
  });
});
