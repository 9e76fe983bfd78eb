// A fingerprint of the code that turns inputs into datasets: part of the run id, so a changed rule can
// never be mistaken for "nothing changed" by an incremental run.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './repo-root.ts';

const ROOT = repoRoot;
const CODE_FOLDERS = ['config', 'lib', 'sources', 'transforms', 'outputs', 'pipelines'];
/** Written by `npm run build` (bin/build-dist.js): the version of the sources dist/ was compiled from. */
export const BUILT_CODE_VERSION = path.join(ROOT, 'dist', '.code-version');

let cached: Promise<string> | undefined;

export function codeVersion(): Promise<string> {
  cached ??= compute();
  return cached;
}

async function compute(): Promise<string> {
  // Compiled code runs what it was compiled from, whatever the sources say now: the build's version, without hashing them.
  if (fileURLToPath(import.meta.url).startsWith(path.join(ROOT, 'dist') + path.sep)) {
    const built = await readFile(BUILT_CODE_VERSION, 'utf8').catch(() => null);
    if (built !== null && /^[0-9a-f]{16}$/.test(built)) return built;
  }
  const hash = createHash('sha256');
  const files: string[] = [path.join(ROOT, 'package-lock.json')];
  for (const folder of CODE_FOLDERS) {
    const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
    for (const e of entries) if (e.isFile() && e.name.endsWith('.ts')) files.push(path.join(e.parentPath, e.name));
  }
  for (const f of files.sort()) hash.update(`${path.relative(ROOT, f)}\n`).update(await readFile(f));
  return hash.digest('hex').slice(0, 16);
}
