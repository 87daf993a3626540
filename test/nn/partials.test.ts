import { describe, expect, it } from 'vitest';
import { network } from '../../src/nn/network.js';
import { costOutputFactors, networkPartials, resolveWrt } from '../../src/nn/partials.js';
import { casesLatex, casesTextLines, partialLabelLatex, partialLabelText } from '../../src/nn/format.js';
import { toText } from '../../src/print/text.js';
import { toLatex } from '../../src/print/latex.js';
import { parse } from '../../src/parse/parse.js';
import { equal } from '../../src/expr/equal.js';
import { InputError } from '../../src/errors.js';

const text = (net: ReturnType<typeof network>, wrt?: string[]) =>
  Object.fromEntries(networkPartials(net, { wrt }).map((p) => [p.wrt, toText(p.value)]));

const YHAT = 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3';

describe("the lecture's 2-2-1 net", () => {
  it('gives the nine partials of ŷ in the lecture’s form', () => {
    const net = network({ layers: [2, 2, 1] });
    expect(net.parameters.map((p) => p.name)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'b1', 'b2', 'b3']);
    expect(text(net)).toEqual({
      w1: "w5*sigma'(w1*x1 + w2*x2 + b1)*x1",
      w2: "w5*sigma'(w1*x1 + w2*x2 + b1)*x2",
      w3: "w6*sigma'(w3*x1 + w4*x2 + b2)*x1",
      w4: "w6*sigma'(w3*x1 + w4*x2 + b2)*x2",
      w5: 'sigma(w1*x1 + w2*x2 + b1)',
      w6: 'sigma(w3*x1 + w4*x2 + b2)',
      b1: "w5*sigma'(w1*x1 + w2*x2 + b1)",
      b2: "w6*sigma'(w3*x1 + w4*x2 + b2)",
      b3: '1',
    });
  });

  it('prints ∂ŷ/∂w1 in LaTeX as the lecture does', () => {
    const [p] = networkPartials(network({ layers: [2, 2, 1] }), { wrt: ['w1'] });
    expect(`${partialLabelLatex(p.of, p.wrt, 'none')} = ${toLatex(p.value)}`).toBe(
      "\\frac{\\partial \\hat{y}}{\\partial w_{1}} = w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}",
    );
    expect(partialLabelText(p.of, p.wrt)).toBe('∂ŷ/∂w1');
    expect(partialLabelText('yhat2', 'W1_1_2')).toBe('∂ŷ₂/∂W1_1_2');
    expect(partialLabelLatex('f', 'b3', 'mse')).toBe('\\frac{\\partial f_{\\text{MSE}}}{\\partial b_{3}}');
  });

  it('gives ReLU partials their cases: 0 if z ≤ 0, w5*x1 if z > 0', () => {
    const ps = networkPartials(network({ layers: [2, 2, 1], activation: 'relu' }));
    const w1 = ps.find((p) => p.wrt === 'w1');
    expect(toText(w1?.value ?? parse('0'))).toBe("w5*relu'(w1*x1 + w2*x2 + b1)*x1");
    const cases = w1?.cases ?? [];
    expect(cases.map((c) => [c.when.map((w) => `${toText(w.expr)} ${w.rel} 0`), toText(c.value)])).toEqual([
      [['w1*x1 + w2*x2 + b1 <= 0'], '0'],
      [['w1*x1 + w2*x2 + b1 > 0'], 'w5*x1'],
    ]);
    expect(casesLatex(cases)).toBe(
      '\\begin{cases} 0 & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} \\leq 0 \\\\ w_{5} x_{1} & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} > 0 \\end{cases}',
    );
    expect(casesTextLines(cases)).toEqual(['0      if w1*x1 + w2*x2 + b1 <= 0', 'w5*x1  if w1*x1 + w2*x2 + b1 > 0']);
    // Partials without relu′ have no cases.
    expect(ps.find((p) => p.wrt === 'w5')?.cases).toBeUndefined();
    expect(ps.find((p) => p.wrt === 'b3')?.cases).toBeUndefined();
  });

  it('keeps the MSE partials factored: ∂f/∂p = (ŷ − y)·∂ŷ/∂p', () => {
    const net = network({ layers: [2, 2, 1], loss: 'mse' });
    const f = text(net);
    expect(f.w1).toBe(`(${YHAT} - y)*w5*sigma'(w1*x1 + w2*x2 + b1)*x1`);
    expect(f.w5).toBe(`(${YHAT} - y)*sigma(w1*x1 + w2*x2 + b1)`);
    expect(f.b3).toBe(`${YHAT} - y`);
    expect(networkPartials(net).every((p) => p.of === 'f')).toBe(true);
  });
});

describe('several outputs', () => {
  const net = network({ layers: [2, 2, 2], loss: 'mse' });
  const yhat = net.outputExprs;

  it('writes ∂f/∂p as Σₖ (ŷₖ − yₖ)·∂ŷₖ/∂p, one term per output that depends on p', () => {
    const [w1] = networkPartials(net, { wrt: ['w1'] });
    expect(w1.value.kind).toBe('add');
    if (w1.value.kind !== 'add') return;
    expect(w1.value.terms).toHaveLength(2);
    w1.value.terms.forEach((t, k) => {
      expect(t.kind).toBe('mul');
      if (t.kind !== 'mul') return;
      expect(equal(t.factors[0], parse(`${toText(yhat[k])} - y${k + 1}`))).toBe(true);
    });
    // w5 feeds only ŷ₁: one term.
    expect(toText(networkPartials(net, { wrt: ['w5'] })[0].value)).toBe(`(${toText(yhat[0])} - y1)*sigma(w1*x1 + w2*x2 + b1)`);
  });

  it('∂f/∂ŷₖ = ŷₖ − yₖ for the MSE', () => {
    expect(costOutputFactors(net).map(toText)).toEqual([`${toText(yhat[0])} - y1`, `${toText(yhat[1])} - y2`]);
  });

  it('without a cost, lists the partials of every output', () => {
    const plain = network({ layers: [2, 2, 2] });
    const ps = networkPartials(plain, { wrt: ['w5', 'b4'] });
    expect(ps.map((p) => [p.of, p.wrt, toText(p.value)])).toEqual([
      ['yhat1', 'w5', 'sigma(w1*x1 + w2*x2 + b1)'],
      ['yhat1', 'b4', '0'],
      ['yhat2', 'w5', '0'],
      ['yhat2', 'b4', '1'],
    ]);
  });
});

describe('deeper ReLU nets', () => {
  it('enumerates the sign patterns that matter, a factor of the whole first', () => {
    const net = network({ layers: [2, 2, 2, 1], activation: 'relu' });
    const [w1] = networkPartials(net, { wrt: ['w1'] });
    const cases = w1.cases ?? [];
    expect(cases.length).toBeGreaterThan(2);
    expect(cases.length).toBeLessThanOrEqual(8);
    expect(toText(cases[0].value)).toBe('0');
    expect(cases[0].when.map((c) => `${toText(c.expr)} ${c.rel} 0`)).toEqual(['w1*x1 + w2*x2 + b1 <= 0']);
    // Every branch has relu′ replaced by 0 or 1.
    for (const c of cases) expect(toText(c.value)).not.toContain("relu'");
  });
});

describe('resolveWrt', () => {
  const net = network({ layers: [2, 2, 1] });
  it('accepts all, a list, and removes repeats', () => {
    expect(resolveWrt(net, undefined)).toHaveLength(9);
    expect(resolveWrt(net, ['all'])).toHaveLength(9);
    expect(resolveWrt(net, ['b2', 'w1', 'b2'])).toEqual(['b2', 'w1']);
  });
  it('names an unknown parameter and lists the known ones', () => {
    expect(() => resolveWrt(net, ['w7'])).toThrow(InputError);
    expect(() => resolveWrt(net, ['w7'])).toThrow("--wrt: 'w7' is not a parameter of this network (w1, w2, w3, w4, w5, w6, b1, b2, b3)");
  });
});
