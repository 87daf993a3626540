/**
 * `npm run build`, last: writes V8's code cache for the CLI's bundle, dist/cli/gradsheet.v8cache,
 * which bin/load-cli.mjs gives to V8 when it compiles the bundle.
 *
 * V8 compiles a function the first time it is called. The cache holds the bytecode of every
 * function compiled when it is made, so it is made after the commands have run once each, in
 * this process, on the bundled worksheets: then a command starts with most of what it calls
 * already compiled. Measured: `gradsheet --version` 0.53 → 0.27 s, the 30-student HTML build of
 * the README ≈ 0.5 s sooner. Nothing they print is kept; the files go to a temporary directory.
 *
 * The cache is only valid for the Node.js that made it, with the same V8 flags; another one
 * refuses it and compiles from source, as without it. The file starts with the bundle's SHA-256
 * (see bin/load-cli.mjs).
 *
 *   node scripts/code-cache.mjs
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { BUNDLE, CODE_CACHE, ROOT, bundleDigest, loadCli } from '../bin/load-cli.mjs';

const source = readFileSync(BUNDLE);
const { cli, script } = loadCli({ useCache: false });

const scratch = mkdtempSync(join(tmpdir(), 'gradsheet-code-cache-'));
const worksheets = join(ROOT, 'worksheets');
/** One run of each command, as a user would type it, and the exit code each must give. */
const RUNS = [
  [0, ['--version']],
  [0, ['diff', 'w5*sigmoid(w1*x1+w2*x2+b1) + w6*sigmoid(w3*x1+w4*x2+b2) + b3', '--wrt', 'w1', '--steps']],
  [0, ['jacobian', '[2*x1 + x2, pi*x2, log(x2)*x1 ]', '--vars', 'x1,x2']],
  [0, ['chain', '--outer', '[u1*u2]', '--inner', '[x1 + x2, x1*x2]', '--outer-vars', 'u1,u2', '--vars', 'x1,x2']],
  [0, ['eval', '[1, 2; 3, 4] * [1; 1]']],
  [0, ['network', '--layers', '2,2,1']],
  [0, ['check', '--expected', 'w5*σ(w1*x1+w2*x2+b1)', '--wrt', 'w1', '--answer', "w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1) x_1"]],
  // A wrong answer: the diagnosis a student gets.
  [1, ['check', '--expected', 'w5*σ(w1*x1+w2*x2+b1)', '--wrt', 'w1', '--answer', "w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1)"]],
  [0, ['verify', join(worksheets, 'lecture.yaml'), join(worksheets, 'backprop-practice.yaml')]],
  [0, ['build', join(worksheets, 'lecture.yaml'), '--format', 'html,tex,json', '--out', join(scratch, 'lecture')]],
  [0, ['build', join(worksheets, 'backprop-practice.yaml'), '--variants', '2', '--format', 'html,tex,json', '--out', join(scratch, 'practice')]],
];

const silent = { out: () => {}, err: () => {} };
try {
  for (const [want, argv] of RUNS) {
    let said = '';
    const code = await cli.run(argv, { out: silent.out, err: (t) => (said += t) });
    // A run that fails would leave its command's functions out of the cache: say so, and stop.
    if (code !== want) throw new Error(`gradsheet ${argv.join(' ')}: exit ${code}, expected ${want}: ${said.trim()}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const data = script.createCachedData();
const tmp = `${CODE_CACHE}.${process.pid}.tmp`;
writeFileSync(tmp, Buffer.concat([bundleDigest(source), data]));
renameSync(tmp, CODE_CACHE);
process.stdout.write(`code cache dist/cli/gradsheet.v8cache: ${Math.round(data.length / 1024)} KB\n`);
