// The dashboard site (site/ in the run folder), built from the run's rows; it links the run's other files.
import path from 'node:path';
import type { Output } from './output.ts';

export function siteOutput(formats: { json: boolean; parquet: boolean }, otherFiles: readonly string[]): Output {
  return {
    name: 'site',
    stage: 'folder',
    async write(run, dir) {
      // Loaded only when wanted: the chart library is most of the site's cost.
      const [{ buildSite }, { writeSite }] = await Promise.all([import('./site/build-site.ts'), import('./site/write-site.ts')]);
      const site = buildSite(run.catalog, {
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
      });
      await writeSite(path.join(dir, 'site'), site);
    },
  };
}
