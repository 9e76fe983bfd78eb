// `lei run`: one run of the pipeline over the inbox, its summary printed (or one JSON object with --json), the exit
// code from the issues found.
import path from 'node:path';
import type { Command } from 'commander';
import { countBySeverity } from '../lib/issues.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { describePublishError } from './describe-publish-error.ts';
import { EXIT, type CommandContext } from './main.ts';
import { messages, type Lang } from './messages.ts';
import { eventLogger, formatChange, printIssues, printRepairs } from './run-report.ts';
import { RUN_DEFAULTS as DEFAULTS, storeOf, withRunLocations, type RunLocations } from './run-location-options.ts';

export function registerRunCommand(program: Command, lang: Lang, context: CommandContext, env: NodeJS.ProcessEnv): void {
  const t = messages(lang);
  const { print, setExit, io, exitForIssues } = context;
  /** A pipeline's progress line in the user's language. */
  const inLang = (ja: string, en: string | undefined) => (lang === 'en' ? (en ?? ja) : ja);
  withRunLocations(program.command('run').description(t.cmdRun), t)
    .option('--sample', t.optSample)
    .option('--full', t.optFull)
    .option('--dry-run', t.optDryRun)
    .option('--warnings-ok', t.optWarningsOk)
    .option('--publish <url>', t.optPublish, env.LEI_PUBLISH_URL)
    .option('--publish-schema <name>', t.optPublishSchema, 'lei')
    .option('--read-role <name>', t.optReadRole)
    .option('--json', t.optJson)
    .helpOption('-h, --help', t.optHelp)
    .action(async (opts: RunOpts) => {
      const emit = eventLogger(io, Boolean(opts.json) || !io.tty);
      const progress = io.tty && !opts.json ? (await import('./progress-bar.ts')).progressBar() : undefined;
      let inbox = opts.inbox;
      if (opts.sample) {
        inbox = DEFAULTS.sampleInbox;
        await (await import('../scripts/ensure-sample-inbox.ts')).ensureSampleInbox(opts.config, inbox);
      }
      const store = storeOf(opts);
      const result = await runPipeline({
        configDir: opts.config,
        inboxDir: inbox,
        outDir: opts.out,
        storePath: store,
        ...(opts.publish
          ? { publish: { connectionString: opts.publish, schema: opts.publishSchema, ...(opts.readRole ? { readRole: opts.readRole } : {}) } }
          : {}),
        full: Boolean(opts.full),
        dryRun: Boolean(opts.dryRun),
        log: (m, en) => {
          progress?.stop();
          emit('log', { message: inLang(m, en) }, inLang(m, en));
        },
        ...(progress ? { onProgress: progress.update } : {}),
      }).finally(() => progress?.stop());
      const counts = countBySeverity(result.issues);
      if (opts.json) {
        print(
          JSON.stringify({
            status: result.status,
            runId: result.runId,
            folder: result.folder,
            counts: result.counts,
            issues: counts,
            changes: result.changes,
            store: result.store,
            postgres: result.postgres,
            repaired: result.repaired,
          }),
        );
      } else if (result.status === 'unchanged') {
        print(t.summaryUnchanged(result.runId, result.folder));
        printRepairs(t, print, result, opts.publishSchema);
        if (result.postgres.result !== 'skipped' && result.postgres.result !== 'repaired') {
          const error = 'error' in result.postgres ? describePublishError(result.postgres.error, opts.publish ?? '', t) : '';
          print(t.summaryPostgres(opts.publishSchema, result.postgres.result, error));
        }
      } else if (result.status === 'dry-run') {
        print(result.previousRunId === null ? t.summaryFirstRun : t.dryRunTitle(result.changes.length));
        for (const c of result.changes) print(`  ${formatChange(t, c)}`);
        print(t.summaryIssuesNotWritten(counts.error, counts.warning, counts.info));
        printIssues(t, print, result.issues);
      } else {
        print(t.summaryTitle);
        printRepairs(t, print, result, opts.publishSchema);
        print(t.summaryRun(result.runId));
        const { summaryTables } = await import('./plan-words.ts');
        const tables = await summaryTables(opts.config, result.folder, result.counts.actionPlanRows);
        print(t.summaryCounts(result.counts.inputs, result.counts.observations, result.counts.indicatorValues, tables));
        print(t.summaryIssues(counts.error, counts.warning, counts.info, path.join(result.folder, 'issues.csv')));
        print(result.previousRunId === null ? t.summaryFirstRun : t.summaryChanges(result.changes.length, result.previousRunId));
        for (const c of result.changes.slice(0, 10)) print(`  ${formatChange(t, c)}`);
        if (result.changes.length > 10) print(`  ${t.moreIssues(result.changes.length - 10)}`);
        printIssues(t, print, result.issues);
        print(t.summaryOut(result.folder, path.join(opts.out, 'latest')));
        print(t.summaryStore(`${store === null ? '' : `${store} `}${t.storeStates[result.store]}`));
        if (result.postgres.result !== 'skipped') {
          const error = 'error' in result.postgres ? describePublishError(result.postgres.error, opts.publish ?? '', t) : '';
          print(t.summaryPostgres(opts.publishSchema, result.postgres.result, error));
        }
      }
      setExit(result.postgres.result === 'failed' ? EXIT.failure : exitForIssues(result.issues, Boolean(opts.warningsOk)));
    });
}

interface RunOpts extends RunLocations {
  sample?: boolean;
  publish?: string;
  publishSchema: string;
  readRole?: string;
  full?: boolean;
  dryRun?: boolean;
  warningsOk?: boolean;
  json?: boolean;
}
