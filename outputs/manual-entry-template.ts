// Writes the manual-entry workbook for a fiscal year: one row per measure that no source adapter feeds,
// with the value cells validated by Excel itself (numbers only; 0–100 for %).
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lib/load-exceljs.ts';
import type { Catalog } from '../config/load-catalog.ts';
import type { Measure } from '../config/catalog-schema.ts';
import { deterministicZip } from '../lib/deterministic-zip.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { MANUAL_ENTRY_FORMAT, MANUAL_ENTRY_HEADER_ROW, MANUAL_ENTRY_META_SHEET, MANUAL_ENTRY_SHEET, manualEntryColumns } from '../lib/manual-entry-layout.ts';

export interface TemplateOptions {
  /** Measures to list; by default every measure of the catalog, in catalog order. */
  measures?: readonly Measure[];
  /** Values to fill in (the sample generator uses this); keyed by measure id. */
  values?: ReadonlyMap<string, { value: number | string; comment?: string }>;
}

const COLUMN_WIDTHS: Record<keyof typeof manualEntryColumns, number> = {
  measureId: 34,
  name: 48,
  unit: 8,
  owners: 14,
  fiscalYear: 12,
  value: 16,
  comment: 36,
  method: 48,
};
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

export async function writeManualEntryTemplate(catalog: Catalog, fiscalYear: number, options: TemplateOptions = {}): Promise<Buffer> {
  const measures = options.measures ?? [...catalog.measures.values()];
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'lei';
  workbook.created = new Date(Date.UTC(fiscalYear, 3, 1));
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet(MANUAL_ENTRY_SHEET, {
    views: [{ state: 'frozen', ySplit: MANUAL_ENTRY_HEADER_ROW, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const keys = Object.keys(manualEntryColumns) as (keyof typeof manualEntryColumns)[];
  sheet.columns = keys.map((k) => ({ key: k, width: COLUMN_WIDTHS[k] }));
  sheet.getCell('A1').value = `手入力ワークブック　${formatFiscalYear(fiscalYear)}（${fiscalYear}年度）　${catalog.plan.titleJa}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  // A plan with states (実施 …) or two-figure cells says how to enter them; a numbers-only plan keeps the plain line.
  const special = measures.some((m) => m.valueType === 'status' || m.valueType === 'pair');
  sheet.getCell('A2').value = special
    ? '黄色の「値」列に入力してください: 数値の指標は数値だけ、状態の指標は一覧から選ぶ、2つの数値の指標は「320（8）」のように。値がない場合は空欄のままにしてください。'
    : '黄色の「値」列に数値だけを入力してください（単位・カンマは不要）。値がない場合は空欄のままにしてください。';
  sheet.getCell('A3').value = '「指標ID」「年度」は変更しないでください。定義の変更や推計値などの特記事項は「コメント」列に書いてください。';

  const header = sheet.getRow(MANUAL_ENTRY_HEADER_ROW);
  keys.forEach((k, i) => {
    const cell = header.getCell(i + 1);
    cell.value = manualEntryColumns[k];
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });

  const valueCol = keys.indexOf('value') + 1;
  const commentCol = keys.indexOf('comment') + 1;
  measures.forEach((m, i) => {
    const r = MANUAL_ENTRY_HEADER_ROW + 1 + i;
    const filled = options.values?.get(m.id);
    const row = sheet.getRow(r);
    row.values = {
      measureId: m.id,
      name: m.nameJa,
      unit: m.unit,
      // 、 like the datasets: a department's own name may hold ・ (工業・雇用促進課).
      owners: (m.owners ?? catalog.plan.owners ?? []).join('、'),
      fiscalYear: formatFiscalYear(fiscalYear),
      value: filled?.value ?? null,
      comment: filled?.comment ?? null,
      method: m.methodJa ?? '',
    };
    for (const c of [valueCol, commentCol]) {
      const cell = row.getCell(c);
      cell.protection = { locked: false };
      if (c === valueCol) cell.fill = INPUT_FILL;
    }
    const valueCell = row.getCell(valueCol);
    valueCell.numFmt = m.valueType === 'status' || m.valueType === 'pair' ? '@' : m.decimals > 0 ? `#,##0.${'0'.repeat(m.decimals)}` : '#,##0';
    valueCell.dataValidation = valueValidation(
      m,
      catalog.plan.statuses.map((s) => s.labelJa),
    );
  });
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const meta = workbook.addWorksheet(MANUAL_ENTRY_META_SHEET, { state: 'veryHidden' });
  meta.addRows([
    ['format', MANUAL_ENTRY_FORMAT],
    ['plan', catalog.plan.id],
    ['fiscalYear', fiscalYear],
  ]);

  return deterministicZip(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Excel's own check of a value cell: numbers (0–100 for %), one of the plan's states, or two figures as text. */
function valueValidation(m: Measure, statuses: readonly string[]): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', showInputMessage: true, promptTitle: m.nameJa.slice(0, 32) } as const;
  if (m.valueType === 'status') {
    return {
      ...common,
      type: 'list',
      formulae: [`"${statuses.join(',')}"`],
      errorTitle: '一覧から選んでください',
      error: `${statuses.join('・')} のどれかを選んでください。`,
      prompt: `状態を選んでください（${statuses.join('・')}）`,
    };
  }
  if (m.valueType === 'pair') {
    return {
      ...common,
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [40],
      errorTitle: '2つの数値を入力してください',
      error: '「320（8）」のように、1つ目の数値と括弧の中に2つ目の数値を入力してください。',
      prompt: `単位: ${m.unit}（括弧内: ${m.secondaryUnit ?? ''}）例: 320（8）`,
    };
  }
  return {
    ...common,
    type: 'decimal',
    operator: 'between',
    formulae: m.unit === '%' ? [0, 100] : [-1e15, 1e15],
    errorTitle: '数値を入力してください',
    error: m.unit === '%' ? '割合（%）は 0〜100 の数値で入力してください。' : '数値だけを入力してください（単位や文字は不要です）。',
    prompt: `単位: ${m.unit}`,
  };
}
