// vitest globalSetup: the bundled sample inbox, generated once per test run, and one run of the pipeline over it (with
// its store), shared read-only by the test files that only read them (tests/sample-fixtures.ts); a test that changes
// an inbox or an output folder works on its own copy. Saves generating and running the sample once per file.
// Made by a child process (tests/fixtures/make-sample-run.ts) while the test files start: about half of them never
// read the sample, and those that do wait for it (sampleInbox, sampleRun), so no core idles while it is made.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { INTERRUPT_BUDGET_FLAG } from '../bin/v8-flags.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the sample is made: read it through tests/sample-fixtures.ts, which waits until it is there. */
    sampleRoot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), 'lei-test-sample-'));
  const repo = path.join(import.meta.dirname, '..');
  const child = spawn(
    process.execPath,
    [INTERRUPT_BUDGET_FLAG, '--import', 'tsx', path.join(repo, 'tests', 'fixtures', 'make-sample-run.ts'), path.join(repo, 'config', 'setagaya'), root],
    { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = once(child, 'close').then(async ([code, signal]) => {
    // A child that died before saying why (killed, out of memory): the waiting tests fail with what it printed.
    const failed = path.join(root, 'failed.txt');
    if (code !== 0 && !existsSync(failed) && !existsSync(path.join(root, 'run.json')))
      await writeFile(failed, `tests/fixtures/make-sample-run.ts ended with ${code ?? signal}\n${stderr}`).catch(() => {});
  });
  project.provide('sampleRoot', root);
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await ended;
    await rm(root, { recursive: true, force: true });
  };
}
