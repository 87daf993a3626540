/**
 * Matrices in LaTeX: \begin{bmatrix} a & b \\ c & d \end{bmatrix} (and pmatrix, matrix, array …)
 * → a matrix Expr, read through the parser's cursor (LatexReader) like ./latex-names.ts. Errors
 * name the environment and the column where it began.
 */
import type { Expr } from '../expr/types.js';
import { matrix } from '../expr/build.js';
import { describeToken, MATRIX_ENVS, type Token } from './latex-lexer.js';
import { envName, type LatexReader } from './latex-names.js';
import { readCases, skipColumnSpec } from './latex-cases.js';

/** The environment from its \begin (the current token) to its matching \end. */
export function readMatrixEnv(r: LatexReader, begin: Token): Expr {
  r.next();
  const env = envName(r, begin);
  if (env === 'vmatrix' || env === 'Vmatrix') r.fail(begin, 'determinants (vmatrix) are not supported; use bmatrix for a matrix');
  if (env === 'cases' || env === 'dcases') return readCases(r, begin, env);
  if (!MATRIX_ENVS.has(env)) r.fail(begin, `\\begin{${env}} is not supported; write a matrix as \\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}`);
  if (env === 'array') skipColumnSpec(r);
  const unclosed = `\\begin{${env}} at column ${begin.at + 1} is not closed by \\end{${env}}`;
  const rows = r.nested(begin, () => {
    const read: Expr[][] = [[]];
    for (;;) {
      const t = r.peek();
      if (t.t === 'end') r.fail(t, unclosed);
      if (t.t === 'cmd' && t.v === 'end') return read;
      read[read.length - 1].push(r.sum());
      const sep = r.peek();
      if (r.isCh(sep, '&')) r.next();
      else if (sep.t === 'cmd' && sep.v === '\\') {
        r.next();
        // \\[0.4em]: extra space below the row (our own keys print it), ignored.
        if (r.isCh(r.peek(), '[')) {
          while (!r.isCh(r.peek(), ']') && r.peek().t !== 'end') r.next();
          r.next();
        }
        read.push([]);
      } else if (sep.t === 'end') {
        r.fail(sep, unclosed);
      } else if (!(sep.t === 'cmd' && sep.v === 'end')) {
        r.fail(sep, `expected '&', '\\\\' or \\end{${env}}, not ${describeToken(sep)}`);
      }
    }
  });
  const end = r.next();
  const closing = envName(r, end);
  if (closing !== env) r.fail(end, `\\begin{${env}} at column ${begin.at + 1} is closed by \\end{${closing}}`);
  if (rows.length > 1 && rows[rows.length - 1].length === 0) rows.pop();
  const cols = rows[0].length;
  if (cols === 0) r.fail(begin, 'an empty matrix');
  const bad = rows.findIndex((row) => row.length !== cols);
  const entries = (n: number): string => `${n} entr${n === 1 ? 'y' : 'ies'}`;
  if (bad >= 0) r.fail(begin, `row ${bad + 1} of the matrix has ${entries(rows[bad].length)} but row 1 has ${entries(cols)}`);
  return matrix(rows.length, cols, rows.flat());
}
