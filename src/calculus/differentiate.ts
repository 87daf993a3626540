/**
 * ∂e/∂w: the fast path (`differentiate`) and the step-by-step derivation (`derive`). Both apply
 * the same rules (./rules.ts); the derivation leaves sub-derivatives pending as ∂/∂w [·] and
 * resolves them one at a time, leftmost first, which is the order a lecture works in.
 */
import type { Expr } from '../expr/types.js';
import { diff, mul, ONE_EXPR, ZERO_EXPR } from '../expr/build.js';
import { equal, ExprMap } from '../expr/equal.js';
import { children, dependenceTest, replaceNode, withChildren } from '../expr/traverse.js';
import { simplify, SIMPLIFY_RULE_TEXT, type SimplifyRule } from '../simplify/simplify.js';
import { applyRule, type RuleContext, type RuleId } from './rules.js';
import { proseLatex, proseText, type Prose } from './prose.js';
import { toLatex } from '../print/latex.js';

/** The derivative before simplification: the rules' output, as the chain rule produces it. */
export function rawDerivative(e: Expr, wrt: string): Expr {
  const dep = dependenceTest(wrt);
  const memo = new ExprMap<Expr>();
  const ctx: RuleContext = {
    wrt,
    dep,
    D: (sub) => {
      if (!dep(sub)) return ZERO_EXPR;
      if (sub.kind === 'sym') return ONE_EXPR;
      const hit = memo.get(sub);
      if (hit) return hit;
      const d = applyRule(sub, ctx).value;
      memo.set(sub, d);
      return d;
    },
    full: rawDerivative,
  };
  return ctx.D(e);
}

/** ∂e/∂wrt, simplified. */
export function differentiate(e: Expr, wrt: string): Expr {
  return simplify(rawDerivative(e, wrt));
}

export interface Step {
  readonly rule: RuleId;
  /** Why this step holds, in words with expressions in the text syntax. */
  readonly because: string;
  /** The same sentence with expressions as inline LaTeX between `$…$`. */
  readonly becauseLatex: string;
  /** The whole expression after the step (pending derivatives shown as ∂/∂w [·]). */
  readonly expr: Expr;
  readonly latex: string;
}

export interface Derivation {
  readonly expr: Expr;
  readonly wrt: string;
  /** The simplified derivative. */
  readonly value: Expr;
  readonly steps: readonly Step[];
}

export interface DeriveOptions {
  /** Steps after which the remaining derivatives are done in one go (default 60). */
  readonly maxSteps?: number;
}

/** ∂e/∂wrt with the steps that lead there. */
export function derive(e: Expr, wrt: string, options: DeriveOptions = {}): Derivation {
  const maxSteps = options.maxSteps ?? 60;
  const dep = dependenceTest(wrt);
  const pending = (sub: Expr): Expr => (!dep(sub) ? ZERO_EXPR : sub.kind === 'sym' ? ONE_EXPR : diff(sub, wrt));
  const ctx: RuleContext = { wrt, dep, D: pending, full: rawDerivative, root: e };
  const steps: Step[] = [];
  const record = (rule: RuleId, because: Prose, expr: Expr): void => {
    steps.push({ rule, because: proseText(because), becauseLatex: proseLatex(because), expr, latex: toLatex(expr) });
  };

  let current = pending(e);
  for (;;) {
    const next = firstPending(current);
    if (!next) break;
    if (steps.length >= maxSteps) {
      current = simplify(resolveAll(current));
      record('remaining', ['Differentiate the remaining parts in the same way.'], current);
      break;
    }
    const r = applyRule(next.expr, { ...ctx, coefficient: coefficientOf(current, next) });
    current = simplify(replaceNode(current, next, r.value));
    record(r.rule, r.because(), current);
  }

  const value = differentiate(e, wrt);
  if (!equal(value, current)) {
    const log = new Set<SimplifyRule>();
    simplify(current, { log });
    const what = [...log].map((r) => SIMPLIFY_RULE_TEXT[r]).join('; ');
    record('simplify', [`Simplify${what ? ` (${what})` : ''}.`], value);
  }
  return { expr: e, wrt, value, steps };
}

/** The other factors of the product that holds `target` directly, if any. */
function coefficientOf(e: Expr, target: Expr): Expr | undefined {
  if (e.kind === 'mul' && e.factors.includes(target)) {
    const others = e.factors.filter((f) => f !== target && f.kind !== 'diff');
    return others.length ? mul(...others) : undefined;
  }
  for (const c of children(e)) {
    const r = coefficientOf(c, target);
    if (r) return r;
  }
  return undefined;
}

/** The leftmost-outermost pending derivative: the one the next step of a derivation resolves. */
export function firstPending(e: Expr): (Expr & { kind: 'diff' }) | undefined {
  if (e.kind === 'diff') return e;
  for (const c of children(e)) {
    const d = firstPending(c);
    if (d) return d;
  }
  return undefined;
}

function resolveAll(e: Expr): Expr {
  if (e.kind === 'diff') return rawDerivative(e.expr, e.wrt);
  const cs = children(e);
  if (cs.length === 0) return e;
  return withChildren(e, cs.map(resolveAll));
}
