// The embedded default store: one DuckDB file holding every run's tables with their run_id, and a
// latest_<table> view per table. A run is written in one transaction; a run_id already stored is a no-op.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType, DatasetSpec } from '../lib/datasets.ts';

export interface StoredRun {
  runId: string;
  folder: string;
  startedAt: string;
  finishedAt: string;
  status: string;
  manifestJson: string;
}

export interface StoreTable {
  spec: DatasetSpec;
  rows: readonly object[];
}

const SQL_TYPES: Record<ColumnType, string> = { string: 'VARCHAR', integer: 'BIGINT', decimal: 'DOUBLE', boolean: 'BOOLEAN' };

export async function publishToStore(storePath: string, run: StoredRun, tables: readonly StoreTable[]): Promise<'written' | 'already-stored'> {
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
      for (const t of tables) await appendRows(connection, t);
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
    const columns = spec.columns.map((c) => `"${c.name}" ${SQL_TYPES[c.type]}`).join(', ');
    await connection.run(`CREATE TABLE IF NOT EXISTS ${spec.name} (${columns})`);
    await connection.run(
      `CREATE OR REPLACE VIEW latest_${spec.name} AS SELECT * FROM ${spec.name} WHERE run_id = (SELECT run_id FROM runs ORDER BY finished_at DESC LIMIT 1)`,
    );
  }
}

async function appendRows(connection: DuckDBConnection, { spec, rows }: StoreTable): Promise<void> {
  const appender = await connection.createAppender(spec.name);
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    for (const c of spec.columns) {
      const v = record[c.name];
      if (v === null || v === undefined) appender.appendNull();
      else if (c.type === 'string') appender.appendVarchar(String(v));
      else if (c.type === 'integer') appender.appendBigInt(BigInt(v as number));
      else if (c.type === 'decimal') appender.appendDouble(v as number);
      else appender.appendBoolean(Boolean(v));
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
