import puppeteer from 'puppeteer';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
const files = ['anita-borg','barbara-liskov','grace-hopper','jean-bartik','leslie-lamport','katherine-johnson','fei-fei-li'].map(n => `/tmp/rp/backprop-practice-${n}-key.html`).concat(['/work/main/out/lecture-key.html']);
const fixes = JSON.parse(process.argv[2]);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
await page.emulateMediaType('print');
await page.setViewport({ width: 673, height: 1000 });
function strays(pdfFile) {
  const xml = execFileSync('pdftotext', ['-bbox', pdfFile, '-'], { maxBuffer: 1 << 28 }).toString();
  const pages = xml.split('<page ').slice(1);
  const out = [];
  pages.forEach((pg, i) => {
    for (const m of pg.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const mid = (Number(m[2]) + Number(m[4])) / 2;
      if (m[5] === '\u200b') continue;
      if ((mid > 791.5 && mid < 806) || mid < 56) out.push(`p${i + 1}:${m[5]}@${mid.toFixed(1)}`);
    }
  });
  return { n: pages.length, out };
}
function oldStrays(pdfFile) {
  const n = Number(execFileSync('pdfinfo', [pdfFile]).toString().match(/Pages:\s+(\d+)/)[1]);
  const out = [];
  for (let p = 1; p <= n; p++) {
    const lines = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdfFile, '-']).toString().split('\n');
    const content = lines.map(l => l.replace(/\u200b/g, '').trim()).filter(Boolean);
    const raw = lines.filter(l => l.trim() !== '');
    const last = content.at(-2), lastRaw = raw.at(-2)?.replace(/\s/g,'');
    if (last !== undefined && last.length <= 2) out.push(`p${p}:${last}`);
    else if (lastRaw !== undefined && lastRaw.replace(/\u200b/g,'') === '') out.push(`p${p}:zwsp`);
  }
  return { n, out };
}
for (const [k, css] of Object.entries(fixes)) {
  const res = [];
  let pages = 0;
  for (const f of files) {
    const html = readFileSync(f, 'utf8').replace('</head>', `<style>${css}</style></head>`);
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => 0));
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: false });
    const out = `/tmp/exp/s-${k}-${f.split('/').pop().replace('.html','')}.pdf`;
    writeFileSync(out, pdf);
    const s = strays(out); pages += s.n;
    if (s.out.length) res.push(f.split('/').pop().replace('backprop-practice-','').replace('-key.html','') + '[' + s.out.join(' ') + ']');
  }
  console.log(k, pages, 'pages;', res.join(' '));
}
await browser.close();
