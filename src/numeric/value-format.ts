/**
 * Printing the values of ./matrix-eval.ts: exact entries as fractions (3/4, \frac{3}{4}), float
 * entries with a chosen number of significant digits (or all of them), matrices in the parser's
 * syntax ([a, b; c, d], a single row as [[a, b]]) so that printed values read back.
 */
import { num } from '../expr/build.js';
import { bmatrixLatex, toLatex } from '../print/latex.js';
import { ratText } from '../rational.js';
import type { Scalar, Value } from './matrix-eval.js';

export interface FormatOptions {
  /** Significant digits of floats; undefined prints the shortest text that reads back exactly. */
  readonly digits?: number;
}

/** 0.731059 for 6 digits; 1.23457e-7; integers-valued floats without a point. */
export function floatText(x: number, digits?: number): string {
  const y = digits === undefined ? x : Number(x.toPrecision(digits));
  return Object.is(y, -0) ? '0' : String(y);
}

export function scalarText(s: Scalar, options: FormatOptions = {}): string {
  return s.kind === 'exact' ? ratText(s.value) : floatText(s.value, options.digits);
}

export function scalarLatex(s: Scalar, options: FormatOptions = {}): string {
  if (s.kind === 'exact') return toLatex(num(s.value));
  const t = floatText(s.value, options.digits);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(t);
  return m ? `${m[1]} \\times 10^{${Number(m[2])}}` : t;
}

/** Rows of entry texts (a number is one row of one entry). */
export function valueEntries(v: Value, options: FormatOptions = {}): string[][] {
  if (v.kind !== 'matrix') return [[scalarText(v, options)]];
  return Array.from({ length: v.rows }, (_, i) => v.entries.slice(i * v.cols, (i + 1) * v.cols).map((s) => scalarText(s, options)));
}

export function valueText(v: Value, options: FormatOptions = {}): string {
  if (v.kind !== 'matrix') return scalarText(v, options);
  const rows = valueEntries(v, options).map((r) => r.join(', '));
  return v.rows === 1 ? `[[${rows[0]}]]` : `[${rows.join('; ')}]`;
}

export function valueLatex(v: Value, options: FormatOptions = {}): string {
  if (v.kind !== 'matrix') return scalarLatex(v, options);
  const rows: string[][] = [];
  for (let i = 0; i < v.rows; i++) rows.push(v.entries.slice(i * v.cols, (i + 1) * v.cols).map((s) => scalarLatex(s, options)));
  return bmatrixLatex(rows);
}
