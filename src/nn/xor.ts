/**
 * The lecture's XOR design question, decided exactly: do W⁽¹⁾, b⁽¹⁾ and the hidden activation
 * map the four XOR points to a hidden space where the classes are linearly separable, and if so,
 * which W⁽²⁾, b⁽²⁾ finish the net ŷ = W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾?
 *
 * Two finite point sets are strictly separable by a line exactly when their convex hulls are
 * disjoint (separating hyperplane theorem). Each class has two points, so each hull is a segment
 * (or one point when the class collapses) and the test is an exact segment-intersection test on
 * rationals. A rejection carries a certificate: a point lying on both hulls. Training is never
 * involved.
 */
import { InputError } from '../errors.js';
import { ONE, ZERO, isNegative, rat, ratFromNumber, ratText, type Rational } from '../rational.js';
import { orient, param, samePoint, segmentContact, type Point } from './xor-geometry.js';
import { affine, chooseReadout, doubleTolerance, segmentGap } from './xor-readout.js';

export type { Point } from './xor-geometry.js';

export const XOR_ACTIVATIONS = ['relu', 'identity', 'sigmoid', 'tanh'] as const;
export type XorActivation = (typeof XOR_ACTIVATIONS)[number];

/** What a weight may be given as; numbers are read exactly (0.1 is 1/10 only if written as '0.1'). */
export type RationalLike = Rational | number | bigint | string;

export interface XorDesign {
  /** W⁽¹⁾ as rows: [[w1, w2], [w3, w4]] in lecture naming. */
  readonly W1: readonly (readonly RationalLike[])[];
  /** b⁽¹⁾ = [b1, b2]. */
  readonly b1: readonly RationalLike[];
  /** Hidden activation; default relu, as in the lecture. */
  readonly activation?: XorActivation;
}

export type Bit = 0 | 1;

export interface XorPoint {
  readonly x: readonly [Bit, Bit];
  /** The XOR label y: 1 for the + class, 0 for the − class. */
  readonly y: Bit;
  /** z = W⁽¹⁾x + b⁽¹⁾ (always exact). */
  readonly z: Point;
  /** h = σ(z): exact for relu and identity, the double-precision value read exactly otherwise. */
  readonly h: Point;
}

export interface XorReadout {
  readonly W2: Point;
  readonly b2: Rational;
  /**
   * exact: ŷ is exactly the XOR label on each point (for sigmoid and tanh on the double-precision
   * hidden values, within `error`); threshold: ŷ ≥ 1 on y = 1 and ŷ ≤ 0 on y = 0.
   */
  readonly kind: 'exact' | 'threshold';
  /** ŷ at the four points, in the order of `points`. */
  readonly outputs: readonly Rational[];
  /** The decision boundary is W⁽²⁾h + b⁽²⁾ = threshold (½). */
  readonly threshold: Rational;
  /**
   * sigmoid and tanh, kind exact: the largest |ŷ − y| on the double-precision hidden values (0
   * when ŷ is exactly 0/1 on them; at most doubleTolerance otherwise, see xor-readout.ts).
   */
  readonly error?: number;
  /**
   * sigmoid and tanh, kind threshold: the |w5| + |w6| of the readout that is 0/1 on the
   * double-precision values but so large that their rounding decides it (set aside).
   */
  readonly unstable?: number;
}

/** Why no line separates the classes: a point on both classes' segments. */
export interface XorObstruction {
  /** coincide: a + and a − point map to one hidden point; cross: the segments cross; touch: a point lies on the other class's segment; collinear: all four lie on one line and the classes interleave. */
  readonly kind: 'coincide' | 'cross' | 'touch' | 'collinear';
  readonly point: Point;
  /** point = (1 − plusWeight)·h(0,1) + plusWeight·h(1,0), plusWeight ∈ [0, 1]. */
  readonly plusWeight: Rational;
  /** point = (1 − minusWeight)·h(0,0) + minusWeight·h(1,1), minusWeight ∈ [0, 1]. */
  readonly minusWeight: Rational;
}

interface XorCheckBase {
  readonly activation: XorActivation;
  /** False when the hidden values are floating-point (sigmoid, tanh). */
  readonly exact: boolean;
  readonly W1: readonly [Point, Point];
  readonly b1: Point;
  /** (0,0), (0,1), (1,0), (1,1), in this order. */
  readonly points: readonly XorPoint[];
  /** The verdict in plain words. */
  readonly reason: string;
  /** Further remarks (why identity can never work, floating-point caveats). */
  readonly notes: readonly string[];
}

export type XorCheck =
  | (XorCheckBase & { readonly separable: true; readonly readout: XorReadout })
  | (XorCheckBase & { readonly separable: false; readonly obstruction: XorObstruction });

export const XOR_INPUTS: readonly (readonly [Bit, Bit])[] = [[0, 0], [0, 1], [1, 0], [1, 1]];
export const xorLabel = (x: readonly [Bit, Bit]): Bit => (x[0] === x[1] ? 0 : 1);
const HALF = rat(1, 2);

export function checkXorDesign(design: XorDesign): XorCheck {
  const activation = design.activation ?? 'relu';
  if (!(XOR_ACTIVATIONS as readonly string[]).includes(activation)) {
    throw new InputError(`activation: '${activation}' is not one of ${XOR_ACTIVATIONS.join(', ')}`);
  }
  const W1 = readW1(design.W1);
  const b1 = readB1(design.b1);
  const exact = activation === 'relu' || activation === 'identity';
  const points = XOR_INPUTS.map((x): XorPoint => {
    const z = preActivation(W1, b1, [rat(x[0]), rat(x[1])]);
    return { x, y: xorLabel(x), z, h: [activate(activation, z[0]), activate(activation, z[1])] };
  });
  const base = { activation, exact, W1, b1, points };
  const notes = [
    ...(activation === 'identity' ? [identityNote(W1, b1)] : []),
    ...(exact ? [] : [`${activation} values are double-precision approximations, read exactly; ties and coincidences are decided on those values`]),
  ];
  const [h00, h01, h10, h11] = points.map((p) => p.h);
  const obstruction = findObstruction(h01, h10, h00, h11);
  if (obstruction) return { ...base, separable: false, obstruction, reason: rejection(points, obstruction, exact), notes };
  const r = chooseReadout([h01, h10], [h00, h11], exact);
  const readout: XorReadout = { ...r, outputs: points.map((p) => affine(r, p.h)), threshold: HALF };
  verifyReadout(points, readout, exact);
  return { ...base, separable: true, readout, reason: acceptance(points, exact) + roundingMargin([h01, h10], [h00, h11], exact), notes };
}

/** Format a value for prose and tables: exact rationals as `-3/4`, approximations to 4 digits. */
export function rationalText(q: Rational, exact: boolean): string {
  if (exact) return ratText(q);
  const v = Number(q.valueOf());
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

export const pointText = (p: Point, exact: boolean): string => `(${rationalText(p[0], exact)}, ${rationalText(p[1], exact)})`;
export const inputText = (x: readonly [Bit, Bit]): string => `(${x[0]},${x[1]})`;

/** The readout's coefficients as written: exactly, or rounded to `digits` significant digits. */
export interface ReadoutNumbers {
  readonly W2: readonly [string, string];
  readonly b2: string;
  /** Set when the coefficients are rounded. */
  readonly digits?: number;
}

/** How close ŷ computed from rounded coefficients stays to 0 and 1. */
export const ROUNDED_READOUT_ERROR = 1e-4;
export const ROUNDED_READOUT_ERROR_TEXT = '10⁻⁴';

/**
 * W⁽²⁾ and b⁽²⁾ for prose and tables. Exact values, and rationals with small denominators (a
 * threshold readout's 234 and -1381/15, tanh's 1/2), print exactly. An exact readout on sigmoid
 * values has denominators of 30 digits: it prints rounded to the fewest significant digits, at
 * least 4, with which ŷ stays within ROUNDED_READOUT_ERROR of 0 and 1 on the four points.
 */
export function readoutNumbers(check: XorCheck & { readonly separable: true }): ReadoutNumbers {
  const r = check.readout;
  const all = [...r.W2, r.b2];
  if (check.exact || r.kind === 'threshold' || all.every((q) => q.d < 1000n)) {
    return { W2: [ratText(r.W2[0]), ratText(r.W2[1])], b2: ratText(r.b2) };
  }
  const h = check.points.map((p) => [Number(p.h[0].valueOf()), Number(p.h[1].valueOf())]);
  for (let digits = 4; ; digits++) {
    const [u1, u2, c] = all.map((q) => Number(Number(q.valueOf()).toPrecision(digits)));
    const error = Math.max(...check.points.map((p, i) => Math.abs(u1 * h[i][0] + u2 * h[i][1] + c - p.y)));
    if (error <= ROUNDED_READOUT_ERROR || digits === 17) return { W2: [String(u1), String(u2)], b2: String(c), digits };
  }
}

/** z = W⁽¹⁾x + b⁽¹⁾. */
function preActivation(W1: readonly [Point, Point], b1: Point, x: Point): Point {
  const row = (i: 0 | 1): Rational => W1[i][0].mul(x[0]).add(W1[i][1].mul(x[1])).add(b1[i]);
  return [row(0), row(1)];
}

function activate(a: XorActivation, z: Rational): Rational {
  switch (a) {
    case 'relu':
      return isNegative(z) ? ZERO : z;
    case 'identity':
      return z;
    // Computed in double precision for z ≤ 0 (sigmoid) or z ≥ 0 (tanh), and from the symmetry for
    // the other sign, so that it holds exactly: sigmoid(−z) = 1 − sigmoid(z), tanh(−z) = −tanh(z).
    // Rounded independently, sigmoid(−2) and sigmoid(2) sum to 1 + 2⁻⁵⁴ (28 % of arguments are
    // off like that), and the design W⁽¹⁾ = [−3, −2; 3, 2], b⁽¹⁾ = [−2; 2], whose hidden points
    // lie on the line h₁ + h₂ = 1 with the classes interleaved, came out separable.
    case 'sigmoid': {
      const v = Number(z.valueOf());
      const low = (t: number): Rational => ratFromNumber(1 / (1 + Math.exp(-t)));
      return v <= 0 ? low(v) : ONE.sub(low(-v));
    }
    case 'tanh': {
      const v = Number(z.valueOf());
      return v < 0 ? ratFromNumber(Math.tanh(-v)).neg() : ratFromNumber(Math.tanh(v));
    }
  }
}

function toRational(v: RationalLike, where: string): Rational {
  try {
    if (typeof v === 'object') return v;
    if (typeof v === 'number') return ratFromNumber(v);
    return rat(v);
  } catch {
    throw new InputError(`${where}: '${String(v)}' is not a rational number`);
  }
}

function readW1(W: XorDesign['W1']): readonly [Point, Point] {
  if (W.length !== 2 || W.some((row) => row.length !== 2)) {
    throw new InputError(`W1: expected a 2×2 matrix, got ${W.length} row(s) of lengths ${W.map((r) => r.length).join(', ')}`);
  }
  const row = (i: number): Point => [toRational(W[i][0], `W1 entry (${i + 1}, 1)`), toRational(W[i][1], `W1 entry (${i + 1}, 2)`)];
  return [row(0), row(1)];
}

function readB1(b: XorDesign['b1']): Point {
  if (b.length !== 2) throw new InputError(`b1: expected 2 entries, got ${b.length}`);
  return [toRational(b[0], 'b1 entry 1'), toRational(b[1], 'b1 entry 2')];
}

/** A point on both segments (h(0,1)h(1,0) and h(0,0)h(1,1)), or undefined when they are disjoint. */
function findObstruction(p1: Point, p2: Point, n1: Point, n2: Point): XorObstruction | undefined {
  const certify = (kind: XorObstruction['kind'], point: Point): XorObstruction => ({
    kind,
    point,
    plusWeight: param(p1, p2, point),
    minusWeight: param(n1, n2, point),
  });
  for (const p of [p1, p2]) for (const n of [n1, n2]) if (samePoint(p, n)) return certify('coincide', p);
  const contact = segmentContact(p1, p2, n1, n2);
  if (!contact) return undefined;
  if (contact.kind === 'cross') return certify('cross', contact.point);
  const allCollinear = [[p1, p2, n1], [p1, p2, n2], [n1, n2, p1], [n1, n2, p2]].every(([a, b, c]) => orient(a, b, c) === 0);
  const distinct = !samePoint(p1, p2) && !samePoint(n1, n2);
  return certify(allCollinear && distinct ? 'collinear' : 'touch', contact.point);
}

const CLASS_SIGN: Record<Bit, string> = { 1: '+', 0: '−' };
const NO_LINE = 'so no line has the + points on one side and the − points on the other';

function rejection(points: readonly XorPoint[], o: XorObstruction, exact: boolean): string {
  const [p00, p01, p10, p11] = points;
  const hText = (p: XorPoint): string => `h${inputText(p.x)} = ${pointText(p.h, exact)}`;
  const pair = (a: XorPoint, b: XorPoint): string =>
    samePoint(a.h, b.h) ? `${inputText(a.x)} and ${inputText(b.x)}, which both map to ${pointText(a.h, exact)}${roundedTogether([a, b], exact)}` : `${hText(a)} and ${hText(b)}`;
  switch (o.kind) {
    case 'coincide': {
      // Group the inputs by hidden point; report each point where both labels meet.
      const groups = points
        .filter((p, i) => points.findIndex((q) => samePoint(q.h, p.h)) === i)
        .map((p) => points.filter((q) => samePoint(q.h, p.h)))
        .filter((g) => g.some((q) => q.y === 1) && g.some((q) => q.y === 0));
      const phrases = groups.map((g) => `${listText(g.map((q) => inputText(q.x)))} ${g.length === 2 ? 'both' : 'all'} map to ${pointText(g[0].h, exact)}${roundedTogether(g, exact)}`);
      return `${phrases.join(', and ')} in hidden space but have different labels`;
    }
    case 'cross':
      return `the segment between the + points ${pair(p01, p10)} crosses the segment between the − points ${pair(p00, p11)} at ${pointText(o.point, exact)}, ${NO_LINE}`;
    case 'touch': {
      // The contact point is a point of one class lying on the other class's segment.
      const minusOnPlus = [p00, p11].some((n) => samePoint(n.h, o.point));
      const [own, other] = minusOnPlus ? [[p00, p11], [p01, p10]] : [[p01, p10], [p00, p11]];
      const [s, t] = minusOnPlus ? ['−', '+'] : ['+', '−'];
      const subject = samePoint(own[0].h, own[1].h)
        ? `the ${s} points ${pair(own[0], own[1])}, lie`
        : `the ${s} point ${hText(own.find((p) => samePoint(p.h, o.point)) ?? own[0])} lies`;
      return `${subject} on the segment between the ${t} points ${pair(other[0], other[1])}, ${NO_LINE}`;
    }
    case 'collinear':
      return `the hidden points lie on one line in the order ${lineOrder(points, exact)}, so the classes interleave and no line separates them`;
  }
}

/** "+,−,+,− (h(0,1) = (0, 0), …)": the four hidden points sorted along their common line. */
/** "a", "a and b", "a, b and c". */
const listText = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

function lineOrder(points: readonly XorPoint[], exact: boolean): string {
  const [a, b] = [points[0].h, points.find((p) => !samePoint(p.h, points[0].h))?.h ?? points[0].h];
  const t = (p: XorPoint): Rational => param(a, b, p.h);
  const sorted = [...points].sort((p, q) => t(p).compare(t(q)));
  const signs = sorted.map((p) => CLASS_SIGN[p.y]).join(',');
  const where = sorted.map((p) => `h${inputText(p.x)} = ${pointText(p.h, exact)}`).join(', ');
  return `${signs} (${where})`;
}

/**
 * After "both map to (1, -1)": nothing when the points do map to one point (equal z: sigmoid and
 * tanh are one-to-one), else that only their double-precision values coincide (tanh(50) and
 * tanh(60) are both 1 in double precision).
 */
function roundedTogether(group: readonly XorPoint[], exact: boolean): string {
  return exact || group.every((p) => samePoint(p.z, group[0].z)) ? '' : ' (only in double precision: their z differ)';
}

function acceptance(points: readonly XorPoint[], exact: boolean): string {
  const [p00, p01, p10, p11] = points;
  const plusOne = samePoint(p01.h, p10.h);
  const minusOne = samePoint(p00.h, p11.h);
  const both = (a: XorPoint, b: XorPoint): string => `${inputText(a.x)} and ${inputText(b.x)} both map to ${pointText(a.h, exact)}${roundedTogether([a, b], exact)}`;
  const seg = (a: XorPoint, b: XorPoint): string => `the segment between ${pointText(a.h, exact)} and ${pointText(b.h, exact)}`;
  if (plusOne && minusOne) return `each class collapses onto one point: the + points ${both(p01, p10)} and the − points ${both(p00, p11)}, and two distinct points are always linearly separable`;
  if (plusOne) return `the + points ${both(p01, p10)}, which is off ${seg(p00, p11)} where the − points map, so a line separates the classes`;
  if (minusOne) return `the − points ${both(p00, p11)}, which is off ${seg(p01, p10)} where the + points map, so a line separates the classes`;
  return `the segment between the + points ${pointText(p01.h, exact)} and ${pointText(p10.h, exact)} does not meet the segment between the − points ${pointText(p00.h, exact)} and ${pointText(p11.h, exact)}, so a line separates the classes`;
}

/**
 * The hidden values of sigmoid and tanh are off the true ones by up to 2⁻⁵² each, so segments
 * closer than this may meet in exact arithmetic: W⁽¹⁾ = [−3, −3; −2, −2], b⁽¹⁾ = [1; −1] puts the
 * + point on the − points' segment (sigmoid(1 − 3s), sigmoid(−1 − 2s) are collinear for s = 0, 1, 2),
 * 10⁻¹⁷ off it in double precision.
 */
const ROUNDING_GAP = 2 ** -44;

/** For sigmoid and tanh, when the classes are separable by less than the rounding of h: say so. */
function roundingMargin(plus: readonly Point[], minusPts: readonly Point[], exact: boolean): string {
  if (exact) return '';
  const gap = segmentGap(plus, minusPts);
  return gap < ROUNDING_GAP
    ? `; but the classes are only ${gap.toPrecision(1)} apart in double precision, less than the rounding of h can move them, so with exact values of h they may meet`
    : '';
}

function identityNote(W1: readonly [Point, Point], b1: Point): string {
  const h = preActivation(W1, b1, [HALF, HALF]);
  return (
    `with the identity activation h = W⁽¹⁾x + b⁽¹⁾ is affine, so it maps (1/2, 1/2), the midpoint of both diagonals of the square, ` +
    `to one point h = ${pointText(h, true)} on both classes' segments: no W⁽¹⁾, b⁽¹⁾ can work without a non-linearity (the lecture's "crucial role of non-linearity")`
  );
}

/**
 * Every readout is checked on the four points before it is returned (the quality contract); an
 * exact one on double-precision values to within their rounding (doubleTolerance).
 */
function verifyReadout(points: readonly XorPoint[], r: XorReadout, exactValues: boolean): void {
  points.forEach((p, i) => {
    const y = r.outputs[i];
    const close = (): boolean => !exactValues && Math.abs(Number(y.sub(p.y).valueOf())) <= doubleTolerance(r);
    const ok = r.kind === 'exact' ? y.equals(p.y) || close() : p.y === 1 ? y.compare(ONE) >= 0 : y.compare(ZERO) <= 0;
    if (!ok) throw new Error(`XOR readout check failed at ${inputText(p.x)}: ŷ = ${ratText(y)}`);
  });
}
