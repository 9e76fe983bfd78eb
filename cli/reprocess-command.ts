// `lei reprocess --source industry-survey --year 2024 [--dry-run]`: an analyst re-runs one survey wave after the vendor
// re-sends a corrected file. A progress bar shows the reading of large files when stderr is a terminal.
import type { Command } from 'commander';
import { formatFiscalYear, parseFiscalYear } from '../lib/fiscal-year.ts';
import { countBySeverity, formatLocation } from '../lib/issues.ts';
import { UserError } from '../lib/user-error.ts';
import type { ReprocessResult } from '../pipelines/reprocess-wave.ts';
import { reprocessableSources } from '../pipelines/reprocessable-sources.ts';
import type { CommandContext } from './main.ts';
import { messages, type Lang } from './messages.ts';
import { storeOf, withRunLocations, type RunLocations } from './run-location-options.ts';
import { reprocessMessages, type ReprocessMessages } from './reprocess-messages.ts';

const SHOWN = 20;

export function registerReprocessCommand(program: Command, lang: Lang, context: CommandContext): void {
  const t = reprocessMessages(lang);
  const m = messages(lang);
  withRunLocations(program.command('reprocess').description(t.cmd), m)
    .requiredOption('--source <source>', `${t.optSource}: ${reprocessableSources.join(', ')}`)
    .requiredOption('--year <year>', t.optYear)
    .option('--dry-run', t.optDryRun)
    .option('--warnings-ok', m.optWarningsOk)
    .helpOption('-h, --help', m.optHelp)
    .action(async (opts: RunLocations & { source: string; year: string; dryRun?: boolean; warningsOk?: boolean }) => {
      const fiscalYear = parseFiscalYear(opts.year);
      if (fiscalYear === null) throw new UserError(m.badYear(opts.year));
      const dryRun = Boolean(opts.dryRun);
      const progress = context.io.tty ? (await import('./progress-bar.ts')).progressBar() : undefined;
      let result: ReprocessResult;
      try {
        const { reprocessWave } = await import('../pipelines/reprocess-wave.ts');
        result = await reprocessWave({
          source: opts.source,
          fiscalYear,
          configDir: opts.config,
          inboxDir: opts.inbox,
          outDir: opts.out,
          storePath: storeOf(opts),
          dryRun,
          ...(progress ? { onProgress: progress.update } : {}),
          log: (line, en) => {
            progress?.stop();
            context.io.err(`${lang === 'en' ? (en ?? line) : line}\n`);
          },
        });
      } finally {
        progress?.stop();
      }
      print(context.print, t, result, fiscalYear, dryRun);
      context.setExit(context.exitForIssues(result.issues, Boolean(opts.warningsOk)));
    });
}

function print(log: (line: string) => void, t: ReprocessMessages, r: ReprocessResult, fiscalYear: number, dryRun: boolean): void {
  const show = (v: number | null | undefined, suppressed?: boolean | null) => (suppressed ? t.suppressed : v === null || v === undefined ? t.none : String(v));
  log(t.title(formatFiscalYear(fiscalYear), dryRun));
  log(t.files);
  for (const w of r.waves) log(t.wave(t.status[w.status] ?? w.status, w.file, w.version, w.respondents, w.errors, w.warnings));
  const counts = countBySeverity(r.issues);
  log(t.issues(counts.error, counts.warning));
  for (const i of r.issues.filter((x) => x.severity !== 'info').slice(0, SHOWN)) log(`  [${i.severity}] ${i.code} ${formatLocation(i.location)}: ${i.message}`);
  log(t.changes(r.changes.length, dryRun));
  for (const c of r.changes.slice(0, SHOWN)) {
    const index = (v: number | null) => (v === null ? t.none : v.toFixed(2));
    log(
      t.change(`${c.name_ja}（${c.slot_id}）`, formatFiscalYear(c.fiscal_year), show(c.old_value), show(c.new_value), index(c.old_index), index(c.new_index)),
    );
  }
  if (r.changes.length > SHOWN) log(t.more(r.changes.length - SHOWN));
  log(t.breakdowns(r.breakdownChanges.length));
  for (const c of r.breakdownChanges.slice(0, SHOWN)) {
    log(
      t.breakdown(
        c.name_ja,
        c.dimension === 'total' ? c.group_label : `${c.dimension}:${c.group_label}`,
        show(c.old_value, c.old_suppressed),
        show(c.new_value, c.new_suppressed),
        show(c.old_n),
        show(c.new_n),
      ),
    );
  }
  if (r.breakdownChanges.length > SHOWN) log(t.more(r.breakdownChanges.length - SHOWN));
  if (r.otherChanges.length > 0) log(t.others(r.otherChanges.length));
  if (!dryRun) log(r.run.status === 'published' ? t.done(r.run.folder) : t.unchanged);
}
