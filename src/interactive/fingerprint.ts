/**
 * Build time: an answer → what its interactive page holds (./types.ts), computed with the checker's
 * own session (src/check/session.ts), so the page compares at the same points, with the same
 * functions for σ and the same mistake variants as `gradsheet check SPEC --exercise ID`.
 *
 *   points, function seed   in the clear: they are needed to evaluate the student's answer;
 *   varying entries         values at the 16 points, in the clear (numbers, not a formula);
 *   constant entries        hashed (FINE buckets): a number the student computes is never shown;
 *   mistakes, pieces        hashed (COARSE buckets), each diagnosis sealed with its own values;
 *   factors                 hashed, never named: partial credit says how many are missing;
 *   kinks                   the expected answer's kink arguments: their signs at the points.
 */
import type { Expr } from '../expr/types.js';
import { unicode } from '../check/notation.js';
import { Budget, defaultClock } from '../check/budget.js';
import { sessionFor } from '../check/session.js';
import { close, type Evaluation, type Values } from '../check/evaluation.js';
import type { Problem } from '../check/input.js';
import { normalizeName } from '../parse/parse.js';
import { candidates, constantMessage, isMse, kinkSources } from '../check/analysis.js';
import { MAX_VARIANTS } from '../check/diagnose.js';
import { hasTensor, sameShape } from '../check/shape.js';
import { COARSE_BUCKETS, decimalKey, digestText, FINE_BUCKETS, lookupHash, nearZeroLevel, offsetFor, packOffsets, seal, tokens } from './digest.js';
import { orientationOf } from '../check/orientation.js';
import { targetProblem, type CheckTarget } from './targets.js';
import { decimalShape, jointForms, MAX_DECIMALS, MIN_DECIMALS } from '../check/decimals.js';
import { diagnosisPayload, PIECE_KINDS, piecePayload } from './payload.js';
import type { AnswerPrint, FactorPrint, KinkPrint, Mistake, SymbolPrint, Unchecked } from './types.js';

/** Sampling at build time is not interactive: up to 60 s before "could not find points" (it takes ≈ 5 ms). */
const BUILD_BUDGET_MS = 60_000;
/** An entry is a constant when its values at the points agree to 1e-12 (a float's noise is ≈ 1e-16). */
const CONSTANT_TOLERANCE = 1e-12;
/**
 * The multiples recognised in an answer that is all numbers (the page cannot take a ratio with
 * numbers it does not hold): a sign, the MSE's ½ or 2, and slips by 3, 4 or 10 (a learning rate).
 */
const SCALED = [-1, 2, 0.5, -2, -0.5, 3, 1 / 3, 4, 0.25, 10, 0.1];

export function fingerprint(t: CheckTarget): AnswerPrint | Unchecked {
  if (t.unchecked !== undefined) return { unchecked: t.unchecked };
  const problem = targetProblem(t);
  const session = sessionFor(problem, t.options);
  const ev = session.evaluation(problem.expected, new Budget(defaultClock, BUILD_BUDGET_MS));
  if (typeof ev === 'string') return { unchecked: `no test points: ${ev}` };
  const want = ev.values(problem.expected);
  if (!want) return { unchecked: 'the answer has no value at the test points' };
  const salt = `${t.options.seed ?? 1}:${t.key}`;
  const { rows, cols } = want.shape;
  const hash = (values: Values, buckets: number): Digest | undefined => hashed(salt, values, buckets);

  // The absolute floor's factor per entry, where the expected answer's terms are small (src/check/scale.ts):
  // 200(x+1)¹⁹⁹ at x = −0.5, −0.2 (≈ 1e-58, 1e-17) is not one constant.
  const expectedScales = ev.floorScales(problem.expected);
  const varying = Array.from({ length: rows * cols }, (_, j) => {
    const col = want.at.map((x) => x[j]);
    return col.every((v, i) => close(v, col[0], CONSTANT_TOLERANCE, Math.max(expectedScales?.at[i][j] ?? 1, expectedScales?.at[0][j] ?? 1))) ? null : col;
  });
  const hidden = varying.flatMap((v, j) => (v === null ? [j] : []));
  const scales = varying.map((col, j) => {
    const s = col === null || !expectedScales ? undefined : expectedScales.at.map((x) => x[j]);
    return s && s.some((v) => v !== 1) ? s : null;
  });
  const constants = hidden.length > 0 ? hash({ shape: { rows: 1, cols: hidden.length }, at: [Float64Array.from(hidden, (j) => want.at[0][j])] }, FINE_BUCKETS) : undefined;

  const mistakes = new Sealer(hash, (v) => sameShape(v.shape, want.shape) && ev.agree(v.at, want.at));
  const variants = [...session.traceVariants(), ...session.structuralVariants()].slice(0, MAX_VARIANTS);
  for (const v of variants) {
    const values = ev.values(v.expr);
    if (values) mistakes.add(values, () => diagnosisPayload({ id: v.id, message: v.message() }));
  }

  const symbols = symbolPrints(t, problem, ev);
  const mse = isMse(problem.variables);
  const orientation = orientationOf(problem);
  const scaled = new Sealer(hash, () => false);
  if (hidden.length === rows * cols) {
    for (const k of SCALED) scaled.add(scale(want, (e) => k * e), () => diagnosisPayload(constantMessage(k, mse)));
  }

  const pieces = new Sealer(hash, mistakes.isExpected);
  for (const c of candidates(problem)) {
    const cv = ev.values(c);
    if (!cv || cv.at[0].length !== 1) continue;
    const at = (i: number): number => cv.at[i][0];
    // In the order of PIECE_KINDS: extra factor, missing factor, extra term, missing term.
    const forms = [(e: number, i: number) => e * at(i), (e: number, i: number) => e / at(i), (e: number, i: number) => e + at(i), (e: number, i: number) => e - at(i)];
    PIECE_KINDS.forEach((id, k) => pieces.add(scale(want, forms[k]), () => piecePayload(id, unicode(c))));
  }

  return {
    salt,
    vars: ev.vars,
    signature: [...problem.signature],
    functionNames: problem.functionNames,
    ...(problem.aliases.size > 0 ? { aliases: Object.fromEntries(problem.aliases) } : {}),
    seed: session.seed,
    setCount: session.sets.length,
    tolerance: ev.tolerance,
    points: ev.points.values.map((p) => [...p]),
    sets: ev.points.sets.map((s) => session.sets.indexOf(s)),
    rows,
    cols,
    varying,
    ...(scales.some((s) => s !== null) ? { scales } : {}),
    ...(constants ? { constants: [constants.offsets, constants.hash] as const } : {}),
    ...(orientation ? { orientation } : {}),
    ...(symbols ? { symbols } : {}),
    mse,
    kinks: kinkPrints(problem.expected, ev.values.bind(ev)),
    mistakes: mistakes.list,
    scaled: scaled.list,
    pieces: pieces.list,
    ...decimalPrint(salt, problem.expected, want.at[0]),
    ...factorPrints(problem.expected, ev.values.bind(ev), hash),
  };
}

/**
 * The names the prompt gives for a value (ŷ) that an answer may use, by their values at the
 * points (scalars only) and their brief reading; a name with no brief reading is left out (the
 * page then refuses it as an unknown name rather than print what it stands for).
 */
function symbolPrints(t: CheckTarget, problem: Problem, ev: Evaluation): Record<string, SymbolPrint> | undefined {
  const out: Record<string, SymbolPrint> = {};
  for (const [name, s] of Object.entries(t.options.names?.symbols ?? {})) {
    const key = normalizeName(name);
    const definition = problem.definitions.get(key);
    const v = definition && ev.values(definition);
    if (!v || v.shape.rows !== 1 || v.shape.cols !== 1 || s.brief === undefined) continue;
    out[key] = { values: v.at.map((x) => x[0]), note: s.brief };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Hashed values, and the text that keys their seals. */
interface Digest {
  readonly offsets: string;
  readonly hash: string;
  readonly text: string;
}

/** Values, their tokens' offsets and hash; undefined when a value is not finite or sits at the zero level. */
function hashed(salt: string, values: Values, buckets: number): Digest | undefined {
  const flat = values.at.flatMap((x) => [...x]);
  if (flat.some((v) => !Number.isFinite(v) || nearZeroLevel(v))) return undefined;
  const offsets = flat.map((v) => offsetFor(v, buckets));
  const text = digestText(salt, values.shape.rows, values.shape.cols, tokens(flat, offsets, buckets) as string);
  return { offsets: packOffsets(offsets), hash: lookupHash(text), text };
}

/** Mistakes in order, without duplicates and without any that equals the right answer. */
class Sealer {
  readonly list: Mistake[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly hash: (values: Values, buckets: number) => Digest | undefined,
    readonly isExpected: (values: Values) => boolean,
  ) {}

  add(values: Values, payload: () => string): void {
    if (this.isExpected(values)) return;
    const h = this.hash(values, COARSE_BUCKETS);
    if (!h || this.seen.has(h.hash)) return;
    this.seen.add(h.hash);
    this.list.push([h.offsets, h.hash, seal(payload(), h.text)]);
  }
}

function scale(v: Values, f: (e: number, point: number) => number): Values {
  return { shape: v.shape, at: v.at.map((x, i) => x.map((e) => f(e, i))) };
}

function kinkPrints(expected: Expr, values: (e: Expr) => Values | undefined): KinkPrint[] {
  return kinkSources([expected]).flatMap(({ arg, fn }) => {
    const k = values(arg);
    if (!k) return [];
    const signs = Array.from({ length: k.at[0].length }, (_, j) => k.at.map((x) => (x[j] > 0 ? '+' : '-')).join(''));
    return [{ signs, text: unicode(arg), fn }];
  });
}

/** The expected answer's factors when it is a product of at least two that are not numbers (as src/check/factors.ts). */
function factorPrints(
  expected: Expr,
  values: (e: Expr) => Values | undefined,
  hash: (values: Values, buckets: number) => Digest | undefined,
): { factors?: FactorPrint[] } {
  if (expected.kind !== 'mul' || hasTensor(expected) || expected.factors.filter((f) => f.kind !== 'num').length < 2) return {};
  return {
    factors: expected.factors.map((f) => {
      const v = values(f);
      const h = v ? hash(v, COARSE_BUCKETS) : undefined;
      return [h?.offsets ?? '', h?.hash ?? '', f.kind === 'num'] as const;
    }),
  };
}

/**
 * For an answer of numbers some of which are irrational: which entries are exact (in the clear),
 * and hashes of every joint decimal form, MIN_DECIMALS to MAX_DECIMALS decimals (sorted: their order says nothing).
 */
function decimalPrint(salt: string, expected: Expr, values: ArrayLike<number>): { exactEntries?: boolean[]; decimals?: string[] } {
  const exact = decimalShape(expected);
  if (!exact) return {};
  const hashes: string[] = [];
  for (let d = MIN_DECIMALS; d <= MAX_DECIMALS; d++) for (const form of jointForms(Array.from(values), d, exact)) hashes.push(decimalKey(salt, form));
  return { exactEntries: exact, decimals: hashes.sort() };
}
