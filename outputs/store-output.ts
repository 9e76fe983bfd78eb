// The embedded DuckDB store (out/store.duckdb): every run's tables, for queries across runs.
import path from 'node:path';
import { publishToStore } from './duckdb-store.ts';
import type { Output } from './output.ts';

export function storeOutput(storePath: string): Output<'written' | 'already-stored'> {
  return {
    name: 'store',
    stage: 'target',
    write: (run, dir) =>
      publishToStore(
        storePath,
        {
          runId: run.runId,
          folder: path.basename(dir),
          startedAt: run.manifest.started_at,
          finishedAt: run.manifest.finished_at,
          status: 'succeeded',
          manifestJson: JSON.stringify(run.manifest),
        },
        run.tables,
      ),
  };
}
