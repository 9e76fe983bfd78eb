// One sheet per vision table, laid out like seed 000's ソーシャルインパクト指標一覧: tiers in order, baseline, actual,
// 指数 with ↑→↓ coloured by direction, and remarks (withheld values say so, with the reason).
import type ExcelJS from 'exceljs';
import type { Catalog } from '../../config/load-catalog.ts';
import type { IndicatorValueRow } from '../../lib/datasets/indicator-tables.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { visionTableName, type VisionTable } from '../../transforms/vision-tables.ts';
import type { CommitteeTables } from './committee-tables.ts';
import {
  NO_VALUE,
  WITHHELD,
  HEADER_ROW,
  FONT,
  FONT_SIZE,
  CENTERED,
  solid,
  TIER_FILL,
  ColumnDef,
  sheetOptions,
  writeHeading,
  styleBody,
  setText,
  setNumber,
  widenForNumbers,
  grouped,
  fixed,
  decimalsOf,
  fitRowHeight,
  columnLetter,
} from './sheet-layout.ts';

/** 指数 colours by reading: higher-is-better rows green/red, lower-is-better rows blue/orange (their ↑ is bad). */
const INDEX_COLOURS = {
  higher: { improved: ['FFC6EFCE', 'FF006100'], worsened: ['FFFFC7CE', 'FF9C0006'] },
  lower: { improved: ['FFBDD7EE', 'FF1F4E78'], worsened: ['FFF8CBAD', 'FF843C0C'] },
} as const;

export interface VisionStats {
  sheetName: string;
  titleJa: string;
  slots: number;
  withValue: number;
  withIndex: number;
  improved: number;
  worsened: number;
  unchanged: number;
}

export function writeVisionSheet(workbook: ExcelJS.Workbook, catalog: Catalog, table: VisionTable, tables: CommitteeTables): VisionStats {
  const { fiscalYear } = tables;
  const baselineYear = catalog.plan.baselineFiscalYear;
  const columns: ColumnDef[] = [
    { header: catalog.plan.terms.tier, width: 14 },
    { header: '番号', width: 5 },
    { header: '横断的', width: 6 },
    { header: '指標名', width: 34 },
    { header: 'データの収集方法', width: 40 },
    { header: `基準値（${formatFiscalYear(baselineYear)}）`, width: 12 },
    { header: `${formatFiscalYear(fiscalYear)}実数`, width: 12 },
    { header: '単位', width: 7 },
    { header: '指数', width: 9 },
    { header: '↑→↓', width: 6 },
    { header: '備考', width: 28 },
    { header: '指標枠ID', width: 14, hidden: true },
  ];
  const sheetName = visionTableName(catalog, table.visions);
  const sheet = workbook.addWorksheet(sheetName, sheetOptions(HEADER_ROW));
  const titleJa = table.visions.map((v) => catalog.plan.visions.find((x) => x.number === v)?.titleJa ?? '').join('／');
  writeHeading(sheet, columns, [
    `${sheetName}　${titleJa}`,
    `${catalog.plan.terms.indicators}一覧　${formatFiscalYear(fiscalYear)}実数（基準値: ${formatFiscalYear(baselineYear)}）　指数 = 実数 ÷ 基準値 × 100`,
    `指数の色: 緑 = 改善、赤 = 悪化（低いほど良い指標は 青 = 改善、橙 = 悪化）　${NO_VALUE} = 値なし（未集計・欠測・基準値が0または無い）`,
  ]);

  const rowOf = new Map<string, IndicatorValueRow>();
  const anyRowOf = new Map<string, IndicatorValueRow>();
  for (const r of tables.indicatorValues) {
    if (r.fiscal_year === fiscalYear) rowOf.set(r.slot_id, r);
    if (!anyRowOf.has(r.slot_id)) anyRowOf.set(r.slot_id, r);
  }

  const stats: VisionStats = { sheetName, titleJa, slots: 0, withValue: 0, withIndex: 0, improved: 0, worsened: 0, unchanged: 0 };
  const directions: { row: number; direction: 'higher' | 'lower' }[] = [];
  let r = HEADER_ROW + 1;
  for (const { id: tier, labelJa } of catalog.plan.tiers) {
    const slots = table.slots.filter((s) => s.tier === tier);
    if (slots.length === 0) continue;
    const first = r;
    for (const slot of slots) {
      const measure = catalog.measures.get(slot.measure)!;
      const row = rowOf.get(slot.id);
      const baseline = row?.baseline_value ?? anyRowOf.get(slot.id)?.baseline_value ?? null;
      const decimals = measure.decimals;
      const excelRow = sheet.getRow(r);
      setText(excelRow.getCell(1), labelJa);
      setNumber(excelRow.getCell(2), slot.position, 0);
      setText(excelRow.getCell(3), slot.marked ? '○' : '');
      setText(excelRow.getCell(4), slot.previousNameJa ? `${slot.previousNameJa}\n${NO_VALUE}${slot.nameJa}` : slot.nameJa);
      setText(excelRow.getCell(5), slot.methodJa ?? measure.methodJa ?? '');
      setNumber(excelRow.getCell(6), baseline, Math.max(decimals, decimalsOf(baseline)));
      if (row?.withheld_reason) setText(excelRow.getCell(7), WITHHELD);
      else setNumber(excelRow.getCell(7), row?.value ?? null, decimals);
      setText(excelRow.getCell(8), row?.unit ?? slot.unitJa ?? measure.unit);
      setNumber(excelRow.getCell(9), row?.index ?? null, 2);
      setText(excelRow.getCell(10), row?.trend ?? '');
      setText(excelRow.getCell(11), visionRemarks(row, baseline, baselineYear, decimals).join('\n'));
      setText(excelRow.getCell(12), slot.id);
      styleBody(excelRow, columns);
      for (const c of [2, 3, 8, 10]) excelRow.getCell(c).alignment = CENTERED;
      fitRowHeight(excelRow, columns);
      if (measure.direction !== 'unknown') directions.push({ row: r, direction: measure.direction });

      stats.slots++;
      if (row?.value !== null && row?.value !== undefined) stats.withValue++;
      if (row?.index !== null && row?.index !== undefined) stats.withIndex++;
      if (row?.assessment === 'improved') stats.improved++;
      if (row?.assessment === 'worsened') stats.worsened++;
      if (row?.assessment === 'unchanged') stats.unchanged++;
      r++;
    }
    if (r - 1 > first) sheet.mergeCells(first, 1, r - 1, 1);
    const tierCell = sheet.getCell(first, 1);
    tierCell.fill = TIER_FILL;
    tierCell.font = { name: FONT, size: FONT_SIZE, bold: true };
    tierCell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  addIndexColours(sheet, directions, 9, 10);
  widenForNumbers(sheet);
  return stats;
}

function visionRemarks(row: IndicatorValueRow | undefined, baseline: number | null, baselineYear: number, decimals: number): string[] {
  const notes: string[] = [];
  if (row?.direction === 'lower') notes.push('低いほど良い指標（指数の↑は悪化）');
  if (row?.withheld_reason) notes.push(`${WITHHELD}: ${row.withheld_reason}（issues.csv を参照）`);
  if (baseline === 0) notes.push('基準値が0のため指数なし');
  if (row?.baseline_fiscal_year !== null && row?.baseline_fiscal_year !== undefined && row.baseline_fiscal_year !== baselineYear) {
    notes.push(`基準値は${formatFiscalYear(row.baseline_fiscal_year)}`);
  }
  if (row?.n !== null && row?.n !== undefined) {
    const ci = row.ci_low !== null && row.ci_high !== null ? `（95%信頼区間 ${fixed(row.ci_low, decimals)}〜${fixed(row.ci_high, decimals)}）` : '';
    notes.push(`回答数 n=${grouped(row.n)}${ci}`);
  }
  if (row?.comment && row.comment !== row.withheld_reason) notes.push(row.comment);
  return notes;
}

/** One conditional-format block per run of rows with the same direction, so each block's formula stays relative to its first row. */
function addIndexColours(sheet: ExcelJS.Worksheet, rows: readonly { row: number; direction: 'higher' | 'lower' }[], indexCol: number, lastCol: number): void {
  const col = columnLetter(indexCol);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i]!.direction === rows[start]!.direction && rows[i]!.row === rows[i - 1]!.row + 1) continue;
    const { row: top, direction } = rows[start]!;
    const bottom = rows[i - 1]!.row;
    const colours = INDEX_COLOURS[direction];
    const good = direction === 'higher' ? '>' : '<';
    const bad = direction === 'higher' ? '<' : '>';
    const rule = (op: string, [fill, font]: readonly [string, string], priority: number): ExcelJS.ConditionalFormattingRule => ({
      type: 'expression',
      priority,
      formulae: [`AND(ISNUMBER($${col}${top}),$${col}${top}${op}100)`],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: fill } }, font: { color: { argb: font } } },
    });
    sheet.addConditionalFormatting({
      ref: `${col}${top}:${columnLetter(lastCol)}${bottom}`,
      rules: [rule(good, colours.improved, 1), rule(bad, colours.worsened, 2)],
    });
    start = i;
  }
}
