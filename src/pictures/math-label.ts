/**
 * Math labels in the pictures (x₁, ŷ, w₁, b⁽¹⁾₂, W⁽¹⁾₂,₁, −2) set as KaTeX sets their TeX, so a
 * diagram reads like the formulas around it: a letter in KaTeX_Math italic, digits and parentheses
 * in upright KaTeX_Main, scripts at 70 % raised or lowered by TeX's rules (TeXbook appendix G, rule
 * 18, as KaTeX's supsub builder applies them) and a hat (KaTeX_Main's ˆ, U+02C6: KaTeX_Math has
 * neither a combining circumflex nor ŷ) centred over its letter with the letter's skew.
 *
 * The SVG stays self-contained: each run is a <tspan> with dx/dy relative to the pen, so a viewer
 * without the KaTeX fonts (a standalone .svg) sets the same label in the fallback serif, a little
 * less exactly. Only the TeX the pictures write is understood (a letter, \hat, a Greek or \mathrm
 * name, ^{…} and _{…} of digits and punctuation, a number); anything else is set as before, from
 * the label's Unicode text.
 */
import { glyphMetrics, type Metrics } from '../print/katex-metrics.js';
import { GREEK_UNICODE } from '../print/names.js';
import { el, esc, haloBox, text, textWidth, type MathLabel, type TextOptions } from './svg.js';

/** The fonts of KaTeX's stylesheet, with fallbacks for an SVG shown without it. */
export const MATH_FONT = "KaTeX_Math, 'DejaVu Serif', 'Times New Roman', serif";
export const MAIN_FONT = "KaTeX_Main, 'DejaVu Serif', 'Times New Roman', serif";

type Font = 'math' | 'main';
const FAMILY: Record<Font, string> = { math: MATH_FONT, main: MAIN_FONT };
/** KaTeX_Math has only an italic face; KaTeX_Main's upright face must be asked for inside an italic label. */
const STYLE: Record<Font, string> = { math: 'italic', main: 'normal' };

const FONT_NAME: Record<Font, string> = { math: 'Math-Italic', main: 'Main-Regular' };

/** A glyph's metrics in KaTeX's font for `font` ([depth, height, italic correction, skew, width]). */
const metrics = (font: Font, char: string): Metrics | undefined => glyphMetrics(FONT_NAME[font], char);

// TeX's font parameters for text style (KaTeX's fontMetrics.ts): labels are inline math.
const X_HEIGHT = 0.431;
/** Minimum superscript shift in text style, not cramped (σ14). */
const SUP2 = 0.363;
/** Minimum subscript shift with no superscript (σ16), and with one (σ17). */
const SUB1 = 0.15;
const SUB2 = 0.247;
/** Drops of a script below the top / the bottom of a nucleus that is not a single symbol (σ18, σ19 of the script font). */
const SUP_DROP = 0.353;
const SUB_DROP = 0.071;
/** Four rule thicknesses: the least gap between a superscript and a subscript (ξ8). */
const SCRIPT_GAP = 4 * 0.04;
/** Scripts are set at 70 % (KaTeX's scriptstyle size). */
const SCRIPT = 0.7;

/** One run of glyphs in one font and size, placed relative to the label's left edge and baseline (em). */
export interface LabelRun {
  readonly text: string;
  readonly font: Font;
  /** 1, or 0.7 for a script. */
  readonly scale: number;
  /** Left edge of the run. */
  readonly x: number;
  /** Baseline raised by this much (negative: lowered). */
  readonly rise: number;
  /** Advance width. */
  readonly width: number;
}

/** A label as KaTeX would set it, in em of its font size. */
export interface LabelLayout {
  readonly runs: readonly LabelRun[];
  /** From the leftmost run's start to the rightmost run's end: what text-anchor="middle" centres. */
  readonly width: number;
  /** How far an italic letter's ink reaches right of that (its italic correction, when it ends the label). */
  readonly overhang: number;
  /** Ink above and below the baseline (TeX's box heights and depths). */
  readonly height: number;
  readonly depth: number;
}

interface Box {
  readonly text: string;
  readonly font: Font;
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly italic: number;
  readonly skew: number;
}

/** Glyphs of one font as a box; undefined if one has no metrics (the label then falls back). */
function box(chars: string, font: Font): Box | undefined {
  const ms: Metrics[] = [];
  for (const c of chars) {
    const m = metrics(font, c);
    if (!m) return undefined;
    ms.push(m);
  }
  const last = ms[ms.length - 1];
  if (!last) return undefined;
  return {
    text: chars,
    font,
    width: ms.reduce((s, m) => s + m[4], 0),
    height: Math.max(...ms.map((m) => m[1])),
    depth: Math.max(...ms.map((m) => m[0])),
    // KaTeX gives a single symbol its italic correction and skew; a word (\mathrm{…}) has neither.
    italic: ms.length === 1 ? last[2] : 0,
    skew: ms.length === 1 ? last[3] : 0,
  };
}

/** A letter, \alpha, \Gamma or \mathrm{…}: the nucleus; the rest of the TeX after it. */
function symbol(tex: string): { box: Box | undefined; rest: string } | undefined {
  const letter = /^[A-Za-z]/.exec(tex);
  if (letter) return { box: box(letter[0], 'math'), rest: tex.slice(1) };
  const roman = /^\\mathrm\{([A-Za-z]+)\}/.exec(tex);
  if (roman) return { box: box(roman[1], 'main'), rest: tex.slice(roman[0].length) };
  const command = /^\\([A-Za-z]+)/.exec(tex);
  const greek = command ? GREEK_UNICODE[command[1]] : undefined;
  // KaTeX sets lower-case Greek in KaTeX_Math italic and capitals upright, in KaTeX_Main.
  if (command && greek) return { box: box(greek, greek === greek.toLowerCase() ? 'math' : 'main'), rest: tex.slice(command[0].length) };
  return undefined;
}

/** The scripts after a nucleus: ^{…} and _{…} (or one character each), digits and punctuation only. */
function scripts(tex: string): { sup?: Box; sub?: Box } | undefined {
  const out: { sup?: Box; sub?: Box } = {};
  let rest = tex;
  while (rest !== '') {
    const m = /^([_^])(?:\{([^{}]*)\}|([0-9]))/.exec(rest);
    if (!m) return undefined;
    const content = m[2] ?? m[3];
    if (!/^[0-9(),.+\-−]+$/.test(content)) return undefined;
    const b = box(content.replace(/-/g, '−'), 'main');
    const key = m[1] === '^' ? 'sup' : 'sub';
    if (!b || out[key]) return undefined;
    out[key] = b;
    rest = rest.slice(m[0].length);
  }
  return out;
}

/**
 * The label's TeX laid out as KaTeX lays it out in text style, or undefined for TeX outside the
 * pictures' small vocabulary.
 */
export function texLayout(tex: string): LabelLayout | undefined {
  // A number (a weight's value): upright KaTeX_Main, - as a minus sign.
  if (/^[-−]?[0-9][0-9.,/]*$/.test(tex)) {
    const b = box(tex.replace(/-/g, '−'), 'main');
    return b && { runs: [{ text: b.text, font: 'main', scale: 1, x: 0, rise: 0, width: b.width }], width: b.width, overhang: 0, height: b.height, depth: b.depth };
  }
  const hat = /^\\hat\{([^{}]+)\}/.exec(tex);
  const nucleus = symbol(hat ? hat[1] : tex);
  if (!nucleus?.box || (hat && nucleus.rest !== '')) return undefined;
  const base = nucleus.box;
  const s = scripts(hat ? tex.slice(hat[0].length) : nucleus.rest);
  if (!s) return undefined;
  const runs: LabelRun[] = [{ text: base.text, font: base.font, scale: 1, x: 0, rise: 0, width: base.width }];
  let height = base.height;
  let depth = base.depth;
  if (hat) {
    // KaTeX centres the accent over the letter's box (its width plus italic correction), moved
    // right by the letter's skew, and lowers it by min(letter height, x-height): onto the baseline of an x-height letter.
    const hatMetrics = metrics('main', 'ˆ');
    if (!hatMetrics) return undefined;
    const [, h, , , w] = hatMetrics;
    const rise = base.height - Math.min(base.height, X_HEIGHT);
    runs.push({ text: 'ˆ', font: 'main', scale: 1, x: (base.width + base.italic) / 2 + base.skew - w / 2, rise, width: w });
    height = Math.max(height, rise + h);
  }
  // Rule 18a: a single symbol (a hatted one too: KaTeX attaches the scripts to the letter) starts at no shift.
  const single = [...base.text].length === 1;
  let supShift = single ? 0 : base.height - SUP_DROP * SCRIPT;
  let subShift = single ? 0 : base.depth + SUB_DROP * SCRIPT;
  const sup = s.sup && { ...s.sup, width: s.sup.width * SCRIPT, height: s.sup.height * SCRIPT, depth: s.sup.depth * SCRIPT };
  const sub = s.sub && { ...s.sub, width: s.sub.width * SCRIPT, height: s.sub.height * SCRIPT, depth: s.sub.depth * SCRIPT };
  if (sup && sub) {
    // Rule 18e: both, with at least four rule widths between them; the superscript's bottom no lower than ⅘ x-height.
    supShift = Math.max(supShift, SUP2, sup.depth + X_HEIGHT / 4);
    subShift = Math.max(subShift, SUB2);
    if (supShift - sup.depth - (sub.height - subShift) < SCRIPT_GAP) {
      subShift = SCRIPT_GAP - (supShift - sup.depth) + sub.height;
      const psi = 0.8 * X_HEIGHT - (supShift - sup.depth);
      if (psi > 0) {
        supShift += psi;
        subShift -= psi;
      }
    }
  } else if (sup) {
    supShift = Math.max(supShift, SUP2, sup.depth + X_HEIGHT / 4);
  } else if (sub) {
    subShift = Math.max(subShift, SUB1, sub.height - 0.8 * X_HEIGHT);
  }
  // A superscript clears the letter's italic correction; a subscript tucks under it.
  if (sup) {
    runs.push({ text: sup.text, font: 'main', scale: SCRIPT, x: base.width + base.italic, rise: supShift, width: sup.width });
    height = Math.max(height, supShift + sup.height);
    depth = Math.max(depth, sup.depth - supShift);
  }
  if (sub) {
    runs.push({ text: sub.text, font: 'main', scale: SCRIPT, x: base.width, rise: -subShift, width: sub.width });
    height = Math.max(height, sub.height - subShift);
    depth = Math.max(depth, sub.depth + subShift);
  }
  const width = Math.max(...runs.map((r) => r.x + r.width));
  return { runs, width, overhang: Math.max(0, base.width + base.italic - width), height, depth };
}

/** A label's room around its anchor (x, y) as mathText sets it, in px: for placing labels. */
export interface LabelExtent {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * The room a label takes around the point it is centred on: its width, and at least one em of
 * height (the baseline 0.35 em below the point, as text() sets it), more where scripts reach out.
 */
export function labelExtent(label: MathLabel, size: number): LabelExtent {
  const layout = texLayout(label.tex);
  if (!layout) {
    const w = textWidth(label.text, size) / 2;
    return { left: -w, right: w, top: -size / 2, bottom: size / 2 };
  }
  const baseline = 0.35 * size;
  const w = (layout.width * size) / 2;
  return {
    left: -w,
    right: w + layout.overhang * size,
    top: Math.min(-size / 2, baseline - layout.height * size),
    bottom: Math.max(size / 2, baseline + layout.depth * size),
  };
}

export interface MathTextOptions extends Omit<TextOptions, 'italic' | 'family' | 'anchor' | 'tex' | 'weight'> {
  /** A white plate under the label (haloRect), so that it reads on top of lines. */
  readonly halo?: boolean;
}

/**
 * A math label centred on (x, y): its first run as the <text>'s own text, each further run a
 * <tspan> whose dx/dy move the pen from the end of the run before (so the scripts come back to
 * the baseline the run before left). data-tex keeps the TeX (the LaTeX export sets it from there).
 */
export function mathText(x: number, y: number, label: MathLabel, options: MathTextOptions = {}): string {
  const { halo, ...o } = options;
  const layout = texLayout(label.tex);
  if (!layout) return (halo ? haloRect(x, y, label, o.size ?? 14) : '') + text(x, y, label.text, { ...o, italic: true, tex: label.tex });
  const size = o.size ?? 14;
  const [first, ...rest] = layout.runs;
  let pen = first.x + first.width;
  let rise = first.rise;
  const spans = rest.map((r) => {
    const dx = (r.x - pen) * size;
    const dy = (rise - r.rise) * size;
    pen = r.x + r.width;
    rise = r.rise;
    const other = r.font !== first.font;
    return el(
      'tspan',
      {
        dx: Math.abs(dx) >= 0.005 ? dx : undefined,
        dy: Math.abs(dy) >= 0.005 ? dy : undefined,
        'font-family': other ? FAMILY[r.font] : undefined,
        'font-style': other ? STYLE[r.font] : undefined,
        'font-size': r.scale !== 1 ? r.scale * size : undefined,
      },
      esc(r.text),
    );
  });
  const face = { size, family: FAMILY[first.font], italic: first.font === 'math' };
  const ink = text(x, y, first.text, { ...o, ...face, tex: label.tex }, spans.join(''));
  return halo ? haloRect(x, y, label, size) + ink : ink;
}

/** How far a label's halo reaches beyond its room (labelExtent): 2 px across, 1 px up and down, as the diagrams' placement boxes. */
export const HALO_PAD = { x: 2, y: 1 } as const;

/**
 * The halo under a math label (haloBox): over the label's room plus HALO_PAD. Not a stroke on the
 * label itself: a browser paints stroke then fill run by run, so a script's halo would wipe out the
 * edge of the letter before it, and Chromium keeps a stroked glyph in the PDF's text as well.
 */
export function haloRect(x: number, y: number, label: MathLabel, size: number): string {
  const e = labelExtent(label, size);
  return haloBox({ x0: x + e.left - HALO_PAD.x, y0: y + e.top - HALO_PAD.y, x1: x + e.right + HALO_PAD.x, y1: y + e.bottom + HALO_PAD.y });
}
