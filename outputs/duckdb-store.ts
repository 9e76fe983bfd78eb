// The embedded default store: one DuckDB file holding every run's tables with their run_id, a latest_<table> view per
// table, and the run ledger. A run is written in two transactions: its rows are staged (schema, the rows, a mark in
// pending_runs; committed and checkpointed beside the folder outputs), then listed (the `runs` row, the journaled ledger
// rows; after `latest` is switched). A run's rows count once its run_id is in `runs`: the latest_<table> views and every
// reader go through it, and rows of a run staged but never listed (a crash or a failed switch between the two) are
// removed by the next write, found through pending_runs. A run_id already listed is a no-op. After each write the store
// is stamped (outputs/store-stamp.ts), so an unchanged re-run learns what it holds without loading DuckDB.
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSpec, PublishedTable } from '../lib/dataset-spec.ts';
import { faultPoint } from '../lib/fault-point.ts';
import { appendRows, columnSql, createTableSql } from './duckdb-tables.ts';
import { LEDGER_COLUMNS, mergeLedger, readJournal, removeJournalEntries, type JournalEntry, type LedgerRow } from './ledger-journal.ts';
import { writeStoreStamp } from './store-stamp.ts';

export interface StoredRun {
  runId: string;
  folder: string;
  startedAt: string;
  finishedAt: string;
  status: string;
  manifestJson: string;
}

const RUNS_TABLE = `CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR PRIMARY KEY, folder VARCHAR, started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ, status VARCHAR, manifest JSON)`;
/** Runs whose rows are staged and not yet listed in `runs`. No key: a leftover mark and the same run's new one meet in one transaction. */
const PENDING_TABLE = `CREATE TABLE IF NOT EXISTS pending_runs (run_id VARCHAR)`;
/** Tables of the store's own with a run_id column that are not a dataset's. */
const OWN_TABLES = ['runs', 'run_ledger', 'pending_runs'];

/** A run's rows staged in the store (committed, not yet listed in `runs`): commit() lists the run, abandon() removes them (once closed, nothing). */
export interface StoreWrite {
  commit(): Promise<'written' | 'already-stored'>;
  abandon(): Promise<void>;
}

/** Stores the run (unless its run_id is listed) and folds the ledger journal in; then stamps the store. */
export async function publishToStore(storePath: string, run: StoredRun, tables: readonly PublishedTable[]): Promise<'written' | 'already-stored'> {
  return (await beginStoreWrite(storePath, run, tables)).commit();
}

/**
 * publishToStore up to listing the run. A run begins it beside its folder outputs, so the rows are appended, committed
 * and checkpointed while the dashboard is drawn, and lists the run (a small commit and checkpoint) after `latest` is
 * switched: the store never lists a run ahead of `latest`, and a crash before the listing leaves only rows that count
 * for nothing and that the next write removes.
 */
export async function beginStoreWrite(storePath: string, run: StoredRun, tables: readonly PublishedTable[]): Promise<StoreWrite> {
  const journal = await readJournal(storePath);
  const { connection, close } = await openStore(storePath);
  let listed: boolean;
  try {
    // One transaction for the schema too: a single commit (one log flush) instead of one per statement.
    listed = await withTransaction(connection, async () => {
      const layouts = await ensureSchema(
        connection,
        tables.map((t) => t.spec),
      );
      await removeUnlistedRuns(connection);
      if (await listsRun(connection, run.runId)) return true;
      for (const t of tables) await insertRows(connection, t, layouts.get(t.spec.name) ?? []);
      await connection.run('INSERT INTO pending_runs VALUES ($1)', [run.runId]);
      return false;
    });
    faultPoint('after-store-stage');
    // The rows reach the file now, before the switch: the checkpoint after it has only the runs row to write.
    await connection.run('CHECKPOINT');
  } catch (e) {
    await close(false);
    throw e;
  }
  let open = true;
  const closing = (checkpoint: boolean) => {
    open = false;
    return close(checkpoint);
  };
  return {
    async commit() {
      try {
        await withTransaction(connection, async () => {
          await foldJournal(connection, journal);
          if (!listed) {
            await connection.run('INSERT INTO runs VALUES ($1, $2, $3::TIMESTAMPTZ, $4::TIMESTAMPTZ, $5, $6::JSON)', [
              run.runId,
              run.folder,
              run.startedAt,
              run.finishedAt,
              run.status,
              run.manifestJson,
            ]);
            await connection.run('DELETE FROM pending_runs WHERE run_id = $1', [run.runId]);
          }
          faultPoint('before-store-commit');
        });
        faultPoint('after-store-commit');
      } catch (e) {
        await closing(false);
        throw e;
      }
      await closing(true);
      await writeStoreStamp(storePath, run.runId);
      await removeJournalEntries(storePath, journal);
      return listed ? 'already-stored' : 'written';
    },
    async abandon() {
      if (!open) return;
      // Best effort: rows left here are removed by the next write of the store anyway.
      const removed = await withTransaction(connection, () => removeUnlistedRuns(connection)).then(
        () => true,
        () => false,
      );
      await closing(removed);
    },
  };
}

async function listsRun(connection: DuckDBConnection, runId: string): Promise<boolean> {
  const found = await connection.runAndReadAll('SELECT count(*)::INT AS n FROM runs WHERE run_id = $1', [runId]);
  return (found.getRowObjects()[0]?.n as number) > 0;
}

/**
 * The rows of every run marked pending and not in `runs` go from every dataset table, then the marks. Only the small
 * pending_runs table is read when there are none (every write but the one after a crash or a failed switch).
 */
async function removeUnlistedRuns(connection: DuckDBConnection): Promise<void> {
  const marks = await connection.runAndReadAll('SELECT count(*)::INT AS n FROM pending_runs');
  if ((marks.getRowObjects()[0]?.n as number) === 0) return;
  // Every base table with a run_id, not only this run's specs: the rows left may be of tables a later config dropped.
  const found = await connection.runAndReadAll(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
     WHERE c.table_catalog = current_database() AND c.table_schema = 'main' AND t.table_type = 'BASE TABLE' AND c.column_name = 'run_id'`,
  );
  const tables = found
    .getRowObjects()
    .map((r) => String(r.table_name))
    .filter((name) => !OWN_TABLES.includes(name));
  const unlisted = 'SELECT run_id FROM pending_runs WHERE run_id NOT IN (SELECT run_id FROM runs)';
  await connection.run([...tables.map((name) => `DELETE FROM "${name}" WHERE run_id IN (${unlisted})`), 'DELETE FROM pending_runs'].join(';\n'));
}

async function withTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (e) {
    await rollback(connection);
    throw e;
  }
}

/** A failed COMMIT has already ended the transaction: the error to report is the first one, not ROLLBACK's. */
async function rollback(connection: DuckDBConnection): Promise<void> {
  await connection.run('ROLLBACK').catch(() => {});
}

/**
 * A table whose columns are the spec's, in order (made by this version), takes the rows straight from the appender;
 * one made by an older version (fewer columns, now added at the end) takes them through a staging table and INSERT BY NAME.
 */
async function insertRows(connection: DuckDBConnection, table: PublishedTable, columns: readonly string[]): Promise<void> {
  const { spec } = table;
  if (columns.length === spec.columns.length && spec.columns.every((c, i) => c.name === columns[i])) return appendRows(connection, table);
  const staging = `staging_${spec.name}`;
  await connection.run(createTableSql(spec, staging).replace('CREATE TABLE IF NOT EXISTS', 'CREATE TEMP TABLE'));
  await appendRows(connection, table, staging);
  await connection.run(`INSERT INTO "${spec.name}" BY NAME SELECT * FROM "${staging}"`);
  await connection.run(`DROP TABLE "${staging}"`);
}

/**
 * Creates what is missing — tables, columns an older version lacked, the latest_<table> views, the ledger, pending_runs — in one
 * statement batch after one look at the catalog; returns each dataset table's columns in order.
 */
async function ensureSchema(connection: DuckDBConnection, specs: readonly DatasetSpec[]): Promise<Map<string, string[]>> {
  const present = new Map<string, string[]>();
  const catalog = await connection.runAndReadAll(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY table_name, ordinal_position`,
  );
  for (const r of catalog.getRowObjects()) {
    const name = String(r.table_name);
    present.set(name, [...(present.get(name) ?? []), String(r.column_name)]);
  }
  const statements: string[] = [];
  if (!present.has('runs')) statements.push(RUNS_TABLE);
  // A store made by a version that wrote a run in one transaction has no pending_runs.
  if (!present.has('pending_runs')) statements.push(PENDING_TABLE);
  statements.push(...ledgerStatements(present.get('run_ledger')));
  const layouts = new Map<string, string[]>();
  for (const spec of specs) {
    const existing = present.get(spec.name);
    if (existing === undefined) statements.push(createTableSql(spec));
    const missing = spec.columns.filter((c) => existing !== undefined && !existing.includes(c.name));
    for (const c of missing) statements.push(`ALTER TABLE "${spec.name}" ADD COLUMN ${columnSql(c)}`);
    layouts.set(spec.name, [...(existing ?? []), ...(existing === undefined ? spec.columns : missing).map((c) => c.name)]);
    // A view over SELECT * is made again when its table changes shape (DuckDB fixes a view's columns when it is made).
    if (existing === undefined || missing.length > 0 || !present.has(`latest_${spec.name}`)) {
      statements.push(
        `CREATE OR REPLACE VIEW latest_${spec.name} AS SELECT * FROM ${spec.name} WHERE run_id = (SELECT run_id FROM runs ORDER BY finished_at DESC LIMIT 1)`,
      );
    }
  }
  if (statements.length > 0) await connection.run(statements.join(';\n'));
  return layouts;
}

/** The ledger table, or the columns a ledger made by an older version lacks (its rows keep NULL there). */
function ledgerStatements(present: readonly string[] | undefined): string[] {
  if (present === undefined) return [`CREATE TABLE run_ledger (${LEDGER_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})`];
  return LEDGER_COLUMNS.filter(([name]) => !present.includes(name)).map(([name, type]) => `ALTER TABLE run_ledger ADD COLUMN ${name} ${type}`);
}

/** The journal's rows into run_ledger, replacing rows of the same execution: folding twice (a crash before the files went) changes nothing. */
async function foldJournal(connection: DuckDBConnection, journal: readonly JournalEntry[]): Promise<void> {
  if (journal.length === 0) return;
  const rows = journal.map((e) => e.row);
  const ids = rows.map((r) => r.execution_id);
  await connection.run(`DELETE FROM run_ledger WHERE execution_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`, ids);
  const width = LEDGER_COLUMNS.length;
  const tuples = rows.map(
    (_, r) => `(${LEDGER_COLUMNS.map(([, type], c) => `$${r * width + c + 1}${type === 'TIMESTAMPTZ' ? '::TIMESTAMPTZ' : ''}`).join(', ')})`,
  );
  await connection.run(
    `INSERT INTO run_ledger (${LEDGER_COLUMNS.map(([name]) => name).join(', ')}) VALUES ${tuples.join(', ')}`,
    rows.flatMap((row) => LEDGER_COLUMNS.map(([name]) => row[name])),
  );
}

/**
 * Whether the store lists the run in `runs` (a crash between the latest switch and the listing leaves it behind). Read-only,
 * unless a killed writer left a commit in the write-ahead log: then opened for writing, so that closing it checkpoints
 * the log into the file once, instead of every later read-only open (status, ledger, each unchanged run, which cannot
 * trust the stamp beside a log) replaying it again.
 */
export async function storeHasRun(storePath: string, runId: string): Promise<boolean> {
  if (!(await exists(storePath))) return false;
  const log = await exists(`${storePath}.wal`);
  return withStore(
    storePath,
    async (connection) => {
      const tables = await connection.runAndReadAll(`SELECT count(*)::INT AS n FROM information_schema.tables WHERE table_name = 'runs'`);
      return (tables.getRowObjects()[0]?.n as number) > 0 && listsRun(connection, runId);
    },
    log ? {} : { access_mode: 'READ_ONLY' },
  );
}

/** The whole run ledger, oldest first: the store's run_ledger table and the journal's rows not yet folded into it. */
export async function readLedger(storePath: string): Promise<LedgerRow[]> {
  const journal = (await readJournal(storePath)).map((e) => e.row);
  if (!(await exists(storePath))) return mergeLedger([], journal);
  const table = await withStore(
    storePath,
    async (connection) => {
      const found = await connection.runAndReadAll(`SELECT count(*)::INT AS n FROM information_schema.tables WHERE table_name = 'run_ledger'`);
      if ((found.getRowObjects()[0]?.n as number) === 0) return [];
      const select = LEDGER_COLUMNS.map(([name, type]) => (type === 'TIMESTAMPTZ' ? `epoch_ms(${name})::DOUBLE AS ${name}` : name)).join(', ');
      return (await connection.runAndReadAll(`SELECT ${select} FROM run_ledger`)).getRowObjects().map(ledgerRowFromTable);
    },
    { access_mode: 'READ_ONLY' },
  );
  return mergeLedger(table, journal);
}

function ledgerRowFromTable(r: Record<string, unknown>): LedgerRow {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const count = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const time = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)).toISOString());
  return {
    started_at: time(r.started_at) ?? '',
    finished_at: time(r.finished_at),
    trigger: String(r.trigger),
    status: String(r.status),
    run_id: text(r.run_id),
    errors: count(r.errors),
    warnings: count(r.warnings),
    infos: count(r.infos),
    error: text(r.error),
    execution_id: text(r.execution_id),
    folder_state: text(r.folder_state),
    store_state: text(r.store_state),
    postgres_state: text(r.postgres_state),
    postgres_target: text(r.postgres_target),
  };
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * A read-only open (options.access_mode) skips the checkpoint a writer pays on close. One thread: a run's tables are a
 * few thousand rows, and a second thread only adds its start and hand-offs (less CPU, the same store).
 */
async function withStore<T>(storePath: string, use: (connection: DuckDBConnection) => Promise<T>, options: Record<string, string> = {}): Promise<T> {
  const { connection, close } = await openStore(storePath, options);
  let result: T;
  try {
    result = await use(connection);
  } catch (e) {
    await close(false);
    throw e;
  }
  await close(options.access_mode !== 'READ_ONLY');
  return result;
}

/**
 * `close(checkpoint)`: a writer checkpoints with a statement first, which DuckDB runs in its own thread; closing then
 * has nothing left to write (closeSync checkpointed on the main thread: 30–65 ms with the sample's run).
 */
async function openStore(
  storePath: string,
  options: Record<string, string> = {},
): Promise<{ connection: DuckDBConnection; close: (checkpoint: boolean) => Promise<void> }> {
  await mkdir(path.dirname(storePath), { recursive: true });
  const instance = await DuckDBInstance.create(storePath, { threads: '1', ...options });
  const connection = await instance.connect();
  return {
    connection,
    async close(checkpoint) {
      try {
        if (checkpoint) await connection.run('CHECKPOINT');
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    },
  };
}
