/**
 * SVG text building, shared by the pictures. Output is deterministic (numbers rounded to 0.01 px,
 * attributes in a fixed order) and self-contained: presentation attributes only, no <style>
 * (an inline <style> would leak into the HTML page the SVG is embedded in), no ids (ids collide
 * when several pictures share one page), no external fonts or images.
 */
import { nameLatex, nameUnicode } from '../print/names.js';

/** Print-safe palette: black and greys, plus Okabe & Ito's colour-blind-safe blue and vermillion. */
export const INK = '#000000';
export const GREY = '#555555';
export const LIGHT = '#bbbbbb';
export const ACCENT = '#0072B2';
export const ACCENT2 = '#D55E00';
/** The white of the halos under labels. */
export const HALO = '#ffffff';
export const SERIF = "'DejaVu Serif', 'Times New Roman', serif";
export const SANS = "'DejaVu Sans', Arial, sans-serif";

/**
 * The white under a label that sits on lines: a rounded rectangle over `box`, drawn before the
 * label. A shape, not text: a white outline of the glyphs (a stroke, or a white copy under them) is
 * text too, and a PDF's text layer then reads every label twice ("(0,1) (0,1)").
 */
export function haloBox(box: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }): string {
  return el('rect', { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0, rx: 3, fill: HALO, 'data-role': 'halo' });
}

/** A pixel coordinate as text: at most two decimals, no "-0"; a NaN or ∞ is a bug, so it throws. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`picture coordinate is not finite: ${n}`);
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export type Attrs = Readonly<Record<string, string | number | undefined>>;

/** An element; numeric attributes go through fmt, undefined ones are left out. */
export function el(name: string, attrs: Attrs, children?: string): string {
  const a = Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? fmt(v) : esc(v)}"`)
    .join('');
  return children === undefined ? `<${name}${a}/>` : `<${name}${a}>${children}</${name}>`;
}

export function svgDocument(width: number, height: number, title: string, body: readonly string[]): string {
  const open = el('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${fmt(width)} ${fmt(height)}`,
    'font-family': SERIF,
  }, '\n' + [el('title', {}, esc(title)), el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }), ...body].join('\n') + '\n');
  return open + '\n';
}

/** A label's visible text (Unicode, for plain SVG) and its TeX (data-tex, for later typesetting). */
export interface MathLabel {
  readonly text: string;
  readonly tex: string;
}

const SUP: Record<string, string> = { '(': '⁽', ')': '⁾', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const SUB = '₀₁₂₃₄₅₆₇₈₉';
export const superscript = (s: string): string => [...s].map((c) => SUP[c] ?? c).join('');
export const subscript = (s: string): string => [...s].map((c) => (/\d/.test(c) ? SUB[Number(c)] : c)).join('');

/**
 * A gradsheet name as a label: `w1` → w₁, `yhat` → ŷ, `W1_2_1` → W⁽¹⁾₂,₁ (row 2, column 1 of
 * W⁽¹⁾); anything that is not a name (a number such as `-2`) is shown as written, with − for -.
 */
export function mathLabel(name: string): MathLabel {
  const indexed = /^([A-Za-z]+)(\d+)((?:_\d+)+)$/.exec(name);
  if (indexed) {
    const [, base, layer, rest] = indexed;
    const idx = rest.slice(1).split('_').map(subscript).join(',');
    return { text: `${nameUnicode(base)}${superscript(`(${layer})`)}${idx}`, tex: nameLatex(name) };
  }
  if (/^[A-Za-z]+\d*$/.test(name)) return { text: nameUnicode(name), tex: nameLatex(name) };
  return { text: name.replace(/-/g, '−'), tex: name };
}

/**
 * Rough advance width of plain text in px (serif or sans ≈ 0.58 em a glyph, narrow punctuation
 * less): used only to avoid overlaps. Math labels have exact widths (labelExtent in math-label.ts).
 */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const c of text) w += /[(),.:;'ijl|! ]/.test(c) ? 0.33 : /[₀-₉⁰-⁹⁽⁾¹²³]/.test(c) ? 0.42 : /[mwMW×]/.test(c) ? 0.8 : 0.58;
  return w * size;
}

export interface TextOptions {
  readonly size?: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly italic?: boolean;
  readonly fill?: string;
  readonly family?: string;
  readonly weight?: 'bold';
  readonly tex?: string;
  readonly name?: string;
  readonly role?: string;
}

/**
 * Text centred vertically on y (the baseline is placed 0.35 em below, which every renderer
 * honours). `spans` is markup that follows the text inside the element (mathText's <tspan>s).
 */
export function text(x: number, y: number, content: string, o: TextOptions = {}, spans = ''): string {
  const size = o.size ?? 14;
  return el('text', {
    x,
    y: y + 0.35 * size,
    'font-size': size,
    'text-anchor': o.anchor ?? 'middle',
    'font-style': o.italic ? 'italic' : undefined,
    'font-weight': o.weight,
    'font-family': o.family,
    fill: o.fill ?? INK,
    'data-name': o.name,
    'data-tex': o.tex,
    'data-role': o.role,
  }, esc(content) + spans);
}
