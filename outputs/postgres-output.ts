// PostgreSQL (the shared dashboards' database): the run's tables and the latest_* views.
import path from 'node:path';
import type { Output } from './output.ts';
import { publishToPostgres, type PostgresTarget } from './publish-to-postgres.ts';

export function postgresOutput(target: PostgresTarget): Output<'written' | 'already-published'> {
  return {
    name: 'postgres',
    stage: 'target',
    write: (run, dir) =>
      publishToPostgres(
        target,
        {
          runId: run.runId,
          folder: path.basename(dir),
          startedAt: run.manifest.started_at,
          finishedAt: run.manifest.finished_at,
          manifestJson: JSON.stringify(run.manifest),
        },
        run.tables,
      ),
  };
}
