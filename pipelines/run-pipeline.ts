// The main job: catalog → inbox files → observations → indicator tables → run folder + embedded store.
// A bad file never stops the others; a failure at any point leaves the previous run's outputs in place.
// executeRun is the recipe: each step is a function in its own file of pipelines/, named after it.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ConfigError } from '../config/config-error.ts';
import type { Catalog } from '../config/load-catalog.ts';
import type { PipelineConfig } from '../config/pipeline-schema.ts';
import { collectIfExternalOver } from '../lib/collect-garbage.ts';
import { faultPoint } from '../lib/fault-point.ts';
import { countBySeverity } from '../lib/issues.ts';
import { OWNER_ONLY, outputAccess, restrictPath, restrictTree, type OutputAccess } from '../lib/output-access.ts';
import { redactConnectionString, redactSecrets } from '../lib/redact-connection-string.ts';
import { acquireRunLock, type LockHolder } from '../lib/run-lock.ts';
import { UserError } from '../lib/user-error.ts';
import { journalExecutions, type ExecutionRecord } from '../outputs/ledger-journal.ts';
import type { Output } from '../outputs/output.ts';
import type { PostgresTarget } from '../outputs/publish-to-postgres.ts';
import { existingRunFolder } from '../outputs/publish-run-folder.ts';
import { stampPath } from '../outputs/store-stamp.ts';
import { archiveDirOf, archiveRunInputs } from './archive-run-inputs.ts';
import { computeRunId } from './compute-run-id.ts';
import { decideUnchanged, lastRunId, repairedRuns } from './decide-unchanged.ts';
import { clearExecutionMarker, replaceExecutionMarker } from './execution-marker.ts';
import { configReadMessage, type ConfigSettings } from './config-facts.ts';
import { loadRunFiles, type RunInputs } from './load-run-inputs.ts';
import type { BegunTargets, PreparedTargets } from './publish-targets.ts';
import { reconcileTargets, type Reconciliation } from './reconcile-targets.ts';
import { configForRun, prepareRunConfig, type RunConfig } from './run-config.ts';
import type { RunThread } from './run-thread.ts';
import type { RunOptions, RunResult } from './run-types.ts';
import type { FamilyReadings } from './read-families.ts';

type RecomputeSteps = typeof import('./recompute-steps.ts');

export { DATASET_VERSION } from './compute-run-id.ts';
export type { RunOptions, RunResult, RunTrigger, ValueChange } from './run-types.ts';

/** One run at a time per output folder (across processes); every execution is recorded in the ledger. */
export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const trigger = options.trigger ?? 'manual';
  const startedAt = now();
  // Config is checked before taking the lock: a typo never blocks the scheduler. A config folder that an earlier run
  // checked, byte for byte with the same code, is not checked again (pipelines/run-config.ts).
  const config = await prepareRunConfig(options.configDir);
  const publish = options.publish && { ...options.publish, ...readRoleOf(options.publish, config.settings) };
  if (options.dryRun) return executeRun({ ...options, storePath: null }, config, startedAt, null, OWNER_ONLY);
  const access = await outputAccess(config.settings.accessGroup ?? undefined);
  const attempt = await acquireRunLock(options.outDir, trigger, now);
  if (!attempt.acquired) throw new RunBusyError(attempt.heldBy);
  const execution: Omit<ExecutionRecord, 'finishedAt' | 'status' | 'runId' | 'counts' | 'error' | 'targets'> = {
    executionId: randomUUID(),
    startedAt,
    trigger,
  };
  const postgresTarget = publish ? `${redactConnectionString(publish.connectionString)} schema=${publish.schema}` : null;
  let interrupted: ExecutionRecord | undefined;
  try {
    await restrictPath(options.outDir, access);
    const killed = await replaceExecutionMarker(options.outDir, { executionId: execution.executionId, startedAt: startedAt.toISOString(), trigger });
    if (killed) {
      log(
        `前の実行（${killed.startedAt} 開始）が途中で止まっていました（強制終了・停電など）。出力をそろえ直します`,
        `The previous run (started ${killed.startedAt}) was interrupted (killed, power cut); making the outputs consistent`,
      );
      interrupted = {
        executionId: killed.executionId,
        startedAt: new Date(killed.startedAt),
        finishedAt: null,
        trigger: killed.trigger,
        status: 'interrupted',
        runId: null,
        counts: null,
        error: '実行が途中で止まりました（強制終了・停電など）。次の実行が出力をそろえ直しました',
        targets: null,
      };
    }
    const reconciliation = await reconcileTargets({ outDir: options.outDir, storePath: options.storePath, publish });
    if (reconciliation.cleaned.length > 0) {
      log(
        `止まった実行の書きかけを消しました: ${reconciliation.cleaned.join('、')}`,
        `Removed what an interrupted run left half-written: ${reconciliation.cleaned.join(', ')}`,
      );
    }
    const result = await executeRun({ ...options, ...(publish ? { publish } : {}) }, config, startedAt, reconciliation, access);
    faultPoint('before-ledger');
    if (options.storePath) {
      // Into the ledger's journal beside the store; the next write of the store folds it into run_ledger.
      await journalExecutions(
        options.storePath,
        [
          ...(interrupted ? [interrupted] : []),
          {
            ...execution,
            finishedAt: now(),
            status: result.status,
            runId: result.runId,
            counts: countBySeverity(result.issues),
            error: 'error' in result.postgres ? result.postgres.error : null,
            targets: {
              folder: result.status === 'published' ? 'written' : 'unchanged',
              store: result.store,
              postgres: result.postgres.result,
              postgresTarget,
            },
          },
        ],
        access,
      );
      await restrictPath(options.storePath, access);
      await restrictPath(stampPath(options.storePath), access);
    }
    await clearExecutionMarker(options.outDir);
    return result;
  } catch (e) {
    if (options.storePath && !(e instanceof ConfigError)) {
      const message = publish ? redactSecrets((e as Error).message, publish.connectionString) : (e as Error).message;
      await journalExecutions(
        options.storePath,
        [
          ...(interrupted ? [interrupted] : []),
          { ...execution, finishedAt: now(), status: 'failed', runId: null, counts: null, error: message, targets: null },
        ],
        access,
      ).catch(() => {});
    }
    await clearExecutionMarker(options.outDir).catch(() => {});
    throw e;
  } finally {
    await attempt.lock.release();
  }
}

/** The dashboards' read-only role: the option given, else pipeline.yaml publish.readRole. */
function readRoleOf(publish: Omit<PostgresTarget, 'onBatch'>, settings: ConfigSettings): { readRole?: string } {
  const role = publish.readRole ?? settings.readRole;
  return role === null ? {} : { readRole: role };
}

export class RunBusyError extends UserError {
  constructor(readonly heldBy: LockHolder) {
    super(
      `別の実行（${heldBy.purpose}、pid ${heldBy.pid}、${heldBy.since} 開始）が進行中のため開始しません。終わってから再実行してください`,
      `Another run (${heldBy.purpose}, pid ${heldBy.pid}, since ${heldBy.since}) is in progress; not started. Run again when it has finished`,
    );
  }
}

async function executeRun(
  options: RunOptions,
  config: RunConfig,
  startedAt: Date,
  reconciliation: Reconciliation | null,
  access: OutputAccess,
): Promise<RunResult> {
  const log = options.log ?? (() => {});
  log(...configReadMessage(config.settings));

  // A run sure to recompute (--full, or no earlier run) starts its second thread and loads its whole config first: the
  // thread boots on the other core and the config is parsed while the inbox is listed and hashed. Any other run waits
  // until it knows its inputs changed: an unchanged re-run loads neither (nor node:worker_threads).
  const previous = await lastRunId(options.outDir);
  const recomputes = options.full === true || previous === undefined;
  const threads = () => import('./run-thread.ts');
  let thread = recomputes ? (await threads()).startRunThread() : undefined;
  try {
    const { configFiles, whole } = await configForRun(config);
    const early = recomputes ? whole() : undefined;
    early?.catch(() => {});
    const archiving = options.dryRun ? undefined : { dir: archiveDirOf(options), access };
    const { archived, ...listed } = await loadRunFiles(options, startedAt, archiving);
    const files = { ...listed, configFiles };
    if (archiving) await archiveRunInputs(options, files, access, archived);
    faultPoint('after-archive');
    const runId = await computeRunId(files);
    const unchanged = await decideUnchanged(options, runId, previous, files.inputs.length, reconciliation);
    if (unchanged) return unchanged;

    const { startRunThread, threadForInbox } = await threads();
    thread ??= startRunThread();
    const { catalog, pipeline, contracts, families } = await (early ?? whole());
    const run: RunInputs = { ...files, contracts, families };
    thread = threadForInbox(
      thread,
      run.inputs.reduce((sum, f) => sum + f.size, 0),
    );
    // Step 5 starts before the rest of the run's code loads: the second thread has its family to read at once.
    const reading = startReading(options, catalog, pipeline, run, thread);
    await reading.started;
    const steps = await import('./recompute-steps.ts');
    const outputs = options.dryRun ? [] : steps.folderOutputs(pipeline.outputs, thread);
    // While the families are read, the outputs load what they write with (behind the second thread's read, if any).
    for (const output of outputs) output.prepare?.();
    // The store is opened ahead, so that staging the run's rows beside the outputs is one call into DuckDB: while the
    // families are read when the run has its second thread (a small inbox), else once they are read (an open store holds
    // ~20 MB, which added to the peak of a large inbox's reads).
    const targets = options.dryRun ? undefined : steps.prepareTargets(options, runId, thread ? undefined : reading.read);
    return await recompute(steps, { options, catalog, run, runId, previous, reconciliation, access, startedAt }, outputs, reading.read, targets);
  } finally {
    thread?.release();
  }
}

interface RecomputeInputs {
  options: RunOptions;
  catalog: Catalog;
  run: RunInputs;
  runId: string;
  previous: string | undefined;
  reconciliation: Reconciliation | null;
  access: OutputAccess;
  startedAt: Date;
}

/** Step 5 begun: `started` settles once every family's read has begun (the second thread's posted), `read` when all are read. */
function startReading(
  options: RunOptions,
  catalog: Catalog,
  pipeline: PipelineConfig,
  run: RunInputs,
  thread: RunThread | undefined,
): { started: Promise<void>; read: Promise<FamilyReadings> } {
  let begun = () => {};
  const started = new Promise<void>((resolve) => (begun = resolve));
  const read = import('./read-families.ts').then(({ readFamilies }) => readFamilies(options, catalog, pipeline, run, thread, begun));
  // Awaited by computeRun; a failure before every read began settles `started` too.
  read.catch(() => {});
  return { started: Promise.race([started, read.then(nothing, nothing)]), read };
}

const nothing = () => {};

/** ArrayBuffer memory above which the run collects once its families are read: V8's own soft limit for it. */
const COLLECT_AFTER_READS_BYTES = 64 * 1024 * 1024;

/**
 * Steps 5–8: read, check, compute, the manifest and the changes. What was read is dropped on return: only the computed
 * tables live on while the outputs are written. The outputs begin on the indicator tables (the second thread draws the
 * site's pages) while the composite and the issues are computed.
 */
async function computeRun(steps: RecomputeSteps, inputs: RecomputeInputs, outputs: readonly Output[], reading: Promise<FamilyReadings>) {
  const { options, catalog, run, runId, previous, reconciliation, startedAt } = inputs;
  const now = options.now ?? (() => new Date());
  const read = await reading;
  // What the readers dropped (the survey's respondent-level columns) is given back before the outputs add theirs.
  collectIfExternalOver(COLLECT_AFTER_READS_BYTES);
  const checked = steps.evaluateRunContracts(catalog, run.contracts, run.asOf, read);
  const indicators = steps.computeIndicatorTables(catalog, read, checked, runId);
  const early = steps.indicatorContent(catalog, runId, indicators);
  for (const output of outputs) output.begin?.(early);
  const computed = steps.computeTables(catalog, read, checked, runId, indicators);
  const folder = (await existingRunFolder(options.outDir, runId)) ?? `${compactTime(startedAt)}-${runId}`;
  const manifest = await steps.buildManifest(
    catalog,
    run,
    computed,
    { runId, folder, observations: read.observations.length },
    { startedAt, finishedAt: now() },
  );
  const changes = await steps.diffWithPrevious(options.outDir, previous, computed.values.rows);
  const result = {
    runId,
    issues: computed.issues,
    counts: {
      inputs: run.inputs.length,
      observations: read.observations.length,
      indicatorValues: computed.values.rows.length,
      actionPlanRows: computed.progress.rows.length,
    },
    changes,
    previousRunId: previous ?? null,
    repaired: repairedRuns(reconciliation),
  };
  return { computed, manifest, result };
}

/** Steps 5–10: read, check, compute, write the run folder, publish the targets. */
async function recompute(
  steps: RecomputeSteps,
  inputs: RecomputeInputs,
  outputs: readonly Output[],
  reading: Promise<FamilyReadings>,
  prepared: PreparedTargets | undefined,
): Promise<RunResult> {
  const { options, catalog, reconciliation, access } = inputs;
  const log = options.log ?? (() => {});
  let begun: BegunTargets | undefined;
  try {
    const { computed, manifest, result } = await computeRun(steps, inputs, outputs, reading);
    if (options.dryRun) return { ...result, status: 'dry-run', folder: '', store: 'skipped', postgres: { result: 'skipped' }, cleaned: [] };

    const content = steps.runContent(catalog, manifest, computed);
    // The store's rows are staged (committed, not yet counted) while the folder outputs are written; the run is listed after the switch.
    begun = steps.beginTargets(options, content, prepared);
    const finalDir = await steps.writeOutputs(options.outDir, content, outputs, access, begun);
    log(`出力しました: ${finalDir}`, `Written: ${finalDir}`);
    await restrictTree(path.join(options.outDir, 'cache'), access);
    const targets = await steps.publishTargets(options, finalDir, content, reconciliation, begun);
    return { ...result, status: 'published', folder: finalDir, ...targets, cleaned: reconciliation?.cleaned ?? [] };
  } finally {
    // Staged rows are removed and the store closed on any failure before the listing (nothing once listed); a store
    // opened for a run that stopped before it staged anything is closed.
    await (begun ? begun.abandon() : prepared?.release());
  }
}

function compactTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}
