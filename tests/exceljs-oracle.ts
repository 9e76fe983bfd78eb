// exceljs as the tests' independent reader of the workbooks the pipeline writes (committee report, manual-entry
// template); the pipeline itself reads every .xlsx with sources/xlsx/ and uses exceljs only to write.
import ExcelJS from 'exceljs';

/** A workbook read from bytes. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The text a user sees in a cell, whatever exceljs made of it (formula results, rich text, hyperlinks). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}
