// Step 4: a run whose inputs and config equal the last successful run's recomputes nothing (unless --full, or a target
// lacks the latest run and cannot be filled from its folder): the result says so, and nothing is written.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Reconciliation } from './reconcile-targets.ts';
import type { RunOptions, RunResult } from './run-types.ts';

export async function decideUnchanged(
  options: RunOptions,
  runId: string,
  previous: string | undefined,
  inputCount: number,
  reconciliation: Reconciliation | null,
): Promise<RunResult | null> {
  // A target that lacks the latest run and cannot be filled from its folder gets it by recomputing.
  const repairable = reconciliation?.store !== 'unrepairable' && reconciliation?.postgres.result !== 'unrepairable';
  if (options.full || previous !== runId || !repairable) return null;
  options.log?.(
    `前回の実行（${runId}）から入力も設定も変わっていないため、再計算しません（--full で強制）`,
    `Inputs and config unchanged since run ${runId}: nothing recomputed (--full forces it)`,
  );
  return {
    status: 'unchanged',
    runId,
    folder: await realpath(path.join(options.outDir, 'latest')),
    issues: [],
    counts: { inputs: inputCount, observations: 0, indicatorValues: 0, actionPlanRows: 0 },
    store: reconciliation?.store === 'repaired' ? 'repaired' : options.storePath ? 'already-stored' : 'skipped',
    changes: [],
    previousRunId: previous,
    postgres: postgresAfterReconciliation(reconciliation),
    repaired: repairedRuns(reconciliation),
    cleaned: reconciliation?.cleaned ?? [],
  };
}

/** The run id of the run out/latest points at, if any. */
export async function lastRunId(outDir: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(path.join(outDir, 'latest', 'manifest.json'), 'utf8')) as { run_id: string }).run_id;
  } catch {
    return undefined;
  }
}

export function repairedRuns(reconciliation: Reconciliation | null): RunResult['repaired'] {
  const latest = reconciliation?.latestRunId ?? null;
  return {
    store: reconciliation?.store === 'repaired' ? latest : null,
    postgres: reconciliation?.postgres.result === 'repaired' ? latest : null,
  };
}

function postgresAfterReconciliation(reconciliation: Reconciliation | null): RunResult['postgres'] {
  const state = reconciliation?.postgres;
  if (!state) return { result: 'skipped' };
  if (state.result === 'failed') return state;
  return { result: state.result === 'unrepairable' ? 'skipped' : state.result };
}
