/** Debian's Chromium for the browser tests, launched as the PDF printer launches it (src/render/pdf.ts). */
import type { Browser } from 'puppeteer';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/render/pdf.js';

export async function launchChromium(): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer');
  return puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
}
