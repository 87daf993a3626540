/**
 * The interactive lecture sheet in a real browser (Debian's Chromium through Puppeteer, launched
 * with the flags of src/render/pdf.ts), opened from file:// as a student would: answers typed,
 * checked, and every request the page makes recorded. Anything that is not a data: URI or the file
 * itself is refused and counted: the page must make none.
 *
 * GRADSHEET_SCREENSHOT=docs/interactive.png saves the screenshot of a checked exercise there (the
 * README's picture); otherwise it goes to the test's temporary directory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { cli } from '../fixtures/cli.js';
import { ensureBundle, specFile } from '../interactive/support.js';

const dir = mkdtempSync(join(tmpdir(), 'gradsheet-interactive-'));
const file = join(dir, 'lecture-interactive.html');
const url = pathToFileURL(file).href;
let browser: Browser | undefined;
/** Requests other than data: URIs and the page itself. */
const outside: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  await ensureBundle();
  const r = await cli('build', specFile('lecture'), '--out', dir, '--format', 'interactive');
  expect(r.code, r.err).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function openPage(): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage();
  await page.setViewport({ width: 860, height: 1000, deviceScaleFactor: 1.5 });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const u = request.url();
    if (u.startsWith('data:') || u === url) void request.continue();
    else {
      outside.push(u);
      void request.abort();
    }
  });
  page.on('pageerror', (e: unknown) => errors.push(e instanceof Error ? e.message : String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const box = (key: string): string => `.check[data-key="${key}"]`;

/** Type an answer as a student would, press Enter, and read the verdict box. */
async function check(page: Page, key: string, answer: string): Promise<{ className: string; text: string; preview: string }> {
  const input = `${box(key)} input`;
  await page.waitForSelector(`${input}:not([disabled])`);
  await page.$eval(input, (el) => {
    (el as HTMLInputElement).value = '';
  });
  await page.type(input, answer);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${box(key)} .verdict:not([hidden]):not(.stale)`);
  return page.$eval(box(key), (el) => ({
    className: el.querySelector('.verdict')?.className ?? '',
    text: el.querySelector('.verdict')?.textContent ?? '',
    preview: el.querySelector('.preview')?.textContent ?? '',
  }));
}

describe('the interactive lecture sheet in Chromium', () => {
  it('says "correct" for ∂ŷ/∂w₁ written in another order, in text, Unicode or LaTeX', async () => {
    const page = await openPage();
    try {
      for (const answer of ["x1*w5*sigma'(b1 + w2*x2 + w1*x1)", 'w₅σ′(w₁x₁ + w₂x₂ + b₁)x₁', "w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1) x_1"]) {
        const r = await check(page, 'dyhat-dw1.a', answer);
        expect(r.className, answer).toBe('verdict correct');
        expect(r.text).toMatch(/^Correct/);
        expect(r.preview).toMatch(/^interpreted as/);
      }
    } finally {
      await page.close();
    }
  });

  it('names the mistake: σ where σ′ belongs, with the factors that are right', async () => {
    const page = await openPage();
    try {
      const r = await check(page, 'dyhat-dw1.a', 'w5*sigma(w1*x1+w2*x2+b1)*x1');
      expect(r.className).toBe('verdict incorrect');
      expect(r.text).toContain('σ where σ′ belongs');
      expect(r.text).toMatch(/right: .*wrong: .*1 factor of the right answer missing/);
      const missing = await check(page, 'dyhat-dw1.a', "w5*sigma'(w1*x1+w2*x2+b1)");
      expect(missing.text).toContain('Missing the inner derivative');
      const shot = process.env.GRADSHEET_SCREENSHOT ? resolve(process.env.GRADSHEET_SCREENSHOT) : join(dir, 'interactive.png');
      await check(page, 'dyhat-dw1.a', 'w5*sigma(w1*x1+w2*x2+b1)*x1');
      // From the exercise's question to the checked box (the network figure above it is left out).
      const clip = await page.$eval('#dyhat-dw1', (section) => {
        const from = Array.from(section.querySelectorAll('.prompt p')).find((p) => p.textContent?.startsWith('Suppose'));
        const to = section.querySelector('.check');
        const a = (from ?? section).getBoundingClientRect();
        const b = (to ?? section).getBoundingClientRect();
        return { x: a.left - 12, y: a.top + window.scrollY - 10, width: section.getBoundingClientRect().width + 24, height: b.bottom - a.top + 20 };
      });
      await page.screenshot({ path: shot, clip });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await page.close();
    }
  });

  it('shows malformed input with its column, while typing and on Check (once)', async () => {
    const page = await openPage();
    try {
      const message = "column 10: unexpected end of input; '(' at column 9 is not closed";
      // While typing: the preview, after its pause.
      const input = `${box('dyhat-dw1.a')} input`;
      await page.waitForSelector(`${input}:not([disabled])`);
      await page.type(input, 'w5*sigma(');
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('column 10'), {}, `${box('dyhat-dw1.a')} .preview`);
      const typing = await page.$eval(`${box('dyhat-dw1.a')} .preview`, (el) => el.textContent ?? '');
      expect(typing).toContain(message);
      // The caret line sits under column 10: nine characters of input before it.
      expect(typing).toContain('w5*sigma(\n         ^');
      // On Check: the verdict says it, with the caret, and the preview no longer repeats it.
      const r = await check(page, 'dyhat-dw1.a', 'w5*sigma(');
      expect(r.className).toBe('verdict invalid');
      expect(r.text).toContain(message);
      expect(r.text).toContain('w5*sigma(\n         ^');
      expect(r.preview).toBe('');
      const unknown = await check(page, 'dyhat-dw1.a', 'w5*q7');
      expect(unknown.text).toMatch(/column 4: unknown variable q7; this exercise uses the variables/);
    } finally {
      await page.close();
    }
  });

  it('checks answers that are numbers, held only as hashes (a forward pass, a Jacobian row)', async () => {
    const page = await openPage();
    try {
      expect((await check(page, 'bias-terms.yhat', '[0; 1]')).className).toBe('verdict correct');
      expect((await check(page, 'bias-terms.yhat', '[1, 1]')).text).toMatch(/Not equal to the expected answer: at least one entry is wrong/);
      expect((await check(page, 'jacobian-chain.J', '[[3/4, 0]]')).className).toBe('verdict correct');
      expect((await check(page, 'jacobian-chain.J', '[3/4, 0]')).text).toContain('your answer is the transpose of the right one');
    } finally {
      await page.close();
    }
  });

  it('says what a transposed gradient, a wrongly wired expansion and a moved kink are, as the CLI does (the kink: undecided)', async () => {
    const page = await openPage();
    try {
      // ∇ with respect to W⁽²⁾ (a row) given as a column: its shape is W⁽²⁾'s, not "the gradient is a column".
      // (The network written out: the page holds no form of ŷ, which would give the expansion's answer away.)
      const e = '(w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3 - y)';
      const column = await check(page, 'matrix-gradients.W2', `[${e}*sigma(w1*x1+w2*x2+b1); ${e}*sigma(w3*x1+w4*x2+b2)]`);
      expect(column.text).toContain('The gradient with respect to W⁽²⁾ has the shape of W⁽²⁾, 1×2');
      const swapped = await check(page, 'expansion.yhat', 'w5*sigma(w1*x1+w3*x2+b1) + w6*sigma(w2*x1+w4*x2+b2) + b3');
      expect(swapped.text).toContain('w₂ and w₃ are swapped: check which weight connects which two neurons.');
      const noBiases = await check(page, 'expansion.yhat', 'w5*sigma(w1*x1+w2*x2) + w6*sigma(w3*x1+w4*x2) + b3');
      expect(noBiases.text).toContain('The biases b₁ and b₂ are left out');
      const biasAfter = await check(page, 'expansion.yhat', 'w5*(sigma(w1*x1+w2*x2)+b1) + w6*(sigma(w3*x1+w4*x2)+b2) + b3');
      expect(biasAfter.text).toContain('The biases b₁ and b₂ are added after σ');
      // A kink moved by 0.01: no stored point lies between the two kinks, so the page cannot say "correct".
      const moved = await check(page, 'dyhat-dw1.relu', "w5*relu'(w1*x1 + w2*x2 + b1 + 0.01)*x1");
      expect(moved.className).toBe('verdict undecided');
      expect(moved.text).toContain("your answer's kink is where w₁x₁ + w₂x₂ + b₁ + 1/100 = 0, the right answer's where w₁x₁ + w₂x₂ + b₁ = 0");
      // ReLU's cases as written on paper, typed into the page.
      for (const cases of [
        'w5*x1*(w1*x1 + w2*x2 + b1 > 0)',
        '\\begin{cases} w_5 x_1 & w_1 x_1 + w_2 x_2 + b_1 > 0 \\\\ 0 & \\text{otherwise} \\end{cases}',
        'w5*x1 if w1*x1 + w2*x2 + b1 > 0 else 0',
        'w_5 x_1 \\text{ if } w_1 x_1 + w_2 x_2 + b_1 > 0,\\; 0 \\text{ otherwise}',
      ]) {
        expect((await check(page, 'dyhat-dw1.relu', cases)).className, cases).toBe('verdict correct');
      }
      expect((await check(page, 'dyhat-dw1.relu', 'w5*x1*(w1*x1 + w2*x2 + b1 < 0)')).text).toContain('The two sides of the kink at w₁x₁ + w₂x₂ + b₁ = 0 are swapped');
    } finally {
      await page.close();
    }
  });

  it('reads ŷ in an MSE answer as the network’s output, as the CLI does, without printing what it stands for', async () => {
    // The page refused it ("unknown variable yhat"): it holds ŷ's values at the points now, never its expression.
    const page = await openPage();
    try {
      for (const answer of ["(ŷ - y)*w5*σ'(w1x1+w2x2+b1)*x1", "(\\hat{y} - y) w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1) x_1"]) {
        const r = await check(page, 'mse-partials.w1', answer);
        expect(r.className, answer).toBe('verdict correct');
        expect(r.text).toMatch(/^Correct \(read ŷ as the network’s output[;)]/);
        expect(r.text).not.toContain('σ(');
      }
      const row = await check(page, 'matrix-gradients.W2', '[[(ŷ - y)*σ(w1x1+w2x2+b1), (ŷ - y)*σ(w3x1+w4x2+b2)]]');
      expect(row.className).toBe('verdict correct');
      expect((await check(page, 'mse-partials.w1', "(ŷ - y)*w5*σ'(w1x1+w2x2+b1)")).className).toBe('verdict incorrect');
    } finally {
      await page.close();
    }
  });

  it('made no request outside the file and data: URIs, and no script error', () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
