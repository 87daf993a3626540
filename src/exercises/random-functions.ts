/**
 * Random vector functions for the Jacobian exercises, at three levels of difficulty:
 *   linear       2x1 − x2 + 3          (every partial a constant, as in the chain-rule example)
 *   polynomial   x1² − 3x1x2 + x2      (partials that still depend on x)
 *   activations  2·tanh(x1 − x2) + x2  (the chain rule through σ, ReLU, sigmoid, tanh, exp)
 * Coefficients are small non-zero integers so that hand work stays sane. Expressions are built
 * as written (no simplify: it would factor −3x1²x2 + 2x1x2 into (−3x1² + 2x1)x2). Every choice
 * draws from the Rng passed in.
 */
import type { Expr } from '../expr/types.js';
import { add, call, int, mul, neg, pow, sym } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import { freeSymbols } from '../expr/traverse.js';
import type { Rng } from '../numeric/rng.js';

export const DIFFICULTIES = ['linear', 'polynomial', 'activations'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface RandomOutputsOptions {
  /** Number of outputs f₁…fₙ. */
  readonly outputs: number;
  /** The variables, in order (x1, x2 or u1, u2, u3). */
  readonly vars: readonly string[];
  readonly difficulty: Difficulty;
  /** Coefficients are drawn from ±[1, range]. */
  readonly range: number;
  /** For 'activations': the functions to draw from (default all, exp included). */
  readonly activations?: readonly string[];
}

/** Activations for the 'activations' level; sigma is the lecture's abstract σ. */
export const ACTIVATIONS: readonly string[] = ['sigma', 'relu', 'tanh', 'sigmoid', 'exp'];
/** Without exp: composed with another function, exp of a sum of several terms grows past 1e9, where finite differences are noise. */
export const BOUNDED_ACTIVATIONS: readonly string[] = ['sigma', 'relu', 'tanh', 'sigmoid'];

/** Redraw an output that repeats another or is constant; 50 tries is far more than ever needed. */
const MAX_TRIES = 50;

/**
 * n outputs, distinct and non-constant, that together mention every variable (so no column of
 * the Jacobian is zero and no input is idle), when that is possible within MAX_TRIES draws.
 */
export function randomOutputs(rng: Rng, o: RandomOutputsOptions): Expr[] {
  let out = drawOutputs(rng, o);
  const covers = (es: readonly Expr[]): boolean => {
    const used = new Set(es.flatMap((e) => freeSymbols(e)));
    return o.vars.every((v) => used.has(v));
  };
  for (let t = 0; t < MAX_TRIES && !covers(out); t++) out = drawOutputs(rng, o);
  return out;
}

function drawOutputs(rng: Rng, o: RandomOutputsOptions): Expr[] {
  const out: Expr[] = [];
  for (let i = 0; i < o.outputs; i++) {
    let e = randomOutput(rng, o);
    for (let t = 0; t < MAX_TRIES && (freeSymbols(e).length === 0 || out.some((p) => equal(p, e))); t++) e = randomOutput(rng, o);
    out.push(e);
  }
  return out;
}

/** A non-zero integer in ±[1, range]. */
export function coefficient(rng: Rng, range: number): number {
  return rng.sign() * rng.int(1, Math.max(1, range));
}

/** c·t written as a person would: t, −t, 3t. */
export function scaled(c: number, t: Expr): Expr {
  return c === 1 ? t : c === -1 ? neg(t) : mul(int(c), t);
}

/** A few distinct variables, in their given order. */
function someVars(rng: Rng, vars: readonly string[], most: number): string[] {
  const count = rng.int(1, Math.min(most, vars.length));
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(rng.pick(vars));
  return vars.filter((v) => chosen.has(v));
}

/** c₁x_a + c₂x_b (+ d). */
export function randomLinear(rng: Rng, vars: readonly string[], range: number, constant: boolean): Expr {
  const terms = someVars(rng, vars, 3).map((v) => scaled(coefficient(rng, range), sym(v)));
  if (constant) terms.push(int(coefficient(rng, range)));
  return add(...terms);
}

function randomOutput(rng: Rng, o: RandomOutputsOptions): Expr {
  switch (o.difficulty) {
    case 'linear':
      return randomLinear(rng, o.vars, o.range, rng.next() < 0.4);
    case 'polynomial':
      return randomPolynomial(rng, o.vars, o.range);
    case 'activations':
      return randomWithActivation(rng, o.vars, o.range, o.activations ?? ACTIVATIONS);
  }
}

/** One to three monomials of degree ≤ 2, at least one of them non-linear. */
function randomPolynomial(rng: Rng, vars: readonly string[], range: number): Expr {
  const monomial = (nonlinear: boolean): Expr => {
    const a = sym(rng.pick(vars));
    const shape = nonlinear ? rng.int(0, 1) : rng.int(0, 2);
    const b = sym(rng.pick(vars.filter((v) => v !== a.name).concat(vars.length === 1 ? [a.name] : [])));
    // x1*x2, not x2*x1: products in the variables' order.
    const [first, second] = vars.indexOf(a.name) <= vars.indexOf(b.name) ? [a, b] : [b, a];
    const t = shape === 0 ? pow(a, int(2)) : shape === 1 && !equal(a, b) ? mul(first, second) : shape === 1 ? pow(a, int(2)) : a;
    return scaled(coefficient(rng, range), t);
  };
  // Like terms are redrawn: 2x2² − 2x2² would cancel and x2² + 2x2² is one term written twice.
  const terms = [monomial(true)];
  const extra = rng.int(0, 2);
  for (let i = 0, tries = 0; i < extra && tries < MAX_TRIES; tries++) {
    const t = monomial(false);
    if (terms.some((u) => sameMonomial(u, t))) continue;
    terms.push(t);
    i++;
  }
  return terms.length === 1 ? terms[0] : add(...terms);
}

/** The same monomial up to its coefficient: 3x1x2 and −x1x2. */
function sameMonomial(a: Expr, b: Expr): boolean {
  const strip = (e: Expr): Expr => (e.kind === 'mul' && e.factors[0].kind === 'num' ? mul(...e.factors.slice(1)) : e);
  return equal(strip(a), strip(b));
}

/** c·φ(linear) (+ a linear term or times a variable): the chain rule through an activation. */
function randomWithActivation(rng: Rng, vars: readonly string[], range: number, activations: readonly string[]): Expr {
  const fn = rng.pick(activations);
  const inner = randomLinear(rng, vars, Math.min(range, 2), fn === 'relu' && rng.next() < 0.5);
  const core = scaled(coefficient(rng, Math.min(range, 3)), call(fn, [inner]));
  const shape = rng.int(0, 2);
  if (shape === 0) return core;
  const v = sym(rng.pick(vars));
  return shape === 1 ? add(core, scaled(coefficient(rng, range), v)) : mul(v, call(fn, [inner]));
}
