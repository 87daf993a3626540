/**
 * The differentiation rules. Each rule rewrites ∂/∂w [e] one level down: the derivatives it still
 * needs are requested through `D`, which either computes them at once (the fast path of
 * `differentiate`) or leaves them pending as ∂/∂w [·] nodes (the step-by-step trace). The chain
 * rule is written once, over each operator's table of partials (src/ops).
 */
import type { Expr } from '../expr/types.js';
import { add, call, deriv, int, mul, pow, sub, sym, vector, matrix, ONE_EXPR } from '../expr/build.js';
import { children, freeSymbols, hasVectorOrMatrix, substitute } from '../expr/traverse.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import { functionLabel } from './labels.js';
import { proseMath as pm, type Prose } from './prose.js';
import { toText } from '../print/text.js';
import { functionNameLatex, toLatex } from '../print/latex.js';

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
  /** In a derivation, the expression being differentiated: the rules' letters (z, u, c) avoid its symbols. */
  readonly root?: Expr;
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
  // "∂z/∂w = c, since z = … is linear in w", z a letter the derivation does not use: z for the
  // argument of a function, as the chain rule's step before named it (a pre-activation); u for
  // anything else, which in a network may be all of ŷ.
  const named = (z: string): Prose => [partialQuotient(z, w), ' = ', c, ', since ', pm(z), ' = ', e, ' is linear in ', w, ' and the coefficient of ', w, ' is ', c, '.'];
  return {
    rule: 'linear',
    because: () =>
      e.kind === 'mul'
        ? [ruleFormula(w, e, c), ', since ', e, ' is ', w, ' times ', c, ', which does not depend on ', w, '.']
        : named(placeholders([e, w, ctx.root], ctx.root && isArgument(ctx.root, e) ? 'z' : 'u')[0]),
    value: c,
  };
}

/**
 * Letters for a rule's general form (c·σ(z), uⁿ): each letter wanted, or, where the expression
 * itself uses it (which would read "z = uw + z"), the first of s, t, q, r, k, m that it does not.
 */
export function placeholders(around: readonly (Expr | undefined)[], ...wanted: string[]): string[] {
  const used = new Set(around.flatMap((x) => (x ? freeSymbols(x) : [])));
  return wanted.map((letter) => {
    const pick = used.has(letter) ? (SPARE_LETTERS.find((l) => !used.has(l)) ?? letter) : letter;
    used.add(pick);
    return pick;
  });
}

const SPARE_LETTERS = ['s', 't', 'q', 'r', 'k', 'm'];

/**
 * Aᵀ is linear in A: ∂(Aᵀ)/∂w = (∂A/∂w)ᵀ, and a number is its own transpose (x′ is x). Before,
 * transpose was taken for an unknown function and differentiated into transpose′(A).
 */
function transposeRule(a: Expr, ctx: RuleContext, w: Expr): RuleApplication {
  const d = ctx.D(a);
  // A scalar's transpose is the scalar itself.
  const shaped = hasVectorOrMatrix(a);
  return {
    rule: 'linear',
    because: () =>
      shaped
        ? ['The transpose is linear: the derivative of ', pm('Aᵀ', 'A^{\\top}'), ' is ', pm(`(∂A/∂${toText(w)})ᵀ`, `(\\partial A/\\partial ${toLatex(w)})^{\\top}`), '.']
        : ['A number is its own transpose.'],
    value: shaped ? call('transpose', [d]) : d,
  };
}

/** Whether e is an argument of a function call somewhere in `root`. */
function isArgument(root: Expr, e: Expr): boolean {
  if ((root.kind === 'call' || root.kind === 'deriv') && root.args.some((a) => a.hash === e.hash)) return true;
  return children(root).some((c) => isArgument(c, e));
}

/** ∂top/∂w as inline math: "∂z/∂w1" and \partial z/\partial w_{1}. */
function partialQuotient(top: string, w: Expr, topLatex = top): Prose[number] {
  return pm(`∂${top}/∂${toText(w)}`, `\\partial ${topLatex}/\\partial ${toLatex(w)}`);
}

/**
 * "∂(of)/∂w = value·∂inner/∂w" as one piece of inline math, `inner` the inner function's letter
 * when the chain rule multiplies by its derivative.
 */
function ruleFormula(w: Expr, of: Expr, value: Expr, inner?: Expr): Prose[number] {
  const [wt, wl] = [toText(w), toLatex(w)];
  const tail = inner ? [`·∂${toText(inner)}/∂${wt}`, `\\, \\partial ${toLatex(inner)}/\\partial ${wl}`] : ['', ''];
  return pm(`∂(${toText(of)})/∂${wt} = ${toText(value)}${tail[0]}`, `\\partial (${toLatex(of)})/\\partial ${wl} = ${toLatex(value)}${tail[1]}`);
}

/** A function's name in prose: σ and \sigma, ReLU and \operatorname{ReLU}. */
interface FnName {
  readonly text: string;
  readonly latex: string;
}

/** f′ as inline math. */
function prime(fn: string): Prose[number] {
  const name = fnName(fn);
  return pm(`${name.text}′`, `${name.latex}'`);
}

function fnName(fn: string): FnName {
  const latex = functionNameLatex(fn);
  // exp is typeset e^{…}, sqrt and abs around their argument: in a sentence, write their names.
  const prefix = /^(?:\\[a-zA-Z]+|\\operatorname\{[^}]+\}|\\log_\{\d+\}|[a-zA-Z]+)$/.test(latex) && !latex.startsWith('\\sqrt');
  return { text: functionLabel(fn), latex: prefix ? latex : `\\operatorname{${fn}}` };
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
        const [wt, wl] = [toText(w), toLatex(w)];
        if (f.kind === 'call' && f.args.length === 1) {
          const name = fnName(f.fn);
          const [k, z] = placeholders([e, w, ctx.root], 'c', 'z');
          return [
            'It has the form ', pm(`${k}·${name.text}(${z})`, `${k} ${name.latex}(${z})`), ' with ', pm(k), ' = ', c, ' and ', pm(z), ' = ', f.args[0],
            ', where only ', pm(z), ' depends on ', w, ': ',
            pm(`∂/∂${wt}[${k}·${name.text}(${z})] = ${k}·∂${name.text}(${z})/∂${wt}`, `\\partial/\\partial ${wl}\\,[${k} ${name.latex}(${z})] = ${k}\\, \\partial ${name.latex}(${z})/\\partial ${wl}`),
            '.',
          ];
        }
        // u, not f: f names the exercise's function (∂f₃/∂x₂ follows), and u is what the linear rule calls its expression too.
        const [k, u] = placeholders([e, w, ctx.root], 'c', 'u');
        return [
          'It has the form ', pm(`${k}·${u}`, `${k} ${u}`), ' with ', pm(k), ' = ', c, ' constant in ', w, ': ',
          pm(`∂(${k}·${u})/∂${wt} = ${k}·∂${u}/∂${wt}`, `\\partial(${k} ${u})/\\partial ${wl} = ${k}\\, \\partial ${u}/\\partial ${wl}`),
          '.',
        ];
      },
      value: mul(...constants, ctx.D(f)),
    };
  }
  const terms = e.factors.map((f, i) =>
    ctx.dep(f) ? mul(...e.factors.map((g, j) => (i === j ? ctx.D(g) : g))) : undefined,
  );
  return {
    rule: 'product',
    because: () => ['Product rule: ', pm('(f·g)′ = f′·g + f·g′', "(fg)' = f'g + fg'"), ', one term for each factor that depends on ', w, '.'],
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
      because: () => {
        const [n, u] = placeholders([e, w, ctx.root], 'n', 'u').map(sym);
        return e.base.kind === 'sym'
          ? ['Power rule: ', ruleFormula(w, pow(w, n), lowered(n, w)), '.']
          : ['Power rule with the chain rule: ', ruleFormula(w, pow(u, n), lowered(n, u), u), ', with ', u, ' = ', e.base, '.'];
      },
      value,
    };
  }
  if (!baseDep && expDep) {
    return {
      rule: 'exponential',
      because: () => {
        const [a, v] = placeholders([e, w, ctx.root], 'a', 'v').map(sym);
        return [ruleFormula(w, pow(a, v), mul(pow(a, v), call('log', [a])), v), '.'];
      },
      value,
    };
  }
  return {
    rule: 'chain',
    because: () => {
      const [u, v] = placeholders([e, w, ctx.root], 'u', 'v').map(sym);
      const [pu, lu] = [mul(pow(u, v), call('log', [u])), lowered(v, u)];
      return [
        'Both base and exponent depend on ', w, ': ',
        pm(
          `∂(${toText(pow(u, v))}) = ${toText(lu)}·∂${toText(u)} + ${toText(pu)}·∂${toText(v)}`,
          `\\partial (${toLatex(pow(u, v))}) = ${toLatex(lu)}\\, \\partial ${toLatex(u)} + ${toLatex(pu)}\\, \\partial ${toLatex(v)}`,
        ),
        '.',
      ];
    },
    value,
  };
}

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
  if (fn === 'transpose' && args.length === 1) return transposeRule(args[0], ctx, w);
  const terms: Expr[] = [];
  args.forEach((a, i) => {
    if (!ctx.dep(a)) return;
    const d = ctx.D(a);
    terms.push(mul(partialOf(fn, i, args), d));
  });
  const value = add(...terms);
  // The sentences are written only when a derivation asks for them: differentiate() never does.
  const op = lookupOp(fn);
  const around = (): (Expr | undefined)[] => [...args, w, ctx.coefficient, ctx.root];
  const formula = (name: FnName): Prose => {
    if (!op || args.length !== 1) return [];
    const [letter] = placeholders(around(), 'u');
    const d = op.partial(0, [sym(letter)]);
    // relu′ is its own operator: "(here relu′(u) = relu′(u))" would say nothing.
    return d.kind === 'deriv' && d.fn === fn ? [] : [' (here ', pm(`${name.text}′(${letter})`, `${name.latex}'(${letter})`), ' = ', d, ')'];
  };
  if (args.length === 1 && args[0].kind === 'sym') {
    return {
      rule: 'derivative',
      because: () => {
        const name = fnName(fn);
        return ['The derivative of ', pm(name.text, name.latex), ...formula(name), '.'];
      },
      value,
    };
  }
  if (args.length === 1) {
    const c = ctx.coefficient;
    return {
      rule: 'chain',
      because: () => {
        const [k, z] = placeholders(around(), 'c', 'z');
        const [name, wt, wl] = [fnName(fn), toText(w), toLatex(w)];
        return c
          ? [
              'Chain rule: the derivative of ', pm(`${k}·${name.text}(${z})`, `${k} ${name.latex}(${z})`),
              ' is ', pm(`${k}·${name.text}′(${z})·∂${z}/∂${wt}`, `${k} ${name.latex}'(${z})\\, \\partial ${z}/\\partial ${wl}`),
              ', with ', pm(k), ' = ', c, ' and ', pm(z), ' = ', args[0], ...formula(name), '.',
            ]
          : [
              'Chain rule: ', pm(`∂${name.text}(${z})/∂${wt} = ${name.text}′(${z})·∂${z}/∂${wt}`, `\\partial ${name.latex}(${z})/\\partial ${wl} = ${name.latex}'(${z})\\, \\partial ${z}/\\partial ${wl}`),
              ', with ', pm(z), ' = ', args[0], ...formula(name), '.',
            ];
      },
      value,
    };
  }
  return {
    rule: 'chain',
    because: () => {
      const [name, wt, wl] = [fnName(fn), toText(w), toLatex(w)];
      return [
        'Multivariable chain rule: ',
        pm(`∂${name.text}(u₁, …)/∂${wt} = Σᵢ ∂ᵢ${name.text}·∂uᵢ/∂${wt}`, `\\partial ${name.latex}(u_{1}, \\dots)/\\partial ${wl} = \\sum_{i} \\partial_{i} ${name.latex}\\, \\partial u_{i}/\\partial ${wl}`),
        '.',
      ];
    },
    value,
  };
}

function derivRule(fn: string, orders: readonly number[], args: readonly Expr[], ctx: RuleContext, w: Expr): RuleApplication {
  const special = lookupDerivativeOp(fn, orders);
  if (special) {
    const terms = args.map((a, i) => (ctx.dep(a) ? mul(special.partial(i, args), ctx.D(a)) : int(0)));
    return {
      rule: 'piecewise-constant',
      because: () => [prime(fn), ' is piecewise constant, so its derivative is 0 away from the kink.'],
      value: add(...terms),
    };
  }
  const op = lookupOp(fn);
  if (op) {
    // A derivative of a known function, as typed (sigmoid′(z)): write it out, then differentiate.
    const expanded = expandKnownDerivative(fn, orders, args, ctx.full);
    return {
      rule: 'expand-derivative',
      because: () => ['Write ', prime(fn), ' out: ', deriv(fn, orders, args), ' = ', expanded, '.'],
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
    because: () => {
      const [z] = placeholders([...args, w, ctx.root], 'z');
      const [name, wt, wl] = [fnName(fn), toText(w), toLatex(w)];
      return [
        'Chain rule on the derivative: ',
        pm(`∂/∂${wt} ${name.text}′(${z}) = ${name.text}″(${z})·∂${z}/∂${wt}`, `\\partial/\\partial ${wl}\\, ${name.latex}'(${z}) = ${name.latex}''(${z})\\, \\partial ${z}/\\partial ${wl}`),
        '.',
      ];
    },
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
