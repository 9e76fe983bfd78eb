// How the commands that run the pipeline report: changed values, notable issues, repairs, and log lines (JSON lines
// off a terminal, readable lines on one).
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { formatLocation, type Issue } from '../lib/issues.ts';
import type { RunResult, ValueChange } from '../pipelines/run-types.ts';
import type { CliIo } from './main.ts';
import type { Messages } from './messages.ts';

/** What this run supplied to targets an earlier, interrupted run had left behind. */
export function printRepairs(t: Messages, print: (line: string) => void, result: RunResult, schema: string): void {
  if (result.cleaned.length > 0) print(t.cleanedStaging(result.cleaned.join('、')));
  if (result.repaired.store) print(t.repairedStore(result.repaired.store));
  if (result.repaired.postgres) print(t.repairedPostgres(schema, result.repaired.postgres));
}

/** The first ten errors and warnings, with where they are. */
export function printIssues(t: Messages, print: (line: string) => void, issues: readonly Issue[]): void {
  const notable = issues.filter((i) => i.severity !== 'info');
  for (const i of notable.slice(0, 10)) print(`  [${i.severity}] ${i.code} ${formatLocation(i.location)}: ${i.message}`);
  if (notable.length > 10) print(`  ${t.moreIssues(notable.length - 10)}`);
}

export function formatChange(t: Messages, c: ValueChange): string {
  const v = (x: number | null) => (x === null ? '—' : String(x));
  return t.change(c.slot_id, formatFiscalYear(c.fiscal_year), c.name_ja, v(c.old_value), v(c.new_value), v(c.old_index), v(c.new_index));
}

/** Structured JSON lines when not on a terminal (or --json); readable lines otherwise. */
export function eventLogger(io: CliIo, json: boolean) {
  return (event: string, fields: Record<string, unknown>, text: string) => {
    if (json) io.err(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
    else io.err(`[${formatTokyo(new Date())}] ${text}\n`);
  };
}

export function formatTokyo(d: Date | null): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'medium' }).format(d);
}
