// The dashboard as one job — the catalog and the run's rows in, the site folder written — run in a worker thread that
// the run starts before it reads the families: the thread loads the chart library while the main thread reads and
// computes, then draws the pages on the second core while the main thread writes the datasets, the workbook and the store.
// From the TypeScript sources (tests, tsx) the site is built in the calling thread.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../../config/load-catalog.ts';
import type { SiteInput } from './site-context.ts';

export interface SiteJob {
  catalog: Catalog;
  input: SiteInput;
  /** The site folder to write (inside the staged run folder). */
  dir: string;
}

/** A started build: run() takes one job; release() ends a thread that no job reached (the run stopped before writing). */
export interface SiteBuild {
  run(job: SiteJob): Promise<void>;
  release(): void;
}

/** What the worker posts back: nothing on success, the error's own fields on failure. */
export type SiteJobReply = { ok: true } | { ok: false; error: ErrorFields };

interface ErrorFields {
  name: string;
  message: string;
  stack?: string;
  /** Node's system-error fields (code, errno, syscall, path, dest), kept so the error reads as the in-thread one. */
  fields: Record<string, string | number>;
}

/**
 * The thread's young generation, small: at V8's default it grew to ~50 MB of garbage from the pages, adding ~30 MB to the
 * run's peak (sample: 231 → 262 MB); at 4 MB the peak is back near the single-thread run's, for ~20 ms more CPU.
 */
const LIMITS = { maxYoungGenerationSizeMb: 4 };

export function startSiteBuild(thread: 'worker' | 'inline' = import.meta.url.endsWith('.ts') ? 'inline' : 'worker'): SiteBuild {
  const file = siteWorkerUrl(import.meta.url);
  if (thread === 'inline' || !existsSync(file)) return { run: buildInline, release: () => {} };
  const worker = file.pathname.endsWith('.ts')
    ? tsWorker(file)
    : new Worker(file, { resourceLimits: LIMITS, workerData: { bundled: file.pathname.endsWith('/bin/site-thread.js') } });
  // Waiting for its job, the worker keeps no process alive.
  worker.unref();
  let settled = false;
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', (reply: SiteJobReply) => (reply.ok ? resolve() : reject(errorFrom(reply.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`ダッシュボードのスレッドが終了コード ${code} で止まりました`)));
  }).finally(() => {
    settled = true;
  });
  // A failure while loading is reported by run(); a build never run has no one to report it to.
  done.catch(() => {});
  return {
    run(job) {
      worker.ref();
      worker.postMessage(job);
      return done.finally(() => void worker.terminate());
    },
    release() {
      if (!settled) void worker.terminate();
    },
  };
}

async function buildInline(job: SiteJob): Promise<void> {
  const [{ buildSite }, { writeSite }] = await Promise.all([import('./build-site.ts'), import('./write-site.ts')]);
  await writeSite(job.dir, buildSite(job.catalog, job.input));
}

/** The worker's side: builds and writes the job's site, and replies. */
export async function runSiteJob(job: SiteJob, build: typeof buildInline = buildInline): Promise<SiteJobReply> {
  try {
    await build(job);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: fieldsOf(e) };
  }
}

function fieldsOf(e: unknown): ErrorFields {
  const error = e instanceof Error ? e : new Error(String(e));
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error)) if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), fields };
}

function errorFrom(e: ErrorFields): Error {
  const error = Object.assign(new Error(e.message), e.fields);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}

/**
 * The worker's file for a module at `here`: beside it in the sources and in dist/; from the CLI bundle in dist/bundle/
 * (CommonJS chunks run by bin/load-bundle.js), bin/site-thread.js, which runs the bundle's site-worker entry with its code
 * cache, or the compiled ES module in dist/outputs/site/ when the bundle has no such entry.
 */
export function siteWorkerUrl(here: string): URL {
  if (here.endsWith('.ts')) return new URL('./site-worker.ts', here);
  if (!/\/dist\/bundle\/[^/]*$/.test(here)) return new URL('./site-worker.js', here);
  return existsSync(new URL('./site-worker.cjs', here)) ? new URL('../../bin/site-thread.js', here) : new URL('../outputs/site/site-worker.js', here);
}

/** TypeScript sources load through tsx's hooks, registered in the worker before its entry is imported. */
function tsWorker(file: URL): Worker {
  const entry = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(entry, { eval: true, resourceLimits: LIMITS });
}
