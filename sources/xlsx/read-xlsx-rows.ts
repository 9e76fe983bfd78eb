// Streams the rows of one worksheet of an .xlsx: the sheet part is inflated by native zlib and scanned chunk by
// chunk, so a 100k×150 survey wave never sits in memory as XML or as a workbook model (exceljs readFile needs 5.5 GB).
// Why not exceljs streaming: it corrupts Japanese split across chunks (exceljs#2063, #2316) and returns furigana
// (<rPh>) instead of the cell text; see docs/xlsx-reader.md.
import { StringDecoder } from 'node:string_decoder';
import { openXlsxZip } from './open-xlsx-zip.ts';
import { parseSharedStrings } from './parse-shared-strings.ts';
import { pickSheet } from './pick-sheet.ts';
import { resolveWorkbook } from './resolve-workbook.ts';
import { SheetRowScanner } from './sheet-row-scanner.ts';
import { corruptWorkbook, XlsxReadError } from './xlsx-read-error.ts';
import type { XlsxRow } from './xlsx-row.ts';

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
}

const PROGRESS_INTERVAL_MS = 50;

/**
 * Rows of one worksheet in file order. Rows without any value are skipped (rowNumber says where each row is);
 * a cell's value is a string, number (dates stay Excel serials), boolean, or null. Rejects with an XlsxReadError
 * (Japanese message, stable code) when the file is not a readable workbook.
 */
export async function* readXlsxRows(source: string | Uint8Array, options: XlsxReadOptions = {}): AsyncGenerator<XlsxRow> {
  const zip = await openXlsxZip(source);
  try {
    const parts = await resolveWorkbook(zip);
    const sheet = pickSheet(parts.sheets, options.sheet);
    const entry = zip.entry(sheet.path);
    if (!entry) throw corruptWorkbook(`シート「${sheet.name}」の部品 ${sheet.path} がありません`);
    const sharedEntry = parts.sharedStringsPath === undefined ? undefined : zip.entry(parts.sharedStringsPath);
    const sharedStrings = sharedEntry ? parseSharedStrings(await zip.readText(sharedEntry)) : [];

    const { onProgress } = options;
    const total = entry.compressedSize;
    let consumed = 0;
    let reported = 0;
    const stream = await zip.openInflated(entry, (bytes) => {
      consumed += bytes;
      if (!onProgress) return;
      const now = performance.now();
      if (now - reported >= PROGRESS_INTERVAL_MS) {
        reported = now;
        onProgress(consumed, total);
      }
    });

    const scanner = new SheetRowScanner(sharedStrings, parts.date1904);
    const decoder = new StringDecoder('utf8');
    const rows: XlsxRow[] = [];
    let inflated = 0;
    try {
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length;
        scanner.push(decoder.write(chunk as Buffer), rows);
        for (const row of rows) yield row;
        rows.length = 0;
      }
    } catch (cause) {
      throw cause instanceof XlsxReadError ? cause : corruptWorkbook(`シート「${sheet.name}」のデータを展開できません`, cause);
    }
    scanner.push(decoder.end(), rows);
    for (const row of rows) yield row;
    scanner.end();
    if (entry.uncompressedSize !== 0xffffffff && inflated !== entry.uncompressedSize) {
      throw corruptWorkbook(`シート「${sheet.name}」のデータの大きさが目録と合いません`);
    }
    onProgress?.(total, total);
  } finally {
    zip.close();
  }
}
