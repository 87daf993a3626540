import type { PdfPrinter } from '../../src/render/pdf.js';

/** A printer whose "PDF" is the HTML's bytes, taking `msPerChar` ms per character of it. */
export function fakePrinter(pages = 2, msPerChar = 1): PdfPrinter & { started: string[] } {
  const started: string[] = [];
  let busy = 0;
  return {
    pages,
    started,
    async print(html) {
      if (++busy > pages) throw new Error('more documents at once than pages');
      started.push(html);
      await new Promise((resolve) => setTimeout(resolve, html.length * msPerChar));
      busy--;
      return new TextEncoder().encode(html);
    },
    async close() {},
  };
}
