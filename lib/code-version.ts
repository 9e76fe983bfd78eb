// A fingerprint of the code that turns inputs into datasets: part of the run id, so a changed rule can
// never be mistaken for "nothing changed" by an incremental run.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './repo-root.ts';

const ROOT = repoRoot;
const CODE_FOLDERS = ['config', 'lib', 'sources', 'transforms', 'outputs', 'pipelines'];

let cached: Promise<string> | undefined;

export function codeVersion(): Promise<string> {
  cached ??= compute();
  return cached;
}

async function compute(): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [path.join(ROOT, 'package-lock.json')];
  for (const folder of CODE_FOLDERS) {
    const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
    for (const e of entries) if (e.isFile() && e.name.endsWith('.ts')) files.push(path.join(e.parentPath, e.name));
  }
  for (const f of files.sort()) hash.update(`${path.relative(ROOT, f)}\n`).update(await readFile(f));
  return hash.digest('hex').slice(0, 16);
}
