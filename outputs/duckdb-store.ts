// The embedded default store: one DuckDB file holding every run's tables with their run_id, and a
// latest_<table> view per table. A run is written in one transaction; a run_id already stored is a no-op.
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSpec, PublishedTable } from '../lib/dataset-spec.ts';
import { faultPoint } from '../lib/fault-point.ts';
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
  return withStore(storePath, async (connection) => {
    await ensureSchema(
      connection,
      tables.map((t) => t.spec),
    );
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
      faultPoint('before-store-commit');
      await connection.run('COMMIT');
      faultPoint('after-store-commit');
    } catch (e) {
      await connection.run('ROLLBACK');
      throw e;
    }
    return 'written';
  });
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

/** Whether the store holds the run (a crash between the latest switch and the store commit leaves it behind). */
export async function storeHasRun(storePath: string, runId: string): Promise<boolean> {
  if (
    !(await access(storePath).then(
      () => true,
      () => false,
    ))
  )
    return false;
  return withStore(
    storePath,
    async (connection) => {
      const tables = await connection.runAndReadAll(`SELECT count(*)::INT AS n FROM information_schema.tables WHERE table_name = 'runs'`);
      if ((tables.getRowObjects()[0]?.n as number) === 0) return false;
      const found = await connection.runAndReadAll('SELECT count(*)::INT AS n FROM runs WHERE run_id = $1', [runId]);
      return (found.getRowObjects()[0]?.n as number) > 0;
    },
    { access_mode: 'READ_ONLY' },
  );
}

/** Where each publish target stands after an execution, recorded separately in the ledger. */
export interface TargetStates {
  /** The run folder and `latest`: written, unchanged (already the latest), or none (failed before). */
  folder: 'written' | 'unchanged' | 'none';
  store: 'written' | 'already-stored' | 'repaired' | 'skipped' | 'none';
  postgres: 'written' | 'already-published' | 'repaired' | 'failed' | 'skipped';
  /** The PostgreSQL target, its password redacted; null when not publishing. */
  postgresTarget: string | null;
}

export interface ExecutionRecord {
  /** One ledger row per execution. */
  executionId: string;
  startedAt: Date;
  finishedAt: Date | null;
  trigger: string;
  status: 'interrupted' | 'published' | 'unchanged' | 'dry-run' | 'failed';
  runId: string | null;
  counts: { error: number; warning: number; info: number } | null;
  error: string | null;
  targets: TargetStates | null;
}

const LEDGER_COLUMNS = [
  'started_at TIMESTAMPTZ',
  'finished_at TIMESTAMPTZ',
  'trigger VARCHAR',
  'status VARCHAR',
  'run_id VARCHAR',
  'errors INTEGER',
  'warnings INTEGER',
  'infos INTEGER',
  'error VARCHAR',
  'execution_id VARCHAR',
  'folder_state VARCHAR',
  'store_state VARCHAR',
  'postgres_state VARCHAR',
  'postgres_target VARCHAR',
];

/**
 * The run ledger: every execution (including unchanged and failed ones), for `lei status` and audits, with an
 * execution found killed (interrupted) recorded in the same transaction.
 */
export async function recordExecution(storePath: string, record: ExecutionRecord, interrupted?: ExecutionRecord): Promise<void> {
  await withStore(storePath, async (connection) => {
    if (interrupted) await writeLedgerRow(connection, interrupted);
    await writeLedgerRow(connection, record);
  });
}

/** Recording an execution again (same id) replaces its row. */
async function writeLedgerRow(connection: DuckDBConnection, record: ExecutionRecord): Promise<void> {
  await ensureLedger(connection);
  await connection.run('BEGIN TRANSACTION');
  await connection.run('DELETE FROM run_ledger WHERE execution_id = $1', [record.executionId]);
  await connection.run(
    `INSERT INTO run_ledger (${LEDGER_COLUMNS.map((c) => c.split(' ')[0]).join(', ')}) VALUES ($1::TIMESTAMPTZ, $2::TIMESTAMPTZ, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      record.startedAt.toISOString(),
      record.finishedAt?.toISOString() ?? null,
      record.trigger,
      record.status,
      record.runId,
      record.counts?.error ?? null,
      record.counts?.warning ?? null,
      record.counts?.info ?? null,
      record.error,
      record.executionId,
      record.targets?.folder ?? null,
      record.targets?.store ?? null,
      record.targets?.postgres ?? null,
      record.targets?.postgresTarget ?? null,
    ],
  );
  await connection.run('COMMIT');
}

async function ensureLedger(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE TABLE IF NOT EXISTS run_ledger (${LEDGER_COLUMNS.join(', ')})`);
  const present = new Set(
    (await connection.runAndReadAll(`SELECT column_name FROM information_schema.columns WHERE table_name = 'run_ledger'`))
      .getRowObjects()
      .map((r) => String(r.column_name)),
  );
  // A ledger made by an older version gains the newer columns (its rows keep NULL there).
  for (const column of LEDGER_COLUMNS.filter((c) => !present.has(c.split(' ')[0]!))) await connection.run(`ALTER TABLE run_ledger ADD COLUMN ${column}`);
}

/** A read-only open (options.access_mode) skips the checkpoint a writer pays on close. */
async function withStore<T>(storePath: string, use: (connection: DuckDBConnection) => Promise<T>, options: Record<string, string> = {}): Promise<T> {
  await mkdir(path.dirname(storePath), { recursive: true });
  const instance = await DuckDBInstance.create(storePath, options);
  const connection = await instance.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
