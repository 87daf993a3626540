import { describe, expect, it } from 'vitest';
import { xorPlot } from '../../src/pictures/xor-plot.js';
import { checkXorDesign } from '../../src/nn/xor.js';
import { coordinates, parseXml, textContent, walk, type XmlElement } from './xml.js';
import { expectGolden } from '../support/golden.js';

const role = (root: XmlElement, r: string): XmlElement[] => [...walk(root)].filter((e) => e.attrs['data-role'] === r);

function sane(svg: string): XmlElement {
  const root = parseXml(svg);
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  expect(coordinates(root).filter((n) => !Number.isFinite(n))).toEqual([]);
  expect(svg).not.toMatch(/\sid=|<style|href=|<image/);
  return root;
}

describe('xorPlot', () => {
  it('draws the acceptance design: points, ×2 for the collapsed + class, the boundary (golden file)', () => {
    const svg = xorPlot(checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0, -1] }));
    const root = sane(svg);
    const points = role(root, 'point');
    // Four markers in input space, three in hidden space ((0,1) and (1,0) coincide).
    expect(points).toHaveLength(7);
    expect(points.slice(4).map((p) => p.attrs['data-count'])).toEqual(['1', '2', '1']);
    expect(role(root, 'point-label').map((t) => t.text)).toEqual(['(0,0)', '(0,1)', '(1,0)', '(1,1)', '(0,0)', '(0,1), (1,0) ×2', '(1,1)']);
    // The boundary: two pieces in input space (the band ½ < x1 + x2 < 3/2), one line in hidden space.
    expect(role(root, 'boundary')).toHaveLength(3);
    expect(role(root, 'obstruction')).toHaveLength(0);
    expect(role(root, 'caption').map((t) => t.text)).toEqual([
      'W⁽¹⁾ = [1, 1; 1, 1], b⁽¹⁾ = [0; −1], relu: separable',
      'W⁽²⁾ = [1, −2], b⁽²⁾ = 0: ŷ is exactly XOR on the four points',
    ]);
    expect(role(root, 'axis').map((t) => t.attrs['data-tex'])).toEqual(['x_{1}', 'x_{2}', 'h_{1}', 'h_{2}']);
    // Set as KaTeX sets x_{1}: the letter in KaTeX_Math, the index a lowered KaTeX_Main digit.
    expect(role(root, 'axis').map(textContent)).toEqual(['x1', 'x2', 'h1', 'h2']);
    expect(role(root, 'axis')[0].attrs['font-family']).toMatch(/^KaTeX_Math, /);
    expectGolden('xor-relu-separable.svg', svg);
  });

  it('marks where the classes meet when they cannot be separated (golden file)', () => {
    const svg = xorPlot(checkXorDesign({ W1: [[1, 0], [0, 1]], b1: [0, 0] }));
    const root = sane(svg);
    expect(role(root, 'boundary')).toHaveLength(0);
    const ring = role(root, 'obstruction');
    expect(ring).toHaveLength(1);
    expect(role(root, 'caption')[0].text).toBe('W⁽¹⁾ = [1, 0; 0, 1], b⁽¹⁾ = [0; 0], relu: not separable; the classes meet at (1/2, 1/2)');
    expectGolden('xor-identity-rejected.svg', svg);
  });

  it('puts a white plate under a point label only where it has to sit on a line; no label is outlined in white (a PDF would read it twice)', () => {
    // relu with b⁽¹⁾ = 0: the + points land on the − class's segment, and every spot around the
    // "(0,1), (1,0) ×2" label is crossed by it (or blocked by the ring).
    const root = sane(xorPlot(checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0, 0] })));
    const labels = role(root, 'point-label');
    for (const t of labels) expect(t.attrs.stroke, t.text).toBeUndefined();
    const halos = role(root, 'halo');
    expect(halos).toHaveLength(1);
    // The plate is drawn just before its label, and covers where the label is set.
    const all = [...walk(root)];
    const label = all[all.indexOf(halos[0]) + 1];
    expect(label.attrs['data-role']).toBe('point-label');
    expect(label.text).toBe('(0,1), (1,0) ×2');
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(halos[0].attrs[k]));
    expect(halos[0].attrs.fill).toBe('#ffffff');
    expect(x + w / 2).toBeCloseTo(Number(label.attrs.x), 6);
    expect(y).toBeLessThan(Number(label.attrs.y) - 8);
    expect(y + h).toBeGreaterThan(Number(label.attrs.y));
    // Labels clear of every line need none: the acceptance design has no plate at all.
    expect(role(sane(xorPlot(checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0, -1] }))), 'halo')).toHaveLength(0);
  });

  it('marks points of both classes at one spot, with their count', () => {
    const root = sane(xorPlot(checkXorDesign({ W1: [[0, 0], [0, 0]], b1: [0, 0] })));
    const hidden = role(root, 'point').slice(4);
    expect(hidden).toHaveLength(1);
    expect([hidden[0].attrs['data-labels'], hidden[0].attrs['data-count']]).toEqual(['0,1,1,0', '4']);
    expect(role(root, 'point-label')[4].text).toBe('(0,0), (0,1), (1,0), (1,1) ×4');
  });

  it('captions a sigmoid or tanh readout with what holds: to double precision, rounded coefficients marked ≈', () => {
    const caption = (d: Parameters<typeof checkXorDesign>[0]): string[] => role(sane(xorPlot(checkXorDesign(d))), 'caption').map((t) => t.text);
    expect(caption({ W1: [[1, 1], [1, 1]], b1: [0, -1], activation: 'sigmoid' })[1]).toBe(
      'W⁽²⁾ ≈ [24.594, −20.266], b⁽²⁾ ≈ −6.8466: ŷ is XOR on the four points to double precision',
    );
    expect(caption({ W1: [[100, 100], [100, 100]], b1: [-50, -150], activation: 'tanh' })[1]).toBe(
      'W⁽²⁾ = [1/2, −1/2], b⁽²⁾ = 0: ŷ is XOR on the four points to double precision',
    );
  });

  it('is deterministic and copes with every activation and degenerate design', () => {
    const designs = [
      { W1: [[1, 1], [1, 1]], b1: [0, -1], activation: 'sigmoid' as const },
      { W1: [[1, 1], [1, 1]], b1: [0, -1], activation: 'tanh' as const },
      { W1: [[1, 2], [2, 4]], b1: [0, 0], activation: 'identity' as const },
      { W1: [[3, 2], [3, 1]], b1: [-1, -3] },
      { W1: [[1, -1], [-1, 1]], b1: [0, 0] },
      { W1: [['1/1000', 0], [0, '1/1000']], b1: [0, 0] },
      { W1: [[1000, 0], [0, -1000]], b1: [0, 5] },
    ];
    for (const d of designs) {
      const check = checkXorDesign(d);
      const svg = xorPlot(check);
      sane(svg);
      expect(xorPlot(check)).toBe(svg);
    }
  });
});
