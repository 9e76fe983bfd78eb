// The dashboard as one job: the catalog and the run's rows in, the site folder written. Run in a worker thread when
// the code runs compiled (the build has a core of its own), in the calling thread when it runs from the sources.
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

export async function runSiteJob(job: SiteJob, thread: 'worker' | 'inline' = import.meta.url.endsWith('.ts') ? 'inline' : 'worker'): Promise<void> {
  const file = siteWorkerUrl(import.meta.url);
  if (thread === 'worker' && existsSync(file)) return inWorker(file, job);
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

function inWorker(file: URL, job: SiteJob): Promise<void> {
  // TypeScript sources load through tsx's hooks, registered in the worker before the entry is imported.
  const worker = file.pathname.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`,
        {
          eval: true,
          workerData: job,
        },
      )
    : new Worker(file, { workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the dashboard's worker thread stopped with exit code ${code}`))));
  });
}
