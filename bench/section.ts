/**
 * What a bench section is. `npm run bench` runs every section in `sections` (bench/index.ts),
 * in order, and prints all their rows in ONE side-by-side table (ours | mathjs | SymPy), then the
 * sections' notes, timing details and acceptance checks. To add rows (network partials, answer
 * checking, …) write another BenchSection and append it to the list in bench/index.ts.
 */
import type { Timing } from './stats.js';

/** One engine's outcome on one row. Every number in it was measured in this run. */
export type EngineResult =
  | {
      readonly status: 'measured';
      readonly timing: Timing;
      /** What was timed, for the details listing, e.g. "derivative+simplify". */
      readonly what: string;
      /** Output size in characters of the engine's own printed form. */
      readonly chars?: number;
      /** SymPy only: the size of the cse output (see bench/sympy_bench.py for the definition). */
      readonly cseChars?: number;
    }
  | { readonly status: 'timeout'; readonly limitMs: number; readonly what: string }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'error'; readonly message: string }
  /** The engine ran in this run and refused the input (e.g. mathjs throws on an unknown function). */
  | { readonly status: 'unsupported'; readonly message: string; readonly what: string }
  /** Nothing to compare: the engine has no such feature (an answer checker); the cell reads "—". */
  | { readonly status: 'none'; readonly reason: string };

export interface BenchRow {
  /** Short label of the case, e.g. "network n=4". */
  readonly label: string;
  /** Size of the input expression in characters, when the row has one. */
  readonly inputChars?: number;
  readonly ours: EngineResult;
  readonly mathjs: EngineResult;
  readonly sympy: EngineResult;
  /** Our result's relative error against an independent numeric reference, when checked. */
  readonly oursError?: number;
}

export type CheckStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface Check {
  readonly name: string;
  readonly status: CheckStatus;
  /** The measured numbers the verdict was computed from. */
  readonly detail: string;
}

export interface SectionResult {
  readonly rows: readonly BenchRow[];
  /** How the rows were measured: what is timed, how often, what a size counts. */
  readonly notes: readonly string[];
  /** Further measured numbers (spreads, splits) and, when asked for or useful, sample outputs. */
  readonly details: readonly string[];
  readonly checks: readonly Check[];
}

export interface BenchContext {
  /** Progress goes to stderr so that stdout holds only the report. */
  progress(message: string): void;
  /** `npm run bench -- --show`: print sample outputs even when every check passes. */
  readonly show: boolean;
  /**
   * `npm run bench -- --sizes 2,3`: only these network sizes (a quick run; checks at other n are SKIP).
   * The networks section (all at n = 8) then skips only its slowest cell, SymPy's diff of every partial.
   */
  readonly sizes?: readonly number[];
}

export interface BenchSection {
  readonly id: string;
  readonly title: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}
