// The dashboard of a run: static pages built from the run's dataset rows (the rows its CSV files hold) and the
// plan's words. Pure: rows in, files out; the same rows give the same bytes. Written into <run>/site/.
import type { Catalog } from '../../config/load-catalog.ts';
import { actionPlanPage } from './action-plan-page.ts';
import { dataPage } from './data-page.ts';
import { indicatorPage } from './indicator-page.ts';
import { listPages } from './list-pages.ts';
import { overviewPage } from './overview-page.ts';
import { progressIndicatorPage } from './progress-indicator-page.ts';
import { progressPage } from './progress-page.ts';
import { siteContext, type SiteInput, type SiteRows, type SiteSummary } from './site-context.ts';
import { visionPage } from './vision-page.ts';

export interface SiteFile {
  /** Path inside the site folder, '/'-separated. */
  path: string;
  content: string;
}

export type { SiteInput, SiteRows, SiteSummary };

export function buildSite(catalog: Catalog, input: SiteInput): SiteFile[] {
  return drawSite(catalog, input).finish(input);
}

/** A site drawn as far as its rows allow: every page but the overview and the data page, which `finish` adds. */
export interface DrawnSite {
  files: SiteFile[];
  finish(summary: SiteSummary): SiteFile[];
}

/**
 * Draws the pages of the indicator tables now (the vision tables, the indicators, the progress table, the action plan): a
 * run's second thread draws them while the composite and the issues are computed; the overview and the data page follow
 * with the summary.
 */
export function drawSite(catalog: Catalog, rows: SiteRows): DrawnSite {
  const ctx = siteContext(catalog, rows);
  // A section the plan does not have (no logic model, no progress table, no action plan) gets no page.
  const files = [
    ...(ctx.tables.length > 0 ? listPages(ctx) : []),
    ...ctx.tables.map((t) => visionPage(ctx, t)),
    ...ctx.measureIds.map((m) => indicatorPage(ctx, m)),
    ...(catalog.progress
      ? [progressPage(ctx, catalog.progress), ...catalog.progress.indicators.map((i) => progressIndicatorPage(ctx, catalog.progress!, i))]
      : []),
    ...(catalog.lines.length > 0 ? [actionPlanPage(ctx)] : []),
  ];
  return { files, finish: (summary) => [overviewPage(ctx, summary), ...files, dataPage(ctx, summary)] };
}
