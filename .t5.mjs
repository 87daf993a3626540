import puppeteer from 'puppeteer';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
const html = readFileSync(process.argv[2], 'utf8');
const fixes = { none: '', painthead: '.step-head{contain:paint}', layouthead: '.step-head{contain:layout}', paintall: 'p,li,.eq,.answer,h2,h3{contain:paint}', layoutall: 'p,li,.eq,h2,h3{contain:layout}' };
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
await page.emulateMediaType('print');
for (const [k, css] of Object.entries(fixes)) {
  await page.setContent(html.replace('</head>', `<style>${css}</style></head>`), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => 0));
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: false });
  writeFileSync(`/tmp/exp/fix-${k}.pdf`, pdf);
  const n = Number(execFileSync('pdfinfo', [`/tmp/exp/fix-${k}.pdf`]).toString().match(/Pages:\s+(\d+)/)[1]);
  const stray = [];
  for (let p = 1; p <= n; p++) {
    const t = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', `/tmp/exp/fix-${k}.pdf`, '-']).toString().split('\n').map(l => l.trim()).filter(Boolean);
    const tail = t.slice(-3, -1);
    for (const l of tail) if (l.length <= 3) stray.push(`p${p}:${JSON.stringify(l)}`);
  }
  console.log(k, n, 'pages; stray:', stray.join(' '));
}
await browser.close();
