import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { networkDiagram, networkDiagramLayout } from '../../src/pictures/network-diagram.js';
import { labelExtent } from '../../src/pictures/math-label.js';
import { network } from '../../src/nn/network.js';
import { InputError } from '../../src/errors.js';
import { coordinates, parseXml, textContent, walk, type XmlElement } from './xml.js';
import { expectGolden } from '../support/golden.js';

const labels = (root: XmlElement, role: string): XmlElement[] => [...walk(root)].filter((e) => e.name === 'text' && e.attrs['data-role'] === role);

/** The label's box as the diagram estimates it: around (x, y − 0.35 em), as its TeX is set. */
function box(t: XmlElement): { x0: number; x1: number; y0: number; y1: number } {
  const size = Number(t.attrs['font-size']);
  const cx = Number(t.attrs.x);
  const cy = Number(t.attrs.y) - 0.35 * size;
  const e = labelExtent({ text: textContent(t), tex: t.attrs['data-tex'] }, size);
  return { x0: cx + e.left, x1: cx + e.right, y0: cy + e.top, y1: cy + e.bottom };
}

function expectNoCollisions(root: XmlElement): void {
  const all = [...labels(root, 'weight'), ...labels(root, 'bias'), ...labels(root, 'node')];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [p, q] = [box(all[i]), box(all[j])];
      const overlap = p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
      expect(overlap, `${textContent(all[i])} and ${textContent(all[j])} overlap`).toBe(false);
    }
  }
}

function expectSane(svg: string): XmlElement {
  const root = parseXml(svg);
  expect(root.name).toBe('svg');
  expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  expect(coordinates(root).filter((n) => !Number.isFinite(n))).toEqual([]);
  // Self-contained and safe to inline several times in one page: no ids, no <style>, no external refs.
  expect(svg).not.toMatch(/\sid=|<style|href=|<image/);
  return root;
}

/** No weight or bias label reaches into a node: the nearest point of its box is more than `margin` outside every circle. */
function expectClearOfNodes(root: ReturnType<typeof expectSane>, what: string, margin: number): void {
  const circles = [...walk(root)].filter((e) => e.name === 'circle');
  for (const t of [...labels(root, 'weight'), ...labels(root, 'bias')]) {
    const b = box(t);
    for (const c of circles) {
      const [cx, cy] = [Number(c.attrs.cx), Number(c.attrs.cy)];
      const d = Math.hypot(Math.max(b.x0, Math.min(cx, b.x1)) - cx, Math.max(b.y0, Math.min(cy, b.y1)) - cy);
      expect(d, `${what}: ${t.attrs['data-tex']} runs into a node`).toBeGreaterThan(Number(c.attrs.r) + margin);
    }
  }
}

describe('networkDiagram', () => {
  it('draws the lecture 2-2-1 net with w1…w6 on the edges and b1…b3 at the nodes (golden file)', () => {
    const svg = networkDiagram(network({ layers: [2, 2, 1] }));
    const root = expectSane(svg);
    expect(labels(root, 'weight').map((t) => t.attrs['data-name'])).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6']);
    expect(labels(root, 'weight').map(textContent)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6']);
    expect(labels(root, 'bias').map((t) => t.attrs['data-name'])).toEqual(['b1', 'b2', 'b3']);
    expect(labels(root, 'node').map(textContent)).toEqual(['x1', 'x2', 'h1', 'h2', 'yˆ']);
    expect(labels(root, 'weight')[0].attrs['data-tex']).toBe('w_{1}');
    expect(labels(root, 'node')[4].attrs['data-tex']).toBe('\\hat{y}');
    expectNoCollisions(root);
    expectGolden('network-2-2-1.svg', svg);
  });

  it('is deterministic, and the layer sizes alone give the same picture as network()', () => {
    expect(networkDiagram({ layers: [2, 2, 1] })).toBe(networkDiagram(network({ layers: [2, 2, 1] })));
  });

  it('labels the 3-2-2 net without collisions, W⁽¹⁾ row-major then W⁽²⁾', () => {
    const root = expectSane(networkDiagram(network({ layers: [3, 2, 2] })));
    const names = labels(root, 'weight').map((t) => t.attrs['data-name']);
    expect(names).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9', 'w10']);
    expect(labels(root, 'bias').map((t) => t.attrs['data-name'])).toEqual(['b1', 'b2', 'b3', 'b4']);
    expectNoCollisions(root);
  });

  it('puts each weight label on its own edge: w2 is W⁽¹⁾ row 1, column 2 (x2 → h1)', () => {
    const root = parseXml(networkDiagram({ layers: [2, 2, 1] }));
    const lines = [...walk(root)].filter((e) => e.name === 'line');
    const w2 = labels(root, 'weight')[1];
    const [x, y] = [Number(w2.attrs.x), Number(w2.attrs.y) - 0.35 * 15];
    const onLine = lines.filter((l) => {
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((k) => Number(l.attrs[k]));
      const d = Math.abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / Math.hypot(x2 - x1, y2 - y1);
      return d < 0.5 && x >= Math.min(x1, x2) && x <= Math.max(x1, x2);
    });
    expect(onLine).toHaveLength(1);
    const [sx, sy, tx, ty] = ['x1', 'y1', 'x2', 'y2'].map((k) => Number(onLine[0].attrs[k]));
    const nodes = [...walk(root)].filter((e) => e.name === 'circle');
    const nearest = (px: number, py: number): number => nodes.map((n, i) => [Math.hypot(Number(n.attrs.cx) - px, Number(n.attrs.cy) - py), i]).sort((a, b) => a[0] - b[0])[0][1];
    expect([nearest(sx, sy), nearest(tx, ty)]).toEqual([1, 2]); // x2 → h1
  });

  it('takes labels from a function (numbers too) and can leave edges bare', () => {
    const W = [[['1', '1'], ['1', '1']], [['1', '-2']]];
    const root = expectSane(networkDiagram({ layers: [2, 2, 1] }, { weightLabel: (w) => W[w.layer - 1][w.row - 1][w.col - 1], biasLabel: (b) => ['0', '-1', '0'][b.layer === 1 ? b.row - 1 : 2] }));
    expect(labels(root, 'weight').map(textContent)).toEqual(['1', '1', '1', '1', '1', '−2']);
    expect(labels(root, 'bias').map(textContent)).toEqual(['0', '−1', '0']);
    const bare = parseXml(networkDiagram({ layers: [2, 2, 1] }, { edgeLabels: false }));
    expect(labels(bare, 'weight')).toHaveLength(0);
    expect(labels(bare, 'bias')).toHaveLength(3);
  });

  it('draws indexed names and larger nets (edge labels off by default beyond 24 weights)', () => {
    const idx = expectSane(networkDiagram(network({ layers: [2, 3, 1], naming: 'indexed' })));
    expect(textContent(labels(idx, 'weight')[1])).toBe('W(1)1,2');
    expect(labels(idx, 'weight')[1].attrs['data-tex']).toBe('W^{(1)}_{1,2}');
    const big = expectSane(networkDiagram({ layers: [8, 8, 8, 8, 2] }));
    expect(labels(big, 'weight')).toHaveLength(0);
    expect(labels(big, 'bias')).toHaveLength(26);
    expect(labels(big, 'node').map((t) => t.attrs['data-tex']).slice(8, 9)).toEqual(['h^{(1)}_{1}']);
    expectNoCollisions(big);
  });

  it('labels every net up to three nodes wide without collisions, in either naming (indexed labels are taller and wider)', () => {
    const nets: number[][] = [];
    for (const a of [1, 2, 3]) for (const b of [1, 2, 3]) for (const c of [1, 2, 3]) nets.push([a, b, c]);
    nets.push([2, 2, 2, 1], [2, 3, 3, 2], [3, 3, 2, 1]);
    for (const layers of nets) {
      for (const naming of ['lecture', 'indexed'] as const) {
        const root = expectSane(networkDiagram(network({ layers, naming })));
        expectNoCollisions(root);
        // And none reaches into a node: the nearest point of its box is outside every circle.
        expectClearOfNodes(root, `${layers.join('-')} ${naming}`, 0.8);
      }
    }
  });

  it('refuses nets it cannot draw legibly', () => {
    expect(() => networkDiagram({ layers: [2, 2, 2, 2, 2, 2, 1] })).toThrow(InputError);
    expect(() => networkDiagram({ layers: [2, 11, 1] })).toThrow('layer 2 has width 11');
  });
});

/** Each edge as drawn: its line, from the source's rim to the tip of its arrowhead (the polygon after it). */
function edgeSegments(root: XmlElement): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  root.children.forEach((e, k) => {
    if (e.name !== 'line') return;
    const tip = (root.children[k + 1]?.attrs.points ?? '').split(' ')[0].split(',').map(Number);
    out.push([Number(e.attrs.x1), Number(e.attrs.y1), tip[0], tip[1]]);
  });
  return out;
}

function distanceToSegment(x: number, y: number, [x1, y1, x2, y2]: readonly number[]): number {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x1 + t * dx - x, y1 + t * dy - y);
}

/**
 * Nets as the exercises draw them and denser (up to 6 nodes a layer, every edge labelled): lecture
 * names (w₁₂), indexed names (W⁽²⁾₃,₁) or numbers (a forward pass: −3, 1/2).
 */
const randomNet = fc.record({
  layers: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }),
  naming: fc.constantFrom('lecture', 'indexed', 'numbers'),
  numbers: fc.array(fc.constantFrom('0', '1', '-2', '3', '-4', '1/2', '-3/4', '12'), { minLength: 7, maxLength: 7 }),
});
type RandomNet = { layers: number[]; naming: string; numbers: string[] };

function drawRandom(n: RandomNet, edgeLabels?: boolean): string {
  const pick = (k: number): string => n.numbers[k % n.numbers.length];
  const options = { ...(edgeLabels === undefined ? {} : { edgeLabels }) };
  if (n.naming === 'numbers') return networkDiagram({ layers: n.layers }, { ...options, weightLabel: (w) => pick(w.layer * 7 + w.row * 3 + w.col), biasLabel: (b) => pick(b.layer + b.row) });
  return networkDiagram(network({ layers: n.layers, naming: n.naming as 'lecture' | 'indexed' }), options);
}

describe('networkDiagram over random nets', () => {
  it('no two labels overlap and none runs into a node, with every edge asked to carry its label (the review found 20 of 456 such nets with overlaps)', () => {
    fc.assert(
      fc.property(randomNet, (n) => {
        const root = expectSane(drawRandom(n, true));
        expectNoCollisions(root);
        expectClearOfNodes(root, `${n.layers.join('-')} ${n.naming}`, 0);
      }),
      { seed: 20240, numRuns: 150 },
    );
    // The nets the review reported, indexed names on every edge.
    for (const layers of [[3, 4, 4, 2], [4, 4, 4], [4, 4, 1], [2, 4, 4, 1]]) expectNoCollisions(expectSane(networkDiagram(network({ layers, naming: 'indexed' }), { edgeLabels: true })));
  });

  it('each weight label sits on its own edge and no other edge passes within 6 px of its centre (at a crossing it could belong to either)', () => {
    fc.assert(
      fc.property(randomNet, fc.boolean(), (n, all) => {
        const root = parseXml(drawRandom(n, all ? true : undefined));
        const edges = edgeSegments(root);
        for (const t of labels(root, 'weight')) {
          const [x, y] = [Number(t.attrs.x), Number(t.attrs.y) - 0.35 * Number(t.attrs['font-size'])];
          const near = edges.map((e) => distanceToSegment(x, y, e)).sort((a, b) => a - b);
          const where = `${n.layers.join('-')} ${n.naming}: ${t.attrs['data-tex']} at (${x}, ${y})`;
          expect(near[0], `${where} is off its edge`).toBeLessThan(0.05);
          // 5.99: coordinates are written to 0.01 px.
          expect(near[1] ?? Infinity, `${where} sits where another edge passes`).toBeGreaterThanOrEqual(5.99);
        }
      }),
      { seed: 20241, numRuns: 150 },
    );
  });

  it('gives a layer too crowded for its labels a wider gap, so that it keeps them', () => {
    const columns = (svg: string): number[] => [...new Set([...walk(parseXml(svg))].filter((e) => e.name === 'circle').map((c) => Number(c.attrs.cx)))];
    // 190 px apart, W⁽¹⁾ of the 4-4-1 (lecture names) and of the 3-4-3 (indexed) could not all
    // stand clear of the crossings, and their edges were left bare.
    // The 3-4-3's W⁽²⁾ too: both its gaps are widened.
    for (const [layers, naming, weights, widened] of [[[4, 4, 1], 'lecture', 20, [true, false]], [[3, 4, 3], 'indexed', 24, [true, true]]] as const) {
      const layout = networkDiagramLayout(network({ layers: [...layers], naming }));
      expect([layout.labelled, layout.crowded], layers.join('-')).toEqual([[1, 2], []]);
      expect(labels(parseXml(layout.svg), 'weight')).toHaveLength(weights);
      const [x0, x1, x2] = columns(layout.svg);
      expect([x1 - x0 > 190, x2 - x1 > 190], layers.join('-')).toEqual(widened);
    }
    // A layer that fits keeps the usual gap.
    const lecture = columns(networkDiagram({ layers: [2, 2, 1] }));
    expect([lecture[1] - lecture[0], lecture[2] - lecture[1]]).toEqual([190, 190]);
  });

  it('labels a layer’s edges all or none, and says which layers it left bare as too crowded (networkDiagramLayout)', () => {
    // The 4-4-1 in indexed names: W⁽¹⁾'s sixteen labels cannot all stand clear of the crossings; W⁽²⁾'s four can.
    const dense = networkDiagramLayout(network({ layers: [4, 4, 1], naming: 'indexed' }));
    expect([dense.labelled, dense.crowded]).toEqual([[2], [1]]);
    expect(labels(parseXml(dense.svg), 'weight').map((t) => t.attrs['data-name'])).toEqual(['W2_1_1', 'W2_1_2', 'W2_1_3', 'W2_1_4']);
    expect(dense.svg).toBe(networkDiagram(network({ layers: [4, 4, 1], naming: 'indexed' })));
    const lecture = networkDiagramLayout({ layers: [2, 2, 1] });
    expect([lecture.labelled, lecture.crowded]).toEqual([[1, 2], []]);
    // Not asked for: beyond 24 weights by default, or edgeLabels: false. Nothing is crowded then.
    for (const bare of [networkDiagramLayout({ layers: [4, 4, 4] }), networkDiagramLayout({ layers: [2, 2, 1] }, { edgeLabels: false })]) expect([bare.labelled, bare.crowded]).toEqual([[], []]);
    fc.assert(
      fc.property(randomNet, (n) => {
        const layout = networkDiagramLayout(network({ layers: n.layers, naming: n.naming === 'indexed' ? 'indexed' : 'lecture' }), { edgeLabels: true });
        const all = n.layers.slice(1).map((_, k) => k + 1);
        expect([...layout.labelled, ...layout.crowded].sort()).toEqual(all);
        const names = labels(parseXml(layout.svg), 'weight').map((t) => t.attrs['data-name']);
        expect(names).toHaveLength(layout.labelled.reduce((s, l) => s + n.layers[l] * n.layers[l - 1], 0));
        // Deterministic: the same net, the same bytes.
        expect(networkDiagramLayout(network({ layers: n.layers, naming: n.naming === 'indexed' ? 'indexed' : 'lecture' }), { edgeLabels: true }).svg).toBe(layout.svg);
      }),
      { seed: 20242, numRuns: 60 },
    );
  });
});
