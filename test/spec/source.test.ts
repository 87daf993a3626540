import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { InputError } from '../../src/errors.js';
import { loadSpec } from '../../src/spec/load.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { exerciseError, parseFieldName, SpecError } from '../../src/spec/source.js';

describe('field names', () => {
  it('reads the paths generators name in their errors', () => {
    expect(parseFieldName('params.wrt')).toEqual(['params', 'wrt']);
    expect(parseFieldName('params.batch[0].x')).toEqual(['params', 'batch', 0, 'x']);
    expect(parseFieldName('column 12')).toBeUndefined();
    expect(parseFieldName('a ReLU argument')).toBeUndefined();
  });
});

describe("a generator's error, placed in the spec", () => {
  const text = 'title: T\nseed: 3\nexercises:\n  - kind: chain-rule\n  - kind: chain-rule\n    id: q\n    params:\n      expr: "v*sigma(u*w + z)"\n      wrt: x\n';

  it('names the file, the line of the field and the field, like a schema error', () => {
    const spec = loadSpec(text, 'hw.yaml');
    const error = thrown(() => buildSheet(spec), SpecError);
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toBe("hw.yaml:9: exercises[1].params.wrt: 'x' does not occur in v*sigma(u*w + z) (exercise q, chain-rule)");
  });

  it('falls back to the exercise’s line when the message names no field', () => {
    const spec = loadSpec(text, 'hw.yaml');
    expect(exerciseError(spec, 1, 'q', 'chain-rule', new InputError('no kink-free draw')).message).toBe('hw.yaml:5: exercises[1]: exercise q (chain-rule): no kink-free draw');
  });

  it('names the exercise alone for a spec built in code, not loaded from a file', () => {
    const spec = { ...loadSpec(text, 'hw.yaml') };
    expect(exerciseError(spec, 1, 'q', 'chain-rule', new InputError('params.wrt: bad')).message).toBe('exercise q (chain-rule): params.wrt: bad');
  });
});
