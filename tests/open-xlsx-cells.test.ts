// Typed cells for the Pay, 公社 and manual-entry readers: dates told apart by their number format (built-in and
// custom, 1900 and 1904 systems), formulas by their cached result, rich text, booleans and error cells, checked
// against what exceljs's own load makes of the same workbook (the readers used exceljs before); percentages and
// formulas saved without a result marked on their row.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openXlsxCells, type XlsxCell, type XlsxCellRow } from '../sources/xlsx/open-xlsx-cells.ts';
import { xlsxCellText } from '../sources/xlsx/xlsx-cell-text.ts';
import { cellText, openWorkbook } from './exceljs-oracle.ts';

async function workbookBytes(date1904: boolean): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const sheet = workbook.addWorksheet('記録');
  sheet.addRow(['相談日', '件数', '備考', '合計', '済', '誤り']);
  const rows: [Date, number, ExcelJS.CellValue, ExcelJS.CellValue, boolean, ExcelJS.CellValue][] = [
    [
      new Date(Date.UTC(2024, 3, 1)),
      3,
      { richText: [{ text: '商店' }, { text: '街', font: { bold: true } }] },
      { formula: 'B2*2', result: 6 },
      true,
      { error: '#DIV/0!' },
    ],
    [
      new Date(Date.UTC(2025, 2, 31, 10, 30)),
      1.5,
      '再来',
      { formula: 'A3', result: new Date(Date.UTC(2025, 2, 31)) },
      false,
      { formula: '1/0', result: { error: '#DIV/0!' } },
    ],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).numFmt = 'yyyy"年"m"月"d"日"'; // custom date format with quoted text
  sheet.getCell('B2').numFmt = '#,##0"件"'; // a number with quoted letters is not a date
  sheet.getCell('B3').numFmt = '0.0';
  sheet.getCell('D3').numFmt = 'mm-dd-yy'; // built-in format 14
  sheet.getCell('G5').value = 45383; // a bare serial in a General cell stays a number
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function readCells(bytes: Uint8Array): Promise<XlsxCellRow[]> {
  const workbook = await openXlsxCells(bytes);
  try {
    const rows: XlsxCellRow[] = [];
    for await (const row of workbook.rows('記録')) rows.push(row);
    return rows;
  } finally {
    workbook.close();
  }
}

/** What the readers used to take from an exceljs cell: the formula's result, rich text and errors as text. */
function fromExceljs(value: ExcelJS.CellValue): XlsxCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date) && 'result' in value) return fromExceljs(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && !(value instanceof Date)) return cellText(value);
  return value;
}

describe('openXlsxCells', () => {
  it.each([false, true])('gives dates, numbers, formula results, rich text, booleans and errors as exceljs does (date1904 %s)', async (date1904) => {
    const bytes = await workbookBytes(date1904);
    const rows = await readCells(bytes);
    const oracle = (await openWorkbook(bytes)).getWorksheet('記録')!;
    const expected: XlsxCellRow[] = [];
    oracle.eachRow((row, rowNumber) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(fromExceljs);
      expected.push({ rowNumber, cells: Array.from({ length: cells.length }, (_, i) => cells[i] ?? null) });
    });
    expect(rows).toEqual(expected);
    expect(rows[1]!.cells).toEqual([new Date(Date.UTC(2024, 3, 1)), 3, '商店街', 6, true, '#DIV/0!']);
    expect(rows[2]!.cells).toEqual([new Date(Date.UTC(2025, 2, 31, 10, 30)), 1.5, '再来', new Date(Date.UTC(2025, 2, 31)), false, '#DIV/0!']);
    expect(rows[3]).toEqual({ rowNumber: 5, cells: [null, null, null, null, null, null, 45383] });
    expect(rows[2]!.cells.map(xlsxCellText)).toEqual(['2025-03-31', '1.5', '再来', '2025-03-31', 'false', '#DIV/0!']);
  });

  it('says which numbers are shown as percentages and which formulas were saved without a result (empty cells otherwise)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('記録');
    sheet.addRow(['継続率', 0.767, 0.5, 12, { formula: 'B1*2' }, { formula: 'B1', result: 0.767 }]);
    sheet.getCell('B1').numFmt = '0.0%'; // custom
    sheet.getCell('C1').numFmt = '0%'; // built-in format 9
    sheet.getCell('D1').numFmt = '0"%台"'; // % inside quotes is text: not a percentage
    sheet.getCell('F1').numFmt = '[Red]0.00%';
    const [row] = await readCells(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(row).toEqual({ rowNumber: 1, cells: ['継続率', 0.767, 0.5, 12, null, 0.767], percentColumns: [1, 2, 5], formulaColumns: [4] });
  });

  it('lists worksheets in tab order and refuses a file that is not a workbook with a Japanese message', async () => {
    const workbook = await openXlsxCells(await workbookBytes(false));
    expect(workbook.worksheets).toEqual(['記録']);
    workbook.close();
    await expect(openXlsxCells(new TextEncoder().encode('相談日,件数\n'))).rejects.toMatchObject({ code: 'xlsx-not-a-workbook' });
  });
});
