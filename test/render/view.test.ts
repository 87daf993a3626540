import { describe, expect, it } from 'vitest';
import { ruleGroups } from '../../src/render/view.js';

describe('ruleGroups: the ruled lines a page break may not separate', () => {
  it('keeps a space of up to five lines whole', () => {
    for (const n of [1, 2, 3, 4, 5]) expect(ruleGroups(n)).toEqual([n]);
  });

  it('lets a longer space break anywhere that leaves three lines on each side', () => {
    expect(ruleGroups(6)).toEqual([3, 3]);
    expect(ruleGroups(8)).toEqual([3, 1, 1, 3]);
    for (let n = 6; n <= 20; n++) {
      const groups = ruleGroups(n);
      expect(groups.reduce((a, b) => a + b, 0)).toBe(n);
      expect(groups[0]).toBe(3);
      expect(groups.at(-1)).toBe(3);
    }
  });
});
