// A run killed while copying an input into the archive leaves <sha>.<pid>.tmp; the next run (holding the lock)
// removes it when its writer is dead, and keeps a live writer's.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcileTargets } from '../pipelines/reconcile-targets.ts';
import { tempDir } from './helpers.ts';

describe('reconciling at the start of a run', () => {
  it('removes half-written archive copies of dead processes only', async () => {
    const outDir = await tempDir();
    const folder = path.join(outDir, 'archive', 'ab');
    await mkdir(folder, { recursive: true });
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const sha = 'ab'.padEnd(64, '0');
    await writeFile(path.join(folder, `${sha}.${deadPid}.tmp`), 'half');
    await writeFile(path.join(folder, `${sha}.${process.pid}.tmp`), 'being written');
    await writeFile(path.join(folder, sha), 'complete copy');

    const result = await reconcileTargets({ outDir, storePath: null });

    expect(result.cleaned).toEqual([path.join('archive', 'ab', `${sha}.${deadPid}.tmp`)]);
    expect((await readdir(folder)).sort()).toEqual([sha, `${sha}.${process.pid}.tmp`]);
  });
});
