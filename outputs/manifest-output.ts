// manifest.json: what went into the run and what came out, with its times (the only file of a run that has them).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Output } from './output.ts';

export const MANIFEST_FILE = 'manifest.json';

export const manifestOutput: Output = {
  name: 'manifest',
  stage: 'folder',
  write: (run, dir) => writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(run.manifest, null, 2)}\n`),
};
