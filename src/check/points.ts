/**
 * Test points that cannot be fooled by the usual tricks.
 *  - 16 points by default (WeBWorK uses 5, Numbas 5, MITx 5), with 4 different random function
 *    sets for σ, f, … used in turn (./functions.ts).
 *  - Every variable is drawn with either sign and magnitude in [0.2, 1.5], rounded to 2 decimals so
 *    counterexamples are readable (sampling only positives would accept relu(z) for z).
 *  - Kinks (relu, relu′, abs, sign: the operators' `kinks`, in the expected answer and in the
 *    student's): point i asks kink i mod K to be positive on its first visit and negative on its
 *    second, so every kink argument takes both signs when 2K ≤ points; every kink argument stays
 *    at least 0.05 away from 0, where rounding could flip a branch. The first 32 kink arguments
 *    steer the sampling; an answer with more is still evaluated, just not steered by all.
 *  - Saturation: the arguments of sigmoid, tanh, softplus, exp and of abstract functions stay
 *    within ±4 (σ′(4) ≈ 0.018; at ±1000, as KAS samples, σ′ is 0 and hides wrong answers).
 *    Draws are shrunk (×0.5, then ×0.25) when a network's sums keep leaving that range.
 *  - Domain: a point is used only where the expected answer is finite and below 1e6 in size
 *    (log, sqrt, division); every fourth draw is all-positive for log and sqrt domains.
 * At most 60 draws per point; fewer than 12 valid points, and the check answers "could not
 * decide" rather than guess.
 */
import type { Expr } from '../expr/types.js';
import { children } from '../expr/traverse.js';
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

/** The arguments of kinked operators, and of saturating ones, anywhere in e. */
export function specialArguments(e: Expr, isAbstract: (fn: string) => boolean): { kinks: Expr[]; saturating: Expr[] } {
  const kinks: Expr[] = [];
  const saturating: Expr[] = [];
  const seen = new Set<Expr>();
  const go = (n: Expr): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'call' || n.kind === 'deriv') {
      const k = n.kind === 'call' ? lookupOp(n.fn)?.kinks : lookupDerivativeOp(n.fn, n.orders)?.kinks;
      if (k) kinks.push(...k(n.args));
      if (SATURATING.has(n.fn) || isAbstract(n.fn)) saturating.push(...n.args);
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
  for (let i = 0; i < count; i++) {
    const set = p.sets[i % p.sets.length];
    p.bank.current = set;
    for (let draw = 0; draw < DRAWS_PER_POINT; draw++) {
      if (stop()) break;
      const scale = draw < 20 ? 1 : draw < 40 ? 0.5 : 0.25;
      const point = Float64Array.from(p.vars, () => drawValue(rng, scale, draw % 4 === 3));
      const kinks = p.kinks.flatMap((c) => [...c.run(point)]).slice(0, MAX_KINKS);
      kinkCount = kinks.length;
      // Point i asks kink i mod K for a sign (+ on the first round, − on the second).
      const target = kinks.length === 0 || draw >= 30 ? undefined : { k: i % kinks.length, sign: Math.floor(i / kinks.length) % 2 === 0 ? 1 : -1 };
      if (draw < 50 && kinks.some((k) => !(Math.abs(k) >= KINK_MARGIN))) continue;
      if (target && Math.sign(kinks[target.k]) !== target.sign) continue;
      if (p.saturating.some((c) => c.run(point).some((x) => !(Math.abs(x) <= LIVE_RANGE)))) continue;
      if (p.defined.some((c) => c.run(point).some((x) => !(Math.abs(x) <= MAX_VALUE)))) continue;
      values.push(point);
      sets.push(set);
      kinks.forEach((k, j) => (signs[j] ??= new Set()).add(Math.sign(k)));
      break;
    }
  }
  if (values.length < MIN_POINTS) {
    const why = stop() ? 'the time budget ran out' : 'the expected answer is undefined (or enormous) at most points tried';
    return { ok: false, reason: `found only ${values.length} of ${MIN_POINTS} test points needed: ${why}` };
  }
  const kinksCovered = signs.filter((s) => s.has(1) && s.has(-1)).length;
  return { ok: true, points: { values, sets, kinksCovered, kinkCount } };
}

function drawValue(rng: Rng, scale: number, positive: boolean): number {
  const m = rng.uniform(MAGNITUDE[0], MAGNITUDE[1]) * scale;
  const step = scale < 0.5 ? 1000 : 100;
  const v = Math.max(1, Math.round(m * step)) / step;
  return positive ? v : rng.sign() * v;
}
