// The main job: catalog → inbox files → observations → indicator tables → run folder + embedded store.
// A bad file never stops the others; a failure at any point leaves the previous run's outputs in place.
import { createHash, randomUUID } from 'node:crypto';
import { readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import pLimit from 'p-limit';
import { ConfigError, loadCatalog, type Catalog } from '../config/load-catalog.ts';
import { loadContracts } from '../config/load-contracts.ts';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import { asOfDate, asOfMonth, type AsOf } from '../lib/as-of.ts';
import {
  actionPlanProgress,
  compositeComponents,
  compositeIndex,
  indicatorProgress,
  indicatorValues,
  issuesDataset,
  observationsDataset,
  type IndicatorValueRow,
  type IssueRow,
  type PublishedTable,
} from '../lib/datasets.ts';
import { codeVersion } from '../lib/code-version.ts';
import { faultPoint } from '../lib/fault-point.ts';
import { outputAccess, restrictPath, restrictTree, type OutputAccess } from '../lib/output-access.ts';
import { redactConnectionString, redactSecrets } from '../lib/redact-connection-string.ts';
import type { PipelineConfig } from '../config/pipeline-schema.ts';
import { countBySeverity, issue, type Issue } from '../lib/issues.ts';
import { acquireRunLock, type LockHolder } from '../lib/run-lock.ts';
import { UserError } from '../lib/user-error.ts';
import { withPlanWords } from '../lib/with-plan-words.ts';
import type { Gap, Observation, SourceResult, StatusReading } from '../lib/observation.ts';
import { writeCommitteeWorkbook } from '../outputs/committee-workbook.ts';
import { publishToStore, recordExecution, type ExecutionRecord } from '../outputs/duckdb-store.ts';
import { publishToPostgres, type PostgresTarget } from '../outputs/publish-to-postgres.ts';
import { existingRunFolder, stageRunFolder } from '../outputs/publish-run-folder.ts';
import { writeDatasetFiles } from '../outputs/write-dataset-files.ts';
import { InboxFileChangedError, InboxFileTooLargeError, readInboxFile, type InboxFile } from '../sources/inbox-file.ts';
import { archiveInputs } from '../sources/archive-inputs.ts';
import { listInbox } from '../sources/list-inbox.ts';
import { buildActionPlanProgress } from '../transforms/build-action-plan-progress.ts';
import { buildIndicatorProgress } from '../transforms/build-indicator-progress.ts';
import { buildIndicatorValues } from '../transforms/build-indicator-values.ts';
import { buildObservationRows } from '../transforms/build-observation-rows.ts';
import { computeComposite } from '../transforms/compute-composite.ts';
import { diffIndicatorValues, type ValueChange } from '../transforms/diff-indicator-values.ts';
import { evaluateContracts } from '../transforms/evaluate-contracts.ts';
import { resolveObservations } from '../transforms/resolve-observations.ts';
import { adapterTables } from './adapter-tables.ts';
import { clearExecutionMarker, replaceExecutionMarker } from './execution-marker.ts';
import { familyCache } from './family-cache.ts';
import { reconcileTargets, type Reconciliation } from './reconcile-targets.ts';
import { loadSourceConfigs, sourceAdapters, type ReadContext, type SourceAdapter } from './source-adapters.ts';
import { mergeFacts, surveyWavesOf, xlsxLimitsOf } from './contract-inputs.ts';

/** The published datasets' format version; the run id also covers the code itself (lib/code-version.ts). */
export const DATASET_VERSION = '1';

export interface RunOptions {
  configDir: string;
  inboxDir: string;
  outDir: string;
  /** DuckDB file; null to skip the store. */
  storePath: string | null;
  /** PostgreSQL to publish to after the run is activated (shared dashboards). */
  publish?: Omit<PostgresTarget, 'onBatch'>;
  /** Content-addressed copies of every input and config file; default <outDir>/archive. */
  archiveDir?: string;
  /** What started the run; recorded in the run ledger. */
  trigger?: RunTrigger;
  /** Recompute and republish even when nothing changed since the last successful run. */
  full?: boolean;
  /** Compute everything and report what would change against out/latest, but write and publish nothing. */
  dryRun?: boolean;
  now?: () => Date;
  /** The month (YYYY-MM, Japan) the data contracts judge a year not started or closed against; default the month of `now`. */
  asOf?: string;
  /** Progress lines in Japanese, with the English text for --lang en. */
  log?: (message: string, messageEn?: string) => void;
  /** Progress through large input files (the CLI draws a bar on a terminal). */
  onProgress?: (file: string, done: number, total: number) => void;
}

export type RunTrigger = 'manual' | 'schedule' | 'reprocess';
export type { ValueChange };

export interface RunResult {
  /** published: a new run folder; unchanged: inputs and config equal the last successful run's, nothing written. */
  status: 'published' | 'unchanged' | 'dry-run';
  runId: string;
  folder: string;
  issues: Issue[];
  counts: { inputs: number; observations: number; indicatorValues: number; actionPlanRows: number };
  /** repaired: an unchanged run found the store without the latest run and filled it from the run folder. */
  store: 'written' | 'already-stored' | 'repaired' | 'skipped';
  /** Indicator values that differ from the previous run's (out/latest) — or would differ, in a dry run. */
  changes: ValueChange[];
  /** The run the changes are measured against; null on the first run of an output folder. */
  previousRunId: string | null;
  /** PostgreSQL publication; a failure there leaves the local run published and is reported here. */
  postgres: { result: 'written' | 'already-published' | 'repaired' | 'skipped' } | { result: 'failed'; error: string };
  /** Runs a target lacked (a crash, PostgreSQL down) and this run supplied before its own. */
  repaired: { store: string | null; postgres: string | null };
  /** Staging folders left by a killed run and removed. */
  cleaned: string[];
}

/** One run at a time per output folder (across processes); every execution is recorded in the ledger. */
export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const trigger = options.trigger ?? 'manual';
  const startedAt = now();
  // Config is checked before taking the lock: a typo never blocks the scheduler.
  const catalog = await loadCatalog(options.configDir);
  const pipeline = await loadPipelineConfig(catalog.dir);
  const publish = options.publish && { ...options.publish, ...readRoleOf(options.publish, pipeline) };
  if (options.dryRun) return executeRun({ ...options, storePath: null }, catalog, pipeline, startedAt, null, outputAccess(undefined));
  const access = outputAccess(pipeline.access.group);
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
    const result = await executeRun({ ...options, ...(publish ? { publish } : {}) }, catalog, pipeline, startedAt, reconciliation, access);
    faultPoint('before-ledger');
    if (options.storePath) {
      await recordExecution(
        options.storePath,
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
        interrupted,
      );
      await restrictPath(options.storePath, access);
    }
    await clearExecutionMarker(options.outDir);
    return result;
  } catch (e) {
    if (options.storePath && !(e instanceof ConfigError)) {
      const message = publish ? redactSecrets((e as Error).message, publish.connectionString) : (e as Error).message;
      await recordExecution(
        options.storePath,
        { ...execution, finishedAt: now(), status: 'failed', runId: null, counts: null, error: message, targets: null },
        interrupted,
      ).catch(() => {});
    }
    await clearExecutionMarker(options.outDir).catch(() => {});
    throw e;
  } finally {
    await attempt.lock.release();
  }
}

/** The dashboards' read-only role: the option given, else pipeline.yaml publish.readRole. */
function readRoleOf(publish: Omit<PostgresTarget, 'onBatch'>, pipeline: PipelineConfig): { readRole?: string } {
  const role = publish.readRole ?? pipeline.publish?.readRole;
  return role === undefined ? {} : { readRole: role };
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
  catalog: Catalog,
  pipeline: PipelineConfig,
  startedAt: Date,
  reconciliation: Reconciliation | null,
  access: OutputAccess,
): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});

  log(
    `設定を読み込みました: 指標 ${catalog.measures.size}、指標枠 ${catalog.slots.length}、${catalog.plan.terms.actionPlan} ${catalog.lines.length} 行` +
      (catalog.progress ? `、${catalog.plan.terms.progressTable} ${catalog.progress.indicators.length} 指標` : ''),
    `Config read: ${catalog.measures.size} measures, ${catalog.slots.length} slots, ${catalog.lines.length} action-plan lines` +
      (catalog.progress ? `, ${catalog.progress.indicators.length} progress-table indicators` : ''),
  );

  const contracts = await loadContracts(catalog);
  const asOf: AsOf = options.asOf ? asOfMonth(options.asOf) : asOfDate(startedAt);
  const sourceConfigs = await loadSourceConfigs(catalog.dir, sourceAdapters, catalog);
  const configFiles = [...catalog.files, ...sourceConfigs.files];

  const inbox = await listInbox(options.inboxDir);
  const limit = pLimit(2);
  const inputs = await Promise.all(inbox.files.map((p) => limit(() => readInboxFile(options.inboxDir, p))));
  const symlinks = inbox.symlinks.map((p) => path.relative(options.inboxDir, p).split(path.sep).join('/'));
  const archiveDir = options.archiveDir ?? path.join(options.outDir, 'archive');
  const configCopies = await Promise.all(configFiles.map(async (f) => ({ file: f, bytes: await readFile(f) })));
  const archived = options.dryRun
    ? 0
    : await archiveInputs(
        archiveDir,
        [...inputs, ...configCopies.map((c) => ({ sha256: sha256(c.bytes), createReadStream: () => Readable.from([c.bytes]) }))],
        access,
      );
  if (archived > 0) log(`${archived} 件のファイルをアーカイブに保存しました: ${archiveDir}`, `${archived} files archived: ${archiveDir}`);
  faultPoint('after-archive');

  const runId = await computeRunId(
    configCopies.map((c) => ({ name: path.relative(catalog.dir, c.file), bytes: c.bytes })),
    inputs,
    asOf,
    symlinks,
  );
  const previous = await lastRunId(options.outDir);
  const repaired = repairedRuns(reconciliation);
  // A target that lacks the latest run and cannot be filled from its folder gets it by recomputing.
  const repairable = reconciliation?.store !== 'unrepairable' && reconciliation?.postgres.result !== 'unrepairable';
  if (!options.full && previous === runId && repairable) {
    log(
      `前回の実行（${runId}）から入力も設定も変わっていないため、再計算しません（--full で強制）`,
      `Inputs and config unchanged since run ${runId}: nothing recomputed (--full forces it)`,
    );
    return {
      status: 'unchanged',
      runId,
      folder: await realpath(path.join(options.outDir, 'latest')),
      issues: [],
      counts: { inputs: inputs.length, observations: 0, indicatorValues: 0, actionPlanRows: 0 },
      store: reconciliation?.store === 'repaired' ? 'repaired' : options.storePath ? 'already-stored' : 'skipped',
      changes: [],
      previousRunId: previous,
      postgres: postgresAfterReconciliation(reconciliation),
      repaired,
      cleaned: reconciliation?.cleaned ?? [],
    };
  }

  const issues: Issue[] = symlinks.map(symlinkIssue);
  const observations: Observation[] = [];
  const cache = familyCache(
    path.join(options.outDir, 'cache', 'families'),
    `${await codeVersion()}\n${configCopies.map((c) => `${path.relative(catalog.dir, c.file)}:${sha256(c.bytes)}`).join('\n')}`,
  );
  const byFamily = new Map<SourceAdapter, InboxFile[]>();
  for (const file of inputs) {
    const adapter = adapterFor(file);
    if (!adapter) issues.push(unknownFileIssue(file));
    else if (!(pipeline.sources as readonly string[]).includes(adapter.family)) {
      issues.push(
        issue('source-disabled', 'info', `${adapter.labelJa}は pipeline.yaml の sources に含まれていないため、このファイルは読みません`, { file: file.name }),
      );
    } else byFamily.set(adapter, [...(byFamily.get(adapter) ?? []), file]);
  }
  // Families are read concurrently; a family that throws is reported and the others still publish.
  const results = await Promise.all(
    sourceAdapters
      .filter((a) => byFamily.has(a))
      .map((a) =>
        limit(async () => {
          const files = byFamily.get(a)!;
          const cached = options.full ? undefined : await cache.get(a.family, files);
          if (cached) {
            log(`${a.labelJa}: 前回から変わっていないため、読み込み結果を再利用しました`, `${a.family}: unchanged since the last run; its reading reused`);
            return cached;
          }
          const result = await readFamily(a, files, catalog, sourceConfigs.byFamily.get(a.family), {
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
            xlsxLimits: xlsxLimitsOf(contracts),
          });
          if (!options.dryRun) await cache.put(a.family, files, result);
          return result;
        }),
      ),
  );
  const gaps: Gap[] = [];
  const statuses: StatusReading[] = [];
  for (const r of results) {
    observations.push(...r.observations);
    issues.push(...r.issues);
    gaps.push(...(r.gaps ?? []));
    statuses.push(...(r.statuses ?? []));
  }
  log(
    `受信箱のファイル ${inputs.length} 件から ${observations.length} 件の値を読み込みました`,
    `${observations.length} values read from ${inputs.length} inbox files`,
  );

  const checked = evaluateContracts({
    catalog,
    entries: contracts.entries,
    observations,
    facts: mergeFacts(results),
    surveyWaves: surveyWavesOf(results),
    asOf,
  });
  issues.push(...checked.issues);
  const resolved = resolveObservations(checked.observations, [...checked.gaps, ...gaps]);
  issues.push(...resolved.issues);
  const years = fiscalYearsToReport(catalog, resolved.index.fiscalYears);
  const values = buildIndicatorValues(catalog, resolved.index, years, runId);
  const progress = buildActionPlanProgress(catalog, resolved.index, runId);
  const composite = computeComposite(catalog, values.rows, runId);
  const indicatorProgressTable = buildIndicatorProgress(catalog, resolved.index, statuses, runId);
  issues.push(...values.issues, ...progress.issues, ...composite.issues, ...indicatorProgressTable.issues);

  const issueRows: IssueRow[] = issues.map((i, n) => ({
    seq: n + 1,
    code: i.code,
    severity: i.severity,
    file: i.location.file === undefined ? null : configRelative(catalog.dir, i.location.file),
    sheet: i.location.sheet ?? null,
    row: i.location.row ?? null,
    column: i.location.column ?? null,
    path: i.location.path ?? null,
    raw: i.raw ?? null,
    message: i.message,
    run_id: runId,
  }));
  const observationRows = buildObservationRows(observations, resolved.index, runId, checked.withheld);
  // Every published dataset of the run, in the order files, store and PostgreSQL receive them, in the plan's words.
  const tables: PublishedTable[] = (
    [
      { spec: indicatorValues, rows: values.rows },
      { spec: actionPlanProgress, rows: progress.rows },
      // Only a plan with a progress table (progress.yaml) publishes one.
      ...(catalog.progress ? [{ spec: indicatorProgress, rows: indicatorProgressTable.rows }] : []),
      { spec: compositeIndex, rows: composite.index },
      { spec: compositeComponents, rows: composite.components },
      { spec: observationsDataset, rows: observationRows },
      ...adapterTables(results, runId),
      { spec: issuesDataset, rows: issueRows },
    ] satisfies PublishedTable[]
  ).map((t) => ({ ...t, spec: withPlanWords(t.spec, catalog.plan) }));

  const finishedAt = now();
  const folder = (await existingRunFolder(options.outDir, runId)) ?? `${compactTime(startedAt)}-${runId}`;
  const manifest = {
    run_id: runId,
    folder,
    plan_id: catalog.plan.id,
    dataset_version: DATASET_VERSION,
    code_version: await codeVersion(),
    started_at: startedAt.toISOString(),
    finished_at: finishedAt.toISOString(),
    config_dir: catalog.dir,
    config_files: configCopies.map((c) => ({ file: path.relative(catalog.dir, c.file), sha256: sha256(c.bytes) })),
    inputs: inputs.map((f) => ({ file: f.name, sha256: f.sha256, bytes: f.size })),
    fiscal_years: years,
    as_of: asOf.yearMonth,
    // Kept in the inbox and the archive, never deleted: what to look at in issues.csv.
    files_with_errors: [...new Set(issues.filter((i) => i.severity === 'error' && i.location.file).map((i) => i.location.file!))].sort(),
    counts: {
      observations: observations.length,
      ...Object.fromEntries(tables.map((t) => [t.spec.name, t.rows.length])),
      issues_by_severity: countBySeverity(issues),
    },
  };

  // The first run has nothing to compare with: no change list rather than every value listed as new.
  const changes = previous === undefined ? [] : diffIndicatorValues(await previousIndicatorValues(options.outDir), values.rows);
  if (options.dryRun) {
    return {
      status: 'dry-run',
      runId,
      folder: '',
      issues,
      counts: { inputs: inputs.length, observations: observations.length, indicatorValues: values.rows.length, actionPlanRows: progress.rows.length },
      store: 'skipped',
      changes,
      previousRunId: previous ?? null,
      postgres: { result: 'skipped' },
      repaired,
      cleaned: [],
    };
  }

  const staged = await stageRunFolder(options.outDir, folder);
  await restrictPath(path.join(options.outDir, 'runs'), access);
  let store: RunResult['store'] = 'skipped';
  try {
    await writeDatasetFiles(staged.dir, catalog.plan.id, runId, tables, pipeline.outputs);
    if (pipeline.outputs.committeeWorkbook) {
      await writeFile(
        path.join(staged.dir, 'committee_report.xlsx'),
        await writeCommitteeWorkbook(catalog, {
          indicatorValues: values.rows,
          actionPlanProgress: progress.rows,
          indicatorProgress: indicatorProgressTable.rows,
          composite: composite.index,
          fiscalYear: reportFiscalYear(catalog, years),
        }),
      );
    }
    await writeFile(path.join(staged.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (pipeline.outputs.site) {
      // Loaded only when wanted: the chart library is most of the site's cost.
      const [{ buildSite }, { writeSite }] = await Promise.all([import('../outputs/site/build-site.ts'), import('../outputs/site/write-site.ts')]);
      const site = buildSite(catalog, {
        runId,
        fiscalYear: reportFiscalYear(catalog, years),
        indicatorValues: values.rows,
        actionPlanProgress: progress.rows,
        compositeIndex: composite.index,
        observations: observationRows,
        issues: issueRows,
        tables,
        formats: pipeline.outputs,
        otherFiles: ['manifest.json', ...(pipeline.outputs.committeeWorkbook ? ['committee_report.xlsx'] : [])],
      });
      await writeSite(path.join(staged.dir, 'site'), site);
    }
    await restrictTree(staged.dir, access);
  } catch (e) {
    await staged.discard();
    throw e;
  }
  faultPoint('after-staging-write');
  const finalDir = await staged.activate();
  faultPoint('after-switch');
  log(`出力しました: ${finalDir}`, `Written: ${finalDir}`);
  await restrictTree(path.join(options.outDir, 'cache'), access);
  // The store follows the switch: a crash in between leaves it behind `latest`, and the next run fills it.
  if (options.storePath) {
    store = await publishToStore(
      options.storePath,
      {
        runId,
        folder: path.basename(finalDir),
        startedAt: manifest.started_at,
        finishedAt: manifest.finished_at,
        status: 'succeeded',
        manifestJson: JSON.stringify(manifest),
      },
      tables,
    );
  }
  let postgres: RunResult['postgres'] = { result: 'skipped' };
  if (reconciliation?.postgres.result === 'failed') postgres = reconciliation.postgres;
  else if (options.publish) {
    try {
      const result = await publishToPostgres(
        options.publish,
        { runId, folder: path.basename(finalDir), startedAt: manifest.started_at, finishedAt: manifest.finished_at, manifestJson: JSON.stringify(manifest) },
        tables,
      );
      postgres = { result };
    } catch (e) {
      postgres = { result: 'failed', error: redactSecrets((e as Error).message, options.publish.connectionString) };
    }
  }
  return {
    status: 'published',
    runId,
    folder: finalDir,
    issues,
    counts: { inputs: inputs.length, observations: observations.length, indicatorValues: values.rows.length, actionPlanRows: progress.rows.length },
    store,
    changes,
    previousRunId: previous ?? null,
    postgres,
    repaired,
    cleaned: reconciliation?.cleaned ?? [],
  };
}

function postgresAfterReconciliation(reconciliation: Reconciliation | null): RunResult['postgres'] {
  const state = reconciliation?.postgres;
  if (!state) return { result: 'skipped' };
  if (state.result === 'failed') return state;
  return { result: state.result === 'unrepairable' ? 'skipped' : state.result };
}

function repairedRuns(reconciliation: Reconciliation | null): RunResult['repaired'] {
  const latest = reconciliation?.latestRunId ?? null;
  return {
    store: reconciliation?.store === 'repaired' ? latest : null,
    postgres: reconciliation?.postgres.result === 'repaired' ? latest : null,
  };
}

function adapterFor(file: InboxFile): SourceAdapter | undefined {
  const folder = file.name.split('/')[0] ?? '';
  return sourceAdapters.find((a) => a.family === folder && a.extensions.includes(path.extname(file.name).toLowerCase()));
}

function symlinkIssue(name: string): Issue {
  return issue(
    'inbox-symlink',
    'warning',
    'シンボリックリンクは読みません（受信箱の外のファイルを読まないため）。リンク先のファイルそのものを受信箱に複製して置いてください',
    { file: name },
  );
}

function unknownFileIssue(file: InboxFile): Issue {
  const known = sourceAdapters.map((a) => `${a.family}/（${a.extensions.join('・')}）`).join('、');
  return issue('inbox-unknown-file', 'warning', `このファイルを読むアダプタがありません。受信箱の決まったフォルダに置いてください: ${known}`, {
    file: file.name,
  });
}

async function readFamily(adapter: SourceAdapter, files: InboxFile[], catalog: Catalog, config: unknown, context: ReadContext): Promise<SourceResult> {
  try {
    return await adapter.read(files, catalog, config, context);
  } catch (e) {
    // A file rewritten during the run stops it: the run id and the archive name the content first hashed.
    if (e instanceof InboxFileChangedError) throw e;
    // An adapter bug, or a file too big to hold whole, must not take the other sources down with it.
    const tooLarge = e instanceof InboxFileTooLargeError ? e : undefined;
    return {
      observations: [],
      issues: files.map((f) =>
        f.name === tooLarge?.file
          ? issue('inbox-file-too-large', 'error', tooLarge.message, { file: f.name })
          : issue(
              'source-read-failed',
              'error',
              `${adapter.labelJa}の読み込み中に予期しないエラーが起きました。このファイルは採用していません: ${(e as Error).message}`,
              { file: f.name },
            ),
      ),
    };
  }
}

async function previousIndicatorValues(outDir: string): Promise<IndicatorValueRow[]> {
  try {
    return JSON.parse(await readFile(path.join(outDir, 'latest', `${indicatorValues.name}.json`), 'utf8')) as IndicatorValueRow[];
  } catch {
    return [];
  }
}

/** The committee reports on the latest plan year with data (令和6年度 for the first report). */
function reportFiscalYear(catalog: Catalog, years: readonly number[]): number {
  const { start, end } = catalog.plan.period;
  const inPlan = years.filter((y) => y >= start && y <= end);
  return inPlan.at(-1) ?? years.at(-1) ?? start;
}

/** A config file is named from the config folder (as in manifest.config_files): the datasets must not depend on where the config lies. */
function configRelative(configDir: string, file: string): string {
  const prefix = configDir.endsWith(path.sep) ? configDir : `${configDir}${path.sep}`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

/** The run id of the run out/latest points at, if any. */
async function lastRunId(outDir: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(path.join(outDir, 'latest', 'manifest.json'), 'utf8')) as { run_id: string }).run_id;
  } catch {
    return undefined;
  }
}

/** Same config, same inputs and same dataset version give the same run id, and so byte-identical datasets. */
async function computeRunId(
  configFiles: readonly { name: string; bytes: Uint8Array }[],
  inputs: readonly InboxFile[],
  asOf: AsOf,
  symlinks: readonly string[],
): Promise<string> {
  // The month counts: the data contracts judge "not started yet" and "closed" against it.
  const hash = createHash('sha256').update(`dataset-version:${DATASET_VERSION}\ncode:${await codeVersion()}\nas-of:${asOf.yearMonth}\n`);
  for (const f of configFiles) hash.update(`config:${f.name}:${sha256(f.bytes)}\n`);
  for (const f of [...inputs].sort((a, b) => (a.name < b.name ? -1 : 1))) hash.update(`input:${f.name}:${f.sha256}\n`);
  // A link added to the inbox is a change the run must report (it is not read).
  for (const name of symlinks) hash.update(`symlink:${name}\n`);
  return hash.digest('hex').slice(0, 12);
}

/** The baseline year and every year any input speaks of, so dashboards see the whole series. */
function fiscalYearsToReport(catalog: Catalog, observed: readonly number[]): number[] {
  return [...new Set([catalog.plan.baselineFiscalYear, ...observed])].sort((a, b) => a - b);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function compactTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}
