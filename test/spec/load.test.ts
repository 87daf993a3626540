import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { loadSpec } from '../../src/spec/load.js';
import { SpecError } from '../../src/spec/source.js';

const refusal = (yaml: string): string => thrown(() => loadSpec(yaml, 'sheet.yaml'), SpecError).message;

describe('what a schema error says about the value it got', () => {
  it('a pair such as range: [low, high] given as one number', () => {
    expect(refusal('title: T\nexercises:\n  - kind: forward-pass\n    params: { range: 9 }\n')).toBe('sheet.yaml:4: exercises[0].params.range: expected a list, got 9');
  });

  it('a list, a mapping or nothing where a number belongs', () => {
    expect(refusal('title: T\nexercises:\n  - kind: chain-rule\n    points: [1]\n')).toBe('sheet.yaml:4: exercises[0].points: expected a number, got a list');
    expect(refusal('title: T\nexercises:\n  - kind: chain-rule\n    points: { a: 1 }\n')).toBe('sheet.yaml:4: exercises[0].points: expected a number, got a mapping');
    expect(refusal('title: T\nexercises:\n  - kind: chain-rule\n    points: null\n')).toBe('sheet.yaml:4: exercises[0].points: expected a number, got nothing (null)');
  });
});
