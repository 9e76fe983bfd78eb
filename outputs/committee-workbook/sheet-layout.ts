// Cells, layout and print settings shared by the committee workbook's sheets: fonts, fills, borders, A4 landscape
// pages, number formats (half-up, separators, — for no value) and row heights for wrapped text.
import type ExcelJS from 'exceljs';
import type { Catalog } from '../../config/load-catalog.ts';
import { roundHalfUp } from '../../lib/decimal.ts';
import { neutralizeFormula } from '../../lib/neutralize-formula.ts';
import { numberFormat } from '../number-format.ts';

export const NO_VALUE = '—';
// A withheld value is never shown as 0, as last year's value or as a plain dash: it says so, with the reason beside it.
export const WITHHELD = '不公表';
/** The column header row of every table sheet (title, subtitle and legend lines above it). */
export const HEADER_ROW = 4;

export const FONT = 'Meiryo UI';
export const FONT_SIZE = 10;
const LINE_HEIGHT = 14.5;
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const HEADER_FILL = solid('FFD9E1F2');
export const TIER_FILL = solid('FFF2F2F2');
export const VISION_FILL = solid('FFB4C6E7');
export const SECTION_FILL = solid('FFDDEBF7');
// Fonts and alignments shared by many cells are one object each: equal styles are then found by identity (share-styles.ts).
export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT, size: FONT_SIZE };
export const BOLD_FONT: Partial<ExcelJS.Font> = { name: FONT, size: FONT_SIZE, bold: true };
export const CENTERED: Partial<ExcelJS.Alignment> = { vertical: 'middle', horizontal: 'center' };
export const CENTERED_WRAP: Partial<ExcelJS.Alignment> = { vertical: 'middle', horizontal: 'center', wrapText: true };
const LEFT: Partial<ExcelJS.Alignment> = { vertical: 'middle', horizontal: 'left' };
const NUMBER_ALIGN: Partial<ExcelJS.Alignment> = { vertical: 'middle', horizontal: 'right', wrapText: false };
const TEXT_ALIGN: Partial<ExcelJS.Alignment> = { vertical: 'middle', horizontal: 'left', wrapText: true };

export interface ColumnDef {
  header: string;
  width: number;
  /** Kept for tracing a row back to the datasets; not shown or printed. Hidden columns come last. */
  hidden?: boolean;
}

export const visibleCount = (columns: readonly ColumnDef[]) => columns.filter((c) => !c.hidden).length;

export function sheetOptions(headerRow: number): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(headerRow > 1 ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
    },
    headerFooter: { oddHeader: '&L&A', oddFooter: '&C&P / &N' },
  };
}

export function writeHeading(sheet: ExcelJS.Worksheet, columns: readonly ColumnDef[], lines: readonly string[]): void {
  sheet.columns = columns.map((c) => ({ width: c.width, hidden: c.hidden ?? false }));
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    setText(cell, text);
    cell.font = { name: FONT, size: i === 0 ? 14 : FONT_SIZE, bold: i === 0 };
    sheet.mergeCells(i + 1, 1, i + 1, visibleCount(columns));
    sheet.getRow(i + 1).height = i === 0 ? 22 : 16;
  });
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    setText(cell, c.header);
    cell.font = BOLD_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = CENTERED_WRAP;
  });
  fitRowHeight(header, columns);
}

export function bandRow(row: ExcelJS.Row, lastCol: number, text: string, fill: ExcelJS.Fill, columns: readonly ColumnDef[]): void {
  setText(row.getCell(1), text);
  for (let c = 1; c <= lastCol; c++) {
    const cell = row.getCell(c);
    cell.fill = fill;
    cell.border = BORDER;
    cell.font = BOLD_FONT;
    cell.alignment = LEFT;
  }
  row.worksheet.mergeCells(row.number, 1, row.number, lastCol);
  fitRowHeight(row, [{ header: '', width: columns.reduce((s, c) => s + c.width, 0) }]);
}

export function styleBody(row: ExcelJS.Row, columns: readonly ColumnDef[]): void {
  columns.forEach((_, i) => {
    const cell = row.getCell(i + 1);
    cell.border = BORDER;
    cell.font = BODY_FONT;
    const numeric = typeof cell.value === 'number' || cell.value === NO_VALUE;
    cell.alignment = numeric ? NUMBER_ALIGN : TEXT_ALIGN;
  });
}

/** Text cells are always strings (never formulas) and follow the CSV rule for text a spreadsheet would execute. */
export function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text === '' ? null : neutralizeFormula(text);
}

/** A number with thousands separators and fixed decimals, or the text — when there is none. */
export function setNumber(cell: ExcelJS.Cell, value: number | null, decimals: number, suffix = ''): void {
  if (value === null || !Number.isFinite(value)) {
    cell.value = NO_VALUE;
    return;
  }
  cell.value = value;
  cell.numFmt = `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${suffix}`;
}

/** Number columns wide enough for their longest formatted value, so no cell prints as #####. */
export function widenForNumbers(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value !== 'number') return;
      const decimals = /\.(0+)/.exec(cell.numFmt ?? '')?.[1]?.length ?? 0;
      const text = numberFormat(decimals, decimals).format(cell.value);
      const column = sheet.getColumn(cell.col);
      const needed = text.length + (cell.numFmt?.includes('%') ? 1 : 0) + 2;
      if ((column.width ?? 0) < needed) column.width = needed;
    });
  });
}

/** Thousands separators, every decimal kept. */
export function grouped(value: number): string {
  return numberFormat(0, 6).format(value);
}

/** Half-up on the exact decimal (lib/decimal.ts), printed with fixed decimals and separators. */
export function fixed(value: number, decimals: number): string {
  return numberFormat(decimals, decimals).format(roundHalfUp(value, decimals));
}

export function decimalsOf(value: number | null): number {
  if (value === null) return 0;
  return (String(value).split('.')[1] ?? '').length;
}

/** Explicit row heights: Excel does not grow a row for wrapped text it did not lay out itself. */
export function fitRowHeight(row: ExcelJS.Row, columns: readonly ColumnDef[]): void {
  let lines = 1;
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    if (typeof cell.value !== 'string' || (cell.isMerged && cell.master !== cell)) return;
    const perLine = Math.max(1, c.width - 1.5);
    const needed = cell.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  row.height = Math.max(18, lines * LINE_HEIGHT + 4);
}

/** Width in half-width character units: East Asian wide characters and arrows count twice. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2000 ? 1.8 : 1;
  return w;
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function tierLabel(catalog: Catalog, id: string): string {
  return catalog.plan.tiers.find((t) => t.id === id)?.labelJa ?? id;
}
