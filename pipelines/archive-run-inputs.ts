// Step 2: every input and config file copied into the content-addressed archive (streamed), before anything reads them.
import path from 'node:path';
import type { OutputAccess } from '../lib/output-access.ts';
import { archiveInputs } from '../sources/archive-inputs.ts';
import type { RunInputs } from './load-run-inputs.ts';
import type { RunOptions } from './run-types.ts';

export async function archiveRunInputs(options: RunOptions, run: Pick<RunInputs, 'configFiles' | 'inputs'>, access: OutputAccess): Promise<void> {
  const archiveDir = options.archiveDir ?? path.join(options.outDir, 'archive');
  const configs = run.configFiles.map((c) => ({
    sha256: c.sha256,
    readChunks: async function* () {
      yield c.bytes;
    },
  }));
  const archived = await archiveInputs(archiveDir, [...run.inputs, ...configs], access);
  if (archived > 0) options.log?.(`${archived} 件のファイルをアーカイブに保存しました: ${archiveDir}`, `${archived} files archived: ${archiveDir}`);
}
