// Step 10: after the switch, the `target` outputs receive the run: the embedded store, then PostgreSQL. A crash before
// the store leaves it behind `latest` and the next run fills it; a PostgreSQL failure leaves the local run published
// and is reported.
import { redactSecrets } from '../lib/redact-connection-string.ts';
import type { RunContent } from '../outputs/output.ts';
import { postgresOutput } from '../outputs/postgres-output.ts';
import { storeOutput } from '../outputs/store-output.ts';
import type { Reconciliation } from './reconcile-targets.ts';
import type { RunOptions, RunResult } from './run-types.ts';

export async function publishTargets(
  options: RunOptions,
  finalDir: string,
  run: RunContent,
  reconciliation: Reconciliation | null,
): Promise<Pick<RunResult, 'store' | 'postgres'>> {
  const store: RunResult['store'] = options.storePath ? await storeOutput(options.storePath).write(run, finalDir) : 'skipped';
  let postgres: RunResult['postgres'] = { result: 'skipped' };
  if (reconciliation?.postgres.result === 'failed') postgres = reconciliation.postgres;
  else if (options.publish) {
    try {
      postgres = { result: await postgresOutput(options.publish).write(run, finalDir) };
    } catch (e) {
      postgres = { result: 'failed', error: redactSecrets((e as Error).message, options.publish.connectionString) };
    }
  }
  return { store, postgres };
}
