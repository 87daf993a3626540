import { describe, expect, it } from 'vitest';
import { checkXorDesign, pointText, rationalText, XOR_INPUTS, type XorCheck, type XorPoint } from '../../src/nn/xor.js';
import { InputError } from '../../src/errors.js';
import { ONE, ZERO, isNegative, rat, type Rational } from '../../src/rational.js';
import { createRng } from '../../src/numeric/rng.js';

const hidden = (r: XorCheck): string[] => r.points.map((p) => pointText(p.h, r.exact));
const q = (s: string): Rational => rat(s);

/** An independent forward pass, written out as in the lecture: ŷ = w5·relu(w1x1 + w2x2 + b1) + w6·relu(w3x1 + w4x2 + b2) + b3. */
function forward(W1: number[][], b1: number[], W2: readonly Rational[], b2: Rational, x: readonly number[]): Rational {
  const relu = (z: Rational): Rational => (isNegative(z) ? ZERO : z);
  const h = [0, 1].map((i) => relu(rat(W1[i][0]).mul(x[0]).add(rat(W1[i][1]).mul(x[1])).add(rat(b1[i]))));
  return W2[0].mul(h[0]).add(W2[1].mul(h[1])).add(b2);
}

/** Every verdict carries a certificate: check it without trusting the module. */
function checkCertificate(r: XorCheck): void {
  const [h00, h01, h10, h11] = r.points.map((p: XorPoint) => p.h);
  if (r.separable) {
    r.points.forEach((p, i) => {
      const y = r.readout.W2[0].mul(p.h[0]).add(r.readout.W2[1].mul(p.h[1])).add(r.readout.b2);
      expect(y.equals(r.readout.outputs[i])).toBe(true);
      // On sigmoid and tanh values, exact means within the readout's stated error of 0/1 (0 when exact on them).
      if (r.readout.kind === 'exact' && r.exact) expect(y.equals(p.y)).toBe(true);
      else if (r.readout.kind === 'exact') expect(Math.abs(Number(y.sub(p.y).valueOf()))).toBeLessThanOrEqual(r.readout.error ?? 0);
      else expect(p.y === 1 ? y.compare(ONE) >= 0 : y.compare(ZERO) <= 0).toBe(true);
    });
    return;
  }
  const { point, plusWeight: l, minusWeight: m } = r.obstruction;
  for (const t of [l, m]) expect(t.compare(ZERO) >= 0 && t.compare(ONE) <= 0).toBe(true);
  for (const i of [0, 1]) {
    expect(h01[i].mul(ONE.sub(l)).add(h10[i].mul(l)).equals(point[i])).toBe(true);
    expect(h00[i].mul(ONE.sub(m)).add(h11[i].mul(m)).equals(point[i])).toBe(true);
  }
}

/** A float oracle: try 3600 directions; for small-integer points a separating arc is far wider than 0.1°. */
function separableByScan(r: XorCheck): boolean {
  const pts = r.points.map((p) => ({ y: p.y, h: [Number(p.h[0].valueOf()), Number(p.h[1].valueOf())] }));
  for (let k = 0; k < 3600; k++) {
    const a = (k * Math.PI) / 1800;
    const s = pts.map((p) => Math.cos(a) * p.h[0] + Math.sin(a) * p.h[1]);
    const plus = Math.min(...s.filter((_, i) => pts[i].y === 1));
    const minus = Math.max(...s.filter((_, i) => pts[i].y === 0));
    if (plus - minus > 1e-9) return true;
  }
  return false;
}

describe('checkXorDesign: the acceptance cases', () => {
  it('accepts W1 = [1, 1; 1, 1], b1 = [0; -1] with an exact readout W2 = [1, -2], b2 = 0', () => {
    const r = checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0, -1] });
    expect(hidden(r)).toEqual(['(0, 0)', '(1, 0)', '(1, 0)', '(2, 1)']);
    expect(r.separable).toBe(true);
    if (!r.separable) return;
    expect(r.readout.kind).toBe('exact');
    expect(pointText(r.readout.W2, true)).toBe('(1, -2)');
    expect(rationalText(r.readout.b2, true)).toBe('0');
    expect(r.readout.outputs.map((y) => rationalText(y, true))).toEqual(['0', '1', '1', '0']);
    expect(r.reason).toBe(
      'the + points (0,1) and (1,0) both map to (1, 0), which is off the segment between (0, 0) and (2, 1) where the − points map, so a line separates the classes',
    );
    // The readout really computes XOR through the whole net (an independent forward pass).
    for (const x of XOR_INPUTS) expect(forward([[1, 1], [1, 1]], [0, -1], r.readout.W2, r.readout.b2, x).equals(x[0] ^ x[1])).toBe(true);
  });

  it('rejects W1 = I, b1 = 0 and says where the classes meet', () => {
    const r = checkXorDesign({ W1: [[1, 0], [0, 1]], b1: [0, 0] });
    expect(r.separable).toBe(false);
    if (r.separable) return;
    expect(r.obstruction.kind).toBe('cross');
    expect(pointText(r.obstruction.point, true)).toBe('(1/2, 1/2)');
    expect(r.reason).toBe(
      'the segment between the + points h(0,1) = (0, 1) and h(1,0) = (1, 0) crosses the segment between the − points h(0,0) = (0, 0) and h(1,1) = (1, 1) at (1/2, 1/2), so no line has the + points on one side and the − points on the other',
    );
    checkCertificate(r);
  });
});

describe('the lecture hint: b = [-1, -1], W of 1s and 2s', () => {
  const family = Array.from({ length: 16 }, (_, m) => {
    const e = [3, 2, 1, 0].map((s) => ((m >> s) & 1) + 1);
    return [[e[0], e[1]], [e[2], e[3]]];
  });

  it('exactly [2, 2; 1, 1] and [1, 1; 2, 2] work, each with an exact integer readout', () => {
    const works = family.filter((W1) => checkXorDesign({ W1, b1: [-1, -1] }).separable);
    expect(works).toEqual([[[1, 1], [2, 2]], [[2, 2], [1, 1]]]);
    const r = checkXorDesign({ W1: [[2, 2], [1, 1]], b1: [-1, -1] });
    expect(r.separable && [pointText(r.readout.W2, true), rationalText(r.readout.b2, true), r.readout.kind]).toEqual(['(1, -3)', '0', 'exact']);
  });

  it('gives every member a checkable certificate and agrees with a direction-scan oracle', () => {
    for (const W1 of family) {
      const r = checkXorDesign({ W1, b1: [-1, -1] });
      checkCertificate(r);
      expect(r.separable).toBe(separableByScan(r));
    }
  });

  it('explains the failures in words', () => {
    const r1 = checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [-1, -1] });
    expect(r1.reason).toBe('(0,0), (0,1) and (1,0) all map to (0, 0) in hidden space but have different labels');
    const r2 = checkXorDesign({ W1: [[2, 2], [2, 2]], b1: [-1, -1] });
    expect(!r2.separable && r2.obstruction.kind).toBe('touch');
    expect(r2.reason).toBe(
      'the + points (0,1) and (1,0), which both map to (1, 1), lie on the segment between the − points h(0,0) = (0, 0) and h(1,1) = (3, 3), so no line has the + points on one side and the − points on the other',
    );
  });
});

describe('collapsed and coincident points', () => {
  it('accepts the − class collapsing onto one point (ŷ = h1 + h2 = |x1 − x2|)', () => {
    const r = checkXorDesign({ W1: [[1, -1], [-1, 1]], b1: [0, 0] });
    expect(hidden(r)).toEqual(['(0, 0)', '(0, 1)', '(1, 0)', '(0, 0)']);
    expect(r.separable && [pointText(r.readout.W2, true), rationalText(r.readout.b2, true), r.readout.kind]).toEqual(['(1, 1)', '0', 'exact']);
    expect(r.reason).toMatch(/^the − points \(0,0\) and \(1,1\) both map to \(0, 0\)/);
  });

  it('rejects points of different classes that coincide, naming them', () => {
    const r = checkXorDesign({ W1: [[1, -2], [2, -3]], b1: [1, 1] });
    expect(r.reason).toBe('(0,1) and (1,1) both map to (0, 0) in hidden space but have different labels');
    expect(!r.separable && r.obstruction.kind).toBe('coincide');
    const all = checkXorDesign({ W1: [[0, 0], [0, 0]], b1: [0, 0] });
    expect(all.reason).toBe('(0,0), (0,1), (1,0) and (1,1) all map to (0, 0) in hidden space but have different labels');
    const two = checkXorDesign({ W1: [[1, 0], [0, 0]], b1: [0, 0] });
    expect(two.reason).toBe('(0,0) and (0,1) both map to (0, 0), and (1,0) and (1,1) both map to (1, 0) in hidden space but have different labels');
  });

  it('rejects a − point on the + segment', () => {
    const r = checkXorDesign({ W1: [[2, -1], [-1, 2]], b1: [0, 0] });
    expect(r.reason).toMatch(/^the − point h\(1,1\) = \(1, 1\) lies on the segment between the \+ points h\(0,1\) = \(0, 2\) and h\(1,0\) = \(2, 0\)/);
    checkCertificate(r);
  });

  it('reports collinear hidden points in their order along the line', () => {
    const r = checkXorDesign({ W1: [[1, 2], [2, 4]], b1: [0, 0], activation: 'identity' });
    expect(!r.separable && r.obstruction.kind).toBe('collinear');
    expect(r.reason).toBe(
      'the hidden points lie on one line in the order −,+,+,− (h(0,0) = (0, 0), h(1,0) = (1, 2), h(0,1) = (2, 4), h(1,1) = (3, 6)), so the classes interleave and no line separates them',
    );
  });

  it('finds a threshold readout when no affine readout is exactly 0/1', () => {
    // Hidden points (0,0) −, (1,0) +, (2,0) +, (4,1) −: on the line h2 = 0 an affine ŷ with
    // ŷ(0,0) = 0 and ŷ(1,0) = 1 has ŷ(2,0) = 2, so only a thresholded readout exists.
    const r = checkXorDesign({ W1: [[3, 2], [3, 1]], b1: [-1, -3] });
    expect(hidden(r)).toEqual(['(0, 0)', '(1, 0)', '(2, 0)', '(4, 1)']);
    expect(r.separable && r.readout.kind).toBe('threshold');
    if (!r.separable) return;
    expect([pointText(r.readout.W2, true), rationalText(r.readout.b2, true)]).toEqual(['(1, -4)', '0']);
    expect(r.readout.outputs.map((y) => rationalText(y, true))).toEqual(['0', '1', '2', '0']);
    checkCertificate(r);
  });
});

describe('identity activation', () => {
  it('always fails, with the midpoint argument as a note', () => {
    const rng = createRng(4342);
    for (let k = 0; k < 200; k++) {
      const v = (): Rational => rat(rng.int(-6, 6), rng.int(1, 2));
      const r = checkXorDesign({ W1: [[v(), v()], [v(), v()]], b1: [v(), v()], activation: 'identity' });
      expect(r.separable).toBe(false);
      checkCertificate(r);
      expect(r.notes[0]).toMatch(/^with the identity activation h = W⁽¹⁾x \+ b⁽¹⁾ is affine/);
    }
  });

  it('the acceptance design fails without the ReLU', () => {
    const r = checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0, -1], activation: 'identity' });
    expect(r.separable).toBe(false);
    expect(r.notes[0]).toContain('to one point h = (1, 0) on both classes');
  });
});

describe('random ReLU designs', () => {
  it('always carry a valid certificate and agree with the scan oracle', () => {
    const rng = createRng(19);
    let separable = 0;
    for (let k = 0; k < 300; k++) {
      const v = (): number => rng.int(-3, 3);
      const r = checkXorDesign({ W1: [[v(), v()], [v(), v()]], b1: [v(), v()] });
      checkCertificate(r);
      expect(r.separable).toBe(separableByScan(r));
      if (r.separable) separable++;
    }
    // The sample exercises both verdicts.
    expect(separable).toBeGreaterThan(5);
    expect(separable).toBeLessThan(280);
  });
});

describe('floating-point activations', () => {
  // Three distinct hidden points off one line always admit an affine readout that is exactly 0/1
  // on them; this design's readout was a threshold one (ŷ = -17.02 at (0,0)), said to be the best.
  it('sigmoid: decided on the double values, with the exact readout through the three hidden points and a note', () => {
    const r = checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0, -1], activation: 'sigmoid' });
    expect(r.exact).toBe(false);
    expect(hidden(r)[0]).toBe('(0.5, 0.2689)');
    expect(r.separable && r.readout.kind).toBe('exact');
    if (!r.separable) return;
    expect(r.readout.outputs.map((y) => rationalText(y, true))).toEqual(['0', '1', '1', '0']);
    expect(r.readout.error).toBe(0);
    expect(pointText(r.readout.W2, false)).toBe('(24.59, -20.27)');
    checkCertificate(r);
    expect(r.notes.join(' ')).toContain('double-precision');
  });

  it('tanh: the saturated design of the QA report gets W2 = [1/2, -1/2], b2 = 0, exactly 0/1', () => {
    const r = checkXorDesign({ W1: [[100, 100], [100, 100]], b1: [-50, -150], activation: 'tanh' });
    expect(hidden(r)).toEqual(['(-1, -1)', '(1, -1)', '(1, -1)', '(1, 1)']);
    expect(r.separable).toBe(true);
    if (!r.separable) return;
    expect([r.readout.kind, pointText(r.readout.W2, true), rationalText(r.readout.b2, true)]).toEqual(['exact', '(1/2, -1/2)', '0']);
    expect(r.readout.outputs.map((y) => rationalText(y, true))).toEqual(['0', '1', '1', '0']);
    checkCertificate(r);
  });

  it('four distinct hidden points that are affinely consistent get an exact readout too', () => {
    const r = checkXorDesign({ W1: [[-3, 0.5], [-3, 0.5]], b1: [0.5, 2], activation: 'tanh' });
    expect(new Set(hidden(r)).size).toBe(4);
    expect(r.separable && r.readout.kind).toBe('exact');
    checkCertificate(r);
  });

  it('four points that are not consistent keep a threshold readout, and say none is 0/1', () => {
    const r = checkXorDesign({ W1: [[-1, 0.5], [-3, 0.5]], b1: [0, -2], activation: 'tanh' });
    expect(new Set(hidden(r)).size).toBe(4);
    expect(r.separable && r.readout.kind).toBe('threshold');
    expect(r.separable && r.readout.unstable).toBeUndefined();
    checkCertificate(r);
  });

  it('sigmoid(−z) = 1 − sigmoid(z) holds exactly, so points on h1 + h2 = 1 are collinear and interleave', () => {
    // Rounded independently, the four points were a sliver, called separable with W2 ≈ 7·10¹⁶.
    const r = checkXorDesign({ W1: [[-3, -2], [3, 2]], b1: [-2, 2], activation: 'sigmoid' });
    expect(r.points.every((p) => p.h[0].add(p.h[1]).equals(ONE))).toBe(true);
    expect(r.separable).toBe(false);
    if (r.separable) return;
    expect(r.obstruction.kind).toBe('collinear');
    checkCertificate(r);
  });

  it('says when the classes are closer than the rounding of h, and sets aside a readout that rounding decides', () => {
    // sigmoid(1 − 3s), sigmoid(−1 − 2s) for s = 0, 1, 2 are collinear (to 60 digits): the + point lies on the − segment.
    const r = checkXorDesign({ W1: [[-3, -3], [-2, -2]], b1: [1, -1], activation: 'sigmoid' });
    expect(r.separable).toBe(true);
    if (!r.separable) return;
    expect(r.reason).toMatch(/; but the classes are only \de-\d+ apart in double precision, less than the rounding of h can move them, so with exact values of h they may meet$/);
    expect(r.readout.kind).toBe('threshold');
    expect(r.readout.unstable).toBeGreaterThan(1e15);
    checkCertificate(r);
  });

  it('says when points coincide only in double precision (tanh(30) and tanh(40) are both 1)', () => {
    const r = checkXorDesign({ W1: [[40, 30], [-40, -40]], b1: [0, 60], activation: 'tanh' });
    expect(r.separable).toBe(true);
    expect(r.reason).toContain('the + points (0,1) and (1,0) both map to (1, 1) (only in double precision: their z differ), which is off');
    const same = checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0, -1], activation: 'tanh' });
    expect(same.reason).toContain('both map to (0.7616, 0), which');
  });

  it('tanh with W1 = I, b1 = 0 is the XOR square again and fails', () => {
    expect(checkXorDesign({ W1: [[1, 0], [0, 1]], b1: [0, 0], activation: 'tanh' }).separable).toBe(false);
  });
});

describe('bad input', () => {
  it('names the entry or the shape', () => {
    expect(() => checkXorDesign({ W1: [[1, 1]], b1: [0, 0] })).toThrow(InputError);
    expect(() => checkXorDesign({ W1: [[1, 1]], b1: [0, 0] })).toThrow('W1: expected a 2×2 matrix');
    expect(() => checkXorDesign({ W1: [[1, 'x'], [1, 1]], b1: [0, 0] })).toThrow("W1 entry (1, 2): 'x' is not a rational number");
    expect(() => checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0, Number.NaN] })).toThrow("b1 entry 2: 'NaN' is not a rational number");
    expect(() => checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0] })).toThrow('b1: expected 2 entries, got 1');
  });

  it('reads strings and rationals exactly', () => {
    const r = checkXorDesign({ W1: [['1', '1'], [q('1'), 1]], b1: ['0', '-1/2'] });
    expect(hidden(r)).toEqual(['(0, 0)', '(1, 1/2)', '(1, 1/2)', '(2, 3/2)']);
    expect(r.separable && [pointText(r.readout.W2, true), rationalText(r.readout.b2, true)]).toEqual(['(3, -4)', '0']);
  });
});
