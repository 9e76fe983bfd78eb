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
import type { BegunTargets } from './publish-targets.ts';

/**
 * Inboxes larger than this build the site in the calling thread: its own thread adds ~20 MB to the run's peak (scale
 * inbox, 138 MB: 258 → 279 MB) for ~0.05 s, while a small inbox's run is 0.1 s shorter with it (docs/benchmarks.md).
 */
export const SITE_THREAD_MAX_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * The run folder's outputs, in the order they are started: the site first when it has its own thread (its job goes there
 * at once), then the datasets (DuckDB's Parquet runs beside the rest). Made before the families are read: the site's thread loads its
 * modules meanwhile (releaseOutputs ends it if unused).
 */
export function folderOutputs(outputs: PipelineConfig['outputs'], inputBytes = 0): Output[] {
  const workbook = outputs.committeeWorkbook ? [committeeWorkbookOutput] : [];
  const inline = inputBytes > SITE_THREAD_MAX_INPUT_BYTES;
  const site = outputs.site ? [siteOutput(outputs, [MANIFEST_FILE, ...workbook.map(() => COMMITTEE_WORKBOOK_FILE)], inline ? 'inline' : undefined)] : [];
  const others = [datasetFilesOutput(outputs), ...workbook, manifestOutput];
  // Built in this thread, the site comes last: the datasets' JSON is written first, so that DuckDB's Parquet starts early.
  return inline ? [...others, ...site] : [...site, ...others];
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
    // Together: each output's waiting (DuckDB, zlib, file writes, the site's thread) overlaps the others' work.
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

/** Ends what an output started and no write used (the site's thread), when a run stops before writing. */
export function releaseOutputs(outputs: readonly Output[]): void {
  for (const output of outputs) if ('release' in output && typeof output.release === 'function') output.release();
}
