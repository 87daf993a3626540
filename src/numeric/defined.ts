/**
 * Whether a user's expression has a value anywhere. One with none (1/(x − x), log(−x² − 1),
 * sqrt(−1 − x²)) can be checked at no point: the commands that check numerically refuse it as bad
 * input (exit 2), naming it, instead of reporting a check that failed or could not decide (exit 1).
 *
 * A search, not a proof: up to 2,000 seeded points, each coordinate drawn from ±[0.2, 1.5] (where
 * the checks look), log-uniformly from ±[10⁻³, 10⁶], or within 1 of ± a number the expression
 * holds (asin(x + 5) has values only for x in [−6, −4], log(x − 100) only past 100); every other
 * point keeps the first two kinds positive (for log and sqrt). σ, f, … are smooth stand-ins
 * (./sampling.ts). An expression defined somewhere is found at its first point, as a rule; only
 * one defined nowhere pays for all of them.
 */
import type { Expr } from '../expr/types.js';
import { children, freeSymbols } from '../expr/traverse.js';
import { toText } from '../print/text.js';
import { compile } from './evaluate.js';
import { createRng } from './rng.js';
import { abstractFunctions, abstractNames } from './sampling.js';

export const DEFINED_DRAWS = 2_000;
const NEAR: readonly [number, number] = [0.2, 1.5];
/** log₁₀ of the wide range's ends. */
const WIDE: readonly [number, number] = [-3, 6];
/** Numbers of the expression that points are drawn around. */
const MAX_CONSTANTS = 16;
const SEED = 1;

/**
 * True when the scalar e has no finite value at any point tried; false when it has one, and when
 * it cannot be evaluated here at all (a matrix, an unknown name, σ⁗): whoever evaluates it says why.
 */
export function nowhereDefined(e: Expr): boolean {
  const vars = freeSymbols(e);
  const rng = createRng(SEED);
  let f: (values: ArrayLike<number>) => number;
  try {
    f = compile(e, vars, abstractFunctions(abstractNames(e), rng.fork('functions')));
  } catch {
    return false;
  }
  const constants = numbersIn(e);
  const xs = new Float64Array(vars.length);
  const draws = vars.length === 0 ? 1 : DEFINED_DRAWS;
  for (let i = 0; i < draws; i++) {
    const positive = i % 2 === 1;
    for (let j = 0; j < xs.length; j++) {
      const kind = i === 0 ? 0 : rng.int(0, constants.length > 0 ? 2 : 1);
      if (kind === 2) xs[j] = rng.sign() * rng.pick(constants) + rng.uniform(-1, 1);
      else {
        const magnitude = kind === 1 ? 10 ** rng.uniform(WIDE[0], WIDE[1]) : rng.uniform(NEAR[0], NEAR[1]);
        xs[j] = positive ? magnitude : rng.sign() * magnitude;
      }
    }
    try {
      if (Number.isFinite(f(xs))) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** The sizes of the numbers in e other than 0 and 1 (5 in asin(x + 5), 100 in log(x − 100)), at most 16. */
function numbersIn(e: Expr): number[] {
  const out = new Set<number>();
  const seen = new Set<Expr>();
  const go = (n: Expr): void => {
    if (seen.has(n) || out.size >= MAX_CONSTANTS) return;
    seen.add(n);
    if (n.kind === 'num') {
      const x = Math.abs(n.value.valueOf());
      if (Number.isFinite(x) && x !== 0 && x !== 1) out.add(x);
    }
    for (const c of children(n)) go(c);
  };
  go(e);
  return [...out];
}

/**
 * Why e can be checked nowhere, for a message: its first entry (e itself for a scalar) with no
 * finite value at any point tried, as "1/(x - x) has no finite value at any point tried (x from
 * −10⁶ to 10⁶)", or "entry 2, log(-y), has …" for a vector; undefined when every entry has one.
 * Entries of a matrix expression that is not written out entry by entry (W*x) are not searched.
 */
export function nowhereDefinedReason(e: Expr): string | undefined {
  const entries = e.kind === 'vector' ? e.items : e.kind === 'matrix' ? e.entries : [e];
  for (let k = 0; k < entries.length; k++) {
    if (!nowhereDefined(entries[k])) continue;
    const where = e.kind === 'vector' ? `entry ${k + 1}` : e.kind === 'matrix' ? `entry (${Math.floor(k / e.cols) + 1}, ${(k % e.cols) + 1})` : undefined;
    const text = toText(entries[k]);
    return `${where ? `${where}, ${text},` : text} ${noValueText(entries[k])}`;
  }
  return undefined;
}

function noValueText(e: Expr): string {
  const vars = freeSymbols(e);
  if (vars.length === 0) return 'has no finite value';
  const names = vars.length <= 3 ? vars.join(', ') : `${vars.slice(0, 3).join(', ')}, …`;
  return `has no finite value at any point tried (${names} from −10⁶ to 10⁶)`;
}
