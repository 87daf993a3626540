import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { checkSpecProse } from '../../src/render/spec-prose.js';
import { loadSpec, SpecError } from '../../src/spec/load.js';
import { InputError } from '../../src/errors.js';
import type { WorksheetSpec } from '../../src/spec/schema.js';

describe('the prose of a spec', () => {
  it('passes text and math that KaTeX typesets, in every prose field', () => {
    const spec = loadSpec('title: "Week $3$"\ncourse: "CS $4342$"\ninstructions: "Write $\\\\sigma\'$; the cost is $$f = \\\\tfrac12 (\\\\hat{y} - y)^2$$"\nexercises:\n  - kind: chain-rule\n    title: "The $\\\\sigma$ rule"\n', 'w.yaml');
    expect(() => checkSpecProse(spec)).not.toThrow();
  });

  it('names the file, the line and the field of a formula KaTeX refuses, quoting the writer’s formula', () => {
    const spec = loadSpec('title: T\nexercises:\n  - kind: chain-rule\n  - kind: jacobian\n    title: "Its $\\\\frac{\\\\partial f}{\\\\partial x$"\n', 'w.yaml');
    const error = thrown(() => checkSpecProse(spec), SpecError);
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toMatch(/^w\.yaml:5: exercises\[1\]\.title: KaTeX could not typeset "\\\\frac\{\\\\partial f\}\{\\\\partial x": /);
  });

  it('names the field of a spec built in code, which has no file', () => {
    const spec: WorksheetSpec = { title: 'T', instructions: 'Costs $x', seed: 1, exercises: [{ kind: 'chain-rule' }] };
    expect(() => checkSpecProse(spec)).toThrow(InputError);
    expect(() => checkSpecProse(spec)).toThrow(/^instructions: unbalanced \$ at character 7/);
  });
});
