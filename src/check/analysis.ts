/**
 * Diagnoses read off the numbers rather than generated as variants:
 *  - the answer is right on one side of a kink only (ReLU nets: right where z > 0, wrong where z < 0);
 *  - answer / expected is a constant: −1 (sign), 2 or ½ (the MSE's ½), or another constant;
 *  - answer / expected, or its inverse, is a subexpression of the problem: an extra or missing factor;
 *  - answer − expected is ± a subexpression: an extra or missing term.
 * Ratios and differences amplify rounding, so they are compared at a relative 1e-7 (the values
 * themselves agree to 1e-9), and need at least 8 usable points.
 */
import type { Expr } from '../expr/types.js';
import { children, freeSymbols, size } from '../expr/traverse.js';
import { ExprMap } from '../expr/equal.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import { unicode as u } from './notation.js';
import { hasTensor } from './shape.js';
import { close, type Evaluation, type Values } from './evaluation.js';
import type { Problem } from './input.js';
import type { Diagnosis } from './types.js';

export const RATIO_TOLERANCE = 1e-7;
export const MIN_USABLE = 8;
const MAX_CANDIDATES = 150;
const MAX_CANDIDATE_SIZE = 40;

export interface Observed {
  readonly problem: Problem;
  readonly evaluation: Evaluation;
  readonly answerExpr: Expr;
  readonly expected: Values;
  readonly answer: Values;
}

/** Right on one side of a kink only. */
export function kinkDiagnosis(o: Observed): Diagnosis | undefined {
  const { evaluation: ev } = o;
  for (const { arg, fn } of kinkSources([o.problem.expected, o.answerExpr])) {
    const k = ev.values(arg);
    if (!k) continue;
    const floor = ev.floorOf(o.problem.expected, o.answerExpr);
    for (let entry = 0; entry < k.at[0].length; entry++) {
      const side = { pos: [0, 0], neg: [0, 0] }; // [agree, disagree]
      k.at.forEach((kv, i) => {
        const ok = o.expected.at[i].every((x, j) => close(x, o.answer.at[i][j], ev.tolerance, floor(i, j)));
        const s = kv[entry] > 0 ? side.pos : side.neg;
        s[ok ? 0 : 1]++;
      });
      const rightWherePositive = side.pos[1] === 0 && side.pos[0] > 0 && side.neg[1] > 0;
      const rightWhereNegative = side.neg[1] === 0 && side.neg[0] > 0 && side.pos[1] > 0;
      if (!rightWherePositive && !rightWhereNegative) continue;
      return kinkMessage(u(arg), rightWherePositive, fn);
    }
  }
  return undefined;
}

/**
 * A kink in the wrong place: the answer is wrong exactly where one of its kink arguments and the
 * expected answer's (of the same function) have opposite signs: relu′(z + 1/100) for relu′(z)
 * (only separating points, ./points.ts, lie there: drawn points keep 0.05 from every kink), or,
 * where they never agree, the kink's two sides swapped (relu′(−z), a case z < 0 for z > 0).
 */
export function misplacedKinkDiagnosis(o: Observed): Diagnosis | undefined {
  const { evaluation: ev } = o;
  const floor = ev.floorOf(o.problem.expected, o.answerExpr);
  const wrong = o.expected.at.map((x, i) => !x.every((e, j) => close(e, o.answer.at[i][j], ev.tolerance, floor(i, j))));
  if (!wrong.includes(true)) return undefined;
  const mine = kinkSources([o.problem.expected]);
  const own = new ExprMap<boolean>();
  for (const k of mine) own.set(k.arg, true);
  for (const a of kinkSources([o.answerExpr])) {
    if (own.get(a.arg)) continue;
    const av = ev.values(a.arg);
    for (const e of mine.filter((k) => k.fn === a.fn)) {
      const evs = ev.values(e.arg);
      if (!av || !evs || av.at[0].length !== 1 || evs.at[0].length !== 1) continue;
      const differ = av.at.map((x, i) => Math.sign(x[0]) !== Math.sign(evs.at[i][0]));
      if (!differ.every((d, i) => d === wrong[i])) continue;
      // Mirrored, not moved: the two never agree in sign (ReLU′(−z), or z < 0 written for z > 0).
      if (!differ.includes(false)) return swappedSides(u(e.arg), a.fn);
      return { id: 'misplaced-kink', message: `The kink is in the wrong place: yours is where ${u(a.arg)} = 0, the right one where ${u(e.arg)} = 0.` };
    }
  }
  return undefined;
}

/** A kink's two sides swapped, the kink argument written `z` (Unicode), of the function `fn`: ReLU′(−z), or a case z < 0 for z > 0. */
export function swappedSides(z: string, fn: string): Diagnosis {
  const rule = fn === 'relu' ? ': ReLU′(z) is 1 for z > 0 and 0 for z ≤ 0' : '';
  return { id: 'misplaced-kink', message: `The two sides of the kink at ${z} = 0 are swapped${rule}.` };
}

/** The kink-branch diagnosis for a kink argument written `z` (Unicode) of the function `fn`. */
export function kinkMessage(z: string, rightWherePositive: boolean, fn: string): Diagnosis {
  const [good, bad] = rightWherePositive ? ['> 0', '< 0'] : ['< 0', '> 0'];
  return {
    id: 'kink-branch',
    message:
      `Right where ${z} ${good}, but not where ${z} ${bad}: check that case.` +
      (fn === 'relu' ? ' ReLU′(z) is 0 for z ≤ 0 and 1 for z > 0, so the derivative changes at the kink.' : ''),
  };
}

export function kinkSources(es: readonly Expr[]): { arg: Expr; fn: string }[] {
  const out: { arg: Expr; fn: string }[] = [];
  const seen = new ExprMap<boolean>();
  const go = (n: Expr): void => {
    if (n.kind === 'call' || n.kind === 'deriv') {
      const kinks = n.kind === 'call' ? lookupOp(n.fn)?.kinks : lookupDerivativeOp(n.fn, n.orders)?.kinks;
      for (const arg of kinks ? kinks(n.args) : []) {
        if (seen.get(arg)) continue;
        seen.set(arg, true);
        out.push({ arg, fn: n.fn });
      }
    }
    for (const c of children(n)) go(c);
  };
  es.forEach(go);
  return out;
}

/** A kink argument that keeps one sign at every test point, and that sign. */
export interface BlindKink {
  readonly arg: Expr;
  readonly fn: string;
  readonly sign: 1 | -1;
}

/**
 * The first kink argument of `es` (one that depends on the variables) that does not take both
 * signs at the points: there, an answer was compared on one side of the kink only, so agreement
 * says nothing about the other (relu(x₁ − 1.6) is 0 wherever x₁ < 1.6).
 */
export function blindKink(ev: Evaluation, es: readonly Expr[]): BlindKink | undefined {
  for (const { arg, fn } of kinkSources(es)) {
    if (freeSymbols(arg).length === 0) continue;
    const k = ev.values(arg);
    if (!k) continue;
    for (let entry = 0; entry < k.at[0].length; entry++) {
      const pos = k.at.some((x) => x[entry] > 0);
      const neg = k.at.some((x) => x[entry] < 0);
      if (!(pos && neg)) return { arg, fn, sign: pos ? 1 : -1 };
    }
  }
  return undefined;
}

/** "Could not decide: −1 − x² < 0 at every test point, …". */
export function blindKinkMessage(b: BlindKink): string {
  const [kept, other] = b.sign > 0 ? ['> 0', '< 0'] : ['< 0', '> 0'];
  return `Could not decide: ${u(b.arg)} ${kept} at every test point, so the answers were not compared where it is ${other} (the other side of the kink of ${b.fn}).`;
}

/** answer / expected entry by entry, where the expected value is not near 0. */
function ratios(o: Observed, invert = false): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  o.expected.at.forEach((ev, i) =>
    ev.forEach((e, j) => {
      const a = o.answer.at[i][j];
      const [num, den] = invert ? [e, a] : [a, e];
      out.push(Math.abs(den) > 1e-6 && Number.isFinite(num) ? num / den : undefined);
    }),
  );
  return out;
}

const usable = (xs: readonly (number | undefined)[]): number => xs.filter((x) => x !== undefined).length;

/** The answer is a constant multiple of the right one. */
export function constantDiagnosis(o: Observed): Diagnosis | undefined {
  const pairs: [number, number][] = [];
  o.expected.at.forEach((ev, i) => ev.forEach((e, j) => pairs.push([e, o.answer.at[i][j]])));
  const k = commonFactor(pairs);
  return k === undefined ? undefined : constantMessage(k, isMse(o.problem.variables));
}

/**
 * k when answer = k·expected in every [expected, answer] pair: the ratio is read where the
 * expected value is not near 0 (at least 8 of them, agreeing to 1e-7), and where it is, the
 * answer must be k times it too (0 where 0 belongs: [3; −2] is not −2 times [0; 1]). A factor
 * of 1 is no diagnosis (the answer is then right but for rounding), nor is 0.
 */
export function commonFactor(pairs: readonly (readonly [number, number])[]): number | undefined {
  let k: number | undefined;
  let count = 0;
  for (const [e, a] of pairs) {
    if (!(Math.abs(e) > 1e-6 && Number.isFinite(a))) continue;
    const r = a / e;
    if (k === undefined) k = r;
    else if (!close(r, k, RATIO_TOLERANCE)) return undefined;
    count++;
  }
  if (k === undefined || count < MIN_USABLE || Math.abs(k) < 1e-9 || close(k, 1, RATIO_TOLERANCE)) return undefined;
  const factor = k;
  return pairs.every(([e, a]) => Math.abs(e) > 1e-6 || close(a, factor * e, RATIO_TOLERANCE)) ? factor : undefined;
}

/** Whether the problem is about the MSE cost (it has a target y), which words the stray-constant message. */
export const isMse = (variables: Iterable<string>): boolean => [...variables].some((v) => /^y\d*$/.test(v));

/** The diagnosis for an answer that is `first` times the right one. */
export function constantMessage(first: number, mse: boolean): Diagnosis {
  if (close(first, -1, RATIO_TOLERANCE)) return { id: 'sign-error', message: 'Sign error: your answer is the negative of the right one.' };
  if (close(first, 2, RATIO_TOLERANCE)) {
    return {
      id: 'stray-constant',
      message: mse
        ? 'A stray factor 2: with f_MSE = ½(ŷ − y)², the ½ cancels the 2 from the power rule, so ∂f/∂ŷ = ŷ − y.'
        : 'A stray factor 2: your answer is twice the right one.',
    };
  }
  if (close(first, 0.5, RATIO_TOLERANCE)) {
    return {
      id: 'stray-constant',
      message: mse
        ? 'A stray ½: the ½ of f_MSE = ½(ŷ − y)² cancels against the 2 from the power rule, so it does not stay in the derivative: ∂f/∂ŷ = ŷ − y.'
        : 'A stray ½: your answer is half the right one.',
    };
  }
  return { id: 'constant-factor', message: `Off by a constant factor: your answer is ${fraction(first)} times the right one.` };
}

/** An extra or missing factor or term that is a piece of the problem. */
export function pieceDiagnosis(o: Observed, expired: () => boolean): Diagnosis | undefined {
  const r = ratios(o);
  const inv = ratios(o, true);
  const diff: number[] = [];
  o.expected.at.forEach((ev, i) => ev.forEach((e, j) => diff.push(o.answer.at[i][j] - e)));
  for (const c of candidates(o.problem)) {
    if (expired()) return undefined;
    const v = o.evaluation.values(c);
    if (!v) continue;
    // A scalar piece, broadcast over the entries of a vector or matrix answer.
    const cv: number[] = [];
    v.at.forEach((x, i) => o.expected.at[i].forEach(() => cv.push(x[0])));
    const matches = (xs: readonly (number | undefined)[], sign = 1): boolean =>
      usable(xs) >= MIN_USABLE && xs.every((x, k) => x === undefined || close(x, sign * cv[k], RATIO_TOLERANCE));
    if (matches(r)) return pieceMessage('extra-factor', u(c));
    if (matches(inv)) return pieceMessage('missing-factor', u(c));
    if (diff.some((d) => Math.abs(d) > 1e-9)) {
      if (matches(diff)) return pieceMessage('extra-term', u(c));
      if (matches(diff, -1)) return pieceMessage('missing-term', u(c));
    }
  }
  return undefined;
}

export type PieceId = 'extra-factor' | 'missing-factor' | 'extra-term' | 'missing-term';

/** The diagnosis for a piece `c` (Unicode) of the problem that is extra or missing. */
export function pieceMessage(id: PieceId, c: string): Diagnosis {
  switch (id) {
    case 'extra-factor':
      return { id, message: `An extra factor ${c}: without it, your answer would be right.` };
    case 'missing-factor':
      return { id, message: `Missing the factor ${c}.` };
    case 'extra-term':
      return { id, message: `An extra term ${c}: without it, your answer would be right.` };
    case 'missing-term':
      return { id, message: `Missing the term ${c}.` };
  }
}

/** Distinct scalar subexpressions of the expected answer and of the function, small ones first. */
export function candidates(p: Problem): Expr[] {
  const seen = new ExprMap<boolean>();
  const out: Expr[] = [];
  const go = (n: Expr): void => {
    if (seen.get(n)) return;
    seen.set(n, true);
    if (n.kind !== 'num' && n.kind !== 'const' && n.kind !== 'diff' && !hasTensor(n) && size(n) <= MAX_CANDIDATE_SIZE) out.push(n);
    for (const c of children(n)) go(c);
  };
  go(p.expected);
  if (p.fn) go(p.fn);
  return out.sort((a, b) => size(a) - size(b)).slice(0, MAX_CANDIDATES);
}

/** 1.5 → "3/2", 0.3333… → "1/3", else as few significant digits (4 at least) as tell it from 1. */
function fraction(x: number): string {
  for (let d = 1; d <= 12; d++) {
    const n = Math.round(x * d);
    if (Math.abs(n / d - x) < 1e-9 * Math.max(1, Math.abs(x))) return d === 1 ? `${n}` : `${n}/${d}`;
  }
  let p = 4;
  while (p < 15 && Number(x.toPrecision(p)) === 1) p++;
  return Number(x.toPrecision(p)).toString();
}
