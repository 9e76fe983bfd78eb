// The bundled sample, made once per test run by tests/sample-global-setup.ts: a private copy of its inbox or of a
// finished run's output folder for tests that change them; the shared run itself (read-only) for tests that only read.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { tempDir } from './helpers.ts';

/** A fresh folder holding the sample inbox, byte for byte what generateSampleInbox writes. */
export async function sampleInboxCopy(): Promise<string> {
  const dir = path.join(await tempDir(), 'inbox');
  await cp(inject('sampleInbox'), dir, { recursive: true });
  return dir;
}

/** A fresh output folder holding the shared sample run (runs/, latest → runs/…, cache/, archive/; the store left out unless asked for). */
export async function sampleRunCopy(options: { store?: boolean } = {}): Promise<string> {
  const dir = path.join(await tempDir(), 'out');
  const keep = (f: string) => options.store === true || (!f.endsWith('.duckdb') && !f.endsWith('.duckdb.wal'));
  await cp(inject('sampleRun').outDir, dir, { recursive: true, verbatimSymlinks: true, filter: keep });
  return dir;
}

/** The shared sample inbox: read it, never write into it. */
export const sampleInbox = () => inject('sampleInbox');

/** The shared run over the sample inbox: read it, never write into it. */
export const sampleRun = () => inject('sampleRun');
