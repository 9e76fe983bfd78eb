// The embedded DuckDB store (out/store.duckdb): every run's tables, for queries across runs.
import { openStoreWrite, publishToStore, type OpenedStore, type StoreWrite } from './duckdb-store.ts';
import { publishedRunOf, type Output, type RunContent } from './output.ts';

export interface StoreOutput extends Output<'written' | 'already-stored'> {
  /** The store opened for the run's write ahead of staging (outputs/duckdb-store.ts openStoreWrite; pipelines/publish-targets.ts prepareTargets). */
  open(runId: string): Promise<OpenedStore>;
  /** The run's rows staged in the store, before the run folder is switched (its name is the run's folder); commit() lists the run. */
  begin(run: RunContent, opened?: Promise<OpenedStore>): Promise<StoreWrite>;
}

export function storeOutput(storePath: string): StoreOutput {
  const stored = (run: RunContent, dir: string) => ({ ...publishedRunOf(run, dir), status: 'succeeded' });
  return {
    name: 'store',
    stage: 'target',
    write: (run, dir) => publishToStore(storePath, stored(run, dir), run.tables),
    open: (runId) => openStoreWrite(storePath, runId),
    begin: async (run, opened) => (await (opened ?? openStoreWrite(storePath, run.runId))).stage(stored(run, run.folder), run.tables),
  };
}
