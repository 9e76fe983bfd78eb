// The dashboard site (site/ in the run folder), built from the run's rows; it links the run's other files.
import path from 'node:path';
import type { Output } from './output.ts';
import { runSiteJob, type SiteJob } from './site/site-job.ts';

/** `build` runs the job: in this thread by default, or posted to the run's second thread (pipelines/run-thread.ts). */
export function siteOutput(
  formats: { json: boolean; parquet: boolean },
  otherFiles: readonly string[],
  build: (job: SiteJob) => Promise<void> = runSiteJob,
): Output {
  return {
    name: 'site',
    stage: 'folder',
    write: (run, dir) =>
      build({
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
