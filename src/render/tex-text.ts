/**
 * Prose → LaTeX text for pdflatex with no package beyond amsmath/amssymb: special characters
 * escaped, `$…$` math passed through, and the Unicode our prose uses (σ, ∂, ·, ′, ŷ, ₁, ≤ …)
 * declared with the kernel's \DeclareUnicodeCharacter (LaTeX ≥ 2018 reads UTF-8 by default).
 */
import anyAscii from 'any-ascii';
import { splitProse } from './prose.js';
import { keepShortGroups } from '../print/groups.js';

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

/** A word in letters of any script but Latin (Greek, Cyrillic, Han, Hangul, Arabic …), with any combining marks. */
const NON_LATIN_WORD = /(?:(?!\p{Script=Latin})\p{L})(?:(?!\p{Script=Latin})[\p{L}\p{M}])*/gu;

/**
 * Text → TeX text: special characters escaped, and words in letters of a script other than
 * Latin (a student's name: Αλέξανδρος, Дмитрий, 王小明, 김민준) transliterated by any-ascii
 * (Alexandros, Dmitriy, WangXiaoMing, GimMinJun), since OT1 has no such letters and LGR, T2A or
 * CJK need fonts beyond the base install; the HTML and PDF show the name itself. A Greek letter
 * standing alone (σ, ε, Δ) is a symbol and is kept, to be set as math.
 */
export function escapeTex(text: string): string {
  return text
    .replace(NON_LATIN_WORD, (word) => {
      const letter = word.normalize('NFC');
      return [...letter].length === 1 && GREEK[letter] !== undefined ? word : anyAscii(letter);
    })
    .replace(/[\\{}#$%&_^~<>|]/g, (c) => TEXT_ESCAPES[c]);
}

/**
 * Prose with `$…$` math → LaTeX. A `$$…$$` display is an \answerline (the preamble's breakable
 * display, src/render/latex.ts), not \[…\]: TeX never breaks a display, and a network's ŷ written
 * out ran 3,400 pt into the margin.
 */
export function proseTex(text: string): string {
  return splitProse(text)
    .map((s) => (s.kind === 'text' ? escapeTex(s.text) : s.display ? answerline(s.latex) : `$${s.latex}$`))
    .join('');
}

/**
 * A formula on a line of its own: the preamble's \answerline, a display that breaks after + or =,
 * with its short parenthesized groups kept whole (print/groups.ts), as the HTML keeps them.
 */
export function answerline(latex: string): string {
  return `\\answerline{${keepShortGroups(latex)}}`;
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
 * Latin letters that LaTeX's default OT1 encoding cannot set: the kernel maps them to T1-only
 * commands (pdflatex stops: "Command \k unavailable in encoding OT1", for Polish ą and ę) or to
 * nothing at all. Each is written as the letter it is built on, so that a student's name still
 * compiles and reads (Wąs → Was); the HTML and PDF show the letter itself. T1 would need fonts
 * beyond the base install (or bitmap fonts).
 */
const OT1_LETTERS: Record<string, string> = {
  Ð: 'D', ð: 'd', Þ: 'Th', þ: 'th', Ą: 'A', ą: 'a', Đ: 'D', đ: 'd', Ę: 'E', ę: 'e', Ħ: 'H', ħ: 'h', Į: 'I', į: 'i',
  ĸ: 'q', Ŀ: 'L', ŀ: 'l', ŉ: "'n", Ŋ: 'N', ŋ: 'n', Ŧ: 'T', ŧ: 't', Ų: 'U', ų: 'u', ſ: 's',
};

/** Combining marks → the OT1 accent commands that draw them (below: dot, cedilla, bar). */
const ACCENTS: Record<string, string> = {
  '\u0300': '\\`', '\u0301': "\\'", '\u0302': '\\^', '\u0303': '\\~', '\u0304': '\\=', '\u0306': '\\u', '\u0307': '\\.',
  '\u0308': '\\"', '\u030a': '\\r', '\u030b': '\\H', '\u030c': '\\v', '\u0323': '\\d', '\u0327': '\\c', '\u0331': '\\b',
};
const BELOW = new Set(['\u0323', '\u0327', '\u0331']);

/**
 * A letter beyond Latin Extended-A (Vietnamese ễ, ặ, ị) as accents on its base letter. TeX's
 * \accent puts a mark on a character, not on a letter that already has one (\~{\^{e}} sets the
 * tilde beside the ê), so only the first mark above is drawn; marks below (\d, \c, \b) are built
 * as boxes and go around it: ặ → \d{\u{a}}, ễ → \^{e}. Marks OT1 cannot draw (the hook above and
 * horn of ả and ơ, the ogonek) are left off.
 */
function accented(c: string): string | undefined {
  const [base, ...marks] = [...c.normalize('NFD')];
  if (marks.length === 0 || !/^[A-Za-z]$/.test(base) || !marks.every((k) => /[\u0300-\u036f]/.test(k))) return undefined;
  const above = marks.find((k) => ACCENTS[k] !== undefined && !BELOW.has(k));
  const letter = above && (base === 'i' || base === 'j') ? `\\${base}` : base;
  let tex = above ? `${ACCENTS[above]}{${letter}}` : letter;
  for (const k of marks) if (BELOW.has(k)) tex = `${ACCENTS[k]}{${tex}}`;
  return tex;
}

/** How a character beyond ASCII is written for pdflatex, or undefined where the kernel already sets it. */
function charTex(c: string): string | undefined {
  const known = UNICODE[c] ?? OT1_LETTERS[c];
  if (known !== undefined) return known;
  if (c.codePointAt(0)! <= 0x17f) return undefined;
  return accented(c) ?? '?';
}

/**
 * Plain text → LaTeX that needs no declarations (for a fragment, which has no preamble): special
 * characters escaped and each character the kernel cannot set in OT1 written as its LaTeX, or "?".
 */
export function textTex(text: string): string {
  return escapeTex(text).replace(/[^\u0000-\u007f]/gu, (c) => charTex(c) ?? c);
}

/**
 * The \DeclareUnicodeCharacter lines a document needs. A character we cannot set prints as "?"
 * rather than stopping pdflatex ("Unicode character … not set up for use with LaTeX").
 */
export function unicodeDeclarations(document: string): string[] {
  const seen = new Set<string>();
  for (const c of document) if (c.charCodeAt(0) > 0x7e) seen.add(c);
  return [...seen]
    .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
    .flatMap((c) => {
      const tex = charTex(c);
      if (tex === undefined) return [];
      const hex = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      return [`\\DeclareUnicodeCharacter{${hex}}{${tex}}`];
    });
}
