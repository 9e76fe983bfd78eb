// vitest globalSetup: the bundled sample inbox, generated once per test run, and one run of the pipeline over it (with
// its store), shared read-only by the test files that only read them (tests/sample-fixtures.ts); a test that changes
// an inbox or an output folder works on its own copy. Saves generating and running the sample once per file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Issue } from '../lib/issues.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { generateSampleInbox } from '../scripts/generate-sample-inbox.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The generated sample inbox: copy it before changing it (sampleInboxCopy). */
    sampleInbox: string;
    /** The output folder of a plain run over the sample inbox, store at store.duckdb: open it read-only. With the run's issues and log lines. */
    sampleRun: { outDir: string; storePath: string; folder: string; runId: string; issues: Issue[]; log: string[] };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), 'lei-test-sample-'));
  const configDir = path.join(import.meta.dirname, '..', 'config', 'setagaya');
  const inbox = path.join(root, 'inbox');
  await generateSampleInbox(configDir, inbox);
  const outDir = path.join(root, 'out');
  const storePath = path.join(outDir, 'store.duckdb');
  const log: string[] = [];
  const run = await runPipeline({ configDir, inboxDir: inbox, outDir, storePath, log: (m) => log.push(m) });
  project.provide('sampleInbox', inbox);
  project.provide('sampleRun', { outDir, storePath, folder: run.folder, runId: run.runId, issues: run.issues, log });
  return () => rm(root, { recursive: true, force: true });
}
