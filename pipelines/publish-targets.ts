// Step 10: after the switch, the embedded store and PostgreSQL receive the run. A crash before the store leaves it
// behind `latest` and the next run fills it; a PostgreSQL failure leaves the local run published and is reported.
import path from 'node:path';
import type { PublishedTable } from '../lib/datasets.ts';
import { redactSecrets } from '../lib/redact-connection-string.ts';
import { publishToStore } from '../outputs/duckdb-store.ts';
import { publishToPostgres } from '../outputs/publish-to-postgres.ts';
import type { RunManifest } from './build-manifest.ts';
import type { Reconciliation } from './reconcile-targets.ts';
import type { RunOptions, RunResult } from './run-types.ts';

export async function publishTargets(
  options: RunOptions,
  finalDir: string,
  manifest: RunManifest,
  tables: PublishedTable[],
  reconciliation: Reconciliation | null,
): Promise<Pick<RunResult, 'store' | 'postgres'>> {
  const run = {
    runId: manifest.run_id,
    folder: path.basename(finalDir),
    startedAt: manifest.started_at,
    finishedAt: manifest.finished_at,
    manifestJson: JSON.stringify(manifest),
  };
  const store: RunResult['store'] = options.storePath ? await publishToStore(options.storePath, { ...run, status: 'succeeded' }, tables) : 'skipped';
  let postgres: RunResult['postgres'] = { result: 'skipped' };
  if (reconciliation?.postgres.result === 'failed') postgres = reconciliation.postgres;
  else if (options.publish) {
    try {
      postgres = { result: await publishToPostgres(options.publish, run, tables) };
    } catch (e) {
      postgres = { result: 'failed', error: redactSecrets((e as Error).message, options.publish.connectionString) };
    }
  }
  return { store, postgres };
}
