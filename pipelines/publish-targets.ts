// Step 10: after the switch, the `target` outputs receive the run: the embedded store, then PostgreSQL. A crash before
// the store leaves it behind `latest` and the next run fills it; a PostgreSQL failure leaves the local run published
// and is reported. The store's rows are staged beside the folder outputs (beginTargets); the run is listed in its runs
// table here, which is what makes them count.
import { redactSecrets } from '../lib/redact-connection-string.ts';
import type { OpenedStore, StoreWrite } from '../outputs/duckdb-store.ts';
import type { RunContent } from '../outputs/output.ts';
import { postgresOutput } from '../outputs/postgres-output.ts';
import { storeOutput } from '../outputs/store-output.ts';
import type { Reconciliation } from './reconcile-targets.ts';
import type { RunOptions, RunResult } from './run-types.ts';

/** Targets begun before the switch: the store's rows staged, counted by nothing until the run is listed. */
export interface BegunTargets {
  store: Promise<StoreWrite> | null;
  /** Removes what was begun (the run folder was not switched). */
  abandon(): Promise<void>;
}

/** Targets made ready ahead of staging (a run: while or once its families are read): the store opened, with what staging needs read. */
export interface PreparedTargets {
  store: Promise<OpenedStore> | null;
  /** Closes what was opened, for a run that stops before it begins the targets. */
  release(): Promise<void>;
}

/** Opens the store once `after` settles (at once without it), so that staging the rows beside the outputs is one call into DuckDB. */
export function prepareTargets(options: RunOptions, runId: string, after: Promise<unknown> = Promise.resolve()): PreparedTargets {
  const { storePath } = options;
  const store = storePath ? after.then(() => storeOutput(storePath).open(runId)) : null;
  // A failure to open is reported where the store always failed, after the switch (publishTargets awaits it).
  store?.catch(() => {});
  return { store, release: async () => (await store?.catch(() => null))?.close() };
}

/** Stages the store's rows now, so they are committed and checkpointed while the folder outputs are written. */
export function beginTargets(options: RunOptions, run: RunContent, prepared?: PreparedTargets): BegunTargets {
  const store = options.storePath ? storeOutput(options.storePath).begin(run, prepared?.store ?? undefined) : null;
  // A failure to begin is reported where the store always failed, after the switch (publishTargets awaits it).
  store?.catch(() => {});
  return {
    store,
    abandon: async () => {
      const begun = await store?.catch(() => null);
      await begun?.abandon();
    },
  };
}

export async function publishTargets(
  options: RunOptions,
  finalDir: string,
  run: RunContent,
  reconciliation: Reconciliation | null,
  begun?: BegunTargets,
): Promise<Pick<RunResult, 'store' | 'postgres'>> {
  let store: RunResult['store'] = 'skipped';
  if (begun?.store) store = await (await begun.store).commit();
  else if (options.storePath) store = await storeOutput(options.storePath).write(run, finalDir);
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
