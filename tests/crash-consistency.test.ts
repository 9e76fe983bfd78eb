// kill -9 at each named point of a real `lei run --publish` (LEI_FAULT_AT, lib/fault-point.ts): afterwards the
// next ordinary run leaves `latest`, the DuckDB store, the run ledger and PostgreSQL naming the same run, with
// every earlier run kept, nothing half-written left, and the summary saying what it repaired. The killed run is a real
// process; the next ordinary run runs in this process (runCli), as nothing about it needs one. The cases run side by
// side, each in its own output folder and PostgreSQL schema. The runs write only the tables (tablesOnlyConfig): no fault
// point is in the site, workbook or Parquet, which would only make each run slower.
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, type ExpectStatic } from 'vitest';
import type { FaultPoint } from '../lib/fault-point.ts';
import { readLedger } from '../outputs/duckdb-store.ts';
import { publishRun } from '../pipelines/publish-run.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { repoRoot, setagayaConfig, tablesOnlyConfig, tempDir } from './helpers.ts';
import { lei as leiInProcess } from './lei-in-process.ts';
import { addManualEntryFile, sampleInboxCopy } from './sample-fixtures.ts';

// The test server: LEI_TEST_PG_URL or the default when it answers, else a throwaway one (tests/postgres-global-setup.ts).
const url = inject('pgUrl');
const schemaPrefix = `lei_crash_${process.pid}`;
let client: pg.Client;
let config: string;
let baselineOut: string;
let baselineRunId: string;
let baselineInbox: string;
let nextInbox: string;
let nextRunId: string;
const schemas: string[] = [];

beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
  // The run before the crash (R0) over the sample inbox, with its store (published to PostgreSQL per case); then an inbox with one more workbook (R1).
  config = await tablesOnlyConfig(setagayaConfig);
  baselineInbox = await sampleInboxCopy();
  baselineOut = path.join(await tempDir(), 'out');
  baselineRunId = (await runPipeline({ configDir: config, inboxDir: baselineInbox, outDir: baselineOut, storePath: path.join(baselineOut, 'store.duckdb') }))
    .runId;
  nextInbox = await tempDir();
  await cp(baselineInbox, nextInbox, { recursive: true });
  await addManualEntryFile(nextInbox);
  nextRunId = (await runPipeline({ configDir: config, inboxDir: nextInbox, outDir: baselineOut, storePath: null, dryRun: true })).runId;
});

afterAll(async () => {
  for (const s of schemas) await client?.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client?.end();
});

/**
 * What the next ordinary run must say it repaired, by where the killed run stopped. A function of whether `latest` was
 * switched: killed with the run's rows staged in the store and the run not listed in `runs` (after-store-stage), before
 * or after the switch by which finished first, the folder outputs or the staging.
 */
const cases: { at: FaultPoint; says: RegExp[] | ((switched: boolean) => RegExp[]) }[] = [
  { at: 'after-archive', says: [] },
  { at: 'after-staging-write', says: [/中断した実行の書きかけを消しました: runs\/\.staging-/] },
  {
    at: 'after-store-stage',
    says: (switched) =>
      switched ? [/データベースに最新の実行/, /PostgreSQL（スキーマ \w+）に最新の実行/] : [/中断した実行の書きかけを消しました: runs\/\.staging-/],
  },
  { at: 'after-switch', says: [/データベースに最新の実行（\w+）がなかった/, /PostgreSQL（スキーマ \w+）に最新の実行（\w+）がなかった/] },
  { at: 'before-store-commit', says: [/データベースに最新の実行/, /PostgreSQL（スキーマ \w+）に最新の実行/] },
  { at: 'after-store-commit', says: [/PostgreSQL（スキーマ \w+）に最新の実行/] },
  { at: 'mid-postgres-publish', says: [/PostgreSQL（スキーマ \w+）に最新の実行/] },
  { at: 'after-postgres-commit', says: [] },
  { at: 'before-ledger', says: [] },
];

describe('a run killed with SIGKILL', () => {
  // Two cases at a time (maxConcurrency in vitest.config.ts) share the machine: a longer time limit than one alone.
  it.concurrent.for(cases)('at $at is made consistent by the next ordinary run, with nothing lost', { timeout: 120_000 }, async ({ at, says }, { expect }) => {
    const out = await tempDir();
    await cp(baselineOut, out, { recursive: true, verbatimSymlinks: true });
    const schema = `${schemaPrefix}_${schemas.length}`;
    schemas.push(schema);
    await publishRun(path.join(out, 'latest'), { connectionString: url, schema });
    const args = [
      'run',
      '--config',
      config,
      '--inbox',
      nextInbox,
      '--out',
      out,
      '--store',
      path.join(out, 'store.duckdb'),
      '--publish',
      url,
      '--publish-schema',
      schema,
      '--warnings-ok',
    ];

    const killed = await lei(args, { LEI_FAULT_AT: at });
    expect(killed.signal).toBe('SIGKILL');
    const expected = typeof says === 'function' ? says(await stagedUnlisted(out, expect)) : says;
    const next = await leiInProcess(...args);
    expect(next.code, next.stderr).toBe(0);
    for (const message of expected) expect(next.stdout).toMatch(message);
    if (expected.length === 0) expect(next.stdout).not.toMatch(/補いました|がなかったため|書きかけを消しました/);

    // latest, the store, PostgreSQL and the ledger all name R1; R0 is still in the store and PostgreSQL.
    const latestDir = await realpath(path.join(out, 'latest'));
    const manifest = JSON.parse(await readFile(path.join(latestDir, 'manifest.json'), 'utf8')) as { run_id: string; counts: { indicator_values: number } };
    expect(manifest.run_id).toBe(nextRunId);
    const store = await readStore(path.join(out, 'store.duckdb'));
    expect(store.runs).toEqual([
      { run_id: baselineRunId, folder: expect.any(String) },
      { run_id: nextRunId, folder: path.basename(latestDir) },
    ]);
    expect(store.latest).toEqual([{ run_id: nextRunId, n: manifest.counts.indicator_values }]);
    expect(store.ledger.at(-1)).toMatchObject({ status: expect.stringMatching(/^(published|unchanged)$/), run_id: nextRunId, store_state: expect.any(String) });
    expect(store.ledger.filter((r) => r.status === 'interrupted')).toHaveLength(1);
    expect(store.ledger.filter((r) => r.status === 'running')).toHaveLength(0);
    expect(store.twice).toEqual([]);
    // No base-table row of a run missing from `runs`, and no pending mark, stays behind.
    expect(store.unlisted).toEqual([]);
    expect(store.pending).toEqual([]);
    const pgRuns = (await client.query(`SELECT run_id FROM "${schema}".runs ORDER BY published_at`)).rows.map((r: { run_id: string }) => r.run_id);
    expect(pgRuns).toEqual([baselineRunId, nextRunId]);
    const pgLatest = await client.query(`SELECT run_id, count(*)::int AS n FROM "${schema}".latest_indicator_values GROUP BY run_id`);
    expect(pgLatest.rows).toEqual([{ run_id: nextRunId, n: manifest.counts.indicator_values }]);
    // Nothing half-made is left, and the lock is free.
    expect((await readdir(path.join(out, 'runs'))).filter((n) => n.startsWith('.'))).toEqual([]);
    expect((await readdir(out)).filter((n) => n.startsWith('.latest-') || n === '.run.lock')).toEqual([]);
  });
});

describe('a run made again with --full, killed while its folder is being replaced', () => {
  it('is completed by the next ordinary run: latest, the folder and the store name the same run', async () => {
    const out = await tempDir();
    await cp(baselineOut, out, { recursive: true, verbatimSymlinks: true });
    const args = ['run', '--config', config, '--inbox', baselineInbox, '--out', out, '--store', path.join(out, 'store.duckdb'), '--warnings-ok'];
    const killed = await lei([...args, '--full'], { LEI_FAULT_AT: 'mid-folder-replace' });
    expect(killed.signal).toBe('SIGKILL');
    const next = await leiInProcess(...args);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/中断した実行の書きかけを消しました: runs\/\.staging-/);
    const latestDir = await realpath(path.join(out, 'latest'));
    expect(JSON.parse(await readFile(path.join(latestDir, 'manifest.json'), 'utf8')).run_id).toBe(baselineRunId);
    expect((await readStore(path.join(out, 'store.duckdb'))).runs).toEqual([{ run_id: baselineRunId, folder: path.basename(latestDir) }]);
    expect(await readdir(path.join(out, 'runs'))).toEqual([path.basename(latestDir)]);
  });
});

/** The killed run's rows are in the store's tables, counted by nothing (no runs row) until the next run removes them; whether `latest` names it. */
async function stagedUnlisted(out: string, expect: ExpectStatic): Promise<boolean> {
  expect((await readStore(path.join(out, 'store.duckdb'))).unlisted).toEqual([{ run_id: nextRunId, n: expect.any(Number) }]);
  return (await readFile(path.join(out, 'latest', 'manifest.json'), 'utf8')).includes(nextRunId);
}

async function lei(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawn('node', [path.join(repoRoot, 'bin', 'lei.js'), ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

async function readStore(file: string) {
  const db = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  try {
    const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjects();
    return {
      runs: await rows('SELECT run_id, folder FROM runs ORDER BY finished_at'),
      latest: await rows('SELECT run_id, count(*)::INT AS n FROM latest_indicator_values GROUP BY run_id'),
      // Folding the journal replaces rows by execution id: the table never holds one execution twice.
      twice: await rows('SELECT execution_id FROM run_ledger GROUP BY execution_id HAVING count(*) > 1'),
      unlisted: await rows('SELECT run_id, count(*)::INT AS n FROM indicator_values WHERE run_id NOT IN (SELECT run_id FROM runs) GROUP BY run_id'),
      pending: await rows('SELECT run_id FROM pending_runs'),
      // The ledger is its table and the journal not yet folded into it (outputs/ledger-journal.ts).
      ledger: (await readLedger(file)).map((r) => ({
        status: r.status,
        run_id: r.run_id,
        folder_state: r.folder_state,
        store_state: r.store_state,
        postgres_state: r.postgres_state,
      })),
    };
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}
