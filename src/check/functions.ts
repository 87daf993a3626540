/**
 * Random smooth stand-ins for abstract functions (σ, f, g, …), with exact derivatives of every
 * order, so that σ′ is always the derivative of the σ it is compared with and σ′ ≠ σ ≠ σ″.
 *
 * A function of k arguments is a sum of three "ridge" terms a·g(c·u + d) with g drawn from
 * tanh, sin, exp and ½t² (three different ones), |a| ∈ [0.5, 1.5], |cⱼ| ∈ [0.4, 1.2] (exp: ≤ 0.7,
 * so e^(c·u) ≤ 17 for |u| ≤ 4), d ∈ [−0.5, 0.5], all rounded to 2 decimals. Then
 *   ∂^(o₁…o_k) f(u) = Σ a·Πⱼ cⱼ^oⱼ · g^(Σo)(c·u + d)
 * exactly. Several such functions are drawn per check (./points.ts cycles through them), so an
 * answer must hold for every one: a student's σ(1 − σ) for σ′, or σ for σ′, can never pass.
 */
import type { AbstractFunction } from '../numeric/evaluate.js';
import type { Rng } from '../numeric/rng.js';
import { InputError } from '../errors.js';

export interface FunctionInstance {
  readonly fn: AbstractFunction;
  /** "σ(u) = 0.83·tanh(1.1u − 0.2) − 0.6·sin(0.7u + 0.3) + 0.4·exp(0.5u)". */
  readonly description: string;
}

/** Abstract function name → number of arguments. */
export type Signature = ReadonlyMap<string, number>;
/** One instance of every abstract function of a check. */
export type FunctionSet = ReadonlyMap<string, FunctionInstance>;

/** The highest total derivative order with exact values (tanh's derivative polynomials). */
export const MAX_ORDER = 8;

type Kind = 'tanh' | 'sin' | 'exp' | 'square';

/** Coefficients of P_k(t) with tanh^(k)(u) = P_k(tanh u): P₀ = t, P_{k+1} = P_k′(t)·(1 − t²). */
const TANH_POLYS: readonly (readonly number[])[] = (() => {
  const polys: number[][] = [[0, 1]];
  for (let k = 0; k < MAX_ORDER; k++) {
    const p = polys[k];
    const dp = p.slice(1).map((c, i) => c * (i + 1));
    const next = new Array<number>(dp.length + 2).fill(0);
    dp.forEach((c, i) => {
      next[i] += c;
      next[i + 2] -= c;
    });
    polys.push(next);
  }
  return polys;
})();

/** g^(k)(u) for each kind of ridge profile. */
function profile(kind: Kind, k: number, u: number): number {
  switch (kind) {
    case 'tanh': {
      const t = Math.tanh(u);
      const p = TANH_POLYS[k];
      let s = 0;
      for (let i = p.length - 1; i >= 0; i--) s = s * t + p[i];
      return s;
    }
    case 'sin':
      return Math.sin(u + (k * Math.PI) / 2);
    case 'exp':
      return Math.exp(u);
    case 'square':
      return k === 0 ? (u * u) / 2 : k === 1 ? u : k === 2 ? 1 : 0;
  }
}

interface Term {
  readonly kind: Kind;
  readonly a: number;
  readonly c: readonly number[];
  readonly d: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const signed = (rng: Rng, lo: number, hi: number): number => round2(rng.sign() * rng.uniform(lo, hi));

function fmt(x: number, first: boolean): string {
  const abs = Math.abs(x).toString();
  if (first) return x < 0 ? `−${abs}` : abs;
  return x < 0 ? ` − ${abs}` : ` + ${abs}`;
}

export function randomFunction(label: string, arity: number, rng: Rng): FunctionInstance {
  const kinds: Kind[] = ['tanh', 'sin', 'exp', 'square'];
  // Three distinct profiles, in random order.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const terms: Term[] = kinds.slice(0, 3).map((kind) => ({
    kind,
    a: signed(rng, 0.5, 1.5),
    c: Array.from({ length: arity }, () => signed(rng, 0.4, kind === 'exp' ? 0.7 : 1.2)),
    d: round2(rng.uniform(-0.5, 0.5)),
  }));
  const fn: AbstractFunction = (orders, args) => {
    let total = 0;
    for (const o of orders) total += o;
    if (total > MAX_ORDER) throw new InputError(`derivatives of order above ${MAX_ORDER} cannot be checked`);
    let s = 0;
    for (const t of terms) {
      let u = t.d;
      let scale = t.a;
      for (let j = 0; j < args.length; j++) {
        u += t.c[j] * args[j];
        if (orders[j] > 0) scale *= t.c[j] ** orders[j];
      }
      s += scale * profile(t.kind, total, u);
    }
    return s;
  };
  const vars = arity === 1 ? ['u'] : Array.from({ length: arity }, (_, j) => `u${'₁₂₃₄₅₆₇₈₉'[j] ?? j + 1}`);
  const body = terms
    .map((t, i) => {
      const inner = t.c.map((c, j) => `${fmt(c, j === 0)}${vars[j]}`).join('') + (t.d === 0 ? '' : fmt(t.d, false));
      const g = t.kind === 'square' ? `½(${inner})²` : `${t.kind}(${inner})`;
      return `${fmt(t.a, i === 0)}·${g}`;
    })
    .join('');
  return { fn, description: `${label}(${vars.join(', ')}) = ${body}` };
}

/** `count` independent instances of every function in the signature. */
export function randomFunctionSets(signature: Signature, count: number, rng: Rng, label: (fn: string) => string): FunctionSet[] {
  return Array.from({ length: count }, (_, k) => {
    const r = rng.fork(`functions-${k}`);
    return new Map([...signature].map(([name, arity]) => [name, randomFunction(label(name), arity, r)]));
  });
}
