/** Debian's Chromium for the browser tests, launched as the PDF printer launches it (src/render/pdf.ts). */
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, TEXT_WIDTH_PX } from '../../src/render/pdf.js';

export async function launchChromium(): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer');
  return puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
}

/** A page laid out as the printer lays out a key: print media, a viewport as wide as the text block. */
export async function printLayoutPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.emulateMediaType('print');
  await page.setViewport({ width: TEXT_WIDTH_PX, height: 1000 });
  return page;
}

/**
 * One Chromium and one print-layout page for a test file: launched before its tests, closed after
 * them. The returned function gives the page.
 */
export function usePrintLayoutPage(): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await printLayoutPage(browser);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!page) throw new Error('the print-layout page is not open: its beforeAll did not run');
    return page;
  };
}
