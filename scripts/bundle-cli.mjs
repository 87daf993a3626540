/**
 * `npm run build`, after tsc: bundles the command line (src/cli/main.ts and everything it imports,
 * mathjs, KaTeX, Handlebars, zod and yaml included) into one CommonJS script, dist/cli/gradsheet.cjs,
 * which bin/gradsheet runs (bin/load-cli.mjs).
 *
 * Why: Node 20 loads the unbundled graph (≈ 150 modules, and CommonJS packages whose exports it
 * must scan) in ≈ 0.85 s before a command does anything; the single file loads in ≈ 0.35 s
 * (`gradsheet --help`, measured). Every command starts that much sooner, `gradsheet check` at
 * midnight included. The output of every command is the same bytes either way.
 *
 * Why CommonJS: Node 20 can give V8's code cache (scripts/code-cache.mjs) to a script compiled
 * with node:vm, not to an ES module. The sources are ES modules all the same; esbuild turns them
 * into one function, strict as the modules were, with import.meta.url given from __filename.
 *
 * Puppeteer stays outside the bundle: src/render/pdf.ts imports it on demand, from node_modules.
 * Files that ship beside the code (templates/, worksheets/, KaTeX's fonts) are found at run time
 * from the bundle's location, as from dist/src/ (src/render/assets.ts, src/render/katex.ts).
 *
 *   node scripts/bundle-cli.mjs [OUTFILE]
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUTFILE = join(root, 'dist', 'cli', 'gradsheet.cjs');

export async function writeCliBundle(outfile = DEFAULT_OUTFILE) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: ['node20'],
    external: ['puppeteer'],
    // import('puppeteer') becomes require('puppeteer') (its CommonJS build): a script compiled by
    // node:vm has no loader for import().
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': 'gradsheetBundleUrl' },
    banner: { js: "'use strict';\nconst gradsheetBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0].text;
  mkdirSync(dirname(outfile), { recursive: true });
  // Atomically: a test may build it while another runs the CLI.
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, outfile);
  return { outfile, bytes: Buffer.byteLength(text) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile, bytes } = await writeCliBundle(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUTFILE);
  process.stdout.write(`bundled ${outfile.slice(root.length + 1)}: ${Math.round(bytes / 1024)} KB\n`);
}
