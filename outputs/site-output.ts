// The dashboard site (site/ in the run folder), built from the run's rows; it links the run's other files.
import path from 'node:path';
import type { IndicatorContent, Output, RunContent } from './output.ts';
import { siteDatasets } from './site/site-context.ts';
import { drawSiteRows, finishSite, loadSiteModules, type SiteRowsJob, type SiteSummaryJob } from './site/site-job.ts';

/** How the site is built: in this thread by default, or in the run's second thread (pipelines/run-thread.ts). */
export interface SiteBuilder {
  /** Starts loading the site's modules. */
  prepare(): void;
  /** The indicator tables: the second thread draws their pages at once. */
  begin(job: SiteRowsJob): void;
  /** The rest: the last pages drawn, the site written. */
  finish(job: SiteSummaryJob): Promise<void>;
}

/**
 * In this thread the pages are drawn only when the site is written (after the other outputs have started: the datasets'
 * JSON first, so that DuckDB's Parquet starts early), all at once.
 */
function inThisThread(): SiteBuilder {
  let rows: SiteRowsJob | undefined;
  return {
    prepare: () => void loadSiteModules(),
    begin: (job) => (rows = job),
    finish: async (job) => {
      // siteOutput's write begins the site first when nothing did.
      if (!rows) throw new Error('サイトの指標のページの行がありません（begin の後に finish を呼んでください）');
      await finishSite(await drawSiteRows(rows), job);
    },
  };
}

export function siteOutput(formats: { json: boolean; parquet: boolean }, otherFiles: readonly string[], builder: SiteBuilder = inThisThread()): Output {
  let begun = false;
  const begin = (run: IndicatorContent) => {
    begun = true;
    builder.begin({
      catalog: run.catalog,
      rows: {
        runId: run.runId,
        fiscalYear: run.fiscalYear,
        indicatorValues: run.indicatorValues,
        actionPlanProgress: run.actionPlanProgress,
        indicatorProgress: run.indicatorProgress,
        observations: run.observations,
        sourceTables: run.sourceTables,
        formats,
        otherFiles,
      },
    });
  };
  return {
    name: 'site',
    stage: 'folder',
    prepare: () => builder.prepare(),
    begin,
    write: (run: RunContent, dir: string) => {
      if (!begun) begin(run);
      return builder.finish({
        summary: {
          compositeIndex: run.compositeIndex,
          issues: run.issues,
          datasets: siteDatasets(run.tables),
        },
        dir: path.join(dir, 'site'),
      });
    },
  };
}
