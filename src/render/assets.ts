/**
 * Files that ship with the package (templates/, worksheets/), found from this module's location:
 * src/render/ when run from source (tsx, vitest), dist/src/render/ when built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The directory holding gradsheet's package.json. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'templates')) && isGradsheet(manifest)) {
      root = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find gradsheet's templates/ above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

function isGradsheet(manifest: string): boolean {
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && (parsed as { name?: unknown }).name === 'gradsheet';
}

export const templatesDir = (): string => join(packageRoot(), 'templates');

/** The bundled lecture worksheet (`gradsheet build` with no SPEC). */
export const bundledLectureSpec = (): string => join(packageRoot(), 'worksheets', 'lecture.yaml');
