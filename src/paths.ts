import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder, found from this module's location, so data files shipped in the
 * repository (demo region, glossary, locales) are found both from `src/` (tests) and `dist/`.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('lotse: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const packageRoot = findRoot();

/** Absolute path of a file shipped in the package, e.g. `resolvePackagePath('locales')`. */
export function resolvePackagePath(...segments: string[]): string {
  return path.join(packageRoot, ...segments);
}
