// The tables source adapters contribute (lib/datasets.ts adapterDatasets), gathered from every family's result with
// the run id added. Each is always written, empty when no input fed it, so readers find the same files every night.
import type { PublishedTable } from '../lib/dataset-spec.ts';
import { adapterDatasets } from '../lib/datasets.ts';
import type { SourceResult } from '../lib/observation.ts';

export function adapterTables(results: readonly SourceResult[], runId: string): PublishedTable[] {
  return adapterDatasets.map((spec) => ({
    spec,
    rows: results.flatMap((r) => r.tables?.[spec.name] ?? []).map((row) => ({ ...row, run_id: runId })),
  }));
}
