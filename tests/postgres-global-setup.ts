// vitest globalSetup: every PostgreSQL test reads its server with inject('pgUrl'). LEI_TEST_PG_URL (or the local
// default) when it answers; otherwise a throwaway real server started here for the run. Never a mock, never a skip.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './start-throwaway-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const wanted = process.env.LEI_TEST_PG_URL ?? DEFAULT_TEST_PG_URL;
  const refusal = await connectError(wanted);
  if (refusal === null) {
    project.provide('pgUrl', wanted);
    return async () => undefined;
  }
  const server = await startThrowawayPostgres();
  process.stderr.write(
    `PostgreSQL テスト: ${wanted} に接続できない（${refusal}）ため、使い捨てのサーバーを起動しました（${server.binaries}）: ${server.url}\n`,
  );
  project.provide('pgUrl', server.url);
  return server.stop;
}

/** null when the server answers, else why not. */
async function connectError(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}
