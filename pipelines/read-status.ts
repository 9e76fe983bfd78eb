// What `lei status` shows: recent executions from the run ledger, the next scheduled times, whether a run
// is in progress, and what looks stale.
import { access } from 'node:fs/promises';
import cron from 'node-cron';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import { readRunLock, type LockHolder } from '../lib/run-lock.ts';

export interface StatusReport {
  recentRuns: { startedAt: string; finishedAt: string; trigger: string; status: string; runId: string | null; error: string | null }[];
  schedules: { id: string; cron: string; job: string; descriptionJa?: string; next: string | null }[];
  lock: LockHolder | null;
  stale: string[];
}

export async function readStatus(configDir: string, now: () => Date = () => new Date()): Promise<StatusReport> {
  const pipeline = await loadPipelineConfig(configDir);
  const recentRuns = await readLedger(pipeline.store);
  const schedules = pipeline.schedules.map((s) => {
    const task = cron.createTask(s.cron, () => {}, { timezone: pipeline.timezone });
    const next = task.getNextRuns(1)[0] ?? null;
    void task.destroy();
    return { id: s.id, cron: s.cron, job: s.job, ...(s.descriptionJa ? { descriptionJa: s.descriptionJa } : {}), next: next?.toISOString() ?? null };
  });
  const stale: string[] = [];
  const lastGood = recentRuns.find((r) => r.status !== 'failed');
  const nightly = pipeline.schedules.some((s) => s.job === 'refresh');
  if (nightly && (!lastGood || now().getTime() - new Date(lastGood.finishedAt).getTime() > 2 * 86_400_000)) {
    stale.push('2日以上、成功した実行がありません。schedule が動いているか、ログを確認してください');
  }
  if (recentRuns[0]?.status === 'failed') stale.push(`直近の実行が失敗しています: ${recentRuns[0].error ?? ''}`);
  return { recentRuns, schedules, lock: (await readRunLock(pipeline.out)) ?? null, stale };
}

async function readLedger(storePath: string): Promise<StatusReport['recentRuns']> {
  if (!(await access(storePath).then(() => true, () => false))) return [];
  const instance = await DuckDBInstance.create(storePath, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const exists = await connection.runAndReadAll(`SELECT count(*)::INT AS n FROM information_schema.tables WHERE table_name = 'run_ledger'`);
    if ((exists.getRowObjects()[0]?.n as number) === 0) return [];
    const rows = await connection.runAndReadAll(
      `SELECT strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS s, strftime(finished_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS f, trigger, status, run_id, error FROM run_ledger ORDER BY started_at DESC LIMIT 10`,
    );
    return rows.getRowObjects().map((r) => ({
      startedAt: String(r.s),
      finishedAt: String(r.f),
      trigger: String(r.trigger),
      status: String(r.status),
      runId: r.run_id === null ? null : String(r.run_id),
      error: r.error === null ? null : String(r.error),
    }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
