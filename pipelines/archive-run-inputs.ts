// Step 2: every input and config file copied into the content-addressed archive (streamed), before anything reads them;
// from here on the run's inputs are read from their archived copies, whose content was checked against the sha256 the
// run id names as they were written, so that no reader hashes a file again and a rewrite of the inbox cannot reach them.
import path from 'node:path';
import type { OutputAccess } from '../lib/output-access.ts';
import { archiveInputs, archivePath } from '../sources/archive-inputs.ts';
import { archivedInboxFile } from '../sources/inbox-file.ts';
import type { RunInputs } from './load-run-inputs.ts';
import type { RunOptions } from './run-types.ts';

export function archiveDirOf(options: RunOptions): string {
  return options.archiveDir ?? path.join(options.outDir, 'archive');
}

/** `copiedOnListing`: inputs loadRunFiles already copied while hashing them (their handles read the copies already). */
export async function archiveRunInputs(
  options: RunOptions,
  run: Pick<RunInputs, 'configFiles' | 'inputs'>,
  access: OutputAccess,
  copiedOnListing = 0,
): Promise<void> {
  const archiveDir = archiveDirOf(options);
  const configs = run.configFiles.map((c) => ({
    sha256: c.sha256,
    size: c.bytes.length,
    readChunks: async function* () {
      yield c.bytes;
    },
  }));
  const toCopy = run.inputs.filter((f) => f.archived === undefined);
  const archived = copiedOnListing + (await archiveInputs(archiveDir, [...toCopy, ...configs], access));
  // In place: the handles are the run's (executeRun goes on with the same RunInputs).
  run.inputs.forEach((file, i) => {
    if (file.archived === undefined) run.inputs[i] = archivedInboxFile(file, archivePath(archiveDir, file.sha256));
  });
  if (archived > 0) options.log?.(`${archived} 件のファイルをアーカイブに保存しました: ${archiveDir}`, `${archived} files archived: ${archiveDir}`);
}
