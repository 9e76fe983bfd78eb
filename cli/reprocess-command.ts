// `lei reprocess --source industry-survey --year 2024 [--dry-run]`: an analyst re-runs one survey wave after the vendor
// re-sends a corrected file. A progress bar shows the reading of large files when stderr is a terminal.
import type { Command } from 'commander';
import { formatFiscalYear, parseFiscalYear } from '../lib/fiscal-year.ts';
import { countBySeverity } from '../lib/issues.ts';
import { reprocessableSources, reprocessWave, type ReprocessResult } from '../pipelines/reprocess-wave.ts';
import { messages, type Lang } from './messages.ts';
import { progressBar } from './progress-bar.ts';
import { withRunLocations, type RunLocations } from './run-location-options.ts';
import { reprocessMessages, type ReprocessMessages } from './reprocess-messages.ts';

// The same exit codes as cli/main.ts.
const EXIT = { failure: 1, dataErrors: 2 } as const;
const SHOWN = 20;

export function registerReprocessCommand(program: Command, lang: Lang): void {
  const t = reprocessMessages(lang);
  const m = messages(lang);
  withRunLocations(program.command('reprocess').description(t.cmd), m)
    .requiredOption('--source <source>', `${t.optSource}: ${reprocessableSources.join(', ')}`)
    .requiredOption('--year <year>', t.optYear)
    .option('--dry-run', t.optDryRun)
    .helpOption('-h, --help', m.optHelp)
    .action(async (opts: RunLocations & { source: string; year: string; dryRun?: boolean }) => {
      const fiscalYear = parseFiscalYear(opts.year);
      if (fiscalYear === null) {
        console.error(t.badYear(opts.year));
        process.exitCode = EXIT.failure;
        return;
      }
      const dryRun = Boolean(opts.dryRun);
      const progress = process.stderr.isTTY ? progressBar() : undefined;
      let result: ReprocessResult;
      try {
        result = await reprocessWave({
          source: opts.source,
          fiscalYear,
          configDir: opts.config,
          inboxDir: opts.inbox,
          outDir: opts.out,
          storePath: opts.store === false ? null : opts.store,
          dryRun,
          ...(progress ? { onProgress: progress.update } : {}),
          log: (m) => {
            progress?.stop();
            console.error(m);
          },
        });
      } finally {
        progress?.stop();
      }
      print(t, result, fiscalYear, dryRun);
      process.exitCode = countBySeverity(result.issues).error > 0 ? EXIT.dataErrors : 0;
    });
}

function print(t: ReprocessMessages, r: ReprocessResult, fiscalYear: number, dryRun: boolean): void {
  const show = (v: number | null | undefined, suppressed?: boolean | null) => (suppressed ? t.suppressed : v === null || v === undefined ? t.none : String(v));
  console.log(t.title(formatFiscalYear(fiscalYear), dryRun));
  console.log(t.files);
  for (const w of r.waves) console.log(t.wave(t.status[w.status] ?? w.status, w.file, w.version, w.respondents, w.errors, w.warnings));
  const counts = countBySeverity(r.issues);
  console.log(t.issues(counts.error, counts.warning));
  for (const i of r.issues.filter((x) => x.severity !== 'info').slice(0, SHOWN)) console.log(`  [${i.severity}] ${i.code} ${i.location.file ?? ''}${i.location.row ? ` ${i.location.row}行目` : ''}${i.location.column ? ` ${i.location.column}列` : ''}: ${i.message}`);
  console.log(t.changes(r.changes.length, dryRun));
  for (const c of r.changes.slice(0, SHOWN)) {
    const index = (v: number | null) => (v === null ? t.none : v.toFixed(2));
    console.log(t.change(`${c.name_ja}（${c.slot_id}）`, formatFiscalYear(c.fiscal_year), show(c.old_value), show(c.new_value), index(c.old_index), index(c.new_index)));
  }
  if (r.changes.length > SHOWN) console.log(t.more(r.changes.length - SHOWN));
  console.log(t.breakdowns(r.breakdownChanges.length));
  for (const c of r.breakdownChanges.slice(0, SHOWN)) {
    console.log(t.breakdown(c.name_ja, c.dimension === 'total' ? c.group_label : `${c.dimension}:${c.group_label}`, show(c.old_value, c.old_suppressed), show(c.new_value, c.new_suppressed), show(c.old_n), show(c.new_n)));
  }
  if (r.breakdownChanges.length > SHOWN) console.log(t.more(r.breakdownChanges.length - SHOWN));
  if (r.otherChanges.length > 0) console.log(t.others(r.otherChanges.length));
  if (!dryRun) console.log(r.run.status === 'published' ? t.done(r.run.folder) : t.unchanged);
}
