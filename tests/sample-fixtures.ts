// The bundled sample, made once per test run by tests/sample-global-setup.ts: a private copy of its inbox or of a
// finished run's output folder for tests that change them; the shared run itself (read-only) for tests that only read.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { setagayaConfig, tempDir } from './helpers.ts';

/** A fresh folder holding the sample inbox, byte for byte what generateSampleInbox writes. */
export async function sampleInboxCopy(): Promise<string> {
  const dir = path.join(await tempDir(), 'inbox');
  await cp(inject('sampleInbox'), dir, { recursive: true });
  return dir;
}

/** A fresh output folder holding the shared sample run (runs/, latest → runs/…, cache/, archive/; the store left out unless asked for). */
export async function sampleRunCopy(options: { store?: boolean } = {}): Promise<string> {
  const dir = path.join(await tempDir(), 'out');
  // The store and what lives beside it (its log, stamp and ledger journal).
  const keep = (f: string) => options.store === true || !/\.duckdb($|\.)/.test(path.basename(f));
  await cp(inject('sampleRun').outDir, dir, { recursive: true, verbatimSymlinks: true, filter: keep });
  return dir;
}

/** The shared sample inbox: read it, never write into it. */
export const sampleInbox = () => inject('sampleInbox');

/** The shared run over the sample inbox: read it, never write into it. */
export const sampleRun = () => inject('sampleRun');

/** Adds a manual-entry workbook (融資あっせん, FY2025 = 2001) to an inbox copy: new inputs, a new run; only manual entry is read again. */
export async function addManualEntryFile(inbox: string): Promise<void> {
  const catalog = await loadCatalog(setagayaConfig);
  await mkdir(path.join(inbox, 'manual-entry'), { recursive: true });
  await writeFile(
    path.join(inbox, 'manual-entry', 'extra.xlsx'),
    await writeManualEntryTemplate(catalog, 2025, {
      measures: [catalog.measures.get('loan-mediations')!],
      values: new Map([['loan-mediations', { value: 2001 }]]),
    }),
  );
}
