/**
 * What a check computes from the expected answer alone, kept for every further answer to the same
 * exercise: its canonical form, compiled closures, the test points drawn for it, the random
 * functions, and the mistake variants (derive() alone takes ≈ 3 ms on the lecture's ŷ). Keyed by
 * the prepared Problem (a WeakMap, so it goes when the problem does) and by seed, points and
 * tolerance, so results stay a pure function of the inputs.
 */
import type { Expr } from '../expr/types.js';
import { ExprMap } from '../expr/equal.js';
import { createRng } from '../numeric/rng.js';
import { canonical } from './canonical.js';
import { FunctionBank, Evaluation, DEFAULT_TOLERANCE } from './evaluation.js';
import { randomFunctionSets, type FunctionSet } from './functions.js';
import { naturalSort, type Problem } from './input.js';
import { functionUnicode } from './notation.js';
import { DEFAULT_POINTS, KINK_MARGIN, LIVE_RANGE, MIN_POINTS, samplePoints, separatingPoints, specialArguments, type Sampled } from './points.js';
import { compileValue, type Compiled } from './tensor.js';
import { structuralVariants, type Variant } from './variants.js';
import { traceVariants } from './trace-variants.js';
import type { Budget } from './budget.js';
import type { CheckOptions } from './types.js';

/** Function sets drawn per check; test point i uses set i mod 4. */
const FUNCTION_SETS = 4;
const MAX_COMPILED = 4_000;

export class Session {
  readonly vars: readonly string[];
  readonly bank: FunctionBank;
  readonly sets: readonly FunctionSet[];
  readonly tolerance: number;
  readonly count: number;
  readonly seed: number;
  /** Compiled closures; answers' ones too, so the cache is renewed past 4,000 (a page lives long). */
  private compiled = new ExprMap<Compiled | null>();
  private compiledCount = 0;
  private canonicalExpected?: Expr;
  private basePoints?: Sampled;
  private structural?: readonly Variant[];
  private trace?: readonly Variant[];

  constructor(readonly problem: Problem, options: CheckOptions) {
    // A defined name (z1, yhat) is written out before anything is evaluated: it is not drawn.
    this.vars = naturalSort([...problem.variables].filter((v) => !problem.definitions.has(v)));
    this.count = Math.max(MIN_POINTS, Math.floor(options.points ?? DEFAULT_POINTS));
    this.seed = options.seed ?? 1;
    this.tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    this.bank = new FunctionBank(problem.signature);
    this.sets = randomFunctionSets(problem.signature, FUNCTION_SETS, createRng(this.seed).fork('functions'), functionUnicode);
  }

  /** Compiled once per expression; throws what compileValue throws (shapes, unknown names). */
  compile(e: Expr): Compiled {
    const hit = this.compiled.get(e);
    if (hit) return hit;
    if (hit === null) throw new Error('not compilable');
    if (++this.compiledCount > MAX_COMPILED) {
      this.compiled = new ExprMap();
      this.compiledCount = 1;
    }
    try {
      const c = compileValue(e, this.vars, this.bank.dispatch);
      this.compiled.set(e, c);
      return c;
    } catch (err) {
      this.compiled.set(e, null);
      throw err;
    }
  }

  tryCompile(es: readonly Expr[]): Compiled[] {
    return es.flatMap((e) => {
      try {
        return [this.compile(e)];
      } catch {
        return [];
      }
    });
  }

  canonicalOfExpected(): Expr {
    return (this.canonicalExpected ??= canonical(this.problem.expected));
  }

  /** Variants from the correct answer's structure (cheap), computed on first use. */
  structuralVariants(): readonly Variant[] {
    return (this.structural ??= structuralVariants(this.problem));
  }

  /** Variants from the derivation trace (a derive() call, ≈ 3 ms for ŷ), computed on first use. */
  traceVariants(): readonly Variant[] {
    return (this.trace ??= traceVariants(this.problem));
  }

  /**
   * Test points for this answer: the expected answer's own points when they also keep the
   * answer's activation arguments live and its kinks covered, else points drawn for both, else
   * (when none honour both) the expected answer's.
   */
  evaluation(answer: Expr, budget: Budget): Evaluation | string {
    const isAbstract = (fn: string): boolean => this.problem.signature.has(fn);
    const mine = specialArguments(this.problem.expected, isAbstract);
    const theirs = specialArguments(answer, isAbstract);
    const draw = (kinks: readonly Expr[], saturating: readonly Expr[], stop: () => boolean): Sampled | string => {
      const outcome = samplePoints(
        {
          vars: this.vars,
          bank: this.bank,
          sets: this.sets,
          defined: [this.compile(this.problem.expected)],
          kinks: this.tryCompile(kinks),
          saturating: this.tryCompile(saturating),
        },
        this.count,
        createRng(this.seed).fork('points'),
        stop,
      );
      return outcome.ok ? outcome.points : outcome.reason;
    };
    // The expected answer's points decide the verdict: only the safety net stops them. A failure
    // from running out of time is not kept (another answer, with time, may get them).
    const base = this.basePoints ?? draw(mine.kinks, mine.saturating, () => budget.exhausted());
    if (typeof base === 'string') return base;
    this.basePoints = base;
    let points = base;
    if (!budget.expired() && !this.fits(base, theirs.kinks, theirs.saturating)) {
      // The answer's kinks and activations are preferences: when no points honour them too
      // (σ nested 38 deep cannot stay within ±4), the expected answer's points decide.
      const both = draw([...mine.kinks, ...theirs.kinks], [...mine.saturating, ...theirs.saturating], () => budget.expired());
      if (typeof both !== 'string') points = both;
    }
    // A kink of the answer that the points never tell from one of the expected answer's (relu′(z + 0.01)).
    const extra = theirs.kinks.length === 0 ? undefined : separatingPoints({ vars: this.vars, bank: this.bank, defined: [this.compile(this.problem.expected)] }, points, this.tryCompile(mine.kinks), this.tryCompile(theirs.kinks));
    if (extra && extra.values.length > 0) points = { ...points, values: [...points.values, ...extra.values], sets: [...points.sets, ...extra.sets] };
    return new Evaluation(this.vars, this.bank, points, this.tolerance, (e) => this.compile(e));
  }

  /** Whether drawn points also suit an answer's kinks (both signs, off the kink) and activations. */
  private fits(points: Sampled, kinks: readonly Expr[], saturating: readonly Expr[]): boolean {
    const run = (c: Compiled): Float64Array[] =>
      points.values.map((v, i) => {
        this.bank.current = points.sets[i];
        return c.run(v);
      });
    for (const c of this.tryCompile(saturating)) if (run(c).some((xs) => xs.some((x) => !(Math.abs(x) <= LIVE_RANGE)))) return false;
    for (const c of this.tryCompile(kinks)) {
      const vs = run(c);
      for (let k = 0; k < vs[0].length; k++) {
        const col = vs.map((xs) => xs[k]);
        if (col.some((x) => !(Math.abs(x) >= KINK_MARGIN)) || !col.some((x) => x > 0) || !col.some((x) => x < 0)) return false;
      }
    }
    return true;
  }
}

const sessions = new WeakMap<Problem, Map<string, Session>>();

export function sessionFor(problem: Problem, options: CheckOptions): Session {
  const key = `${options.seed ?? 1}|${options.points ?? DEFAULT_POINTS}|${options.tolerance ?? DEFAULT_TOLERANCE}`;
  let byKey = sessions.get(problem);
  if (!byKey) sessions.set(problem, (byKey = new Map()));
  let s = byKey.get(key);
  if (!s) byKey.set(key, (s = new Session(problem, options)));
  return s;
}
