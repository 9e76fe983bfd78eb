// The long-lived scheduler: node-cron in the ward's time zone. A job still running when it is due again is
// not started twice — within this process (noOverlap) nor across processes (the run lock).
// stop() waits for the job in progress to finish, so SIGTERM never leaves a half-written run.
import cron, { type ScheduledTask } from 'node-cron';
import type { PipelineConfig } from '../config/pipeline-schema.ts';
import { runJob } from './run-job.ts';
import { RunBusyError, type RunResult } from './run-pipeline.ts';

export interface SchedulerEvents {
  started(scheduleId: string): void;
  finished(scheduleId: string, result: RunResult): void;
  skipped(scheduleId: string, reason: string): void;
  failed(scheduleId: string, error: Error): void;
}

export interface Scheduler {
  /** Next run time of each schedule. */
  nextRuns(): { id: string; next: Date | null }[];
  /** Stops scheduling and waits for the job in progress, if any. */
  stop(): Promise<void>;
}

export function startScheduler(configDir: string, pipeline: PipelineConfig, events: SchedulerEvents, log?: (m: string, en?: string) => void): Scheduler {
  let inProgress: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tasks: { id: string; task: ScheduledTask }[] = pipeline.schedules.map((s) => ({
    id: s.id,
    task: cron.schedule(
      s.cron,
      async () => {
        if (busy) {
          events.skipped(s.id, 'このプロセスで前の実行が続いています');
          return;
        }
        busy = true;
        events.started(s.id);
        const job = runJob(s.job, { configDir, pipeline, trigger: 'schedule', ...(log ? { log } : {}) })
          .then((r) => events.finished(s.id, r))
          .catch((e: Error) => (e instanceof RunBusyError ? events.skipped(s.id, e.message) : events.failed(s.id, e)))
          .finally(() => {
            busy = false;
          });
        inProgress = job;
        await job;
      },
      { timezone: pipeline.timezone, name: s.id, noOverlap: true },
    ),
  }));
  return {
    nextRuns: () => tasks.map(({ id, task }) => ({ id, next: task.getNextRun() })),
    async stop() {
      await Promise.all(tasks.map(({ task }) => task.stop()));
      await inProgress;
      await Promise.all(tasks.map(({ task }) => task.destroy()));
    },
  };
}
