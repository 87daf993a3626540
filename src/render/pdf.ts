/**
 * HTML → PDF with Puppeteer driving Debian's Chromium (never a downloaded browser). One browser per build;
 * each of its (at most two) pages is reused for document after document: a launch costs ≈ 0.45 s
 * and a fresh page ≈ 170 ms more per sheet, while printing on a reused page is ≈ 50 ms plus the
 * layout of the pages (two protocol round trips a document: printOn). The two pages live in
 * separate browser contexts, hence separate renderer
 * processes, so a 2-core machine prints two sheets at once (measured: 60 sheets 1.75× faster).
 * This is the only module that starts a browser; callers close() it (openPdfPrinter) or use
 * withPdfPrinter, which closes it in a finally.
 */
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { availableParallelism } from 'node:os';
import type { Browser, CDPSession, Page } from 'puppeteer';
import { InputError } from '../errors.js';
import { slimForPrint } from './print-markup.js';

/**
 * Flags that work as root on a closed network: no sandbox, nothing phoning home. And no omnibox
 * popup: headless Chromium keeps a hidden browser window per context whose omnibox popup is a web
 * page of its own (chrome://omnibox-popup.top-chrome/), in a renderer that did work each time a
 * printed document changed: ≈ 0.5 s of CPU per context in a 60-PDF build, for a window nobody
 * sees. Puppeteer merges this --disable-features with its own.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-component-update',
  '--disable-background-networking',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
] as const;

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The text block of templates/print.css on A4: 210 mm − 2 × 16 mm side margins, at 96 px per inch. */
export const TEXT_WIDTH_PX = Math.round(((210 - 2 * 16) / 25.4) * 96);

/** The text block's height: 297 mm − 20 mm top − 18 mm bottom margin (print.css @page), at 96 px per inch. */
export const TEXT_HEIGHT_PX = Math.floor(((297 - 20 - 18) / 25.4) * 96);

/**
 * The printing page's viewport height. Nothing in a sheet depends on it (no vh units, no fixed
 * positions); it only tells the screen from print, whose A4 page is 1,123 px tall (SCREEN_ONLY).
 */
const SCREEN_HEIGHT_PX = 600;

/**
 * A rule true on the printing page's screen and never in print: the media features of print are
 * the page's, 794 × 1,123 px on A4, while the screen's are the viewport's, TEXT_WIDTH_PX ×
 * SCREEN_HEIGHT_PX. Emulated print media cannot tell them apart; the height can.
 */
const SCREEN_ONLY = '(max-height: 700px)';

/** The class on <html> that hides the body from the screen, not from print (HIDE_AFTER_PRINT). */
const PRINTED = 'gradsheet-printed';

/**
 * Once a document has been laid out for print, its body is hidden from the screen with
 * content-visibility, which keeps the layout it has and skips any new one. Chromium lays a
 * document out again for the screen when printing ends, before page.pdf() returns: a full style
 * recalculation and layout that nobody sees, since the next document replaces the body (a
 * 10-page key: 80 of its ≈ 480 ms of renderer time, traced). Print does not match the rule, so
 * the PDF is the same, byte for byte.
 */
const HIDE_AFTER_PRINT = `@media ${SCREEN_ONLY} { html.${PRINTED} > body { content-visibility: hidden } }`;

/** Renderer processes printing at once: one per core, at most two (more only adds memory). */
const MAX_PAGES = 2;

/**
 * How long one document may take to load or print. Puppeteer's defaults (30 s to print, 180 s per
 * protocol call) fail the largest keys a spec may ask for (src/exercises/size.ts): a 119-page key
 * took 47 s to load and 141 s to print, measured. Ten minutes is far beyond any key that fits.
 */
const DOCUMENT_TIMEOUT_MS = 10 * 60 * 1000;

export interface PdfPrinter {
  /** Print one self-contained HTML document. Calls may overlap: each waits for a free page. */
  print(html: string): Promise<Uint8Array>;
  /** How many documents can print at once. */
  readonly pages: number;
  close(): Promise<void>;
}

export function chromiumPath(): string {
  return process.env.PUPPETEER_EXECUTABLE_PATH || DEFAULT_CHROMIUM;
}

function missingChromium(path: string, detail?: string): InputError {
  return new InputError(
    `cannot start Chromium at ${path}${detail ? ` (${detail})` : ''}: install it with \`apt-get install chromium\` ` +
      '(or set PUPPETEER_EXECUTABLE_PATH), or build without pdf: --format html,tex,json',
  );
}

export async function openPdfPrinter(executablePath = chromiumPath(), pages = Math.min(MAX_PAGES, availableParallelism())): Promise<PdfPrinter> {
  if (!existsSync(executablePath)) throw missingChromium(executablePath, 'no such file');
  let browser: Browser;
  try {
    // Loaded on demand: puppeteer's module graph costs ≈ 0.3 s, which html/tex/json builds and `verify` skip.
    const { default: puppeteer } = await import('puppeteer');
    browser = await puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS], protocolTimeout: DOCUMENT_TIMEOUT_MS });
  } catch (e) {
    throw missingChromium(executablePath, e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  const idle: PrintingPage[] = [];
  try {
    for (let i = 0; i < Math.max(1, pages); i++) {
      const context = i === 0 ? browser.defaultBrowserContext() : await browser.createBrowserContext();
      idle.push(await preparePage(await context.newPage()));
    }
  } catch (e) {
    await browser.close();
    throw e;
  }
  const count = idle.length;
  const waiting: ((page: PrintingPage) => void)[] = [];
  const acquire = (): Promise<PrintingPage> => {
    const page = idle.pop();
    return page ? Promise.resolve(page) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (page: PrintingPage): void => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };
  return {
    pages: count,
    async print(html) {
      const page = await acquire();
      try {
        return await printOn(page, html);
      } finally {
        release(page);
      }
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * A page that only prints. Its window minimized: a hidden page draws no frames for a screen
 * nobody sees, which cut Chromium's CPU per sheet from ≈ 0.45 to ≈ 0.27 s with byte-identical
 * PDFs. Then media 'print' and a viewport as wide as the printed text block, so that measuring
 * formulas (fitWideFormulas) lays the document out exactly as print will and print reuses that
 * layout.
 *
 * The order matters: minimizing the window resets the page's emulation. Set before it, print
 * media was always lost: formulas were measured in the screen styles, and each page.pdf() laid
 * the whole document out three times instead of once (a 10-page key: 2.3 → 1.56 s of renderer
 * CPU, the same PDF). Set after it, they can still be lost (ensurePrintSetup).
 */
async function preparePage(page: Page): Promise<PrintingPage> {
  const session = await page.createCDPSession();
  const { windowId } = await session.send('Browser.getWindowForTarget');
  await session.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
  await ensurePrintSetup(page);
  return { page, session };
}

/** A page of the printer, with its own protocol session (which prints), and the stylesheet its document holds. */
interface PrintingPage {
  readonly page: Page;
  readonly session: CDPSession;
  stylesheet?: string;
}

/**
 * Print media and the text block's width, set again when a document finds them lost (layOutForPrint
 * checks them in the page before every document).
 * The minimize above can take effect after its command returns, and then clears both overrides:
 * in `gradsheet build`, whose event loop is busy building sheets while Chromium starts, both
 * pages lost them right after they were set (width 800 px, screen media), every time. Measuring
 * formulas in the screen styles then costs two extra layouts of every document. Cheap: one round
 * trip when all is well.
 */
async function ensurePrintSetup(page: Page): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const set = await page.evaluate(() => ({ print: matchMedia('print').matches, width: innerWidth, height: innerHeight }));
    if (set.print && set.width === TEXT_WIDTH_PX && set.height === SCREEN_HEIGHT_PX) return;
    if (attempt === 5) {
      throw new Error(
        `the printing page keeps losing its set-up: print media ${set.print}, ${set.width} × ${set.height} px (want ${TEXT_WIDTH_PX} × ${SCREEN_HEIGHT_PX})`,
      );
    }
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    await page.emulateMediaType('print');
    await page.setViewport({ width: TEXT_WIDTH_PX, height: SCREEN_HEIGHT_PX });
  }
}

/** The parts of a document that a page already showing another document with the same stylesheet needs. */
interface Parts {
  /** The first <style> element's text: KaTeX's CSS with its fonts, the same for every sheet. */
  readonly stylesheet: string;
  readonly title: string;
  /** What follows that <style> in the <head> (the per-sheet footer rule). */
  readonly headRest: string;
  readonly bodyClass: string;
  readonly body: string;
}

function parts(html: string): Parts | undefined {
  const m = /<head>[\s\S]*?<title>([\s\S]*?)<\/title>\s*<style>([\s\S]*?)<\/style>([\s\S]*?)<\/head>\s*<body(?: class="([^"]*)")?>([\s\S]*)<\/body>/.exec(html);
  return m ? { title: m[1], stylesheet: m[2], headRest: m[3], bodyClass: m[4] ?? '', body: m[5] } : undefined;
}

/**
 * Print on a page of the printer: two protocol round trips for a document after the first (one
 * call that swaps it in and lays it out, one that prints), where it took nine (Puppeteer's
 * page.pdf() alone makes four: fonts.ready, print, read the stream, close it). A round trip waits
 * for this process's event loop and two of Chromium's, on two cores shared by all three.
 */
async function printOn(pp: PrintingPage, html: string): Promise<Uint8Array> {
  const { page } = pp;
  const p = parts(html);
  let swap: Swap | undefined;
  // Every document is printed with KaTeX's markup made lighter, laid out the same: a quarter less
  // of Chromium's time for a key (./print-markup.ts). Only the body holds formulas.
  if (p && pp.stylesheet === p.stylesheet) {
    // Same stylesheet as the document on the page: swap the title, the per-sheet head and the
    // body, and keep the parsed CSS and decoded fonts. A fresh setContent re-parses 370 KB of CSS
    // and re-decodes every font: ≈ 0.14 s of Chromium time per document, measured.
    swap = { title: p.title, headRest: p.headRest, bodyClass: p.bodyClass, packedBody: await packBody(slimForPrint(p.body)) };
  } else {
    // 'load' fires after the inlined stylesheet is parsed; fonts.ready waits until the data: URI
    // fonts are decoded, so no glyph is laid out in a fallback serif.
    await page.setContent(slimForPrint(html), { waitUntil: 'load', timeout: DOCUMENT_TIMEOUT_MS });
    // Load all 20 KaTeX faces now (≈ 260 KB, once per page), not only those this sheet uses: the
    // next sheets swapped into this page may need the others, and must not wait for them.
    await page.evaluate((rule) => {
      const hide = new CSSStyleSheet();
      hide.replaceSync(rule);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, hide];
      const loads: Promise<FontFace>[] = [];
      document.fonts.forEach((f) => loads.push(f.load()));
      return Promise.all(loads)
        .then(() => document.fonts.ready)
        .then(() => undefined);
    }, HIDE_AFTER_PRINT);
    pp.stylesheet = p?.stylesheet;
  }
  if (!(await page.evaluate(layOutForPrint, layOutJob(swap))).ready) {
    await ensurePrintSetup(page);
    if (!(await page.evaluate(layOutForPrint, layOutJob())).ready) throw new Error('the printing page lost its print set-up again');
  }
  const { data } = await pp.session.send('Page.printToPDF', {
    // A4, as print.css's @page asks (preferCSSPageSize); its margins are the page's own.
    paperWidth: 8.2677,
    paperHeight: 11.6929,
    preferCSSPageSize: true,
    marginTop: 0,
    marginBottom: 0,
    marginLeft: 0,
    marginRight: 0,
    scale: 1,
    landscape: false,
    pageRanges: '',
    printBackground: true,
    // An untagged PDF prints ≈ 20 % faster: the structure tree of thousands of KaTeX spans is
    // costly, and without MathML it would not make the math accessible anyway.
    generateTaggedPDF: false,
    generateDocumentOutline: false,
    // Page numbers and the footer come from the document's own @page margin boxes (print.css).
    displayHeaderFooter: false,
    headerTemplate: '',
    footerTemplate: '',
    // In the reply (≈ 200 KB of base64 for a 10-page key), not a stream read in further round trips.
    transferMode: 'ReturnAsBase64',
  });
  return withoutDates(Buffer.from(data, 'base64'));
}

/** A document's parts, to swap into the page's document (parts()). */
export interface Swap {
  readonly title: string;
  readonly headRest: string;
  readonly bodyClass: string;
  /** The body's markup packed for the trip (packBody). */
  readonly packedBody: string;
}

const deflate = promisify(deflateRaw);

/**
 * Markup deflated and in base64, for one protocol call to carry into the page: a key's 650 KB
 * body is 40 KB so. Passing the markup itself took 35 ms a key, measured, in this process's JSON
 * and WebSocket, the browser's, and the page's decoding; packed, 12 ms with the packing and the
 * unpacking (layOutForPrint). Deflated in libuv's threads, off this process's event loop.
 */
export async function packBody(html: string): Promise<string> {
  return (await deflate(Buffer.from(html, 'utf8'), { level: 1 })).toString('base64');
}

/** What layOutForPrint does, and with what. */
export interface LayOutJob {
  readonly swap: Swap | undefined;
  /** The print set-up the page must have (ensurePrintSetup), else nothing is laid out. */
  readonly width: number;
  readonly height: number;
  readonly pageHeight: number;
  readonly printed: string;
  /** fitWideFormulas and breakTallBlocks, as source: a function run in the page cannot call this module's. */
  readonly fit: string;
  readonly breakTall: string;
}

const FIT_SOURCE = fitWideFormulas.toString();
const BREAK_SOURCE = breakTallBlocks.toString();

/** The printer's layOutForPrint job: its set-up, and `swap` to swap in first. */
export function layOutJob(swap?: Swap): LayOutJob {
  return { swap, width: TEXT_WIDTH_PX, height: SCREEN_HEIGHT_PX, pageHeight: TEXT_HEIGHT_PX, printed: PRINTED, fit: FIT_SOURCE, breakTall: BREAK_SOURCE };
}

/**
 * Runs in the page, in one round trip: the new document's parts swapped in (when given); then, if
 * the page still has its print set-up, its wide formulas fitted and tall blocks let break, and its
 * body marked printed (HIDE_AFTER_PRINT). `ready` false: the set-up was lost, nothing laid out.
 */
export async function layOutForPrint(job: LayOutJob): Promise<{ ready: boolean; fitted: number; broken: number }> {
  const s = job.swap;
  if (s) {
    const packed = Uint8Array.from(atob(s.packedBody), (c) => c.charCodeAt(0));
    const body = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
    const style = document.head.querySelector('style');
    while (style?.nextSibling) style.nextSibling.remove();
    style?.insertAdjacentHTML('afterend', s.headRest);
    document.title = new DOMParser().parseFromString(`<title>${s.title}</title>`, 'text/html').title;
    document.body.className = s.bodyClass;
    // Swapped in while the body is hidden (HIDE_AFTER_PRINT), then shown: one layout, the new
    // document's. Every font face was loaded with the first document, so no layout waits for fonts.
    document.body.innerHTML = body;
    document.documentElement.classList.remove(job.printed);
  }
  if (!matchMedia('print').matches || innerWidth !== job.width || innerHeight !== job.height) return { ready: false, fitted: 0, broken: 0 };
  const run = (source: string, ...args: unknown[]): number => (new Function(`return (${source});`)() as (...a: unknown[]) => number)(...args);
  const fitted = run(job.fit);
  const broken = run(job.breakTall, job.pageHeight);
  document.documentElement.classList.add(job.printed);
  return { ready: true, fitted, broken };
}

/** The creation and modification dates in a PDF's document information. */
const DATES = /\/(?:CreationDate|ModDate) ?\(D:[0-9+\-Z']*\)/g;

/**
 * The PDF without its creation and modification dates, the only bytes in which two prints of one
 * document differ: each entry is overwritten with spaces of its length, so that every byte offset
 * in the file (its cross-reference table) still holds, and the same spec and seed give the same
 * PDF. The dates are optional entries of the document information dictionary.
 */
export function withoutDates(pdf: Uint8Array): Uint8Array {
  const out = Buffer.from(pdf);
  // latin1 maps byte i to character i, so string offsets are byte offsets.
  for (const m of out.toString('latin1').matchAll(DATES)) out.fill(0x20, m.index, m.index + m[0].length);
  return out;
}

/**
 * Runs in the page: a piece of a formula that cannot wrap (a matrix of long entries, a nested
 * σ(…) of a deep network) and is wider than its line is set in a smaller size, as small as it
 * takes. Left alone, Chromium would shrink every page of the document to fit it (the lecture
 * key's ∇W f matrices: 1290 px on a 673 px line). There used to be a floor of half size, but a
 * deep network's ŷ is 6,841 px across, and the whole 114-page key then printed at 67 %: better
 * one formula small (the PDF is vector; it zooms) than every page.
 */
export function fitWideFormulas(): number {
  const fits: [HTMLElement, number][] = [];
  document.querySelectorAll<HTMLElement>('.katex').forEach((k) => {
    const block = k.closest<HTMLElement>('.eq, p, li, div, figcaption, h1, h2, h3, td');
    if (!block) return;
    const style = getComputedStyle(block);
    const line = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    let widest = 0;
    k.querySelectorAll<HTMLElement>('.katex-base').forEach((b) => {
      widest = Math.max(widest, b.getBoundingClientRect().width);
    });
    if (widest > line + 0.5) fits.push([k, line / widest]);
  });
  for (const [k, scale] of fits) {
    k.style.fontSize = `${(parseFloat(getComputedStyle(k).fontSize) * scale * 0.99).toFixed(2)}px`;
  }
  return fits.length;
}

/**
 * Runs in the page: a prompt, and an answer's box, is kept on one page (print.css), but one taller
 * than a page cannot be, and Chromium then moved it whole to the next page before splitting it
 * anyway: a 4-4-4 gradient step's prompt left page 1 of its sheet and key empty below the header,
 * and its answers (40 entries, one a line) a page of the key. Such a block may break; its
 * formulas and figure are still never split.
 */
export function breakTallBlocks(pageHeight: number): number {
  let n = 0;
  document.querySelectorAll<HTMLElement>('.prompt, .answer').forEach((p) => {
    if (p.getBoundingClientRect().height > pageHeight) {
      p.style.breakInside = 'auto';
      n++;
    }
  });
  return n;
}

/** Run `work` with one printer and close the browser whatever happens (an unclosed launch leaves a profile in /tmp). */
export async function withPdfPrinter<T>(work: (printer: PdfPrinter) => Promise<T>, executablePath?: string): Promise<T> {
  const printer = await openPdfPrinter(executablePath);
  try {
    return await work(printer);
  } finally {
    await printer.close();
  }
}
