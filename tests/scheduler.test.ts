// The scheduler with a test schedule every second: it picks up a file dropped into the inbox on the next
// tick, and two schedulers on one output folder never run a job at the same time.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import type { RunResult } from '../pipelines/run-pipeline.ts';
import { startScheduler, type SchedulerEvents } from '../pipelines/scheduler.ts';
import { copyConfig, otherCityConfig, tempDir } from './helpers.ts';

async function setup() {
  const root = await tempDir();
  const config = await copyConfig(otherCityConfig);
  const inbox = path.join(root, 'inbox');
  await mkdir(path.join(inbox, 'manual-entry'), { recursive: true });
  await writeFile(
    path.join(config, 'pipeline.yaml'),
    [
      `inbox: ${inbox}`,
      `out: ${path.join(root, 'out')}`,
      `store: ${path.join(root, 'out', 'store.duckdb')}`,
      'schedules:',
      '  - { id: every-second, cron: "* * * * * *", job: refresh }',
      '',
    ].join('\n'),
  );
  const catalog = await loadCatalog(config);
  const drop = async (name: string, year: number, value: number) =>
    writeFile(path.join(inbox, 'manual-entry', name), await writeManualEntryTemplate(catalog, year, { values: new Map([['manufacturers', { value }]]) }));
  return { config, pipeline: await loadPipelineConfig(config), drop };
}

function recorder() {
  const log: { event: string; status?: string; runId?: string; at: number }[] = [];
  // 'started' is logged before the job takes the run lock; the run's first message comes once it holds the lock.
  const runLog = (message: string) => {
    if (message.startsWith('設定を読み込みました')) log.push({ event: 'locked', at: Date.now() });
  };
  const events: SchedulerEvents = {
    started: () => log.push({ event: 'started', at: Date.now() }),
    finished: (_id, r: RunResult) => log.push({ event: 'finished', status: r.status, runId: r.runId, at: Date.now() }),
    skipped: () => log.push({ event: 'skipped', at: Date.now() }),
    failed: (_id, e) => log.push({ event: `failed: ${e.message}`, at: Date.now() }),
  };
  return { log, events, runLog };
}

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the scheduler', () => {
  it('publishes on the first tick, does nothing while nothing changes, and picks up a dropped file', async () => {
    const { config, pipeline, drop } = await setup();
    await drop('a.xlsx', 2016, 520);
    const { log, events } = recorder();
    const scheduler = startScheduler(config, pipeline, events);
    try {
      await until(() => log.filter((e) => e.event === 'finished').length >= 2);
      const [first, second] = log.filter((e) => e.event === 'finished');
      expect([first!.status, second!.status]).toEqual(['published', 'unchanged']);
      await drop('b.xlsx', 2021, 498);
      await until(() => log.filter((e) => e.event === 'finished' && e.status === 'published').length >= 2);
      const published = log.filter((e) => e.status === 'published');
      expect(published[1]!.runId).not.toBe(published[0]!.runId);
    } finally {
      await scheduler.stop();
    }
    expect(log.filter((e) => e.event.startsWith('failed'))).toEqual([]);
  });

  it('never runs a job in two schedulers on the same output folder at once', async () => {
    const { config, pipeline, drop } = await setup();
    await drop('a.xlsx', 2016, 520);
    const a = recorder();
    const b = recorder();
    const schedulers = [
      startScheduler(config, { ...pipeline, schedules: pipeline.schedules.map((s) => ({ ...s, job: 'fullRefresh' as const })) }, a.events, a.runLog),
      startScheduler(config, { ...pipeline, schedules: pipeline.schedules.map((s) => ({ ...s, job: 'fullRefresh' as const })) }, b.events, b.runLog),
    ];
    const events = (log: typeof a.log) => log.filter((e) => e.event !== 'locked').length;
    try {
      await until(() => events(a.log) + events(b.log) >= 16);
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
    }
    // Intervals from a job taking the run lock to its end must not overlap across the two schedulers.
    const intervals = (log: typeof a.log) => {
      const out: [number, number][] = [];
      let start: number | undefined;
      for (const e of log) {
        if (e.event === 'locked') start = e.at;
        else if (e.event === 'finished' && start !== undefined) out.push([start, e.at]);
        if (e.event !== 'locked' && e.event !== 'started') start = undefined;
      }
      return out;
    };
    const ia = intervals(a.log);
    const ib = intervals(b.log);
    expect(ia.length + ib.length).toBeGreaterThan(1);
    expect([...a.log, ...b.log].some((e) => e.event === 'skipped')).toBe(true);
    for (const [s1, e1] of ia) for (const [s2, e2] of ib) expect(s1 < e2 && s2 < e1, 'overlapping runs').toBe(false);
  });
});
