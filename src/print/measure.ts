/**
 * How wide a formula is when set, in em of its font: the LaTeX that gradsheet writes (print/latex.ts
 * and the exercises' steps) laid out as TeX lays out inline math in \displaystyle (the key's lines in
 * both renderers), with the widths of KaTeX's fonts (Computer Modern's, so pdflatex's too, read from
 * KaTeX's own metrics table), TeX's spaces between atoms (TeXbook ch. 18: thin, medium and thick
 * spaces around operators and relations), scripts at the script size, fractions, \left…\right
 * delimiters sized to their contents, and matrices with their column gaps.
 *
 * And where a line may break: TeX and KaTeX break inline math only after a binary operator or a
 * relation at its top level (or at \allowbreak), never inside braces, \left…\right or a matrix.
 * What a line must hold is the widest piece between two such breaks: a bracketed matrix is one
 * piece, "W h + b =" another.
 *
 * Counting glyphs, every glyph weighs the same: a 4-term sum of subscripted variables counts 16,
 * like 16 letters, but its three operators with their spaces are 1.2 em each, and a row of such
 * entries that counted 56 glyphs ran 120 pt into the margin of the LaTeX key.
 */
import { layout, listBox } from './tex-atoms.js';
import { Parser } from './tex-parser.js';

/** The width in em of `latex` set as inline math in \displaystyle, on one line. */
export function formulaWidth(latex: string): number {
  return listBox(new Parser(latex).list(0).atoms, 0).w;
}

/**
 * The widths in em of the pieces of `latex` (set as inline math in \displaystyle) between the
 * places a line may break: each must fit on a line of its own. The space after a break is left
 * out (TeX drops it at the start of a line).
 */
export function pieceWidths(latex: string): number[] {
  const { atoms } = new Parser(latex).list(0);
  const { atoms: out, gaps, breaks } = layout(atoms, 0);
  const pieces: number[] = [];
  let w = 0;
  for (let k = 0; k < out.length; k++) {
    w += out[k].w + gaps[k];
    if (breaks[k] && k < out.length - 1) {
      pieces.push(w);
      w = 0;
      // The space after the break goes with it.
      if (k + 1 < out.length) w -= gaps[k + 1];
    }
  }
  pieces.push(w);
  return pieces;
}
