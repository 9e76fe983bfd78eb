// The dashboard as one job — the catalog and the run's rows in, the site folder written — run in a worker thread
// started with the run's outputs, before the families are read: its chart library loads while the main thread reads
// and computes, and the pages are drawn on the second core while the main thread lays out the workbook and the store.
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

/** A started build: it runs once, on the job given. */
export interface SiteBuild {
  run(job: SiteJob): Promise<void>;
}

export function startSiteBuild(thread: 'worker' | 'inline' = import.meta.url.endsWith('.ts') ? 'inline' : 'worker'): SiteBuild {
  const file = siteWorkerUrl(import.meta.url);
  if (thread === 'inline' || !existsSync(file)) return { run: buildInline };
  const worker = file.pathname.endsWith('.ts') ? tsWorker(file) : new Worker(file);
  // Waiting for its job, the worker keeps no process alive: a run that stops before writing leaves it to the exit.
  worker.unref();
  const finished = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the dashboard's worker thread stopped with exit code ${code}`))));
  });
  // A failure while loading is reported by run(); a build never run has no one to report it to.
  finished.catch(() => {});
  return {
    run(job) {
      worker.ref();
      worker.postMessage(job);
      return finished;
    },
  };
}

async function buildInline(job: SiteJob): Promise<void> {
  const [{ buildSite }, { writeSite }] = await Promise.all([import('./build-site.ts'), import('./write-site.ts')]);
  await writeSite(job.dir, buildSite(job.catalog, job.input));
}

/**
 * The worker's file for a module at `here`: beside it in the sources and in dist/; from a bundle in dist/bundle/, the
 * compiled file in dist/outputs/site/ (the bundle keeps no separate entry for it).
 */
export function siteWorkerUrl(here: string): URL {
  if (here.endsWith('.ts')) return new URL('./site-worker.ts', here);
  return new URL(/\/dist\/bundle\/[^/]*$/.test(here) ? '../outputs/site/site-worker.js' : './site-worker.js', here);
}

/** TypeScript sources load through tsx's hooks, registered in the worker before its entry is imported. */
function tsWorker(file: URL): Worker {
  const entry = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(entry, { eval: true });
}
