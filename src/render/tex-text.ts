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
 * standing alone that LaTeX has a command for (σ, ε, Δ) is a symbol and is kept, to be set as math.
 */
export function escapeTex(text: string): string {
  return escapeWith(text, (letters) => letters.length === 1 && (/^\\[A-Za-z]+$/.test(GREEK[letters[0]] ?? '') || LETTERLIKE.has(letters[0])));
}

/** Letters that are symbols (ℝ, ℓ), set as math like a Greek letter rather than transliterated (ℝ → R). */
const LETTERLIKE = new Set([...'ℝℕℤℚℂℓ']);

/**
 * Prose text → TeX text. Here a run of Greek letters without accents is symbols, each set as math
 * ("αβγ" → $\alpha\beta\gamma$, not "avg"; "Α" → A, as LaTeX writes Alpha); a word with an accent
 * (Αλέξανδρος) is still a name, transliterated. An unaccented word in capitals (ΑΘΗΝΑ) reads as
 * symbols too: prose in Greek is not something a worksheet of calculus has.
 */
function proseText(text: string): string {
  return escapeWith(text, (letters) => letters.every((c) => GREEK[c] !== undefined || LETTERLIKE.has(c)));
}

/** Special characters escaped; a non-Latin word transliterated unless `keep` keeps its letters as symbols. */
function escapeWith(text: string, keep: (letters: string[]) => boolean): string {
  return text
    .replace(NON_LATIN_WORD, (word) => {
      const letters = [...word.normalize('NFC')];
      return keep(letters) ? word : anyAscii(word.normalize('NFC'));
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
    .map((s) => (s.kind === 'text' ? proseText(s.text) : s.display ? answerline(s.latex) : `$${s.latex}$`))
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

/**
 * Every Greek letter → its LaTeX in math: the letter's command, following Unicode and KaTeX in
 * which form is which (ε U+03B5 is \varepsilon, ϵ U+03F5 \epsilon; φ U+03C6 \varphi, ϕ U+03D5
 * \phi), so that the .tex shows the glyph the HTML shows; a capital LaTeX has no command for
 * (Α, Β, Ε …) is the upright Latin letter, which is how LaTeX writes it, and omicron is o.
 */
const GREEK: Readonly<Record<string, string>> = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ζ: '\\zeta', η: '\\eta', θ: '\\theta',
  ι: '\\iota', κ: '\\kappa', λ: '\\lambda', μ: '\\mu', ν: '\\nu', ξ: '\\xi', ο: 'o', π: '\\pi', ρ: '\\rho',
  ς: '\\varsigma', σ: '\\sigma', τ: '\\tau', υ: '\\upsilon', φ: '\\varphi', χ: '\\chi', ψ: '\\psi', ω: '\\omega',
  ϐ: '\\beta', ϑ: '\\vartheta', ϕ: '\\phi', ϖ: '\\varpi', ϰ: '\\varkappa', ϱ: '\\varrho', ϵ: '\\epsilon', ϝ: '\\digamma',
  µ: '\\mu',
  Α: '\\mathrm{A}', Β: '\\mathrm{B}', Γ: '\\Gamma', Δ: '\\Delta', Ε: '\\mathrm{E}', Ζ: '\\mathrm{Z}', Η: '\\mathrm{H}',
  Θ: '\\Theta', Ι: '\\mathrm{I}', Κ: '\\mathrm{K}', Λ: '\\Lambda', Μ: '\\mathrm{M}', Ν: '\\mathrm{N}', Ξ: '\\Xi',
  Ο: '\\mathrm{O}', Π: '\\Pi', Ρ: '\\mathrm{P}', Σ: '\\Sigma', Τ: '\\mathrm{T}', Υ: '\\Upsilon', Φ: '\\Phi',
  Χ: '\\mathrm{X}', Ψ: '\\Psi', Ω: '\\Omega', ϴ: '\\Theta', ϒ: '\\Upsilon', Ϝ: '\\mathrm{F}',
};

/** Unicode → LaTeX for text mode. Latin letters with accents (é, ö, ñ) are the kernel's already. */
const UNICODE: Record<string, string> = {
  ...Object.fromEntries(Object.entries(GREEK).map(([c, tex]) => [c, m(tex)])),
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
  // Beside the ones above, what a writer may type in prose. The kernel sets ÷, ¬, °, ¼ and µ in
  // the TS1 encoding, for which pdflatex makes bitmap fonts (pdftotext read ÷ as "ö"); the rest
  // it does not set at all.
  '÷': m('\\div'), '¬': m('\\neg'), '°': m('^{\\circ}'), '¼': m('\\tfrac{1}{4}'), '¾': m('\\tfrac{3}{4}'),
  '⅓': m('\\tfrac{1}{3}'), '⅔': m('\\tfrac{2}{3}'), '‴': m("'''"), '∓': m('\\mp'),
  '⋅': m('\\cdot'), '∙': m('\\bullet'), '•': m('\\bullet'), '∗': m('\\ast'), '√': m('\\surd'), '∫': m('\\int'), '∏': m('\\prod'),
  '∀': m('\\forall'), '∃': m('\\exists'), '∉': m('\\notin'), '∋': m('\\ni'), '⊂': m('\\subset'), '⊆': m('\\subseteq'),
  '⊃': m('\\supset'), '⊇': m('\\supseteq'), '∪': m('\\cup'), '∩': m('\\cap'), '∧': m('\\wedge'), '∨': m('\\vee'),
  '∅': m('\\emptyset'), '∝': m('\\propto'), '≡': m('\\equiv'), '∼': m('\\sim'), '≃': m('\\simeq'), '≅': m('\\cong'),
  '≪': m('\\ll'), '≫': m('\\gg'), '⊗': m('\\otimes'), '⊕': m('\\oplus'), '≔': m('\\mathrel{:}='),
  '⇔': m('\\Leftrightarrow'), '⇐': m('\\Leftarrow'), '↔': m('\\leftrightarrow'), '↑': m('\\uparrow'), '↓': m('\\downarrow'),
  '⟶': m('\\longrightarrow'), '⟹': m('\\Longrightarrow'), '⟨': m('\\langle'), '⟩': m('\\rangle'), '∣': m('\\mid'),
  '∥': m('\\parallel'), '⊥': m('\\perp'), '∠': m('\\angle'), 'ℓ': m('\\ell'),
  '⌊': m('\\lfloor'), '⌋': m('\\rfloor'), '⌈': m('\\lceil'), '⌉': m('\\rceil'),
  'ℕ': m('\\mathbb{N}'), 'ℤ': m('\\mathbb{Z}'), 'ℚ': m('\\mathbb{Q}'), 'ℂ': m('\\mathbb{C}'),
  '⁺': m('^{+}'), '⁻': m('^{-}'), '⁼': m('^{=}'), '₊': m('_{+}'), '₋': m('_{-}'), '₌': m('_{=}'),
  ...scripts('^', 'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖ\u0000ʳˢᵗᵘᵛʷˣʸᶻ'),
  ...scripts('_', 'ₐ\u0000\u0000\u0000ₑ\u0000\u0000ₕᵢⱼₖₗₘₙₒₚ\u0000ᵣₛₜᵤᵥ\u0000ₓ\u0000\u0000'),
};

/** Sub- or superscript letters, in the order a–z (\u0000 where Unicode has none) → their LaTeX in math. */
function scripts(mark: '^' | '_', letters: string): Record<string, string> {
  return Object.fromEntries([...letters].flatMap((c, i) => (c === '\u0000' ? [] : [[c, m(`${mark}{${String.fromCharCode(97 + i)}}`)]])));
}

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
