/**
 * An exercise, as every output sees it: the student sheet shows `prompt`; the answer key adds
 * `answers`, `steps` and `figures`; `checks` are the independent numeric tests every answer
 * passes before anything is written (and that `gradsheet verify` re-runs on a saved key).
 */
import type { Expr } from '../expr/types.js';
import type { Rng } from '../numeric/rng.js';
import type { Condition } from '../ops/types.js';
import type { ExerciseNames, MistakeId } from '../check/types.js';

/** A piece of content. Prose may hold inline math between `$…$` (LaTeX). */
export type Block =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'math'; readonly latex: string }
  | { readonly kind: 'figure'; readonly svg: string; readonly caption: string }
  /** Room for the student's work on the sheet (lines of writing space). */
  | { readonly kind: 'space'; readonly lines: number };

/** One branch of a piecewise answer: "0 if z ≤ 0". */
export interface CaseBranch {
  readonly when: Condition;
  readonly value: Expr;
}

/** One answer of an exercise: what the key prints and what a student's answer is checked against. */
export interface Answer {
  /** Unique within the exercise: "a", "w1", "W", … (`gradsheet check … --exercise ID.ANSWER`). */
  readonly id: string;
  /** LaTeX of what is asked for: \frac{\partial \hat{y}}{\partial w_{1}}, \hat{\mathbf{y}}. */
  readonly label: string;
  /** The answer: a scalar, vector or matrix expression (numbers are exact where the inputs are). */
  readonly value: Expr;
  /** A piecewise form (ReLU), shown alongside the closed form. */
  readonly cases?: readonly CaseBranch[];
  /** Extra LaTeX lines shown with the answer in the key (e.g. "W = W^{(2)}W^{(1)}"). */
  readonly notes?: readonly string[];
  /** True when the answer came from the spec (the instructor's key) rather than gradsheet. */
  readonly fromSpec?: boolean;
  /**
   * Names the prompt gives that a student's answer may use (ŷ for the network's output, σ for
   * ReLU where the prompt says so): the checker accepts them (src/interactive/targets.ts). Not saved in a key.
   */
  readonly names?: ExerciseNames;
  /**
   * Wrong answers the exercise anticipates, each with what to tell a student who gives it (one
   * example's gradient for the minibatch's): the checker tries them before its own diagnoses. Not saved in a key.
   */
  readonly mistakes?: readonly AnticipatedMistake[];
}

/** A wrong answer an exercise anticipates (STACK's "buggy rules", computed by the generator). */
export interface AnticipatedMistake {
  readonly id: MistakeId;
  readonly value: Expr;
  /** One or two sentences in the lecture's notation; never the right answer. */
  readonly message: string;
}

/** A worked step of the key: a sentence and the expression it leads to. */
export interface WorkedStep {
  readonly because: string;
  /** The sentence with inline math between `$…$`. */
  readonly becauseLatex: string;
  /** Display LaTeX of the expression after the step (may be empty for a sentence-only step). */
  readonly latex: string;
  /** The answer the step belongs to, when an exercise has several. */
  readonly answerId?: string;
  readonly rule?: string;
}

/**
 * Independent numeric checks, as data (so a saved key can be re-verified). Every answer has at
 * least one check that does not reuse the code path that produced it.
 */
export type Check =
  /** The answer equals ∂f/∂wrt: compared with central finite differences of f. */
  | { readonly kind: 'derivative'; readonly answerId: string; readonly f: Expr; readonly wrt: string }
  /** The answer (a matrix) equals the Jacobian of the vector f w.r.t. vars, entry by entry by finite differences. */
  | { readonly kind: 'jacobian'; readonly answerId: string; readonly f: Expr; readonly vars: readonly string[] }
  /** The answer equals `expr` at random points (an independently built form of the same quantity). */
  | { readonly kind: 'identity'; readonly answerId: string; readonly expr: Expr }
  /** The answer equals the float value of `expr` under `bindings` (matrices allowed), recomputed independently. */
  | { readonly kind: 'value'; readonly answerId: string; readonly expr: Expr; readonly bindings: Readonly<Record<string, Expr>> }
  /** One gradient-descent step: answer = params − lr·Σ ∂loss/∂p over the batch (finite differences). */
  | {
      readonly kind: 'gd-step';
      readonly answerId: string;
      readonly loss: Expr;
      readonly params: Readonly<Record<string, Expr>>;
      readonly batch: readonly Readonly<Record<string, Expr>>[];
      readonly lr: Expr;
    }
  /** The network ŷ = W2·act(W1·x + b1) + b2 computes XOR on the four points. */
  | {
      readonly kind: 'xor';
      readonly answerId: string;
      readonly activation: string;
    };

export interface Exercise {
  /** Stable id within the sheet ("forward", "ex3"). */
  readonly id: string;
  /** 1-based position on the sheet. */
  readonly number: number;
  readonly kind: ExerciseKind;
  readonly title: string;
  readonly points: number;
  /** The student sheet's content. */
  readonly prompt: readonly Block[];
  readonly answers: readonly Answer[];
  readonly steps: readonly WorkedStep[];
  /** Figures for the key (the student sheet shows only those in `prompt`). */
  readonly figures: readonly Block[];
  readonly checks: readonly Check[];
  /** Kind-specific data for the kind's template partial (given matrices, the network's layers, …). */
  readonly data: Readonly<Record<string, unknown>>;
}

export const EXERCISE_KINDS = [
  'forward-pass',
  'xor-design',
  'linear-collapse',
  'chain-rule',
  'network-expansion',
  'partial',
  'all-partials',
  'mse-partials',
  'gradient-step',
  'matrix-gradients',
  'jacobian',
  'jacobian-chain',
  'jacobian-vs-gradient',
] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** What a generator gets besides its parameters. */
export interface GeneratorContext {
  readonly id: string;
  readonly number: number;
  readonly points: number;
  readonly title?: string;
  /** The instructor's own answers from the spec, by answer id ("a" for a single answer). */
  readonly answers?: Readonly<Record<string, string>>;
  /**
   * The exercises before this one on the sheet. A prompt that would print what an earlier
   * exercise asks for (the expanded ŷ) refers to that exercise instead of giving its answer away.
   */
  readonly earlier?: readonly Exercise[];
}

/** (params, rng) → exercise: a pure function of its inputs and the generator's stream. */
export type Generator<P> = (params: P, rng: Rng, ctx: GeneratorContext) => Exercise;
