// What a run must guarantee (DESIGN §6): bad input never stops the rest nor corrupts earlier outputs,
// re-runs are byte-identical, and a failure leaves the previous run published.
import { access, mkdir, readFile, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadCatalog } from '../config/load-catalog.ts';
import { readLedger } from '../outputs/duckdb-store.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { acquireRunLock } from '../lib/run-lock.ts';
import { RunBusyError, runPipeline } from '../pipelines/run-pipeline.ts';
import { copyConfig, otherCityConfig, readCsv, tempDir } from './helpers.ts';

const catalog = await loadCatalog(otherCityConfig);

async function inbox(files: Record<string, Buffer | string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

const workbook = (year: number, values: Record<string, number | string>) =>
  writeManualEntryTemplate(catalog, year, { values: new Map(Object.entries(values).map(([k, v]) => [k, { value: v }])) });

describe('a run', () => {
  it('gives byte-identical datasets and the same run id on the same inputs', async () => {
    const dir = await inbox({
      'manual-entry/a.xlsx': await workbook(2016, { manufacturers: 520 }),
      'manual-entry/b.xlsx': await workbook(2021, { manufacturers: 498 }),
    });
    const [outA, outB] = [await tempDir(), await tempDir()];
    const a = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: outA, storePath: null });
    const b = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: outB, storePath: null });
    expect(a.runId).toBe(b.runId);
    const files = ['indicator_values', 'action_plan_progress', 'issues'].flatMap((t) => ['csv', 'json', 'parquet'].map((x) => `${t}.${x}`));
    for (const f of [...files, 'datapackage.json']) {
      expect((await readFile(path.join(outA, 'latest', f))).equals(await readFile(path.join(outB, 'latest', f))), f).toBe(true);
    }
  });

  it('still publishes the good files when one workbook is broken and another has a bad cell', async () => {
    const dir = await inbox({
      'manual-entry/good.xlsx': await workbook(2021, { manufacturers: 498, 'shopping-street-events': '四十四' }),
      'manual-entry/broken.xlsx': 'this is not a workbook',
      'stray.txt': 'dropped in the wrong place',
    });
    const out = await tempDir();
    const result = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: null });
    expect(result.issues.map((i) => [i.code, i.location.file])).toEqual([
      ['inbox-unknown-file', 'stray.txt'],
      ['manual-entry-unreadable', 'manual-entry/broken.xlsx'],
      ['manual-entry-not-a-number', 'manual-entry/good.xlsx'],
    ]);
    const rows = await readCsv(path.join(out, 'latest', 'indicator_values.csv'));
    expect(rows.find((r) => r.slot_id === 'v2-long-1' && r.fiscal_year === '2021')).toMatchObject({ value: '498', index: '95.77' });
    // Not a number in good.xlsx, and the broken workbook (no year in its name: the run's year) may have held it: withheld, with why.
    expect(rows.find((r) => r.slot_id === 'v1-long-1' && r.fiscal_year === '2021')).toMatchObject({
      value: '',
      value_status: 'invalid',
      withheld_code: 'manual-entry-unreadable',
    });
    const issues = await readCsv(path.join(out, 'latest', 'issues.csv'));
    expect(issues[2]).toMatchObject({ code: 'manual-entry-not-a-number', sheet: '入力', row: '5', column: 'F', raw: '四十四' });
  });

  it('reports two inputs that disagree and publishes neither value', async () => {
    const dir = await inbox({
      'manual-entry/a.xlsx': await workbook(2021, { manufacturers: 498 }),
      'manual-entry/b.xlsx': await workbook(2021, { manufacturers: 501 }),
    });
    const out = await tempDir();
    const result = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: null });
    expect(result.issues.map((i) => i.code)).toEqual(['conflicting-values']);
    const rows = await readCsv(path.join(out, 'latest', 'indicator_values.csv'));
    expect(rows.find((r) => r.slot_id === 'v2-long-1' && r.fiscal_year === '2021')).toMatchObject({ value: '', value_status: 'conflict' });
  });

  it('stops on a config typo before reading anything or writing any output', async () => {
    const config = await copyConfig(otherCityConfig, { file: 'measures.yaml', replace: ['aggregation: stock', 'aggregation: stok'] });
    const out = path.join(await tempDir(), 'out');
    await expect(runPipeline({ configDir: config, inboxDir: '/nonexistent', outDir: out, storePath: null })).rejects.toThrow(ConfigError);
    await expect(access(out)).rejects.toThrow();
  });

  it('leaves the previous run published when a later run fails while writing', async () => {
    const dir = await inbox({ 'manual-entry/a.xlsx': await workbook(2021, { manufacturers: 498 }) });
    const out = await tempDir();
    const first = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: null });
    await writeFile(path.join(dir, 'manual-entry', 'b.xlsx'), await workbook(2016, { manufacturers: 520 }));
    // The store path is a folder, so publishing to the store fails after the datasets were staged.
    const badStore = await tempDir();
    await expect(runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: badStore })).rejects.toThrow();
    expect(await readlink(path.join(out, 'latest'))).toBe(path.join('runs', path.basename(first.folder)));
    const rows = await readCsv(path.join(out, 'latest', 'indicator_values.csv'));
    expect(new Set(rows.map((r) => r.run_id))).toEqual(new Set([first.runId]));
  });

  it('keeps every run in the store, each once, with latest views', async () => {
    const dir = await inbox({ 'manual-entry/a.xlsx': await workbook(2021, { manufacturers: 498 }) });
    const out = await tempDir();
    const store = path.join(out, 'store.duckdb');
    const first = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: store });
    const unchanged = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: store });
    const forced = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: store, full: true });
    expect([first.status, unchanged.status, forced.status]).toEqual(['published', 'unchanged', 'published']);
    // An unchanged run checks that the store holds the latest run (it would fill it in otherwise).
    expect([first.store, unchanged.store, forced.store]).toEqual(['written', 'already-stored', 'already-stored']);
    await writeFile(path.join(dir, 'manual-entry', 'b.xlsx'), await workbook(2016, { manufacturers: 520 }));
    const second = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: store });

    const db = await DuckDBInstance.create(store);
    const connection = await db.connect();
    const runs = (await connection.runAndReadAll('SELECT run_id FROM runs ORDER BY finished_at')).getRowObjects();
    expect(runs.map((r) => r.run_id)).toEqual([first.runId, second.runId]);
    const latest = await connection.runAndReadAll(`SELECT value, "index" FROM latest_indicator_values WHERE slot_id = 'v2-long-1' AND fiscal_year = 2021`);
    expect(latest.getRowObjects()).toEqual([{ value: 498, index: 95.77 }]);
    connection.closeSync();
    db.closeSync();
    const ledger = (await readLedger(store)).map((r) => ({
      trigger: r.trigger,
      status: r.status,
      run_id: r.run_id,
      folder: r.folder_state,
      store: r.store_state,
      pg: r.postgres_state,
    }));
    // Each publish target's state is recorded apart from the others.
    expect(ledger).toEqual([
      { trigger: 'manual', status: 'published', run_id: first.runId, folder: 'written', store: 'written', pg: 'skipped' },
      { trigger: 'manual', status: 'unchanged', run_id: first.runId, folder: 'unchanged', store: 'already-stored', pg: 'skipped' },
      { trigger: 'manual', status: 'published', run_id: first.runId, folder: 'written', store: 'already-stored', pg: 'skipped' },
      { trigger: 'manual', status: 'published', run_id: second.runId, folder: 'written', store: 'written', pg: 'skipped' },
    ]);
  });
});

describe('a dry run', () => {
  it('lists exactly the values a real run then changes, and writes nothing', async () => {
    const dir = await inbox({ 'manual-entry/a.xlsx': await workbook(2016, { manufacturers: 520, 'vacant-store-rate': 8.4 }) });
    const out = await tempDir();
    const first = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: null });
    await writeFile(path.join(dir, 'manual-entry', 'b.xlsx'), await workbook(2021, { manufacturers: 498 }));
    const { readdir } = await import('node:fs/promises');
    const foldersBefore = await readdir(path.join(out, 'runs'));
    const dry = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: null, dryRun: true });
    expect(dry.status).toBe('dry-run');
    expect(await readdir(path.join(out, 'runs'))).toEqual(foldersBefore);
    expect(await readlink(path.join(out, 'latest'))).toBe(path.join('runs', path.basename(first.folder)));
    const real = await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: null });
    expect(real.changes).toEqual(dry.changes);
    expect(dry.changes.map((c) => [c.slot_id, c.fiscal_year, c.old_value, c.new_value, c.new_index])).toEqual([['v2-long-1', 2021, null, 498, 95.77]]);
  });
});

describe('one run at a time', () => {
  it('refuses to start while another process holds the run lock, and says who holds it', async () => {
    const dir = await inbox({ 'manual-entry/a.xlsx': await workbook(2021, { manufacturers: 498 }) });
    const out = await tempDir();
    const held = await acquireRunLock(out, 'schedule');
    expect(held.acquired).toBe(true);
    await expect(runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: null })).rejects.toThrow(RunBusyError);
    if (held.acquired) await held.lock.release();
    expect((await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: null })).status).toBe('published');
  });
});

describe('the datasets of a run', () => {
  it('say the same thing in CSV, JSON, Parquet and the store, row for row', async () => {
    const dir = await inbox({
      'manual-entry/a.xlsx': await workbook(2016, { manufacturers: 520, 'vacant-store-rate': 8.4 }),
      'manual-entry/b.xlsx': await workbook(2021, { manufacturers: 498, 'vacant-store-rate': 9.1 }),
    });
    const out = await tempDir();
    const store = path.join(out, 'store.duckdb');
    await runPipeline({ configDir: otherCityConfig, inboxDir: dir, outDir: out, storePath: store });
    const latest = path.join(out, 'latest');
    const csv = await readCsv(path.join(latest, 'indicator_values.csv'));
    const json: Record<string, unknown>[] = JSON.parse(await readFile(path.join(latest, 'indicator_values.json'), 'utf8'));
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const parquet = (await connection.runAndReadAll(`SELECT * FROM read_parquet('${path.join(latest, 'indicator_values.parquet')}')`)).getRowObjects();
    await connection.run(`ATTACH '${store}' AS store (READ_ONLY)`);
    const stored = (await connection.runAndReadAll('SELECT * FROM store.latest_indicator_values')).getRowObjects();
    connection.closeSync();
    db.closeSync();
    const normalise = (rows: Record<string, unknown>[]) =>
      rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? '' : typeof v === 'bigint' ? String(v) : String(v)])),
      );
    expect(csv.length).toBe(6);
    const key = (r: Record<string, string>) => `${r.slot_id}/${r.fiscal_year}`;
    for (const other of [json, parquet, stored]) {
      const byKey = new Map(normalise(other).map((r) => [key(r), r]));
      for (const row of csv) {
        const o = byKey.get(key(row))!;
        expect(o.value, key(row)).toBe(row.value);
        expect(Number(o.index || NaN)).toEqual(Number(row.index || NaN));
        expect(o.value_status).toBe(row.value_status);
      }
    }
    const datapackage = JSON.parse(await readFile(path.join(latest, 'datapackage.json'), 'utf8'));
    const resource = datapackage.resources.find((r: { name: string }) => r.name === 'indicator_values-csv');
    expect(resource.schema.primaryKey).toEqual(['run_id', 'slot_id', 'fiscal_year']);
    expect(resource.schema.fields.find((f: { name: string }) => f.name === 'index')).toMatchObject({ type: 'number', unit: '基準年度=100', decimals: 2 });
  });
});

describe('pipeline.yaml', () => {
  it('chooses which source families are read and which outputs are written', async () => {
    const { copyConfig } = await import('./helpers.ts');
    const { access } = await import('node:fs/promises');
    const config = await copyConfig(otherCityConfig);
    await writeFile(path.join(config, 'pipeline.yaml'), 'sources: [resas]\noutputs: { parquet: false, committeeWorkbook: false }\n');
    const dir = await inbox({ 'manual-entry/a.xlsx': await workbook(2021, { manufacturers: 498 }) });
    const out = await tempDir();
    const result = await runPipeline({ configDir: config, inboxDir: dir, outDir: out, storePath: null });
    expect(result.issues.map((i) => [i.code, i.severity, i.location.file])).toEqual([['source-disabled', 'info', 'manual-entry/a.xlsx']]);
    await expect(access(path.join(out, 'latest', 'indicator_values.parquet'))).rejects.toThrow();
    await expect(access(path.join(out, 'latest', 'committee_report.xlsx'))).rejects.toThrow();
    await access(path.join(out, 'latest', 'indicator_values.json'));
  });
});
