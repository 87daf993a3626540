/**
 * Prose → LaTeX text for pdflatex with no package beyond amsmath/amssymb: special characters
 * escaped, `$…$` math passed through, and the Unicode our prose uses (σ, ∂, ·, ′, ŷ, ₁, ≤ …)
 * declared with the kernel's \DeclareUnicodeCharacter (LaTeX ≥ 2018 reads UTF-8 by default).
 */
import { splitProse } from './prose.js';

const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
  // OT1, the default font encoding, has no < > | glyphs in text (it prints ¡ ¿ —).
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

export function escapeTex(text: string): string {
  return text.replace(/[\\{}#$%&_^~<>|]/g, (c) => TEXT_ESCAPES[c]);
}

/**
 * Prose with `$…$` math → LaTeX. A `$$…$$` display is an \answerline (the preamble's breakable
 * display, src/render/latex.ts), not \[…\]: TeX never breaks a display, and a network's ŷ written
 * out ran 3,400 pt into the margin.
 */
export function proseTex(text: string): string {
  return splitProse(text)
    .map((s) => (s.kind === 'text' ? escapeTex(s.text) : s.display ? `\\answerline{${s.latex}}` : `$${s.latex}$`))
    .join('');
}

const m = (tex: string): string => `\\ensuremath{${tex}}`;

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau',
  υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta',
  Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi', Σ: 'Sigma', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
};

/** Unicode → LaTeX for text mode. Latin letters with accents (é, ö, ñ) are the kernel's already. */
const UNICODE: Record<string, string> = {
  ...Object.fromEntries(Object.entries(GREEK).map(([c, name]) => [c, m(`\\${name}`)])),
  ...Object.fromEntries([...'₀₁₂₃₄₅₆₇₈₉'].map((c, i) => [c, m(`_{${i}}`)])),
  ...Object.fromEntries([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((c, i) => [c, m(`^{${i}}`)])),
  '⁽': m('^{(}'), '⁾': m('^{)}'), '₍': m('_{(}'), '₎': m('_{)}'), 'ᵀ': m('^{T}'), 'ᵐ': m('^{m}'), 'ⁿ': m('^{n}'),
  '²': m('^{2}'), '³': m('^{3}'), '¹': m('^{1}'),
  'ŷ': m('\\hat{y}'), '∂': m('\\partial'), '∇': m('\\nabla'), '·': m('\\cdot'), '×': m('\\times'),
  '′': m("'"), '″': m("''"), '’': "'", '‘': '`', '“': '``', '”': "''", '–': '--', '—': '---', '…': m('\\ldots'),
  '−': m('-'), '±': m('\\pm'), '≤': m('\\leq'), '≥': m('\\geq'), '≠': m('\\neq'), '≈': m('\\approx'),
  '→': m('\\rightarrow'), '←': m('\\leftarrow'), '⇒': m('\\Rightarrow'), '↦': m('\\mapsto'), '∘': m('\\circ'),
  '∈': m('\\in'), '⊙': m('\\odot'), 'ℝ': m('\\mathbb{R}'), '∑': m('\\sum'), '∞': m('\\infty'), '⊤': m('\\top'), '‖': m('\\|'),
  '⋯': m('\\cdots'), '⋮': m('\\vdots'), '⋱': m('\\ddots'), '½': m('\\tfrac{1}{2}'), '✓': m('\\checkmark'),
  '\u00a0': '~', '\u200b': '',
};

/**
 * Plain text → LaTeX that needs no declarations (for a fragment, which has no preamble): special
 * characters escaped and each character beyond Latin Extended-A written as its LaTeX, or "?".
 */
export function textTex(text: string): string {
  return escapeTex(text).replace(/[^\u0000-\u017f]/gu, (c) => UNICODE[c] ?? '?');
}

/**
 * The \DeclareUnicodeCharacter lines a document needs. Characters outside Latin-1/Latin
 * Extended-A that we do not know print as "?" rather than stopping pdflatex ("Unicode character
 * … not set up for use with LaTeX").
 */
export function unicodeDeclarations(document: string): string[] {
  const seen = new Set<string>();
  for (const c of document) if (c.charCodeAt(0) > 0x7e) seen.add(c);
  return [...seen]
    .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
    .flatMap((c) => {
      const cp = c.codePointAt(0)!;
      const known = UNICODE[c];
      if (known === undefined && cp <= 0x17f) return [];
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      return [`\\DeclareUnicodeCharacter{${hex}}{${known ?? '?'}}`];
    });
}
