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
    expect(error.message).toMatch(/^w\.yaml:5: exercises\[1\]\.title: KaTeX could not typeset "\\frac\{\\partial f\}\{\\partial x": /);
  });

  it('refuses math that KaTeX sets but pdflatex would stop on, at its file, line and field, with the LaTeX to write', () => {
    // QA's spec: it built with exit 0, and pdflatex stopped on its .tex ("Undefined control sequence … \R").
    const qa = 'title: "Math in instructions"\ninstructions: "Let $x \\\\in \\\\R^n$ and $\\\\bm{W}$; also $\\\\argmax_x f$ and $\\\\coloneqq$ and $\\\\N$."\nexercises:\n  - kind: chain-rule\n';
    expect(thrown(() => checkSpecProse(loadSpec(qa, 'texm.yaml')), SpecError).message).toBe(
      'texm.yaml:2: instructions: \\R is not a LaTeX command the .tex export can compile (KaTeX accepts it); write \\mathbb{R}',
    );
    const title = 'title: T\nexercises:\n  - kind: chain-rule\n  - kind: jacobian\n    title: "See $\\\\href{https://example.org}{click}$"\n';
    expect(thrown(() => checkSpecProse(loadSpec(title, 'w.yaml')), SpecError).message).toMatch(/^w\.yaml:5: exercises\[1\]\.title: \\href makes a link, which a printed sheet cannot follow/);
    const course = 'title: T\ncourse: "$\\\\bold{CS}$ 101"\nexercises:\n  - kind: chain-rule\n';
    expect(thrown(() => checkSpecProse(loadSpec(course, 'w.yaml')), SpecError).message).toBe('w.yaml:2: course: \\bold is not a LaTeX command the .tex export can compile (KaTeX accepts it); write \\mathbf');
  });

  it('suggests the standard LaTeX for a command neither knows (\\Q → \\mathbb{Q})', () => {
    const spec = loadSpec('title: "Over $\\\\Q$"\nexercises:\n  - kind: chain-rule\n', 'w.yaml');
    expect(thrown(() => checkSpecProse(spec), SpecError).message).toMatch(/^w\.yaml:1: title: KaTeX could not typeset .*: Undefined control sequence: \\Q .*; write \\mathbb\{Q\}$/);
  });

  it('names the field of a spec built in code, which has no file', () => {
    const spec: WorksheetSpec = { title: 'T', instructions: 'Costs $x', seed: 1, exercises: [{ kind: 'chain-rule' }] };
    expect(() => checkSpecProse(spec)).toThrow(InputError);
    expect(() => checkSpecProse(spec)).toThrow(/^instructions: unbalanced \$ at character 7/);
    expect(() => checkSpecProse({ ...spec, instructions: 'Let $x \\in \\R$' })).toThrow(/^instructions: \\R is not a LaTeX command/);
  });
});
