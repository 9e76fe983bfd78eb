// Rebuilds a past run from the archive alone: its inputs and config files, found by sha256, are laid out
// again and run; the same code gives the same run id and byte-identical datasets.
import { copyFile, mkdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../lib/user-error.ts';
import { archivePath } from '../sources/archive-inputs.ts';
import { runPipeline, type RunResult } from './run-pipeline.ts';

interface Manifest {
  run_id: string;
  inputs: { file: string; sha256: string }[];
  config_files: { file: string; sha256: string }[];
  /** The month the data contracts judged against (absent in runs made before they existed). */
  as_of?: string;
}

export async function reproduceRun(runDir: string, archiveDir: string, into: string): Promise<{ original: string; result: RunResult }> {
  const dir = await realpath(runDir).catch(() => {
    throw new UserError(`実行フォルダ「${runDir}」がありません`, `Run folder "${runDir}" does not exist`);
  });
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const restore = async (sha: string, target: string) => {
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(archivePath(archiveDir, sha), target).catch(() => {
      throw new UserError(
        `アーカイブに ${sha.slice(0, 12)}…（${path.basename(target)}）がありません。アーカイブのフォルダ（--archive）を確認してください`,
        `The archive has no ${sha.slice(0, 12)}… (${path.basename(target)}); check the archive folder (--archive)`,
      );
    });
  };
  const inbox = path.join(into, 'inbox');
  const config = path.join(into, 'config');
  await mkdir(inbox, { recursive: true });
  for (const f of manifest.inputs) await restore(f.sha256, path.join(inbox, f.file));
  for (const f of manifest.config_files) await restore(f.sha256, path.join(config, f.file));
  const result = await runPipeline({
    configDir: config,
    inboxDir: inbox,
    outDir: path.join(into, 'out'),
    storePath: null,
    trigger: 'reprocess',
    full: true,
    ...(manifest.as_of ? { asOf: manifest.as_of } : {}),
  });
  return { original: manifest.run_id, result };
}
