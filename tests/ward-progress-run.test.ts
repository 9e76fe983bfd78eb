// A ward progress table that looks nothing like Setagaya's runs on config alone: pillars with repeated codes,
// five year roles, a target revised in FY2024, status rows, a two-figure cell, renamed and several owners, an
// unknown direction and the plan's own S/A/B/C grading — in its datasets and committee workbook, in its own words.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { cellText, openWorkbook } from './exceljs-oracle.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { runPipeline, type RunResult } from '../pipelines/run-pipeline.ts';
import { wardProgressConfig, writeWardProgressInbox } from './fixtures/make-ward-progress-inbox.ts';
import { copyConfig, readCsv, tempDir } from './helpers.ts';

let out: string;
let result: RunResult;
let rows: Record<string, string>[];

beforeAll(async () => {
  const inbox = await tempDir();
  await writeWardProgressInbox(inbox);
  out = await tempDir();
  result = await runPipeline({ configDir: wardProgressConfig, inboxDir: inbox, outDir: out, storePath: null });
  rows = await readCsv(path.join(out, 'latest', 'indicator_progress.csv'));
});

const pick = (columns: string[], id: string) => rows.filter((r) => r.indicator_id === id).map((r) => columns.map((c) => r[c]));

describe('indicator_progress of a ward progress table', () => {
  it('reads every cell as typed; only the ― of a number row is reported (as no value)', () => {
    expect(result.issues.map((i) => [i.code, i.raw])).toEqual([['manual-entry-marked-missing', '―']]);
  });

  it('carries the year roles, the two figures of one cell and the owners (renamed: new（旧 old）)', () => {
    expect(pick(['fiscal_year', 'year_role', 'is_latest', 'value', 'secondary_value', 'value_text', 'achievement_rate', 'grade'], 'Ⅰ/1-①')).toEqual([
      ['2016', '基準値', 'false', '250', '6', '250人（6回）', '62.5', '−'],
      ['2021', '中間値', 'false', '180', '4', '180人（4回）', '45.0', 'C'],
      ['2022', '参考実績', 'false', '300', '7', '300人（7回）', '75.0', 'A'],
      ['2024', '実績値', 'true', '320', '8', '320人（8回）', '80.0', 'A'],
      ['2025', '目標値', 'false', '', '', '', '', '−'],
    ]);
    const first = rows.find((r) => r.indicator_id === 'Ⅰ/1-①')!;
    expect([first.pillar_code, first.section_code, first.code, first.tier, first.owners]).toEqual([
      'Ⅰ',
      'Ⅰ-ⅰ',
      '1-①',
      '活動指標',
      '商業振興課（旧 産業振興課）',
    ]);
    expect(rows.find((r) => r.indicator_id === 'Ⅰ/1-②')!.owners).toBe('商業振興課、都市計画課');
    expect(rows.find((r) => r.indicator_id === 'Ⅱ/1-②')!.owners).toBe('産業振興課');
  });

  it('rates each year against the target in force then: the FY2024 revision does not rewrite FY2021', () => {
    expect(pick(['fiscal_year', 'value', 'target_in_force', 'target_original', 'achievement_rate', 'achievement_rate_original', 'grade'], 'Ⅰ/施策2-③')).toEqual(
      [
        ['2016', '5', '20', '20', '25.0', '25.0', '−'],
        ['2021', '2', '20', '20', '10.0', '10.0', 'C'],
        ['2022', '2', '20', '20', '10.0', '10.0', 'C'],
        ['2024', '4', '3', '20', '133.3', '20.0', 'S'],
        ['2025', '', '3', '20', '', '', '−'],
      ],
    );
    expect(rows.find((r) => r.indicator_id === 'Ⅰ/施策2-③')!.target_revisions).toBe('20社 ↓ 3社に変更（令和6年度: 施設の改修で入居区画が減ったため）');
  });

  it('keeps states apart from numbers, rates them met / not met, and never grades ―', () => {
    expect(pick(['fiscal_year', 'value', 'status_value', 'target_status', 'target_met', 'grade', 'grade_rule'], 'Ⅰ/1-②')).toEqual([
      ['2016', '', '未実施', '実施', 'false', 'C', '目標の状態に未到達'],
      ['2021', '', '検討中', '実施', 'false', 'C', '目標の状態に未到達'],
      ['2022', '', '―', '実施', '', '−', '評価できない（値・基準値・方向のいずれかがない）'],
      ['2024', '', '実施', '実施', 'true', 'S', '目標の状態を実現'],
      ['2025', '', '', '実施', '', '−', '評価できない（値・基準値・方向のいずれかがない）'],
    ]);
  });

  it('prints no reading for an unknown direction, reverses the ratio for lower-is-better, and marks a changed definition', () => {
    expect(pick(['fiscal_year', 'value', 'achievement_rate', 'grade'], 'Ⅱ/1-①')).toEqual([
      ['2016', '40', '', '−'],
      ['2021', '55', '', '−'],
      ['2022', '', '', '−'],
      ['2024', '58', '', '−'],
      ['2025', '', '', '−'],
    ]);
    // 廃業件数: lower is better; FY2016 is the declared baseline 14. 14 ÷ 12 = 116.7% of the baseline → A.
    expect(pick(['fiscal_year', 'value', 'value_status', 'achievement_rate', 'grade'], 'Ⅱ/1-②').slice(0, 4)).toEqual([
      ['2016', '14', 'declared', '71.4', '−'],
      ['2021', '12', 'observed', '83.3', 'A'],
      ['2022', '13', 'observed', '76.9', 'B'],
      ['2024', '15', 'observed', '66.7', 'B'],
    ]);
    expect(pick(['fiscal_year', 'value', 'grade', 'definition_change'], 'Ⅱ/1-③').slice(2, 4)).toEqual([
      ['2022', '109', 'B', '令和5年度に定義を変更: 経済センサスの集計方法の変更'],
      ['2024', '118.3', '比較不可', '令和5年度に定義を変更: 経済センサスの集計方法の変更'],
    ]);
  });
});

describe('the committee workbook and the data package speak the plan’s words', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await openWorkbook(await readFile(path.join(out, 'latest', 'committee_report.xlsx')));
  });
  const texts = (sheet: ExcelJS.Worksheet) => {
    const all: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => all.push(cellText(cell.value))));
    return all;
  };

  it('lays out 柱 → 施策 → 指標 with the year-role columns, original and revised targets, both rates and the grade', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['概要', '施策の進捗状況']);
    const sheet = book.getWorksheet('施策の進捗状況')!;
    const header = (sheet.getRow(4).values as unknown[]).slice(1).map((v) => cellText(v as ExcelJS.CellValue));
    expect(header.slice(0, 15)).toEqual([
      '番号',
      '指標名',
      '指標区分',
      '所管課',
      '単位',
      '基準値\n（平成28年度）',
      '中間値\n（令和3年度）',
      '参考実績\n（令和4年度）',
      '実績値\n（令和6年度）',
      '目標値\n（令和7年度）',
      '当初目標',
      '目標の改定',
      '達成率\n（改定後目標）',
      '達成率\n（当初目標）',
      '評価',
    ]);
    const body = (code: string, name: string) => {
      let found: string[] = [];
      sheet.eachRow((row) => {
        const v = (row.values as unknown[]).slice(1, 17).map((x) => cellText(x as ExcelJS.CellValue));
        if (v[0] === code && v[1] === name) found = v;
      });
      return found;
    };
    expect(body('施策2-③', '創業支援施設の入居企業数')).toEqual([
      '施策2-③',
      '創業支援施設の入居企業数',
      '成果指標',
      '産業振興課',
      '社',
      '5',
      '2',
      '2',
      '4',
      '3',
      '20',
      '20社 ↓ 3社に変更（令和6年度: 施設の改修で入居区画が減ったため）',
      '133.3',
      '20',
      'S',
      '実績値が目標値以上',
    ]);
    expect(body('1-①', '商店街イベントの参加者数（開催回数）').slice(3, 10)).toEqual([
      '商業振興課（旧 産業振興課）',
      '人',
      '250人（6回）',
      '180人（4回）',
      '300人（7回）',
      '320人（8回）',
      '400',
    ]);
    expect(body('1-②', '空き店舗活用事業の実施').slice(5, 10)).toEqual(['未実施', '検討中', '―', '実施', '実施']);
    expect(texts(sheet)).toEqual(expect.arrayContaining(['柱 Ⅰ　地域商業の活性化', '施策 Ⅰ-ⅰ　商店街の魅力づくり', '柱 Ⅱ　ものづくり産業の振興']));
  });

  it('counts indicators per grade on the summary, with the rule of each grade', () => {
    const summary = texts(book.getWorksheet('概要')!);
    expect(summary).toContain('産業振興会議資料　令和6年度（2024年度）実績');
    const at = summary.indexOf('施策の進捗状況（評価の集計）');
    expect(summary.slice(at + 1, at + 24)).toEqual([
      '評価',
      '規則',
      '指標数',
      'S',
      '実績値が目標値以上',
      '2',
      'A',
      '基準値を10%を超えて上回る',
      '1',
      'B',
      '基準値の±10%以内',
      '1',
      'C',
      '基準値を10%を超えて下回る',
      '0',
      '−',
      '評価できない（値・基準値・方向のいずれかがない）',
      '1',
      '比較不可',
      '指標の定義が変わったため比較できない',
      '1',
      '計',
      '6',
    ]);
  });

  it('has no word or year range of the logic-model plan in the workbook or datapackage.json', async () => {
    const words = /世田谷|目指す姿|ソーシャルインパクト|検証部会|アクションプラン|行動指標|中長期アウトカム|令和6〜9|R6〜R9|R6-R9/;
    for (const sheet of book.worksheets) for (const text of texts(sheet)) expect(text).not.toMatch(words);
    const datapackage = await readFile(path.join(out, 'latest', 'datapackage.json'), 'utf8');
    expect(datapackage).not.toMatch(words);
    expect(datapackage).toContain('令和3〜7年度');
  });
});

describe('two workbooks that give one indicator different states for a year', () => {
  it('publish neither and say which files disagree', async () => {
    const catalog = await loadCatalog(wardProgressConfig);
    const inbox = await tempDir();
    await writeWardProgressInbox(inbox);
    const second = await writeManualEntryTemplate(catalog, 2024, { values: new Map([['Ⅰ/1-②', { value: '検討中' }]]) });
    await writeFile(path.join(inbox, 'manual-entry', '2024-追加.xlsx'), second);
    const run = await runPipeline({ configDir: wardProgressConfig, inboxDir: inbox, outDir: await tempDir(), storePath: null });
    expect(run.issues.filter((i) => i.code === 'conflicting-statuses').map((i) => i.message)).toEqual([
      '指標「Ⅰ/1-②」の令和6年度の状態が入力間で食い違っています（manual-entry/2024-追加.xlsx 6行目: 検討中 / manual-entry/2024.xlsx 6行目: 実施）。正しい値を1つだけ残してください。この値は公表しません',
    ]);
    const latest = (await readCsv(path.join(run.folder, 'indicator_progress.csv'))).filter((r) => r.indicator_id === 'Ⅰ/1-②' && r.fiscal_year === '2024');
    expect(latest.map((r) => [r.status_value, r.value_status, r.grade])).toEqual([['', 'conflict', '−']]);
  });
});

describe('the manual-entry workbook of a progress table', () => {
  it('lets Excel offer the plan’s states and accept two figures as text', async () => {
    const catalog = await loadCatalog(wardProgressConfig);
    const book = await openWorkbook(await writeManualEntryTemplate(catalog, 2024));
    const sheet = book.getWorksheet('入力')!;
    const validationOf = (id: string) => {
      let found: ExcelJS.DataValidation | undefined;
      sheet.eachRow((row) => {
        if (cellText(row.getCell(1).value) === id) found = row.getCell(6).dataValidation;
      });
      return found;
    };
    expect(validationOf('Ⅰ/1-②')).toMatchObject({ type: 'list', formulae: ['"実施,未実施,検討中,―"'] });
    expect(validationOf('Ⅰ/1-①')).toMatchObject({ type: 'textLength' });
    expect(validationOf('Ⅱ/1-②')).toMatchObject({ type: 'decimal' });
    expect(cellText(sheet.getCell('A2').value)).toContain('状態の指標は一覧から選ぶ');
  });
});

describe('a mid-term target (中間目標) of a progress table', () => {
  it('rates the mid-term year against its own target and every other year against the final one', async () => {
    const config = await copyConfig(wardProgressConfig, {
      file: 'progress.yaml',
      replace: [
        '            target: { value: 400 }',
        '            target: { value: 400, byYear: { "2021": 150, "2023": { value: 500, revisions: [ { value: 300, reasonJa: 会場の縮小, revisedInFiscalYear: 2022 } ] } } }',
      ],
    });
    const inbox = await tempDir();
    await writeWardProgressInbox(inbox);
    const run = await runPipeline({ configDir: config, inboxDir: inbox, outDir: await tempDir(), storePath: null });
    const progress = (await readCsv(path.join(run.folder, 'indicator_progress.csv'))).filter((r) => r.indicator_id === 'Ⅰ/1-①');
    const columns = [
      'fiscal_year',
      'year_role',
      'value',
      'target_fiscal_year',
      'target_in_force',
      'target_original',
      'target_revisions',
      'achievement_rate',
      'grade',
    ];
    expect(progress.map((r) => columns.map((c) => r[c]))).toEqual([
      ['2016', '基準値', '250', '2025', '400', '400', '', '62.5', '−'],
      ['2021', '中間値', '180', '2021', '150', '150', '', '120.0', 'S'],
      ['2022', '参考実績', '300', '2025', '400', '400', '', '75.0', 'A'],
      // A year with a target of its own is listed before any value is entered.
      ['2023', '', '', '2023', '300', '500', '500人 ↓ 300人に変更（令和4年度: 会場の縮小）', '', '−'],
      ['2024', '実績値', '320', '2025', '400', '400', '', '80.0', 'A'],
      ['2025', '目標値', '', '2025', '400', '400', '', '', '−'],
    ]);
  });
});

describe('two different two-figure cells for one indicator and year in one workbook', () => {
  it('publish neither and name both rows', async () => {
    const catalog = await loadCatalog(wardProgressConfig);
    const inbox = await tempDir();
    await writeWardProgressInbox(inbox);
    const book = await openWorkbook(await writeManualEntryTemplate(catalog, 2024, { values: new Map([['Ⅰ/1-①', { value: '320人（８回）' }]]) }));
    const sheet = book.getWorksheet('入力')!;
    let typed = 0;
    sheet.eachRow((row, n) => {
      if (cellText(row.getCell(1).value) === 'Ⅰ/1-①') typed = n;
    });
    const copy = sheet.getRow(sheet.rowCount + 1);
    sheet.getRow(typed).eachCell((cell, c) => (copy.getCell(c).value = cell.value));
    copy.getCell(6).value = '320人（９回）';
    await writeFile(path.join(inbox, 'manual-entry', '2024.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
    const run = await runPipeline({ configDir: wardProgressConfig, inboxDir: inbox, outDir: await tempDir(), storePath: null });
    expect(run.issues.filter((i) => i.code === 'conflicting-values').map((i) => i.message)).toEqual([
      `指標「Ⅰ/1-①」の2024年度の値が入力間で食い違っています（manual-entry/2024.xlsx ${typed}行目: 320（8） / manual-entry/2024.xlsx ${copy.number}行目: 320（9））。正しい値を1つだけ残してください。この値は公表しません`,
    ]);
    const latest = (await readCsv(path.join(run.folder, 'indicator_progress.csv'))).filter((r) => r.indicator_id === 'Ⅰ/1-①' && r.fiscal_year === '2024');
    expect(latest.map((r) => [r.value, r.secondary_value, r.value_status, r.grade])).toEqual([['', '', 'conflict', '−']]);
  });
});
