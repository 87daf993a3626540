/**
 * Local Jacobians of matrix expressions with respect to a vector symbol, by rules: the sum rule,
 * ∂(Au)/∂x = A ∂u/∂x for A free of x, ∂σ(u)/∂x = diag(σ′(u)) ∂u/∂x for an element-wise σ,
 * ∂‖u‖²/∂x = 2uᵀ ∂u/∂x, and the scalar core for a 1×1 expression. Other symbols are constants
 * here: the chain rule through definitions (z⁽²⁾ = W⁽²⁾h⁽¹⁾ + b⁽²⁾) is the caller's job.
 */
import type { MatExpr, MatSymbol } from './types.js';
import { assertNever } from '../expr/types.js';
import { differentiate } from '../calculus/differentiate.js';
import { functionLabel } from '../calculus/labels.js';
import { diag, elementwise, hadamard, identity, jacobian, neg, product, scale, sum, transpose, zero } from './build.js';
import { rat } from '../rational.js';
import { mentions, sameSymbol } from './traverse.js';
import { scalarName } from './names.js';
import { fromScalar } from './scalar-bridge.js';
import { normalize, TIDY_RULES, type RewriteContext } from './rewrite.js';
import type { MatProse, MatRuleId } from './steps.js';
import { proseMath as pm } from '../calculus/prose.js';
import { functionNameLatex } from '../print/latex.js';

const MATRIX_A = pm('A', '\\mathbf{A}');

export interface JacobianResult {
  /** ∂e/∂x, tidied (no identity factors, zero terms or ½·2). */
  readonly value: MatExpr;
  /** The outermost rule used. */
  readonly rule: MatRuleId;
  /** The reasons, outermost first. */
  readonly because: MatProse;
}

interface Note {
  readonly rule: MatRuleId;
  readonly because: MatProse;
}

/** ∂e/∂x for a column vector (or 1×1) e and a column vector symbol x. */
export function localJacobian(e: MatExpr, x: MatSymbol, ctx: RewriteContext = { definitions: [] }): JacobianResult {
  if (x.cols !== 1) throw new Error(`localJacobian: ${x.name} is not a column vector`);
  if (e.cols !== 1) throw new Error(`localJacobian: the expression is ${e.rows}×${e.cols}, not a column vector`);
  const notes: Note[] = [];
  const raw = jac(e, x, notes, false);
  const value = normalize(raw, TIDY_RULES, ctx);
  const because: MatProse[number][] = [];
  notes.forEach((n, i) => {
    if (i > 0) because.push(' ');
    because.push(...n.because);
  });
  const main = RULE_PRIORITY.find((r) => notes.some((n) => n.rule === r)) ?? 'jacobian-constant';
  return { value, rule: main, because };
}

/** Which note names the step: the most specific rule that was used. */
const RULE_PRIORITY: readonly MatRuleId[] = [
  'jacobian-linear',
  'jacobian-elementwise',
  'jacobian-squared-norm',
  'jacobian-scalar',
  'jacobian-hadamard',
  'jacobian-identity',
  'jacobian-sum',
  'jacobian-constant',
];

/** `quiet`: inside a product, σ(·) or ‖·‖², where ∂u/∂u = I goes without saying. */
function jac(e: MatExpr, x: MatSymbol, notes: Note[], quiet: boolean): MatExpr {
  const J = (sub: MatExpr): MatExpr => jac(sub, x, notes, quiet);
  const Jq = (sub: MatExpr): MatExpr => jac(sub, x, notes, true);
  if (!mentions(e, x)) {
    notes.push({ rule: 'jacobian-constant', because: [e, ' does not depend on ', x, ', so its Jacobian is 0.'] });
    return zero(e.rows, x.rows);
  }
  switch (e.kind) {
    case 'symbol':
      // mentions(e, x) and e is a symbol: e is x.
      if (!quiet) notes.push({ rule: 'jacobian-identity', because: [jacobian(x, x), ' = ', pm('I', '\\mathbf{I}'), '.'] });
      return identity(x.rows);
    case 'sum': {
      const dependent = e.terms.filter((t) => mentions(t, x));
      // A subtracted constant is named without its sign: "y does not depend on ŷ".
      const constant = e.terms.filter((t) => !mentions(t, x)).map((t) => (t.kind === 'neg' ? t.arg : t));
      const because: MatProse[number][] =
        dependent.length > 1 ? ['Sum rule: the Jacobian of a sum is the sum of the Jacobians.'] : [];
      if (constant.length > 0) {
        if (because.length) because.push(' ');
        constant.forEach((c, i) => because.push(i === 0 ? '' : ' and ', c));
        because.push(constant.length === 1 ? ' does not depend on ' : ' do not depend on ', x, '.');
      }
      notes.push({ rule: 'jacobian-sum', because });
      return sum(...dependent.map(J));
    }
    case 'neg':
      return neg(J(e.arg));
    case 'scale':
      return scale(e.coef, J(e.arg));
    case 'group':
      return J(e.arg);
    case 'product': {
      const last = e.factors[e.factors.length - 1];
      const front = e.factors.slice(0, -1);
      if (front.some((f) => mentions(f, x))) {
        throw new Error(`localJacobian: only the last factor of a product may depend on ${x.name}`);
      }
      const A = product(...front);
      notes.push({
        rule: 'jacobian-linear',
        because:
          last.kind === 'symbol' && sameSymbol(last, x)
            ? [pm('∂(Au)/∂u = A', '\\partial (\\mathbf{A}\\mathbf{u})/\\partial \\mathbf{u} = \\mathbf{A}'), ' for a matrix ', MATRIX_A, ' that does not depend on ', pm('u', '\\mathbf{u}'), ' (here ', pm('A = ', '\\mathbf{A} ='), A, ').']
            : [pm('∂(Au)/∂', '\\partial (\\mathbf{A}\\mathbf{u})/\\partial'), x, pm(' = A ∂u/∂', '= \\mathbf{A}\\, \\partial \\mathbf{u}/\\partial'), x, ' for a matrix ', MATRIX_A, ' that does not depend on ', x, ' (here ', pm('A = ', '\\mathbf{A} ='), A, ').'],
      });
      return product(A, Jq(last));
    }
    case 'elementwise': {
      if (e.fn === 'identity' && e.order === 0) return J(e.arg);
      const d = elementwise(e.fn, e.order + 1, e.arg);
      const name = functionLabel(e.fn);
      notes.push({
        rule: 'jacobian-elementwise',
        because: [
          pm(name, functionNameLatex(e.fn)), ' acts entry by entry: entry ', pm('i'), ' of ', e, ' depends only on entry ', pm('i'),
          ' of ', e.arg, ', so the Jacobian is diagonal, ', pm('diag(', '\\operatorname{diag}('), d, pm(')'), '.',
        ],
      });
      return product(diag(d), Jq(e.arg));
    }
    case 'hadamard': {
      notes.push({ rule: 'jacobian-hadamard', because: ['Product rule for ', pm('⊙', '\\odot'), ': ', pm('∂(u ⊙ v) = diag(v) ∂u + diag(u) ∂v', '\\partial (\\mathbf{u} \\odot \\mathbf{v}) = \\operatorname{diag}(\\mathbf{v})\\, \\partial \\mathbf{u} + \\operatorname{diag}(\\mathbf{u})\\, \\partial \\mathbf{v}'), '.'] });
      const terms = e.factors.map((f, i) => {
        if (!mentions(f, x)) return undefined;
        const others = e.factors.filter((_, k) => k !== i);
        return product(diag(hadamard(...others)), Jq(f));
      });
      return sum(...terms.filter((t): t is MatExpr => t !== undefined));
    }
    case 'norm2': {
      const u = e.arg;
      notes.push({
        rule: 'jacobian-squared-norm',
        because:
          u.rows === 1
            ? ['Power rule: ', pm('∂(u²)/∂', '\\partial (u^{2})/\\partial'), x, pm(' = 2u ∂u/∂', '= 2u\\, \\partial u/\\partial'), x, ', with ', pm('u = ', 'u ='), u, '.']
            : [
                pm('∂‖u‖²/∂', '\\partial \\lVert \\mathbf{u} \\rVert^{2}/\\partial'), x,
                pm(' = ∂(uᵀu)/∂', '= \\partial (\\mathbf{u}^{\\top}\\mathbf{u})/\\partial'), x,
                pm(' = 2uᵀ ∂u/∂', '= 2\\mathbf{u}^{\\top}\\, \\partial \\mathbf{u}/\\partial'), x,
                ', with ', pm('u = ', '\\mathbf{u} ='), u, '.',
              ],
      });
      return scale(rat(2), product(transpose(u), Jq(u)));
    }
    case 'scalar': {
      const terms: MatExpr[] = [];
      for (const v of e.vars) {
        if (!mentions(v, x)) continue;
        const d = differentiate(e.expr, scalarName(v));
        const dm = fromScalar(d, e.vars);
        notes.push({ rule: 'jacobian-scalar', because: ['Differentiate the scalar ', e, ' with respect to ', v, ': ', dm, '.'] });
        terms.push(sameSymbol(v, x) ? dm : product(dm, Jq(v)));
      }
      return sum(...terms);
    }
    case 'transpose':
      if (e.rows === 1 && e.cols === 1) return J(e.arg);
      throw new Error('localJacobian: a transposed vector has no Jacobian here');
    case 'zero':
    case 'identity':
    case 'diag':
    case 'jacobian':
    case 'gradient':
    case 'apply':
      throw new Error(`localJacobian: no rule for ${e.kind}`);
    default:
      return assertNever(e);
  }
}
