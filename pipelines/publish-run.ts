// Publishes a finished run folder (out/latest by default) to PostgreSQL from its own JSON datasets, so a
// dashboard database can be (re)filled without re-running the pipeline.
import path from 'node:path';
import { publishToPostgres, type PostgresTarget } from '../outputs/publish-to-postgres.ts';
import { readRunFolder } from './read-run-folder.ts';

export async function publishRun(runDir: string, target: PostgresTarget): Promise<{ runId: string; result: 'written' | 'already-published' }> {
  const { dir, manifest, manifestText, tables } = await readRunFolder(runDir);
  const result = await publishToPostgres(
    target,
    { runId: manifest.run_id, folder: path.basename(dir), startedAt: manifest.started_at, finishedAt: manifest.finished_at, manifestJson: manifestText },
    tables,
  );
  return { runId: manifest.run_id, result };
}
