// The embedded default store: one DuckDB file holding every run's tables with their run_id, and a
// latest_<table> view per table. A run is written in one transaction; a run_id already stored is a no-op.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSpec, PublishedTable } from '../lib/datasets.ts';
import { appendRows, columnSql, createTableSql } from './duckdb-tables.ts';

export interface StoredRun {
  runId: string;
  folder: string;
  startedAt: string;
  finishedAt: string;
  status: string;
  manifestJson: string;
}

export async function publishToStore(storePath: string, run: StoredRun, tables: readonly PublishedTable[]): Promise<'written' | 'already-stored'> {
  await mkdir(path.dirname(storePath), { recursive: true });
  const instance = await DuckDBInstance.create(storePath);
  const connection = await instance.connect();
  try {
    await ensureSchema(connection, tables.map((t) => t.spec));
    const existing = await connection.runAndReadAll('SELECT count(*)::INT AS n FROM runs WHERE run_id = $1', [run.runId]);
    if ((existing.getRowObjects()[0]?.n as number) > 0) return 'already-stored';
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run('INSERT INTO runs VALUES ($1, $2, $3::TIMESTAMPTZ, $4::TIMESTAMPTZ, $5, $6::JSON)', [
        run.runId,
        run.folder,
        run.startedAt,
        run.finishedAt,
        run.status,
        run.manifestJson,
      ]);
      // Rows go through a staging table and INSERT BY NAME, so a table created by an older version
      // (fewer columns) still takes them; new columns are added first.
      for (const t of tables) {
        const staging = `staging_${t.spec.name}`;
        await connection.run(createTableSql(t.spec, staging).replace('CREATE TABLE IF NOT EXISTS', 'CREATE TEMP TABLE'));
        await appendRows(connection, t, staging);
        await connection.run(`INSERT INTO "${t.spec.name}" BY NAME SELECT * FROM "${staging}"`);
        await connection.run(`DROP TABLE "${staging}"`);
      }
      await connection.run('COMMIT');
    } catch (e) {
      await connection.run('ROLLBACK');
      throw e;
    }
    return 'written';
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function ensureSchema(connection: DuckDBConnection, specs: readonly DatasetSpec[]): Promise<void> {
  await connection.run(
    `CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR PRIMARY KEY, folder VARCHAR, started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ, status VARCHAR, manifest JSON)`,
  );
  for (const spec of specs) {
    await connection.run(createTableSql(spec));
    const existing = new Set(
      (await connection.runAndReadAll('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [spec.name]))
        .getRowObjects()
        .map((r) => String(r.column_name)),
    );
    for (const c of spec.columns.filter((c) => !existing.has(c.name))) {
      await connection.run(`ALTER TABLE "${spec.name}" ADD COLUMN ${columnSql(c)}`);
    }
    await connection.run(
      `CREATE OR REPLACE VIEW latest_${spec.name} AS SELECT * FROM ${spec.name} WHERE run_id = (SELECT run_id FROM runs ORDER BY finished_at DESC LIMIT 1)`,
    );
  }
}

export interface ExecutionRecord {
  startedAt: Date;
  finishedAt: Date;
  trigger: string;
  status: 'published' | 'unchanged' | 'dry-run' | 'failed';
  runId: string | null;
  counts: { error: number; warning: number; info: number } | null;
  error: string | null;
}

/** The run ledger: every execution (including unchanged and failed ones), for `lei status` and audits. */
export async function recordExecution(storePath: string, record: ExecutionRecord): Promise<void> {
  await mkdir(path.dirname(storePath), { recursive: true });
  const instance = await DuckDBInstance.create(storePath);
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE TABLE IF NOT EXISTS run_ledger (started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ, trigger VARCHAR, status VARCHAR, run_id VARCHAR, errors INTEGER, warnings INTEGER, infos INTEGER, error VARCHAR)`,
    );
    await connection.run('INSERT INTO run_ledger VALUES ($1::TIMESTAMPTZ, $2::TIMESTAMPTZ, $3, $4, $5, $6, $7, $8, $9)', [
      record.startedAt.toISOString(),
      record.finishedAt.toISOString(),
      record.trigger,
      record.status,
      record.runId,
      record.counts?.error ?? null,
      record.counts?.warning ?? null,
      record.counts?.info ?? null,
      record.error,
    ]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
