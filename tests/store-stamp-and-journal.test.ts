// An unchanged re-run answers "does the store hold the latest run?" from the store's stamp and records its ledger row
// in the journal, loading no DuckDB; the stamp is trusted only while the store is the file it describes, and every
// journaled row reaches the run_ledger table exactly once, whatever point a run is killed at. A run stages its rows in
// the store beside its folder outputs and lists the run in `runs` only after `latest` is switched: until then the store
// holds nothing of the run that counts (no runs row, no stamp for it, no journal folded away); an abandoned write
// removes its rows, and rows a killed run staged are removed by the next write.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { col, type PublishedTable } from '../lib/dataset-spec.ts';
import { OWNER_ONLY } from '../lib/output-access.ts';
import { beginStoreWrite, publishToStore, readLedger, storeHasRun } from '../outputs/duckdb-store.ts';
import { journalDir, journalExecutions, readJournal, type ExecutionRecord } from '../outputs/ledger-journal.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import type { Output, RunContent } from '../outputs/output.ts';
import { stampedRunId, storeHoldsRun, writeStoreStamp } from '../outputs/store-stamp.ts';
import { beginTargets, prepareTargets } from '../pipelines/publish-targets.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import type { RunOptions } from '../pipelines/run-types.ts';
import { writeOutputs } from '../pipelines/write-outputs.ts';
import { otherCityConfig, tempDir } from './helpers.ts';

/** A dataset of `n` rows of the run (columns run_id, x = 0 … n - 1), in a table named `name`. */
const rowsOf = (runId: string, n: number, name = 'values_t'): PublishedTable => ({
  spec: {
    name,
    titleJa: name,
    descriptionJa: name,
    columns: [col('run_id', 'string', '実行ID', 'Run id'), col('x', 'integer', 'x', 'x')],
    primaryKey: ['x'],
  },
  rows: Array.from({ length: n }, (_, x) => ({ run_id: runId, x })),
});

/** What the store holds: rows per run_id in each named table, the runs listed, the pending marks. */
async function contents(store: string, tables: string[] = ['values_t']) {
  const db = await DuckDBInstance.create(store, { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  const column = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjects().map((r) => Object.values(r).map(String).join(' '));
  try {
    const rows: Record<string, string[]> = {};
    for (const t of tables) rows[t] = await column(`SELECT run_id, count(*) FROM ${t} GROUP BY run_id ORDER BY run_id`);
    return { rows, runs: await column('SELECT run_id FROM runs ORDER BY run_id'), pending: await column('SELECT run_id FROM pending_runs') };
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

const run = (runId: string) => ({
  runId,
  folder: `f-${runId}`,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:01Z',
  status: 'succeeded',
  manifestJson: '{}',
});

const execution = (executionId: string, minute: number, status: ExecutionRecord['status'] = 'unchanged'): ExecutionRecord => ({
  executionId,
  startedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
  finishedAt: new Date(Date.UTC(2026, 0, 1, 0, minute, 30)),
  trigger: 'manual',
  status,
  runId: 'r1',
  counts: { error: 0, warning: 1, info: 0 },
  error: null,
  targets: { folder: 'unchanged', store: 'already-stored', postgres: 'skipped', postgresTarget: null },
});

/** The rows of each query, read from the store opened read-only. */
async function queryStore(store: string, ...sqls: string[]): Promise<Record<string, unknown>[][]> {
  const db = await DuckDBInstance.create(store, { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  try {
    const results: Record<string, unknown>[][] = [];
    for (const sql of sqls) results.push((await connection.runAndReadAll(sql)).getRowObjects());
    return results;
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

/** Whether another process can open the store for writing (DuckDB locks the file for the process that has it open). */
function writableByAnotherProcess(store: string): boolean {
  const open = `import('@duckdb/node-api').then(async ({ DuckDBInstance }) => (await DuckDBInstance.create(${JSON.stringify(store)})).closeSync())`;
  return spawnSync(process.execPath, ['-e', open], { cwd: process.cwd(), stdio: 'ignore' }).status === 0;
}

async function tableLedger(store: string): Promise<{ execution_id: string; status: string }[]> {
  const [rows] = await queryStore(store, 'SELECT execution_id, status FROM run_ledger ORDER BY started_at');
  return rows!.map((r) => ({ execution_id: String(r.execution_id), status: String(r.status) }));
}

describe('the store stamp', () => {
  it('names the run stored, and is trusted only while the store is the same unmodified file', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    expect(await stampedRunId(store)).toBeNull();
    await publishToStore(store, run('r1'), []);
    expect(await stampedRunId(store)).toBe('r1');
    expect(await storeHoldsRun(store, 'r1')).toBe(true);
    expect(await storeHoldsRun(store, 'r2')).toBe(false);

    // Replaced behind the stamp's back by a store that lacks the run: not trusted, DuckDB says no.
    const other = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(other, run('r0'), []);
    await rm(store);
    await cp(other, store);
    expect(await stampedRunId(store)).toBeNull();
    expect(await storeHoldsRun(store, 'r1')).toBe(false);

    // Deleted: nothing is held.
    await rm(store);
    expect(await stampedRunId(store)).toBeNull();
    expect(await storeHoldsRun(store, 'r1')).toBe(false);
  });

  it('is not trusted beside a write-ahead log (a commit a killed writer left) nor when the store was written since', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), []);
    await writeFile(`${store}.wal`, '');
    expect(await stampedRunId(store)).toBeNull();
    await rm(`${store}.wal`);
    expect(await stampedRunId(store)).toBe('r1');
    // Another program writes the store (the stamp is not rewritten): its time changes, so the stamp no longer counts.
    const db = await DuckDBInstance.create(store);
    const connection = await db.connect();
    await connection.run('CREATE TABLE notes (x INTEGER); INSERT INTO notes VALUES (1)');
    connection.closeSync();
    db.closeSync();
    expect(await stampedRunId(store)).toBeNull();
    // Asking DuckDB stamps it again, so the next unchanged run is quick.
    expect(await storeHoldsRun(store, 'r1')).toBe(true);
    expect(await stampedRunId(store)).toBe('r1');
    await writeStoreStamp(store, 'r1');
    expect(await storeHasRun(store, 'r1')).toBe(true);
  });
});

describe('the ledger journal', () => {
  it('keeps rows until the next store write folds them into run_ledger, once, even when folded twice', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), []);
    await journalExecutions(store, [execution('e1', 1), execution('e2', 2)]);
    expect((await readLedger(store)).map((r) => r.execution_id)).toEqual(['e1', 'e2']);
    expect(await tableLedger(store)).toEqual([]);

    // A run killed after the store committed the fold and before the files went: the next fold replaces the same rows.
    const journal = journalDir(store);
    const kept = path.join(await tempDir(), 'kept');
    await cp(journal, kept, { recursive: true });
    await publishToStore(store, run('r1'), []);
    expect(await readdir(journal)).toEqual([]);
    expect(await tableLedger(store)).toEqual([
      { execution_id: 'e1', status: 'unchanged' },
      { execution_id: 'e2', status: 'unchanged' },
    ]);
    await cp(kept, journal, { recursive: true });
    expect((await readLedger(store)).map((r) => r.execution_id)).toEqual(['e1', 'e2']);
    await publishToStore(store, run('r2'), []);
    expect(await tableLedger(store)).toEqual([
      { execution_id: 'e1', status: 'unchanged' },
      { execution_id: 'e2', status: 'unchanged' },
    ]);
    expect(await readJournal(store)).toEqual([]);

    // Recorded again under the same id (an execution found killed): the journal's row replaces the table's.
    await journalExecutions(store, [execution('e2', 2, 'interrupted')]);
    expect((await readLedger(store)).map((r) => [r.execution_id, r.status])).toEqual([
      ['e1', 'unchanged'],
      ['e2', 'interrupted'],
    ]);
  });

  it('ignores a row a killed writer left half-written (before its rename)', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await journalExecutions(store, [execution('e1', 1)]);
    await writeFile(path.join(journalDir(store), 'e2.json.1234.tmp'), '{"started_at":');
    expect((await readLedger(store)).map((r) => r.execution_id)).toEqual(['e1']);
    await publishToStore(store, run('r1'), []);
    expect(await readdir(journalDir(store))).toEqual([]);
    expect((await readLedger(store)).map((r) => r.execution_id)).toEqual(['e1']);
  });
});

describe('an unchanged re-run', () => {
  it('leaves the store file untouched, journals its row, and the next publishing run folds it', async () => {
    const catalog = await loadCatalog(otherCityConfig);
    const inbox = await tempDir();
    await mkdir(path.join(inbox, 'manual-entry'));
    await writeFile(
      path.join(inbox, 'manual-entry', 'a.xlsx'),
      await writeManualEntryTemplate(catalog, 2021, { values: new Map([['manufacturers', { value: 498 }]]) }),
    );
    const out = await tempDir();
    const store = path.join(out, 'store.duckdb');
    const options = { configDir: otherCityConfig, inboxDir: inbox, outDir: out, storePath: store };
    expect((await runPipeline(options)).status).toBe('published');
    const { mtimeMs } = await stat(store);
    const unchanged = [await runPipeline(options), await runPipeline(options)];
    expect(unchanged.map((r) => [r.status, r.store])).toEqual([
      ['unchanged', 'already-stored'],
      ['unchanged', 'already-stored'],
    ]);
    expect((await stat(store)).mtimeMs).toBe(mtimeMs);
    expect((await readJournal(store)).map((e) => e.row.status)).toEqual(expect.arrayContaining(['published', 'unchanged', 'unchanged']));

    const ledgerBefore = await readLedger(store);
    const forced = await runPipeline({ ...options, full: true });
    expect(forced.status).toBe('published');
    const ledger = await readLedger(store);
    expect(ledger.slice(0, 3)).toEqual(ledgerBefore);
    expect(ledger.map((r) => r.status)).toEqual(['published', 'unchanged', 'unchanged', 'published']);
    // The forced run's store write folded the three rows before it; its own row waits in the journal for the next write.
    expect((await tableLedger(store)).map((r) => r.status)).toEqual(['published', 'unchanged', 'unchanged']);
    expect((await readJournal(store)).map((e) => e.row.status)).toEqual(['published']);
  });
});

describe('a store write begun before the switch', () => {
  it('holds nothing of the run until it commits, then the run, its stamp and the folded journal', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), []);
    await journalExecutions(store, [execution('e1', 1, 'published')]);
    const begun = await beginStoreWrite(store, run('r2'), []);
    // The staged rows changed the file: the stamp no longer vouches for it, and it never names the run before its listing.
    expect(await stampedRunId(store)).toBeNull();
    expect(await readdir(`${store}.ledger`)).toHaveLength(1);
    expect(await begun.commit()).toBe('written');
    expect(await stampedRunId(store)).toBe('r2');
    expect(await storeHasRun(store, 'r2')).toBe(true);
    expect(await readdir(`${store}.ledger`)).toHaveLength(0);
    expect((await readLedger(store)).map((r) => r.execution_id)).toEqual(['e1']);
  });

  it('leaves the store as it was when abandoned', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), []);
    await (await beginStoreWrite(store, run('r2'), [])).abandon();
    expect(await storeHasRun(store, 'r2')).toBe(false);
    expect(await storeHasRun(store, 'r1')).toBe(true);
    // The store is closed again: another write opens it.
    expect(await publishToStore(store, run('r2'), [])).toBe('written');
  });

  it('removes its staged rows when abandoned, and leaves a run already listed as it is', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), [rowsOf('r1', 2)]);
    await (await beginStoreWrite(store, run('r2'), [rowsOf('r2', 3)])).abandon();
    expect(await contents(store)).toEqual({ rows: { values_t: ['r1 2'] }, runs: ['r1'], pending: [] });
    // Already listed: nothing staged, and neither commit nor abandon touches its rows.
    await (await beginStoreWrite(store, run('r1'), [rowsOf('r1', 5)])).abandon();
    expect(await publishToStore(store, run('r1'), [rowsOf('r1', 5)])).toBe('already-stored');
    expect(await contents(store)).toEqual({ rows: { values_t: ['r1 2'] }, runs: ['r1'], pending: [] });
  });

  it('leaves rows a killed run staged to the next write, which removes them from every table before its own', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), [rowsOf('r1', 2), rowsOf('r1', 1, 'old_t')]);
    // As a run killed between staging and listing leaves it: rows and a mark, no runs row (old_t: a table the next config drops).
    const db = await DuckDBInstance.create(store);
    const connection = await db.connect();
    await connection.run(`INSERT INTO values_t VALUES ('r2', 0), ('r2', 1); INSERT INTO old_t VALUES ('r2', 0); INSERT INTO pending_runs VALUES ('r2')`);
    connection.closeSync();
    db.closeSync();
    expect(await storeHasRun(store, 'r2')).toBe(false);
    expect(await publishToStore(store, run('r3'), [rowsOf('r3', 4)])).toBe('written');
    expect(await contents(store, ['values_t', 'old_t'])).toEqual({ rows: { values_t: ['r1 2', 'r3 4'], old_t: ['r1 1'] }, runs: ['r1', 'r3'], pending: [] });
    // The killed run itself written again (the next run's repair): its rows once.
    await (await beginStoreWrite(store, run('r2'), [rowsOf('r2', 3)])).abandon();
    const left = await DuckDBInstance.create(store);
    const again = await left.connect();
    await again.run(`INSERT INTO values_t VALUES ('r2', 7); INSERT INTO pending_runs VALUES ('r2')`);
    again.closeSync();
    left.closeSync();
    expect(await publishToStore(store, run('r2'), [rowsOf('r2', 3)])).toBe('written');
    expect(await contents(store)).toEqual({ rows: { values_t: ['r1 2', 'r2 3', 'r3 4'] }, runs: ['r1', 'r2', 'r3'], pending: [] });
  });

  it('stores every value as the dataset holds it: text of any kind, exact decimals, large integers, booleans, nulls, no rows', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    const spec = {
      name: 'kinds_t',
      titleJa: 'kinds_t',
      descriptionJa: 'kinds_t',
      columns: [
        col('run_id', 'string', '実行ID', 'Run id'),
        col('text', 'string', 't', 't'),
        col('n', 'integer', 'n', 'n'),
        col('d', 'decimal', 'd', 'd'),
        col('b', 'boolean', 'b', 'b'),
      ],
      primaryKey: ['n'],
    };
    const rows = [
      { run_id: 'r1', text: '世田谷区 "引用" \\ 改行\nタブ\t', n: 9007199254740991, d: 0.1 + 0.2, b: true },
      { run_id: 'r1', text: '2024-04-01', n: -1, d: 1e-7, b: false },
      { run_id: 'r1', text: null, n: null, d: null, b: null },
      { run_id: 'r1', text: '', n: 0, d: -123456.789, b: true },
    ];
    await publishToStore(store, run('r1'), [{ spec, rows }, { ...rowsOf('r1', 0, 'empty_t') }]);
    const [stored, types, empty] = await queryStore(
      store,
      'SELECT run_id, text, n::DOUBLE AS n, d, b FROM kinds_t',
      `SELECT data_type FROM information_schema.columns WHERE table_name = 'kinds_t' ORDER BY ordinal_position`,
      'SELECT count(*)::INT AS n FROM empty_t',
    );
    expect(stored).toEqual(rows);
    expect(types!.map((t) => t.data_type)).toEqual(['VARCHAR', 'VARCHAR', 'BIGINT', 'DOUBLE', 'BOOLEAN']);
    expect(empty).toEqual([{ n: 0 }]);
  });

  it('adds a column a later version declares to a table an earlier one made: earlier rows NULL there, the view shows it', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), [rowsOf('r1', 2)]);
    const wider = rowsOf('r2', 2);
    const withNote: PublishedTable = {
      spec: { ...wider.spec, columns: [wider.spec.columns[0]!, col('note', 'string', '注', 'Note'), wider.spec.columns[1]!] },
      rows: wider.rows.map((r) => ({ ...r, note: `n${(r as { x: number }).x}` })),
    };
    expect(await publishToStore(store, { ...run('r2'), finishedAt: '2026-01-02T00:00:00Z' }, [withNote])).toBe('written');
    const [all, latest] = await queryStore(store, 'SELECT run_id, x::INT AS x, note FROM values_t', 'SELECT x::INT AS x, note FROM latest_values_t ORDER BY x');
    expect(all).toEqual([
      { run_id: 'r1', x: 0, note: null },
      { run_id: 'r1', x: 1, note: null },
      { run_id: 'r2', x: 0, note: 'n0' },
      { run_id: 'r2', x: 1, note: 'n1' },
    ]);
    expect(latest).toEqual([
      { x: 0, note: 'n0' },
      { x: 1, note: 'n1' },
    ]);
  });

  it('adds pending_runs to a store made before it', async () => {
    const store = path.join(await tempDir(), 'store.duckdb');
    await publishToStore(store, run('r1'), [rowsOf('r1', 2)]);
    const db = await DuckDBInstance.create(store);
    const connection = await db.connect();
    await connection.run('DROP TABLE pending_runs');
    connection.closeSync();
    db.closeSync();
    expect(await publishToStore(store, run('r2'), [rowsOf('r2', 1)])).toBe('written');
    expect(await contents(store)).toEqual({ rows: { values_t: ['r1 2', 'r2 1'] }, runs: ['r1', 'r2'], pending: [] });
  });

  it('opened for a run that stops before it stages anything, is closed again with nothing written', async () => {
    const out = await tempDir();
    const store = path.join(out, 'store.duckdb');
    await publishToStore(store, run('r1'), [rowsOf('r1', 2)]);
    const prepared = prepareTargets({ configDir: otherCityConfig, inboxDir: out, outDir: out, storePath: store }, 'r2');
    await prepared.store;
    // Opened: DuckDB's lock keeps another process from writing it; released: another process can.
    expect(writableByAnotherProcess(store)).toBe(false);
    await prepared.release();
    expect(writableByAnotherProcess(store)).toBe(true);
    expect(await contents(store)).toEqual({ rows: { values_t: ['r1 2'] }, runs: ['r1'], pending: [] });
    expect(await publishToStore(store, run('r2'), [rowsOf('r2', 1)])).toBe('written');
  });

  it('is abandoned when a folder output fails: no run folder, nothing in the store, the store not left open', async () => {
    const out = await tempDir();
    const store = path.join(out, 'store.duckdb');
    const runContent: RunContent = {
      catalog: await loadCatalog(otherCityConfig),
      runId: 'r9',
      folder: 'f-r9',
      manifest: { started_at: '2026-01-01T00:00:00Z', finished_at: '2026-01-01T00:00:01Z' },
      tables: [],
      sourceTables: [],
      fiscalYear: 2024,
      indicatorValues: [],
      actionPlanProgress: [],
      indicatorProgress: [],
      compositeIndex: [],
      observations: [],
      issues: [],
    };
    const options: RunOptions = { configDir: otherCityConfig, inboxDir: out, outDir: out, storePath: store };
    const begun = beginTargets(options, runContent);
    const failing: Output = {
      name: 'failing',
      stage: 'folder',
      write: () => Promise.reject(new Error('disk full')),
    };
    await expect(writeOutputs(out, runContent, [failing], OWNER_ONLY, begun)).rejects.toThrow('disk full');
    expect((await readdir(path.join(out, 'runs'))).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(await storeHasRun(store, 'r9')).toBe(false);
    expect(await publishToStore(store, run('r1'), [])).toBe('written');
  });
});
