/**
 * What an interactive page knows about each answer: how to read and evaluate a student's answer
 * (names, points, the seed of the functions standing in for σ) and fingerprints to compare it
 * with. It holds no expression of the answer: values at the test points where the answer depends
 * on the variables, hashes where it does not, and hashed, sealed mistakes. See ./fingerprint.ts
 * (made at build time), ./verdict.ts (used in the page) and docs/checking.md.
 */

import type { Orientation } from '../check/orientation.js';

/**
 * Values known only by their hash: [packed offsets, one per value (./digest.ts packOffsets),
 * lookupHash of `salt|rows×cols|tokens`]. Tuples, not objects: a sheet has a few thousand.
 */
export type Hashed = readonly [offsets: string, hash: string];

/**
 * A recognisable mistake: its values' hash and its diagnosis sealed with those values
 * (./digest.ts seal): JSON {id, message} for a variant; for a piece, the piece's code
 * (./payload.ts) followed by the piece in Unicode.
 */
export type Mistake = readonly [offsets: string, hash: string, sealed: string];

/** A kink argument of the expected answer (relu, abs, …) and on which side of 0 it is at each point. */
export interface KinkPrint {
  /** One string per entry of the argument: '+' or '-' per test point. */
  readonly signs: readonly string[];
  /** The argument in the lecture's Unicode (it is a pre-activation, part of the network given in the prompt). */
  readonly text: string;
  readonly fn: string;
}

/** A factor of the expected product, for partial credit: hashed, never named; `numeric` for a number (the 2 in 2x). */
export type FactorPrint = readonly [offsets: string, hash: string, numeric: boolean];

export interface AnswerPrint {
  /** "exercise.answer": salts every hash, so no two answers (or sheets) share fingerprints. */
  readonly salt: string;
  /** The variables an answer may use, in the checker's order (src/check/input.ts naturalSort). */
  readonly vars: readonly string[];
  /** Abstract functions and their numbers of arguments, in the checker's order (it draws them in this order). */
  readonly signature: readonly (readonly [string, number])[];
  readonly functionNames: readonly string[];
  /** Function names that stand for another function, as the prompt says (sigma → relu); absent when none. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Seed of the check: the functions standing in for σ are drawn from it as src/check/session.ts does. */
  readonly seed: number;
  readonly setCount: number;
  readonly tolerance: number;
  /** Test points: the variables' values, in `vars` order. */
  readonly points: readonly (readonly number[])[];
  /** The function set used at each point. */
  readonly sets: readonly number[];
  readonly rows: number;
  readonly cols: number;
  /**
   * Per entry (row-major): its values at the points when it depends on the variables, else null:
   * an entry with the same value everywhere (a number the student computes) is only hashed.
   */
  readonly varying: readonly (readonly number[] | null)[];
  /**
   * Per varying entry, the factor of the absolute floor at each point (src/check/evaluation.ts
   * floorScale of the size of the expected answer's terms), or null where it is 1 everywhere;
   * absent when it is 1 for every entry. Only the size of the terms, never a value.
   */
  readonly scales?: readonly (readonly number[] | null)[];
  /** The entries that are null in `varying`, hashed together (one value each, FINE buckets). */
  readonly constants?: Hashed;
  /** What the answer's rows and columns are (src/check/orientation.ts), for a transposed answer's feedback; absent for the generic words. */
  readonly orientation?: Orientation;
  /**
   * Names the prompt gives for a value (ŷ, the network's output), which an answer may use: by
   * their values at the points, never the expression they stand for (ŷ's holds σ(w₁x₁ + w₂x₂ + b₁),
   * an answer of the sheet), and the reading the page reports without it. Absent when none.
   */
  readonly symbols?: Readonly<Record<string, SymbolPrint>>;
  /** The problem has a target y (MSE wording of the stray-constant message). */
  readonly mse: boolean;
  readonly kinks: readonly KinkPrint[];
  /** Mistake variants (from the derivation trace, then the answer's structure), first match wins. */
  readonly mistakes: readonly Mistake[];
  /** The answer times −1, 2, ½, 3, 10, … (for answers with no varying entry, whose ratio the page cannot take). */
  readonly scaled: readonly Mistake[];
  /** Extra or missing factors and terms that are pieces of the problem, smallest first. */
  readonly pieces: readonly Mistake[];
  /**
   * When every entry is an irrational constant (2σ(−4) + ½), the hashes of the whole answer
   * written to 3…8 decimals, each entry rounded or cut (src/check/decimals.ts): a hand-computed
   * 0.536 is checked without the page holding the value, or confirming one entry at a time.
   */
  readonly decimals?: readonly string[];
  /** With `decimals`: which entries are exact (½, written 0.5 or 0.500), the others needing rounding. */
  readonly exactEntries?: readonly boolean[];
  /** The expected answer's factors, when it is a product (partial credit). */
  readonly factors?: readonly FactorPrint[];
}

/** A name for a value: its values at the points, in `points` order, and the reading reported when an answer uses it. */
export interface SymbolPrint {
  readonly values: readonly number[];
  readonly note: string;
}

/** An answer the page shows an input for but cannot check, and why. */
export interface Unchecked {
  readonly unchecked: string;
}

export interface PageData {
  readonly version: 1;
  /** By "exercise.answer". */
  readonly answers: Readonly<Record<string, AnswerPrint | Unchecked>>;
}

export const isUnchecked = (p: AnswerPrint | Unchecked): p is Unchecked => 'unchecked' in p;
