import type { Expr } from '../expr/types.js';
import type { Rational } from '../rational.js';
import type { Rng } from '../numeric/rng.js';

/** A condition on an expression's sign, as in "0 if z ≤ 0". */
export interface Condition {
  readonly expr: Expr;
  readonly rel: '<=' | '<' | '>' | '>=';
}

/** One branch of a piecewise definition. */
export interface Piece {
  readonly when: Condition;
  readonly value: Expr;
}

/**
 * Everything about one operator, in one place (the style of JAX's primitive table): how to
 * evaluate it, its partial derivative with respect to each argument, how to typeset it, and where
 * to sample it when testing.
 */
export interface OpSpec {
  readonly name: string;
  /** Accepted argument counts. */
  readonly arity: readonly number[];
  /** One line for `--help` and the README. */
  readonly doc: string;
  /** Float evaluation. */
  readonly eval: (args: readonly number[]) => number;
  /** The exact value when it is rational (sin(0) = 0, sqrt(9/4) = 3/2, relu(-2) = 0). */
  readonly exact?: (args: readonly Rational[]) => Rational | undefined;
  /** ∂f/∂(argument i), as an expression in the arguments. */
  readonly partial: (i: number, args: readonly Expr[]) => Expr;
  /** LaTeX, given the arguments' LaTeX; `paren` wraps a string in fitting parentheses. */
  readonly tex: (args: readonly string[], paren: (s: string) => string) => string;
  /** Draw arguments from the operator's domain, away from kinks and singularities. */
  readonly sample: (rng: Rng, arity: number) => number[];
  /** Expressions whose sign change is a kink of this operator (relu: its argument). */
  readonly kinks?: (args: readonly Expr[]) => readonly Expr[];
  /** A piecewise form, for operators defined by cases (relu′: 0 if z ≤ 0, 1 if z > 0). */
  readonly pieces?: (args: readonly Expr[]) => readonly Piece[];
}
