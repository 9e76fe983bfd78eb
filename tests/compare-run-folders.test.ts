// scripts/compare-run-folders.ts: the check that a change left every output of a run as it was. It must say "the same"
// for another run of the same inputs (different run id, times, code version) and name every file that really differs.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareRunFolders } from '../scripts/compare-run-folders.ts';
import { tempDir } from './helpers.ts';
import { sampleRun } from './sample-fixtures.ts';

let run: string;
let manifest: { run_id: string; started_at: string; finished_at: string; code_version: string };

beforeAll(async () => {
  run = (await sampleRun()).folder;
  manifest = JSON.parse(await readFile(path.join(run, 'manifest.json'), 'utf8')) as typeof manifest;
}, 120_000);

/** A copy of the shared run, as another run of the same inputs would write it: its own run id, folder, times and code version. */
async function anotherRun(): Promise<string> {
  const folder = path.basename(run);
  const otherId = 'abcdef012345';
  const otherFolder = `20991231T235959999Z-${otherId}`;
  const dir = path.join(await tempDir(), otherFolder);
  await cp(run, dir, { recursive: true });
  const replace = (text: string) =>
    text
      .split(folder)
      .join(otherFolder)
      .split(manifest.run_id)
      .join(otherId)
      .split(manifest.started_at)
      .join('2099-12-31T23:59:59.999Z')
      .split(manifest.finished_at)
      .join('2099-12-31T23:59:59.998Z')
      .split(manifest.code_version)
      .join('f'.repeat(manifest.code_version.length));
  // Text files carry the run id as text; the workbook and a Parquet file are rewritten as a run would write them.
  for (const name of ['manifest.json', 'indicator_values.csv', 'indicator_values.json', 'site/index.html']) {
    const file = path.join(dir, name);
    await writeFile(file, replace(await readFile(file, 'utf8')));
  }
  const workbook = path.join(dir, 'committee_report.xlsx');
  const zip = await JSZip.loadAsync(await readFile(workbook));
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) zip.file(name, replace(await zip.file(name)!.async('string')));
  await writeFile(workbook, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const parquet = path.join(dir, 'indicator_values.parquet');
  await connection.run(
    `COPY (SELECT * REPLACE ('${otherId}' AS run_id) FROM read_parquet('${parquet}')) TO '${parquet}.new' (FORMAT parquet, COMPRESSION zstd)`,
  );
  connection.closeSync();
  db.closeSync();
  await rm(parquet);
  await cp(`${parquet}.new`, parquet);
  await rm(`${parquet}.new`);
  return dir;
}

describe('compare-run-folders', () => {
  it('finds a run identical to itself, file by file', async () => {
    const r = await compareRunFolders(run, run);
    expect(r.differences).toEqual([]);
    expect(r.identicalBytes).toBe(r.files);
    expect(r.files).toBeGreaterThan(100);
  }, 120_000);

  it('finds another run of the same inputs identical once its run id, times and code version are masked', async () => {
    const other = await anotherRun();
    const r = await compareRunFolders(run, other);
    expect(r.differences).toEqual([]);
    expect(r.identicalMasked).toBeGreaterThanOrEqual(6);
  }, 120_000);

  it('names each file that differs: a value in a CSV, a row in Parquet, a cell in the workbook, a page, a missing and an extra file', async () => {
    const other = await anotherRun();
    const csv = path.join(other, 'indicator_values.csv');
    const lines = (await readFile(csv, 'utf8')).split('\r\n');
    // The first data row's last field is the run id: change a field before it (a figure or a word) by one character.
    const cells = lines[1]!.split(',');
    const k = cells.findIndex((c) => /^\d+(\.\d+)?$/.test(c));
    cells[k] = cells[k]!.endsWith('1') ? `${cells[k]!.slice(0, -1)}2` : `${cells[k]!.slice(0, -1)}1`;
    lines[1] = cells.join(',');
    await writeFile(csv, lines.join('\r\n'));
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const parquet = path.join(other, 'composite_index.parquet');
    await connection.run(`COPY (SELECT * FROM read_parquet('${parquet}') LIMIT 1) TO '${parquet}.new' (FORMAT parquet)`);
    connection.closeSync();
    db.closeSync();
    await rm(parquet);
    await cp(`${parquet}.new`, parquet);
    await rm(`${parquet}.new`);
    const workbook = path.join(other, 'committee_report.xlsx');
    const zip = await JSZip.loadAsync(await readFile(workbook));
    const sheet = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const xml = await zip.file(sheet)!.async('string');
    zip.file(
      sheet,
      xml.replace(/<v>(\d)/, (_, d: string) => `<v>${(Number(d) + 1) % 10}`),
    );
    await writeFile(workbook, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const page = path.join(other, 'site', 'data.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('<h1>', '<h1>!'));
    await rm(path.join(other, 'issues.json'));
    await writeFile(path.join(other, 'extra.txt'), 'x');

    const r = await compareRunFolders(run, other);
    const files = r.differences.map((d) => d.split(':')[0]);
    expect(files).toEqual(['committee_report.xlsx', 'composite_index.parquet', 'extra.txt', 'indicator_values.csv', 'issues.json', 'site/data.html']);
    expect(r.differences.find((d) => d.startsWith('committee_report.xlsx'))).toContain(sheet);
    expect(r.differences.find((d) => d.startsWith('composite_index.parquet'))).toContain('rows differ');
    expect(r.differences.find((d) => d.startsWith('issues.json'))).toContain('only in the base folder');
    expect(r.differences.find((d) => d.startsWith('extra.txt'))).toContain('only in the new folder');
  }, 120_000);
});
