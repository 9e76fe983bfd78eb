// The committee workbook says what the run's datasets say: given the bundled sample run, every FY2024 value and
// 指数 of the vision sheets and every 達成率 of the action-plan sheet equal the CSV files and the store, row for row.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../config/load-catalog.ts';
import type { DatasetSpec } from '../lib/dataset-spec.ts';
import type { CompositeIndexRow } from '../lib/datasets/composite-tables.ts';
import { actionPlanProgress, indicatorValues, type ActionPlanProgressRow, type IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import { cellText } from './exceljs-oracle.ts';
import { writeCommitteeWorkbook } from '../outputs/committee-workbook.ts';
import { formatCell } from '../outputs/format-csv.ts';
import { readCsv, setagayaConfig } from './helpers.ts';
import { sampleRun } from './sample-fixtures.ts';

const FY = 2024;
const HEADER_ROW = 4;
const TIER_LABELS: Record<string, string> = { action: '行動指標', short: '短期アウトカム', long: '中長期アウトカム', reference: '参考指標' };

let catalog: Catalog;
let valuesCsv: Record<string, string>[];
let progressCsv: Record<string, string>[];
let stored: { slot_id: string; value: number | null; index: number | null }[];
let values: IndicatorValueRow[];
let progress: ActionPlanProgressRow[];
let bytes: Buffer;
let book: ExcelJS.Workbook;

/** CSV text back into typed rows, by the dataset's declared column types. */
function typed<T>(spec: DatasetSpec, rows: Record<string, string>[]): T[] {
  return rows.map(
    (r) =>
      Object.fromEntries(
        spec.columns.map((c) => {
          const text = r[c.name] ?? '';
          if (text === '') return [c.name, null];
          if (c.type === 'integer' || c.type === 'decimal') return [c.name, Number(text)];
          if (c.type === 'boolean') return [c.name, text === 'true'];
          return [c.name, text];
        }),
      ) as T,
  );
}

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** Column number by header text in the header row. */
function column(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(HEADER_ROW).eachCell((cell, n) => {
    if (cellText(cell.value) === header) found = n;
  });
  if (found === 0) throw new Error(`${sheet.name}: no column ${header}`);
  return found;
}

/** The number a cell holds, or the text — ; anything else (0 for a blank, a formula) fails the comparison. */
function shown(cell: ExcelJS.Cell): number | string | null {
  return typeof cell.value === 'number' || typeof cell.value === 'string' ? cell.value : null;
}
const expected = (csv: string | undefined): number | string => (csv === undefined || csv === '' ? '—' : Number(csv));

beforeAll(async () => {
  // The bundled sample run (made once per test run, tests/sample-global-setup.ts).
  const run = await sampleRun();
  const out = run.outDir;
  catalog = await loadCatalog(setagayaConfig);
  valuesCsv = await readCsv(path.join(out, 'latest', 'indicator_values.csv'));
  progressCsv = await readCsv(path.join(out, 'latest', 'action_plan_progress.csv'));
  values = typed(indicatorValues, valuesCsv);
  progress = typed(actionPlanProgress, progressCsv);

  const db = await DuckDBInstance.create(run.storePath, { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  const result = await connection.runAndReadAll(`SELECT slot_id, value, "index" FROM indicator_values WHERE run_id = $1 AND fiscal_year = ${FY}`, [run.runId]);
  stored = result.getRowObjects() as typeof stored;
  connection.closeSync();
  db.closeSync();

  bytes = await writeCommitteeWorkbook(catalog, { indicatorValues: values, actionPlanProgress: progress, fiscalYear: FY });
  book = await read(bytes);
}, 120_000);

describe('committee workbook: sheets and print setup', () => {
  it('has the summary, one sheet per vision (8・9 shared) and the action plan', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '概要',
      ...[1, 2, 3, 4, 5, 6, 7].map((v) => `目指す姿${v}`),
      '目指す姿8・9',
      '目指す姿10',
      '目指す姿11',
      'アクションプラン',
    ]);
  });

  it('freezes the header rows and prints on A4 landscape, fit to width, repeating the header row', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: sheet.name === '概要' ? 1 : HEADER_ROW });
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      if (sheet.name !== '概要') expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
    }
  });

  it('labels the seed 000 columns in Japanese with the baseline and report years', () => {
    const headers = book.getWorksheet('目指す姿2')!.getRow(HEADER_ROW).values as unknown[];
    expect(headers.slice(1, 12)).toEqual([
      '区分',
      '番号',
      '横断的',
      '指標名',
      'データの収集方法',
      '基準値（令和5年度）',
      '令和6年度実数',
      '単位',
      '指数',
      '↑→↓',
      '備考',
    ]);
    const plan = book.getWorksheet('アクションプラン')!.getRow(HEADER_ROW).values as unknown[];
    expect(plan.slice(1, 15)).toEqual([
      '方針',
      '施策',
      '行動指標',
      '再掲',
      '合計\n（R6-R9）',
      'R6年度',
      'R7年度',
      'R8年度',
      'R9年度',
      'R13年度',
      '単位',
      'R6年度実績',
      '達成率',
      '備考',
    ]);
  });

  it('gives identical bytes for identical inputs', async () => {
    const again = await writeCommitteeWorkbook(catalog, { indicatorValues: values, actionPlanProgress: progress, fiscalYear: FY });
    expect(again.equals(bytes)).toBe(true);
  });
});

describe('committee workbook: vision sheets equal indicator_values.csv and the store', () => {
  const sheetOf = (vision: number) => book.getWorksheet(vision === 8 ? '目指す姿8・9' : `目指す姿${vision}`)!;

  /** The sheet row printing a slot, found by the visible 区分 and 番号. */
  function rowOf(r: Record<string, string>): ExcelJS.Row {
    const sheet = sheetOf(Number(r.vision));
    const [tierCol, posCol] = [column(sheet, '区分'), column(sheet, '番号')];
    const matches: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n > HEADER_ROW && cellText(row.getCell(tierCol).value) === TIER_LABELS[r.tier!] && row.getCell(posCol).value === Number(r.position))
        matches.push(row);
    });
    expect(matches, `${r.slot_id} in ${sheet.name}`).toHaveLength(1);
    return matches[0]!;
  }

  it('prints every slot once, with its FY2024 value, 指数 and trend as in the CSV', () => {
    const fy = valuesCsv.filter((r) => r.fiscal_year === String(FY));
    expect(fy).toHaveLength(catalog.slots.length);
    for (const r of fy) {
      const sheet = sheetOf(Number(r.vision));
      const row = rowOf(r);
      expect(shown(row.getCell(column(sheet, '令和6年度実数'))), `${r.slot_id} 実数`).toEqual(expected(r.value));
      expect(shown(row.getCell(column(sheet, '基準値（令和5年度）'))), `${r.slot_id} 基準値`).toEqual(expected(r.baseline_value));
      const index = row.getCell(column(sheet, '指数'));
      expect(shown(index), `${r.slot_id} 指数`).toEqual(expected(r.index));
      if (r.index !== '') expect((index.value as number).toFixed(2)).toBe(r.index);
      expect(cellText(row.getCell(column(sheet, '↑→↓')).value), `${r.slot_id} trend`).toBe(r.trend);
      expect(cellText(row.getCell(column(sheet, '単位')).value)).toBe(r.unit);
    }
    const printed = book.worksheets.filter((s) => s.name.startsWith('目指す姿')).reduce((n, s) => n + s.rowCount - HEADER_ROW, 0);
    expect(printed).toBe(fy.length);
  });

  it('agrees with the embedded store row for row', () => {
    expect(stored).toHaveLength(catalog.slots.length);
    for (const s of stored) {
      const csv = valuesCsv.find((r) => r.slot_id === s.slot_id && r.fiscal_year === String(FY))!;
      const sheet = sheetOf(Number(csv.vision));
      const row = rowOf(csv);
      expect(shown(row.getCell(column(sheet, '令和6年度実数'))), s.slot_id).toEqual(s.value ?? '—');
      expect(shown(row.getCell(column(sheet, '指数'))), s.slot_id).toEqual(s.index ?? '—');
    }
  });

  it('formats 指数 with 2 decimals and values with separators and the measure decimals', () => {
    const row = rowOf(valuesCsv.find((r) => r.slot_id === 'v2-short-2' && r.fiscal_year === String(FY))!); // 融資あっせん件数 1,580 → 1,952
    const sheet = sheetOf(2);
    expect(row.getCell(column(sheet, '令和6年度実数'))).toMatchObject({ value: 1952, numFmt: '#,##0' });
    expect(row.getCell(column(sheet, '指数'))).toMatchObject({ value: 123.54, numFmt: '#,##0.00' });
    const share = rowOf(valuesCsv.find((r) => r.slot_id === 'v2-long-1' && r.fiscal_year === String(FY))!); // 黒字決算 50.6 → 53.2
    expect(share.getCell(column(sheet, '基準値（令和5年度）'))).toMatchObject({ value: 50.6, numFmt: '#,##0.0' });
  });

  it('prints a missing value as the text — , never 0 or an empty cell', () => {
    const missing = valuesCsv.filter((r) => r.fiscal_year === String(FY) && r.value === '');
    expect(missing.length).toBeGreaterThan(0);
    for (const r of missing) expect(rowOf(r).getCell(column(sheetOf(Number(r.vision)), '令和6年度実数')).value, r.slot_id).toBe('—');
    // 区内生産額 (RESAS): baseline 44,946, no FY2024 value and so no 指数 (seed 000 v2 中長期3).
    const production = rowOf(valuesCsv.find((r) => r.slot_id === 'v2-long-3' && r.fiscal_year === String(FY))!);
    expect([production.getCell(7).value, production.getCell(9).value]).toEqual(['—', '—']);
  });

  it('shows a renamed indicator with its old name and marks the lower-is-better 区内倒産事業者数', () => {
    const renamed = rowOf(valuesCsv.find((r) => r.slot_id === 'v1-action-1' && r.fiscal_year === String(FY))!);
    expect(renamed.getCell(column(sheetOf(1), '指標名')).value).toBe('商店街団体の活動の支援回数\n—顧問的診断士の派遣数');
    const bankruptcies = rowOf(valuesCsv.find((r) => r.slot_id === 'v2-long-2' && r.fiscal_year === String(FY))!);
    expect(cellText(bankruptcies.getCell(column(sheetOf(2), '備考')).value)).toContain('低いほど良い指標');
  });

  it('colours 指数 by reading: higher-is-better rows and lower-is-better rows get their own rules', () => {
    // exceljs reads conditional formats back but does not declare the property in its types.
    const rules = (sheetOf(2) as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const bankruptcies = rowOf(valuesCsv.find((r) => r.slot_id === 'v2-long-2' && r.fiscal_year === String(FY))!).number;
    // 目指す姿2: 区内倒産事業者数 is the one lower-is-better row; the rows around it read higher-is-better.
    expect(rules.map((r) => r.ref)).toEqual([`I5:J${bankruptcies - 1}`, `I${bankruptcies}:J${bankruptcies}`, `I${bankruptcies + 1}:J18`]);
    const formulae = (i: number) => rules[i]!.rules.map((r) => (r as ExcelJS.ExpressionRuleType).formulae![0]);
    expect(formulae(0)).toEqual(['AND(ISNUMBER($I5),$I5>100)', 'AND(ISNUMBER($I5),$I5<100)']);
    expect(formulae(1)).toEqual([`AND(ISNUMBER($I${bankruptcies}),$I${bankruptcies}<100)`, `AND(ISNUMBER($I${bankruptcies}),$I${bankruptcies}>100)`]);
  });
});

describe('committee workbook: action-plan sheet equals action_plan_progress.csv', () => {
  it('prints every line once with its FY2024 actual and 達成率', () => {
    const sheet = book.getWorksheet('アクションプラン')!;
    const [idCol, actualCol, rateCol] = [column(sheet, '行ID'), column(sheet, 'R6年度実績'), column(sheet, '達成率')];
    const seen = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      const id = cellText(row.getCell(idCol).value);
      if (n > HEADER_ROW && id) seen.set(id, row);
    });
    const fy = progressCsv.filter((r) => r.fiscal_year === String(FY));
    expect(seen.size).toBe(fy.length);
    for (const r of fy) {
      const row = seen.get(r.line_id!)!;
      expect(shown(row.getCell(actualCol)), `${r.line_id} 実績`).toEqual(expected(r.actual));
      const rate = row.getCell(rateCol);
      expect(shown(rate), `${r.line_id} 達成率`).toEqual(expected(r.achievement_rate));
      if (r.achievement_rate !== '') expect(rate.numFmt).toBe('#,##0.0"%"');
      expect(cellText(row.getCell(column(sheet, '再掲')).value)).toBe(r.reprint_of ? '【再掲】' : '');
    }
    // 融資あっせん 1,952 / 7,150 = 27.3% (seed 001 l.123).
    const loan = [...seen.values()].find((row) => cellText(row.getCell(3).value) === '融資あっせん件数')!;
    expect([loan.getCell(column(sheet, '合計\n（R6-R9）')).value, loan.getCell(actualCol).value, loan.getCell(rateCol).value]).toEqual([7150, 1952, 27.3]);
  });
});

describe('committee workbook: summary', () => {
  const composite: CompositeIndexRow = {
    plan_id: 'setagaya-economic-vision',
    fiscal_year: FY,
    fiscal_year_label: '令和6年度',
    method_id: 'flat-capped',
    method_label_ja: '指標の単純平均',
    is_primary: true,
    status: 'published',
    value: 121.37,
    provisional_value: 121.37,
    inputs_present: 15,
    inputs_total: 29,
    coverage_rate: 51.7,
    min_coverage_rate: 50,
    missing_inputs: '',
    capped_inputs: '',
    leave_one_out_low: null,
    leave_one_out_low_without: null,
    leave_one_out_high: null,
    leave_one_out_high_without: null,
    next_target_fiscal_year: 2027,
    next_target_value: 130,
    run_id: 'r',
  };
  const texts = (sheet: ExcelJS.Worksheet) => {
    const all: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => all.push(cellText(c.value))));
    return all;
  };

  it('shows the composite with its coverage and the targets 130 (R9) and 135 (R13) when rows are given', async () => {
    const wb = await read(
      await writeCommitteeWorkbook(catalog, { indicatorValues: values, actionPlanProgress: progress, composite: [composite], fiscalYear: FY }),
    );
    const summary = wb.getWorksheet('概要')!;
    const find = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (cellText(row.getCell(1).value) === label) found ??= row;
      });
      return found!;
    };
    expect(find('令和6年度').getCell(3).value).toBe(121.37);
    expect(find('目標値（R9年度）').getCell(3).value).toBe(130);
    expect(find('目標値（R13年度）').getCell(3).value).toBe(135);
    expect(cellText(find('入力の被覆率').getCell(2).value)).toContain('29 指標のうち 15 指標');
  });

  it('prints a composite that is not published as — , and says so when the run has none', async () => {
    const unpublished = { ...composite, status: 'below-coverage', value: null, provisional_value: 118.2 };
    const wb = await read(
      await writeCommitteeWorkbook(catalog, { indicatorValues: values, actionPlanProgress: progress, composite: [unpublished], fiscalYear: FY }),
    );
    let fyRow: ExcelJS.Row | undefined;
    wb.getWorksheet('概要')!.eachRow((row) => {
      if (cellText(row.getCell(1).value) === '令和6年度') fyRow ??= row;
    });
    expect([cellText(fyRow!.getCell(2).value), fyRow!.getCell(3).value]).toEqual(['入力の被覆率が基準未満のため公表しない', '—']);
    expect(texts(book.getWorksheet('概要')!)).toContain('（この実行では算出していません）');
  });

  it('counts slots and lines as the datasets do', () => {
    const summary = book.getWorksheet('概要')!;
    let total: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (cellText(row.getCell(1).value) === '計') total = row;
    });
    const fy = valuesCsv.filter((r) => r.fiscal_year === String(FY));
    expect([total!.getCell(3).value, total!.getCell(4).value, total!.getCell(5).value]).toEqual([
      fy.length,
      fy.filter((r) => r.value !== '').length,
      fy.filter((r) => r.index !== '').length,
    ]);
  });

  it('names the plan’s own lower-is-better indicator in the legend, and none when the plan has none', async () => {
    const legend = (wb: ExcelJS.Workbook) => texts(wb.getWorksheet('概要')!).find((t) => t.startsWith('緑 = 改善'));
    expect(legend(book)).toBe('緑 = 改善、赤 = 悪化。低いほど良い指標（例: 区内倒産事業者数）は 青 = 改善（↓）、橙 = 悪化（↑）');
    const measures = new Map([...catalog.measures].map(([id, m]) => [id, { ...m, direction: 'higher' as const }]));
    const allHigher = await read(
      await writeCommitteeWorkbook({ ...catalog, measures }, { indicatorValues: values, actionPlanProgress: progress, fiscalYear: FY }),
    );
    expect(legend(allHigher)).toBe('緑 = 改善、赤 = 悪化。低いほど良い指標は 青 = 改善（↓）、橙 = 悪化（↑）');
  });
});

describe('committee workbook: text a spreadsheet would execute', () => {
  it('writes it as text with the same leading apostrophe as the CSV, never as a formula', async () => {
    const attack = '=HYPERLINK("http://example.com","x")';
    const rows = values.map((r) => (r.slot_id === 'v2-short-2' && r.fiscal_year === FY ? { ...r, comment: attack } : r));
    const wb = await read(await writeCommitteeWorkbook(catalog, { indicatorValues: rows, actionPlanProgress: progress, fiscalYear: FY }));
    const sheet = wb.getWorksheet('目指す姿2')!;
    const cell = sheet.getCell(10, column(sheet, '備考')); // 短期アウトカム2 融資あっせん件数
    expect(sheet.getCell(10, column(sheet, '指標名')).value).toBe('融資あっせん件数');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    const csvRule = formatCell({ name: 'comment', type: 'string', descriptionJa: '', descriptionEn: '' }, attack);
    expect(cell.value).toBe(csvRule);
    expect(cell.value).toBe(`'${attack}`);
  });
});
