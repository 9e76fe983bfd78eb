// PostgreSQL (the shared dashboards' database): the run's tables and the latest_* views.
import { publishedRunOf, type Output } from './output.ts';
import { publishToPostgres, type PostgresTarget } from './publish-to-postgres.ts';

export function postgresOutput(target: PostgresTarget): Output<'written' | 'already-published'> {
  return {
    name: 'postgres',
    stage: 'target',
    write: (run, dir) => publishToPostgres(target, publishedRunOf(run, dir), run.tables),
  };
}
