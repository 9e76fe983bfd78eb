// The project's root folder (where package.json is), whether this code runs from the .ts sources or from
// the compiled dist/ copy: paths to config, sample tables and caches are taken from here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'dist') {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json が見つかりません');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRoot();
