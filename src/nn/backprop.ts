/**
 * Matrix-form backpropagation, derived the way the lecture derives it. The forward pass is a list
 * of definitions in the lecture's notation,
 *   z⁽ˡ⁾ = W⁽ˡ⁾h⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  h⁽ˡ⁾ = σ(z⁽ˡ⁾),  h⁽⁰⁾ = x,  ŷ = z⁽ᴸ⁾ (or σ_out(z⁽ᴸ⁾)),  f = ½‖ŷ − y‖²,
 * and each δ⁽ˡ⁾ = ∇_{z⁽ˡ⁾} f is worked out from them with the Jacobian chain rule
 *   ∂f/∂z⁽ˡ⁾ = (∂f/∂z⁽ˡ⁺¹⁾)(∂z⁽ˡ⁺¹⁾/∂h⁽ˡ⁾)(∂h⁽ˡ⁾/∂z⁽ˡ⁾),
 * whose factors come from the local Jacobian rules (∂z⁽ˡ⁺¹⁾/∂h⁽ˡ⁾ = W⁽ˡ⁺¹⁾, ∂h/∂z = diag(σ′(z))),
 * then transposed (the gradient of a real-valued f is the transpose of its Jacobian) and tidied by
 * the rewrite rules ((ABC)ᵀ = CᵀBᵀAᵀ, diag(v)u = u ⊙ v). Nothing here knows the final formulas;
 * every line is a recorded rule application.
 */
import type { MatExpr, MatSymbol } from '../linalg/types.js';
import type { Network } from './network.js';
import { lossExpression } from './network.js';
import { sym } from '../expr/build.js';
import { InputError } from '../errors.js';
import { rat } from '../rational.js';
import {
  difference,
  elementwise,
  gradient,
  jacobian,
  matSymbol,
  outer,
  product,
  scalar,
  scale,
  squaredNorm,
  sum,
  transpose,
  vectorSymbol,
} from '../linalg/build.js';
import { mentions, replaceNode, sameSymbol } from '../linalg/traverse.js';
import { entryMath, scalarName, symbolKey } from '../linalg/names.js';
import { localJacobian } from '../linalg/jacobian.js';
import { GRADIENT_RULES, normalize, TIDY_RULES, TRANSPOSE_RULES, type Applied, type RewriteContext } from '../linalg/rewrite.js';
import { matrixToText } from '../linalg/print-text.js';
import { matrixToLatex } from '../linalg/print-latex.js';
import { makeStep, type MatProse, type MatRuleId, type MatStep, type ProseMath } from '../linalg/steps.js';
import { proseMath } from '../calculus/prose.js';

const JACOBIAN_CHAIN_RULE = proseMath('∂(f∘g)/∂x = (∂f/∂g)(∂g/∂x)', '\\partial (f \\circ g)/\\partial \\mathbf{x} = (\\partial f/\\partial g)(\\partial g/\\partial \\mathbf{x})');

export type DefinitionRole = 'forward' | 'output' | 'loss' | 'delta';

export interface MatrixDefinition {
  readonly name: MatSymbol;
  readonly expr: MatExpr;
  /** forward: z⁽ˡ⁾, h⁽ˡ⁾; output: ŷ; loss: f; delta: δ⁽ˡ⁾ = ∇_{z⁽ˡ⁾} f (derived, with steps). */
  readonly role: DefinitionRole;
  readonly steps: readonly MatStep[];
}

export interface MatrixGradient {
  /** W⁽ˡ⁾ or b⁽ˡ⁾. */
  readonly wrt: MatSymbol;
  readonly kind: 'weight' | 'bias';
  readonly layer: number;
  /** ∇_{W⁽ˡ⁾} f, the left-hand side. */
  readonly lhs: MatExpr;
  /** The closed form, in δ's and h's: δ⁽ˡ⁾h⁽ˡ⁻¹⁾ᵀ, δ⁽ˡ⁾. */
  readonly expr: MatExpr;
  /** The scalar parameters entry by entry (the network's names), in the shape of `wrt`. */
  readonly parameters: readonly (readonly string[])[];
  readonly steps: readonly MatStep[];
}

export interface MatrixForm {
  /** f (mse, bce), or ŷ itself for loss none. */
  readonly objective: MatSymbol;
  /** Forward pass, cost, then δ⁽ᴸ⁾ … δ⁽¹⁾: each uses only names defined before it. */
  readonly definitions: readonly MatrixDefinition[];
  /** ∇_{W⁽¹⁾} … ∇_{W⁽ᴸ⁾}, then ∇_{b⁽¹⁾} … ∇_{b⁽ᴸ⁾} (the network's parameter order). */
  readonly gradients: readonly MatrixGradient[];
}

/** The matrix form of every gradient of a network's cost (or of ŷ for loss none). */
export function matrixFormGradients(net: Network): MatrixForm {
  const { layers, activation, outputActivation, bias, loss } = net.spec;
  const L = layers.length - 1;
  if (loss === 'none' && layers[L] !== 1) {
    throw new InputError(
      `--form matrix with --loss none needs one output, got ${layers[L]}: a gradient is of a scalar (use --loss mse)`,
    );
  }

  const x = vectorSymbol('x', layers[0]);
  const W = (l: number): MatSymbol => matSymbol('W', layers[l], layers[l - 1], l);
  const b = (l: number): MatSymbol => vectorSymbol('b', layers[l], l);
  const z = (l: number): MatSymbol => vectorSymbol('z', layers[l], l);
  const h = (l: number): MatSymbol => (l === 0 ? x : vectorSymbol('h', layers[l], l));
  const yhat = vectorSymbol('yhat', layers[L]);
  const y = vectorSymbol('y', layers[L]);
  const activate = (act: string, arg: MatSymbol): MatExpr => (act === 'none' || act === 'identity' ? arg : elementwise(act, 0, arg));

  // ---- forward pass ----
  const forward: MatrixDefinition[] = [];
  const define = (name: MatSymbol, expr: MatExpr, role: DefinitionRole): void => {
    forward.push({ name, expr, role, steps: [] });
  };
  for (let l = 1; l <= L; l++) {
    const affine = product(W(l), h(l - 1));
    define(z(l), bias ? sum(affine, b(l)) : affine, 'forward');
    if (l < L) define(h(l), activate(activation[l - 1], z(l)), 'forward');
  }
  define(yhat, activate(outputActivation, z(L)), 'output');
  let objective: MatSymbol = yhat;
  if (loss !== 'none') {
    objective = vectorSymbol('f', 1);
    define(objective, loss === 'mse' ? scale(rat(1, 2), squaredNorm(difference(yhat, y))) : bceCost(yhat, y), 'loss');
  }

  const d = new Derivation(forward, objective);
  const deltas: MatrixDefinition[] = [];
  for (let l = L; l >= 1; l--) {
    const delta = vectorSymbol('delta', layers[l], l);
    const steps: MatStep[] = [];
    const J = d.chainJacobian(z(l), steps);
    const value = d.gradientFromJacobian(delta, J, z(l), steps);
    deltas.push({ name: delta, expr: value, role: 'delta', steps });
    d.known.set(symbolKey(z(l)), delta);
  }

  const gradients: MatrixGradient[] = [];
  for (let l = 1; l <= L; l++) {
    const steps: MatStep[] = [];
    const expr = d.weightGradient(W(l), steps);
    gradients.push({ wrt: W(l), kind: 'weight', layer: l, lhs: gradient(objective, W(l)), expr, parameters: net.weights[l - 1], steps });
  }
  if (bias) {
    for (let l = 1; l <= L; l++) {
      const steps: MatStep[] = [];
      const lhs = gradient(objective, b(l));
      const J = d.chainJacobian(b(l), steps);
      const expr = d.gradientFromJacobian(lhs, J, b(l), steps);
      gradients.push({ wrt: b(l), kind: 'bias', layer: l, lhs, expr, parameters: net.biases[l - 1].map((n) => [n]), steps });
    }
  }
  return { objective, definitions: [...forward, ...deltas], gradients };
}

/** Binary cross-entropy: one sigmoid output (network() checks), so a scalar Expr of ŷ and y. */
function bceCost(yhat: MatSymbol, y: MatSymbol): MatExpr {
  const e = lossExpression('bce', [sym(scalarName(yhat))], [scalarName(y)]);
  if (!e) throw new Error('backprop: no expression for the bce cost');
  return scalar(e, [yhat, y]);
}

/** The chain-rule machinery over one list of forward definitions. */
class Derivation {
  /** z⁽ˡ⁾ (by symbolKey) → δ⁽ˡ⁾, for the layers already worked out. */
  readonly known = new Map<string, MatSymbol>();
  private readonly ctx: RewriteContext;

  constructor(
    private readonly forward: readonly MatrixDefinition[],
    private readonly objective: MatSymbol,
  ) {
    this.ctx = { definitions: forward };
  }

  private definitionOf(s: MatSymbol): MatrixDefinition {
    const def = this.forward.find((f) => sameSymbol(f.name, s));
    if (!def) throw new Error(`backprop: ${s.name} has no definition`);
    return def;
  }

  /** The one definition that uses `s` (a feed-forward net has exactly one). */
  private consumerOf(s: MatSymbol): MatrixDefinition {
    const users = this.forward.filter((f) => mentions(f.expr, s));
    if (users.length !== 1) throw new Error(`backprop: ${s.name} is used by ${users.length} definitions, expected 1`);
    return users[0];
  }

  private isKnown(s: MatSymbol): boolean {
    return this.known.has(symbolKey(s));
  }

  /**
   * ∂f/∂t by the chain rule along the definitions from t up to f or to a z⁽ˡ⁾ whose δ is known,
   * each factor then worked out and the product tidied. Records every step.
   */
  chainJacobian(t: MatSymbol, steps: MatStep[]): MatExpr {
    const f = this.objective;
    const lhs = jacobian(f, t);
    const record = (rule: MatRuleId, because: MatProse, expr: MatExpr): void => {
      steps.push(makeStep(rule, because, lhs, expr));
    };

    const path: MatSymbol[] = [t];
    for (let cur = t; !this.isKnown(cur) && !sameSymbol(cur, f); ) {
      cur = this.consumerOf(cur).name;
      path.push(cur);
    }
    const end = path[path.length - 1];
    const factors: MatExpr[] = [];
    if (!sameSymbol(end, f)) factors.push(jacobian(f, end));
    for (let k = path.length - 1; k >= 1; k--) factors.push(jacobian(path[k], path[k - 1]));

    let current = product(...factors);
    if (factors.length > 1) {
      const via = path.slice(1).filter((p) => !sameSymbol(p, f));
      const through: MatProse = via.flatMap((p, i) => (i === 0 ? [p] : [', then ', p]));
      record(
        'chain-rule',
        ['Chain rule for Jacobians, in this order: ', JACOBIAN_CHAIN_RULE, '. ', f, ' depends on ', t, ' only through ', ...through, '.'],
        current,
      );
    }
    for (const factor of factors) {
      if (factor.kind !== 'jacobian' || factor.of.kind !== 'symbol' || factor.wrt.kind !== 'symbol') continue;
      const of = factor.of;
      const wrt = factor.wrt;
      const delta = this.known.get(symbolKey(wrt));
      if (sameSymbol(of, f) && delta) {
        const value = transpose(delta);
        current = replaceNode(current, factor, value);
        record(
          'jacobian-of-gradient',
          [delta, ' = ', gradient(f, wrt), ', and the Jacobian of a real-valued function is the transpose of its gradient: ', factor, ' = ', value, '.'],
          current,
        );
        continue;
      }
      const def = this.definitionOf(of);
      const r = localJacobian(def.expr, wrt, this.ctx);
      current = replaceNode(current, factor, r.value);
      record(r.rule, ['From ', def.name, ' = ', def.expr, ': ', ...r.because, ' So ', factor, ' = ', r.value, '.'], current);
    }
    return normalize(current, TIDY_RULES, this.ctx, (a) => record(a.rule, a.because, a.value));
  }

  /** ∇_t f = (∂f/∂t)ᵀ, with transposes pushed inward and diag(v)u written u ⊙ v. */
  gradientFromJacobian(lhs: MatExpr, J: MatExpr, t: MatSymbol, steps: MatStep[]): MatExpr {
    const f = this.objective;
    const start = transpose(J);
    const named: MatProse = lhs.kind === 'gradient' ? [lhs] : [lhs, ' = ', gradient(f, t)];
    steps.push(
      makeStep(
        'gradient-of-jacobian',
        [...named, ' is the transpose of the Jacobian ', jacobian(f, t), ' (for a real-valued function the Jacobian is the transpose of the gradient).'],
        lhs,
        start,
      ),
    );
    const onStep = (a: Applied): void => {
      steps.push(makeStep(a.rule, a.because, lhs, a.value));
    };
    // Transposes first, then diag(v)u = u ⊙ v: the order a person works in.
    return normalize(normalize(start, TRANSPOSE_RULES, this.ctx, onStep), GRADIENT_RULES, this.ctx, onStep);
  }

  /**
   * ∇_{W⁽ˡ⁾} f from z⁽ˡ⁾ = W⁽ˡ⁾h⁽ˡ⁻¹⁾ + b⁽ˡ⁾: entry i of z⁽ˡ⁾ is Σⱼ W⁽ˡ⁾ᵢⱼh⁽ˡ⁻¹⁾ⱼ + b⁽ˡ⁾ᵢ, so
   * ∂f/∂W⁽ˡ⁾ᵢⱼ = δ⁽ˡ⁾ᵢ h⁽ˡ⁻¹⁾ⱼ, the outer product δ⁽ˡ⁾h⁽ˡ⁻¹⁾ᵀ. Found by matching the term W·v in
   * the definition that uses W, not assumed.
   */
  weightGradient(Wl: MatSymbol, steps: MatStep[]): MatExpr {
    const f = this.objective;
    const def = this.consumerOf(Wl);
    const delta = this.known.get(symbolKey(def.name));
    if (!delta) throw new Error(`backprop: δ for ${def.name.name} is not known yet`);
    const terms = def.expr.kind === 'sum' ? def.expr.terms : [def.expr];
    const users = terms.filter((t) => mentions(t, Wl));
    const term = users[0];
    const [first, ...rest] = term?.kind === 'product' ? term.factors : [];
    if (users.length !== 1 || first?.kind !== 'symbol' || !sameSymbol(first, Wl) || rest.some((g) => mentions(g, Wl))) {
      throw new Error(`backprop: ${Wl.name} does not enter ${def.name.name} as W·v`);
    }
    const v = product(...rest);
    const value = outer(delta, v);
    const lhs = gradient(f, Wl);
    const zi = entryMath(def.name, 'i');
    const wij = entryMath(Wl, 'ij');
    const di = entryMath(delta, 'i');
    // v is h⁽ˡ⁻¹⁾ or x in a network; any other column vector is named v in the sentence.
    const vj = v.kind === 'symbol' ? entryMath(v, 'j') : { text: 'vⱼ', latex: 'v_{j}' };
    const more = terms.length > 1 ? { text: ' + …', latex: ' + \\dots' } : { text: '', latex: '' };
    const entry: ProseMath = { text: `${zi.text} = Σⱼ ${wij.text}${vj.text}${more.text}`, latex: `${zi.latex} = \\sum_{j} ${wij.latex} ${vj.latex}${more.latex}` };
    const fText = matrixToText(f);
    const fLatex = matrixToLatex(f);
    const chain: ProseMath = {
      text: `∂${fText}/∂${wij.text} = (∂${fText}/∂${zi.text})${vj.text} = ${di.text}${vj.text}`,
      latex: `\\frac{\\partial ${fLatex}}{\\partial ${wij.latex}} = \\frac{\\partial ${fLatex}}{\\partial ${zi.latex}} ${vj.latex} = ${di.latex} ${vj.latex}`,
    };
    steps.push(
      makeStep(
        'outer-product',
        [
          Wl, ' enters ', f, ' only through ', def.name, ' = ', def.expr, ', entry by entry ', entry, ', with ', delta, ' = ',
          gradient(f, def.name), '. So ', chain, ': entry ', proseMath('(i, j)'), ' of the outer product ', value, '.',
        ],
        lhs,
        value,
      ),
    );
    return normalize(value, TIDY_RULES, this.ctx, (a) => steps.push(makeStep(a.rule, a.because, lhs, a.value)));
  }
}
