// Publishing to a real PostgreSQL (tests/postgres-global-setup.ts: LEI_TEST_PG_URL, else a throwaway server): one transaction per run,
// re-publishing is a no-op, readers never see half a run, and a killed publisher leaves the previous run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishRun } from '../pipelines/publish-run.ts';
import { runPipeline, type RunResult } from '../pipelines/run-pipeline.ts';
import { repoRoot, setagayaConfig, tempDir } from './helpers.ts';
import { addManualEntryFile, sampleInboxCopy, sampleRun, type SampleRun } from './sample-fixtures.ts';

const url = inject('pgUrl');
const schema = `lei_test_${process.pid}`;
let client: pg.Client;
// The bundled sample run (made once per test run, tests/sample-global-setup.ts); published, never written into.
let first: SampleRun;
let second: RunResult;

beforeAll(async () => {
  first = await sampleRun();
  client = new pg.Client({ connectionString: url });
  await client.connect().catch((e: Error) => {
    throw new Error(`PostgreSQL に接続できません（${url}）: ${e.message}`);
  });
  const inbox = await sampleInboxCopy();
  // A second run: one more workbook with a FY2025 value changes the inputs and so the run.
  await addManualEntryFile(inbox);
  second = await runPipeline({ configDir: setagayaConfig, inboxDir: inbox, outDir: await tempDir(), storePath: null });
});

afterAll(async () => {
  await client?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client?.end();
});

const latestRuns = async () =>
  (await client.query(`SELECT run_id, count(*)::int AS n FROM "${schema}".latest_indicator_values GROUP BY run_id`)).rows as { run_id: string; n: number }[];

describe('publishing to PostgreSQL', () => {
  it('writes typed tables with keys and comments, and a second publication of the same run is a no-op', async () => {
    const target = { connectionString: url, schema };
    expect((await publishRun(first.folder, target)).result).toBe('written');
    expect((await publishRun(first.folder, target)).result).toBe('already-published');
    expect(await latestRuns()).toEqual([{ run_id: first.runId, n: 206 }]);
    const row = (
      await client.query(
        `SELECT value, "index"::text AS index, trend, direction FROM "${schema}".latest_indicator_values WHERE slot_id = 'v2-long-2' AND fiscal_year = 2024`,
      )
    ).rows[0];
    expect(row).toEqual({ value: '59', index: '118.00', trend: '↑', direction: 'lower' });
    const key = await client.query(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY a.attname`,
      [`"${schema}".action_plan_progress`],
    );
    expect(key.rows.map((r) => r.attname)).toEqual(['fiscal_year', 'line_id', 'run_id']);
    const comment = await client.query(`SELECT col_description($1::regclass, 16) AS c`, [`"${schema}".indicator_values`]);
    expect(comment.rows[0].c).toContain('指数');
  });

  it('never shows a reader half a run while a new run is being published', async () => {
    const seen: { run_id: string; n: number }[][] = [];
    let publishing = true;
    const reader = (async () => {
      while (publishing) {
        seen.push(await latestRuns());
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    expect(second.counts.indicatorValues).toBe(309); // 103 slots × FY2023–2025
    const result = await publishRun(second.folder, { connectionString: url, schema, onBatch: () => new Promise((r) => setTimeout(r, 30)) });
    publishing = false;
    await reader;
    expect(result.result).toBe('written');
    expect(seen.length).toBeGreaterThan(3);
    for (const snapshot of seen) {
      expect([[{ run_id: first.runId, n: 206 }], [{ run_id: second.runId, n: 309 }]]).toContainEqual(snapshot);
    }
    expect(await latestRuns()).toEqual([{ run_id: second.runId, n: 309 }]);
  });

  it('leaves the previous run visible when the publisher is killed mid-transaction, and the lock is released', async () => {
    const killedSchema = `${schema}_kill`;
    try {
      await publishRun(first.folder, { connectionString: url, schema: killedSchema });
      const child = spawn(
        'node',
        ['--import', 'tsx', path.join(repoRoot, 'tests', 'fixtures', 'publish-slowly.ts'), second.folder, url, killedSchema, '2000'],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('batch') && resolve()));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      const runs = await client.query(`SELECT run_id FROM "${killedSchema}".runs`);
      expect(runs.rows.map((r) => r.run_id)).toEqual([first.runId]);
      const leftovers = await client.query(`SELECT count(*)::int AS n FROM "${killedSchema}".indicator_values WHERE run_id = $1`, [second.runId]);
      expect(leftovers.rows[0].n).toBe(0);
      // The advisory lock died with the connection: the next publisher goes through.
      expect((await publishRun(second.folder, { connectionString: url, schema: killedSchema })).result).toBe('written');
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${killedSchema}" CASCADE`);
    }
  });
});
