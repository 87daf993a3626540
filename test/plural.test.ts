import { describe, expect, it } from 'vitest';
import { counted } from '../src/plural.js';

describe('a count with its noun', () => {
  it('is singular for one and plural otherwise, zero included', () => {
    expect([0, 1, 2].map((n) => counted(n, 'exercise'))).toEqual(['0 exercises', '1 exercise', '2 exercises']);
    expect(counted(1, 'numeric comparison')).toBe('1 numeric comparison');
    expect(counted(3, 'matrix', 'matrices')).toBe('3 matrices');
  });
});
