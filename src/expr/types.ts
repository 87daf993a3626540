/**
 * The expression tree. Nodes are immutable and carry a structural hash computed once at
 * construction, so equality is cheap to reject and subtrees can be memoised by structure.
 * Build nodes only through the constructors in ./build.ts: they keep the "as written"
 * normal form that the printers and the parser agree on.
 */
import type { Rational } from '../rational.js';

interface Node {
  /** 32-bit structural hash; equal trees have equal hashes. */
  readonly hash: number;
}

/** An exact rational constant. */
export interface Num extends Node {
  readonly kind: 'num';
  readonly value: Rational;
}

/** A variable or parameter: `x1`, `w5`, `yhat`, `W1_2_1`. */
export interface Sym extends Node {
  readonly kind: 'sym';
  readonly name: string;
}

/** A named mathematical constant. */
export interface Const extends Node {
  readonly kind: 'const';
  readonly name: 'pi' | 'e';
}

/** A sum, n ≥ 2 terms, in the order written. */
export interface Add extends Node {
  readonly kind: 'add';
  readonly terms: readonly Expr[];
}

/**
 * A product, n ≥ 2 factors: at most one numeric coefficient, first; then the other factors in
 * the order written, except that factors with a negative numeric exponent (the denominator) come
 * last. `a/b` is `a·b⁻¹`.
 */
export interface Mul extends Node {
  readonly kind: 'mul';
  readonly factors: readonly Expr[];
}

export interface Pow extends Node {
  readonly kind: 'pow';
  readonly base: Expr;
  readonly exp: Expr;
}

/** A call of a known operator (see src/ops) or of an abstract function such as σ or f. */
export interface Call extends Node {
  readonly kind: 'call';
  readonly fn: string;
  readonly args: readonly Expr[];
}

/**
 * A derivative of a named function, evaluated at its arguments: σ′(z) has `orders: [1]`,
 * σ″(z) `[2]`, ∂₁f(x, y) `[1, 0]`, ∂₁∂₂f(x, y) `[1, 1]`.
 */
export interface Deriv extends Node {
  readonly kind: 'deriv';
  readonly fn: string;
  readonly orders: readonly number[];
  readonly args: readonly Expr[];
}

/** A list `[a, b, c]` (what a function of several outputs returns). */
export interface Vector extends Node {
  readonly kind: 'vector';
  readonly items: readonly Expr[];
}

/** A rows × cols matrix, entries row-major: `[a, b; c, d]`; `[a; b]` is a column. */
export interface Matrix extends Node {
  readonly kind: 'matrix';
  readonly rows: number;
  readonly cols: number;
  readonly entries: readonly Expr[];
}

/** An unevaluated ∂/∂wrt [expr]: appears only inside derivation steps. */
export interface Diff extends Node {
  readonly kind: 'diff';
  readonly expr: Expr;
  readonly wrt: string;
}

export type Expr = Num | Sym | Const | Add | Mul | Pow | Call | Deriv | Vector | Matrix | Diff;
export type Kind = Expr['kind'];

export function assertNever(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
