/**
 * The numeric side of the checker: the random stand-ins for σ have the derivatives their marks
 * claim (against central differences), and the test points cover both sides of every kink, keep
 * activations live and stay in the expected answer's domain.
 */
import { describe, expect, it } from 'vitest';
import { randomFunction } from '../../src/check/functions.js';
import { createRng } from '../../src/numeric/rng.js';
import { centralDifference } from '../../src/numeric/finite-difference.js';
import { prepareCheck } from '../../src/check/check.js';
import { sessionFor } from '../../src/check/session.js';
import { Budget } from '../../src/check/budget.js';
import { parse } from '../../src/parse/parse.js';
import type { Evaluation } from '../../src/check/evaluation.js';

describe('random functions standing in for σ, f, …', () => {
  it('have exact derivatives of orders 1 to 4 (central differences agree to 1e-7)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const f = randomFunction('σ', 1, createRng(seed)).fn;
      for (const u of [-3.5, -1.2, 0, 0.7, 3.9]) {
        for (let k = 1; k <= 4; k++) {
          const numeric = centralDifference((x) => f([k - 1], [x]), u);
          expect(Math.abs(numeric - f([k], [u]))).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric)));
        }
      }
    }
  });

  it('have exact partial and mixed derivatives with several arguments', () => {
    const f = randomFunction('f', 2, createRng(3)).fn;
    const [a, b] = [0.4, -1.1];
    expect(centralDifference((x) => f([0, 0], [x, b]), a)).toBeCloseTo(f([1, 0], [a, b]), 8);
    expect(centralDifference((y) => f([0, 0], [a, y]), b)).toBeCloseTo(f([0, 1], [a, b]), 8);
    expect(centralDifference((y) => f([1, 0], [a, y]), b)).toBeCloseTo(f([1, 1], [a, b]), 8);
  });

  it('never make σ′ look like σ, or like σ(1 − σ)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const f = randomFunction('σ', 1, createRng(seed)).fn;
      const at = [-1.5, -0.3, 0.8, 2.1];
      expect(at.some((u) => Math.abs(f([1], [u]) - f([0], [u])) > 1e-3)).toBe(true);
      expect(at.some((u) => Math.abs(f([1], [u]) - f([0], [u]) * (1 - f([0], [u]))) > 1e-3)).toBe(true);
    }
  });

  it('describe themselves for counterexamples', () => {
    expect(randomFunction('σ', 1, createRng(1)).description).toMatch(/^σ\(u\) = −?[\d.]+·\S+\(.*u.*\)( [+−] [\d.]+·\S+\(.*\)²?){2}$/);
  });
});

function evaluationFor(expected: string, answer: string, wrt?: string): Evaluation {
  const problem = prepareCheck(expected, wrt ? { wrt } : {});
  const ev = sessionFor(problem, {}).evaluation(parse(answer), new Budget(() => 0, 1));
  if (typeof ev === 'string') throw new Error(ev);
  return ev;
}

const column = (ev: Evaluation, expr: string): number[] => ev.values(parse(expr))!.at.map((x) => x[0]);

describe('test points', () => {
  it('put every ReLU kink argument on both sides of 0, at least 0.05 away', () => {
    const ev = evaluationFor('w5*relu(w1*x1 + w2*x2 + b1) + w6*relu(w3*x1 + w4*x2 + b2) + b3', "w5*relu'(w1*x1 + w2*x2 + b1)*x1", 'w1');
    expect(ev.points.values).toHaveLength(16);
    for (const z of ['w1*x1 + w2*x2 + b1', 'w3*x1 + w4*x2 + b2']) {
      const zs = column(ev, z);
      expect(zs.some((v) => v > 0)).toBe(true);
      expect(zs.some((v) => v < 0)).toBe(true);
      expect(Math.min(...zs.map(Math.abs))).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('cover the kinks of the student’s answer too', () => {
    const ev = evaluationFor('x', 'relu(x - 1/2)');
    const zs = column(ev, 'x - 1/2');
    expect(zs.some((v) => v > 0) && zs.some((v) => v < 0)).toBe(true);
  });

  it('reach a kink of the answer past the draws’ magnitude 1.5 by moving one coordinate, at 2 decimals, σ’s arguments still within ±4', () => {
    const ev = evaluationFor("w5*sigma'(w1*x1 + w2*x2 + b1)*x1", "w5*sigma'(w1*x1 + w2*x2 + b1)*x1 + relu(x1 - 1.6) + relu(-2.5 - w2)");
    for (const z of ['x1 - 1.6', '-2.5 - w2']) {
      const zs = column(ev, z);
      expect(zs.some((v) => v > 0) && zs.some((v) => v < 0), z).toBe(true);
      expect(Math.min(...zs.map(Math.abs))).toBeGreaterThanOrEqual(0.05);
    }
    expect(Math.max(...column(ev, 'w1*x1 + w2*x2 + b1').map(Math.abs))).toBeLessThanOrEqual(4);
    for (const p of ev.points.values.slice(0, 12)) for (const v of p) expect(Math.round(v * 100) / 100).toBe(v);
  });

  it('keep sigmoid and σ arguments within ±4, where σ′ is not flat', () => {
    const ev = evaluationFor('sigmoid(W1_1_1*x1 + W1_1_2*x2 + W1_1_3*x3 + b1_1)', 'sigmoid(W1_1_1*x1 + W1_1_2*x2 + W1_1_3*x3 + b1_1)');
    expect(Math.max(...column(ev, 'W1_1_1*x1 + W1_1_2*x2 + W1_1_3*x3 + b1_1').map(Math.abs))).toBeLessThanOrEqual(4);
  });

  it('stay where the expected answer is defined, with both signs elsewhere', () => {
    const ev = evaluationFor('log(x)*y', 'log(x)*y');
    expect(column(ev, 'x').every((v) => v > 0)).toBe(true);
    const ys = column(ev, 'y');
    expect(ys.some((v) => v > 0) && ys.some((v) => v < 0)).toBe(true);
  });

  it('are drawn with magnitudes in [0.2, 1.5] at 2 decimals (readable counterexamples), the last 4 at full precision', () => {
    const ev = evaluationFor('x*y', 'x*y');
    expect(ev.points.values).toHaveLength(16);
    ev.points.values.forEach((p, i) => {
      for (const v of p) {
        expect(Math.abs(v)).toBeGreaterThanOrEqual(0.2);
        expect(Math.abs(v)).toBeLessThanOrEqual(1.5);
        if (i < 12) expect(Math.round(v * 100) / 100).toBe(v);
        // Off the grid (sin(100πx) is 0 on it), and not on a finer decimal one either.
        else expect(Math.round(v * 1e6) / 1e6).not.toBe(v);
      }
    });
  });
});

describe('separating points: a kink of the answer next to one of the expected answer', () => {
  const relu = "w5*relu'(w1*x1 + w2*x2 + b1)*x1";
  const pointsFor = (answer: string): Evaluation => {
    const problem = prepareCheck(relu, {});
    const ev = sessionFor(problem, {}).evaluation(parse(answer), new Budget(() => 0, 1000));
    if (typeof ev === 'string') throw new Error(ev);
    return ev;
  };
  const z = (ev: Evaluation): number[] => (ev.values(parse('w1*x1 + w2*x2 + b1'))?.at ?? []).map((x) => x[0]);

  it('adds one point between the two kinks, where the drawn points keep 0.05 from both', () => {
    const ev = pointsFor("w5*relu'(w1*x1 + w2*x2 + b1 + 0.01)*x1");
    const zs = z(ev);
    expect(zs).toHaveLength(17);
    // The drawn 16 stay off both kinks; the 17th lies between them: −0.01 < z < 0.
    expect(zs.slice(0, 16).every((v) => Math.abs(v) >= 0.05 - 1e-12)).toBe(true);
    expect(zs[16]).toBeGreaterThan(-0.01);
    expect(zs[16]).toBeLessThan(0);
  });

  it('adds none for the same kink written another way, or for an answer without kinks', () => {
    for (const same of ["x1*w5*relu'(b1 + w2*x2 + w1*x1)", "w5*relu'(2*(w1*x1 + w2*x2 + b1))*x1", 'w5*x1']) {
      expect(z(pointsFor(same)), same).toHaveLength(16);
    }
  });
});
