// One opened .xlsx: its sheets, date system and shared strings, and the rows of any worksheet streamed from its part
// (the sheet XML is inflated by native zlib and scanned chunk by chunk, never held whole). Every xlsx reader goes
// through here: readXlsxRows for one sheet (the survey), readXlsxCells for typed cells (Pay, 公社, manual entry).
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { openXlsxZip, type XlsxSource, type XlsxZip } from './open-xlsx-zip.ts';
import { pickSheet } from './pick-sheet.ts';
import { readMergedRanges, type XlsxRange } from './read-merged-ranges.ts';
import { readStyleKinds } from './read-style-kinds.ts';
import { readSharedStringsInto } from './read-shared-strings.ts';
import { resolveWorkbook, type XlsxSheetPart } from './resolve-workbook.ts';
import { SharedStringTable, type SharedStrings } from './shared-string-table.ts';
import { SheetRowScanner } from './sheet-row-scanner.ts';
import { corruptWorkbook, XlsxReadError } from './xlsx-read-error.ts';
import { defaultXlsxLimits, megabytes, tooLarge, type XlsxLimits } from './xlsx-limits.ts';
import type { XlsxRow } from './xlsx-row.ts';

export interface XlsxWorkbookOptions {
  /** Size limits (decompression bombs, giant cells); default defaultXlsxLimits. */
  limits?: XlsxLimits;
  /**
   * For readers that keep a whole workbook's cells (Pay's grid): the parts together may not inflate past
   * limits.maxWorkbookBytes, checked on the sizes the zip records before anything is inflated.
   */
  wholeWorkbook?: boolean;
  /**
   * Cells typed as a form reader needs them, from the styles part: date- and percent-formatted numbers told apart
   * (XlsxRow.dateColumns, percentColumns), and formulas saved without their result (XlsxRow.formulaColumns).
   */
  typedCells?: boolean;
}

export interface XlsxSheetRowsOptions {
  /** Compressed bytes of the sheet part consumed so far, of its compressed size; at most ~20 calls a second, and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Bytes of the sheet part inflated so far, of its inflated size as the zip records it; after each inflated chunk. */
  onInflated?: (done: number, total: number) => void;
}

export interface XlsxWorkbook {
  /** Every sheet in workbook (tab) order, chart sheets and hidden ones included. */
  sheets: readonly XlsxSheetPart[];
  /** True when date serials count from 1904-01-01 (old Mac workbooks). */
  date1904: boolean;
  /**
   * Rows of one worksheet (name, 0-based index, or the first) in file order; rows without any value are skipped.
   * Damage found mid-sheet (a size or CRC-32 mismatch is only known at the end) rejects after rows were yielded.
   */
  rows(sheet?: string | number, options?: XlsxSheetRowsOptions): AsyncGenerator<XlsxRow>;
  /** The merged cell ranges of one worksheet (a second pass over its part: for small form-like sheets). */
  mergedRanges(sheet?: string | number): Promise<XlsxRange[]>;
  close(): void;
}

const PROGRESS_INTERVAL_MS = 50;
// Damaged deflate data can inflate without a zlib error into plausible XML; the zip's CRC-32 catches it (zlib.crc32: Node ≥ 20.15).
const CAN_CHECK_CRC = typeof zlib.crc32 === 'function';

/** Rejects with an XlsxReadError (Japanese message, stable code) when the file is not a readable workbook. */
export async function openXlsxWorkbook(source: XlsxSource, options: XlsxWorkbookOptions = {}): Promise<XlsxWorkbook> {
  const limits = options.limits ?? defaultXlsxLimits;
  const zip = await openXlsxZip(source, options.wholeWorkbook ? { ...limits, maxPartBytes: Math.min(limits.maxPartBytes, limits.maxWorkbookBytes) } : limits);
  try {
    if (options.wholeWorkbook) {
      const declared = zip.entries().reduce((sum, e) => sum + e.uncompressedSize, 0);
      if (declared > limits.maxWorkbookBytes) throw tooLarge(`展開後 ${megabytes(declared)}、上限は ${megabytes(limits.maxWorkbookBytes)}`);
    }
    const parts = await resolveWorkbook(zip);
    const stylesEntry = options.typedCells && parts.stylesPath !== undefined ? zip.entry(parts.stylesPath) : undefined;
    const styleKinds = stylesEntry ? readStyleKinds(await zip.readText(stylesEntry)) : options.typedCells ? new Uint8Array(0) : undefined;
    let sharedStrings: Promise<SharedStrings> | undefined;
    const shared = () => (sharedStrings ??= readAllSharedStrings(zip, parts.sharedStringsPath));
    return {
      sheets: parts.sheets,
      date1904: parts.date1904,
      rows: (sheet, rowOptions = {}) => sheetRows(zip, pickSheet(parts.sheets, sheet), shared, parts.date1904, styleKinds, rowOptions),
      mergedRanges: (sheet) => sheetMergedRanges(zip, pickSheet(parts.sheets, sheet)),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function readAllSharedStrings(zip: XlsxZip, path: string | undefined): Promise<SharedStrings> {
  const entry = path === undefined ? undefined : zip.entry(path);
  if (!entry) return [];
  try {
    return (await readSharedStringsInto(await zip.openInflated(entry), zip.limits.maxRowChars, new SharedStringTable())).seal();
  } catch (cause) {
    throw cause instanceof XlsxReadError ? cause : corruptWorkbook('共有文字列（xl/sharedStrings.xml）を展開できません', cause);
  }
}

async function sheetMergedRanges(zip: XlsxZip, sheet: XlsxSheetPart & { path: string }): Promise<XlsxRange[]> {
  const entry = zip.entry(sheet.path);
  if (!entry) throw corruptWorkbook(`シート「${sheet.name}」の部品 ${sheet.path} がありません`);
  const stream = await zip.openInflated(entry);
  try {
    return await readMergedRanges(stream);
  } catch (cause) {
    throw cause instanceof XlsxReadError ? cause : corruptWorkbook(`シート「${sheet.name}」のデータを展開できません`, cause);
  } finally {
    stream.destroy();
  }
}

async function* sheetRows(
  zip: XlsxZip,
  sheet: XlsxSheetPart & { path: string },
  sharedStrings: () => Promise<SharedStrings>,
  date1904: boolean,
  styleKinds: Uint8Array | undefined,
  { onProgress, onInflated }: XlsxSheetRowsOptions,
): AsyncGenerator<XlsxRow> {
  const entry = zip.entry(sheet.path);
  if (!entry) throw corruptWorkbook(`シート「${sheet.name}」の部品 ${sheet.path} がありません`);
  const strings = await sharedStrings();
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

  const scanner = new SheetRowScanner(strings, date1904, zip.limits.maxRowChars, styleKinds);
  const decoder = new StringDecoder('utf8');
  const rows: XlsxRow[] = [];
  let inflated = 0;
  let crc = 0;
  try {
    for await (const chunk of stream) {
      inflated += (chunk as Buffer).length;
      onInflated?.(inflated, entry.uncompressedSize);
      if (CAN_CHECK_CRC) crc = zlib.crc32(chunk as Buffer, crc);
      scanner.push(decoder.write(chunk as Buffer), rows);
      for (const row of rows) yield row;
      rows.length = 0;
    }
  } catch (cause) {
    throw cause instanceof XlsxReadError ? cause : corruptWorkbook(`シート「${sheet.name}」のデータを展開できません`, cause);
  } finally {
    // A caller that stops early (it found what it wanted) must not leave the inflate pipeline running.
    stream.destroy();
  }
  scanner.push(decoder.end(), rows);
  for (const row of rows) yield row;
  scanner.end();
  if (inflated !== entry.uncompressedSize || (CAN_CHECK_CRC && crc >>> 0 !== entry.crc32 >>> 0)) {
    throw corruptWorkbook(`シート「${sheet.name}」のデータが記録された大きさ・検査値と合いません`);
  }
  onProgress?.(total, total);
}
