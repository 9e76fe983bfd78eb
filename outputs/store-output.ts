// The embedded DuckDB store (out/store.duckdb): every run's tables, for queries across runs.
import { publishToStore } from './duckdb-store.ts';
import { publishedRunOf, type Output } from './output.ts';

export function storeOutput(storePath: string): Output<'written' | 'already-stored'> {
  return {
    name: 'store',
    stage: 'target',
    write: (run, dir) => publishToStore(storePath, { ...publishedRunOf(run, dir), status: 'succeeded' }, run.tables),
  };
}
