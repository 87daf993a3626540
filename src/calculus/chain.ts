/**
 * The chain rule of Jacobians, by both of the lecture's methods ("Chain rule of multivariate
 * calculus: example"): for f: ℝᵐ → ℝⁿ in u and g: ℝᵏ → ℝᵐ in x,
 *   1. substitute g into f and differentiate: ∂(f∘g)/∂x = jacobian(f(g(x)), x);
 *   2. multiply the Jacobians in the lecture's order: ∂f/∂g · ∂g/∂x, with ∂f/∂g taken at u = g(x).
 * The two are compared symbolically and, as a backstop, numerically at seeded points; the wrong
 * order ∂g/∂x · ∂f/∂g is worked out too, to show how it fails.
 *
 * Syntax:   chainRule({ outer: parse('u1 - 2*u2 + u3/4'), outerVars: ['u1', 'u2', 'u3'],
 *                       inner: parse('[x1 + 2*x2, x2, -x1 + 3]'), vars: ['x1', 'x2'] })
 *             → product [[3/4, 0]], composition 3/4*(x1 + 1), agreement.agree true
 * See also: src/calculus/jacobian.ts, src/calculus/matrix-ops.ts
 */
import type { Expr, Matrix } from '../expr/types.js';
import { vector, sub } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import { freeSymbols, size, substitute } from '../expr/traverse.js';
import { simplify } from '../simplify/simplify.js';
import { InputError } from '../errors.js';
import { compile } from '../numeric/evaluate.js';
import { relativeError } from '../numeric/finite-difference.js';
import { createRng, type Rng } from '../numeric/rng.js';
import { abstractFunctions, abstractNames, samplePoints } from '../numeric/sampling.js';
import { checkVariables, jacobian, outputsOf } from './jacobian.js';
import { canMultiply, mapEntries, matmul, productMismatch, shapeText, type Shape } from './matrix-ops.js';

export interface ChainProblem {
  /** f, in the outer variables: one expression, or a list of outputs. */
  readonly outer: Expr;
  /** u₁…uₘ, the variables of f that g fills in. */
  readonly outerVars: readonly string[];
  /** g, a list of m outputs in the inner variables. */
  readonly inner: Expr;
  /** x₁…xₖ. */
  readonly vars: readonly string[];
}

export interface ChainOptions {
  /** Draws the numeric test points (default: a fixed seed, so results are reproducible). */
  readonly rng?: Rng;
  /** Number of numeric test points (default 5, as WeBWorK uses). */
  readonly points?: number;
}

export interface Agreement {
  /** The two methods agree: symbolically, or failing that at every numeric test point. */
  readonly agree: boolean;
  /** Every entry of the difference simplifies to 0. */
  readonly symbolic: boolean;
  /** Equal to 1e-8 at every test point; undefined when no valid points could be drawn. */
  readonly numeric: boolean | undefined;
  readonly points: number;
}

/** How ∂g/∂x · ∂f/∂g fails, or (for scalars, where the order cannot matter) that it does not. */
export type WrongOrder =
  | { readonly kind: 'undefined'; readonly left: Shape; readonly right: Shape; readonly reason: string }
  | { readonly kind: 'different-shape' | 'different-value' | 'same-value'; readonly value: Matrix; readonly reason: string };

export interface ChainResult {
  readonly problem: ChainProblem;
  /** ∂f/∂u (n×m), in the outer variables. */
  readonly outerJacobian: Matrix;
  /** ∂f/∂g: ∂f/∂u at u = g(x). */
  readonly outerAtInner: Matrix;
  /** ∂g/∂x (m×k). */
  readonly innerJacobian: Matrix;
  /** Method 2: ∂f/∂g · ∂g/∂x (n×k). */
  readonly product: Matrix;
  /** f(g(x)), one expression per output of f (a list when f has several). */
  readonly composition: Expr;
  /** Method 1: ∂(f∘g)/∂x of the composition (n×k). */
  readonly substitutedJacobian: Matrix;
  readonly agreement: Agreement;
  readonly wrongOrder: WrongOrder;
}

const DEFAULT_SEED = 4342; // the lecture's course number; any fixed seed would do
const TOLERANCE = 1e-8; // both sides are exact formulas evaluated in floats: errors are ~1e-14

export function chainRule(problem: ChainProblem, options: ChainOptions = {}): ChainResult {
  const { outer, outerVars, inner, vars } = problem;
  checkProblem(problem);
  const fOutputs = outputsOf(outer, 'f');
  const gOutputs = outputsOf(inner, 'g');
  const bindings = new Map(outerVars.map((u, i) => [u, gOutputs[i]]));

  const outerJacobian = jacobian(outer, outerVars);
  const innerJacobian = jacobian(inner, vars);
  const outerAtInner = mapEntries(outerJacobian, (e) => tidy(substitute(e, bindings)));
  const product = mapEntries(matmul(outerAtInner, innerJacobian), tidy);

  const composed = fOutputs.map((o) => tidy(substitute(o, bindings)));
  const composition = fOutputs.length === 1 && outer.kind !== 'vector' && outer.kind !== 'matrix' ? composed[0] : vector(composed);
  const substitutedJacobian = mapEntries(jacobian(vector(composed), vars), tidy);

  const rng = options.rng ?? createRng(DEFAULT_SEED);
  const points = options.points ?? 5;
  const agreement = compare(product, substitutedJacobian, rng, points);
  const wrongOrder = tryWrongOrder(innerJacobian, outerAtInner, product, rng, points);
  return { problem, outerJacobian, outerAtInner, innerJacobian, product, composition, substitutedJacobian, agreement, wrongOrder };
}

/** f must reach x only through u, and g must not mention u: otherwise ∂f/∂g · ∂g/∂x misses terms. */
function checkProblem({ outer, outerVars, inner, vars }: ChainProblem): void {
  checkVariables(outerVars, 'the variables of f');
  checkVariables(vars, 'the variables of g');
  const shared = outerVars.find((u) => vars.includes(u));
  if (shared) throw new InputError(`${shared} is both a variable of f and a variable of g; name them apart (u1, u2, … and x1, x2, …)`);
  const m = outputsOf(inner, 'g').length;
  if (m !== outerVars.length) {
    throw new InputError(`g has ${m} output${m === 1 ? '' : 's'} but f has ${outerVars.length} variable${outerVars.length === 1 ? '' : 's'} (${outerVars.join(', ')}); they must match`);
  }
  const leak = freeSymbols(outer).find((s) => vars.includes(s));
  if (leak) throw new InputError(`f mentions ${leak}, a variable of g; f must depend on ${vars.join(', ')} only through ${outerVars.join(', ')}`);
  const back = freeSymbols(inner).find((s) => outerVars.includes(s));
  if (back) throw new InputError(`g mentions ${back}, a variable of f; g must be written in ${vars.join(', ')}`);
}

/** Above this many terms after expansion, expanding is not worth trying. */
const EXPANSION_LIMIT = 64;

/**
 * The simplified form, or the expanded-and-refactored one when that is smaller: the lecture's
 * x1 + 2x2 − 2(x2) + (−x1 + 3)/4 is 3/4·(x1 + 1) only after its sums are multiplied out.
 */
export function tidy(e: Expr): Expr {
  const s = simplify(e);
  if (expandedTerms(s) > EXPANSION_LIMIT) return s;
  const x = simplify(simplify(s, { expand: true }));
  return size(x) < size(s) ? x : s;
}

/** An upper bound on the number of terms full expansion produces (without expanding). */
function expandedTerms(e: Expr): number {
  switch (e.kind) {
    case 'add':
      return e.terms.reduce((n, t) => n + expandedTerms(t), 0);
    case 'mul':
      return e.factors.reduce((n, f) => Math.min(n * expandedTerms(f), Number.MAX_SAFE_INTEGER), 1);
    default:
      return 1;
  }
}

function compare(a: Matrix, b: Matrix, rng: Rng, points: number): Agreement {
  const symbolic = a.entries.every((x, i) => sameExpr(x, b.entries[i]));
  // Checked numerically even when the simplifier says equal: the check is the independent oracle.
  const numeric = numericallyEqual(a.entries, b.entries, rng, points);
  return { agree: symbolic || numeric === true, symbolic, numeric, points };
}

function sameExpr(a: Expr, b: Expr): boolean {
  if (equal(a, b)) return true;
  const d = tidy(sub(a, b));
  return d.kind === 'num' && d.value.n === 0n;
}

/** Pairwise equality at seeded points, with abstract functions (σ) instantiated by smooth stand-ins. */
function numericallyEqual(as: readonly Expr[], bs: readonly Expr[], rng: Rng, count: number): boolean | undefined {
  const all = [...as, ...bs];
  const vars = [...new Set(all.flatMap((e) => freeSymbols(e)))];
  const functions = abstractFunctions(abstractNames(...all), rng);
  const points = samplePoints(all, count, rng, functions, { vars });
  if (!points) return undefined;
  const fa = as.map((e) => compile(e, vars, functions));
  const fb = bs.map((e) => compile(e, vars, functions));
  return points.every((p) => {
    const xs = vars.map((v) => p[v]);
    return fa.every((f, i) => relativeError(f(xs), fb[i](xs)) <= TOLERANCE);
  });
}

function tryWrongOrder(innerJ: Matrix, outerJ: Matrix, product: Matrix, rng: Rng, points: number): WrongOrder {
  const what = '∂g/∂x · ∂f/∂g';
  if (!canMultiply(innerJ, outerJ)) {
    return { kind: 'undefined', left: innerJ, right: outerJ, reason: `${what} is ${productMismatch(innerJ, outerJ)}: not defined` };
  }
  const value = mapEntries(matmul(innerJ, outerJ), tidy);
  if (value.rows !== product.rows || value.cols !== product.cols) {
    return { kind: 'different-shape', value, reason: `${what} is ${shapeText(value)}, but ∂(f∘g)/∂x is ${shapeText(product)}` };
  }
  if (compare(value, product, rng, points).agree) {
    const why = value.rows === 1 && value.cols === 1 && innerJ.rows === 1 ? 'with 1×1 Jacobians the order cannot matter' : 'these two Jacobians happen to commute';
    return { kind: 'same-value', value, reason: `${what} equals ∂f/∂g · ∂g/∂x here: ${why}` };
  }
  return { kind: 'different-value', value, reason: `${what} is ${shapeText(value)} like ∂(f∘g)/∂x, but its entries differ` };
}
