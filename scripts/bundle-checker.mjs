/**
 * `npm run build`, after tsc: bundles the interactive sheet's script (src/interactive/page/main.ts:
 * our parser, printers and checker, KaTeX for the preview, mathjs's parser) into one minified file,
 * dist/interactive/checker.js, which the renderer inlines into each page (src/interactive/render.ts).
 * So `gradsheet build` needs no bundler at run time, and esbuild stays a devDependency.
 *
 *   node scripts/bundle-checker.mjs [OUTFILE]
 *
 * Determinism: esbuild (pinned) gives the same bytes for the same sources; no banner, no date.
 * The bundle may not import anything from node: (platform 'browser' fails the build if it does).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUTFILE = join(root, 'dist', 'interactive', 'checker.js');

/** Build the bundle in memory: its text, and the bytes each package contributes (for reports). */
export async function bundleChecker() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'src', 'interactive', 'page', 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Chromium and Firefox from 2021 on; bigint (fraction.js) needs ES2020.
    target: ['es2020'],
    minify: true,
    // Every non-ASCII character as an escape: the page's bytes do not depend on its charset.
    charset: 'ascii',
    legalComments: 'none',
    alias: { 'mathjs/lib/browser/math.js': join(root, 'scripts', 'mathjs-slim.mjs') },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0].text;
  // Inlined in a <script> element: neither may appear in it (esbuild escapes them in strings).
  if (/<\/script|<!--/i.test(text)) throw new Error('the checker bundle contains </script or <!--; it cannot be inlined');
  const sizes = {};
  for (const [file, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const key = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? 'gradsheet';
    sizes[key] = (sizes[key] ?? 0) + bytesInOutput;
  }
  return { text, sizes };
}

/** Write the bundle atomically (tests may build it from two workers at once). */
export async function writeCheckerBundle(outfile = DEFAULT_OUTFILE) {
  const { text, sizes } = await bundleChecker();
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, outfile);
  return { outfile, bytes: Buffer.byteLength(text), sizes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile, bytes, sizes } = await writeCheckerBundle(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUTFILE);
  const parts = Object.entries(sizes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${Math.round(v / 1024)} KB`)
    .join(', ');
  process.stdout.write(`bundled ${outfile.slice(root.length + 1)}: ${Math.round(bytes / 1024)} KB (${parts})\n`);
}
