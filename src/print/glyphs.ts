import { formulaWidth } from './measure.js';

/**
 * Roughly how many glyphs a formula shows, whatever the length of its LaTeX: the measure of "short"
 * in prose (render/katex.ts) and in parenthesized groups (print/groups.ts); how wide a formula is
 * set is print/measure.ts's. A command that draws a symbol counts one, structure (\frac, \left,
 * \mathbf{…}, braces, ^, _, spacing) none. By its LaTeX,
 * `p \leftarrow p - \epsilon \frac{\partial f_{\text{MSE}}}{\partial p}` (68 characters) is long;
 * by what it shows (p ← p − ε ∂f_MSE/∂p, 12 glyphs) it is short, and stays on one line.
 */
export function glyphCount(latex: string): number {
  return latex
    .replace(/\\(?:text|mathrm|mathbf|mathit|operatorname|boldsymbol)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\(?:begin|end)\s*\{[a-z]*\}/g, '')
    .replace(/\\(?:frac|dfrac|tfrac|left|right|displaystyle|textstyle|big|Big|bigg|Bigg|quad|qquad|hat|tilde|bar|vec)(?![A-Za-z])/g, '')
    .replace(/\\[,;:! \\]/g, '')
    .replace(/\\[A-Za-z]+|\\./g, 'x')
    .replace(/[{}^_&\s]/g, '').length;
}

/**
 * The width in em (print/measure.ts) beyond which a formula may not fit on its line, after what
 * precedes it there: three quarters of the narrowest line of a key (print/width.ts LINE_EM).
 */
const MAY_NOT_FIT_EM = 26;

/**
 * A formula that may not fit on its line: KaTeX never breaks inside \left…\right, so its
 * brackets must be of a fixed size to leave it free to break after + (src/print/latex.ts). The
 * lecture's ∂/∂w₁ [w₅σ(w₁x₁ + w₂x₂ + b₁) + w₆σ(w₃x₁ + w₄x₂ + b₂) + b₃] is 24 em wide and keeps
 * \left[; a 2-2-2-1 sigmoid network's ŷ is 34 em, and its line of the key overflowed. Measured in
 * glyphs (over 45 may not fit), a sigmoid's product-rule factor (1 + x₂(1 − sigmoid(…)) ∂/∂x₂[…]),
 * 45 glyphs and 27 em, kept \left( and ran 56 pt into the LaTeX margin.
 */
export function mayNotFitALine(latex: string): boolean {
  return formulaWidth(latex) > MAY_NOT_FIT_EM;
}
