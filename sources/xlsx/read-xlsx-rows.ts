// Streams the rows of one worksheet of an .xlsx: the sheet part is inflated by native zlib and scanned chunk by
// chunk, so a 100k×150 survey wave never sits in memory as XML or as a workbook model (exceljs readFile needs 5.5 GB).
// Why not exceljs streaming: it corrupts Japanese split across chunks (exceljs#2063, #2316) and returns furigana
// (<rPh>) instead of the cell text; see docs/xlsx-reader.md.
import { openXlsxWorkbook } from './open-xlsx-workbook.ts';
import type { XlsxSource } from './open-xlsx-zip.ts';
import type { XlsxRow } from './xlsx-row.ts';
import type { XlsxLimits } from './xlsx-limits.ts';

export type { XlsxCellValue, XlsxRow } from './xlsx-row.ts';
export { XlsxReadError } from './xlsx-read-error.ts';
export { listXlsxSheets } from './list-xlsx-sheets.ts';
export { readXlsxWorkbookInfo, type XlsxWorkbookInfo } from './read-xlsx-workbook-info.ts';
export { excelSerialToDate, type ExcelDateParts } from './excel-serial-to-date.ts';

export interface XlsxReadOptions {
  /** Sheet name or 0-based index; default the first sheet in workbook order. */
  sheet?: string | number;
  /** Compressed bytes of the sheet part consumed so far, of its compressed size; at most ~20 calls a second, and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Size limits (decompression bombs, giant cells); default defaultXlsxLimits. */
  limits?: XlsxLimits;
}

/**
 * Rows of one worksheet in file order. Rows without any value are skipped (rowNumber says where each row is);
 * a cell's value is a string, number (dates stay Excel serials), boolean, or null. Rejects with an XlsxReadError
 * (Japanese message, stable code) when the file is not a readable workbook; damage found mid-sheet (a size or
 * CRC-32 mismatch is only known at the end) rejects after rows were yielded, so discard what was read.
 */
export async function* readXlsxRows(source: XlsxSource, options: XlsxReadOptions = {}): AsyncGenerator<XlsxRow> {
  const workbook = await openXlsxWorkbook(source, options.limits ? { limits: options.limits } : {});
  try {
    yield* workbook.rows(options.sheet, options.onProgress ? { onProgress: options.onProgress } : {});
  } finally {
    workbook.close();
  }
}
