/**
 * The SVG pictures gradsheet draws (src/pictures: network diagrams, XOR plots) as a LaTeX
 * `picture`, which the kernel draws with no package: straight lines (\line, \qbezier for any
 * slope), circles and dots (\circle, \circle*), and labels in math where the SVG gives their TeX
 * (`data-tex`). It reads only the elements and attributes those pictures write.
 *
 * In one colour: a filled shape is drawn as its outline (an arrowhead) or, for a circle, as a
 * dot; white strokes and the light grid are left out. A picture that needs colour to be read (the
 * XOR plots: shaded half-planes, blue points) is not drawn: svgToPicture gives undefined.
 */
import { escapeTex } from './tex-text.js';

/** The widest a picture is set: a little less than the export's 160 mm line (455 pt). */
const MAX_WIDTH_PT = 400;
/** 96 px to the inch, 72.27 pt to the inch: the size at which the SVG is drawn, at most. */
const PT_PER_PX = 72.27 / 96;
/** Strokes that are not drawn: white (marks on a filled dot) and the faint grid. */
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

/** Fills of shapes that one colour can still show: none, white, and the ink and grey of arrowheads. */
const PLAIN_FILLS = new Set(['none', '#ffffff', '#000000', '#555555']);

export function svgToPicture(svg: string): string | undefined {
  const root = /<svg\b([^>]*)>/.exec(svg);
  if (!root) throw new Error('svgToPicture: no <svg> element');
  // Shapes only: a label's colour (the blue of a bias) is not needed to read it.
  for (const m of svg.matchAll(/<(?:polygon|rect|circle|path)\b[^>]*? fill="([^"]*)"/g)) if (!PLAIN_FILLS.has(m[1])) return undefined;
  const size = attributes(root[1]);
  const width = Number(size.width);
  const height = Number(size.height);
  const scale = Math.min(PT_PER_PX, MAX_WIDTH_PT / width);
  // Coordinates stay the SVG's pixels; \unitlength scales them, and y is flipped (picture y is up).
  const at = ([x, y]: Point): string => `(${num(x)},${num(height - y)})`;
  const out: string[] = [];
  const segments = (points: readonly Point[], closed: boolean): void => {
    const ends = closed ? [...points, points[0]] : points;
    for (let i = 1; i < ends.length; i++) out.push(segment(ends[i - 1], ends[i], at));
  };

  for (const m of svg.matchAll(/<(line|rect|circle|polygon|path|text)\b([^>]*?)(?:\/>|>([^<]*)<\/text>)/g)) {
    const [, name, raw, content] = m;
    const a = attributes(raw);
    const stroked = a.stroke !== undefined && !HIDDEN.has(a.stroke);
    switch (name) {
      case 'line':
        if (stroked) out.push(segment([Number(a.x1), Number(a.y1)], [Number(a.x2), Number(a.y2)], at));
        break;
      case 'rect': {
        if (!stroked) break;
        const [x, y, w, h] = [Number(a.x), Number(a.y), Number(a.width), Number(a.height)];
        segments([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], true);
        break;
      }
      case 'circle': {
        const d = 2 * Number(a.r);
        const filled = a.fill !== undefined && !HIDDEN.has(a.fill);
        if (filled || stroked) out.push(`\\put${at([Number(a.cx), Number(a.cy)])}{\\circle${filled ? '*' : ''}{${num(d)}}}`);
        break;
      }
      case 'polygon': {
        const filled = a.fill !== undefined && !HIDDEN.has(a.fill);
        if (filled || stroked) segments(pairs(a.points), true);
        break;
      }
      case 'path':
        if (stroked) for (const run of pathRuns(a.d)) segments(run.points, run.closed);
        break;
      case 'text': {
        const fontPx = Number(a['font-size'] ?? 14);
        // The SVG's y is the baseline, 0.35 em below the centre (src/pictures/svg.ts); \makebox(0,0) centres vertically.
        const centre: [number, number] = [Number(a.x), Number(a.y) - 0.35 * fontPx];
        // A weight's label sits on its edge, over a white halo in the SVG; with no white to draw
        // here, it stands just above the edge instead of being struck through.
        const onEdge = a['data-role'] === 'weight';
        const horizontal = a['text-anchor'] === 'start' ? 'l' : a['text-anchor'] === 'end' ? 'r' : '';
        const side = onEdge ? `[${horizontal}b]` : horizontal ? `[${horizontal}]` : '';
        if (onEdge) centre[1] -= 2;
        const label = a['data-tex'] !== undefined ? `$${a['data-tex']}$` : escapeTex(unescape(content ?? ''));
        out.push(`\\put${at(centre)}{\\makebox(0,0)${side}{${sizeFor(fontPx * scale)} ${label}}}`);
        break;
      }
    }
  }
  return [
    `{\\setlength{\\unitlength}{${num(scale, 4)}pt}\\thinlines`,
    `\\begin{picture}(${num(width)},${num(height)})`,
    ...out.filter((line) => line !== ''),
    '\\end{picture}}',
  ].join('\n');
}

/**
 * A straight line: \line for a horizontal or vertical one (a rule), \qbezier for any other slope.
 * None for two equal points (a clipped region repeats its corners): \qbezier stops pdflatex on one
 * ("Arithmetic overflow").
 */
function segment(p: Point, q: Point, at: (p: Point) => string): string {
  const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
  if (Math.hypot(dx, dy) < 0.05) return '';
  if (Math.abs(dy) < 0.01 && Math.abs(dx) >= 0.01) return `\\put${at(dx > 0 ? p : q)}{\\line(1,0){${num(Math.abs(dx))}}}`;
  if (Math.abs(dx) < 0.01 && Math.abs(dy) >= 0.01) return `\\put${at(dy > 0 ? q : p)}{\\line(0,1){${num(Math.abs(dy))}}}`;
  return `\\qbezier${at(p)}${at([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2])}${at(q)}`;
}

function attributes(raw: string): Attrs {
  const a: Record<string, string> = {};
  for (const m of raw.matchAll(/([a-z][a-z0-9-]*)="([^"]*)"/g)) a[m[1]] = unescape(m[2]);
  return a;
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

function sizeFor(pt: number): string {
  return (SIZES.find(([limit]) => pt <= limit) ?? SIZES[SIZES.length - 1])[1];
}

function num(n: number, digits = 1): string {
  const r = Number(n.toFixed(digits));
  return Object.is(r, -0) ? '0' : String(r);
}
