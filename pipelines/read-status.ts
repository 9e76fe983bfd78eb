// What `lei status` shows: recent executions from the run ledger, the next scheduled times, whether a run
// is in progress, and what looks stale.
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import cron from 'node-cron';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import type { ConfigProblem } from '../config/load-catalog.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import { fiscalYearOfDate, formatFiscalYear, parseFiscalYear } from '../lib/fiscal-year.ts';
import { readRunLock, type LockHolder } from '../lib/run-lock.ts';
import { readExecutionMarker } from './execution-marker.ts';
import { industrySurveyConfigSchema } from '../sources/industry-survey/industry-survey-config.ts';
import { payMonthFromFileName } from '../sources/setagaya-pay-report.ts';

export interface StatusReport {
  /** status: published, unchanged, failed, or interrupted (killed; recorded and repaired by the next run). */
  recentRuns: { startedAt: string; finishedAt: string | null; trigger: string; status: string; runId: string | null; error: string | null }[];
  schedules: { id: string; cron: string; job: string; descriptionJa?: string; next: string | null }[];
  lock: LockHolder | null;
  stale: string[];
  /** The same warnings in English (lei status --lang en). */
  staleEn: string[];
}

/** `where` overrides pipeline.yaml's output folder and store (lei status --out / --store, as given to lei run). */
export async function readStatus(configDir: string, now: () => Date = () => new Date(), where: { out?: string; store?: string } = {}): Promise<StatusReport> {
  const config = await loadPipelineConfig(configDir);
  const out = where.out ?? config.out;
  const pipeline = { ...config, out, store: where.store ?? (where.out === undefined ? config.store : path.join(out, 'store.duckdb')) };
  const recentRuns = await recentExecutions(pipeline.store);
  const schedules = pipeline.schedules.map((s) => {
    const task = cron.createTask(s.cron, () => {}, { timezone: pipeline.timezone });
    const next = task.getNextRuns(1)[0] ?? null;
    void task.destroy();
    return { id: s.id, cron: s.cron, job: s.job, ...(s.descriptionJa ? { descriptionJa: s.descriptionJa } : {}), next: next?.toISOString() ?? null };
  });
  const stale: string[] = [];
  const staleEn: string[] = [];
  const lastGood = recentRuns.find((r) => r.status === 'published' || r.status === 'unchanged');
  const nightly = pipeline.schedules.some((s) => s.job === 'refresh');
  if (nightly && (!lastGood || now().getTime() - new Date(lastGood.finishedAt ?? lastGood.startedAt).getTime() > 2 * 86_400_000)) {
    stale.push('2日以上、成功した実行がありません。schedule が動いているか、ログを確認してください');
    staleEn.push('No successful run for 2 days or more: check that schedule is running, and its log');
  }
  if (recentRuns[0]?.status === 'failed') {
    stale.push(`直近の実行が失敗しています: ${recentRuns[0].error ?? ''}`);
    staleEn.push(`The last run failed: ${recentRuns[0].error ?? ''}`);
  }
  const lock = (await readRunLock(pipeline.out)) ?? null;
  // An execution marker while nobody holds the lock: a killed run; the next run records it as interrupted and repairs.
  if (!lock && (await readExecutionMarker(pipeline.out))) {
    stale.push('直近の実行が途中で止まっています（強制終了・停電など）。次の実行が出力をそろえ直します');
    staleEn.push('The last run was interrupted (killed, power cut); the next run will make the outputs consistent again');
  }
  for (const o of await overdueInputs(configDir, pipeline.inbox, pipeline.payReportDueDay, now())) {
    stale.push(o.ja);
    staleEn.push(o.en);
  }
  return { recentRuns, schedules, lock, stale, staleEn };
}

/** Inputs that should have arrived by now: last month's Pay report (after its due day), last fiscal year's survey wave. */
async function overdueInputs(configDir: string, inbox: string, payDueDay: number, now: Date): Promise<{ ja: string; en: string }[]> {
  const found: { ja: string; en: string }[] = [];
  const names = async (family: string) =>
    (await readdir(path.join(inbox, family), { recursive: true }).catch(() => [] as string[])).map((n) => path.basename(String(n)));
  const today = tokyoDate(now);
  if (await exists(path.join(configDir, 'sources', 'setagaya-pay.yaml'))) {
    // The report for month M is due on day payDueDay of month M+1.
    const back = today.day > payDueDay ? 1 : 2;
    const due = { year: today.year, month: today.month - back };
    if (due.month < 1) [due.year, due.month] = [due.year - 1, due.month + 12];
    const months = (await names('setagaya-pay')).map(payMonthFromFileName).filter((m) => m !== null);
    const have = months.some((m) => m.year * 12 + m.month >= due.year * 12 + due.month);
    if (!have) {
      found.push({
        ja: `せたがやPay: ${due.year}年${due.month}月分の月報が受信箱（${inbox}/setagaya-pay）にありません（毎月${payDueDay}日が前月分の期限）`,
        en: `Setagaya Pay: the report for ${due.year}-${String(due.month).padStart(2, '0')} is not in the inbox (${inbox}/setagaya-pay); due on day ${payDueDay} of the next month`,
      });
    }
  }
  const surveyConfig = path.join(configDir, 'sources', 'industry-survey.yaml');
  if (await exists(surveyConfig)) {
    const problems: ConfigProblem[] = [];
    const config = await readConfigFile(surveyConfig, industrySurveyConfigSchema, problems);
    const lastYear = fiscalYearOfDate(now) - 1;
    if (config) {
      const pattern = new RegExp(config.files.pattern);
      const years = (await names('industry-survey')).map((n) => pattern.exec(n)?.groups?.year).map((y) => (y ? parseFiscalYear(y) : null));
      if (!years.includes(lastYear)) {
        found.push({
          ja: `産業基礎調査: ${formatFiscalYear(lastYear)}の回答データが受信箱（${inbox}/industry-survey）にありません`,
          en: `Industry survey: the responses of fiscal year ${lastYear} are not in the inbox (${inbox}/industry-survey)`,
        });
      }
    }
  }
  return found;
}

function tokyoDate(d: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** The last 10 executions, newest first, from the ledger (its table in the store and its journal). */
async function recentExecutions(storePath: string): Promise<StatusReport['recentRuns']> {
  const { readLedger } = await import('../outputs/duckdb-store.ts');
  const seconds = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');
  return (await readLedger(storePath))
    .slice(-10)
    .reverse()
    .map((r) => ({
      startedAt: seconds(r.started_at),
      finishedAt: r.finished_at === null ? null : seconds(r.finished_at),
      trigger: r.trigger,
      status: r.status,
      runId: r.run_id,
      error: r.error,
    }));
}
