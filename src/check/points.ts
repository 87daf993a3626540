/**
 * Test points that cannot be fooled by the usual tricks.
 *  - 16 points by default (WeBWorK uses 5, Numbas 5, MITx 5), with 4 different random function
 *    sets for σ, f, … used in turn (./functions.ts).
 *  - Every variable is drawn with either sign and magnitude in [0.2, 1.5], rounded to 2 decimals so
 *    counterexamples are readable (sampling only positives would accept relu(z) for z), except
 *    at the last 4 points, which keep full precision: sin(100πx) vanishes on the 2-decimal grid.
 *  - Kinks (relu, relu′, abs, sign: the operators' `kinks`, in the expected answer and in the
 *    student's): point i asks kink i mod K to be positive on its first visit and negative on its
 *    second; every kink argument stays at least 0.05 away from 0, where rounding could flip a
 *    branch. A side that 20 draws do not reach (relu(x₁ − 1.6): draws have |x₁| ≤ 1.5) is reached
 *    by moving one coordinate of a draw by the smallest step that crosses it (0.1 … 100, so
 *    x₁ = 1.7), keeping every other condition. Sides still missing after the points (more than 8
 *    kinks) get up to 16 extra points. The first 32 kink arguments steer the sampling. A kink
 *    argument that still keeps one sign is not hidden: the check then answers "could not decide"
 *    rather than "correct" (./check.ts).
 *  - Saturation: the arguments of sigmoid, tanh, softplus, exp and of abstract functions stay
 *    within ±4 (σ′(4) ≈ 0.018; at ±1000, as KAS samples, σ′ is 0 and hides wrong answers).
 *    Draws are shrunk (×0.5, then ×0.25) when a network's sums keep leaving that range.
 *  - Domain: a point is used only where the expected answer is finite and below 1e6 in size
 *    (log, sqrt, division); every fourth draw is all-positive for log and sqrt domains.
 * At most 60 draws per point; fewer than 12 valid points, and the check answers "could not
 * decide" rather than guess.
 */
import type { Expr } from '../expr/types.js';
import { children, freeSymbols } from '../expr/traverse.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import type { Rng } from '../numeric/rng.js';
import type { Compiled } from './tensor.js';
import type { FunctionBank } from './evaluation.js';
import type { FunctionSet } from './functions.js';

export const DEFAULT_POINTS = 16;
export const MIN_POINTS = 12;
const DRAWS_PER_POINT = 60;
const MAGNITUDE: readonly [number, number] = [0.2, 1.5];
export const KINK_MARGIN = 0.05;
export const LIVE_RANGE = 4;
const MAX_VALUE = 1e6;
const SATURATING = new Set(['sigmoid', 'tanh', 'softplus', 'exp']);
/** Kink arguments that steer sampling: 16 points give 2 visits to each of 8; 32 bounds the work. */
const MAX_KINKS = 32;
/**
 * The last 4 points are not rounded: an answer can vanish on the 2-decimal grid and nowhere else
 * (sin(100πx₁), cos(200πx₂) − 1), and points at full precision catch it. Counterexamples come
 * from the first differing point, so they stay at 2 decimals whenever the answer differs there.
 */
export const FINE_POINTS = 4;
/** Draws before a point's kink target is reached by moving a coordinate, and such moves per point. */
const REACH_FROM = 20;
const REACHES_PER_POINT = 3;
/** Points added for kink sides that the points missed (more than 8 kinks, or kinks out of reach). */
const MAX_EXTRA_POINTS = 16;

const varies = (e: Expr): boolean => freeSymbols(e).length > 0;

/** The arguments of kinked operators, and of saturating ones, anywhere in e, where they depend on a variable. */
export function specialArguments(e: Expr, isAbstract: (fn: string) => boolean): { kinks: Expr[]; saturating: Expr[] } {
  const kinks: Expr[] = [];
  const saturating: Expr[] = [];
  const seen = new Set<Expr>();
  const go = (n: Expr): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'call' || n.kind === 'deriv') {
      const k = n.kind === 'call' ? lookupOp(n.fn)?.kinks : lookupDerivativeOp(n.fn, n.orders)?.kinks;
      // A constant argument (σ(−6) in a forward pass) is where it is: no point can move it into
      // the live range or across a kink, and requiring that rejected every point.
      if (k) kinks.push(...k(n.args).filter(varies));
      if (SATURATING.has(n.fn) || isAbstract(n.fn)) saturating.push(...n.args.filter(varies));
    }
    for (const c of children(n)) go(c);
  };
  go(e);
  return { kinks, saturating };
}

export interface SamplingProblem {
  readonly vars: readonly string[];
  readonly bank: FunctionBank;
  readonly sets: readonly FunctionSet[];
  /** Must be finite (and moderate) at every point: the expected answer. */
  readonly defined: readonly Compiled[];
  readonly kinks: readonly Compiled[];
  readonly saturating: readonly Compiled[];
}

export interface Sampled {
  readonly values: Float64Array[];
  readonly sets: FunctionSet[];
  /** Kink arguments (entries) seen with both signs, out of all. */
  readonly kinksCovered: number;
  readonly kinkCount: number;
}

export type SamplingOutcome = { readonly ok: true; readonly points: Sampled } | { readonly ok: false; readonly reason: string };

/** `stop` says when to give up (the budget of whoever asks for the points). */
export function samplePoints(p: SamplingProblem, count: number, rng: Rng, stop: () => boolean): SamplingOutcome {
  const values: Float64Array[] = [];
  const sets: FunctionSet[] = [];
  const signs: Set<number>[] = [];
  let kinkCount = 0;
  const kinksAt = (point: Float64Array): number[] => p.kinks.flatMap((c) => [...c.run(point)]).slice(0, MAX_KINKS);
  const accept = (point: Float64Array, set: FunctionSet): void => {
    values.push(point);
    sets.push(set);
    kinksAt(point).forEach((k, j) => (signs[j] ??= new Set()).add(Math.sign(k)));
  };
  /** Whether a point keeps activations live, the expected answer defined and (unless relaxed) kinks off 0, with the target's sign. */
  const fits = (point: Float64Array, kinks: readonly number[], target: Target | undefined, margin: boolean): boolean => {
    if (margin && kinks.some((k) => !(Math.abs(k) >= KINK_MARGIN))) return false;
    if (target && Math.sign(kinks[target.k]) !== target.sign) return false;
    if (p.saturating.some((c) => c.run(point).some((x) => !(Math.abs(x) <= LIVE_RANGE)))) return false;
    return !p.defined.some((c) => c.run(point).some((x) => !(Math.abs(x) <= MAX_VALUE)));
  };
  for (let i = 0; i < count; i++) {
    const set = p.sets[i % p.sets.length];
    p.bank.current = set;
    const exact = i >= count - FINE_POINTS;
    let reaches = 0;
    for (let draw = 0; draw < DRAWS_PER_POINT; draw++) {
      if (stop()) break;
      const scale = draw < 20 ? 1 : draw < 40 ? 0.5 : 0.25;
      const point = Float64Array.from(p.vars, () => drawValue(rng, scale, draw % 4 === 3, exact));
      const kinks = kinksAt(point);
      kinkCount = kinks.length;
      // Point i asks kink i mod K for a sign (+ on the first round, − on the second).
      const target = kinks.length === 0 || draw >= 30 ? undefined : { k: i % kinks.length, sign: Math.floor(i / kinks.length) % 2 === 0 ? 1 : -1 };
      if (fits(point, kinks, target, draw < 50)) {
        accept(point, set);
        break;
      }
      // A kink the draws do not cross (relu(x₁ − 1.6) with |x₁| ≤ 1.5): move one coordinate across it.
      if (target && draw >= REACH_FROM && reaches++ < REACHES_PER_POINT) {
        const moved = reach(point, exact, (q) => fits(q, kinksAt(q), target, true));
        if (moved) {
          accept(moved, set);
          break;
        }
      }
    }
  }
  if (values.length < MIN_POINTS) {
    const why = stop() ? 'the time budget ran out' : 'the expected answer is undefined (or enormous) at most points tried';
    return { ok: false, reason: `found only ${values.length} of ${MIN_POINTS} test points needed: ${why}` };
  }
  // More kinks than the points have visits for, or a side the visits missed: a point for each side still missing.
  const unreachable = new Set<number>();
  for (let extra = 0; extra < MAX_EXTRA_POINTS && !stop(); extra++) {
    const missing = signs.findIndex((s, j) => !unreachable.has(j) && !(s.has(1) && s.has(-1)));
    if (missing < 0) break;
    const target = { k: missing, sign: signs[missing].has(1) ? -1 : 1 } as const;
    const set = p.sets[values.length % p.sets.length];
    p.bank.current = set;
    let found: Float64Array | undefined;
    for (let draw = 0; draw < REACHES_PER_POINT * 4 && !found && !stop(); draw++) {
      const point = Float64Array.from(p.vars, () => drawValue(rng, 1, draw % 4 === 3, false));
      found = fits(point, kinksAt(point), target, true) ? point : draw % 4 === 0 ? reach(point, false, (q) => fits(q, kinksAt(q), target, true)) : undefined;
    }
    if (!found) {
      // Out of reach (relu(−1 − x²) is never positive): the others still get their points.
      unreachable.add(missing);
      continue;
    }
    accept(found, set);
  }
  const kinksCovered = signs.filter((s) => s.has(1) && s.has(-1)).length;
  return { ok: true, points: { values, sets, kinksCovered, kinkCount } };
}

interface Target {
  readonly k: number;
  readonly sign: number;
}

/** Separating points added at most per check, and the bisection's steps (2⁻⁶⁰ of a segment). */
const MAX_SEPARATING = 8;
const BISECTIONS = 60;
/** Two crossings closer than this (in parts of their segment) are one kink written two ways. */
const SAME_CROSSING = 1e-9;

/**
 * Points where a kink argument of the answer and one of the expected answer have opposite signs,
 * when the drawn points never give them different signs. relu′(z + 0.01) for relu′(z) differs
 * only for −0.01 < z < 0, inside the KINK_MARGIN the draws keep from every kink, so every drawn
 * point agreed. Along the segment from a point where both arguments are positive to one where
 * both are negative, each crosses 0 (bisection finds where, with the first point's functions for
 * σ); midway between the two crossings they differ, and the point goes at full precision. The
 * same kink written another way (relu′(b₁ + w₁x₁ + w₂x₂)) crosses at the same place and gets no
 * point. Only where the expected answer is defined; at most MAX_SEPARATING points.
 */
export function separatingPoints(
  p: Pick<SamplingProblem, 'vars' | 'bank' | 'defined'>,
  points: { readonly values: readonly Float64Array[]; readonly sets: readonly FunctionSet[] },
  expectedKinks: readonly Compiled[],
  answerKinks: readonly Compiled[],
): Separating {
  const out: Separating = { values: [], sets: [], pairs: [] };
  if (expectedKinks.length === 0 || answerKinks.length === 0) return out;
  /** Every entry of every kink argument, as one function of a point (under the current set), with its argument's index. */
  const entries = (cs: readonly Compiled[]): { f: (x: Float64Array) => number; arg: number }[] => {
    p.bank.current = points.sets[0];
    const first = points.values[0];
    return cs.flatMap((c, arg) => Array.from(c.run(first), (_, k) => ({ f: (x: Float64Array): number => c.run(x)[k], arg })));
  };
  const mine = entries(expectedKinks).slice(0, MAX_KINKS);
  const theirs = entries(answerKinks).slice(0, MAX_KINKS);
  const signsAt = (f: (x: Float64Array) => number): number[] =>
    points.values.map((x, i) => {
      p.bank.current = points.sets[i];
      return Math.sign(f(x));
    });
  const mySigns = mine.map((e) => signsAt(e.f));
  for (const a of theirs) {
    const aSigns = signsAt(a.f);
    for (const [j, e] of mine.entries()) {
      if (out.values.length >= MAX_SEPARATING) return out;
      const same = aSigns.every((s, i) => s === mySigns[j][i] && s !== 0);
      if (!same || !aSigns.includes(1) || !aSigns.includes(-1)) continue;
      const x = separate(p, points, a.f, e.f, aSigns);
      if (x) {
        out.values.push(x.point);
        out.sets.push(x.set);
        out.pairs.push({ answer: a.arg, expected: e.arg });
      }
    }
  }
  return out;
}

/** Separating points, each with the answer's and the expected answer's kink argument (indices of the arguments given) that it separates. */
export interface Separating {
  readonly values: Float64Array[];
  readonly sets: FunctionSet[];
  readonly pairs: { readonly answer: number; readonly expected: number }[];
}

/** A point between a positive and a negative drawn point where a and e have opposite signs, if there is one. */
function separate(
  p: Pick<SamplingProblem, 'bank' | 'defined'>,
  points: { readonly values: readonly Float64Array[]; readonly sets: readonly FunctionSet[] },
  a: (x: Float64Array) => number,
  e: (x: Float64Array) => number,
  signs: readonly number[],
): { point: Float64Array; set: FunctionSet } | undefined {
  const from = signs.indexOf(1);
  const set = points.sets[from];
  p.bank.current = set;
  const P = points.values[from];
  const at = (t: number, Q: Float64Array): Float64Array => P.map((v, k) => v + t * (Q[k] - v));
  for (const [i, Q] of points.values.entries()) {
    if (signs[i] !== -1) continue;
    // Under the first point's functions for σ, both must still be negative at Q.
    if (!(a(Q) < 0 && e(Q) < 0 && a(P) > 0 && e(P) > 0)) continue;
    const crossing = (f: (x: Float64Array) => number): number => {
      let [lo, hi] = [0, 1];
      for (let n = 0; n < BISECTIONS; n++) {
        const mid = (lo + hi) / 2;
        if (f(at(mid, Q)) > 0) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    const ta = crossing(a);
    const te = crossing(e);
    if (Math.abs(ta - te) < SAME_CROSSING) return undefined;
    const x = at((ta + te) / 2, Q);
    const [va, ve] = [a(x), e(x)];
    if (!(Math.sign(va) === -Math.sign(ve) && va !== 0)) continue;
    if (p.defined.some((c) => c.run(x).some((v) => !(Math.abs(v) <= MAX_VALUE)))) continue;
    return { point: x, set };
  }
  return undefined;
}

/** Steps tried from a drawn point, smallest first: a kink at 1.6 is reached at 1.7, not at 100. */
const STEPS = [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100];

/**
 * The point with one coordinate moved by the smallest step (either way, each variable in turn)
 * that makes `ok` hold; rounded to 2 decimals unless `exact`. Undefined when none does.
 */
function reach(point: Float64Array, exact: boolean, ok: (q: Float64Array) => boolean): Float64Array | undefined {
  for (const step of STEPS) {
    for (const dir of [1, -1]) {
      for (let j = 0; j < point.length; j++) {
        const q = Float64Array.from(point);
        const v = point[j] + dir * step;
        q[j] = exact ? v : Math.round(v * 100) / 100;
        if (ok(q)) return q;
      }
    }
  }
  return undefined;
}

function drawValue(rng: Rng, scale: number, positive: boolean, exact: boolean): number {
  const m = rng.uniform(MAGNITUDE[0], MAGNITUDE[1]) * scale;
  const step = scale < 0.5 ? 1000 : 100;
  const v = exact ? m : Math.max(1, Math.round(m * step)) / step;
  return positive ? v : rng.sign() * v;
}
