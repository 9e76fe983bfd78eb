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

/** The run folder's outputs, in the order they are started (the datasets first: DuckDB's Parquet runs beside the rest). */
export function folderOutputs(outputs: PipelineConfig['outputs']): Output[] {
  const workbook = outputs.committeeWorkbook ? [committeeWorkbookOutput] : [];
  return [
    datasetFilesOutput(outputs),
    ...workbook,
    manifestOutput,
    ...(outputs.site ? [siteOutput(outputs, [MANIFEST_FILE, ...workbook.map(() => COMMITTEE_WORKBOOK_FILE)])] : []),
  ];
}

/** Returns the activated run folder. */
export async function writeOutputs(outDir: string, run: RunContent, outputs: readonly Output[], access: OutputAccess): Promise<string> {
  const staged = await stageRunFolder(outDir, run.folder);
  await restrictPath(path.join(outDir, 'runs'), access);
  try {
    // Together: each output's waiting (DuckDB, zlib, file writes) overlaps the others' work on the main thread.
    const written = await Promise.allSettled(outputs.map((output) => output.write(run, staged.dir)));
    const failed = written.find((w) => w.status === 'rejected');
    if (failed) throw failed.reason;
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
