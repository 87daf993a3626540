/**
 * Matrix expressions: symbols with shapes (W⁽ˡ⁾ m×n, x, b⁽ˡ⁾, h⁽ˡ⁾, z⁽ˡ⁾, δ⁽ˡ⁾), NON-commutative
 * products, transposes, sums, Hadamard products, element-wise activations and their derivatives.
 * The scalar Expr of src/expr cannot carry these: its Mul is commutative and normalises factor
 * order, so AB and BA would be one node. Every node records its shape; the constructors in
 * ./build.ts check shapes and are the only way to make nodes.
 */
import type { Expr } from '../expr/types.js';
import type { Rational } from '../rational.js';

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/**
 * A named matrix or vector: W⁽¹⁾ is `{name: 'W', layer: 1}`, x is `{name: 'x'}`, ŷ is
 * `{name: 'yhat'}`, δ⁽²⁾ is `{name: 'delta', layer: 2}`. A column vector has cols = 1.
 */
export interface MatSymbol extends Shape {
  readonly kind: 'symbol';
  readonly name: string;
  readonly layer?: number;
}

/** The zero matrix of a shape. */
export interface Zero extends Shape {
  readonly kind: 'zero';
}

/** The n×n identity. */
export interface Identity extends Shape {
  readonly kind: 'identity';
}

/** A matrix product A·B·…, n ≥ 2 factors, in order: the order is the meaning. */
export interface Product extends Shape {
  readonly kind: 'product';
  readonly factors: readonly MatExpr[];
}

/** A sum, n ≥ 2 terms of one shape, in the order written. */
export interface Sum extends Shape {
  readonly kind: 'sum';
  readonly terms: readonly MatExpr[];
}

/** −A (a sum prints a negated term as "a − b"). */
export interface Neg extends Shape {
  readonly kind: 'neg';
  readonly arg: MatExpr;
}

/** A rational multiple c·A (the ½ of the squared error). */
export interface Scale extends Shape {
  readonly kind: 'scale';
  readonly coef: Rational;
  readonly arg: MatExpr;
}

export interface Transpose extends Shape {
  readonly kind: 'transpose';
  readonly arg: MatExpr;
}

/** The element-wise (Hadamard) product u ⊙ v ⊙ …, n ≥ 2 factors of one shape. */
export interface Hadamard extends Shape {
  readonly kind: 'hadamard';
  readonly factors: readonly MatExpr[];
}

/**
 * A scalar function applied to every entry: σ(z) has order 0, σ′(z) order 1. `fn` is a name of
 * the notation contract: the abstract `sigma`, or `relu`, `sigmoid`, `tanh`, `identity`.
 */
export interface Elementwise extends Shape {
  readonly kind: 'elementwise';
  readonly fn: string;
  readonly order: number;
  readonly arg: MatExpr;
}

/** diag(v): the n×n matrix with the n×1 vector v on its diagonal. */
export interface Diag extends Shape {
  readonly kind: 'diag';
  readonly arg: MatExpr;
}

/** ‖u‖² = uᵀu of a column vector u (1×1). */
export interface SquaredNorm extends Shape {
  readonly kind: 'norm2';
  readonly arg: MatExpr;
}

/** Parentheses kept for display: (W⁽²⁾W⁽¹⁾)x. Products do not flatten into a group. */
export interface Group extends Shape {
  readonly kind: 'group';
  readonly arg: MatExpr;
}

/**
 * A 1×1 quantity written as a scalar Expr, such as the binary cross-entropy. Its symbols are the
 * `scalarName`s of `vars` (1×1 matrix symbols), so it can be printed and expanded like the rest.
 */
export interface Scalar extends Shape {
  readonly kind: 'scalar';
  readonly expr: Expr;
  readonly vars: readonly MatSymbol[];
}

/** An unevaluated Jacobian ∂of/∂wrt (rows: entries of `of`, columns: entries of `wrt`). */
export interface Jacobian extends Shape {
  readonly kind: 'jacobian';
  readonly of: MatExpr;
  readonly wrt: MatExpr;
}

/** An unevaluated gradient ∇_wrt of, for a 1×1 `of`; it has the shape of `wrt`. */
export interface Gradient extends Shape {
  readonly kind: 'gradient';
  readonly of: MatExpr;
  readonly wrt: MatExpr;
}

/** A named map applied to a vector, for display only: g(x). */
export interface Apply extends Shape {
  readonly kind: 'apply';
  readonly name: string;
  readonly arg: MatExpr;
}

export type MatExpr =
  | MatSymbol
  | Zero
  | Identity
  | Product
  | Sum
  | Neg
  | Scale
  | Transpose
  | Hadamard
  | Elementwise
  | Diag
  | SquaredNorm
  | Group
  | Scalar
  | Jacobian
  | Gradient
  | Apply;

export type MatKind = MatExpr['kind'];
