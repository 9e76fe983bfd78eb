// The dashboard as jobs — the catalog and the run's rows in, the site folder written. A run posts them to its second
// thread (pipelines/run-thread.ts), which draws the pages on the other core: those of the indicator tables as soon as they
// are computed (SiteRowsJob), while this thread computes the composite and the issues; the overview and the data page
// with the rest (SiteSummaryJob), while this thread writes the datasets, the workbook and the store. From the TypeScript
// sources, and beside a large inbox, the calling thread runs the same two steps when the site is written (site-output.ts).
import type { Catalog } from '../../config/load-catalog.ts';
import type { DrawnSite } from './build-site.ts';
import type { SiteRows, SiteSummary } from './site-context.ts';

/** The first of two jobs: the pages the indicator tables allow are drawn and kept. */
export interface SiteRowsJob {
  catalog: Catalog;
  rows: SiteRows;
}

/** The second: the overview and the data page drawn, and the whole site written. */
export interface SiteSummaryJob {
  summary: SiteSummary;
  dir: string;
}

/** Draws the pages of the indicator tables. */
export async function drawSiteRows(job: SiteRowsJob): Promise<DrawnSite> {
  const { drawSite } = await loadSiteModules();
  return drawSite(job.catalog, job.rows);
}

/** Draws the last pages of a drawn site and writes it. */
export async function finishSite(drawn: DrawnSite, job: SiteSummaryJob): Promise<void> {
  const { writeSite } = await loadSiteModules();
  await writeSite(job.dir, drawn.finish(job.summary));
}

type SiteModules = {
  drawSite: typeof import('./build-site.ts').drawSite;
  writeSite: typeof import('./write-site.ts').writeSite;
};
let loading: Promise<SiteModules> | undefined;

/** The site's modules (the chart library among them), loaded once: a thread that expects the job loads them while it waits. */
export function loadSiteModules(): Promise<SiteModules> {
  loading ??= Promise.all([import('./build-site.ts'), import('./write-site.ts')]).then(([{ drawSite }, { writeSite }]) => ({
    drawSite,
    writeSite,
  }));
  return loading;
}
