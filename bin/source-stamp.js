// A fingerprint of the TypeScript sources that dist/ is compiled from. bin/lei.js runs the compiled copy
// only when its stamp equals the sources' current fingerprint; otherwise it runs the sources through tsx.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_FOLDERS = ['cli', 'config', 'lib', 'sources', 'transforms', 'outputs', 'pipelines', 'scripts'];
export const stampFile = path.join(root, 'dist', '.source-stamp');

export function sourceStamp() {
  const hash = createHash('sha256');
  const files = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const e of readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) files.push(path.join(e.parentPath, e.name));
    }
  }
  files.push(path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.build.json'), path.join(root, 'package-lock.json'));
  for (const f of files.sort()) hash.update(`${path.relative(root, f)}\n`).update(readFileSync(f));
  return hash.digest('hex');
}
