/**
 * The page's diagnosis, in the order of src/check/diagnose.ts: mistake variants (hashed, sealed),
 * then the kink branch, then a constant factor, then an extra or missing piece (hashed, sealed);
 * and partial credit for a product, which names the student's own factors but only counts the
 * missing ones (naming them would give the answer to anyone who types `a*b`).
 */
import type { Expr } from '../expr/types.js';
import { toLatex } from '../print/latex.js';
import { toText } from '../print/text.js';
import { unicode } from '../check/notation.js';
import { commonFactor, constantMessage, kinkMessage, kinkSources, swappedSides } from '../check/analysis.js';
import type { Values } from '../check/evaluation.js';
import { FINE_BUCKETS, digestText, lookupHash, tokens } from './digest.js';
import { hasTensor } from '../check/shape.js';
import type { Diagnosis, FactorNote } from '../check/types.js';
import type { PreparedAnswer } from './prepared.js';
import { freeSymbols } from '../expr/traverse.js';
import { readAnswer } from '../check/input.js';
import { separatingPoints } from '../check/points.js';
import type { Compiled } from '../check/tensor.js';

/** The first diagnosis that fits, or undefined; `stop` is the budget for this optional work. */
export function diagnosePage(p: PreparedAnswer, answer: Expr, got: Values, agree: readonly boolean[], stop: () => boolean): Diagnosis | undefined {
  return (
    p.firstMistake(got, p.print.mistakes, stop) ??
    (stop() ? undefined : swappedKink(p, answer, agree)) ??
    (stop() ? undefined : kinkBranch(p, answer, agree)) ??
    (stop() ? undefined : constantFactor(p, got, stop)) ??
    p.firstMistake(got, p.print.pieces, stop)
  );
}

/**
 * A kink's two sides swapped (ReLU′(−z), a case z < 0 for z > 0), as src/check/analysis.ts
 * finds it: one of the answer's kink arguments has the opposite sign of one of the expected
 * answer's (stored signs) at every point, and the answer is wrong at every point.
 */
function swappedKink(p: PreparedAnswer, answer: Expr, agree: readonly boolean[]): Diagnosis | undefined {
  if (agree.some(Boolean)) return undefined;
  for (const { arg, fn } of kinkSources([answer])) {
    const k = p.evaluation.values(arg);
    if (!k || k.at[0].length !== 1) continue;
    const theirs = k.at.map((x) => (x[0] > 0 ? '+' : '-')).join('');
    const mirrored = p.print.kinks.find((e) => e.fn === fn && e.signs.length === 1 && [...e.signs[0]].every((s, i) => s !== theirs[i]));
    if (mirrored) return swappedSides(mirrored.text, fn);
  }
  return undefined;
}

/** Right on one side of a kink only: the expected answer's kinks (stored signs), then the answer's own. */
function kinkBranch(p: PreparedAnswer, answer: Expr, agree: readonly boolean[]): Diagnosis | undefined {
  const own = kinkSources([answer]).flatMap(({ arg, fn }) => {
    const k = p.evaluation.values(arg);
    if (!k) return [];
    const signs = Array.from({ length: k.at[0].length }, (_, j) => k.at.map((x) => (x[j] > 0 ? '+' : '-')).join(''));
    return [{ signs, text: unicode(arg), fn }];
  });
  for (const { signs, text, fn } of [...p.print.kinks, ...own]) {
    for (const s of signs) {
      const side = { pos: [0, 0], neg: [0, 0] }; // [agree, disagree]
      agree.forEach((ok, i) => (s[i] === '+' ? side.pos : side.neg)[ok ? 0 : 1]++);
      const rightWherePositive = side.pos[1] === 0 && side.pos[0] > 0 && side.neg[1] > 0;
      const rightWhereNegative = side.neg[1] === 0 && side.neg[0] > 0 && side.pos[1] > 0;
      if (rightWherePositive || rightWhereNegative) return kinkMessage(text, rightWherePositive, fn);
    }
  }
  return undefined;
}

/**
 * answer / expected is one constant: read off the varying entries (as src/check/analysis.ts does,
 * at 1e-7), then confirmed on the hidden ones by hash (answer / k must hash like the expected).
 * With no varying entry the ratio cannot be taken without the expected numbers, so only the
 * stored multiples (−1, 2, ½, 3, 10, …: ./fingerprint.ts) are recognised.
 */
function constantFactor(p: PreparedAnswer, got: Values, stop: () => boolean): Diagnosis | undefined {
  const { varying } = p.print;
  if (p.hidden.length === varying.length) return p.firstMistake(got, p.print.scaled, stop);
  const pairs: [number, number][] = [];
  varying.forEach((col, j) => col?.forEach((e, i) => pairs.push([e, got.at[i][j]])));
  const k = commonFactor(pairs);
  if (k === undefined) return undefined;
  if (p.print.constants) {
    const constants = p.print.constants;
    const offsets = p.hiddenOffsets;
    const ok = got.at.every((x) => {
      const text = tokens(
        p.hidden.map((j) => x[j] / k),
        offsets,
        FINE_BUCKETS,
      );
      return text !== undefined && lookupHash(digestText(p.print.salt, 1, p.hidden.length, text)) === constants[1];
    });
    if (!ok) return undefined;
  }
  return constantMessage(k, p.print.mse);
}

const factorsOf = (e: Expr): readonly Expr[] => (e.kind === 'mul' ? e.factors : [e]);
const note = (e: Expr): FactorNote => ({ text: toText(e), latex: toLatex(e), unicode: unicode(e) });

/** As src/check/factors.ts: the answer's factors matched one to one, by value, to the expected ones. */
export function factorCredit(
  p: PreparedAnswer,
  shown: Expr,
  expand: (e: Expr) => Expr,
): { right: FactorNote[]; wrong: FactorNote[]; missing: number } | undefined {
  const want = p.print.factors;
  if (!want || hasTensor(shown)) return undefined;
  const got = factorsOf(shown);
  if (got.filter((f) => f.kind !== 'num').length < 2) return undefined;
  const used = new Array<boolean>(want.length).fill(false);
  const right: FactorNote[] = [];
  const wrong: FactorNote[] = [];
  for (const f of got) {
    const v = p.evaluation.values(expand(f));
    const k = v === undefined ? -1 : want.findIndex((w, i) => !used[i] && p.matchText(v, w) !== undefined);
    if (k >= 0) {
      used[k] = true;
      right.push(note(f));
    } else wrong.push(note(f));
  }
  return { right, wrong, missing: used.filter((u) => !u).length };
}

/**
 * An answer that agrees at every stored point but whose kink is not the expected answer's
 * (relu′(z + 0.01) for relu′(z): they differ only for −0.01 < z < 0, where no point is). The CLI
 * adds a point between the two kinks and compares there (src/check/points.ts separatingPoints);
 * the page holds no value there, so it says why it cannot decide instead of "correct". The
 * expected answer's kink arguments are read back from their stored text.
 */
export function movedKink(p: PreparedAnswer, answer: Expr): string | undefined {
  const theirs = kinkSources([answer]).filter((k) => freeSymbols(k.arg).length > 0);
  if (theirs.length === 0 || p.print.kinks.length === 0) return undefined;
  const ev = p.evaluation;
  const compiled = (e: Expr): Compiled | undefined => {
    try {
      return ev.compile(e);
    } catch {
      return undefined;
    }
  };
  const mine = p.print.kinks.flatMap((k) => {
    try {
      const c = compiled(readAnswer(k.text, p.context, {}).value);
      return c ? [{ c, text: k.text }] : [];
    } catch {
      return [];
    }
  });
  const own = theirs.flatMap((k) => {
    const c = compiled(k.arg);
    return c ? [{ c, arg: k.arg }] : [];
  });
  const found = separatingPoints({ vars: ev.vars, bank: ev.bank, defined: [] }, ev.points, mine.map((k) => k.c), own.map((k) => k.c));
  const pair = found.pairs[0];
  if (!pair) return undefined;
  return (
    `Could not decide: your answer's kink is where ${unicode(own[pair.answer].arg)} = 0, the right answer's where ${mine[pair.expected].text} = 0. ` +
    'They differ only between the two, where this page holds no values to compare.'
  );
}
