/**
 * The differentiation rules. Each rule rewrites ∂/∂w [e] one level down: the derivatives it still
 * needs are requested through `D`, which either computes them at once (the fast path of
 * `differentiate`) or leaves them pending as ∂/∂w [·] nodes (the step-by-step trace). The chain
 * rule is written once, over each operator's table of partials (src/ops).
 */
import type { Expr } from '../expr/types.js';
import { add, call, deriv, int, mul, pow, sub, sym, vector, matrix, ONE_EXPR } from '../expr/build.js';
import { substitute } from '../expr/traverse.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import { functionLabel } from './labels.js';
import type { Prose } from './prose.js';

export type RuleId =
  | 'linear'
  | 'sum'
  | 'constant-multiple'
  | 'product'
  | 'power'
  | 'exponential'
  | 'chain'
  | 'derivative'
  | 'piecewise-constant'
  | 'expand-derivative'
  | 'entrywise'
  | 'simplify'
  | 'remaining';

export interface RuleApplication {
  readonly rule: RuleId;
  readonly because: () => Prose;
  readonly value: Expr;
}

export interface RuleContext {
  readonly wrt: string;
  /** Whether a subtree mentions `wrt` (memoised by the caller). */
  readonly dep: (e: Expr) => boolean;
  /** ∂/∂wrt of a subtree: computed, or left pending. */
  readonly D: (e: Expr) => Expr;
  /** Fully computes a derivative (used to expand derivatives of known functions). */
  readonly full: (e: Expr, wrt: string) => Expr;
  /**
   * In a derivation, the constant factor c multiplying the expression being differentiated, so
   * the prose can say "the derivative of c·σ(z) is c·σ′(z)·∂z/∂w" as the lecture does.
   */
  readonly coefficient?: Expr;
}

/** Apply the rule that fits `e`, which depends on `wrt` and is not `wrt` itself. */
export function applyRule(e: Expr, ctx: RuleContext): RuleApplication {
  const w = sym(ctx.wrt);
  switch (e.kind) {
    case 'add':
      return linear(e, ctx) ?? sumRule(e, ctx, w);
    case 'mul':
      return linear(e, ctx) ?? productRule(e, ctx, w);
    case 'pow':
      return powerRule(e, ctx, w);
    case 'call':
      return callRule(e.fn, e.args, ctx, w);
    case 'deriv':
      return derivRule(e.fn, e.orders, e.args, ctx, w);
    case 'vector':
      return { rule: 'entrywise', because: () => ['Differentiate each entry.'], value: vector(e.items.map(ctx.D)) };
    case 'matrix':
      return {
        rule: 'entrywise',
        because: () => ['Differentiate each entry.'],
        value: matrix(e.rows, e.cols, e.entries.map(ctx.D)),
      };
    case 'diff':
      return { rule: 'derivative', because: () => ['Evaluate the inner derivative.'], value: ctx.D(ctx.full(e.expr, e.wrt)) };
    case 'num':
    case 'const':
    case 'sym':
      throw new Error(`applyRule: ${e.kind} has no rule (it is constant or the variable)`);
  }
}

/** The coefficient of w when e is linear in w (a·w + b with a, b free of w), else undefined. */
export function linearCoefficient(e: Expr, ctx: RuleContext): Expr | undefined {
  if (!ctx.dep(e)) return int(0);
  if (e.kind === 'sym') return ONE_EXPR; // e is w itself, since it depends on w
  if (e.kind === 'mul') {
    const dependent = e.factors.filter(ctx.dep);
    if (dependent.length === 1 && dependent[0].kind === 'sym') return mul(...e.factors.filter((f) => !ctx.dep(f)));
    return undefined;
  }
  if (e.kind === 'add') {
    const parts: Expr[] = [];
    for (const t of e.terms) {
      if (!ctx.dep(t)) continue;
      const c = linearCoefficient(t, ctx);
      if (c === undefined) return undefined;
      parts.push(c);
    }
    return add(...parts);
  }
  return undefined;
}

function linear(e: Expr, ctx: RuleContext): RuleApplication | undefined {
  const c = linearCoefficient(e, ctx);
  if (c === undefined) return undefined;
  const w = sym(ctx.wrt);
  return {
    rule: 'linear',
    because: () =>
      e.kind === 'mul'
        ? ['∂(', e, ')/∂', w, ' = ', c, ', since ', e, ' is ', w, ' times ', c, ', which does not depend on ', w, '.']
        : ['∂z/∂', w, ' = ', c, ', since z = ', e, ' is linear in ', w, ' and the coefficient of ', w, ' is ', c, '.'],
    value: c,
  };
}

function sumRule(e: Expr & { kind: 'add' }, ctx: RuleContext, w: Expr): RuleApplication {
  const dependent = e.terms.filter(ctx.dep);
  const constant = e.terms.length - dependent.length;
  return {
    rule: 'sum',
    because: () => {
      if (constant === 0) return ['Sum rule: differentiate term by term.'];
      const terms: (string | Expr)[] = [];
      dependent.forEach((t, i) => terms.push(i === 0 ? '' : i === dependent.length - 1 ? ' and ' : ', ', t));
      return [
        dependent.length === 1 ? 'Only the term ' : 'Only the terms ',
        ...terms,
        dependent.length === 1 ? ' depends on ' : ' depend on ',
        w,
        constant === 1 ? '; the other term is constant and contributes 0.' : '; the other terms are constant and contribute 0.',
      ];
    },
    value: add(...dependent.map(ctx.D)),
  };
}

function productRule(e: Expr & { kind: 'mul' }, ctx: RuleContext, w: Expr): RuleApplication {
  const dependent = e.factors.filter(ctx.dep);
  if (dependent.length === 1) {
    const f = dependent[0];
    const constants = e.factors.filter((g) => !ctx.dep(g));
    const c = mul(...constants);
    return {
      rule: 'constant-multiple',
      because: () => {
        if (f.kind === 'call' && f.args.length === 1) {
          const name = functionLabel(f.fn);
          return [
            `It has the form c·${name}(z) with c = `, c, ' and z = ', f.args[0], ', where only z depends on ', w,
            `: ∂/∂`, w, `[c·${name}(z)] = c·∂${name}(z)/∂`, w, '.',
          ];
        }
        return ['It has the form c·f with c = ', c, ' constant in ', w, ': ∂(c·f)/∂', w, ' = c·∂f/∂', w, '.'];
      },
      value: mul(...constants, ctx.D(f)),
    };
  }
  const terms = e.factors.map((f, i) =>
    ctx.dep(f) ? mul(...e.factors.map((g, j) => (i === j ? ctx.D(g) : g))) : undefined,
  );
  return {
    rule: 'product',
    because: () => ['Product rule: (f·g)′ = f′·g + f·g′, one term for each factor that depends on ', w, '.'],
    value: add(...terms.filter((t): t is Expr => t !== undefined)),
  };
}

function powerRule(e: Expr & { kind: 'pow' }, ctx: RuleContext, w: Expr): RuleApplication {
  const op = lookupOp('pow');
  if (!op) throw new Error('the operator table has no pow entry');
  const args = [e.base, e.exp];
  const baseDep = ctx.dep(e.base);
  const expDep = ctx.dep(e.exp);
  const value = add(...args.map((a, i) => (ctx.dep(a) ? mul(op.partial(i, args), ctx.D(a)) : int(0))).filter((t) => !(t.kind === 'num' && t.value.n === 0n)));
  if (baseDep && !expDep) {
    return {
      rule: 'power',
      because: () =>
        e.base.kind === 'sym'
          ? ['Power rule: ∂(', pow(w, N), ')/∂', w, ' = ', lowered(N, w), '.']
          : ['Power rule with the chain rule: ∂(', pow(U, N), ')/∂', w, ' = ', lowered(N, U), '·∂u/∂', w, ', with u = ', e.base, '.'],
      value,
    };
  }
  if (!baseDep && expDep) {
    return { rule: 'exponential', because: () => ['∂(', pow(A, V), ')/∂', w, ' = ', mul(pow(A, V), call('log', [A])), '·∂v/∂', w, '.'], value };
  }
  return {
    rule: 'chain',
    because: () => ['Both base and exponent depend on ', w, ': ∂(', pow(U, V), ') = ', lowered(V, U), '·∂u + ', mul(pow(U, V), call('log', [U])), '·∂v.'],
    value,
  };
}

/** The letters of the rules' general forms (uⁿ, aᵛ), written as expressions so that each output typesets them. */
const [N, U, V, A] = ['n', 'u', 'v', 'a'].map(sym);

/** n·uⁿ⁻¹: the power rule's result for base u and exponent n. */
function lowered(n: Expr, u: Expr): Expr {
  return mul(n, pow(u, sub(n, int(1))));
}

/** ∂f/∂(argument i) for a known operator or an abstract function. */
function partialOf(fn: string, i: number, args: readonly Expr[]): Expr {
  const op = lookupOp(fn);
  if (op) return op.partial(i, args);
  const orders = args.map((_, j) => (j === i ? 1 : 0));
  return deriv(fn, orders, args);
}

function callRule(fn: string, args: readonly Expr[], ctx: RuleContext, w: Expr): RuleApplication {
  const terms: Expr[] = [];
  args.forEach((a, i) => {
    if (!ctx.dep(a)) return;
    const d = ctx.D(a);
    terms.push(mul(partialOf(fn, i, args), d));
  });
  const value = add(...terms);
  const name = functionLabel(fn);
  const u = sym('u');
  const op = lookupOp(fn);
  const formula = (): Prose => {
    if (!op || args.length !== 1) return [];
    const d = op.partial(0, [u]);
    // relu′ is its own operator: "(here relu′(u) = relu′(u))" would say nothing.
    return d.kind === 'deriv' && d.fn === fn ? [] : [` (here ${name}′(u) = `, d, ')'];
  };
  if (args.length === 1 && args[0].kind === 'sym') {
    return {
      rule: 'derivative',
      because: () => [`The derivative of ${name}`, ...formula(), '.'],
      value,
    };
  }
  if (args.length === 1) {
    const c = ctx.coefficient;
    return {
      rule: 'chain',
      because: () =>
        c
          ? [`Chain rule: the derivative of c·${name}(z) is c·${name}′(z)·∂z/∂`, w, ', with c = ', c, ' and z = ', args[0], ...formula(), '.']
          : [`Chain rule: ∂${name}(z)/∂`, w, ` = ${name}′(z)·∂z/∂`, w, ', with z = ', args[0], ...formula(), '.'],
      value,
    };
  }
  return {
    rule: 'chain',
    because: () => [`Multivariable chain rule: ∂${name}(u₁, …)/∂`, w, ` = Σᵢ ∂ᵢ${name}·∂uᵢ/∂`, w, '.'],
    value,
  };
}

function derivRule(fn: string, orders: readonly number[], args: readonly Expr[], ctx: RuleContext, w: Expr): RuleApplication {
  const name = functionLabel(fn);
  const special = lookupDerivativeOp(fn, orders);
  if (special) {
    const terms = args.map((a, i) => (ctx.dep(a) ? mul(special.partial(i, args), ctx.D(a)) : int(0)));
    return {
      rule: 'piecewise-constant',
      because: () => [`${name}′ is piecewise constant, so its derivative is 0 away from the kink.`],
      value: add(...terms),
    };
  }
  const op = lookupOp(fn);
  if (op) {
    // A derivative of a known function, as typed (sigmoid′(z)): write it out, then differentiate.
    const expanded = expandKnownDerivative(fn, orders, args, ctx.full);
    return {
      rule: 'expand-derivative',
      because: () => [`Write ${name}′ out: `, deriv(fn, orders, args), ' = ', expanded, '.'],
      value: ctx.D(expanded),
    };
  }
  const terms: Expr[] = [];
  args.forEach((a, i) => {
    if (!ctx.dep(a)) return;
    terms.push(mul(deriv(fn, orders.map((k, j) => (j === i ? k + 1 : k)), args), ctx.D(a)));
  });
  return {
    rule: 'chain',
    because: () => ['Chain rule on the derivative: ∂/∂', w, ` ${name}′(z) = ${name}″(z)·∂z/∂`, w, '.'],
    value: add(...terms),
  };
}

/** f^(orders)(args) for a known operator, as an expression, by differentiating its table entry. */
export function expandKnownDerivative(
  fn: string,
  orders: readonly number[],
  args: readonly Expr[],
  full: (e: Expr, wrt: string) => Expr,
): Expr {
  // Placeholders start with `$`, which no parsed name can contain.
  const names = args.map((_, i) => `$u${i + 1}`);
  let e: Expr = call(fn, names.map(sym));
  orders.forEach((k, i) => {
    for (let j = 0; j < k; j++) e = full(e, names[i]);
  });
  return substitute(e, new Map(names.map((n, i) => [n, args[i]])));
}
