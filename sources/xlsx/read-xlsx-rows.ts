// Streams the rows of one worksheet of an .xlsx: the sheet part is inflated by native zlib and scanned chunk by
// chunk, so a 100k×150 survey wave never sits in memory as XML or as a workbook model (exceljs readFile needs 5.5 GB).
// Why not exceljs streaming: it corrupts Japanese split across chunks (exceljs#2063, #2316) and returns furigana
// (<rPh>) instead of the cell text; see docs/xlsx-reader.md.
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { openXlsxZip } from './open-xlsx-zip.ts';
import { pickSheet } from './pick-sheet.ts';
import { readSharedStrings } from './read-shared-strings.ts';
import { resolveWorkbook } from './resolve-workbook.ts';
import { SheetRowScanner } from './sheet-row-scanner.ts';
import { corruptWorkbook, XlsxReadError } from './xlsx-read-error.ts';
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

const PROGRESS_INTERVAL_MS = 50;
// Damaged deflate data can inflate without a zlib error into plausible XML; the zip's CRC-32 catches it (zlib.crc32: Node ≥ 20.15).
const CAN_CHECK_CRC = typeof zlib.crc32 === 'function';

/**
 * Rows of one worksheet in file order. Rows without any value are skipped (rowNumber says where each row is);
 * a cell's value is a string, number (dates stay Excel serials), boolean, or null. Rejects with an XlsxReadError
 * (Japanese message, stable code) when the file is not a readable workbook; damage found mid-sheet (a size or
 * CRC-32 mismatch is only known at the end) rejects after rows were yielded, so discard what was read.
 */
export async function* readXlsxRows(source: string | Uint8Array, options: XlsxReadOptions = {}): AsyncGenerator<XlsxRow> {
  const zip = await openXlsxZip(source, options.limits);
  try {
    const parts = await resolveWorkbook(zip);
    const sheet = pickSheet(parts.sheets, options.sheet);
    const entry = zip.entry(sheet.path);
    if (!entry) throw corruptWorkbook(`シート「${sheet.name}」の部品 ${sheet.path} がありません`);
    const sharedEntry = parts.sharedStringsPath === undefined ? undefined : zip.entry(parts.sharedStringsPath);
    let sharedStrings: string[] = [];
    try {
      if (sharedEntry) sharedStrings = await readSharedStrings(await zip.openInflated(sharedEntry), zip.limits.maxRowChars);
    } catch (cause) {
      throw cause instanceof XlsxReadError ? cause : corruptWorkbook('共有文字列（xl/sharedStrings.xml）を展開できません', cause);
    }

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

    const scanner = new SheetRowScanner(sharedStrings, parts.date1904, zip.limits.maxRowChars);
    const decoder = new StringDecoder('utf8');
    const rows: XlsxRow[] = [];
    let inflated = 0;
    let crc = 0;
    try {
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length;
        if (CAN_CHECK_CRC) crc = zlib.crc32(chunk as Buffer, crc);
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
    if (inflated !== entry.uncompressedSize || (CAN_CHECK_CRC && crc >>> 0 !== entry.crc32 >>> 0)) {
      throw corruptWorkbook(`シート「${sheet.name}」のデータが記録された大きさ・検査値と合いません`);
    }
    onProgress?.(total, total);
  } finally {
    zip.close();
  }
}
