import { describe, expect, it } from 'vitest';
import { labelExtent, MAIN_FONT, MATH_FONT, mathText, texLayout } from '../../src/pictures/math-label.js';
import { mathLabel } from '../../src/pictures/svg.js';
import { networkDiagram } from '../../src/pictures/network-diagram.js';
import { network } from '../../src/nn/network.js';
import { parseXml, textContent, walk, type XmlElement } from './xml.js';

const label = (tex: string, o: Parameters<typeof mathText>[3] = { size: 20 }): XmlElement => parseXml(mathText(100, 50, { text: '?', tex }, o));
const spans = (t: XmlElement): XmlElement[] => t.children.filter((c) => c.name === 'tspan');
const num = (e: XmlElement, k: string): number => Number(e.attrs[k] ?? 0);

describe('math labels set as KaTeX sets their TeX', () => {
  it('w_{1}: the letter in KaTeX_Math italic, the index a 70 % upright KaTeX_Main digit lowered by TeX’s sub1 (0.15 em)', () => {
    const t = label('w_{1}');
    expect(t.attrs['font-family']).toBe(MATH_FONT);
    expect(t.attrs['font-family']).toMatch(/^KaTeX_Math, 'DejaVu Serif', 'Times New Roman', serif$/);
    expect(t.attrs['font-style']).toBe('italic');
    expect(t.text).toBe('w');
    const [sub] = spans(t);
    expect(spans(t)).toHaveLength(1);
    expect(sub.text).toBe('1');
    expect(sub.attrs['font-family']).toBe(MAIN_FONT);
    expect(sub.attrs['font-style']).toBe('normal');
    expect(num(sub, 'font-size')).toBe(14);
    expect(num(sub, 'dy')).toBe(3); // 0.15 em of 20 px, down
    expect(sub.attrs.dx).toBeUndefined(); // right after the w (its italic correction is not added under a subscript)
    expect(t.attrs['data-tex']).toBe('w_{1}');
  });

  it('\\hat{y}: KaTeX_Main’s ˆ over the y, centred on its box and moved right by its skew, on the same baseline', () => {
    const t = label('\\hat{y}');
    const [hat] = spans(t);
    expect(t.text).toBe('y');
    expect(hat.text).toBe('ˆ');
    expect(hat.attrs['font-family']).toBe(MAIN_FONT);
    expect(hat.attrs['font-style']).toBe('normal');
    expect(hat.attrs.dy).toBeUndefined();
    // KaTeX puts the accent's left edge 0.0686 em right of the y's (measured in Chromium: 0.0688);
    // the pen is at the y's advance, 0.4903 em.
    expect(num(hat, 'dx') / 20).toBeCloseTo(0.0686 - 0.4903, 3);
    // No precomposed ŷ and no combining U+0302: KaTeX_Math has neither.
    expect(textContent(t)).not.toMatch(/[\u0177\u0302]/);
  });

  it('\\hat{y}_{2}: the hat, then the subscript back at the y’s advance', () => {
    const t = label('\\hat{y}_{2}');
    const [hat, sub] = spans(t);
    expect(textContent(t)).toBe('yˆ2');
    // The pen after the hat is at 0.0686 + 0.5 em; the subscript starts at 0.4903 em.
    expect(num(sub, 'dx') / 20).toBeCloseTo(0.4903 - 0.5686, 3);
    expect(num(sub, 'dy')).toBe(3);
    expect(hat.attrs.dy).toBeUndefined();
  });

  it('W^{(1)}_{2,1}: superscript and subscript stacked (rule 18e), the superscript past W’s italic correction', () => {
    const t = label('W^{(1)}_{2,1}');
    const [sup, sub] = spans(t);
    expect([t.text, sup.text, sub.text]).toEqual(['W', '(1)', '2,1']);
    // KaTeX: superscript up 0.520 em, subscript down 0.266 em (4 rule widths apart, raised by ψ).
    expect(num(sup, 'dy') / 20).toBeCloseTo(-0.52, 2);
    expect((num(sup, 'dy') + num(sub, 'dy')) / 20).toBeCloseTo(0.266, 2);
    // Superscript at W's width + italic correction (0.9445 + 0.1389 em); subscript back at W's width.
    expect(num(sup, 'dx') / 20).toBeCloseTo(0.1389, 3);
    const supWidth = ((0.38889 + 0.5 + 0.38889) * 0.7 * 20) / 20;
    expect(num(sub, 'dx') / 20).toBeCloseTo(-(0.1389 + supWidth), 2);
    for (const s of [sup, sub]) expect([s.attrs['font-family'], s.attrs['font-style'], s.attrs['font-size']]).toEqual([MAIN_FONT, 'normal', '14']);
  });

  it('a number is upright KaTeX_Main with a true minus sign, in one run', () => {
    const t = label('-2');
    expect(t.attrs['font-family']).toBe(MAIN_FONT);
    expect(t.attrs['font-style']).toBeUndefined();
    expect(t.text).toBe('−2');
    expect(spans(t)).toHaveLength(0);
  });

  it('TeX outside the pictures’ vocabulary is set from the Unicode text, as before', () => {
    const t = parseXml(mathText(0, 0, { text: 'ŷ²', tex: '\\hat{y}^{\\alpha}' }, { size: 15 }));
    expect(textContent(t)).toBe('ŷ²');
    expect(t.attrs['font-style']).toBe('italic');
    expect(texLayout('\\frac{1}{2}')).toBeUndefined();
  });

  it('a halo is a white rounded rectangle under the label, over its room (labelExtent) and 2 px / 1 px more: a shape, so a PDF reads the label once', () => {
    const g = parseXml(`<g>${mathText(10, 10, mathLabel('b2'), { size: 15, halo: true, role: 'bias', name: 'b2' })}</g>`);
    const [halo, ink] = g.children;
    expect(g.children.map((c) => c.name)).toEqual(['rect', 'text']);
    expect(halo.attrs).toMatchObject({ fill: '#ffffff', 'data-role': 'halo' });
    expect(halo.attrs.stroke).toBeUndefined();
    const e = labelExtent(mathLabel('b2'), 15);
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(halo.attrs[k]));
    expect(x).toBeCloseTo(10 + e.left - 2, 2);
    expect(y).toBeCloseTo(10 + e.top - 1, 2);
    expect(x + w).toBeCloseTo(10 + e.right + 2, 1); // x and width are each rounded to 0.01 px
    expect(y + h).toBeCloseTo(10 + e.bottom + 1, 1);
    // No white copy of the label and no stroke on it: one text, in ink.
    expect(ink.attrs.stroke).toBeUndefined();
    expect(ink.attrs.fill).not.toBe('#ffffff');
    expect(ink.attrs).toMatchObject({ 'data-name': 'b2', 'data-tex': 'b_{2}', 'data-role': 'bias' });
    // A label outside the math vocabulary gets the same halo, from its estimated width.
    const plain = parseXml(`<g>${mathText(0, 0, { text: 'ŷ²', tex: '\\hat{y}^{\\alpha}' }, { size: 15, halo: true })}</g>`);
    expect(plain.children.map((c) => c.name)).toEqual(['rect', 'text']);
    expect(plain.children[1].attrs.stroke).toBeUndefined();
  });

  it('measures a label by KaTeX’s advance widths (the placement’s boxes)', () => {
    expect(texLayout('w_{1}')?.width).toBeCloseTo(0.71592 + 0.35, 5);
    expect(texLayout('W^{(1)}_{2,1}')?.width).toBeCloseTo(0.94445 + 0.13889 + 0.89445, 4);
    const e = labelExtent(mathLabel('W1_2_1'), 15);
    expect(e.right - e.left).toBeCloseTo((0.94445 + 0.13889 + 0.89445) * 15, 2);
    // Taller than a plain label: the superscript reaches 1.045 em above the baseline (0.35 em below the centre).
    expect(e.top).toBeCloseTo((0.35 - 0.52 - 0.75 * 0.7) * 15, 1);
    expect(labelExtent(mathLabel('w1'), 15)).toEqual({ left: expect.closeTo(-7.99, 2), right: expect.closeTo(7.99, 2), top: -7.5, bottom: 7.5 });
  });

  it('every diagram label is set this way: nodes, weights and biases, lecture and indexed naming, several outputs', () => {
    for (const net of [network({ layers: [2, 2, 1] }), network({ layers: [2, 3, 2], naming: 'indexed' }), network({ layers: [2, 2, 2, 1] })]) {
      const root = parseXml(networkDiagram(net));
      const labels = [...walk(root)].filter((e) => e.name === 'text' && ['node', 'weight', 'bias'].includes(e.attrs['data-role'] ?? ''));
      expect(labels.length).toBeGreaterThan(8);
      for (const t of labels) {
        expect(t.attrs['font-family'], t.attrs['data-tex']).toBe(MATH_FONT);
        // Every index is a KaTeX_Main tspan: no Unicode sub- or superscript digits are left.
        expect(textContent(t), t.attrs['data-tex']).not.toMatch(/[₀-₉⁰-⁹⁽⁾ŷ]/);
        expect(spans(t).length, t.attrs['data-tex']).toBeGreaterThan(0);
      }
    }
    const outputs = [...walk(parseXml(networkDiagram(network({ layers: [2, 2, 2] }))))].filter((e) => e.attrs['data-role'] === 'node').slice(-2);
    expect(outputs.map((t) => t.attrs['data-tex'])).toEqual(['\\hat{y}_{1}', '\\hat{y}_{2}']);
    expect(outputs.map(textContent)).toEqual(['yˆ1', 'yˆ2']);
  });
});
