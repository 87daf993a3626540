import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { network, type NetworkSpec } from '../../src/nn/network.js';
import { matrixFormGradients, type MatrixForm } from '../../src/nn/backprop.js';
import { checkMatrixForm, networkBindings } from '../../src/nn/backprop-check.js';
import { matrixFormJson, matrixFormLatex, matrixFormText, matrixStepsLatex } from '../../src/nn/backprop-print.js';
import { matrixToText } from '../../src/linalg/print-text.js';
import { matrixToLatex } from '../../src/linalg/print-latex.js';
import { expandMatrix } from '../../src/linalg/expand.js';
import type { MatExpr } from '../../src/linalg/types.js';
import { matChildren, matSymbols } from '../../src/linalg/traverse.js';
import { elementwise, outer, product, transpose } from '../../src/linalg/build.js';
import { InputError } from '../../src/errors.js';
import { createRng } from '../../src/numeric/rng.js';
import { compile } from '../../src/numeric/evaluate.js';
import { centralDifference, relativeError } from '../../src/numeric/finite-difference.js';
import { freeSymbols } from '../../src/expr/traverse.js';

const form = (spec: NetworkSpec): MatrixForm => matrixFormGradients(network(spec));
const closedForms = (m: MatrixForm): string[] => [
  ...m.definitions.filter((d) => d.role === 'delta').map((d) => `${matrixToText(d.name)} = ${matrixToText(d.expr)}`),
  ...m.gradients.map((g) => `${matrixToText(g.lhs)} = ${matrixToText(g.expr)}`),
];

/** The networks the matrix form must match, and a few more shapes of the same machinery. */
const NETS: readonly (readonly [string, NetworkSpec])[] = [
  ['2-2-1 relu, mse (the lecture XOR net)', { layers: [2, 2, 1], activation: 'relu', loss: 'mse' }],
  ['2-2-1 relu, ŷ itself (loss none)', { layers: [2, 2, 1], activation: 'relu', loss: 'none' }],
  ['3-2-2 sigmoid, mse', { layers: [3, 2, 2], activation: 'sigmoid', loss: 'mse' }],
  ['4-3-3-1 tanh, mse', { layers: [4, 3, 3, 1], activation: 'tanh', loss: 'mse' }],
  ['2-2-1 sigmoid output, binary cross-entropy', { layers: [2, 2, 1], activation: 'sigmoid', outputActivation: 'sigmoid', loss: 'bce' }],
  ['2-2-1 abstract σ, sigmoid output, bce, indexed names', { layers: [2, 2, 1], outputActivation: 'sigmoid', loss: 'bce', naming: 'indexed' }],
  ['3-2-2 sigmoid with a sigmoid output, mse', { layers: [3, 2, 2], activation: 'sigmoid', outputActivation: 'sigmoid', loss: 'mse' }],
  ['2-3-2 identity, no biases', { layers: [2, 3, 2], activation: 'identity', loss: 'mse', bias: false }],
  ['3-4-3-2 mixed tanh/relu with a tanh output', { layers: [3, 4, 3, 2], activation: ['tanh', 'relu'], outputActivation: 'tanh', loss: 'mse' }],
];

describe('matrix-form gradients agree with the scalar partials of the core', () => {
  it.each(NETS)('%s', (_, spec) => {
    const net = network(spec);
    const check = checkMatrixForm(net, matrixFormGradients(net), createRng(2024), { points: 6 });
    // Every parameter is compared: the ∇ entries cover the network's parameter list exactly.
    expect(check.entries.map((e) => e.parameter).sort()).toEqual(net.parameters.map((p) => p.name).sort());
    expect(check.comparisons).toBe(net.parameters.length * 6);
    expect(check.maxRelativeError).toBeLessThanOrEqual(1e-9);
  });

  it('and with central differences of the cost, an oracle that shares no symbolic code', () => {
    const net = network({ layers: [3, 2, 2], activation: 'tanh', outputActivation: 'sigmoid', loss: 'mse' });
    const m = matrixFormGradients(net);
    const bind = networkBindings(net, m);
    const cost = net.lossExpr;
    if (!cost) throw new Error('no cost');
    const vars = freeSymbols(cost);
    const rng = createRng(9);
    const point = vars.map(() => rng.uniform(-1, 1));
    const f = compile(cost, vars);
    for (const g of m.gradients) {
      const entries = expandMatrix(g.expr, bind);
      g.parameters.forEach((row, i) =>
        row.forEach((p, j) => {
          const k = vars.indexOf(p);
          const along = (t: number) => f(point.map((v, n) => (n === k ? t : v)));
          // Five-point differences: error ≈ 1e-12 at h = 1e-3 for these smooth costs.
          expect(relativeError(compile(entries[i][j], vars)(point), centralDifference(along, point[k]))).toBeLessThan(1e-8);
        }),
      );
    }
  });

  it('notices a wrong formula (the check is not vacuous)', () => {
    const net = network({ layers: [2, 2, 1], activation: 'sigmoid', loss: 'mse' });
    const right = matrixFormGradients(net);
    const swap = (name: string, layer: number, expr: (old: MatExpr) => MatExpr): MatrixForm => ({
      ...right,
      definitions: right.definitions.map((d) => (d.name.name === name && d.name.layer === layer ? { ...d, expr: expr(d.expr) } : d)),
    });
    const delta1 = right.definitions.find((d) => d.name.name === 'delta' && d.name.layer === 1);
    const delta2 = right.definitions.find((d) => d.name.name === 'delta' && d.name.layer === 2);
    if (!delta1 || !delta2) throw new Error('no δ');
    // δ⁽¹⁾ without ⊙ σ′(z⁽¹⁾): the mistake of forgetting the activation's derivative.
    const noDerivative = swap('delta', 1, () => product(transpose(right.gradients[1].wrt), delta2.name));
    expect(checkMatrixForm(net, noDerivative, createRng(1)).maxRelativeError).toBeGreaterThan(1e-3);
    // σ instead of σ′.
    const zSym = right.definitions[0].name;
    const sigmaNotPrime = swap('delta', 1, (e) => (e.kind === 'hadamard' ? { ...e, factors: [e.factors[0], elementwise('sigmoid', 0, zSym)] } : e));
    expect(checkMatrixForm(net, sigmaNotPrime, createRng(1)).maxRelativeError).toBeGreaterThan(1e-3);
    // xδ⁽¹⁾ᵀ instead of δ⁽¹⁾xᵀ: the transposed outer product.
    const x = right.gradients[0].expr.kind === 'product' ? right.gradients[0].expr.factors[1] : undefined;
    if (!x || x.kind !== 'transpose') throw new Error('unexpected ∇W⁽¹⁾');
    const transposed = { ...right, gradients: right.gradients.map((g, i) => (i === 0 ? { ...g, expr: outer(x.arg, delta1.name) } : g)) };
    expect(checkMatrixForm(net, transposed, createRng(1)).maxRelativeError).toBeGreaterThan(1e-3);
  });
});

describe('closed forms in the lecture notation', () => {
  it('2-2-1 relu with the squared error', () => {
    expect(closedForms(form({ layers: [2, 2, 1], activation: 'relu', loss: 'mse' }))).toEqual([
      'δ⁽²⁾ = ŷ − y',
      'δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ relu′(z⁽¹⁾)',
      '∇_{W⁽¹⁾} f = δ⁽¹⁾xᵀ',
      '∇_{W⁽²⁾} f = δ⁽²⁾h⁽¹⁾ᵀ',
      '∇_{b⁽¹⁾} f = δ⁽¹⁾',
      '∇_{b⁽²⁾} f = δ⁽²⁾',
    ]);
  });

  it('4-3-3-1 tanh', () => {
    expect(closedForms(form({ layers: [4, 3, 3, 1], activation: 'tanh', loss: 'mse' }))).toEqual([
      'δ⁽³⁾ = ŷ − y',
      'δ⁽²⁾ = (W⁽³⁾ᵀδ⁽³⁾) ⊙ tanh′(z⁽²⁾)',
      'δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ tanh′(z⁽¹⁾)',
      '∇_{W⁽¹⁾} f = δ⁽¹⁾xᵀ',
      '∇_{W⁽²⁾} f = δ⁽²⁾h⁽¹⁾ᵀ',
      '∇_{W⁽³⁾} f = δ⁽³⁾h⁽²⁾ᵀ',
      '∇_{b⁽¹⁾} f = δ⁽¹⁾',
      '∇_{b⁽²⁾} f = δ⁽²⁾',
      '∇_{b⁽³⁾} f = δ⁽³⁾',
    ]);
  });

  it('δ⁽ᴸ⁾ = ŷ − y for cross-entropy with a sigmoid output, (ŷ − y) ⊙ σ_out′ for the squared error', () => {
    const bce = form({ layers: [2, 2, 1], activation: 'sigmoid', outputActivation: 'sigmoid', loss: 'bce' });
    expect(closedForms(bce).slice(0, 2)).toEqual(['δ⁽²⁾ = ŷ − y', 'δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ sigmoid′(z⁽¹⁾)']);
    expect(matrixToText(bce.definitions.find((d) => d.role === 'loss')?.expr ?? bce.objective)).toBe('−(y·log(ŷ) + (1 − y)·log(1 − ŷ))');
    const mse = form({ layers: [3, 2, 2], activation: 'sigmoid', outputActivation: 'sigmoid', loss: 'mse' });
    expect(closedForms(mse)[0]).toBe('δ⁽²⁾ = (ŷ − y) ⊙ sigmoid′(z⁽²⁾)');
    expect(matrixToText(mse.definitions.find((d) => d.role === 'loss')?.expr ?? mse.objective)).toBe('½‖ŷ − y‖²');
  });

  it('the gradients of ŷ itself for loss none', () => {
    const m = form({ layers: [2, 2, 1], loss: 'none' });
    expect(matrixToText(m.objective)).toBe('ŷ');
    expect(closedForms(m)).toEqual([
      'δ⁽²⁾ = 1',
      'δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ σ′(z⁽¹⁾)',
      '∇_{W⁽¹⁾} ŷ = δ⁽¹⁾xᵀ',
      '∇_{W⁽²⁾} ŷ = δ⁽²⁾h⁽¹⁾ᵀ',
      '∇_{b⁽¹⁾} ŷ = δ⁽¹⁾',
      '∇_{b⁽²⁾} ŷ = δ⁽²⁾',
    ]);
    expect(closedForms(form({ layers: [2, 2, 1], loss: 'none', outputActivation: 'sigmoid' }))[0]).toBe('δ⁽²⁾ = sigmoid′(z⁽²⁾)');
    expect(() => form({ layers: [2, 2, 2], loss: 'none' })).toThrowError(InputError);
    expect(() => form({ layers: [2, 2, 2], loss: 'none' })).toThrowError(/needs one output, got 2/);
  });

  it('an identity layer and no biases', () => {
    expect(closedForms(form({ layers: [2, 3, 2], activation: 'identity', loss: 'mse', bias: false }))).toEqual([
      'δ⁽²⁾ = ŷ − y',
      'δ⁽¹⁾ = W⁽²⁾ᵀδ⁽²⁾',
      '∇_{W⁽¹⁾} f = δ⁽¹⁾xᵀ',
      '∇_{W⁽²⁾} f = δ⁽²⁾h⁽¹⁾ᵀ',
    ]);
  });

  it('lists the definitions in dependency order', () => {
    const m = form({ layers: [4, 3, 3, 1], activation: 'tanh', loss: 'mse' });
    expect(m.definitions.map((d) => matrixToText(d.name))).toEqual(['z⁽¹⁾', 'h⁽¹⁾', 'z⁽²⁾', 'h⁽²⁾', 'z⁽³⁾', 'ŷ', 'f', 'δ⁽³⁾', 'δ⁽²⁾', 'δ⁽¹⁾']);
    // Every definition only mentions inputs, parameters and names defined before it.
    const defined = new Set(['x|', 'y|', 'W|1', 'W|2', 'W|3', 'b|1', 'b|2', 'b|3']);
    const symbolsOf = (e: MatExpr): string[] => matSymbols(e).map((v) => `${v.name}|${v.layer ?? ''}`);
    for (const d of m.definitions) {
      for (const s of symbolsOf(d.expr)) expect(defined.has(s), `${matrixToText(d.name)} uses ${s}`).toBe(true);
      defined.add(`${d.name.name}|${d.name.layer ?? ''}`);
    }
  });
});

describe('the derivation is recorded step by step', () => {
  const m = form({ layers: [2, 2, 1], activation: 'relu', loss: 'mse' });
  const delta = (l: number) => {
    const d = m.definitions.find((x) => x.name.name === 'delta' && x.name.layer === l);
    if (!d) throw new Error(`no δ${l}`);
    return d;
  };

  it('works δ⁽¹⁾ out with the Jacobian chain rule, then transposes', () => {
    expect(delta(1).steps.map((s) => [s.rule, s.text])).toEqual([
      ['chain-rule', '∂f/∂z⁽¹⁾ = (∂f/∂z⁽²⁾)(∂z⁽²⁾/∂h⁽¹⁾)(∂h⁽¹⁾/∂z⁽¹⁾)'],
      ['jacobian-of-gradient', '∂f/∂z⁽¹⁾ = δ⁽²⁾ᵀ(∂z⁽²⁾/∂h⁽¹⁾)(∂h⁽¹⁾/∂z⁽¹⁾)'],
      ['jacobian-linear', '∂f/∂z⁽¹⁾ = δ⁽²⁾ᵀW⁽²⁾(∂h⁽¹⁾/∂z⁽¹⁾)'],
      ['jacobian-elementwise', '∂f/∂z⁽¹⁾ = δ⁽²⁾ᵀW⁽²⁾diag(relu′(z⁽¹⁾))'],
      ['gradient-of-jacobian', 'δ⁽¹⁾ = (δ⁽²⁾ᵀW⁽²⁾diag(relu′(z⁽¹⁾)))ᵀ'],
      ['transpose-product', 'δ⁽¹⁾ = diag(relu′(z⁽¹⁾))ᵀW⁽²⁾ᵀ(δ⁽²⁾ᵀ)ᵀ'],
      ['transpose-diagonal', 'δ⁽¹⁾ = diag(relu′(z⁽¹⁾))W⁽²⁾ᵀ(δ⁽²⁾ᵀ)ᵀ'],
      ['transpose-transpose', 'δ⁽¹⁾ = diag(relu′(z⁽¹⁾))W⁽²⁾ᵀδ⁽²⁾'],
      ['diag-hadamard', 'δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ relu′(z⁽¹⁾)'],
    ]);
    expect(delta(1).steps[2].because).toBe(
      'From z⁽²⁾ = W⁽²⁾h⁽¹⁾ + b⁽²⁾: b⁽²⁾ does not depend on h⁽¹⁾. ∂(Au)/∂u = A for a matrix A that does not depend on u (here A = W⁽²⁾). So ∂z⁽²⁾/∂h⁽¹⁾ = W⁽²⁾.',
    );
    expect(delta(1).steps[3].becauseLatex).toContain("= \\operatorname{diag}(\\operatorname{ReLU}'(\\mathbf{z}^{(1)}))$");
  });

  it('works δ⁽²⁾ out from the cost', () => {
    expect(delta(2).steps.map((s) => s.text)).toEqual([
      '∂f/∂z⁽²⁾ = (∂f/∂ŷ)(∂ŷ/∂z⁽²⁾)',
      '∂f/∂z⁽²⁾ = (ŷ − y)ᵀ(∂ŷ/∂z⁽²⁾)',
      '∂f/∂z⁽²⁾ = (ŷ − y)ᵀI',
      '∂f/∂z⁽²⁾ = (ŷ − y)ᵀ',
      'δ⁽²⁾ = ((ŷ − y)ᵀ)ᵀ',
      'δ⁽²⁾ = ŷ − y',
    ]);
  });

  it('works the cross-entropy δ⁽ᴸ⁾ through the scalar core', () => {
    const bce = form({ layers: [2, 2, 1], activation: 'sigmoid', outputActivation: 'sigmoid', loss: 'bce' });
    const d2 = bce.definitions.find((d) => d.name.name === 'delta' && d.name.layer === 2);
    expect(d2?.steps.map((s) => [s.rule, s.text])).toEqual([
      ['chain-rule', '∂f/∂z⁽²⁾ = (∂f/∂ŷ)(∂ŷ/∂z⁽²⁾)'],
      ['jacobian-scalar', '∂f/∂z⁽²⁾ = (−(y/ŷ − (1 − y)/(1 − ŷ)))(∂ŷ/∂z⁽²⁾)'],
      ['jacobian-elementwise', '∂f/∂z⁽²⁾ = (−(y/ŷ − (1 − y)/(1 − ŷ)))diag(sigmoid′(z⁽²⁾))'],
      ['scalar-product', '∂f/∂z⁽²⁾ = −(y/ŷ − (1 − y)/(1 − ŷ))·sigmoid′(z⁽²⁾)'],
      ['activation-derivative', '∂f/∂z⁽²⁾ = −(y/ŷ − (1 − y)/(1 − ŷ))·sigmoid(z⁽²⁾)·(1 − sigmoid(z⁽²⁾))'],
      ['fold-definition', '∂f/∂z⁽²⁾ = −(y/ŷ − (1 − y)/(1 − ŷ))·ŷ·(1 − ŷ)'],
      ['cancel', '∂f/∂z⁽²⁾ = ŷ − y'],
      ['gradient-of-jacobian', 'δ⁽²⁾ = (ŷ − y)ᵀ'],
      ['transpose-scalar', 'δ⁽²⁾ = ŷ − y'],
    ]);
  });

  it('derives ∇W as an outer product and ∇b through the chain rule', () => {
    expect(m.gradients[0].steps.map((s) => s.rule)).toEqual(['outer-product']);
    expect(m.gradients[0].steps[0].because).toContain('∂f/∂W⁽¹⁾ᵢⱼ = (∂f/∂z⁽¹⁾ᵢ)xⱼ = δ⁽¹⁾ᵢxⱼ');
    expect(m.gradients[2].steps.map((s) => s.rule)).toEqual([
      'chain-rule',
      'jacobian-of-gradient',
      'jacobian-identity',
      'identity-factor',
      'gradient-of-jacobian',
      'transpose-transpose',
    ]);
  });

  it('records only true lines: each step without pending Jacobians has the final value', () => {
    const net = network({ layers: [3, 2, 2], activation: 'sigmoid', outputActivation: 'sigmoid', loss: 'mse' });
    const mf = matrixFormGradients(net);
    const bind = networkBindings(net, mf);
    const pending = (e: MatExpr): boolean => e.kind === 'jacobian' || matChildren(e).some(pending);
    const rng = createRng(4);
    const vars = [...net.inputs, ...net.targets, ...net.parameters.map((p) => p.name)];
    const point = vars.map(() => rng.uniform(-1, 1));
    const value = (e: MatExpr) => expandMatrix(e, bind).map((row) => row.map((x) => compile(x, vars)(point)));
    let checked = 0;
    for (const d of [...mf.definitions, ...mf.gradients]) {
      for (const s of d.steps) {
        // ∂f/∂z lines are Jacobians (rows), δ lines gradients (columns): compare as gradients.
        if (pending(s.expr)) continue;
        const isJacobian = s.lhs.kind === 'jacobian';
        const got = value(isJacobian ? transpose(s.expr) : s.expr);
        const want = value(d.expr);
        got.forEach((row, i) => row.forEach((v, j) => expect(relativeError(v, want[i][j])).toBeLessThan(1e-12)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('printers', () => {
  const m = form({ layers: [2, 2, 1], activation: 'relu', loss: 'mse' });

  it('text', () => {
    expect(matrixFormText(m)).toBe(
      [
        'Forward pass',
        '  z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾',
        '  h⁽¹⁾ = relu(z⁽¹⁾)',
        '  z⁽²⁾ = W⁽²⁾h⁽¹⁾ + b⁽²⁾',
        '  ŷ = z⁽²⁾',
        '  f = ½(ŷ − y)²',
        'Backward pass',
        '  δ⁽²⁾ = ŷ − y',
        '  δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ relu′(z⁽¹⁾)',
        'Gradients',
        '  ∇_{W⁽¹⁾} f = δ⁽¹⁾xᵀ',
        '  ∇_{W⁽²⁾} f = δ⁽²⁾h⁽¹⁾ᵀ',
        '  ∇_{b⁽¹⁾} f = δ⁽¹⁾',
        '  ∇_{b⁽²⁾} f = δ⁽²⁾',
      ].join('\n'),
    );
    const withSteps = matrixFormText(m, { steps: true });
    expect(withSteps).toContain('      1. ∂f/∂z⁽¹⁾ = (∂f/∂z⁽²⁾)(∂z⁽²⁾/∂h⁽¹⁾)(∂h⁽¹⁾/∂z⁽¹⁾)\n         chain-rule: Chain rule for Jacobians');
  });

  it('LaTeX in the lecture notation', () => {
    const lines = matrixFormLatex(m).split('\n');
    expect(lines[0]).toBe('\\begin{aligned}');
    expect(lines).toContain('\\boldsymbol{\\delta}^{(1)} &= \\left(\\mathbf{W}^{(2)\\top} \\boldsymbol{\\delta}^{(2)}\\right) \\odot \\operatorname{ReLU}\'(\\mathbf{z}^{(1)}) \\\\');
    expect(lines).toContain('\\nabla_{\\mathbf{W}^{(1)}} f &= \\boldsymbol{\\delta}^{(1)} \\mathbf{x}^{\\top} \\\\');
    // A line with a fraction gets more room below it.
    expect(lines).toContain('f &= \\frac{1}{2} \\left(\\hat{\\mathbf{y}} - \\mathbf{y}\\right)^{2} \\\\[0.3em]');
  });

  it('JSON of plain strings and numbers, the same every time', () => {
    const json = matrixFormJson(m);
    const text = JSON.stringify(json);
    expect(JSON.parse(text)).toEqual(json);
    expect(JSON.stringify(matrixFormJson(form({ layers: [2, 2, 1], activation: 'relu', loss: 'mse' })))).toBe(text);
    expect(json.gradients[0]).toMatchObject({
      wrt: 'W⁽¹⁾',
      lhs: '∇_{W⁽¹⁾} f',
      derivative: 'δ⁽¹⁾xᵀ',
      latex: '\\boldsymbol{\\delta}^{(1)} \\mathbf{x}^{\\top}',
      shape: [2, 2],
      parameters: [
        ['w1', 'w2'],
        ['w3', 'w4'],
      ],
    });
    expect(json.gradients[1].parameters).toEqual([['w5', 'w6']]);
    expect(json.gradients[3].parameters).toEqual([['b3']]);
    expect(json.definitions.map((d) => d.role)).toEqual(['forward', 'forward', 'forward', 'output', 'loss', 'delta', 'delta']);
  });

  it('every LaTeX string renders with KaTeX', () => {
    const all = NETS.map(([, spec]) => form(spec));
    const render = (s: string) => katex.renderToString(s, { throwOnError: true, displayMode: true });
    for (const f of all) {
      render(matrixFormLatex(f));
      for (const d of [...f.definitions, ...f.gradients]) {
        render(matrixStepsLatex(d.steps));
        for (const s of d.steps) {
          render(s.latex);
          for (const piece of s.becauseLatex.split('$').filter((_, i) => i % 2 === 1)) render(piece);
        }
      }
      for (const g of f.gradients) render(matrixToLatex(g.lhs));
    }
  });
});
