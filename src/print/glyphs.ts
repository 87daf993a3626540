/**
 * Roughly how many glyphs a formula shows, whatever the length of its LaTeX: the measure of "short"
 * in prose (render/katex.ts) and of "may not fit" for brackets (print/latex.ts) and matrices
 * (print/width.ts). A command that draws a symbol counts one, structure (\frac, \left, \mathbf{…},
 * braces, ^, _, spacing) none. By its LaTeX,
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

/** Glyphs beyond which a formula may not fit on its line, after what precedes it there and a list's indent (about 60 % of a line). */
const MAY_NOT_FIT = 45;

/**
 * A formula that may not fit on its line: KaTeX never breaks inside \left…\right, so its
 * brackets must be of a fixed size to leave it free to break after + (src/print/latex.ts). The
 * lecture's ∂/∂w₁ [w₅σ(w₁x₁ + w₂x₂ + b₁) + w₆σ(w₃x₁ + w₄x₂ + b₂) + b₃] shows 38 glyphs and keeps
 * \left[; a 2-2-2-1 sigmoid network's ŷ shows 59, and its line of the key overflowed.
 */
export function mayNotFitALine(latex: string): boolean {
  return glyphCount(latex) > MAY_NOT_FIT;
}
