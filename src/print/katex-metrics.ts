/**
 * KaTeX's own table of its fonts' metrics (Computer Modern's, so pdflatex's too): a glyph's
 * [depth, height, italic correction, skew, width] in em, by font name ('Math-Italic',
 * 'Main-Regular', …) and code point. Read by the width of formulas (./measure.ts) and the diagram
 * labels (src/pictures/math-label.ts), so both agree with KaTeX for any version of it.
 *
 * KaTeX ships the file as an ES module in a package without "type": "module"; Node, esbuild and
 * Vite load it as one (its default export is the table), while TypeScript's NodeNext reads its
 * declaration as CommonJS, one `default` deeper, hence the cast.
 */
import * as katexFontMetrics from 'katex/src/fontMetricsData.js';

export type Metrics = readonly [number, number, number, number, number];
type MetricsTable = Readonly<Record<string, Readonly<Record<string, Metrics>>>>;

const METRICS = katexFontMetrics.default as unknown as MetricsTable;

/** A character's metrics in one of KaTeX's fonts, or undefined if the font has no such glyph. */
export function glyphMetrics(font: string, char: string): Metrics | undefined {
  const code = char.codePointAt(0);
  return code === undefined ? undefined : METRICS[font]?.[code];
}
