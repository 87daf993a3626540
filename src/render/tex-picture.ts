/**
 * The SVG pictures gradsheet draws (src/pictures: network diagrams, XOR plots) as a LaTeX
 * `picture`, which the kernel draws with no package: straight lines (\line, \qbezier for any
 * slope), circles and dots (\circle, \circle*), and labels in math where the SVG gives their TeX
 * (`data-tex`). It reads only the elements and attributes those pictures write.
 *
 * In one colour: a light fill (a shaded region) is hatched, a dark one is solid (a data point is
 * a dot; an arrowhead, its outline); a dashed stroke is drawn in dashes; white strokes and the faint
 * grid are left out, and a line stops short of a label's white halo (a diagram's weight label sits
 * on its edge, as in the SVG). A fill that is not a plain colour gives undefined: no picture.
 */
import { escapeTex } from './tex-text.js';
import { chord } from '../pictures/clip.js';
import { fmt, textWidth } from '../pictures/svg.js';

/** The widest a picture is set: a little less than the export's 160 mm line (455 pt). */
const MAX_WIDTH_PT = 400;
/** 96 px to the inch, 72.27 pt to the inch: the size at which the SVG is drawn, at most. */
const PT_PER_PX = 72.27 / 96;
/** Strokes that are not drawn: white (marks on a dot) and the faint grid. */
const HIDDEN = new Set(['#ffffff', '#eeeeee', 'none']);
/** LaTeX's sizes in an 11 pt document, for the labels. */
const SIZES: readonly [number, string][] = [
  [6, '\\tiny'],
  [8, '\\scriptsize'],
  [9, '\\footnotesize'],
  [10, '\\small'],
  [10.95, '\\normalsize'],
];

type Attrs = Readonly<Record<string, string>>;
type Point = readonly [number, number];

/** How a fill is drawn in one colour: not at all, hatched (a light shade: a region), or solid (a dot). */
type Tone = 'none' | 'light' | 'dark';

function tone(fill: string | undefined): Tone | undefined {
  if (fill === undefined || fill === 'none' || fill === '#ffffff') return 'none';
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!hex) return undefined;
  const [r, g, b] = hex.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.75 ? 'light' : 'dark';
}

/** Lines shorter than this many pt are left out (see segment). */
const MIN_SEGMENT_PT = 1;

/** Hatching of a light region: lines at 45°, this many px apart. */
const HATCH_PX = 12;

export function svgToPicture(svg: string): string | undefined {
  const root = /<svg\b([^>]*)>/.exec(svg);
  if (!root) throw new Error('svgToPicture: no <svg> element');
  const size = attributes(root[1]);
  const width = Number(size.width);
  const height = Number(size.height);
  const scale = Math.min(PT_PER_PX, MAX_WIDTH_PT / width);
  // Coordinates stay the SVG's pixels; \unitlength scales them, and y is flipped (picture y is up).
  const at = ([x, y]: Point): string => `(${fmt(x)},${fmt(height - y)})`;
  const out: string[] = [];
  const draw = (points: readonly Point[], closed: boolean, a: Attrs): void => {
    const ends = closed ? [...points, points[0]] : points;
    const dash = (a['stroke-dasharray'] ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
    const lines: string[] = [];
    for (let i = 1; i < ends.length; i++) for (const [p, q] of dashes(ends[i - 1], ends[i], dash)) lines.push(segment(p, q, at, scale));
    const thick = Number(a['stroke-width'] ?? 1) >= 2;
    out.push(thick ? `{\\thicklines\n${lines.join('\n')}}` : lines.join('\n'));
  };
  // Hatching, which stands for the SVG's light shading, stops short of every label ("(0,1)" beside its point): lines drawn through letters would hide them.
  const boxes: Box[] = [...svg.matchAll(/<text\b([^>]*)>(.*?)<\/text>/g)].map((m) => labelBox(attributes(m[1]), textContent(m[2])));
  // A diagram's label halo (a white rectangle, src/pictures/math-label.ts): the lines under it stop
  // at its edge, as the white hides them in the SVG, and the label sits where the SVG has it.
  const halos: Box[] = [...svg.matchAll(/<rect\b([^>]*?)\/>/g)]
    .map((m) => attributes(m[1]))
    .filter((a) => a['data-role'] === 'halo')
    .map((a) => ({ x0: Number(a.x), y0: Number(a.y), x1: Number(a.x) + Number(a.width), y1: Number(a.y) + Number(a.height) }));
  boxes.push(...halos);
  const hatch = (poly: readonly Point[]): void => {
    const offsets = poly.map(([x, y]) => x - y);
    const [lo, hi] = [Math.min(...offsets), Math.max(...offsets)];
    for (let c = Math.ceil(lo / HATCH_PX) * HATCH_PX; c <= hi; c += HATCH_PX) {
      const ends = chord(poly, { a: 1, b: -1, c: -c });
      if (ends) for (const [p, q] of outside(ends[0], ends[1], boxes)) out.push(segment(p, q, at, scale));
    }
  };

  // A label's <tspan>s (a math label's scripts) are inside its <text>: its TeX is in data-tex.
  for (const m of svg.matchAll(/<(line|rect|circle|polygon|path|text)\b([^>]*?)(?:\/>|>(.*?)<\/text>)/g)) {
    const [, name, raw, content] = m;
    const a = attributes(raw);
    const fill = tone(a.fill);
    if (fill === undefined) return undefined;
    // A region's outline in its own shade is part of the shading, not a line.
    const stroked = a.stroke !== undefined && !HIDDEN.has(a.stroke) && !(fill === 'light' && a.stroke === a.fill);
    switch (name) {
      case 'line':
        if (stroked) for (const piece of outside([Number(a.x1), Number(a.y1)], [Number(a.x2), Number(a.y2)], halos)) draw(piece, false, a);
        break;
      case 'rect':
      case 'polygon': {
        if (a['data-role'] === 'halo') break;
        const [x, y, w, h] = [Number(a.x), Number(a.y), Number(a.width), Number(a.height)];
        const poly: Point[] = name === 'rect' ? [[x, y], [x + w, y], [x + w, y + h], [x, y + h]] : pairs(a.points);
        if (fill === 'light') hatch(poly);
        if (stroked || fill === 'dark') draw(poly, true, a);
        break;
      }
      case 'circle': {
        const d = 2 * Number(a.r);
        if (fill !== 'none' || stroked) out.push(`\\put${at([Number(a.cx), Number(a.cy)])}{\\circle${fill !== 'none' ? '*' : ''}{${fmt(d)}}}`);
        break;
      }
      case 'path':
        if (stroked) for (const run of pathRuns(a.d)) draw(run.points, run.closed, a);
        break;
      case 'text': {
        // White text is invisible on the white page: nothing to draw.
        if (a.fill === '#ffffff') break;
        const fontPx = Number(a['font-size'] ?? 14);
        // The SVG's y is the baseline, 0.35 em below the centre (src/pictures/svg.ts); \makebox(0,0) centres vertically.
        // A weight's label stays on its edge, where the SVG places it: the edge stops short of its halo.
        const centre: [number, number] = [Number(a.x), Number(a.y) - 0.35 * fontPx];
        const horizontal = a['text-anchor'] === 'start' ? 'l' : a['text-anchor'] === 'end' ? 'r' : '';
        const side = horizontal ? `[${horizontal}]` : '';
        const label = a['data-tex'] !== undefined ? `$${a['data-tex']}$` : escapeTex(textContent(content ?? ''));
        out.push(`\\put${at(centre)}{\\makebox(0,0)${side}{${sizeFor(fontPx * scale)} ${label}}}`);
        break;
      }
    }
  }
  return [
    `{\\setlength{\\unitlength}{${scale.toFixed(4)}pt}\\thinlines`,
    `\\begin{picture}(${fmt(width)},${fmt(height)})`,
    ...out.filter((line) => line !== ''),
    '\\end{picture}}',
  ].join('\n');
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The room a label takes, with a margin, from its anchor and an estimate of its width. */
function labelBox(a: Attrs, text: string): Box {
  const size = Number(a['font-size'] ?? 14);
  const w = textWidth(text, size) + 4;
  const cy = Number(a.y) - 0.35 * size;
  const x = Number(a.x);
  const x0 = a['text-anchor'] === 'start' ? x - 2 : a['text-anchor'] === 'end' ? x - w + 2 : x - w / 2;
  return { x0, y0: cy - size / 2 - 2, x1: x0 + w, y1: cy + size / 2 + 2 };
}

/** The pieces of the line p–q outside every box (Liang–Barsky for the part inside each). */
function outside(p: Point, q: Point, boxes: readonly Box[]): [Point, Point][] {
  let keep: [number, number][] = [[0, 1]];
  const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
  for (const b of boxes) {
    let [t0, t1] = [0, 1];
    for (const [num, den] of [[p[0] - b.x0, -dx], [b.x1 - p[0], dx], [p[1] - b.y0, -dy], [b.y1 - p[1], dy]] as const) {
      if (den === 0) {
        if (num < 0) t0 = 1;
      } else if (den < 0) t0 = Math.max(t0, num / den);
      else t1 = Math.min(t1, num / den);
    }
    if (t0 >= t1) continue;
    keep = keep.flatMap(([a, z]): [number, number][] => [[a, Math.min(z, t0)], [Math.max(a, t1), z]].filter(([u, v]) => v - u > 1e-6) as [number, number][]);
  }
  const along = (t: number): Point => [p[0] + dx * t, p[1] + dy * t];
  return keep.map(([a, z]) => [along(a), along(z)]);
}

/** A line cut into dashes by an SVG dash array (on, off, on, …); the whole line for none. */
function dashes(p: Point, q: Point, pattern: readonly number[]): [Point, Point][] {
  const length = Math.hypot(q[0] - p[0], q[1] - p[1]);
  if (pattern.length === 0 || !pattern.every((d) => d > 0) || length === 0) return [[p, q]];
  const along = (t: number): Point => [p[0] + ((q[0] - p[0]) * t) / length, p[1] + ((q[1] - p[1]) * t) / length];
  const out: [Point, Point][] = [];
  for (let t = 0, k = 0; t < length; t += pattern[k % pattern.length], k++) {
    if (k % 2 === 0) out.push([along(t), along(Math.min(length, t + pattern[k % pattern.length]))]);
  }
  return out;
}

/**
 * A straight line: \line for a horizontal or vertical one (a rule), \qbezier for any other slope.
 * None for one shorter than a point (`scale` pt per px), which no one could see: \qbezier divides
 * by a count of dots that is 0 for a curve shorter than about 0.2 pt, and pdflatex stops
 * ("Arithmetic overflow"; a hatch line clipped at a region's corner was 0.25 pt long).
 */
function segment(p: Point, q: Point, at: (p: Point) => string, scale: number): string {
  const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
  if (Math.max(Math.abs(dx), Math.abs(dy)) * scale < MIN_SEGMENT_PT) return '';
  if (Math.abs(dy) < 0.01 && Math.abs(dx) >= 0.01) return `\\put${at(dx > 0 ? p : q)}{\\line(1,0){${fmt(Math.abs(dx))}}}`;
  if (Math.abs(dx) < 0.01 && Math.abs(dy) >= 0.01) return `\\put${at(dy > 0 ? q : p)}{\\line(0,1){${fmt(Math.abs(dy))}}}`;
  return `\\qbezier${at(p)}${at([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2])}${at(q)}`;
}

function attributes(raw: string): Attrs {
  const a: Record<string, string> = {};
  for (const m of raw.matchAll(/([a-z][a-z0-9-]*)="([^"]*)"/g)) a[m[1]] = unescape(m[2]);
  return a;
}

/** The text of an element's content: its <tspan>s' text in order, tags dropped. */
function textContent(markup: string): string {
  return unescape(markup.replace(/<[^>]*>/g, ''));
}

function unescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function pairs(points = ''): Point[] {
  return points
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number) as [number, number]);
}

/** The absolute M, L, H, V and Z commands that the pictures' paths use, as runs of points. */
function pathRuns(d = ''): { points: Point[]; closed: boolean }[] {
  const runs: { points: Point[]; closed: boolean }[] = [];
  let pen: Point = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const n = args.trim() === '' ? [] : args.trim().split(/[\s,]+/).map(Number);
    if (cmd === 'M') runs.push({ points: [(pen = [n[0], n[1]])], closed: false });
    else if (cmd === 'L') runs.at(-1)?.points.push((pen = [n[0], n[1]]));
    else if (cmd === 'H') runs.at(-1)?.points.push((pen = [n[0], pen[1]]));
    else if (cmd === 'V') runs.at(-1)?.points.push((pen = [pen[0], n[0]]));
    else {
      const run = runs.at(-1);
      if (run) run.closed = true;
    }
  }
  return runs;
}

/** The largest size at most 7 % bigger than the SVG's: a label set larger runs into its neighbour. */
function sizeFor(pt: number): string {
  return ([...SIZES].reverse().find(([size]) => size <= pt * 1.07) ?? SIZES[0])[1];
}

