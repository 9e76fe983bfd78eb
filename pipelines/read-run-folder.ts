// A finished run folder read back from its manifest and JSON datasets: what `lei publish` sends to PostgreSQL
// and what a later run uses to bring the store or PostgreSQL up to the run `latest` names.
import { access, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { PublishedTable } from '../lib/dataset-spec.ts';
import { datasets } from '../lib/datasets.ts';
import { UserError } from '../lib/user-error.ts';

export interface RunFolder {
  dir: string;
  manifest: { run_id: string; folder: string; started_at: string; finished_at: string };
  manifestText: string;
  /** Every dataset the folder holds as JSON (none when the run wrote no JSON: outputs.json false). */
  tables: PublishedTable[];
}

export async function readRunFolder(runDir: string): Promise<RunFolder> {
  const dir = await realpath(runDir).catch(() => {
    throw new UserError(`実行フォルダ「${runDir}」がありません。先に lei run を実行してください`, `Run folder "${runDir}" does not exist; run lei run first`);
  });
  const manifestText = await readFile(path.join(dir, 'manifest.json'), 'utf8');
  const tables: PublishedTable[] = [];
  for (const spec of datasets) {
    const file = path.join(dir, `${spec.name}.json`);
    if (
      !(await access(file).then(
        () => true,
        () => false,
      ))
    )
      continue;
    tables.push({ spec, rows: JSON.parse(await readFile(file, 'utf8')) as object[] });
  }
  return { dir, manifest: JSON.parse(manifestText) as RunFolder['manifest'], manifestText, tables };
}
