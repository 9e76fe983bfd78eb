// Step 3: the run id. Same config, same inputs, same code and dataset version give the same run id, and so
// byte-identical datasets; it is computed from the files' sha256, never their bytes.
import { createHash } from 'node:crypto';
import { codeVersion } from '../lib/code-version.ts';
import type { RunInputs } from './load-run-inputs.ts';

/** The published datasets' format version; the run id also covers the code itself (lib/code-version.ts). */
export const DATASET_VERSION = '1';

export async function computeRunId(run: Pick<RunInputs, 'asOf' | 'configFiles' | 'inputs' | 'symlinks'>): Promise<string> {
  // The month counts: the data contracts judge "not started yet" and "closed" against it.
  const hash = createHash('sha256').update(`dataset-version:${DATASET_VERSION}\ncode:${await codeVersion()}\nas-of:${run.asOf.yearMonth}\n`);
  for (const f of run.configFiles) hash.update(`config:${f.name}:${f.sha256}\n`);
  for (const f of [...run.inputs].sort((a, b) => (a.name < b.name ? -1 : 1))) hash.update(`input:${f.name}:${f.sha256}\n`);
  // A link added to the inbox is a change the run must report (it is not read).
  for (const name of run.symlinks) hash.update(`symlink:${name}\n`);
  return hash.digest('hex').slice(0, 12);
}
