/**
 * Mistake variants, generated from the correct answer: each is the correct answer with one
 * anticipated mistake made (STACK's "buggy rules", but derived automatically rather than written
 * per question). If a student's answer equals a variant at every test point, the variant's
 * message is the diagnosis. Order matters: the first match wins, most specific first.
 */
import type { Expr } from '../expr/types.js';
import { add, call, deriv, int, matrix, mul, neg, sub, sym, vector } from '../expr/build.js';
import { isZero } from '../rational.js';
import { equal } from '../expr/equal.js';
import { freeSymbols, mapBottomUp, substitute } from '../expr/traverse.js';
import { differentiate } from '../calculus/differentiate.js';
import { lookupOp } from '../ops/registry.js';
import { simplify } from '../simplify/simplify.js';
import { canonical } from './canonical.js';
import { functionUnicode as fnU, placeholderName, symbolUnicode, unicode as u } from './notation.js';
import { nodes, targetIn, topLevel } from './rewrite.js';
import { replaceNode } from '../expr/traverse.js';
import { hasTensor, isScalarShape, shapeOf } from './shape.js';
import type { Problem } from './input.js';
import { orientationOf, squareTransposedMessage } from './orientation.js';
import type { MistakeId } from './types.js';

export interface Variant {
  readonly id: MistakeId;
  readonly expr: Expr;
  readonly message: () => string;
}

export function structuralVariants(problem: Problem): Variant[] {
  const e = problem.expected;
  return [
    ...(problem.anticipated ?? []).map((a) => ({ id: a.id, expr: a.expr, message: () => a.message })),
    ...concreteActivationVariants(problem),
    ...otherPartialVariants(problem),
    ...descentVariants(problem),
    ...entrySignVariants(e),
    ...matrixVariants(e, problem),
    ...derivativeVariants(e, problem),
    ...factorVariants(e, problem),
    ...termVariants(e, problem),
    ...indexVariants(e, problem),
    ...innerIndexVariants(e, problem),
    ...swappedIndexVariants(e, problem),
  ];
}

const tensorShaped = (x: Expr): boolean => hasTensor(x) && !isScalarShape(shapeOf(x));

// ---- a named activation for the lecture's general σ -----------------------------------------

/** The activations a student may write for σ, as the feedback names them. */
const NAMED_ACTIVATIONS: readonly (readonly [string, string])[] = [
  ['sigmoid', 'the logistic sigmoid'],
  ['tanh', 'tanh'],
  ['relu', 'ReLU'],
  ['softplus', 'softplus'],
];

/**
 * The expected answer with the general σ (any differentiable function, as the lecture has it) made
 * one named activation: sigmoid′(z) for σ′(z). Right for that activation only, so not right.
 */
function concreteActivationVariants(problem: Problem): Variant[] {
  const e = problem.expected;
  const out: Variant[] = [];
  for (const [f, arity] of problem.signature) {
    if (arity !== 1 || !nodes(e).some((n) => (n.kind === 'call' || n.kind === 'deriv') && n.fn === f)) continue;
    for (const [g, described] of NAMED_ACTIVATIONS) {
      const expr = mapBottomUp(e, (n) => (n.kind === 'call' && n.fn === f ? call(g, n.args) : n.kind === 'deriv' && n.fn === f ? deriv(g, n.orders, n.args) : n));
      const name = fnU(f);
      out.push({
        id: 'named-activation',
        expr,
        message: () =>
          `${fnU(g)} where ${name} belongs: your answer is right if ${name} is ${described}, but ${name} here is a general activation (any differentiable function, with derivative ${name}′). Write ${name}(…) and ${name}′(…).`,
      });
    }
  }
  return out;
}

// ---- the partial for another variable, the step along the gradient, one entry's sign ----------

/** ∂f/∂v for every other variable v of f, when the answer is ∂f/∂w for one w: "This is ∂ŷ/∂w₁, not ∂ŷ/∂w₃." */
function otherPartialVariants(problem: Problem): Variant[] {
  const { fn, wrt } = problem;
  if (!fn || wrt.length !== 1 || hasTensor(fn)) return [];
  const name = problem.fnName ?? 'f';
  const partial = (v: string): string => `∂${name}/∂${symbolUnicode(v)}`;
  return freeSymbols(fn)
    .filter((v) => v !== wrt[0])
    .map((v) => ({ id: 'other-partial' as const, expr: simplify(differentiate(fn, v)), message: () => `This is ${partial(v)}, not ${partial(wrt[0])}.` }));
}

/** p + ε·g for the expected p − ε·g: 2p minus the expected answer. */
function descentVariants(problem: Problem): Variant[] {
  const p = problem.descentFrom;
  if (!p) return [];
  return [
    {
      id: 'gradient-ascent',
      expr: add(mul(int(2), p), neg(problem.expected)),
      message: () => 'You moved along the gradient; gradient descent moves against it: p ← p − ε ∂f/∂p.',
    },
  ];
}

/** The answer with one entry negated (not a 0), for a vector or matrix written out entry by entry. */
function entrySignVariants(e: Expr): Variant[] {
  if (e.kind !== 'vector' && e.kind !== 'matrix') return [];
  const items = e.kind === 'vector' ? e.items : e.entries;
  if (items.length < 2) return [];
  const cols = e.kind === 'vector' ? 1 : e.cols;
  const line = e.kind === 'vector' || e.rows === 1 || e.cols === 1;
  const rebuilt = (k: number): Expr => {
    const flipped = items.map((x, j) => (j === k ? neg(x) : x));
    return e.kind === 'vector' ? vector(flipped) : matrix(e.rows, e.cols, flipped);
  };
  return items.flatMap((x, k) =>
    x.kind === 'num' && isZero(x.value)
      ? []
      : [
          {
            id: 'sign-error' as const,
            expr: rebuilt(k),
            message: () => `Entry ${line ? k + 1 : `(${Math.floor(k / cols) + 1}, ${(k % cols) + 1})`} has the wrong sign.`,
          },
        ],
  );
}

// ---- matrices: transposes and the order of the chain rule -------------------------------------

function matrixVariants(e: Expr, problem: Problem): Variant[] {
  if (!hasTensor(e)) return [];
  const out: Variant[] = [];
  const s = shapeOf(e);
  if (s.rows === s.cols && s.rows > 1) {
    out.push({
      id: 'transposed-jacobian',
      expr: call('transpose', [e]),
      message: () => squareTransposedMessage(s, orientationOf(problem)),
    });
  }
  for (const n of nodes(e)) {
    if (n.kind === 'call' && n.fn === 'transpose') {
      const x = n.args[0];
      out.push({ id: 'missing-transpose', expr: replaceNode(e, n, x), message: () => `W where Wᵀ belongs: use the transpose ${u(n)}, not ${u(x)}.` });
    }
    if (n.kind !== 'mul') continue;
    const tensors = n.factors.filter(tensorShaped);
    for (const x of tensors) {
      if (x.kind === 'call' && x.fn === 'transpose') continue;
      const t = call('transpose', [x]);
      out.push({ id: 'extra-transpose', expr: replaceNode(e, x, t), message: () => `Wᵀ where W belongs: use ${u(x)}, not its transpose ${u(t)}.` });
    }
    if (tensors.length >= 2) {
      const scalars = n.factors.filter((f) => !tensorShaped(f));
      out.push({
        id: 'reversed-chain-order',
        expr: replaceNode(e, n, mul(...scalars, ...[...tensors].reverse())),
        message: () => 'The chain-rule product is in the reversed order: ∂(f∘g)/∂x = (∂f/∂g)(∂g/∂x), the outer function’s Jacobian first. Matrix products do not commute.',
      });
    }
  }
  return out;
}

// ---- derivatives of activations ------------------------------------------------------------

/** Known one-argument functions whose derivative a student may leave un-differentiated. */
const ACTIVATION_LIKE = ['sigmoid', 'tanh', 'softplus', 'sin', 'cos', 'exp', 'log', 'sqrt'];

function derivativeVariants(e: Expr, problem: Problem): Variant[] {
  const out: Variant[] = [];
  const all = nodes(e);
  for (const d of all) {
    if (d.kind !== 'deriv' || d.args.length !== 1) continue;
    const k = d.orders[0];
    const lower = k === 1 ? call(d.fn, d.args) : deriv(d.fn, [k - 1], d.args);
    const name = fnU(d.fn);
    out.push({
      id: 'function-for-derivative',
      expr: replaceNode(e, d, lower),
      message: () => `${name} where ${name}′ belongs: the chain rule needs the derivative ${u(d)}, not ${u(lower)}.`,
    });
    if (k === 1 && (!lookupOp(d.fn) || d.fn === 'relu')) {
      const g = call(d.fn, d.args);
      out.push({
        id: 'sigmoid-derivative-formula',
        expr: replaceNode(e, d, mul(g, sub(int(1), g))),
        message: () => {
          const a = placeholderName(problem.variables);
          return d.fn === 'relu'
            ? `ReLU′(${a}) written as ReLU(${a})(1 − ReLU(${a})): that formula is the logistic sigmoid’s. ReLU′(${a}) is 0 for ${a} ≤ 0 and 1 for ${a} > 0.`
            : `${name}′(${a}) written as ${name}(${a})(1 − ${name}(${a})): that formula holds only for the logistic sigmoid; ${name} here is a general activation, so keep ${u(d)}.`;
        },
      });
    }
  }
  // A known function's derivative written out (sigmoid(z)(1 − sigmoid(z)), 1 − tanh(z)²) replaced by the function.
  const pairs = new Map<string, Expr>();
  for (const n of [...all, ...(problem.fn ? nodes(problem.fn) : [])]) {
    if ((n.kind !== 'call' && n.kind !== 'deriv') || n.args.length !== 1) continue;
    const fns = n.kind === 'call' && lookupOp(n.fn) ? [n.fn, ...ACTIVATION_LIKE] : ACTIVATION_LIKE;
    for (const g of fns) pairs.set(`${g}:${n.args[0].hash}`, call(g, n.args));
  }
  for (const g of pairs.values()) {
    if (g.kind !== 'call') continue;
    const op = lookupOp(g.fn);
    if (!op || op.arity[0] !== 1 || g.fn === 'relu' || g.fn === 'identity') continue;
    const partial = simplify(op.partial(0, g.args));
    if (equal(partial, g)) continue;
    const parts = partial.kind === 'mul' ? partial.factors : [partial];
    for (const site of topLevel(e)) {
      const replaced = replaceFactors(site, parts, g);
      if (!replaced) continue;
      out.push({
        id: 'function-for-derivative',
        expr: replaceNode(e, site, replaced),
        message: () => `${u(g)} where its derivative ${u(partial)} belongs: the chain rule needs ${g.fn}′, not ${g.fn} itself.`,
      });
    }
  }
  return out;
}

/** The site with the factors `parts` (all present) replaced by `by`, or undefined. */
function replaceFactors(site: Expr, parts: readonly Expr[], by: Expr): Expr | undefined {
  if (site.kind !== 'mul') return parts.length === 1 && equal(site, parts[0]) ? by : undefined;
  const factors = [...site.factors];
  let first = -1;
  for (const p of parts) {
    const i = factors.findIndex((f, k) => k !== first && equal(f, p));
    if (i < 0) return undefined;
    if (first < 0) first = i;
    factors[i] = p === parts[0] ? by : int(1);
  }
  return mul(...factors);
}

// ---- dropped factors: the chain rule's inner derivative, σ′, (ŷ − y), or any other --------------

function factorVariants(e: Expr, problem: Problem): Variant[] {
  const out: Variant[] = [];
  for (const site of topLevel(e)) {
    if (site.kind !== 'mul') continue;
    site.factors.forEach((f, i) => {
      if (f.kind === 'num' || site.factors.findIndex((g) => equal(g, f)) !== i) return;
      const rest = mul(...site.factors.filter((_, k) => k !== i));
      out.push({ ...dropRole(f, site, problem), expr: replaceNode(e, site, rest) });
    });
  }
  return out;
}

function dropRole(f: Expr, site: Expr & { kind: 'mul' }, problem: Problem): Omit<Variant, 'expr'> {
  if (f.kind === 'deriv') {
    return {
      id: 'missing-activation-derivative',
      message: () => `Missing ${u(f)}, the derivative of ${fnU(f.fn)} at its argument: the chain rule multiplies by it.`,
    };
  }
  const y = targetIn(f);
  if (y !== undefined) {
    const shown = f.kind === 'add' && f.terms.length === 2 && f.terms[0].kind === 'sym' && /^yhat/.test(f.terms[0].name) ? '' : `, which is ${symbolUnicode(y.replace(/^y/, 'yhat'))} − ${symbolUnicode(y)}`;
    return {
      id: 'dropped-error-factor',
      message: () => `Dropped the factor ${u(f)}${shown}: with f = ½(ŷ − y)², ∂f/∂p = (ŷ − y)·∂ŷ/∂p, and ∂f/∂ŷ = ŷ − y stays in the product.`,
    };
  }
  const inner = innerDerivativeOf(f, site, problem);
  if (inner) {
    const [z, v, outer] = inner;
    const w = symbolUnicode(v);
    const a = placeholderName(new Set([...problem.variables, ...freeSymbols(z)]));
    const rule = outer === undefined ? `∂(${a}ⁿ)/∂${w} = n·${a}ⁿ⁻¹·∂${a}/∂${w}` : `∂${outer}(${a})/∂${w} = ${outer}′(${a})·∂${a}/∂${w}`;
    return {
      id: 'missing-inner-derivative',
      message: () => `Missing the inner derivative ∂${a}/∂${w} = ${u(f)} of ${a} = ${u(z)}: by the chain rule, ${rule}.`,
    };
  }
  return { id: 'missing-factor', message: () => `Missing the factor ${u(f)}.` };
}

/**
 * If f is ∂z/∂v for the argument z of a function (or the base z of a power zⁿ) in the same
 * product: [z, v, the function's name, or undefined for a power].
 */
function innerDerivativeOf(f: Expr, site: Expr & { kind: 'mul' }, problem: Problem): [Expr, string, string | undefined] | undefined {
  const target = canonical(f);
  for (const g of site.factors) {
    for (const n of nodes(g)) {
      const inner: [Expr, string | undefined] | undefined =
        (n.kind === 'call' || n.kind === 'deriv') && n.args.length === 1 && n.fn !== 'transpose'
          ? [n.args[0], fnU(n.fn)]
          : n.kind === 'pow' && n.exp.kind === 'num'
            ? [n.base, undefined]
            : undefined;
      if (!inner) continue;
      const [z, name] = inner;
      const vars = problem.wrt.length > 0 ? problem.wrt : freeSymbols(z);
      for (const v of vars) {
        if (z.kind === 'sym' && z.name === v) continue;
        if (equal(canonical(differentiate(z, v)), target)) return [z, v, name];
      }
    }
  }
  return undefined;
}

// ---- terms: a missing path, a sign error ------------------------------------------------------

function termVariants(e: Expr, problem: Problem): Variant[] {
  const out: Variant[] = [];
  const w = problem.wrt.length === 1 ? symbolUnicode(problem.wrt[0]) : undefined;
  for (const site of topLevel(e)) {
    if (site.kind !== 'add') continue;
    // Terms through activations (σ′, relu′ …) are paths through a network.
    const paths = site.terms.filter((t) => nodes(t).some((n) => n.kind === 'deriv')).length >= 2;
    site.terms.forEach((t, i) => {
      const others = site.terms.filter((_, k) => k !== i);
      out.push({
        id: 'missing-term',
        expr: replaceNode(e, site, add(...others)),
        message: () => `Missing the term ${u(t)}${w && paths ? `: add one term for every path through which ${w} reaches the output` : ''}.`,
      });
      out.push({
        id: 'sign-error',
        expr: replaceNode(e, site, add(...site.terms.map((x, k) => (k === i ? neg(x) : x)))),
        message: () => `Sign error in the term ${u(t)}.`,
      });
    });
  }
  return out;
}

// ---- a weight with the wrong index ------------------------------------------------------------

const INDEXED = /^([A-Za-z]+)(\d+)_(\d+)_(\d+)$/;
const PLAIN = /^([A-Za-z]+)(\d+)$/;

function family(name: string): string | undefined {
  const m = INDEXED.exec(name);
  if (m) return `${m[1]}${m[2]}_`;
  const p = PLAIN.exec(name);
  return p ? `${p[1]}#` : undefined;
}

/** The problem's variables by family (w1, w2, … ; W1_1_1, W1_1_2, …; b1, b2, …), each in the problem's order. */
function families(problem: Problem): Map<string, string[]> {
  const byFamily = new Map<string, string[]>();
  for (const v of problem.variables) {
    const f = family(v);
    if (f) byFamily.set(f, [...(byFamily.get(f) ?? []), v]);
  }
  return byFamily;
}

/** "w₃ where w₂ belongs: …", with the hint its kind of name needs. */
function wrongIndexMessage(wrong: string, right: string): string {
  const a = INDEXED.exec(right);
  const b = INDEXED.exec(wrong);
  if (a && b && a[3] === b[4] && a[4] === b[3]) {
    return `${symbolUnicode(wrong)} where ${symbolUnicode(right)} belongs: the row and column indices are swapped, as when a sum runs over the wrong index (W instead of Wᵀ).`;
  }
  if (/^[wW]/.test(right)) return `${symbolUnicode(wrong)} where ${symbolUnicode(right)} belongs: check which weight connects these two neurons (is the sum over the right index?).`;
  if (/^b/.test(right)) return `${symbolUnicode(wrong)} where ${symbolUnicode(right)} belongs: each neuron adds its own bias.`;
  return `${symbolUnicode(wrong)} where ${symbolUnicode(right)} belongs: check the index.`;
}

function indexVariants(e: Expr, problem: Problem): Variant[] {
  const out: Variant[] = [];
  const byFamily = families(problem);
  for (const site of topLevel(e)) {
    if (site.kind !== 'mul') continue;
    for (const f of site.factors) {
      if (f.kind !== 'sym') continue;
      for (const other of byFamily.get(family(f.name) ?? '') ?? []) {
        if (other === f.name) continue;
        out.push({
          id: 'wrong-index',
          expr: replaceNode(e, site, mul(...site.factors.map((g) => (g === f ? sym(other) : g)))),
          message: () => wrongIndexMessage(other, f.name),
        });
      }
    }
  }
  return out;
}

/**
 * A name with the wrong index inside a function or a sum, where indexVariants does not look:
 * b₁ where b₂ belongs in ŷ = w₅σ(w₁x₁ + w₂x₂ + b₁) + w₆σ(w₃x₁ + w₄x₂ + b₂) + b₃ (the name replaced
 * wherever it occurs; names that are factors at the top are indexVariants').
 */
function innerIndexVariants(e: Expr, problem: Problem): Variant[] {
  const top = new Set<string>();
  for (const site of topLevel(e)) {
    if (site.kind === 'sym') top.add(site.name);
    if (site.kind === 'mul') for (const f of site.factors) if (f.kind === 'sym') top.add(f.name);
  }
  const byFamily = families(problem);
  const out: Variant[] = [];
  for (const name of freeSymbols(e)) {
    if (top.has(name)) continue;
    for (const other of byFamily.get(family(name) ?? '') ?? []) {
      if (other === name) continue;
      out.push({ id: 'wrong-index', expr: substitute(e, new Map([[name, sym(other)]])), message: () => wrongIndexMessage(other, name) });
    }
  }
  return out;
}

/**
 * Two names of one family exchanged everywhere: w₂ ↔ w₃ in the expansion of ŷ wires x₂ to h₁ with
 * the weight of x₁ to h₂ (the lecture's w₁…w₄ are numbered by hidden neuron, then by input).
 */
function swappedIndexVariants(e: Expr, problem: Problem): Variant[] {
  const present = new Set(freeSymbols(e));
  const out: Variant[] = [];
  for (const members of families(problem).values()) {
    const here = members.filter((v) => present.has(v));
    for (let i = 0; i < here.length; i++) {
      for (let j = i + 1; j < here.length; j++) {
        const [a, b] = [here[i], here[j]];
        const swapped = substitute(e, new Map([[a, sym(b)], [b, sym(a)]]));
        if (equal(swapped, e)) continue;
        const [A, B] = [symbolUnicode(a), symbolUnicode(b)];
        const hint = /^[wW]/.test(a) ? 'check which weight connects which two neurons' : /^b/.test(a) ? 'check which bias belongs to which neuron' : 'check the indices';
        out.push({ id: 'wrong-index', expr: swapped, message: () => `${A} and ${B} are swapped: ${hint}.` });
      }
    }
  }
  return out;
}
