// lei: one binary, subcommands; Japanese help by default, English with --lang en.
import { mkdir, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { Command, Help, Option } from 'commander';
import { z } from 'zod';
import { ConfigError, loadCatalog } from '../config/load-catalog.ts';
import { formatFiscalYear, parseFiscalYear } from '../lib/fiscal-year.ts';
import { countBySeverity, formatLocation } from '../lib/issues.ts';
import { UserError } from '../lib/user-error.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { adapterFedSourceKinds, loadSourceConfigs, sourceAdapters } from '../pipelines/source-adapters.ts';
import { explainValue, formatExplanation } from '../pipelines/explain-value.ts';
import { publishRun } from '../pipelines/publish-run.ts';
import { reproduceRun } from '../pipelines/reproduce-run.ts';
import { runPipeline, type ValueChange } from '../pipelines/run-pipeline.ts';
import { readStatus } from '../pipelines/read-status.ts';
import { startScheduler } from '../pipelines/scheduler.ts';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import { detectLang, messages } from './messages.ts';
import { progressBar } from './progress-bar.ts';
import { registerInitCommand } from './init-command.ts';
import { registerReprocessCommand } from './reprocess-command.ts';
import { RUN_DEFAULTS, withRunLocations, type RunLocations } from './run-location-options.ts';

const lang = detectLang(process.argv, process.env);
const t = messages(lang);
z.config(lang === 'en' ? z.locales.en() : z.locales.ja());

/** 0 success; 5 success with warnings (0 with --warnings-ok); 2 some input rejected; 3 config/usage; 1 failure. */
export const EXIT = { ok: 0, failure: 1, dataErrors: 2, configError: 3, warnings: 5 } as const;
const DEFAULTS = RUN_DEFAULTS;

const program = new Command('lei')
  .description(t.programDescription)
  .usage(t.usage)
  .addOption(new Option('--lang <lang>', t.optLang).choices(['ja', 'en']))
  .helpOption('-h, --help', t.optHelp)
  .helpCommand('help [command]', t.helpCommand)
  .showHelpAfterError()
  .configureHelp({ formatHelp: (cmd, helper) => t.translateHelp(Help.prototype.formatHelp.call(helper, cmd, helper)) });

withRunLocations(program.command('run').description(t.cmdRun), t)
  .option('--sample', t.optSample)
  .option('--full', t.optFull)
  .option('--dry-run', t.optDryRun)
  .option('--warnings-ok', t.optWarningsOk)
  .option('--publish <url>', t.optPublish, process.env.LEI_PUBLISH_URL)
  .option('--publish-schema <name>', t.optPublishSchema, 'lei')
  .option('--json', t.optJson)
  .helpOption('-h, --help', t.optHelp)
  .action(async (opts: RunOpts) => {
    const emit = eventLogger(Boolean(opts.json) || !process.stderr.isTTY);
    const progress = process.stderr.isTTY && !opts.json ? progressBar() : undefined;
    let inbox = opts.inbox;
    if (opts.sample) {
      inbox = DEFAULTS.sampleInbox;
      if (!(await exists(inbox))) await (await sampleGenerator())(opts.config, inbox);
    }
    const result = await runPipeline({
      configDir: opts.config,
      inboxDir: inbox,
      outDir: opts.out,
      storePath: opts.store === false ? null : opts.store,
      ...(opts.publish ? { publish: { connectionString: opts.publish, schema: opts.publishSchema } } : {}),
      full: Boolean(opts.full),
      dryRun: Boolean(opts.dryRun),
      log: (m) => {
        progress?.stop();
        emit('log', { message: m }, m);
      },
      ...(progress ? { onProgress: progress.update } : {}),
    }).finally(() => progress?.stop());
    const counts = countBySeverity(result.issues);
    if (opts.json) {
      console.log(
        JSON.stringify({
          status: result.status,
          runId: result.runId,
          folder: result.folder,
          counts: result.counts,
          issues: counts,
          changes: result.changes,
          store: result.store,
          postgres: result.postgres,
        }),
      );
    } else if (result.status === 'unchanged') {
      console.log(t.summaryUnchanged(result.runId, result.folder));
    } else if (result.status === 'dry-run') {
      console.log(result.previousRunId === null ? t.summaryFirstRun : t.dryRunTitle(result.changes.length));
      for (const c of result.changes) console.log(`  ${formatChange(c)}`);
      console.log(t.summaryIssues(counts.error, counts.warning, counts.info));
    } else {
      console.log(t.summaryTitle);
      console.log(t.summaryRun(result.runId));
      console.log(t.summaryCounts(result.counts.inputs, result.counts.observations, result.counts.indicatorValues, result.counts.actionPlanRows));
      console.log(t.summaryIssues(counts.error, counts.warning, counts.info));
      console.log(result.previousRunId === null ? t.summaryFirstRun : t.summaryChanges(result.changes.length, result.previousRunId));
      for (const c of result.changes.slice(0, 10)) console.log(`  ${formatChange(c)}`);
      if (result.changes.length > 10) console.log(`  ${t.moreIssues(result.changes.length - 10)}`);
      const shown = result.issues.filter((i) => i.severity !== 'info').slice(0, 10);
      for (const i of shown) console.log(`  [${i.severity}] ${i.code} ${formatLocation(i.location)}: ${i.message}`);
      const rest = result.issues.filter((i) => i.severity !== 'info').length - shown.length;
      if (rest > 0) console.log(`  ${t.moreIssues(rest)}`);
      console.log(t.summaryOut(result.folder));
      console.log(t.summaryStore(`${opts.store === false ? '' : `${opts.store} `}${t.storeStates[result.store]}`));
      if (result.postgres.result !== 'skipped') console.log(t.summaryPostgres(opts.publishSchema, result.postgres.result, 'error' in result.postgres ? result.postgres.error : ''));
    }
    process.exitCode =
      result.postgres.result === 'failed'
        ? EXIT.failure
        : counts.error > 0
          ? EXIT.dataErrors
          : counts.warning > 0 && !opts.warningsOk
            ? EXIT.warnings
            : EXIT.ok;
  });

registerReprocessCommand(program, lang);
registerInitCommand(program, lang);

program
  .command('publish')
  .description(t.cmdPublish)
  .requiredOption('--to <url>', t.optPublish, process.env.LEI_PUBLISH_URL)
  .option('--publish-schema <name>', t.optPublishSchema, 'lei')
  .option('--run <dir>', t.optRunDir, 'out/latest')
  .helpOption('-h, --help', t.optHelp)
  .action(async (opts: { to: string; publishSchema: string; run: string }) => {
    const { runId, result } = await publishRun(opts.run, { connectionString: opts.to, schema: opts.publishSchema });
    console.log(t.summaryRun(runId));
    console.log(t.summaryPostgres(opts.publishSchema, result, ''));
  });

program
  .command('template')
  .description(t.cmdTemplate)
  .requiredOption('--year <year>', t.optYear)
  .option('--config <dir>', t.optConfig, DEFAULTS.config)
  .option('--output <file>', t.optOutput)
  .option('--all', t.optAll)
  .helpOption('-h, --help', t.optHelp)
  .action(async (opts: { year: string; config: string; output?: string; all?: boolean }) => {
    const fiscalYear = parseFiscalYear(opts.year);
    if (fiscalYear === null) {
      console.error(t.badYear(opts.year));
      process.exitCode = EXIT.failure;
      return;
    }
    const catalog = await loadCatalog(opts.config);
    const measures = [...catalog.measures.values()].filter((m) => opts.all || !adapterFedSourceKinds.has(m.source.kind));
    const output = opts.output ?? `手入力_${formatFiscalYear(fiscalYear)}.xlsx`;
    await mkdir(path.dirname(path.resolve(output)), { recursive: true });
    await writeFile(output, await writeManualEntryTemplate(catalog, fiscalYear, { measures }));
    console.log(t.templateWritten(output, measures.length));
  });

program
  .command('generate-sample')
  .description(t.cmdSample)
  .option('--config <dir>', t.optConfig, DEFAULTS.config)
  .option('--inbox <dir>', t.optInbox, DEFAULTS.sampleInbox)
  .helpOption('-h, --help', t.optHelp)
  .action(async (opts: { config: string; inbox: string }) => {
    const files = await (await sampleGenerator())(opts.config, opts.inbox);
    console.log(t.sampleWritten(opts.inbox, files.length));
  });

program
  .command('check-config')
  .description(t.cmdCheck)
  .option('--config <dir>', t.optConfig, DEFAULTS.config)
  .helpOption('-h, --help', t.optHelp)
  .action(async (opts: { config: string }) => {
    const catalog = await loadCatalog(opts.config);
    await loadSourceConfigs(catalog.dir, sourceAdapters, catalog);
    console.log(t.configOk(catalog.measures.size, catalog.slots.length, catalog.lines.length));
  });

program
  .command('schedule')
  .description(t.cmdSchedule)
  .option('--config <dir>', t.optConfig, DEFAULTS.config)
  .option('--json', t.optJsonLogs)
  .helpOption('-h, --help', t.optHelp)
  .action(async (opts: { config: string; json?: boolean }) => {
    const pipeline = await loadPipelineConfig(opts.config);
    const emit = eventLogger(Boolean(opts.json) || !process.stderr.isTTY);
    const scheduler = startScheduler(
      opts.config,
      pipeline,
      {
        started: (id) => emit('job-started', { schedule: id }, t.jobStarted(id)),
        finished: (id, r) =>
          emit('job-finished', { schedule: id, status: r.status, runId: r.runId, issues: countBySeverity(r.issues) }, t.jobFinished(id, r.status, r.runId)),
        skipped: (id, reason) => emit('job-skipped', { schedule: id, reason }, t.jobSkipped(id, reason)),
        failed: (id, e) => emit('job-failed', { schedule: id, error: e.message }, t.jobFailed(id, e.message)),
      },
      (m) => emit('log', { message: m }, m),
    );
    for (const { id, next } of scheduler.nextRuns()) emit('scheduled', { schedule: id, next: next?.toISOString() ?? null }, t.nextRun(id, formatTokyo(next)));
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) process.exit(130); // a second signal: stop now
      stopping = true;
      emit('stopping', { signal }, t.stopping);
      await scheduler.stop();
      emit('stopped', {}, t.stopped);
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  });

withRunLocations(program.command('backfill').description(t.cmdBackfill), t)
  .requiredOption('--from <year>', t.optFromYear)
  .requiredOption('--to <year>', t.optToYear)
  .option('--dry-run', t.optDryRun)
  .helpOption('-h, --help', t.optHelp)
  .action(async (opts: RunLocations & { from: string; to: string; dryRun?: boolean }) => {
    const [from, to] = [parseFiscalYear(opts.from), parseFiscalYear(opts.to)];
    if (from === null) throw new UserError(t.badYear(opts.from));
    if (to === null) throw new UserError(t.badYear(opts.to));
    const emit = eventLogger(!process.stderr.isTTY);
    // Every input is re-read (no family cache): a backfill exists because older files were added or corrected.
    const result = await runPipeline({
      configDir: opts.config,
      inboxDir: opts.inbox,
      outDir: opts.out,
      storePath: opts.store === false ? null : opts.store,
      full: true,
      dryRun: Boolean(opts.dryRun),
      trigger: 'reprocess',
      log: (m) => emit('log', { message: m }, m),
    });
    const inRange = result.changes.filter((c) => c.fiscal_year >= from && c.fiscal_year <= to);
    console.log(t.backfillTitle(formatFiscalYear(from), formatFiscalYear(to), inRange.length, Boolean(opts.dryRun)));
    for (const c of inRange) console.log(`  ${formatChange(c)}`);
    const counts = countBySeverity(result.issues);
    console.log(t.summaryIssues(counts.error, counts.warning, counts.info));
    process.exitCode = counts.error > 0 ? EXIT.dataErrors : EXIT.ok;
  });

program
  .command('explain <target>')
  .description(t.cmdExplain)
  .requiredOption('--year <year>', t.optYear)
  .option('--run <dir>', t.optRunDir, 'out/latest')
  .option('--json', t.optJson)
  .helpOption('-h, --help', t.optHelp)
  .action(async (target: string, opts: { year: string; run: string; json?: boolean }) => {
    const fiscalYear = parseFiscalYear(opts.year);
    if (fiscalYear === null) throw new UserError(t.badYear(opts.year));
    const explanation = await explainValue(opts.run, target, fiscalYear);
    console.log(opts.json ? JSON.stringify(explanation) : formatExplanation(explanation));
  });

program
  .command('reproduce')
  .description(t.cmdReproduce)
  .requiredOption('--run <dir>', t.optRunDir)
  .requiredOption('--into <dir>', t.optInto)
  .option('--archive <dir>', t.optArchive, 'out/archive')
  .helpOption('-h, --help', t.optHelp)
  .action(async (opts: { run: string; into: string; archive: string }) => {
    const { original, result } = await reproduceRun(opts.run, opts.archive, opts.into);
    console.log(original === result.runId ? t.reproduced(original, result.folder) : t.reproducedDifferent(original, result.runId, result.folder));
  });

program
  .command('status')
  .description(t.cmdStatus)
  .option('--config <dir>', t.optConfig, DEFAULTS.config)
  .option('--json', t.optJson)
  .helpOption('-h, --help', t.optHelp)
  .action(async (opts: { config: string; json?: boolean }) => {
    const report = await readStatus(opts.config);
    if (opts.json) {
      console.log(JSON.stringify(report));
      return;
    }
    console.log(t.statusRuns);
    for (const r of report.recentRuns) console.log(`  ${formatTokyo(new Date(r.startedAt))}  ${r.trigger.padEnd(9)} ${r.status.padEnd(10)} ${r.runId ?? ''} ${r.error ?? ''}`);
    if (report.recentRuns.length === 0) console.log(`  ${t.statusNoRuns}`);
    console.log(t.statusSchedules);
    for (const s of report.schedules) console.log(`  ${s.id.padEnd(10)} ${s.cron.padEnd(14)} ${t.statusNext} ${formatTokyo(s.next ? new Date(s.next) : null)}  ${s.descriptionJa ?? ''}`);
    console.log(report.lock ? t.statusLocked(report.lock.purpose, report.lock.pid, report.lock.since) : t.statusIdle);
    for (const w of report.stale) console.log(`  ⚠ ${w}`);
  });

interface RunOpts extends RunLocations {
  sample?: boolean;
  publish?: string;
  publishSchema: string;
  full?: boolean;
  dryRun?: boolean;
  warningsOk?: boolean;
  json?: boolean;
}

function formatChange(c: ValueChange): string {
  const v = (x: number | null) => (x === null ? '—' : String(x));
  return `${c.slot_id} ${formatFiscalYear(c.fiscal_year)} ${c.name_ja}: 値 ${v(c.old_value)} → ${v(c.new_value)}、指数 ${v(c.old_index)} → ${v(c.new_index)}`;
}

/** Structured JSON lines when not on a terminal (or --json); readable Japanese lines otherwise. */
function eventLogger(json: boolean) {
  return (event: string, fields: Record<string, unknown>, text: string) => {
    if (json) process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
    else process.stderr.write(`[${formatTokyo(new Date())}] ${text}\n`);
  };
}

function formatTokyo(d: Date | null): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'medium' }).format(d);
}

/** The sample generator pulls in exceljs and the fixture writers: loaded only when a sample is made. */
async function sampleGenerator() {
  return (await import('../scripts/generate-sample-inbox.ts')).generateSampleInbox;
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof ConfigError || e instanceof UserError) {
    console.error(e.message);
    process.exitCode = EXIT.configError;
  } else {
    console.error(t.failed);
    console.error(e);
    process.exitCode = EXIT.failure;
  }
}
