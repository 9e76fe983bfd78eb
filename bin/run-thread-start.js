// The run's second thread (pipelines/run-thread.ts) as the CLI bundle runs it (bin/run-thread.js), and its start before
// the bundle loads: `lei run --full` is sure to recompute, so bin/lei.js starts the thread first and it boots (Node's own
// start-up, ~0.1 s of CPU) on the other core while the bundle, the config and the inbox are read; the run takes it over
// instead of starting one (takeEarlyRunThread; measured: docs/benchmarks.md, スレッドを先に起動).
import { Worker } from 'node:worker_threads';

/** The thread's resource limits: RUN_THREAD_LIMITS of pipelines/run-thread.ts (why there; a test keeps the two equal). */
export const EARLY_THREAD_LIMITS = { maxYoungGenerationSizeMb: 4 };

/** Where a thread started early waits for the run (pipelines/run-thread.ts takeEarlyRunThread). */
const EARLY = Symbol.for('lei.runThread.early');

/** Starts the bundle's run thread now, for the run to take (takeEarlyRunThread). */
export function startRunThreadEarly() {
  const file = new URL('./run-thread.js', import.meta.url);
  const worker = new Worker(file, { resourceLimits: EARLY_THREAD_LIMITS, workerData: { bundled: true } });
  // Until a run takes it, it keeps no process alive: a run that stops before (a config error) ends with it.
  worker.unref();
  const early = { worker, file: file.href, ended: false };
  // A thread that fails before the run takes it is not taken: the run starts its own, which reports the failure.
  worker.once('error', () => (early.ended = true));
  worker.once('exit', () => (early.ended = true));
  globalThis[EARLY] = early;
}
