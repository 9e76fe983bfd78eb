// The embedded default store: one DuckDB file holding every run's tables with their run_id, a latest_<table> view per
// table, and the run ledger. A run is written in two transactions: its rows are staged (schema, the rows, a mark in
// pending_runs; committed and checkpointed beside the folder outputs), then listed (the `runs` row, the journaled ledger
// rows; after `latest` is switched). A run's rows count once its run_id is in `runs`: the latest_<table> views and every
// reader go through it, and rows of a run staged but never listed (a crash or a failed switch between the two) are
// removed by the next write, found through pending_runs. A run_id already listed is a no-op. After each write the store
// is stamped (outputs/store-stamp.ts), so an unchanged re-run learns what it holds without loading DuckDB.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSpec, PublishedTable } from '../lib/dataset-spec.ts';
import { faultPoint } from '../lib/fault-point.ts';
import { columnSql, createTableSql, jsonSource, sqlString } from './duckdb-tables.ts';
import { tableJson } from './format-json.ts';
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
 * publishToStore up to listing the run. A run begins it beside its folder outputs, so the rows are staged, committed
 * and checkpointed while the dashboard is drawn, and lists the run (a small commit and checkpoint) after `latest` is
 * switched: the store never lists a run ahead of `latest`, and a crash before the listing leaves only rows that count
 * for nothing and that the next write removes.
 */
export async function beginStoreWrite(storePath: string, run: StoredRun, tables: readonly PublishedTable[]): Promise<StoreWrite> {
  return (await openStoreWrite(storePath, run.runId)).stage(run, tables);
}

/** The store opened for one run's write, with what its staging needs to know already read. */
export interface OpenedStore {
  /** The run's rows staged (committed, not yet listed): one call into DuckDB. The store is closed if it fails. */
  stage(run: StoredRun, tables: readonly PublishedTable[]): Promise<StoreWrite>;
  /** Closes the store without staging anything. */
  close(): Promise<void>;
}

/**
 * Opens the store and reads what staging the run's rows needs — the tables and their columns, whether the run is already
 * listed, whether a killed run left rows, the ledger journal — so that a run can do it while its families are read.
 * Staging is then one statement list that DuckDB runs in its own thread: each await of a DuckDB call waits for a turn of
 * the main thread, which the run's other outputs keep busy (with a call per step and per table, staging ended after every
 * other output, and its checkpoint was the run's last ~0.1 s: docs/benchmarks.md).
 */
export async function openStoreWrite(storePath: string, runId: string): Promise<OpenedStore> {
  const journal = await readJournal(storePath);
  const { connection, close } = await openStore(storePath);
  let facts: StoreFacts;
  try {
    facts = await readStoreFacts(connection, runId);
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
    close: () => (open ? closing(false) : Promise.resolve()),
    async stage(run, tables) {
      try {
        await stageRows(connection, facts, run.runId, tables);
      } catch (e) {
        await closing(false);
        throw e;
      }
      faultPoint('after-store-stage');
      return storeWrite(storePath, connection, closing, () => open, run, journal, facts.listed);
    },
  };
}

/** The store's tables: each one's columns in order, and which are base tables (not views). */
interface StoreSchema {
  columns: Map<string, string[]>;
  baseTables: Set<string>;
}

/** What a write needs to know of the store before it stages: its tables, and the marks. */
interface StoreFacts extends StoreSchema {
  listed: boolean;
  pending: boolean;
}

async function readSchema(connection: DuckDBConnection): Promise<StoreSchema> {
  const found = await connection.runAndReadAll(
    `SELECT c.table_name, c.column_name, t.table_type FROM information_schema.columns c JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
     WHERE c.table_catalog = current_database() AND c.table_schema = 'main' ORDER BY c.table_name, c.ordinal_position`,
  );
  const columns = new Map<string, string[]>();
  const baseTables = new Set<string>();
  for (const r of found.getRowObjects()) {
    const name = String(r.table_name);
    columns.set(name, [...(columns.get(name) ?? []), String(r.column_name)]);
    if (r.table_type === 'BASE TABLE') baseTables.add(name);
  }
  return { columns, baseTables };
}

async function readStoreFacts(connection: DuckDBConnection, runId: string): Promise<StoreFacts> {
  const schema = await readSchema(connection);
  if (!schema.columns.has('runs')) return { ...schema, listed: false, pending: false };
  const pending = schema.columns.has('pending_runs') ? '(SELECT count(*)::INT FROM pending_runs)' : '0';
  const marks = await connection.runAndReadAll(`SELECT (SELECT count(*)::INT FROM runs WHERE run_id = $1) AS listed, ${pending} AS pending`, [runId]);
  const row = marks.getRowObjects()[0];
  return { ...schema, listed: (row?.listed as number) > 0, pending: (row?.pending as number) > 0 };
}

/**
 * One transaction, one statement list: what the schema lacks, the rows a killed run left removed, this run's rows
 * (unless it is already listed) and its pending mark; then a checkpoint, so the rows reach the file before the switch and
 * the checkpoint after it has only the runs row to write. The rows are read from the JSON of each table (the dataset
 * files' own text, outputs/format-json.ts) in DuckDB's thread, each column with its dataset type, instead of appended
 * value by value on the main thread.
 */
async function stageRows(connection: DuckDBConnection, facts: StoreFacts, runId: string, tables: readonly PublishedTable[]): Promise<void> {
  const scratch = facts.listed || tables.length === 0 ? undefined : mkdtempSync(path.join(tmpdir(), 'lei-store-'));
  try {
    const rows = scratch
      ? tables.map((t, i) => {
          const file = path.join(scratch, `${i}.json`);
          writeFileSync(file, tableJson(t));
          return `INSERT INTO "${t.spec.name}" BY NAME SELECT * FROM ${jsonSource(file, t.spec)}`;
        })
      : [];
    const statements = [
      'BEGIN TRANSACTION',
      ...schemaStatements(
        facts.columns,
        tables.map((t) => t.spec),
      ),
      ...(facts.pending ? unlistedRowsRemoval(facts) : []),
      ...rows,
      ...(facts.listed ? [] : [`INSERT INTO pending_runs VALUES (${sqlString(runId)})`]),
      'COMMIT',
      'CHECKPOINT',
    ];
    await connection.run(statements.join(';\n')).catch(async (e: unknown) => {
      await rollback(connection);
      throw e;
    });
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/** The write once staged: commit() lists the run, abandon() removes its staged rows. */
function storeWrite(
  storePath: string,
  connection: DuckDBConnection,
  closing: (checkpoint: boolean) => Promise<void>,
  isOpen: () => boolean,
  run: StoredRun,
  journal: readonly JournalEntry[],
  listed: boolean,
): StoreWrite {
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
      if (!isOpen()) return;
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
  await connection.run(unlistedRowsRemoval(await readSchema(connection)).join(';\n'));
}

/** Every base table with a run_id, not only this run's specs (the rows left may be of tables a later config dropped), then the marks. */
function unlistedRowsRemoval({ columns, baseTables }: StoreSchema): string[] {
  const tables = [...baseTables].filter((name) => !OWN_TABLES.includes(name) && columns.get(name)?.includes('run_id'));
  const unlisted = 'SELECT run_id FROM pending_runs WHERE run_id NOT IN (SELECT run_id FROM runs)';
  return [...tables.map((name) => `DELETE FROM "${name}" WHERE run_id IN (${unlisted})`), 'DELETE FROM pending_runs'];
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
 * What is missing — tables, columns an older version lacked (its rows keep NULL there), the latest_<table> views, the
 * ledger, pending_runs — as statements, from the store's columns read before (readStoreFacts). The rows go in by name,
 * so a table made by an older version, with the new columns at its end, takes them as well.
 */
function schemaStatements(present: ReadonlyMap<string, readonly string[]>, specs: readonly DatasetSpec[]): string[] {
  const statements: string[] = [];
  if (!present.has('runs')) statements.push(RUNS_TABLE);
  // A store made by a version that wrote a run in one transaction has no pending_runs.
  if (!present.has('pending_runs')) statements.push(PENDING_TABLE);
  statements.push(...ledgerStatements(present.get('run_ledger')));
  for (const spec of specs) {
    const existing = present.get(spec.name);
    if (existing === undefined) statements.push(createTableSql(spec));
    const missing = spec.columns.filter((c) => existing !== undefined && !existing.includes(c.name));
    for (const c of missing) statements.push(`ALTER TABLE "${spec.name}" ADD COLUMN ${columnSql(c)}`);
    // A view over SELECT * is made again when its table changes shape (DuckDB fixes a view's columns when it is made).
    if (existing === undefined || missing.length > 0 || !present.has(`latest_${spec.name}`)) {
      statements.push(
        `CREATE OR REPLACE VIEW latest_${spec.name} AS SELECT * FROM ${spec.name} WHERE run_id = (SELECT run_id FROM runs ORDER BY finished_at DESC LIMIT 1)`,
      );
    }
  }
  return statements;
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
