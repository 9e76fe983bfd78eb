// The dashboard site (site/ in the run folder), built from the run's rows; it links the run's other files.
import path from 'node:path';
import type { Output } from './output.ts';
import { loadSiteModules, runSiteJob, type SiteJob } from './site/site-job.ts';

/** How the site is built: in this thread by default, or in the run's second thread (pipelines/run-thread.ts). */
export interface SiteBuilder {
  build(job: SiteJob): Promise<void>;
  /** Starts loading the site's modules. */
  prepare(): void;
}

const inThisThread: SiteBuilder = { build: runSiteJob, prepare: () => void loadSiteModules() };

export function siteOutput(formats: { json: boolean; parquet: boolean }, otherFiles: readonly string[], builder: SiteBuilder = inThisThread): Output {
  return {
    name: 'site',
    stage: 'folder',
    prepare: () => builder.prepare(),
    write: (run, dir) =>
      builder.build({
        catalog: run.catalog,
        input: {
          runId: run.runId,
          fiscalYear: run.fiscalYear,
          indicatorValues: run.indicatorValues,
          actionPlanProgress: run.actionPlanProgress,
          compositeIndex: run.compositeIndex,
          observations: run.observations,
          issues: run.issues,
          tables: run.tables,
          formats,
          otherFiles,
        },
        dir: path.join(dir, 'site'),
      }),
  };
}
