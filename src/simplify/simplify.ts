/**
 * The teaching simplifier: deterministic, fast, and shaped like a careful person's algebra.
 *  - folds constants exactly and removes identities (0 terms, 1 factors, x^1, x^0, --x);
 *  - flattens, collects like terms (2x + 3x → 5x, w1*x1 + x1*w1 → 2*w1*x1) and like factors
 *    (x·x² → x³, x/x → 1);
 *  - pulls factors common to every term out of a sum (a·c + b·c → (a + b)·c), and a common
 *    fractional coefficient (3/4·x + 3/4 → 3/4·(x + 1));
 *  - never expands a product of sums unless asked (`expand: true`);
 *  - keeps the order of first appearance, so a chain-rule product stays outer-to-inner:
 *    w5·σ′(w1x1 + w2x2 + b1)·x1. Only the coefficient moves (first) and the denominator (last).
 * One pass bottom-up, memoised by structure, so shared subtrees are simplified once.
 */
import type { Expr } from '../expr/types.js';
import { add, call, deriv, mul, num, pow, ONE_EXPR, ZERO_EXPR } from '../expr/build.js';
import { equal, ExprMap } from '../expr/equal.js';
import { children, withChildren } from '../expr/traverse.js';
import { fmix } from '../expr/hash.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import { isInteger, isNegative, isOne, isZero, ONE, ratContent, ratPow, ZERO, type Rational } from '../rational.js';
import { Fraction } from '../mathjs.js';

export interface SimplifyOptions {
  /** Distribute products over sums (off by default: closed forms stay factored). */
  readonly expand?: boolean;
  /** Collects the ids of the rules that fired (for the "tidy up" step of a derivation). */
  readonly log?: Set<SimplifyRule>;
}

export type SimplifyRule =
  | 'fold-constants'
  | 'identities'
  | 'collect-terms'
  | 'collect-factors'
  | 'common-factor'
  | 'powers'
  | 'expand';

export const SIMPLIFY_RULE_TEXT: Record<SimplifyRule, string> = {
  'fold-constants': 'fold constants',
  identities: 'drop terms of 0, factors of 1 and powers of 1',
  'collect-terms': 'collect like terms',
  'collect-factors': 'collect like factors',
  'common-factor': 'take out a common factor',
  powers: 'combine powers',
  expand: 'expand products of sums',
};

export function simplify(e: Expr, options: SimplifyOptions = {}): Expr {
  return new Simplifier(options).run(e);
}

class Simplifier {
  private readonly memo = new ExprMap<Expr>();

  constructor(private readonly options: SimplifyOptions) {}

  private note(rule: SimplifyRule): void {
    this.options.log?.add(rule);
  }

  run(e: Expr): Expr {
    if (e.kind === 'num' || e.kind === 'sym' || e.kind === 'const') return e;
    // Pending derivatives inside a derivation are shown exactly as written.
    if (e.kind === 'diff') return e;
    const hit = this.memo.get(e);
    if (hit) return hit;
    const cs = children(e).map((c) => this.run(c));
    let out: Expr;
    switch (e.kind) {
      case 'add':
        out = this.sum(cs);
        break;
      case 'mul':
        out = this.product(cs);
        break;
      case 'pow':
        out = this.power(cs[0], cs[1]);
        break;
      case 'call':
        out = this.call(e.fn, cs);
        break;
      case 'deriv':
        out = this.deriv(e.fn, e.orders, cs);
        break;
      default:
        out = withChildren(e, cs);
    }
    this.memo.set(e, out);
    return out;
  }

  // ---- sums -------------------------------------------------------------------------------

  private sum(input: readonly Expr[]): Expr {
    const terms: Expr[] = [];
    for (const t of input) {
      if (t.kind === 'add') terms.push(...t.terms);
      else terms.push(t);
    }
    const collected = this.collectTerms(terms);
    if (collected.length === 0) return ZERO_EXPR;
    if (collected.length === 1) return collected[0];
    if (this.options.expand) return add(...collected);
    return this.commonFactor(collected) ?? add(...collected);
  }

  /** Group terms that differ only in their numeric coefficient; first appearance fixes the position. */
  private collectTerms(terms: readonly Expr[]): Expr[] {
    interface Bucket {
      coef: Rational;
      rest: Expr | undefined; // undefined: the constant term
      factors: readonly Expr[];
      count: number;
    }
    const buckets: Bucket[] = [];
    const byKey = new Map<number, Bucket[]>();
    let constant: Bucket | undefined;
    for (const t of terms) {
      if (t.kind === 'num') {
        if (constant) {
          constant.coef = constant.coef.add(t.value);
          constant.count++;
        } else {
          constant = { coef: t.value, rest: undefined, factors: [], count: 1 };
          buckets.push(constant);
        }
        continue;
      }
      const [coef, factors] = splitCoefficient(t);
      const key = multisetKey(factors);
      const list = byKey.get(key) ?? [];
      const same = list.find((b) => sameMultiset(b.factors, factors));
      if (same) {
        same.coef = same.coef.add(coef);
        same.count++;
      } else {
        const b: Bucket = { coef, rest: mul(...factors), factors, count: 1 };
        list.push(b);
        byKey.set(key, list);
        buckets.push(b);
      }
    }
    const out: Expr[] = [];
    for (const b of buckets) {
      if (b.count > 1) this.note(b.rest ? 'collect-terms' : 'fold-constants');
      if (isZero(b.coef)) {
        this.note('identities');
        continue;
      }
      out.push(b.rest ? mul(num(b.coef), b.rest) : num(b.coef));
    }
    return out;
  }

  /** a·c + b·c → (a + b)·c, and 3/4·x + 3/4 → 3/4·(x + 1). Undefined when nothing is common. */
  private commonFactor(terms: readonly Expr[]): Expr | undefined {
    const split = terms.map(splitCoefficient);
    // Factors of the first term found in every other term (as a multiset).
    const common: Expr[] = [];
    const remaining = split.map(([, fs]) => [...fs]);
    for (const f of split[0][1]) {
      if (remaining.every((fs) => fs.some((g) => equal(g, f)))) {
        for (const fs of remaining) fs.splice(fs.findIndex((g) => equal(g, f)), 1);
        common.push(f);
      }
    }
    const coefs = split.map(([c]) => c);
    const content = ratContent(coefs);
    const takeContent = !isZero(content) && !isOne(content) && coefs.every((c) => !isInteger(c)) && content.d !== 1n;
    if (common.length === 0 && !takeContent) return undefined;
    // A factor common to all terms of a sum of exactly the same structure is all there is: x + x
    // was collected already, so the inner sum is never a single term.
    const c = takeContent ? content : ONE;
    const inner = this.sum(remaining.map((fs, i) => mul(num(coefs[i].div(c)), ...fs)));
    this.note('common-factor');
    // Common factors written before the first non-common factor of the first term stay in front.
    const firstFactors = split[0][1];
    const leading: Expr[] = [];
    for (const f of firstFactors) {
      const k = common.findIndex((g) => equal(g, f));
      if (k < 0) break;
      leading.push(common[k]);
      common.splice(k, 1);
    }
    return mul(num(c), ...leading, inner, ...common);
  }

  // ---- products ---------------------------------------------------------------------------

  private product(input: readonly Expr[]): Expr {
    let coef: Rational = ONE;
    const bases: Expr[] = [];
    const exps: Expr[][] = [];
    const visit = (f: Expr): void => {
      if (f.kind === 'mul') {
        for (const g of f.factors) visit(g);
        return;
      }
      if (f.kind === 'num') {
        coef = coef.mul(f.value);
        return;
      }
      const [b, x] = f.kind === 'pow' ? [f.base, f.exp] : [f, ONE_EXPR];
      const i = bases.findIndex((g) => g.hash === b.hash && equal(g, b));
      if (i >= 0) {
        exps[i].push(x);
        this.note('collect-factors');
      } else {
        bases.push(b);
        exps.push([x]);
      }
    };
    for (const f of input) visit(f);
    if (isZero(coef)) {
      this.note('identities');
      return ZERO_EXPR;
    }
    const factors: Expr[] = [];
    for (let i = 0; i < bases.length; i++) {
      const exp = exps[i].length === 1 ? exps[i][0] : this.sum(exps[i]);
      const f = exp === ONE_EXPR ? bases[i] : this.power(bases[i], exp);
      if (f.kind === 'num') coef = coef.mul(f.value);
      else if (f.kind === 'mul') {
        // A power that split, such as (2x)^2 → 4·x^2.
        for (const g of f.factors) {
          if (g.kind === 'num') coef = coef.mul(g.value);
          else factors.push(g);
        }
      } else factors.push(f);
    }
    if (isZero(coef)) return ZERO_EXPR;
    if (!isInteger(coef)) coef = this.cancelIntoSums(coef, factors);
    if (this.options.expand) {
      const sums = factors.filter((f) => f.kind === 'add');
      if (sums.length > 0) {
        this.note('expand');
        return this.distribute(coef, factors);
      }
    }
    return mul(num(coef), ...factors);
  }

  /**
   * 1/2·(2a + 2b) → a + b: a fractional coefficient cancels against the integer content of a sum
   * factor (the MSE's ½ against the 2 of the power rule, summed over outputs).
   */
  private cancelIntoSums(coef: Rational, factors: Expr[]): Rational {
    for (let i = 0; i < factors.length && coef.d !== 1n; i++) {
      const f = factors[i];
      if (f.kind !== 'add') continue;
      const content = ratContent(f.terms.map((t) => splitCoefficient(t)[0]));
      if (content.d !== 1n) continue;
      const k = gcd(content.n, coef.d);
      if (k === 1n) continue;
      const by = num(new Fraction(1n, k));
      factors[i] = add(...f.terms.map((t) => this.product([by, t])));
      coef = coef.mul(k);
      this.note('fold-constants');
    }
    return coef;
  }

  private distribute(coef: Rational, factors: readonly Expr[]): Expr {
    let terms: Expr[] = [num(coef)];
    for (const f of factors) {
      const parts = f.kind === 'add' ? f.terms : [f];
      const next: Expr[] = [];
      for (const t of terms) for (const p of parts) next.push(this.product([t, p]));
      terms = next;
    }
    return this.sum(terms);
  }

  // ---- powers, calls ----------------------------------------------------------------------

  private power(base: Expr, exp: Expr): Expr {
    if (exp.kind === 'num') {
      const q = exp.value;
      if (isZero(q)) {
        this.note('identities');
        return ONE_EXPR;
      }
      if (isOne(q)) {
        this.note('identities');
        return base;
      }
      if (base.kind === 'num') {
        const r = isZero(base.value) && isNegative(q) ? undefined : ratPow(base.value, q);
        if (r !== undefined) {
          this.note('fold-constants');
          return num(r);
        }
      }
      if (isInteger(q)) {
        if (base.kind === 'pow') {
          this.note('powers');
          return this.power(base.base, this.product([base.exp, exp]));
        }
        if (base.kind === 'mul') {
          this.note('powers');
          return this.product(base.factors.map((f) => this.power(f, exp)));
        }
        if (base.kind === 'call' && base.fn === 'sqrt' && q.equals(2)) {
          this.note('powers');
          return base.args[0];
        }
        if (base.kind === 'call' && base.fn === 'exp') {
          this.note('powers');
          return this.call('exp', [this.product([exp, base.args[0]])]);
        }
      }
    }
    if (base.kind === 'num' && isOne(base.value)) {
      this.note('identities');
      return ONE_EXPR;
    }
    return pow(base, exp);
  }

  private call(fn: string, args: readonly Expr[]): Expr {
    const op = lookupOp(fn);
    if (op) {
      if (op.exact && args.every((a) => a.kind === 'num')) {
        const v = op.exact(args.map((a) => (a.kind === 'num' ? a.value : ZERO)));
        if (v !== undefined) {
          this.note('fold-constants');
          return num(v);
        }
      }
      if (fn === 'identity') {
        this.note('identities');
        return args[0];
      }
      const [a] = args;
      if (fn === 'exp' && a.kind === 'call' && a.fn === 'log' && a.args.length === 1) return a.args[0];
      if (fn === 'log' && args.length === 1 && a.kind === 'call' && a.fn === 'exp') return a.args[0];
    }
    return call(fn, args);
  }

  private deriv(fn: string, orders: readonly number[], args: readonly Expr[]): Expr {
    if (orders.every((k) => k === 0)) return this.call(fn, args);
    const op = lookupDerivativeOp(fn, orders);
    if (op?.exact && args.every((a) => a.kind === 'num')) {
      const v = op.exact(args.map((a) => (a.kind === 'num' ? a.value : ZERO)));
      if (v !== undefined) {
        this.note('fold-constants');
        return num(v);
      }
    }
    if (fn === 'identity' && orders[0] === 1) return ONE_EXPR;
    return deriv(fn, orders, args);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** A term as (numeric coefficient, other factors). */
export function splitCoefficient(t: Expr): [Rational, readonly Expr[]] {
  if (t.kind === 'num') return [t.value, []];
  if (t.kind === 'mul') {
    const [first, ...rest] = t.factors;
    if (first.kind === 'num') return [first.value, rest];
    return [ONE, t.factors];
  }
  return [ONE, [t]];
}

/** An order-independent key of a list of factors. */
function multisetKey(fs: readonly Expr[]): number {
  let h = fs.length;
  for (const f of fs) h = (h + fmix(f.hash)) >>> 0;
  return h;
}

function sameMultiset(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  const used = new Array<boolean>(b.length).fill(false);
  outer: for (const x of a) {
    for (let j = 0; j < b.length; j++) {
      if (!used[j] && equal(x, b[j])) {
        used[j] = true;
        continue outer;
      }
    }
    return false;
  }
  return true;
}
