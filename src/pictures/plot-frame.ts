/**
 * A square plot panel with equal scales on both axes (so angles and crossings in the picture are
 * the true ones), "nice" ticks (1, 2, 2.5 or 5 × 10ᵏ) and labelled axes.
 */
import { GREY, INK, LIGHT, SANS, el, text, type MathLabel } from './svg.js';
import { mathText } from './math-label.js';
import type { Box } from './place.js';

export interface Frame {
  /** The plot area in pixels. */
  readonly box: Box;
  readonly xmin: number;
  readonly xmax: number;
  readonly ymin: number;
  readonly ymax: number;
  px(x: number): number;
  py(y: number): number;
}

/**
 * A frame of `size` px whose data range covers [x0, x1] × [y0, y1] with `pad` (a fraction of the
 * larger span) on every side; the smaller span is widened to keep one scale.
 */
export function squareFrame(left: number, top: number, size: number, x: readonly [number, number], y: readonly [number, number], pad = 0.2): Frame {
  const span = Math.max(x[1] - x[0], y[1] - y[0]) || 1;
  const half = span / 2 + pad * span;
  const cx = (x[0] + x[1]) / 2;
  const cy = (y[0] + y[1]) / 2;
  const [xmin, xmax, ymin, ymax] = [cx - half, cx + half, cy - half, cy + half];
  const k = size / (2 * half);
  return {
    box: { x0: left, y0: top, x1: left + size, y1: top + size },
    xmin,
    xmax,
    ymin,
    ymax,
    px: (v) => left + (v - xmin) * k,
    py: (v) => top + size - (v - ymin) * k,
  };
}

/** Ticks at multiples of a nice step inside [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + 1e-9 * step; i++) out.push(Number((i * step).toPrecision(12)));
  return out;
}

/** A tick value as text: 2, 0.5, −1.25 (a true minus sign). */
export function tickText(v: number): string {
  const t = Math.abs(v) < 1e-12 ? '0' : String(Number(v.toPrecision(6)));
  return t.replace(/^-/, '−');
}

/** The frame's box, grid lines at the ticks, the axes through 0 when in view, tick labels and axis names. */
export function axes(f: Frame, xName: MathLabel, yName: MathLabel): string[] {
  const { x0, y0, x1, y1 } = f.box;
  const out: string[] = [];
  const xt = niceTicks(f.xmin, f.xmax);
  const yt = niceTicks(f.ymin, f.ymax);
  for (const v of xt) out.push(el('line', { x1: f.px(v), y1: y0, x2: f.px(v), y2: y1, stroke: '#eeeeee', 'stroke-width': 1 }));
  for (const v of yt) out.push(el('line', { x1: x0, y1: f.py(v), x2: x1, y2: f.py(v), stroke: '#eeeeee', 'stroke-width': 1 }));
  if (f.xmin < 0 && f.xmax > 0) out.push(el('line', { x1: f.px(0), y1: y0, x2: f.px(0), y2: y1, stroke: LIGHT, 'stroke-width': 1 }));
  if (f.ymin < 0 && f.ymax > 0) out.push(el('line', { x1: x0, y1: f.py(0), x2: x1, y2: f.py(0), stroke: LIGHT, 'stroke-width': 1 }));
  out.push(el('rect', { x: x0, y: y0, width: x1 - x0, height: y1 - y0, fill: 'none', stroke: INK, 'stroke-width': 1.2 }));
  for (const v of xt) {
    out.push(el('line', { x1: f.px(v), y1: y1, x2: f.px(v), y2: y1 + 5, stroke: INK, 'stroke-width': 1 }));
    out.push(text(f.px(v), y1 + 15, tickText(v), { size: 11, family: SANS, fill: GREY }));
  }
  for (const v of yt) {
    out.push(el('line', { x1: x0 - 5, y1: f.py(v), x2: x0, y2: f.py(v), stroke: INK, 'stroke-width': 1 }));
    out.push(text(x0 - 8, f.py(v), tickText(v), { size: 11, family: SANS, fill: GREY, anchor: 'end' }));
  }
  out.push(mathText((x0 + x1) / 2, y1 + 34, xName, { size: 15, role: 'axis' }));
  out.push(mathText(x0 - 40, (y0 + y1) / 2, yName, { size: 15, role: 'axis' }));
  return out;
}
