// The run's second thread: a worker started first (it boots on the other core while the inbox is listed), which takes
// two kinds of work off the main thread — the largest family's reading (read-families.ts), while the main thread reads
// the others, and the dashboard (outputs/site-output.ts): its modules loaded while the families are read, its pages
// while the main thread writes the datasets, the workbook and the store. Jobs run one at a time, in the order posted;
// the site is the last: the thread ends once it has answered.
// Jobs and answers are structured clones (the catalog, the files as PortableInboxFile, the family as PortableFamily, the
// result); an error comes back as the one the calling thread would have thrown (lib/thread-error.ts).
// From the TypeScript sources (tests, tsx), with LEI_ONE_THREAD=1 (the build's warm run, bin/warm-code-cache.js; profiling)
// and beside an inbox over RUN_THREAD_MAX_INPUT_BYTES, a run has no such thread.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../config/load-catalog.ts';
import type { SourceResult } from '../lib/observation.ts';
import { errorFromThread, type ThreadErrorFields } from '../lib/thread-error.ts';
import type { SiteRowsJob, SiteSummaryJob } from '../outputs/site/site-job.ts';
import { InboxFileChangedError, type InboxFile, type PortableInboxFile } from '../sources/inbox-file.ts';
import type { ReadContext } from '../sources/source-reader.ts';
import type { PortableFamily } from './define-source-family.ts';

/**
 * Inboxes larger than this are read and drawn in the calling thread, so that the peak stays flat as the inbox grows: the
 * memory the thread adds grows with the inbox (none at the 138 MB scale inbox, ~15 MB at 549 MB, ~50 MB at 1.4 GB), while
 * the time it saves is a fifth to a third at every size (docs/benchmarks.md, 2 本目のスレッドを規模の受信箱でも).
 */
export const RUN_THREAD_MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * The thread's young generation, small: at V8's default it grew to ~50 MB of garbage from the pages, adding ~30 MB to the
 * run's peak (sample: 231 → 262 MB); at 4 MB the peak is back near the single-thread run's, for ~20 ms more CPU.
 */
export const RUN_THREAD_LIMITS = { maxYoungGenerationSizeMb: 4 };

export interface RunThread {
  /** The family read in the thread, as readFamily (read-family.ts) would read it here; a file changed mid-run rejects as here. */
  readFamily(family: PortableFamily, files: readonly InboxFile[], catalog: Catalog, context: ReadContext): Promise<SourceResult>;
  /** Loads the site's modules (the chart library), after any read posted before. */
  prepareSite(): void;
  /** Draws the site's pages of the indicator tables (a failure is finishSite's to report). */
  beginSite(job: SiteRowsJob): void;
  /** Draws the site's last pages and writes it; the thread's last job. */
  finishSite(job: SiteSummaryJob): Promise<void>;
  /** Ends the thread (a run that stopped before its site, or that wrote none). */
  release(): void;
}

/** A job as posted: `id` pairs it with its answer. */
export type ThreadRequest = { id: number } & (
  | {
      kind: 'read-family';
      family: PortableFamily;
      files: PortableInboxFile[];
      catalog: Catalog;
      xlsxLimits?: ReadContext['xlsxLimits'];
      asOf?: ReadContext['asOf'];
      progress: boolean;
    }
  | { kind: 'prepare-site' }
  | { kind: 'site-rows'; job: SiteRowsJob }
  | { kind: 'site'; job: SiteSummaryJob }
);

/** What a read job answers: the result, or the file that changed while it was read. */
export type ReadAnswer = { result: SourceResult } | { changed: string };

/** What the thread posts: progress through a job's file, or the job's end. */
export type ThreadReply =
  | { id: number; progress: [file: string, done: number, total: number] }
  | { id: number; ok: true; value: ReadAnswer | null }
  | { id: number; ok: false; error: ThreadErrorFields };

interface Pending {
  resolve(value: ReadAnswer | null): void;
  reject(error: Error): void;
  onProgress?: ReadContext['onProgress'];
}

/**
 * The thread, started now (it boots in ~0.1 s on the other core: a run starts it before listing its inbox), or undefined
 * where a run works in one thread; threadForInbox then keeps it only for an inbox it suits.
 */
export function startRunThread(
  thread: 'worker' | 'inline' = import.meta.url.endsWith('.ts') || process.env.LEI_ONE_THREAD === '1' ? 'inline' : 'worker',
): RunThread | undefined {
  const file = runThreadUrl(import.meta.url);
  if (thread === 'inline' || !existsSync(file)) return undefined;
  const worker =
    takeEarlyRunThread(file) ??
    (file.pathname.endsWith('.ts')
      ? tsWorker(file)
      : new Worker(file, { resourceLimits: RUN_THREAD_LIMITS, workerData: { bundled: file.pathname.endsWith('/bin/run-thread.js') } }));
  // Waiting for a job, the thread keeps no process alive.
  worker.unref();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let ended: Error | undefined;
  const end = (error: Error) => {
    ended ??= error;
    for (const p of pending.values()) p.reject(ended);
    pending.clear();
  };
  worker.on('message', (reply: ThreadReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    if ('progress' in reply) return p.onProgress?.(...reply.progress);
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply.value);
    else p.reject(errorFromThread(reply.error));
  });
  worker.once('error', end);
  worker.once('exit', (code) => end(new Error(`実行の 2 本目のスレッドが終了コード ${code} で止まりました`)));
  const post = (request: ThreadRequest, onProgress?: ReadContext['onProgress']) =>
    new Promise<ReadAnswer | null>((resolve, reject) => {
      if (ended) return reject(ended);
      pending.set(request.id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.ref();
      worker.postMessage(request);
    });
  const release = () => {
    end(new Error('実行の 2 本目のスレッドは終了しています'));
    void worker.terminate();
  };
  return {
    async readFamily(family, files, catalog, context) {
      const portable: PortableInboxFile[] = [];
      for (const file of files) {
        const p = file.portable?.();
        if (!p) throw new Error(`メモリ上のファイルは別のスレッドでは読めません: ${file.name}`);
        portable.push(p);
      }
      const answer = await post(
        {
          id: nextId++,
          kind: 'read-family',
          family,
          files: portable,
          catalog,
          ...(context.xlsxLimits ? { xlsxLimits: context.xlsxLimits } : {}),
          ...(context.asOf ? { asOf: context.asOf } : {}),
          progress: context.onProgress !== undefined,
        },
        context.onProgress,
      );
      if (answer === null) throw new Error('読み込みの答えがありません');
      if ('changed' in answer) throw new InboxFileChangedError(answer.changed);
      return answer.result;
    },
    prepareSite() {
      // A failure to load is the site job's to report: it awaits the same loading.
      post({ id: nextId++, kind: 'prepare-site' }).catch(() => {});
    },
    beginSite(job) {
      post({ id: nextId++, kind: 'site-rows', job }).catch(() => {});
    },
    async finishSite(job) {
      try {
        await post({ id: nextId++, kind: 'site', job });
      } finally {
        release();
      }
    },
    release,
  };
}

/**
 * The thread `lei run --full` started before the bundle loaded (bin/run-thread-start.js: a global, as bin/lei.js and the
 * bundle do not share modules), once, if it runs `file` and has not failed; one that runs another file is ended. Without
 * one, the run starts its own.
 */
export function takeEarlyRunThread(file: URL): Worker | undefined {
  const slot = globalThis as { [key: symbol]: { worker: Worker; file: string; ended: boolean } | undefined };
  const key = Symbol.for('lei.runThread.early');
  const early = slot[key];
  delete slot[key];
  if (!early || early.ended) return undefined;
  if (early.file !== file.href) {
    void early.worker.terminate();
    return undefined;
  }
  return early.worker;
}

/** The thread for a run over `inputBytes` of inbox: ended, and undefined, above RUN_THREAD_MAX_INPUT_BYTES. */
export function threadForInbox(thread: RunThread | undefined, inputBytes: number): RunThread | undefined {
  if (inputBytes <= RUN_THREAD_MAX_INPUT_BYTES) return thread;
  thread?.release();
  return undefined;
}

/**
 * The thread's file for a module at `here`: beside it in the sources and in dist/; from the CLI bundle in dist/bundle/
 * (CommonJS chunks run by bin/load-bundle.js), bin/run-thread.js, which runs the bundle's run-thread entry with its code
 * cache, or the compiled ES module in dist/pipelines/ when the bundle has no such entry.
 */
export function runThreadUrl(here: string): URL {
  if (here.endsWith('.ts')) return new URL('./run-thread-worker.ts', here);
  if (!/\/dist\/bundle\/[^/]*$/.test(here)) return new URL('./run-thread-worker.js', here);
  return existsSync(new URL('./run-thread.cjs', here)) ? new URL('../../bin/run-thread.js', here) : new URL('../pipelines/run-thread-worker.js', here);
}

/** TypeScript sources load through tsx's hooks, registered in the worker before its entry is imported. */
function tsWorker(file: URL): Worker {
  const entry = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(entry, { eval: true, resourceLimits: RUN_THREAD_LIMITS });
}
