/**
 * The output layer of the XOR net: given hidden points whose classes are strictly linearly
 * separable, choose W⁽²⁾ (1×2) and b⁽²⁾ with ŷ = W⁽²⁾h + b⁽²⁾, in this order of preference:
 *   1. exact: ŷ is exactly 1 on the + points and 0 on the − points (an affine interpolation of
 *      the four points, which exists only when the points allow it: always for three distinct
 *      points off one line, for four only when they are affinely consistent);
 *   2. threshold with small integers: ŷ ≥ 1 on + and ŷ ≤ 0 on −, W⁽²⁾ a small integer vector;
 *   3. threshold from the closest pair of points of the two classes' segments (the hard-margin
 *      separator), which always exists for separable classes but may have large denominators.
 * Thresholds 1 and 0 (not just "either side of ½") keep the decision robust when the hidden
 * values are floating-point approximations.
 *
 * For sigmoid and tanh the hidden points are double-precision values. The interpolation is solved
 * exactly on those values; four distinct points, which rounding makes inconsistent by ≈ 10⁻¹⁶ even
 * when the true values are consistent, get the interpolation through three of them when it is
 * 0/1 on the fourth within doubleTolerance (kind exact, `error` the largest |ŷ − y|). A readout
 * so large that the rounding of h decides it is not offered (MAX_DOUBLE_READOUT).
 */
import { ONE, ZERO, isOne, isZero, rat, type Rational } from '../rational.js';
import { closestOnSegment, cross, dot, minus, simplestBetween, type Point } from './xor-geometry.js';

export interface Readout {
  readonly W2: Point;
  readonly b2: Rational;
  /** exact: ŷ ∈ {0, 1} on the four points; threshold: ŷ ≥ 1 on class 1 and ŷ ≤ 0 on class 0. */
  readonly kind: 'exact' | 'threshold';
  /**
   * Hidden values in double precision: the largest |ŷ − y| of an exact readout on them (0 when
   * it is exactly 0/1 on the values), at most `doubleTolerance(readout)`.
   */
  readonly error?: number;
  /**
   * Hidden values in double precision, a threshold readout: the |w5| + |w6| of the exact readout
   * on the values that was set aside as decided by their rounding (over MAX_DOUBLE_READOUT).
   */
  readonly unstable?: number;
}

/** Largest |entry| tried for an integer W⁽²⁾ direction: 3 covers every textbook design we know. */
const MAX_DIRECTION = 3;

/** `exactValues`: the hidden points are exact (relu, identity), not double-precision values (sigmoid, tanh). */
export function chooseReadout(plus: readonly Point[], minusPts: readonly Point[], exactValues: boolean): Readout {
  if (exactValues) return interpolate(plus, minusPts) ?? threshold(plus, minusPts);
  const { readout, unstable } = interpolateDoubles(plus, minusPts);
  return readout ?? { ...threshold(plus, minusPts), ...(unstable === undefined ? {} : { unstable }) };
}

const threshold = (plus: readonly Point[], minusPts: readonly Point[]): Readout => integerThreshold(plus, minusPts) ?? marginThreshold(plus, minusPts);

/**
 * How far from 0/1 an exact readout on double-precision hidden values may be: 16 units of 2⁻⁵³
 * times 1 + |w5| + |w6| + |b3|. The values are off the true ones by up to 2⁻⁵² (|h| ≤ 1: a rounded
 * exp or tanh, read as its shortest decimal), which moves ŷ by up to 2⁻⁵²(|w5| + |w6|); four
 * distinct points that are consistent (0/1 for one affine readout) come out inconsistent by about
 * that much. In a scan of 20,664 separable sigmoid and tanh designs (W⁽¹⁾ entries from −3 to 3,
 * halves included), the inconsistent ones missed 0/1 by at least 3·10⁻⁵ of 1 + |w5| + |w6| + |b3|
 * (the readout through three of the points, at the fourth), besides those MAX_DOUBLE_READOUT sets aside.
 */
export function doubleTolerance(r: Pick<Readout, 'W2' | 'b2'>): number {
  return 16 * 2 ** -53 * (1 + size(r) + Math.abs(Number(r.b2.valueOf())));
}

/**
 * The largest |w5| + |w6| of an exact readout on double-precision values: beyond it, the rounding
 * of h (2⁻⁵²) moves ŷ by more than 2⁻³² ≈ 2·10⁻¹⁰, and it is the rounding that makes ŷ 0/1 (three
 * points that are collinear in exact arithmetic, such as sigmoid(z) and sigmoid(−z) = 1 − sigmoid(z),
 * are a sliver of a triangle in double precision, and the readout through them has |W⁽²⁾| ≈ 10¹³).
 */
export const MAX_DOUBLE_READOUT = 2 ** 20;

const size = (r: Pick<Readout, 'W2'>): number => Math.abs(Number(r.W2[0].valueOf())) + Math.abs(Number(r.W2[1].valueOf()));

/**
 * The exact readout on double-precision hidden points: the exact interpolation on their values
 * when it exists, else the interpolation through three of four distinct points, off one line,
 * that is simplest and closest to 0/1 on the fourth, when that is within the tolerance; none with |w5| + |w6|
 * over MAX_DOUBLE_READOUT. `unstable` is the least |w5| + |w6| of those set aside for it.
 */
function interpolateDoubles(plus: readonly Point[], minusPts: readonly Point[]): { readout?: Readout; unstable?: number } {
  const labelled = [...plus.map((h) => ({ h, y: ONE })), ...minusPts.map((h) => ({ h, y: ZERO }))];
  const whole = interpolate(plus, minusPts);
  const candidates = whole
    ? [whole]
    : labelled.flatMap((_, skip) => {
        const three = labelled.filter((_, i) => i !== skip);
        const [a, b, c] = three.map((p) => p.h);
        if (isZero(cross(a, b, c))) return [];
        const r = interpolate(three.filter((p) => isOne(p.y)).map((p) => p.h), three.filter((p) => !isOne(p.y)).map((p) => p.h));
        return r ? [r] : [];
      });
  let readout: { r: Readout; cost: number[] } | undefined;
  let unstable: number | undefined;
  for (const r of candidates) {
    const error = Math.max(...labelled.map((p) => Math.abs(Number(affine(r, p.h).sub(p.y).valueOf()))));
    if (error > doubleTolerance(r)) continue;
    // The simplest (fewest digits in the denominators: ŷ = h1 + h2 rather than 30-digit fractions), then the closest.
    const cost = [[...r.W2, r.b2].reduce((t, q) => t + q.d.toString().length, 0), error];
    if (size(r) > MAX_DOUBLE_READOUT) unstable = Math.min(unstable ?? Infinity, size(r));
    else if (!readout || compareLists(cost, readout.cost) < 0) readout = { r: { ...r, error }, cost };
  }
  return { readout: readout?.r, unstable: readout ? undefined : unstable };
}

export const affine = (r: Pick<Readout, 'W2' | 'b2'>, h: Point): Rational => dot(r.W2, h).add(r.b2);

/**
 * Solve [h₁ h₂ 1]·[u₁ u₂ c]ᵀ = y for the four points by exact Gauss–Jordan elimination; free
 * unknowns are set to 0 (a sparse solution: ŷ = h₁ rather than ŷ = h₁/2 + h₂/2 on a diagonal).
 */
function interpolate(plus: readonly Point[], minusPts: readonly Point[]): Readout | undefined {
  const rows: Rational[][] = [
    ...plus.map((h) => [h[0], h[1], ONE, ONE]),
    ...minusPts.map((h) => [h[0], h[1], ONE, ZERO]),
  ];
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < 3 && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && !isZero(row[c]));
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p], rows[r]];
    const lead = rows[r][c];
    rows[r] = rows[r].map((q) => q.div(lead));
    for (let i = 0; i < rows.length; i++) {
      if (i !== r && !isZero(rows[i][c])) {
        const f = rows[i][c];
        rows[i] = rows[i].map((q, j) => q.sub(f.mul(rows[r][j])));
      }
    }
    pivots.push(c);
    r++;
  }
  // A row 0 = nonzero means the four equations contradict each other.
  if (rows.slice(r).some((row) => !isZero(row[3]))) return undefined;
  const x = [ZERO, ZERO, ZERO];
  pivots.forEach((c, i) => (x[c] = rows[i][3]));
  return { W2: [x[0], x[1]], b2: x[2], kind: 'exact' };
}

/** Primitive integer directions with entries up to MAX_DIRECTION, simplest first. */
function directions(): Point[] {
  const out: [number, number][] = [];
  for (let a = -MAX_DIRECTION; a <= MAX_DIRECTION; a++) {
    for (let b = -MAX_DIRECTION; b <= MAX_DIRECTION; b++) if (gcd(a, b) === 1) out.push([a, b]);
  }
  const key = ([a, b]: [number, number]): number[] => [Math.abs(a) + Math.abs(b), Math.max(Math.abs(a), Math.abs(b)), -a, -b];
  out.sort((p, q) => compareLists(key(p), key(q)));
  return out.map(([a, b]) => [rat(a), rat(b)]);
}

function integerThreshold(plus: readonly Point[], minusPts: readonly Point[]): Readout | undefined {
  let best: { readout: Readout; cost: number[] } | undefined;
  for (const u of directions()) {
    const lowPlus = minOf(plus.map((h) => dot(u, h)));
    const highMinus = maxOf(minusPts.map((h) => dot(u, h)));
    const gap = lowPlus.sub(highMinus);
    if (gap.compare(ZERO) <= 0) continue;
    // Scale by the least integer k with k·gap ≥ 1, then any b⁽²⁾ in [1 − k·lowPlus, −k·highMinus] works.
    const k = ONE.div(gap).ceil();
    const W2: Point = [u[0].mul(k), u[1].mul(k)];
    const b2 = simplestBetween(ONE.sub(k.mul(lowPlus)), k.mul(highMinus).neg());
    const size = Math.max(...[...W2, b2].map((q) => Number(q.abs().ceil().valueOf())));
    const cost = [size, Number(b2.d), Number(W2[0].abs().add(W2[1].abs()).valueOf())];
    if (!best || compareLists(cost, best.cost) < 0) best = { readout: { W2, b2, kind: 'threshold' }, cost };
  }
  return best?.readout;
}

/**
 * The closest points p* and n* of the two segments (for disjoint segments one of them is an
 * endpoint, so checking the four endpoints' projections is enough).
 */
function closestPair(plus: readonly Point[], minusPts: readonly Point[]): readonly [Point, Point] {
  const [p1, p2] = [plus[0], plus[plus.length - 1]];
  const [n1, n2] = [minusPts[0], minusPts[minusPts.length - 1]];
  const candidates: [Point, Point][] = [
    [p1, closestOnSegment(n1, n2, p1)],
    [p2, closestOnSegment(n1, n2, p2)],
    [closestOnSegment(p1, p2, n1), n1],
    [closestOnSegment(p1, p2, n2), n2],
  ];
  const dist = ([p, n]: [Point, Point]): Rational => dot(minus(p, n), minus(p, n));
  return candidates.reduce((a, b) => (dist(b).compare(dist(a)) < 0 ? b : a));
}

/** The distance between the classes' segments (0 when they meet), as a double. */
export function segmentGap(plus: readonly Point[], minusPts: readonly Point[]): number {
  const [p, n] = closestPair(plus, minusPts);
  const d = minus(p, n);
  return Math.sqrt(Number(dot(d, d).valueOf()));
}

/**
 * The hard-margin separator: ŷ = d·(h − n*)/‖d‖² with d = p* − n* for the closest points p*, n*
 * is 0 at n*, 1 at p*, and every + point lies beyond p* and every − point before n*.
 */
function marginThreshold(plus: readonly Point[], minusPts: readonly Point[]): Readout {
  const [p, n] = closestPair(plus, minusPts);
  const d = minus(p, n);
  const dd = dot(d, d);
  const W2: Point = [d[0].div(dd), d[1].div(dd)];
  return { W2, b2: dot(W2, n).neg(), kind: 'threshold' };
}

const minOf = (qs: readonly Rational[]): Rational => qs.reduce((a, b) => (b.compare(a) < 0 ? b : a));
const maxOf = (qs: readonly Rational[]): Rational => qs.reduce((a, b) => (b.compare(a) > 0 ? b : a));

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
