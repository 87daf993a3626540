/**
 * Exact plane geometry on rational points, for the XOR design check. Every predicate is a sign of
 * a rational expression, so "collinear", "on the segment" and "the segments cross" are decided
 * without tolerances (the classic orientation test, de Berg et al., Computational Geometry §1).
 */
import { ONE, ZERO, isZero, type Rational } from '../rational.js';

export type Point = readonly [Rational, Rational];

export const samePoint = (a: Point, b: Point): boolean => a[0].equals(b[0]) && a[1].equals(b[1]);

const sign = (q: Rational): -1 | 0 | 1 => (isZero(q) ? 0 : q.compare(ZERO) < 0 ? -1 : 1);

/** (b − a) × (c − a): twice the signed area of the triangle abc. */
export function cross(a: Point, b: Point, c: Point): Rational {
  return b[0].sub(a[0]).mul(c[1].sub(a[1])).sub(b[1].sub(a[1]).mul(c[0].sub(a[0])));
}

/** +1 when abc turn left, −1 right, 0 collinear (or two of them coincide). */
export const orient = (a: Point, b: Point, c: Point): -1 | 0 | 1 => sign(cross(a, b, c));

const min = (a: Rational, b: Rational): Rational => (a.compare(b) <= 0 ? a : b);
const max = (a: Rational, b: Rational): Rational => (a.compare(b) >= 0 ? a : b);

/** For c collinear with a and b: whether c lies on the closed segment ab. */
function withinBox(a: Point, b: Point, c: Point): boolean {
  return [0, 1].every((i) => min(a[i], b[i]).compare(c[i]) <= 0 && c[i].compare(max(a[i], b[i])) <= 0);
}

/** Whether c lies on the closed segment ab (ab may be a single point). */
export function onSegment(a: Point, b: Point, c: Point): boolean {
  return orient(a, b, c) === 0 && withinBox(a, b, c);
}

export const dot = (u: Point, v: Point): Rational => u[0].mul(v[0]).add(u[1].mul(v[1]));
export const minus = (a: Point, b: Point): Point => [a[0].sub(b[0]), a[1].sub(b[1])];

/** (1 − t)·a + t·b. */
export const lerp = (a: Point, b: Point, t: Rational): Point => [a[0].add(b[0].sub(a[0]).mul(t)), a[1].add(b[1].sub(a[1]).mul(t))];

/** t with w = (1 − t)·a + t·b, for w on the line through a and b (0 when a = b). */
export function param(a: Point, b: Point, w: Point): Rational {
  const d = minus(b, a);
  const i = d[0].abs().compare(d[1].abs()) >= 0 ? 0 : 1;
  return isZero(d[i]) ? ZERO : w[i].sub(a[i]).div(d[i]);
}

export type ContactKind = 'cross' | 'touch' | 'overlap';

/** A point common to the closed segments pq and rs, and how they meet; undefined when disjoint. */
export interface Contact {
  readonly point: Point;
  /** cross: they cross at interior points; touch: an endpoint lies on the other; overlap: collinear and overlapping. */
  readonly kind: ContactKind;
}

/** Where the closed segments p1p2 and q1q2 meet (either may be a single point), or undefined. */
export function segmentContact(p1: Point, p2: Point, q1: Point, q2: Point): Contact | undefined {
  const pPoint = samePoint(p1, p2);
  const qPoint = samePoint(q1, q2);
  if (pPoint && qPoint) return samePoint(p1, q1) ? { point: p1, kind: 'touch' } : undefined;
  if (pPoint) return onSegment(q1, q2, p1) ? { point: p1, kind: 'touch' } : undefined;
  if (qPoint) return onSegment(p1, p2, q1) ? { point: q1, kind: 'touch' } : undefined;
  const o1 = orient(p1, p2, q1);
  const o2 = orient(p1, p2, q2);
  const o3 = orient(q1, q2, p1);
  const o4 = orient(q1, q2, p2);
  if (o1 === 0 && o2 === 0) return collinearOverlap(p1, p2, q1, q2);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    // p1 + s(p2 − p1) with s = (q1 − p1) × (q2 − q1) / (p2 − p1) × (q2 − q1).
    const d = minus(p2, p1);
    const e = minus(q2, q1);
    const f = minus(q1, p1);
    const s = f[0].mul(e[1]).sub(f[1].mul(e[0])).div(d[0].mul(e[1]).sub(d[1].mul(e[0])));
    return { point: lerp(p1, p2, s), kind: 'cross' };
  }
  for (const [a, b, c, o] of [[p1, p2, q1, o1], [p1, p2, q2, o2], [q1, q2, p1, o3], [q1, q2, p2, o4]] as const) {
    if (o === 0 && withinBox(a, b, c)) return { point: c, kind: 'touch' };
  }
  return undefined;
}

/** Collinear segments: compare their intervals along p1 → p2. */
function collinearOverlap(p1: Point, p2: Point, q1: Point, q2: Point): Contact | undefined {
  const d = minus(p2, p1);
  const t = (x: Point): Rational => dot(minus(x, p1), d);
  const [qLo, qHi] = t(q1).compare(t(q2)) <= 0 ? [q1, q2] : [q2, q1];
  const lo = max(ZERO, t(qLo));
  const hi = min(dot(d, d), t(qHi));
  if (lo.compare(hi) > 0) return undefined;
  return { point: lo.equals(ZERO) ? p1 : qLo, kind: 'overlap' };
}

/** The point of segment ab closest to c (exact: the projection, clamped to the segment). */
export function closestOnSegment(a: Point, b: Point, c: Point): Point {
  const d = minus(b, a);
  const dd = dot(d, d);
  if (isZero(dd)) return a;
  const t = dot(minus(c, a), d).div(dd);
  return lerp(a, b, max(ZERO, min(ONE, t)));
}

/**
 * The simplest rational (smallest denominator, then smallest absolute numerator) in the closed
 * interval [lo, hi], lo ≤ hi: 0 when the interval holds it, else the Stern–Brocot descent.
 */
export function simplestBetween(lo: Rational, hi: Rational): Rational {
  if (lo.compare(ZERO) <= 0 && hi.compare(ZERO) >= 0) return ZERO;
  if (hi.compare(ZERO) < 0) return simplestBetween(hi.neg(), lo.neg()).neg();
  const c = lo.ceil();
  if (c.compare(hi) <= 0) return c;
  const f = lo.floor();
  // lo and hi lie strictly between f and f + 1: recurse on the reciprocals of the fractional parts.
  return f.add(ONE.div(simplestBetween(ONE.div(hi.sub(f)), ONE.div(lo.sub(f)))));
}
