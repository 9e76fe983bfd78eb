// Step 9: the run folder, written in a staging folder (datasets, committee workbook, manifest, dashboard site) and
// switched into place by one rename: readers never see a half-written run.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../config/load-catalog.ts';
import type { PipelineConfig } from '../config/pipeline-schema.ts';
import { faultPoint } from '../lib/fault-point.ts';
import { restrictPath, restrictTree, type OutputAccess } from '../lib/output-access.ts';
import { writeCommitteeWorkbook } from '../outputs/committee-workbook.ts';
import { stageRunFolder } from '../outputs/publish-run-folder.ts';
import { writeDatasetFiles } from '../outputs/write-dataset-files.ts';
import { reportFiscalYear, type RunTables } from './compute-tables.ts';
import type { RunManifest } from './build-manifest.ts';

/** Returns the activated run folder. */
export async function writeOutputs(
  outDir: string,
  catalog: Catalog,
  pipeline: PipelineConfig,
  computed: RunTables,
  manifest: RunManifest,
  access: OutputAccess,
): Promise<string> {
  const runId = manifest.run_id;
  const staged = await stageRunFolder(outDir, manifest.folder);
  await restrictPath(path.join(outDir, 'runs'), access);
  try {
    await writeDatasetFiles(staged.dir, catalog.plan.id, runId, computed.tables, pipeline.outputs);
    if (pipeline.outputs.committeeWorkbook) {
      await writeFile(
        path.join(staged.dir, 'committee_report.xlsx'),
        await writeCommitteeWorkbook(catalog, {
          indicatorValues: computed.values.rows,
          actionPlanProgress: computed.progress.rows,
          indicatorProgress: computed.indicatorProgress.rows,
          composite: computed.composite.index,
          fiscalYear: reportFiscalYear(catalog, computed.years),
        }),
      );
    }
    await writeFile(path.join(staged.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (pipeline.outputs.site) {
      // Loaded only when wanted: the chart library is most of the site's cost.
      const [{ buildSite }, { writeSite }] = await Promise.all([import('../outputs/site/build-site.ts'), import('../outputs/site/write-site.ts')]);
      const site = buildSite(catalog, {
        runId,
        fiscalYear: reportFiscalYear(catalog, computed.years),
        indicatorValues: computed.values.rows,
        actionPlanProgress: computed.progress.rows,
        compositeIndex: computed.composite.index,
        observations: computed.observationRows,
        issues: computed.issueRows,
        tables: computed.tables,
        formats: pipeline.outputs,
        otherFiles: ['manifest.json', ...(pipeline.outputs.committeeWorkbook ? ['committee_report.xlsx'] : [])],
      });
      await writeSite(path.join(staged.dir, 'site'), site);
    }
    await restrictTree(staged.dir, access);
  } catch (e) {
    await staged.discard();
    throw e;
  }
  faultPoint('after-staging-write');
  const finalDir = await staged.activate();
  faultPoint('after-switch');
  return finalDir;
}
