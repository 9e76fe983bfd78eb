// The dashboard of a run: static pages built from the run's dataset rows (the rows its CSV files hold) and the
// plan's words. Pure: rows in, files out; the same rows give the same bytes. Written into <run>/site/.
import type { Catalog } from '../../config/load-catalog.ts';
import { actionPlanPage } from './action-plan-page.ts';
import { dataPage } from './data-page.ts';
import { indicatorPage } from './indicator-page.ts';
import { listPages } from './list-pages.ts';
import { overviewPage } from './overview-page.ts';
import { siteContext, type SiteInput } from './site-context.ts';
import { visionPage } from './vision-page.ts';

export interface SiteFile {
  /** Path inside the site folder, '/'-separated. */
  path: string;
  content: string;
}

export type { SiteInput };

export function buildSite(catalog: Catalog, input: SiteInput): SiteFile[] {
  const ctx = siteContext(catalog, input);
  return [
    overviewPage(ctx),
    ...listPages(ctx),
    ...ctx.tables.map((t) => visionPage(ctx, t)),
    ...ctx.measureIds.map((m) => indicatorPage(ctx, m)),
    actionPlanPage(ctx),
    dataPage(ctx),
  ];
}
