// Writes the built dashboard into a (staged) run folder; the run's single rename publishes it with the datasets.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFile } from './build-site.ts';

export async function writeSite(dir: string, files: readonly SiteFile[]): Promise<void> {
  for (const f of files) {
    const target = path.join(dir, ...f.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, f.content);
  }
}
