// The bundled sample, made once per test run by tests/sample-global-setup.ts: a private copy of its inbox or of a
// finished run's output folder for tests that change them; the shared run itself (read-only) for tests that only read.
// Each waits until the sample is made (it is made while the first test files run).
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { setagayaConfig, tempDir } from './helpers.ts';

/** The output folder of a plain run over the sample inbox, store at store.duckdb: open it read-only. With the run's issues and log lines. */
export interface SampleRun {
  outDir: string;
  storePath: string;
  folder: string;
  runId: string;
  issues: Issue[];
  log: string[];
}

/** Resolves once tests/fixtures/make-sample-run.ts has written `marker` in the sample's folder; throws what it failed with. */
async function made(marker: string): Promise<string> {
  const root = inject('sampleRoot');
  for (;;) {
    if (existsSync(path.join(root, marker))) return root;
    if (existsSync(path.join(root, 'failed.txt'))) throw new Error(`the bundled sample was not made: ${await readFile(path.join(root, 'failed.txt'), 'utf8')}`);
    await sleep(50);
  }
}

/** The shared sample inbox: read it, never write into it. */
export const sampleInbox = async (): Promise<string> => path.join(await made('inbox.ready'), 'inbox');

/** run.json read once per worker (test files share a worker's modules), keyed by the sample's folder (watch mode makes a new one). */
const runs = new Map<string, Promise<SampleRun>>();

/** The shared run over the sample inbox: read it, never write into it. */
export function sampleRun(): Promise<SampleRun> {
  const root = inject('sampleRoot');
  const run = runs.get(root) ?? made('run.json').then(async () => JSON.parse(await readFile(path.join(root, 'run.json'), 'utf8')) as SampleRun);
  runs.set(root, run);
  return run;
}

/** A fresh folder holding the sample inbox, byte for byte what generateSampleInbox writes. */
export async function sampleInboxCopy(): Promise<string> {
  const dir = path.join(await tempDir(), 'inbox');
  await cp(await sampleInbox(), dir, { recursive: true });
  return dir;
}

/** A fresh output folder holding the shared sample run (runs/, latest → runs/…, cache/, archive/; the store left out unless asked for). */
export async function sampleRunCopy(options: { store?: boolean } = {}): Promise<string> {
  const dir = path.join(await tempDir(), 'out');
  // The store and what lives beside it (its log, stamp and ledger journal).
  const keep = (f: string) => options.store === true || !/\.duckdb($|\.)/.test(path.basename(f));
  await cp((await sampleRun()).outDir, dir, { recursive: true, verbatimSymlinks: true, filter: keep });
  return dir;
}

/**
 * A fresh output folder holding only the shared run's family cache (cache/families): a run over the sample inbox with
 * the bundled config takes every family's reading from it, as an incremental run would, and writes everything else anew.
 */
export async function sampleCacheCopy(): Promise<string> {
  const dir = path.join(await tempDir(), 'out');
  await cp(path.join((await sampleRun()).outDir, 'cache'), path.join(dir, 'cache'), { recursive: true });
  return dir;
}

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
