/**
 * The XOR design as a picture: the four points in input space (x₁, x₂) and in hidden space
 * (h₁, h₂) after W⁽¹⁾, b⁽¹⁾ and the activation, each class with its own shape and fill (a blue
 * disc with + for y = 1, a white square with − for y = 0: readable without colour), the segment
 * joining each class's two points, and either the decision boundary ŷ = ½ with the region ŷ > ½
 * shaded (separable) or a ring where the classes' segments meet (not separable). Coincident
 * points are drawn once and marked ×2, ×3, ….
 */
import { inputText, pointText, rationalText, readoutNumbers, XOR_INPUTS, type XorCheck, type XorPoint } from '../nn/xor.js';
import { samePoint, type Point } from '../nn/xor-geometry.js';
import { ZERO, type Rational } from '../rational.js';
import { chord, clipPolygon, type Line, type Vec } from './clip.js';
import { axes, squareFrame, type Frame } from './plot-frame.js';
import { boxAround, crossings, place, type Candidate, type Scene, type Segment } from './place.js';
import { ACCENT, ACCENT2, GREY, INK, SANS, el, fmt, haloBox, svgDocument, text, textWidth } from './svg.js';

export interface XorPlotOptions {
  /** The <title> of the SVG; default describes W⁽¹⁾, b⁽¹⁾ and the activation. */
  readonly title?: string;
}

const SIZE = 280;
const TOP = 44;
const LEFT = 62;
const GAP = 104;
const WIDTH = LEFT + 2 * SIZE + GAP + 28;
const HEIGHT = TOP + SIZE + 54 + 80;
const DISC = 7;
/** The ŷ > ½ region: the accent blue at about 16 % strength, light enough to print under black. */
const SHADE = '#d6e6f2';
const SQUARE = 13;

const num = (q: Rational): number => Number(q.valueOf());
const vec = (p: Point): Vec => [num(p[0]), num(p[1])];
const minusSign = (s: string): string => s.replace(/-/g, '−');

export function xorPlot(check: XorCheck, options: XorPlotOptions = {}): string {
  const inputFrame = squareFrame(LEFT, TOP, SIZE, [0, 1], [0, 1], 0.25);
  const hs = check.points.map((p) => vec(p.h));
  const xs = hs.map((h) => h[0]);
  const ys = hs.map((h) => h[1]);
  const hiddenFrame = squareFrame(LEFT + SIZE + GAP, TOP, SIZE, [Math.min(...xs), Math.max(...xs)], [Math.min(...ys), Math.max(...ys)]);

  const body: string[] = [];
  const act = check.activation;
  body.push(text(LEFT + SIZE / 2, TOP - 18, 'input space', { size: 14, family: SANS }));
  body.push(text(hiddenFrame.box.x0 + SIZE / 2, TOP - 18, `hidden space: h = ${act}(W⁽¹⁾x + b⁽¹⁾)`, { size: 14, family: SANS }));
  body.push(...axes(inputFrame, { text: 'x₁', tex: 'x_{1}' }, { text: 'x₂', tex: 'x_{2}' }));
  body.push(...axes(hiddenFrame, { text: 'h₁', tex: 'h_{1}' }, { text: 'h₂', tex: 'h_{2}' }));

  const inputCut = check.separable ? inputRegion(check, inputFrame) : NO_REGION;
  const hiddenCut = check.separable ? hiddenRegion(check, hiddenFrame) : NO_REGION;
  body.push(...inputCut.svg, ...hiddenCut.svg);
  const inputPts = check.points.map((p) => ({ at: [p.x[0], p.x[1]] as Vec, members: [p] }));
  body.push(...panel(inputFrame, inputPts, [[1, 0], [0, 1]], [[0, 0], [1, 1]], inputCut.lines, false));
  const hiddenPts = groups(check.points).map((g) => ({ at: vec(g[0].h), members: g }));
  const [h00, h01, h10, h11] = hs;
  body.push(...panel(hiddenFrame, hiddenPts, [h01, h10], [h00, h11], hiddenCut.lines, true, check.separable ? undefined : vec(check.obstruction.point)));
  body.push(...legend(check));
  return svgDocument(WIDTH, HEIGHT, options.title ?? defaultTitle(check), body);
}

/** Hidden points grouped by location, in the order of their first input. */
function groups(points: readonly XorPoint[]): XorPoint[][] {
  return points.filter((p, i) => points.findIndex((q) => samePoint(q.h, p.h)) === i).map((p) => points.filter((q) => samePoint(q.h, p.h)));
}

interface Spot {
  readonly at: Vec;
  readonly members: readonly XorPoint[];
}

/** Class segments, the meeting point, the markers and their labels, inside one frame. */
function panel(f: Frame, spots: readonly Spot[], plusSeg: readonly Vec[], minusSeg: readonly Vec[], boundary: readonly Segment[], hidden: boolean, meet?: Vec): string[] {
  const P = (v: Vec): Vec => [f.px(v[0]), f.py(v[1])];
  const out: string[] = [];
  const segs: Segment[] = [...boundary];
  const segment = (s: readonly Vec[], stroke: string, dash?: string): void => {
    const [a, b] = [P(s[0]), P(s[1])];
    segs.push({ a, b });
    if (Math.hypot(a[0] - b[0], a[1] - b[1]) > 0.5) out.push(el('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke, 'stroke-width': 1.5, 'stroke-dasharray': dash, 'data-role': 'class-segment' }));
  };
  segment(plusSeg, ACCENT);
  segment(minusSeg, INK, '5 3');
  if (meet) {
    const [mx, my] = P(meet);
    // Wider than the largest marker (a 19 px square), so the ring shows around a coincident pair.
    out.push(el('circle', { cx: mx, cy: my, r: 15, fill: 'none', stroke: ACCENT2, 'stroke-width': 2.2, 'data-role': 'obstruction' }));
  }
  const pixel = spots.map((s) => ({ ...s, p: P(s.at) }));
  const scene: Scene = {
    obstacles: pixel.map((s) => boxAround(s.p[0], s.p[1], 2 * SQUARE, 2 * SQUARE)).concat(meet ? [boxAround(P(meet)[0], P(meet)[1], 32, 32)] : []),
    lines: segs,
    frame: { x0: f.box.x0 + 2, y0: f.box.y0 + 2, x1: f.box.x1 - 2, y1: f.box.y1 - 2 },
  };
  for (const s of pixel) out.push(marker(s.p, s.members));
  for (const s of pixel) {
    const names = s.members.map((m) => inputText(m.x)).join(', ');
    const label = hidden && s.members.length > 1 ? `${names} ×${s.members.length}` : names;
    const w = textWidth(label, 12) + 4;
    const d = SQUARE + 2;
    const c = (dx: number, dy: number): Candidate => ({ x: s.p[0] + dx, y: s.p[1] + dy, box: boxAround(s.p[0] + dx, s.p[1] + dy, w, 15) });
    const spot = place(scene, [c(d + w / 2, -d), c(d + w / 2, d), c(-d - w / 2, -d), c(-d - w / 2, d), c(0, -d - 8), c(0, d + 8), c(d + w / 2, 0), c(-d - w / 2, 0), c(0, -d - 14), c(0, d + 14)]);
    // Only a label that had to sit on a line gets a halo: a white plate under it, as a diagram's
    // labels have. Elsewhere the text stands on the plot as it is, shading included.
    if (crossings(scene, spot.box) > 0) out.push(haloBox(spot.box));
    out.push(text(spot.x, spot.y, label, { size: 12, family: SANS, role: 'point-label' }));
  }
  return out;
}

/** Class 1: blue disc with a white +; class 0: white square with a black −; both classes at one spot: the square with the disc inside. */
function marker(p: Vec, members: readonly XorPoint[], role = 'point'): string {
  const [x, y] = p;
  const plus = members.some((m) => m.y === 1);
  const minus = members.some((m) => m.y === 0);
  const parts: string[] = [];
  const s = plus && minus ? SQUARE + 6 : SQUARE;
  if (minus) {
    parts.push(el('rect', { x: x - s / 2, y: y - s / 2, width: s, height: s, fill: '#ffffff', stroke: INK, 'stroke-width': 1.6 }));
    if (!plus) parts.push(el('line', { x1: x - 3.5, y1: y, x2: x + 3.5, y2: y, stroke: INK, 'stroke-width': 1.6 }));
  }
  if (plus) {
    const r = minus ? DISC - 1.5 : DISC;
    parts.push(el('circle', { cx: x, cy: y, r, fill: ACCENT, stroke: INK, 'stroke-width': 1.2 }));
    parts.push(el('path', { d: `M${fmt(x - r + 2.5)} ${fmt(y)}H${fmt(x + r - 2.5)}M${fmt(x)} ${fmt(y - r + 2.5)}V${fmt(y + r - 2.5)}`, stroke: '#ffffff', 'stroke-width': 1.6 }));
  }
  const classes = members.map((m) => m.y).join(',');
  return el('g', { 'data-role': role, 'data-labels': classes, 'data-count': members.length }, parts.join(''));
}

interface Region {
  readonly svg: readonly string[];
  /** The boundary's pieces in pixels, for the labels to keep clear of. */
  readonly lines: readonly Segment[];
}

const NO_REGION: Region = { svg: [], lines: [] };

/** Shade ŷ > ½ in a frame given ŷ as a list of (cell, affine function on it); dash ŷ = ½. */
function region(f: Frame, cells: readonly { cell: Vec[]; yhat: Line }[]): Region {
  const P = (v: Vec): string => `${fmt(f.px(v[0]))},${fmt(f.py(v[1]))}`;
  const fills: string[] = [];
  const edges: string[] = [];
  const lines: Segment[] = [];
  for (const { cell, yhat } of cells) {
    const boundary: Line = { ...yhat, c: yhat.c - 0.5 };
    const part = clipPolygon(cell, boundary);
    // A hairline stroke in the fill colour hides anti-aliasing seams between neighbouring cells.
    if (part.length) fills.push(el('polygon', { points: part.map(P).join(' '), fill: SHADE, stroke: SHADE, 'stroke-width': 0.6 }));
    const c = chord(cell, boundary);
    if (!c) continue;
    const [a, b]: [Vec, Vec] = [[f.px(c[0][0]), f.py(c[0][1])], [f.px(c[1][0]), f.py(c[1][1])]];
    lines.push({ a, b });
    edges.push(el('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: ACCENT2, 'stroke-width': 2.2, 'stroke-dasharray': '7 4', 'data-role': 'boundary' }));
  }
  return { svg: [...fills, ...edges], lines };
}

const rect = (f: Frame): Vec[] => [[f.xmin, f.ymin], [f.xmax, f.ymin], [f.xmax, f.ymax], [f.xmin, f.ymax]];

function hiddenRegion(check: Extract<XorCheck, { separable: true }>, f: Frame): Region {
  const { W2, b2 } = check.readout;
  return region(f, [{ cell: rect(f), yhat: { a: num(W2[0]), b: num(W2[1]), c: num(b2) } }]);
}

/**
 * In input space ŷ(x) = W⁽²⁾relu(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾ is affine on each of the (up to) four cells
 * cut by the kink lines zᵢ = 0, so the region ŷ > ½ is a union of convex pieces, drawn exactly.
 * Only for ReLU: sigmoid and tanh boundaries are curves (not drawn).
 */
function inputRegion(check: Extract<XorCheck, { separable: true }>, f: Frame): Region {
  if (check.activation !== 'relu') return NO_REGION;
  const W1 = check.W1.map(vec);
  const b1 = check.b1.map(num);
  const u = vec(check.readout.W2);
  const c = num(check.readout.b2);
  const cells: { cell: Vec[]; yhat: Line }[] = [];
  for (const s1 of [1, 0]) {
    for (const s2 of [1, 0]) {
      let cell = rect(f);
      for (const [i, on] of [[0, s1], [1, s2]] as const) {
        const sign = on ? 1 : -1;
        cell = clipPolygon(cell, { a: sign * W1[i][0], b: sign * W1[i][1], c: sign * b1[i] });
      }
      if (!cell.length) continue;
      const on = [s1, s2];
      const yhat: Line = {
        a: on[0] * u[0] * W1[0][0] + on[1] * u[1] * W1[1][0],
        b: on[0] * u[0] * W1[0][1] + on[1] * u[1] * W1[1][1],
        c: on[0] * u[0] * b1[0] + on[1] * u[1] * b1[1] + c,
      };
      cells.push({ cell, yhat });
    }
  }
  return region(f, cells);
}

function legend(check: XorCheck): string[] {
  const y1 = TOP + SIZE + 58;
  const y2 = y1 + 24;
  const out: string[] = [];
  let x = LEFT;
  const item = (glyph: string, label: string): void => {
    out.push(glyph, text(x + 14, y1, label, { size: 12, family: SANS, anchor: 'start' }));
    x += 14 + textWidth(label, 12) + 26;
  };
  item(marker([x, y1], [pt(1)], 'legend'), 'y = 1 (+)');
  item(marker([x, y1], [pt(0)], 'legend'), 'y = 0 (−)');
  if (check.separable) {
    item(el('line', { x1: x - 8, y1, x2: x + 8, y2: y1, stroke: ACCENT2, 'stroke-width': 2.2, 'stroke-dasharray': '7 4' }), 'ŷ = ½');
    item(el('rect', { x: x - 7, y: y1 - 7, width: 14, height: 14, fill: SHADE, stroke: GREY, 'stroke-width': 0.8 }), 'ŷ > ½');
  } else {
    item(el('circle', { cx: x, cy: y1, r: 6, fill: 'none', stroke: ACCENT2, 'stroke-width': 2.2 }), 'where the classes meet');
  }
  caption(check).forEach((line, i) => out.push(text(LEFT - 8, y2 + 18 * i, line, { size: 12, family: SANS, anchor: 'start', role: 'caption' })));
  return out;
}

const pt = (y: 0 | 1): XorPoint => {
  const x = XOR_INPUTS[y === 1 ? 1 : 0];
  const zero: Point = [ZERO, ZERO];
  return { x, y, z: zero, h: zero };
};

/** The design and the verdict; then the readout, when there is one. */
function caption(check: XorCheck): string[] {
  // Rationals with small denominators print exactly even for sigmoid/tanh readouts (integers, halves).
  const v = (q: Rational): string => minusSign(rationalText(q, check.exact || q.d < 1000n));
  const design = `W⁽¹⁾ = [${v(check.W1[0][0])}, ${v(check.W1[0][1])}; ${v(check.W1[1][0])}, ${v(check.W1[1][1])}], b⁽¹⁾ = [${v(check.b1[0])}; ${v(check.b1[1])}], ${check.activation}`;
  if (!check.separable) return [`${design}: not separable; the classes meet at ${minusSign(pointText(check.obstruction.point, check.exact))}`];
  const r = check.readout;
  const exactly = check.exact ? 'ŷ is exactly XOR on the four points' : 'ŷ is XOR on the four points to double precision';
  const verdict = r.kind === 'exact' ? exactly : 'ŷ ≥ 1 on y = 1 and ŷ ≤ 0 on y = 0, so ŷ > ½ is XOR';
  // An exact readout on sigmoid values has 30-digit fractions: rounded, and said to be.
  const n = readoutNumbers(check);
  const is = n.digits === undefined ? '=' : '≈';
  const [w5, w6, b3] = n.digits === undefined ? [...r.W2, r.b2].map(v) : [...n.W2, n.b2].map(minusSign);
  return [`${design}: separable`, `W⁽²⁾ ${is} [${w5}, ${w6}], b⁽²⁾ ${is} ${b3}: ${verdict}`];
}

function defaultTitle(check: XorCheck): string {
  return `XOR in input and hidden space (${check.activation}): ${check.separable ? 'separable' : 'not separable'}`;
}
