// Writes the built dashboard into a (staged) run folder; the run's single rename publishes it with the datasets.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFile } from './build-site.ts';

export async function writeSite(dir: string, files: readonly SiteFile[]): Promise<void> {
  const targets = files.map((f) => ({ target: path.join(dir, ...f.path.split('/')), content: f.content }));
  // Each folder made once, then every page written at the same time (the writes wait on the disk, not on each other).
  for (const folder of new Set(targets.map((t) => path.dirname(t.target)))) await mkdir(folder, { recursive: true });
  await Promise.all(targets.map((t) => writeFile(t.target, t.content)));
}
