/**
 * Whether a matrix or vector fits on a line of a sheet when set whole. Shared by the key's answers
 * (render/describe.ts sets a wide one entry by entry) and by the exercises whose worked steps would
 * otherwise restate it whole.
 */
import type { Expr } from '../expr/types.js';
import { toText } from './text.js';

/**
 * A matrix row or vector entry longer than this many characters of its text form (about 70
 * typeset glyphs: `sigma` is one, `*` none) is too wide for a line of the key: set whole, the
 * matrix would shrink to an unreadable size.
 */
const WIDEST_ROW = 100;

/** The rows of a matrix or vector (a vector's entries one a row), or undefined for a scalar. */
export function rowsOf(v: Expr): Expr[][] | undefined {
  if (v.kind === 'matrix') return Array.from({ length: v.rows }, (_, i) => v.entries.slice(i * v.cols, (i + 1) * v.cols));
  if (v.kind === 'vector') return v.items.map((x) => [x]);
  return undefined;
}

/** A matrix or vector of more than one entry with a row too wide to set whole on a line. */
export function tooWideToSetWhole(v: Expr): boolean {
  const rows = rowsOf(v);
  return rows !== undefined && rows.length * rows[0].length > 1 && rows.some((row) => row.reduce((n, x) => n + toText(x).length + 2, 0) > WIDEST_ROW);
}
