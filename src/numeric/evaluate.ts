/**
 * Numeric evaluation: floats (interpreted, or compiled to a closure for hot loops) and exact
 * rationals. Abstract functions (σ, f) have no values of their own: callers supply them.
 */
import type { Expr } from '../expr/types.js';
import { assertNever } from '../expr/types.js';
import { num } from '../expr/build.js';
import { substitute } from '../expr/traverse.js';
import { simplify } from '../simplify/simplify.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import { InputError } from '../errors.js';
import type { Rational } from '../rational.js';
import { rawDerivative } from '../calculus/differentiate.js';
import { expandKnownDerivative } from '../calculus/rules.js';

/** A value for an abstract function and its derivatives: f^(orders)(args). */
export type AbstractFunction = (orders: readonly number[], args: readonly number[]) => number;

export interface NumericEnv {
  readonly vars: Readonly<Record<string, number>>;
  readonly functions?: Readonly<Record<string, AbstractFunction>>;
}

/** Float value of a scalar expression. Throws InputError for a free symbol without a value. */
export function evaluate(e: Expr, env: NumericEnv): number {
  return compile(e, Object.keys(env.vars), env.functions)(Object.values(env.vars));
}

/**
 * Compile a scalar expression into a closure over an array of variable values, in the order of
 * `vars`. Shared subtrees are compiled once; derivatives of known functions are written out.
 */
export function compile(
  e: Expr,
  vars: readonly string[],
  functions: Readonly<Record<string, AbstractFunction>> = {},
): (values: ArrayLike<number>) => number {
  type Fn = (v: ArrayLike<number>) => number;
  const index = new Map(vars.map((v, i) => [v, i]));
  const memo = new Map<Expr, Fn>();
  const go = (n: Expr): Fn => {
    const hit = memo.get(n);
    if (hit) return hit;
    const f = build(n);
    memo.set(n, f);
    return f;
  };
  const build = (n: Expr): Fn => {
    switch (n.kind) {
      case 'num': {
        const x = n.value.valueOf();
        return () => x;
      }
      case 'sym': {
        const i = index.get(n.name);
        if (i === undefined) throw new InputError(`no value for ${n.name}`);
        return (v) => v[i];
      }
      case 'const': {
        const x = n.name === 'pi' ? Math.PI : Math.E;
        return () => x;
      }
      case 'add': {
        const ts = n.terms.map(go);
        return (v) => {
          let s = 0;
          for (const t of ts) s += t(v);
          return s;
        };
      }
      case 'mul': {
        const fs = n.factors.map(go);
        return (v) => {
          let p = 1;
          for (const f of fs) p *= f(v);
          return p;
        };
      }
      case 'pow': {
        const b = go(n.base);
        if (n.exp.kind === 'num' && n.exp.value.equals(2)) return (v) => {
          const x = b(v);
          return x * x;
        };
        if (n.exp.kind === 'num' && n.exp.value.equals(-1)) return (v) => 1 / b(v);
        const x = go(n.exp);
        return (v) => Math.pow(b(v), x(v));
      }
      case 'call': {
        const args = n.args.map(go);
        const op = lookupOp(n.fn);
        if (op) {
          if (args.length === 1) {
            const [a] = args;
            return (v) => op.eval([a(v)]);
          }
          return (v) => op.eval(args.map((a) => a(v)));
        }
        const impl = functions[n.fn];
        if (!impl) throw new InputError(`no values for the abstract function ${n.fn}`);
        const zero = n.args.map(() => 0);
        return (v) => impl(zero, args.map((a) => a(v)));
      }
      case 'deriv': {
        const args = n.args.map(go);
        const special = lookupDerivativeOp(n.fn, n.orders);
        if (special) return (v) => special.eval(args.map((a) => a(v)));
        if (lookupOp(n.fn)) return go(expandKnownDerivative(n.fn, n.orders, n.args, rawDerivative));
        const impl = functions[n.fn];
        if (!impl) throw new InputError(`no values for the abstract function ${n.fn}`);
        const orders = n.orders;
        return (v) => impl(orders, args.map((a) => a(v)));
      }
      case 'vector':
      case 'matrix':
        throw new InputError('a vector or matrix has no single numeric value; evaluate its entries');
      case 'diff':
        return go(rawDerivative(n.expr, n.wrt));
      default:
        return assertNever(n);
    }
  };
  return go(e);
}

/**
 * The exact value when the symbols are bound to rationals and every operation stays rational
 * (relu(−1/2) = 0, 3/4·(x + 1)); undefined when the value is irrational (sigmoid(1), π).
 */
export function evaluateExact(e: Expr, values: Readonly<Record<string, Rational>>): Rational | undefined {
  const bound = substitute(e, new Map(Object.entries(values).map(([k, q]) => [k, num(q)])));
  const r = simplify(bound);
  return r.kind === 'num' ? r.value : undefined;
}
