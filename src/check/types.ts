/** The answer checker's public types: what `checkAnswer` takes and what it returns. */
import type { Expr } from '../expr/types.js';

/**
 * correct / incorrect: decided. invalid: the answer could not be read (syntax, unknown variable,
 * length or nesting limit). undecided: the checker could not decide honestly (no valid test points
 * in the expected answer's domain, or the time budget ran out).
 */
export type Verdict = 'correct' | 'incorrect' | 'invalid' | 'undecided';

/** The mistake classes the diagnosis recognises (see ./variants.ts and ./analysis.ts). */
export type MistakeId =
  | 'missing-inner-derivative'
  | 'function-for-derivative'
  | 'sigmoid-derivative-formula'
  | 'named-activation'
  | 'missing-activation-derivative'
  | 'missing-factor'
  | 'extra-factor'
  | 'dropped-error-factor'
  | 'stray-constant'
  | 'constant-factor'
  | 'sign-error'
  | 'missing-term'
  | 'extra-term'
  | 'reversed-chain-order'
  | 'transposed-jacobian'
  | 'missing-transpose'
  | 'extra-transpose'
  | 'wrong-index'
  | 'product-rule'
  | 'power-rule'
  | 'kink-branch'
  | 'misplaced-kink'
  | 'gradient-ascent'
  | 'single-example'
  | 'mean-gradient'
  | 'no-update'
  | 'missing-learning-rate'
  | 'missing-activation'
  | 'bias-after-activation'
  | 'output-activation'
  | 'missing-bias'
  | 'other-partial';

export interface Diagnosis {
  readonly id: MistakeId;
  /** One or two sentences in the lecture's notation (w₁, σ′, ŷ). */
  readonly message: string;
}

/** A value: a number, or the rows of a vector (a column) or matrix. */
export type CheckValue = number | readonly (readonly number[])[];

export interface Counterexample {
  /** The variables' values at the point (2 decimals, except at the last 4 points, which keep full precision). */
  readonly point: Readonly<Record<string, number>>;
  readonly expected: CheckValue;
  readonly answer: CheckValue;
  /** For vectors and matrices: the first entry that differs, 1-based [row, column]. */
  readonly entry?: readonly [number, number];
  /** How each abstract function (σ, f) was instantiated at this point. */
  readonly functions?: Readonly<Record<string, string>>;
}

/** One factor of a product, as text (the input syntax), LaTeX and Unicode. */
export interface FactorNote {
  readonly text: string;
  readonly latex: string;
  readonly unicode: string;
}

/** Partial credit for a product: which of the answer's factors match factors of the expected answer. */
export interface FactorReport {
  readonly right: readonly FactorNote[];
  readonly wrong: readonly FactorNote[];
  readonly missing: readonly FactorNote[];
}

export interface CheckResult {
  readonly verdict: Verdict;
  /** LaTeX of how the answer was read (after splitting `uw` into u·w); '' when it could not be read. */
  readonly interpreted: string;
  /** The same in the text syntax. */
  readonly interpretedText: string;
  /** What the student sees: "Correct.", the diagnosis, or the counterexample in words. */
  readonly feedback: string;
  readonly syntax?: 'text' | 'latex';
  /** How the answer was read where that needed a choice ("read uw as u·w"). */
  readonly notes: readonly string[];
  readonly diagnosis?: Diagnosis;
  readonly counterexample?: Counterexample;
  readonly factors?: FactorReport;
  /** 'symbolic': equal canonical forms; 'numeric': equal at every test point. */
  readonly method?: 'symbolic' | 'numeric';
  /** Test points compared (numeric method, or points evaluated before a difference). */
  readonly points?: number;
  /** For invalid answers: the user's column (1-based) when known, and the message. */
  readonly error?: { readonly column?: number; readonly message: string };
  /** Set only if the checker itself failed (a bug): the verdict is then 'undecided'. */
  readonly internalError?: string;
}

export interface CheckOptions {
  /**
   * The expected expression is a function; the expected answer is its derivative with respect to
   * this variable, or its Jacobian (rows: outputs, columns: variables) for several.
   */
  readonly wrt?: string | readonly string[];
  /** Seed of the test points and of the random functions standing in for σ, f, … (default 1). */
  readonly seed?: number;
  /** Test points (default 16, at least 12). */
  readonly points?: number;
  /** Relative tolerance (default 1e-9); values below 1e-3 in size compare with an absolute 1e-12. */
  readonly tolerance?: number;
  /** Extra names read as abstract functions when followed by `(` (σ, φ, ψ, f and g always are). */
  readonly functions?: readonly string[];
  /** Abbreviations the answer may use, such as z1 = w1*x1 + w2*x2 + b1. */
  readonly definitions?: Readonly<Record<string, Expr | string>>;
  /**
   * Names the exercise's prompt gives, which an answer may use, with the reading reported in the
   * result's notes: `symbols` are written out like definitions (yhat, the network's output ŷ),
   * `functions` stand for another function (sigma for relu, where the prompt says σ is ReLU).
   */
  readonly names?: ExerciseNames;
  /**
   * Wall-clock budget in ms for the optional work (diagnosis, partial credit; default 50); the
   * verdict itself gives up, as "could not decide", only at 10× this. See ./budget.ts.
   */
  readonly timeBudgetMs?: number;
  /** The clock, in ms (default performance.now); injectable for tests and the browser. */
  readonly now?: () => number;
  /** Answer input limits (default 2,000 characters and 40 levels of nesting). */
  readonly maxLength?: number;
  readonly maxDepth?: number;
}

/** See CheckOptions.names. */
export interface ExerciseNames {
  /**
   * `note` is the reading reported in a result's notes, with the value written out ("read ŷ as
   * the network’s output w₅σ(…) + …"); `brief` says the same without the value, for the
   * interactive page, which must not print it (the value may hold an answer of the sheet).
   */
  readonly symbols?: Readonly<Record<string, { readonly value: Expr | string; readonly note: string; readonly brief?: string }>>;
  readonly functions?: Readonly<Record<string, string>>;
}
