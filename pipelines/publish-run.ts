// Publishes a finished run folder (out/latest by default) to PostgreSQL from its own JSON datasets, so a
// dashboard database can be (re)filled without re-running the pipeline.
import { access, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { datasets, type PublishedTable } from '../lib/datasets.ts';
import { UserError } from '../lib/user-error.ts';
import { publishToPostgres, type PostgresTarget } from '../outputs/publish-to-postgres.ts';


export async function publishRun(runDir: string, target: PostgresTarget): Promise<{ runId: string; result: 'written' | 'already-published' }> {
  const dir = await realpath(runDir).catch(() => {
    throw new UserError(`実行フォルダ「${runDir}」がありません。先に lei run を実行してください`, `Run folder "${runDir}" does not exist; run lei run first`);
  });
  const manifestText = await readFile(path.join(dir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as { run_id: string; folder: string; started_at: string; finished_at: string };
  const tables: PublishedTable[] = [];
  for (const spec of datasets) {
    const file = path.join(dir, `${spec.name}.json`);
    if (!(await access(file).then(() => true, () => false))) continue;
    tables.push({ spec, rows: JSON.parse(await readFile(file, 'utf8')) as object[] });
  }
  const result = await publishToPostgres(
    target,
    { runId: manifest.run_id, folder: path.basename(dir), startedAt: manifest.started_at, finishedAt: manifest.finished_at, manifestJson: manifestText },
    tables,
  );
  return { runId: manifest.run_id, result };
}
