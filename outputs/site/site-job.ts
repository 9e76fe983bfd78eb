// The dashboard as one job — the catalog and the run's rows in, the site folder written. A run posts it to its second
// thread (pipelines/run-thread.ts), which draws the pages on the other core while this thread writes the datasets, the
// workbook and the store; from the TypeScript sources, and beside a large inbox, it runs in the calling thread.
import type { Catalog } from '../../config/load-catalog.ts';
import type { SiteInput } from './site-context.ts';

export interface SiteJob {
  catalog: Catalog;
  input: SiteInput;
  /** The site folder to write (inside the staged run folder). */
  dir: string;
}

/** Builds the job's site and writes it. */
export async function runSiteJob(job: SiteJob): Promise<void> {
  const { buildSite, writeSite } = await loadSiteModules();
  await writeSite(job.dir, buildSite(job.catalog, job.input));
}

let loading: Promise<{ buildSite: typeof import('./build-site.ts').buildSite; writeSite: typeof import('./write-site.ts').writeSite }> | undefined;

/** The site's modules (the chart library among them), loaded once: a thread that expects the job loads them while it waits. */
export function loadSiteModules() {
  loading ??= Promise.all([import('./build-site.ts'), import('./write-site.ts')]).then(([{ buildSite }, { writeSite }]) => ({ buildSite, writeSite }));
  return loading;
}
