// Step 8: the run's manifest.json: what went in (config and input files with their sha256), what came out (counts per
// dataset, issues by severity) and when. Times live here, never in the datasets.
import type { Catalog } from '../config/load-catalog.ts';
import { codeVersion } from '../lib/code-version.ts';
import { countBySeverity } from '../lib/issues.ts';
import { DATASET_VERSION } from './compute-run-id.ts';
import type { RunTables } from './compute-tables.ts';
import type { RunInputs } from './load-run-inputs.ts';

export type RunManifest = Awaited<ReturnType<typeof buildManifest>>;

export async function buildManifest(
  catalog: Catalog,
  run: RunInputs,
  computed: RunTables,
  ids: { runId: string; folder: string; observations: number },
  times: { startedAt: Date; finishedAt: Date },
) {
  const { issues } = computed;
  return {
    run_id: ids.runId,
    folder: ids.folder,
    plan_id: catalog.plan.id,
    dataset_version: DATASET_VERSION,
    code_version: await codeVersion(),
    started_at: times.startedAt.toISOString(),
    finished_at: times.finishedAt.toISOString(),
    config_dir: catalog.dir,
    config_files: run.configFiles.map((c) => ({ file: c.name, sha256: c.sha256 })),
    inputs: run.inputs.map((f) => ({ file: f.name, sha256: f.sha256, bytes: f.size })),
    fiscal_years: computed.years,
    as_of: run.asOf.yearMonth,
    // Kept in the inbox and the archive, never deleted: what to look at in issues.csv.
    files_with_errors: [...new Set(issues.filter((i) => i.severity === 'error' && i.location.file).map((i) => i.location.file!))].sort(),
    counts: {
      observations: ids.observations,
      ...Object.fromEntries(computed.tables.map((t) => [t.spec.name, t.rows.length])),
      issues_by_severity: countBySeverity(issues),
    },
  };
}
