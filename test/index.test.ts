/**
 * The package's entry point does what the README's "Library API" example says, line by line.
 */
import { describe, expect, it } from 'vitest';
import {
  buildWorksheet, checkAnswer, derive, differentiate, evaluate, evaluateExact, jacobian, loadSpec, network, networkPartials,
  parse, rat, ratText, toLatex, toText,
} from '../src/index.js';

describe("the README's API example", () => {
  const yhat = parse('w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3');

  it('differentiates, prints and shows the steps', () => {
    expect(toText(differentiate(yhat, 'w1'))).toBe("w5*sigma'(w1*x1 + w2*x2 + b1)*x1");
    expect(toLatex(differentiate(yhat, 'w1'))).toBe("w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}");
    expect(derive(yhat, 'w1').steps[0]).toMatchObject({ rule: 'sum' });
    expect(toText(jacobian(parse('[2*x1 + x2, pi*x2, -x1/x2]'), ['x1', 'x2']))).toBe('[2, 1; 0, pi; -1/x2, x1/x2^2]');
  });

  it('evaluates in floats and exactly', () => {
    expect(evaluate(parse('3/4*(x1 + 1)'), { vars: { x1: 1 } })).toBe(1.5);
    const exact = evaluateExact(parse('3/4*(x1 + 1)'), { x1: rat(1, 3) });
    expect(exact && ratText(exact)).toBe('1');
    expect(evaluateExact(parse('sigmoid(x1)'), { x1: rat(1) })).toBeUndefined();
  });

  it('gives the nine partials of the lecture network and checks an answer', () => {
    const partials = networkPartials(network({ layers: [2, 2, 1], activation: 'relu', loss: 'mse' }));
    expect(partials).toHaveLength(9);
    expect(partials[0]).toMatchObject({ of: 'f', wrt: 'w1' });
    const r = checkAnswer('w5*sigma(w1*x1 + w2*x2 + b1)', 'w5*sigma(w1*x1+w2*x2+b1)*x1', { wrt: 'w1' });
    expect(r.verdict).toBe('incorrect');
    expect(r.feedback).toMatch(/^σ where σ′ belongs/);
  });

  it('builds a worksheet in memory', () => {
    const spec = loadSpec('title: Practice\nexercises:\n  - { kind: chain-rule }\n', 'practice.yaml');
    const names = buildWorksheet(spec, { name: 'practice', formats: ['html', 'tex'] }).files.map((f) => f.name);
    expect(names).toContain('practice.html');
    expect(names).toContain('practice-key.tex');
  });
});
