/**
 * Decimal answers to irrational numbers. A forward pass through a sigmoid or tanh layer gives
 * ŷ = 2σ(−4) + ½, which a student computes by hand as 0.536: compared exactly, that is wrong. A
 * decimal answer to an expected answer whose entries are all irrational constants is accepted
 * when each entry is the expected value rounded or cut to the decimals written, the same number
 * in every entry and at least MIN_DECIMALS of them (0.536 and 0.5359 for 0.535972…, not 0.54).
 * Pure; shared by the library checker (which compares values) and the interactive page (which
 * compares hashes of the whole answer's forms, so that it never confirms an entry or a digit alone).
 */
import type { Expr } from '../expr/types.js';
import { freeSymbols } from '../expr/traverse.js';
import { evaluateExact } from '../numeric/evaluate.js';

/** Fewer decimals than this prove little: 0.5 is within 0.05 of a third of the interval [0, 1]. */
export const MIN_DECIMALS = 3;
/** Forms are kept up to this many decimals (a student writes 4 or 5; doubles hold 15 significant digits). */
export const MAX_DECIMALS = 8;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * The entries of an answer written as plain numbers (text syntax: 0.536, [0.536; 1.464],
 * [[0.1, 0.2]], [1.5, 2; 3, 4]), row by row, with − as -; undefined for anything else.
 */
export function decimalEntries(source: string): string[] | undefined {
  const text = source.replace(/−/g, '-').replace(/\s+/g, '');
  const inner = text.replace(/^\[\[?/, '').replace(/\]?\]$/, '');
  if (/[[\]]/.test(inner) && !/^\[\[.*\]\]$/.test(text)) return undefined;
  const entries = inner.split(/[,;]|\],\[/);
  return entries.length > 0 && entries.every((e) => NUMBER.test(e)) ? entries.map(normalize) : undefined;
}

/** 0.5360 → "0.5360", +.5 → "0.5", -0.000 → "0.000": one spelling for each decimal. */
function normalize(entry: string): string {
  let s = entry.replace(/^\+/, '');
  if (s.startsWith('.')) s = `0${s}`;
  if (s.startsWith('-.')) s = `-0${s.slice(1)}`;
  if (s.endsWith('.')) s = s.slice(0, -1);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

export function decimalPlaces(entry: string): number {
  const dot = entry.indexOf('.');
  return dot < 0 ? 0 : entry.length - dot - 1;
}

/** The value rounded and cut to d decimals, as a student would write them. */
export function decimalForms(value: number, d: number): string[] {
  const scale = 10 ** d;
  const rounded = normalize(value.toFixed(d));
  const cut = normalize((Math.trunc(value * scale) / scale).toFixed(d));
  return rounded === cut ? [rounded] : [rounded, cut];
}

/** Joint forms are listed for at most this many entries cut or rounded independently (2⁶); beyond, rounded only. */
const MAX_JOINT = 6;

/**
 * Every way to write the values to d decimals, entry by entry rounded or cut, each joined with
 * commas: the answer is decided as a whole, so that a page holding hashes of these never confirms
 * one entry, or one digit, at a time. An exact entry (½ of σ(0)) whose decimal ends within d
 * places has that one form, padded: 0.500.
 */
export function jointForms(values: readonly number[], d: number, exact: readonly boolean[]): string[] {
  const each = values.map((v, j) => {
    const forms = decimalForms(v, d);
    if (exact[j] && Number(forms[0]) === v) return forms.slice(0, 1);
    return values.length <= MAX_JOINT ? forms : forms.slice(0, 1);
  });
  return each.reduce<string[]>((acc, forms) => acc.flatMap((a) => forms.map((f) => (a === '' ? f : `${a},${f}`))), ['']);
}

const entriesOf = (e: Expr): readonly Expr[] => (e.kind === 'vector' ? e.items : e.kind === 'matrix' ? e.entries : [e]);

/**
 * Which entries of `expected` are rational, when every entry is a number and some are not
 * (2σ(−4) + ½, ½, tanh(1)): the answers that decimals may give. Undefined otherwise: an answer
 * with variables, or all rational (exact arithmetic is what such an exercise asks for).
 */
export function decimalShape(expected: Expr): boolean[] | undefined {
  const entries = entriesOf(expected);
  if (entries.some((e) => e.kind === 'vector' || e.kind === 'matrix' || freeSymbols(e).length > 0)) return undefined;
  const exact = entries.map((e) => evaluateExact(e, {}) !== undefined);
  return exact.every(Boolean) ? undefined : exact;
}

/** A decimal answer, ready to look up. */
export interface DecimalAnswer {
  readonly decimals: number;
  /** The entries joined with commas, the exact ones padded to `decimals`, as jointForms writes them. */
  readonly text: string;
}

/**
 * The answer as a decimal answer: the entries that are not exact all with the same number of
 * decimals, MIN_DECIMALS to MAX_DECIMALS, the exact ones with as many or fewer (0.5 for ½). A
 * string (a sentence to append to the feedback) when it is written in decimals but not so;
 * undefined when it is not a decimal answer of this shape at all.
 */
export function decimalAnswer(source: string, exact: readonly boolean[]): DecimalAnswer | string | undefined {
  const entries = decimalEntries(source);
  if (!entries || entries.length !== exact.length) return undefined;
  const places = entries.map(decimalPlaces);
  const inexact = places.filter((_, j) => !exact[j]);
  if (inexact.every((d) => d === 0)) return undefined;
  const d = Math.max(...inexact);
  if (d < MIN_DECIMALS || d > MAX_DECIMALS || inexact.some((x) => x !== d) || places.some((x, j) => exact[j] && x > d)) {
    return `(This answer has no exact decimal form: a decimal answer is checked rounded or cut to the same ${MIN_DECIMALS} to ${MAX_DECIMALS} decimals in every entry.)`;
  }
  const padded = entries.map((e, j) => (exact[j] ? pad(e, d) : e));
  return { decimals: d, text: padded.join(',') };
}

function pad(entry: string, d: number): string {
  const places = decimalPlaces(entry);
  return places === d ? entry : `${entry}${places === 0 ? '.' : ''}${'0'.repeat(d - places)}`;
}

export const decimalFeedback = (d: DecimalAnswer): string => `Correct to the ${d.decimals} decimals given.`;
