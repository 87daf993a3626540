/**
 * Algebra on matrix expressions as rules with ids and reasons: transposes of products, diagonal
 * matrices as Hadamard products, identities and zeros, and the 1×1 case handed to the scalar
 * core. `normalize` applies one rule at a time, leftmost-outermost, and reports each application,
 * so a derivation can show every line.
 */
import type { Expr } from '../expr/types.js';
import type { MatExpr, MatSymbol } from './types.js';
import { add, isDenominatorFactor, mul } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import { children, replaceSubtrees } from '../expr/traverse.js';
import { simplify } from '../simplify/simplify.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import { isNegativeTerm } from '../print/parts.js';
import { isOne, ONE } from '../rational.js';
import { hadamard, identity, neg, product, scalar, scalarOne, scale, sum, transpose, zero } from './build.js';
import { fromScalar, toScalar } from './scalar-bridge.js';
import { matChildren, matWithChildren, sameSymbol } from './traverse.js';
import { coefficientText } from './print-text.js';
import { coefficientLatex } from './print-latex.js';
import type { MatProse, MatRuleId } from './steps.js';
import { proseMath as pm } from '../calculus/prose.js';

/** The general forms in the reasons below are math, typeset in the key like any other formula. */
const ONE_BY_ONE = pm('1×1', '1 \\times 1');

export interface RewriteContext {
  /** Definitions name = expr; 1×1 ones let σ(z⁽ᴸ⁾) be written back as ŷ. */
  readonly definitions: readonly { readonly name: MatSymbol; readonly expr: MatExpr }[];
}

export interface Rewrite {
  readonly value: MatExpr;
  readonly because: MatProse;
}

export interface RewriteRule {
  readonly id: MatRuleId;
  readonly apply: (e: MatExpr, ctx: RewriteContext) => Rewrite | undefined;
}

export interface Applied {
  readonly rule: MatRuleId;
  readonly because: MatProse;
  /** The whole expression after the rewrite. */
  readonly value: MatExpr;
}

const isZeroMatrix = (e: MatExpr): boolean => e.kind === 'zero' || (e.kind === 'scalar' && e.expr.kind === 'num' && e.expr.value.n === 0n);
const isOneLike = (e: MatExpr): boolean => e.kind === 'identity' || (e.kind === 'scalar' && e.expr.kind === 'num' && isOne(e.expr.value));

// ---- rules --------------------------------------------------------------------------------

const zeroRule: RewriteRule = {
  id: 'zero',
  apply: (e) => {
    if (e.kind === 'sum' && e.terms.some(isZeroMatrix)) {
      const rest = e.terms.filter((t) => !isZeroMatrix(t));
      return { value: rest.length ? sum(...rest) : zero(e.rows, e.cols), because: ['Drop the terms that are 0.'] };
    }
    if ((e.kind === 'product' || e.kind === 'hadamard') && e.factors.some(isZeroMatrix)) {
      return { value: zero(e.rows, e.cols), because: ['A product with a factor 0 is 0.'] };
    }
    if ((e.kind === 'neg' || e.kind === 'scale' || e.kind === 'transpose' || e.kind === 'group') && isZeroMatrix(e.arg)) {
      return { value: zero(e.rows, e.cols), because: ['It is 0.'] };
    }
    return undefined;
  },
};

const identityFactorRule: RewriteRule = {
  id: 'identity-factor',
  apply: (e) => {
    if (e.kind !== 'product' || !e.factors.some(isOneLike)) return undefined;
    const kept = e.factors.filter((f) => !isOneLike(f));
    const value = kept.length > 0 ? product(...kept) : e.rows === 1 ? scalarOne() : identity(e.rows);
    const matrix = e.factors.some((f) => f.kind === 'identity');
    return { value, because: matrix ? ['Multiplying by the identity changes nothing: ', pm('AI = IA = A', '\\mathbf{A}\\mathbf{I} = \\mathbf{I}\\mathbf{A} = \\mathbf{A}'), '.'] : ['Multiplying by 1 changes nothing.'] };
  },
};

const scaleRule: RewriteRule = {
  id: 'scale',
  apply: (e) => {
    if (e.kind === 'scale' && isOne(e.coef)) return { value: e.arg, because: [pm('1·A = A', '1 \\cdot \\mathbf{A} = \\mathbf{A}'), '.'] };
    if (e.kind === 'scale' && e.coef.equals(-1)) return { value: neg(e.arg), because: [pm('(−1)·A = −A', '(-1) \\cdot \\mathbf{A} = -\\mathbf{A}'), '.'] };
    if (e.kind === 'scale' && e.arg.kind === 'scale') {
      const c = e.coef.mul(e.arg.coef);
      return {
        value: scale(c, e.arg.arg),
        because: [
          'Multiply the numbers: ',
          pm(
            `${coefficientText(e.coef)}·${coefficientText(e.arg.coef)} = ${coefficientText(c)}`,
            `${coefficientLatex(e.coef)} \\cdot ${coefficientLatex(e.arg.coef)} = ${coefficientLatex(c)}`,
          ),
          '.',
        ],
      };
    }
    if (e.kind === 'neg' && e.arg.kind === 'neg') return { value: e.arg.arg, because: [pm('−(−A) = A', '-(-\\mathbf{A}) = \\mathbf{A}'), '.'] };
    if (e.kind === 'product' && e.factors.some((f) => f.kind === 'scale')) {
      let c = ONE;
      const fs = e.factors.map((f) => {
        if (f.kind !== 'scale') return f;
        c = c.mul(f.coef);
        return f.arg;
      });
      return { value: scale(c, product(...fs)), because: ['Numbers commute with matrices: ', pm('A(cB) = c(AB)', '\\mathbf{A}(c\\mathbf{B}) = c(\\mathbf{A}\\mathbf{B})'), '.'] };
    }
    return undefined;
  },
};

const transposeTranspose: RewriteRule = {
  id: 'transpose-transpose',
  apply: (e) => (e.kind === 'transpose' && e.arg.kind === 'transpose' ? { value: e.arg.arg, because: [pm('(Aᵀ)ᵀ = A', '(\\mathbf{A}^{\\top})^{\\top} = \\mathbf{A}'), '.'] } : undefined),
};

const transposeProduct: RewriteRule = {
  id: 'transpose-product',
  apply: (e) => {
    if (e.kind !== 'transpose' || e.arg.kind !== 'product') return undefined;
    const reversed = [...e.arg.factors].reverse().map(transpose);
    return {
      value: product(...reversed),
      because: [
        'The transpose of a product is the product of the transposes in reverse order: ',
        pm('(AB⋯C)ᵀ = Cᵀ⋯BᵀAᵀ', '(\\mathbf{A}\\mathbf{B}\\cdots\\mathbf{C})^{\\top} = \\mathbf{C}^{\\top}\\cdots\\mathbf{B}^{\\top}\\mathbf{A}^{\\top}'),
        '.',
      ],
    };
  },
};

const transposeDiagonal: RewriteRule = {
  id: 'transpose-diagonal',
  apply: (e) =>
    e.kind === 'transpose' && e.arg.kind === 'diag'
      ? { value: e.arg, because: ['A diagonal matrix is symmetric: ', pm('diag(v)ᵀ = diag(v)', '\\operatorname{diag}(\\mathbf{v})^{\\top} = \\operatorname{diag}(\\mathbf{v})'), '.'] }
      : undefined,
};

const transposeIdentity: RewriteRule = {
  id: 'transpose-identity',
  apply: (e) => (e.kind === 'transpose' && e.arg.kind === 'identity' ? { value: e.arg, because: [pm('Iᵀ = I', '\\mathbf{I}^{\\top} = \\mathbf{I}'), '.'] } : undefined),
};

const transposeNegation: RewriteRule = {
  id: 'transpose-negation',
  apply: (e) => {
    if (e.kind !== 'transpose') return undefined;
    if (e.arg.kind === 'neg') return { value: neg(transpose(e.arg.arg)), because: [pm('(−A)ᵀ = −Aᵀ', '(-\\mathbf{A})^{\\top} = -\\mathbf{A}^{\\top}'), '.'] };
    if (e.arg.kind === 'scale') return { value: scale(e.arg.coef, transpose(e.arg.arg)), because: [pm('(cA)ᵀ = cAᵀ', '(c\\mathbf{A})^{\\top} = c\\mathbf{A}^{\\top}'), '.'] };
    return undefined;
  },
};

/** Runs after the rules above, so a 1×1 product is still reversed factor by factor. */
const transposeScalar: RewriteRule = {
  id: 'transpose-scalar',
  apply: (e) =>
    e.kind === 'transpose' && e.rows === 1 && e.cols === 1 && e.arg.kind !== 'product'
      ? { value: e.arg, because: ['A ', ONE_BY_ONE, ' matrix is its own transpose.'] }
      : undefined,
};

const diagHadamard: RewriteRule = {
  id: 'diag-hadamard',
  apply: (e) => {
    // Only when the factors after diag(v) make a column vector u: diag(v)u = u ⊙ v.
    if (e.kind !== 'product' || e.cols !== 1) return undefined;
    const i = e.factors.findIndex((f, k) => f.kind === 'diag' && k < e.factors.length - 1);
    if (i < 0) return undefined;
    const d = e.factors[i];
    if (d.kind !== 'diag') return undefined;
    const u = product(...e.factors.slice(i + 1));
    return {
      value: product(...e.factors.slice(0, i), hadamard(u, d.arg)),
      because: ['Multiplying by a diagonal matrix scales each entry: ', pm('diag(v)u = u ⊙ v', '\\operatorname{diag}(\\mathbf{v})\\mathbf{u} = \\mathbf{u} \\odot \\mathbf{v}'), '.'],
    };
  },
};

const diagScalar: RewriteRule = {
  id: 'diag-scalar',
  apply: (e) => (e.kind === 'diag' && e.rows === 1 ? { value: e.arg, because: ['A ', ONE_BY_ONE, ' diagonal matrix is its entry: ', pm('diag(u) = u', '\\operatorname{diag}(u) = u'), '.'] } : undefined),
};

const identityScalar: RewriteRule = {
  id: 'identity-scalar',
  apply: (e) => (e.kind === 'identity' && e.rows === 1 ? { value: scalarOne(), because: ['The ', ONE_BY_ONE, ' identity is the number 1.'] } : undefined),
};

const scalarProduct: RewriteRule = {
  id: 'scalar-product',
  apply: (e) => {
    if ((e.kind !== 'product' && e.kind !== 'hadamard') || e.rows !== 1 || e.cols !== 1) return undefined;
    if (!e.factors.some((f) => f.kind === 'scalar') || !e.factors.every((f) => f.rows === 1 && f.cols === 1)) return undefined;
    const s = toScalar(e);
    if (!s) return undefined;
    return {
      value: fromScalar(simplify(s.expr), s.vars),
      because: ['Every factor is ', ONE_BY_ONE, ', so this is an ordinary product of numbers.'],
    };
  },
};

/** The leftmost-outermost subtree of a scalar Expr that satisfies `test`. */
function findScalar(e: Expr, test: (n: Expr) => boolean): Expr | undefined {
  if (test(e)) return e;
  for (const c of children(e)) {
    const hit = findScalar(c, test);
    if (hit) return hit;
  }
  return undefined;
}

const activationDerivative: RewriteRule = {
  id: 'activation-derivative',
  apply: (e) => {
    if (e.kind !== 'scalar') return undefined;
    // relu′ stays as it is (an operator of its own); sigmoid′ and tanh′ have closed forms.
    const d = findScalar(
      e.expr,
      (n) => n.kind === 'deriv' && n.orders.length === 1 && n.orders[0] === 1 && !!lookupOp(n.fn) && !lookupDerivativeOp(n.fn, n.orders),
    );
    if (!d || d.kind !== 'deriv') return undefined;
    const op = lookupOp(d.fn);
    if (!op) return undefined;
    const written = op.partial(0, d.args);
    return {
      value: fromScalar(replaceSubtrees(e.expr, [[d, written]]), e.vars),
      because: ['Write the derivative out: ', scalar(d, e.vars), ' = ', scalar(written, e.vars), '.'],
    };
  },
};

const foldDefinition: RewriteRule = {
  id: 'fold-definition',
  apply: (e, ctx) => {
    if (e.kind !== 'scalar') return undefined;
    for (const def of ctx.definitions) {
      if (def.name.rows !== 1 || def.name.cols !== 1) continue;
      const s = toScalar(def.expr);
      // A bare symbol (ŷ = z⁽ᴸ⁾) is a renaming; writing it back would undo nothing useful.
      if (!s || s.expr.kind === 'sym') continue;
      const nameSym = toScalar(def.name);
      if (!nameSym) continue;
      const replaced = replaceSubtrees(e.expr, [[s.expr, nameSym.expr]]);
      if (equal(replaced, e.expr)) continue;
      const vars = [...e.vars, ...s.vars, def.name].filter((v, i, all) => all.findIndex((w) => sameSymbol(v, w)) === i);
      return { value: fromScalar(replaced, vars), because: ['By definition ', def.name, ' = ', def.expr, '.'] };
    }
    return undefined;
  },
};

/**
 * (a/u − b/v)·u·v → a·v − b·u, multiplied out: the core simplifier cancels u/u inside one product
 * but does not bring a sum over a common denominator, so the sum is distributed first.
 */
const cancel: RewriteRule = {
  id: 'cancel',
  apply: (e) => {
    if (e.kind !== 'scalar' || e.expr.kind !== 'mul') return undefined;
    const factors = e.expr.factors;
    const hasDenominator = (t: Expr): boolean => isDenominatorFactor(t) || (t.kind === 'mul' && t.factors.some(isDenominatorFactor));
    const i = factors.findIndex((f) => f.kind === 'add' && f.terms.some(hasDenominator));
    const s = factors[i];
    if (i < 0 || s.kind !== 'add') return undefined;
    const others = factors.filter((_, k) => k !== i);
    const terms = s.terms.map((t) => simplify(mul(...others, t)));
    if (terms.some((t) => findScalar(t, isDenominatorFactor))) return undefined;
    const r = simplify(add(...terms), { expand: true });
    // Positive terms first: ŷ − y, not −y + ŷ.
    const ordered = r.kind === 'add' ? add(...r.terms.filter((t) => !isNegativeTerm(t)), ...r.terms.filter(isNegativeTerm)) : r;
    return { value: fromScalar(ordered, e.vars), because: ['Multiply out and cancel the common factors.'] };
  },
};

// ---- rule sets ----------------------------------------------------------------------------

/** Clean-ups that never change the form a lecture would write, except to shorten it. */
export const TIDY_RULES: readonly RewriteRule[] = [
  zeroRule,
  identityFactorRule,
  scaleRule,
  scalarProduct,
  activationDerivative,
  foldDefinition,
  cancel,
];

/** The rules that push a transpose inward: (ABC)ᵀ = CᵀBᵀAᵀ, (Aᵀ)ᵀ = A, diag(v)ᵀ = diag(v). */
const PUSH_TRANSPOSE: readonly RewriteRule[] = [transposeTranspose, transposeProduct, transposeDiagonal, transposeIdentity, transposeNegation, transposeScalar];

/** Transposes pushed inward, then tidied. */
export const TRANSPOSE_RULES: readonly RewriteRule[] = [...PUSH_TRANSPOSE, ...TIDY_RULES];

/** Turning a transposed Jacobian into a gradient: transposes pushed inward, diag(v)u as u ⊙ v. */
export const GRADIENT_RULES: readonly RewriteRule[] = [
  ...PUSH_TRANSPOSE,
  diagHadamard,
  diagScalar,
  identityScalar,
  ...TIDY_RULES,
];

// ---- the engine ---------------------------------------------------------------------------

/** The first rule that applies, leftmost-outermost, and the whole expression after it. */
export function rewriteOnce(e: MatExpr, rules: readonly RewriteRule[], ctx: RewriteContext): Applied | undefined {
  for (const r of rules) {
    const hit = r.apply(e, ctx);
    if (hit) return { rule: r.id, because: hit.because, value: hit.value };
  }
  const cs = matChildren(e);
  for (let i = 0; i < cs.length; i++) {
    const inner = rewriteOnce(cs[i], rules, ctx);
    if (inner) {
      const next = cs.map((c, k) => (k === i ? inner.value : c));
      return { rule: inner.rule, because: inner.because, value: matWithChildren(e, next) };
    }
  }
  return undefined;
}

/**
 * Apply rules until none applies; `onStep` sees each application. The rules shrink the tree or
 * push transposes inward, so this ends; the cap of 200 only guards against a faulty new rule.
 */
export function normalize(
  e: MatExpr,
  rules: readonly RewriteRule[],
  ctx: RewriteContext,
  onStep?: (a: Applied) => void,
): MatExpr {
  let current = e;
  for (let i = 0; i < 200; i++) {
    const a = rewriteOnce(current, rules, ctx);
    if (!a) return current;
    onStep?.(a);
    current = a.value;
  }
  throw new Error(`normalize: no fixed point after 200 rewrites of ${current.kind}`);
}
