/**
 * An answer's fingerprint made ready to check against (in the page, and in tests that compare the
 * page with the CLI): the reading context, the evaluation at the stored points with the functions
 * for σ redrawn from the stored seed exactly as src/check/session.ts draws them, and the matching
 * of values against hashes.
 */
import { createRng } from '../numeric/rng.js';
import type { AnswerContext } from '../check/input.js';
import { Evaluation, FunctionBank, close, relativelyClose, type Values } from '../check/evaluation.js';
import { randomFunctionSets } from '../check/functions.js';
import { functionUnicode } from '../check/notation.js';
import { COARSE_BUCKETS, digestText, FINE_BUCKETS, lookupHash, tokens, unpackOffsets, unseal } from './digest.js';
import type { AnswerPrint, FactorPrint, Hashed, Mistake } from './types.js';
import type { Diagnosis } from '../check/types.js';
import { openPayload } from './payload.js';

export class PreparedAnswer {
  readonly context: AnswerContext;
  readonly evaluation: Evaluation;
  /** Indices of the entries known only by hash. */
  readonly hidden: readonly number[];
  /** Their offsets in the hash of `constants`. */
  readonly hiddenOffsets: readonly number[];

  constructor(readonly print: AnswerPrint) {
    const signature = new Map(print.signature.map(([name, arity]) => [name, arity] as const));
    // A name for a value (ŷ) is read as one more variable, whose value at each point is stored.
    const symbols = Object.entries(print.symbols ?? {});
    const vars = [...print.vars, ...symbols.map(([name]) => name)];
    this.context = {
      variables: new Set(vars),
      signature,
      definitions: new Map(),
      functionNames: print.functionNames,
      aliases: new Map(Object.entries(print.aliases ?? {})),
      readings: new Map(symbols.map(([name, s]) => [name, s.note])),
    };
    const bank = new FunctionBank(signature);
    const sets = randomFunctionSets(signature, print.setCount, createRng(print.seed).fork('functions'), functionUnicode);
    const values = print.points.map((p, i) => Float64Array.from([...p, ...symbols.map(([, s]) => s.values[i])]));
    this.evaluation = new Evaluation(vars, bank, { values, sets: print.sets.map((k) => sets[k]) }, print.tolerance);
    this.hidden = print.varying.flatMap((v, j) => (v === null ? [j] : []));
    this.hiddenOffsets = print.constants ? unpackOffsets(print.constants[0], this.hidden.length) : [];
  }

  get shape(): { rows: number; cols: number } {
    return { rows: this.print.rows, cols: this.print.cols };
  }

  /**
   * The absolute floor's factor for entry j at point i: the smaller of the expected answer's
   * (stored) and the answer's (`scales`, floorScale of its terms' size), as src/check/check.ts.
   */
  floor(i: number, j: number, scales?: Values): number {
    return Math.max(this.print.scales?.[j]?.[i] ?? 1, scales?.at[i][j] ?? 1);
  }

  /** The first varying entry that differs at point i, or −1. */
  differingEntry(x: Float64Array, i: number, scales?: Values): number {
    const { varying, tolerance } = this.print;
    return varying.findIndex((col, j) => col !== null && !close(x[j], col[i], tolerance, this.floor(i, j, scales)));
  }

  /**
   * Per point: whether values (of the expected shape) agree with the expected answer there;
   * `scales` lowers the absolute floor for an answer computed from small terms (without, it is 1e-12).
   */
  agreement(v: Values, scales?: Values): boolean[] {
    const { constants } = this.print;
    return v.at.map((x, i) => {
      if (this.differingEntry(x, i, scales) >= 0) return false;
      if (!constants) return true;
      const text = tokens(
        this.hidden.map((j) => x[j]),
        this.hiddenOffsets,
        FINE_BUCKETS,
      );
      return text !== undefined && lookupHash(digestText(this.print.salt, 1, this.hidden.length, text)) === constants[1];
    });
  }

  /** Points where agreeing values give evidence (src/check/evaluation.ts informativePoints): a varying entry agrees relatively, or a hashed one matched. */
  informativePoints(v: Values): number {
    const { varying, tolerance } = this.print;
    if (this.hidden.length > 0) return v.at.length;
    return v.at.filter((x, i) => varying.some((col, j) => col !== null && relativelyClose(x[j], col[i], tolerance))).length;
  }

  matchesExpected(v: Values): boolean {
    return v.shape.rows === this.print.rows && v.shape.cols === this.print.cols && this.agreement(v).every(Boolean);
  }

  /** Whether values match hashed ones (COARSE buckets), and the text that unseals what belongs to them. */
  matchText(v: Values, [offsets, hash]: Hashed | Mistake | FactorPrint): string | undefined {
    const flat = v.at.flatMap((x) => [...x]);
    if (hash === '') return undefined;
    const text = tokens(flat, unpackOffsets(offsets, flat.length), COARSE_BUCKETS);
    if (text === undefined) return undefined;
    const full = digestText(this.print.salt, v.shape.rows, v.shape.cols, text);
    return lookupHash(full) === hash ? full : undefined;
  }

  /** The first mistake of the list that the values match, unsealed; undefined if none matches before `stop()`. */
  firstMistake(v: Values, list: readonly Mistake[], stop: () => boolean): Diagnosis | undefined {
    for (const m of list) {
      if (stop()) return undefined;
      const text = this.matchText(v, m);
      const opened = text === undefined ? undefined : unseal(m[2], text);
      const d = opened === undefined ? undefined : openPayload(opened);
      if (d) return d;
    }
    return undefined;
  }
}
