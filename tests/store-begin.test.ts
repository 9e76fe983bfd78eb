// A run begins the store's transaction beside its folder outputs and commits it only after `latest` is switched:
// until then the store holds nothing of the run (no stamp for it, no journal folded away), an abandoned write leaves
// the store as it was, and a run whose folder outputs fail leaves no store transaction open behind it.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { beginStoreWrite, publishToStore, readLedger, storeHasRun } from '../outputs/duckdb-store.ts';
import { journalExecutions } from '../outputs/ledger-journal.ts';
import type { Output, RunContent } from '../outputs/output.ts';
import { stampedRunId } from '../outputs/store-stamp.ts';
import { beginTargets } from '../pipelines/publish-targets.ts';
import type { RunOptions } from '../pipelines/run-types.ts';
import { writeOutputs } from '../pipelines/write-outputs.ts';
import { outputAccess } from '../lib/output-access.ts';
import { otherCityConfig, tempDir } from './helpers.ts';

const run = (runId: string) => ({
  runId,
  folder: `f-${runId}`,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:01Z',
  status: 'succeeded',
  manifestJson: '{}',
});

describe('a store write begun before the switch', () => {
  it('holds nothing of the run until it commits, then the run, its stamp and the folded journal', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), []);
    await journalExecutions(store, [
      {
        executionId: 'e1',
        startedAt: new Date(Date.UTC(2026, 0, 1)),
        finishedAt: new Date(Date.UTC(2026, 0, 1, 0, 1)),
        trigger: 'manual',
        status: 'published',
        runId: 'r1',
        counts: { error: 0, warning: 0, info: 0 },
        error: null,
        targets: { folder: 'written', store: 'written', postgres: 'skipped', postgresTarget: null },
      },
    ]);
    const begun = await beginStoreWrite(store, run('r2'), []);
    expect(await stampedRunId(store)).toBe('r1');
    expect(await readdir(`${store}.ledger`)).toHaveLength(1);
    expect(await begun.commit()).toBe('written');
    expect(await stampedRunId(store)).toBe('r2');
    expect(await storeHasRun(store, 'r2')).toBe(true);
    expect(await readdir(`${store}.ledger`)).toHaveLength(0);
    expect((await readLedger(store)).map((r) => r.execution_id)).toEqual(['e1']);
  });

  it('leaves the store as it was when abandoned', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), []);
    await (await beginStoreWrite(store, run('r2'), [])).abandon();
    expect(await storeHasRun(store, 'r2')).toBe(false);
    expect(await storeHasRun(store, 'r1')).toBe(true);
    // The store is closed again: another write opens it.
    expect(await publishToStore(store, run('r2'), [])).toBe('written');
  });

  it('is abandoned when a folder output fails: no run folder, nothing in the store, the store not left open', async () => {
    const out = await tempDir();
    const store = path.join(out, 'store.duckdb');
    const runContent: RunContent = {
      catalog: await loadCatalog(otherCityConfig),
      runId: 'r9',
      folder: 'f-r9',
      manifest: { started_at: '2026-01-01T00:00:00Z', finished_at: '2026-01-01T00:00:01Z' },
      tables: [],
      fiscalYear: 2024,
      indicatorValues: [],
      actionPlanProgress: [],
      indicatorProgress: [],
      compositeIndex: [],
      observations: [],
      issues: [],
    };
    const options: RunOptions = { configDir: otherCityConfig, inboxDir: out, outDir: out, storePath: store };
    const begun = beginTargets(options, runContent);
    const failing: Output = {
      name: 'failing',
      stage: 'folder',
      write: () => Promise.reject(new Error('disk full')),
    };
    await expect(writeOutputs(out, runContent, [failing], outputAccess(undefined), begun)).rejects.toThrow('disk full');
    expect((await readdir(path.join(out, 'runs'))).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(await storeHasRun(store, 'r9')).toBe(false);
    expect(await publishToStore(store, run('r1'), [])).toBe('written');
  });
});
