// lei: one binary, subcommands; Japanese by default (help, usage errors, results), English with --lang en.
// `runCli` takes its arguments and output streams, so tests run it in-process; bin/lei.js passes the real ones.
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Help, Option } from 'commander';
import { ConfigError } from '../config/config-error.ts';
import { setConfigLang } from '../config/config-lang.ts';
import type { Catalog, ConfigProblem } from '../config/load-catalog.ts';
import { formatFiscalYear, parseFiscalYear } from '../lib/fiscal-year.ts';
import { countBySeverity, type Issue } from '../lib/issues.ts';
import { redactConnectionString } from '../lib/redact-connection-string.ts';
import { systemErrorMessage } from '../lib/system-error-message.ts';
import { UserError } from '../lib/user-error.ts';
import { pipelineFolders } from '../pipelines/run-config.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import type { PipelineConfig } from '../config/pipeline-schema.ts';
import { describePublishError } from './describe-publish-error.ts';
import { detectLang, messages, type Messages } from './messages.ts';
import { registerInitCommand } from './init-command.ts';
import { registerRunCommand } from './run-command.ts';
import { eventLogger, formatChange, formatTokyo, printIssues } from './run-report.ts';
import { registerReprocessCommand } from './reprocess-command.ts';
import { registerServeCommand } from './serve-command.ts';
import { planRunFolder } from './plan-run-folder.ts';
import { RUN_DEFAULTS, storeOf, withRunLocations, type RunLocations } from './run-location-options.ts';

/** 0 success; 5 success with warnings (0 with --warnings-ok); 2 some input rejected; 3 config/usage; 1 failure. */
export const EXIT = { ok: 0, failure: 1, dataErrors: 2, configError: 3, warnings: 5 } as const;
const DEFAULTS = RUN_DEFAULTS;

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** A terminal on stderr: progress bars and readable log lines instead of JSON lines. */
  tty: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  tty: Boolean(process.stderr.isTTY),
};

/** Runs one lei command line (without `node lei`); resolves with the exit code. */
export async function runCli(args: readonly string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = detectLang(args, env);
  const t = messages(lang);
  setConfigLang(lang);
  let exitCode: number = EXIT.ok;
  const print = (line: string) => io.out(`${line}\n`);
  const printErr = (line: string) => io.err(`${line}\n`);
  const setExit = (code: number) => {
    exitCode = code;
  };
  /** A pipeline's progress line in the user's language. */
  const inLang = (ja: string, en: string | undefined) => (lang === 'en' ? (en ?? ja) : ja);

  const program = new Command('lei')
    .description(t.programDescription)
    .usage(t.usage)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(t.translateUsageError(text)) })
    .addOption(new Option('--lang <lang>', t.optLang).choices(['ja', 'en']))
    .helpOption('-h, --help', t.optHelp)
    .helpCommand('help [command]', t.helpCommand)
    .showHelpAfterError(t.helpAfterError)
    .configureHelp({ formatHelp: (cmd, helper) => t.translateHelp(Help.prototype.formatHelp.call(helper, cmd, helper)) });

  registerRunCommand(program, lang, { print, setExit, io, exitForIssues }, env);
  registerReprocessCommand(program, lang, { print, setExit, io, exitForIssues });
  registerInitCommand(program, lang, { print });
  registerServeCommand(program, lang, { print });

  program
    .command('publish')
    .description(t.cmdPublish)
    .requiredOption('--to <url>', t.optPublish, env.LEI_PUBLISH_URL)
    .option('--publish-schema <name>', t.optPublishSchema, 'lei')
    .option('--read-role <name>', t.optReadRole)
    .option('--config <dir>', t.optConfig, DEFAULTS.config)
    .option('--run <dir>', t.optPlanRunDir)
    .helpOption('-h, --help', t.optHelp)
    .action(async (opts: { to: string; publishSchema: string; readRole?: string; config: string; run?: string }) => {
      const { loadPipelineConfig } = await configLoaders();
      const readRole = opts.readRole ?? (await loadPipelineConfig(opts.config)).publish?.readRole;
      const run = await planRunFolder(opts.config, opts.run, '--run');
      try {
        const { publishRun } = await import('../pipelines/publish-run.ts');
        const { runId, result } = await publishRun(run, { connectionString: opts.to, schema: opts.publishSchema, ...(readRole ? { readRole } : {}) });
        print(t.summaryRun(runId));
        print(t.summaryPostgres(opts.publishSchema, result, ''));
      } catch (e) {
        if (e instanceof UserError) throw e;
        printErr(t.summaryPostgres(opts.publishSchema, 'failed', describePublishError(e, opts.to, t)));
        setExit(EXIT.failure);
      }
    });

  program
    .command('template')
    .description(t.cmdTemplate)
    .requiredOption('--year <year>', t.optYear)
    .option('--config <dir>', t.optConfig, DEFAULTS.config)
    .option('--inbox <dir>', t.optTemplateInbox)
    .option('--output <file>', t.optOutput)
    .option('--all', t.optAll)
    .helpOption('-h, --help', t.optHelp)
    .action(async (opts: { year: string; config: string; inbox?: string; output?: string; all?: boolean }) => {
      const fiscalYear = yearOf(t, opts.year);
      const { loadCatalog, loadPipelineConfig } = await configLoaders();
      const catalog = await loadCatalog(opts.config);
      const { adapterFedSourceKinds } = await import('../pipelines/source-families.ts');
      const { writeManualEntryTemplate } = await import('../outputs/manual-entry-template.ts');
      const measures = [...catalog.measures.values()].filter((m) => opts.all || !adapterFedSourceKinds.has(m.source.kind));
      const inbox = opts.inbox ?? (await loadPipelineConfig(opts.config)).inbox;
      const output = opts.output ?? path.join(inbox, 'manual-entry', `手入力_${formatFiscalYear(fiscalYear)}.xlsx`);
      if (opts.output === undefined && (await exists(output))) throw new UserError(t.templateExists(output));
      await mkdir(path.dirname(path.resolve(output)), { recursive: true });
      await writeFile(output, await writeManualEntryTemplate(catalog, fiscalYear, { measures }));
      print(t.templateWritten(output, measures.length));
    });

  program
    .command('generate-sample')
    .description(t.cmdSample)
    .option('--config <dir>', t.optConfig, DEFAULTS.config)
    .option('--inbox <dir>', t.optInbox, DEFAULTS.sampleInbox)
    .helpOption('-h, --help', t.optHelp)
    .action(async (opts: { config: string; inbox: string }) => {
      const files = await (await sampleGenerator())(opts.config, opts.inbox);
      const { sampleFingerprint, writeSampleStamp } = await import('../scripts/ensure-sample-inbox.ts');
      await writeSampleStamp(opts.inbox, await sampleFingerprint(opts.config));
      print(t.sampleWritten(opts.inbox, files.length));
    });

  program
    .command('check-config')
    .description(t.cmdCheck)
    .option('--config <dir>', t.optConfig, DEFAULTS.config)
    .helpOption('-h, --help', t.optHelp)
    .action(async (opts: { config: string }) => {
      // Every file's problems at once: the catalog's, then pipeline.yaml's (its own and against the catalog).
      const problems: ConfigProblem[] = [];
      const caught = <T>(e: unknown): T | undefined => {
        if (!(e instanceof ConfigError)) throw e;
        problems.push(...e.problems);
        return undefined;
      };
      const { loadCatalog, loadPipelineConfig } = await configLoaders();
      const catalog = await loadCatalog(opts.config).catch(caught<Catalog>);
      const pipeline = await loadPipelineConfig(opts.config).catch(caught<PipelineConfig>);
      const { checkPipeline } = await import('../config/check-pipeline.ts');
      if (catalog && pipeline) problems.push(...checkPipeline(catalog, pipeline));
      if (!catalog || problems.length > 0) throw new ConfigError(problems);
      await (await import('../pipelines/source-families.ts')).configureFamilies(catalog.dir, catalog);
      await (await import('../config/load-contracts.ts')).loadContracts(catalog);
      const progress = catalog.progress && { table: catalog.plan.terms.progressTable, indicators: catalog.progress.indicators.length };
      print(t.configOk(catalog.measures.size, catalog.slots.length, catalog.lines.length, catalog.plan.terms.actionPlan, progress));
    });

  program
    .command('schedule')
    .description(t.cmdSchedule)
    .option('--config <dir>', t.optConfig, DEFAULTS.config)
    .option('--json', t.optJsonLogs)
    .helpOption('-h, --help', t.optHelp)
    .action(async (opts: { config: string; json?: boolean }) => {
      const pipeline = await (await configLoaders()).loadPipelineConfig(opts.config);
      const emit = eventLogger(io, Boolean(opts.json) || !io.tty);
      const { startScheduler } = await import('../pipelines/scheduler.ts');
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
        (m, en) => emit('log', { message: inLang(m, en) }, inLang(m, en)),
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
    .option('--warnings-ok', t.optWarningsOk)
    .helpOption('-h, --help', t.optHelp)
    .action(async (opts: RunLocations & { from: string; to: string; dryRun?: boolean; warningsOk?: boolean }) => {
      const [from, to] = [yearOf(t, opts.from), yearOf(t, opts.to)];
      if (from > to) throw new UserError(t.backfillReversed(formatFiscalYear(from), formatFiscalYear(to)));
      const emit = eventLogger(io, !io.tty);
      // Every input is re-read (no family cache): a backfill exists because older files were added or corrected.
      const result = await runPipeline({
        configDir: opts.config,
        inboxDir: opts.inbox,
        outDir: opts.out,
        storePath: storeOf(opts),
        full: true,
        dryRun: Boolean(opts.dryRun),
        trigger: 'reprocess',
        log: (m, en) => emit('log', { message: inLang(m, en) }, inLang(m, en)),
      });
      const inRange = result.changes.filter((c) => c.fiscal_year >= from && c.fiscal_year <= to);
      print(t.backfillTitle(formatFiscalYear(from), formatFiscalYear(to), inRange.length, Boolean(opts.dryRun)));
      for (const c of inRange) print(`  ${formatChange(t, c)}`);
      const counts = countBySeverity(result.issues);
      print(
        opts.dryRun
          ? t.summaryIssuesNotWritten(counts.error, counts.warning, counts.info)
          : t.summaryIssues(counts.error, counts.warning, counts.info, path.join(result.folder, 'issues.csv')),
      );
      printIssues(t, print, result.issues);
      setExit(exitForIssues(result.issues, Boolean(opts.warningsOk)));
    });

  program
    .command('explain <target>')
    .description(t.cmdExplain)
    .requiredOption('--year <year>', t.optYear)
    .option('--run <dir>', t.optPlanRunDir)
    .option('--config <dir>', t.optConfig, DEFAULTS.config)
    .option('--json', t.optJson)
    .helpOption('-h, --help', t.optHelp)
    .action(async (target: string, opts: { year: string; run?: string; config: string; json?: boolean }) => {
      const fiscalYear = yearOf(t, opts.year);
      const { explainValue, formatExplanation } = await import('../pipelines/explain-value.ts');
      const { planWords } = await import('./plan-words.ts');
      const explanation = await explainValue(await planRunFolder(opts.config, opts.run, '--run'), target, fiscalYear);
      print(opts.json ? JSON.stringify(explanation) : formatExplanation(explanation, await planWords(opts.config), lang));
    });

  program
    .command('reproduce')
    .description(t.cmdReproduce)
    .requiredOption('--run <dir>', t.optRunDir)
    .requiredOption('--into <dir>', t.optInto)
    .option('--archive <dir>', t.optArchive)
    .option('--config <dir>', t.optConfig, DEFAULTS.config)
    .helpOption('-h, --help', t.optHelp)
    .action(async (opts: { run: string; into: string; archive?: string; config: string }) => {
      const { reproduceRun } = await import('../pipelines/reproduce-run.ts');
      // The archive lies beside the plan's runs: <pipeline.yaml out>/archive, as lei run writes it.
      const archive = opts.archive ?? path.join((await pipelineFolders(opts.config)).out, 'archive');
      const { original, result } = await reproduceRun(opts.run, archive, opts.into);
      print(original === result.runId ? t.reproduced(original, result.folder) : t.reproducedDifferent(original, result.runId, result.folder));
    });

  program
    .command('status')
    .description(t.cmdStatus)
    .option('--config <dir>', t.optConfig, DEFAULTS.config)
    .option('--out <dir>', t.optStatusOut)
    .option('--store <file>', t.optStore)
    .option('--json', t.optJson)
    .helpOption('-h, --help', t.optHelp)
    .action(async (opts: { config: string; out?: string; store?: string; json?: boolean }) => {
      const { readStatus } = await import('../pipelines/read-status.ts');
      const report = await readStatus(opts.config, undefined, { ...(opts.out ? { out: opts.out } : {}), ...(opts.store ? { store: opts.store } : {}) });
      if (opts.json) {
        print(JSON.stringify(report));
        return;
      }
      print(t.statusRuns);
      for (const r of report.recentRuns)
        print(`  ${formatTokyo(new Date(r.startedAt))}  ${r.trigger.padEnd(9)} ${r.status.padEnd(10)} ${r.runId ?? ''} ${r.error ?? ''}`);
      if (report.recentRuns.length === 0) print(`  ${t.statusNoRuns}`);
      print(t.statusSchedules);
      for (const s of report.schedules)
        print(`  ${s.id.padEnd(10)} ${s.cron.padEnd(14)} ${t.statusNext} ${formatTokyo(s.next ? new Date(s.next) : null)}  ${s.descriptionJa ?? ''}`);
      print(report.lock ? t.statusLocked(report.lock.purpose, report.lock.pid, report.lock.since) : t.statusIdle);
      for (const w of lang === 'en' ? report.staleEn : report.stale) print(`  ⚠ ${w}`);
    });

  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every other parse error is a usage error (already printed, in the user's language).
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.configError;
    }
    if (e instanceof ConfigError) {
      printErr(t.configErrors(e.problems));
      return EXIT.configError;
    }
    if (e instanceof UserError) {
      printErr(redactConnectionString(lang === 'en' ? (e.messageEn ?? e.message) : e.message));
      return EXIT.configError;
    }
    const systemMessage = systemErrorMessage(e);
    if (systemMessage) {
      printErr(systemMessage);
      return EXIT.failure;
    }
    // Connection strings are redacted even here: a password never reaches a terminal or a log.
    printErr(t.failed);
    printErr(redactConnectionString(e instanceof Error ? (e.stack ?? e.message) : String(e)));
    return EXIT.failure;
  }
  return exitCode;
}

/** What the commands that run the pipeline share with the reprocess command. */
export interface CommandContext {
  print(line: string): void;
  setExit(code: number): void;
  io: CliIo;
  exitForIssues(issues: readonly Issue[], warningsOk: boolean): number;
}

/** The exit code of a run with these issues: 2 when an input was rejected, 5 with warnings (unless --warnings-ok). */
function exitForIssues(issues: readonly Issue[], warningsOk: boolean): number {
  const counts = countBySeverity(issues);
  return counts.error > 0 ? EXIT.dataErrors : counts.warning > 0 && !warningsOk ? EXIT.warnings : EXIT.ok;
}

function yearOf(t: Messages, text: string): number {
  const fiscalYear = parseFiscalYear(text);
  if (fiscalYear === null) throw new UserError(t.badYear(text));
  return fiscalYear;
}

/** The config loaders (YAML, zod and the schemas) load with the first command that reads a config in full. */
async function configLoaders() {
  const [{ loadCatalog }, { loadPipelineConfig }] = await Promise.all([import('../config/load-catalog.ts'), import('../config/load-pipeline-config.ts')]);
  return { loadCatalog, loadPipelineConfig };
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
