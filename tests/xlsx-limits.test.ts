// Decompression bombs, giant cells and oversized sheets are refused on every xlsx reader path, while they inflate,
// with the code xlsx-too-large and a Japanese message; a long but allowed cell still reads whole.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openXlsxCells, type XlsxCellRow } from '../sources/xlsx/open-xlsx-cells.ts';
import { readXlsxRows, XlsxReadError, type XlsxRow } from '../sources/xlsx/read-xlsx-rows.ts';
import { defaultXlsxLimits } from '../sources/xlsx/xlsx-limits.ts';
import { makeHostileXlsx } from './fixtures/make-hostile-xlsx.ts';

const MB = 1024 * 1024;

async function rowsOf(bytes: Uint8Array, limits = defaultXlsxLimits): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readXlsxRows(bytes, { limits })) rows.push(row);
  return rows;
}

async function refusal(promise: Promise<unknown>): Promise<XlsxReadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(XlsxReadError);
  return error as XlsxReadError;
}

describe('the streaming reader', () => {
  it('reads a 5 MB cell whole, across many inflated chunks', async () => {
    const rows = await rowsOf(makeHostileXlsx({ sheet: 'S', cellChars: 5 * MB }));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells[0]).toBe('A'.repeat(5 * MB));
  });

  it('refuses a cell past the row limit, a part past the part limit, and a part that inflates past its recorded size', async () => {
    const giant = await refusal(rowsOf(makeHostileXlsx({ sheet: 'S', cellChars: 40 * MB })));
    expect([giant.code, giant.message]).toEqual(['xlsx-too-large', expect.stringContaining('1行が 16 MB を超えています')]);
    const configured = await refusal(rowsOf(makeHostileXlsx({ sheet: 'S', cellChars: 3 * MB }), { ...defaultXlsxLimits, maxRowChars: MB }));
    expect(configured.message).toContain('1行が 1 MB を超えています');
    const part = await refusal(rowsOf(makeHostileXlsx({ sheet: 'S', cellChars: 3 * MB }), { ...defaultXlsxLimits, maxPartBytes: 2 * MB }));
    expect(part.message).toContain('xl/worksheets/sheet1.xml は展開後 3 MB、上限は 2 MB');
    const bomb = await refusal(rowsOf(makeHostileXlsx({ sheet: 'S', cellChars: 64 * MB, declaredSize: 'small' })));
    expect(bomb.message).toContain('記録された大きさ 4096 バイト を超えて展開されます');
  });
});

describe('the whole-workbook readers (Pay, 公社, manual entry)', () => {
  /** Every row of sheet 入力, as those readers read it. */
  async function cellsOf(bytes: Uint8Array, limits = defaultXlsxLimits): Promise<XlsxCellRow[]> {
    const workbook = await openXlsxCells(bytes, limits);
    try {
      const rows: XlsxCellRow[] = [];
      for await (const row of workbook.rows('入力')) rows.push(row);
      return rows;
    } finally {
      workbook.close();
    }
  }

  it('read a normal workbook, and refuse one past the workbook budget (before inflating) or a bomb (while inflating)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('入力').addRow(['指標ID', '値']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await cellsOf(bytes)).toEqual([{ rowNumber: 1, cells: ['指標ID', '値'] }]);
    const budget = await refusal(cellsOf(bytes, { ...defaultXlsxLimits, maxWorkbookBytes: 1000 }));
    expect(budget.code).toBe('xlsx-too-large');
    const bomb = await refusal(cellsOf(makeHostileXlsx({ sheet: '入力', cellChars: 64 * MB, declaredSize: 'small' })));
    expect(bomb.message).toContain('を超えて展開されます');
    const lying = await refusal(cellsOf(makeHostileXlsx({ sheet: '入力', cellChars: 2300 * MB })));
    expect(lying.message).toContain('展開後 2300 MB、上限は 100 MB');
  });
});
