// The bundled sample through lei. Lineage names the file and rows that produced each value: for every source family,
// editing the named rows of the named file changes the value (and `lei explain` names the file of that year). On the
// same run: explain's interval precision, reproduce byte for byte, reprocess's exit codes, publish's failure message.
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ObservationRow } from '../lib/datasets/run-tables.ts';
import { loadExcelJS } from '../lib/load-exceljs.ts';
import { explainValue } from '../pipelines/explain-value.ts';
import { setagayaConfig, tablesOnlyConfig, tempDir } from './helpers.ts';
import { sampleCacheCopy, sampleInboxCopy } from './sample-fixtures.ts';
import { lei } from './lei-in-process.ts';

type Edit = 'bump-number' | 'delete-first-row' | 'delete-rows';

/** One value per family, and how its named rows are edited: those of `file` and `rows`, or of the first of `other_files` and `other_rows`. */
const cases: { family: string; measure: string; fiscalYear: number; edit: Edit; other?: true }[] = [
  { family: 'manual', measure: 'bankruptcies', fiscalYear: 2024, edit: 'bump-number' },
  { family: 'industrySurvey', measure: 'business-expansion-intent-share', fiscalYear: 2024, edit: 'delete-rows' },
  { family: 'industrySurvey', measure: 'environmental-priority-share', fiscalYear: 2023, edit: 'delete-rows', other: true },
  { family: 'resas', measure: 'gross-regional-production', fiscalYear: 2023, edit: 'bump-number' },
  { family: 'setagayaPay', measure: 'pay-member-stores', fiscalYear: 2024, edit: 'bump-number' },
  { family: 'setagayaPay', measure: 'pay-payment-count', fiscalYear: 2023, edit: 'bump-number', other: true },
  { family: 'kosha', measure: 'startup-consultation-sessions', fiscalYear: 2024, edit: 'delete-first-row' },
];

const find = (rows: readonly ObservationRow[], measure: string, fiscalYear: number) => {
  const found = rows.filter((o) => o.measure_id === measure && o.fiscal_year === fiscalYear);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const readObservations = async (out: string) => JSON.parse(await readFile(path.join(out, 'latest', 'observations.json'), 'utf8')) as ObservationRow[];

let before: ObservationRow[];
let after: ObservationRow[];
let inbox: string;
let out: string;

beforeAll(async () => {
  inbox = await sampleInboxCopy();
  // The shared run's family cache: the run reads nothing again and writes every output (reproduce compares them all).
  out = await sampleCacheCopy();
  expect((await lei('run', '--config', setagayaConfig, '--inbox', inbox, '--out', out, '--no-store', '--warnings-ok')).code).toBe(0);
  before = await readObservations(out);
  const editedInbox = await tempDir();
  await cp(inbox, editedInbox, { recursive: true });
  for (const c of cases) {
    const o = find(before, c.measure, c.fiscalYear);
    expect(o.source_kind).toBe(c.family);
    if (c.other) await editRows(path.join(editedInbox, o.other_files!.split(';')[0]!), null, lineNumbers(o.other_rows!.split(';')[0]!), c.edit, null);
    else await editRows(path.join(editedInbox, o.file), o.sheet, lineNumbers(o.rows), c.edit, o.value);
  }
  const edited = await tempDir();
  // Only the tables written: the observations are what is compared.
  await lei('run', '--config', await tablesOnlyConfig(setagayaConfig), '--inbox', editedInbox, '--out', edited, '--no-store');
  after = await readObservations(edited);
}, 60_000);

describe('lineage', () => {
  it.each(cases)('$family: editing the named rows of the named file changes $measure $fiscalYear', ({ measure, fiscalYear }) => {
    expect(find(after, measure, fiscalYear).value).not.toBe(find(before, measure, fiscalYear).value);
  });

  it('names the 令和6年度 record file for the 令和6年度 value, not the baseline year’s file', async () => {
    const e = await explainValue(path.join(out, 'latest'), 'v7-action-2', 2024);
    expect(e.value.map((o) => [o.file, o.rows, o.other_files])).toEqual([['kosha/公社_相談記録_令和6年度.csv', '67-1194', null]]);
    expect(e.baseline.map((o) => [o.file, o.sheet, o.rows, o.other_files])).toEqual([['kosha/公社_相談記録_令和5年度.xlsx', '相談記録', '6-1236', null]]);
    expect(e.value[0]!.sha256).not.toBe(e.baseline[0]!.sha256);
  });
});

describe('lei on the bundled sample', () => {
  it('exits 5 when reprocess finds warnings, 0 with --warnings-ok', async () => {
    const where = ['--config', setagayaConfig, '--inbox', inbox, '--out', out, '--no-store', '--dry-run'];
    const [reprocess, reprocessOk] = await Promise.all([
      lei('reprocess', '--source', 'industry-survey', '--year', 'R6', ...where),
      lei('reprocess', '--source', 'industry-survey', '--year', 'R6', ...where, '--warnings-ok'),
    ]);
    expect(reprocess.stdout).toMatch(/この年度のファイルの問題: エラー 0 件、警告 [1-9]\d* 件/);
    expect([reprocess.code, reprocessOk.code]).toEqual([5, 0]);
  });

  it('explains a survey value with its interval at the published precision, in English with --lang en', async () => {
    const ja = await lei('explain', 'v1-short-1', '--year', 'R5', '--run', path.join(out, 'latest'));
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('値: 18.7 %（状態: observed、n = 1004、95%信頼区間 16.2〜21.4）');
    const en = await lei('--lang', 'en', 'explain', 'v1-short-1', '--year', 'R5', '--run', path.join(out, 'latest'));
    expect(en.stdout).toContain('Value: 18.7 % (status: observed, n = 1004, 95% interval 16.2–21.4)');
    expect(en.stdout).toContain('Published by run:');
  });

  it('reproduces every dataset byte for byte from the archive', async () => {
    const into = await tempDir();
    const result = await lei('reproduce', '--run', path.join(out, 'latest'), '--archive', path.join(out, 'archive'), '--into', into);
    expect(result.code).toBe(0);
    // Every file of the run folder, the dashboard's pages (site/) included.
    const latest = path.join(out, 'latest');
    const files = (await readdir(latest, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(latest, path.join(e.parentPath, e.name)))
      .filter((f) => f !== 'manifest.json');
    expect(files).toEqual(
      expect.arrayContaining([
        'issues.csv',
        'issues.json',
        'issues.parquet',
        'indicator_values.csv',
        'survey_breakdowns.parquet',
        'committee_report.xlsx',
        path.join('site', 'index.html'),
      ]),
    );
    for (const f of files) {
      expect((await readFile(path.join(into, 'out', 'latest', f))).equals(await readFile(path.join(out, 'latest', f))), f).toBe(true);
    }
  });

  it('publishing to a closed port says what failed and where, without the password, and exits 1', async () => {
    const result = await lei('publish', '--to', 'postgres://lei:secret@127.0.0.1:9/db', '--run', path.join(out, 'latest'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'PostgreSQL（スキーマ lei）: 公開できませんでした（前回の公開はそのまま）: 接続先 127.0.0.1:9/db: 接続を拒否されました。サーバーが起動しているか、ホスト名とポート番号を確認してください（connect ECONNREFUSED 127.0.0.1:9）。ローカルの出力はそのままです。直してから lei publish で公開し直してください\n',
    );
    expect(result.stderr).not.toContain('secret');
  });
});

/** "12", "5-30" or "24,25,26" as line numbers. */
function lineNumbers(rows: string | null): number[] {
  if (!rows) throw new Error('the observation names no rows');
  return rows.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    return to === undefined ? [from!] : Array.from({ length: to - from! + 1 }, (_, i) => from! + i);
  });
}

/** Edits rows of an .xlsx sheet or a .csv file (UTF-8 or CP932: only ASCII digits and line breaks are touched). */
async function editRows(file: string, sheet: string | null, lines: number[], edit: Edit, value: number | null): Promise<void> {
  if (file.endsWith('.csv')) {
    const bytes = await readFile(file);
    const text = bytes.toString('latin1'); // byte-preserving: CP932 trail bytes are never digits or line breaks
    const rows = text.split('\n');
    if (edit === 'bump-number')
      for (const l of lines) rows[l - 1] = rows[l - 1]!.replace(/(?<=^|,)"?(\d+)/, (m) => m.replace(/\d+$/, (d) => String(Number(d) + 1)));
    else rows.splice(lines[0]! - 1, edit === 'delete-first-row' ? 1 : lines.length);
    await writeFile(file, Buffer.from(rows.join('\n'), 'latin1'));
    return;
  }
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ws = sheet ? workbook.getWorksheet(sheet) : workbook.worksheets[0];
  if (!ws) throw new Error(`no sheet ${sheet ?? ''} in ${file}`);
  if (edit === 'bump-number') {
    // The cell holding the value (or the first number of the row) gets one more.
    const row = ws.getRow(lines[0]!);
    let target: { column: number; number: number } | undefined;
    row.eachCell((cell, column) => {
      if (typeof cell.value === 'number' && (target === undefined || cell.value === value)) target = { column, number: cell.value };
    });
    if (!target) throw new Error(`no number in row ${lines[0]} of ${file}`);
    row.getCell(target.column).value = target.number + 1;
  } else ws.spliceRows(lines[0]!, edit === 'delete-first-row' ? 1 : Math.min(lines.length, 100));
  await workbook.xlsx.writeFile(file);
}
