// Step 9: the run folder: every `folder` output (outputs/output.ts) writes into a staging folder, which one rename
// switches into place: readers never see a half-written run. Which outputs a run writes comes from pipeline.yaml.
import path from 'node:path';
import type { PipelineConfig } from '../config/pipeline-schema.ts';
import { faultPoint } from '../lib/fault-point.ts';
import { restrictPath, restrictTree, type OutputAccess } from '../lib/output-access.ts';
import { COMMITTEE_WORKBOOK_FILE, committeeWorkbookOutput } from '../outputs/committee-workbook-output.ts';
import { datasetFilesOutput } from '../outputs/dataset-files-output.ts';
import { MANIFEST_FILE, manifestOutput } from '../outputs/manifest-output.ts';
import type { Output, RunContent } from '../outputs/output.ts';
import { stageRunFolder } from '../outputs/publish-run-folder.ts';
import { siteOutput } from '../outputs/site-output.ts';
import type { SiteRowsJob, SiteSummaryJob } from '../outputs/site/site-job.ts';
import type { BegunTargets } from './publish-targets.ts';
import type { RunThread } from './run-thread.ts';

/**
 * The run folder's outputs, in the order they are started: the site first when the run has its second thread (its job
 * goes there at once), then the datasets (DuckDB's Parquet runs beside the rest).
 */
export function folderOutputs(outputs: PipelineConfig['outputs'], thread?: RunThread): Output[] {
  const workbook = outputs.committeeWorkbook ? [committeeWorkbookOutput] : [];
  const files = [MANIFEST_FILE, ...workbook.map(() => COMMITTEE_WORKBOOK_FILE)];
  const inThread = thread && {
    prepare: () => thread.prepareSite(),
    begin: (job: SiteRowsJob) => thread.beginSite(job),
    finish: (job: SiteSummaryJob) => thread.finishSite(job),
  };
  const site = outputs.site ? [siteOutput(outputs, files, inThread)] : [];
  const others = [datasetFilesOutput(outputs), ...workbook, manifestOutput];
  // Built in this thread, the site comes last: the datasets' JSON is written first, so that DuckDB's Parquet starts early.
  return thread ? [...site, ...others] : [...others, ...site];
}

/** Returns the activated run folder. Targets begun beside the outputs (`begun`) are abandoned if the folder is not switched. */
export async function writeOutputs(outDir: string, run: RunContent, outputs: readonly Output[], access: OutputAccess, begun?: BegunTargets): Promise<string> {
  const abandoning = async (e: unknown): Promise<never> => {
    await begun?.abandon();
    throw e;
  };
  const staged = await stageRunFolder(outDir, run.folder).catch(abandoning);
  try {
    await restrictPath(path.join(outDir, 'runs'), access);
    // Together: each output's waiting (DuckDB, zlib, file writes, the second thread's site) overlaps the others' work.
    const written = await Promise.allSettled(outputs.map((output) => output.write(run, staged.dir)));
    const failed = written.find((w) => w.status === 'rejected');
    if (failed) throw failed.reason;
    await restrictTree(staged.dir, access);
  } catch (e) {
    await staged.discard();
    return abandoning(e);
  }
  faultPoint('after-staging-write');
  const finalDir = await staged.activate().catch(abandoning);
  faultPoint('after-switch');
  return finalDir;
}
