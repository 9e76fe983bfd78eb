// The dashboard site (site/ in the run folder), built from the run's rows; it links the run's other files.
import path from 'node:path';
import type { Output } from './output.ts';
import { startSiteBuild, type SiteBuild } from './site/site-job.ts';

export interface SiteOutput extends Output {
  /** Ends the build's thread if no write reached it (the run stopped before its outputs). */
  release(): void;
}

/** Starts the build's thread at once (outputs/site/site-job.ts): made before the families are read, it loads meanwhile. */
export function siteOutput(formats: { json: boolean; parquet: boolean }, otherFiles: readonly string[], thread?: 'worker' | 'inline'): SiteOutput {
  let started: SiteBuild | undefined = startSiteBuild(thread);
  return {
    name: 'site',
    stage: 'folder',
    write(run, dir) {
      // Each build runs once; an output written again (scripts/bench/profile-write-outputs.ts) starts another.
      const build = started ?? startSiteBuild(thread);
      started = undefined;
      return build.run({
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
      });
    },
    release() {
      started?.release();
      started = undefined;
    },
  };
}
