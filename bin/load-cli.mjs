// Loads the built CLI, dist/cli/gradsheet.cjs (scripts/bundle-cli.mjs), with V8's code cache for
// it, dist/cli/gradsheet.v8cache (scripts/code-cache.mjs), when the cache was made from these very
// bytes by this very Node.js. Compiling the 4 MB bundle, and then each function it calls the first
// time, is most of a command's start: `gradsheet --version` 0.53 → 0.27 s, measured. A cache that
// is missing, stale or refused by V8 costs only that time: the bundle is compiled from source.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const BUNDLE = join(ROOT, 'dist', 'cli', 'gradsheet.cjs');
export const CODE_CACHE = join(ROOT, 'dist', 'cli', 'gradsheet.v8cache');

/**
 * The cache file starts with the SHA-256 of the bundle it was made from. V8 itself checks only the
 * source's length, its own version and its flags: a rebuilt bundle of the same length would run
 * the old bytecode.
 */
const DIGEST_BYTES = 32;

export function bundleDigest(source) {
  return createHash('sha256').update(source).digest();
}

/** The cache file's bytes; none when it is missing or cannot be read (another user's install): the cache only saves time. */
function readCache(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Compile and run the bundle (by default the built one, with its cache); returns its exports
 * ({ run, program, VERSION }) with the compiled script (for scripts/code-cache.mjs) and what
 * became of the cache: 'used', 'absent' (or unreadable), 'stale' (made from other bytes) or
 * 'rejected' (by V8: another Node.js or other V8 flags).
 */
export function loadCli({ bundle = BUNDLE, codeCache = CODE_CACHE, useCache = true } = {}) {
  const source = readFileSync(bundle);
  let cachedData;
  let cache = 'absent';
  const file = useCache ? readCache(codeCache) : undefined;
  if (file !== undefined) {
    if (file.length > DIGEST_BYTES && file.subarray(0, DIGEST_BYTES).equals(bundleDigest(source))) {
      cachedData = file.subarray(DIGEST_BYTES);
    } else {
      cache = 'stale';
    }
  }
  // The CommonJS wrapper, as Node's own loader would add it.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {
    filename: bundle,
    cachedData,
  });
  if (cachedData) cache = script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { cli: module.exports, script, cache };
}
