// How much an .xlsx may inflate to before it is refused: a decompression bomb or a giant cell is stopped
// while it inflates, in linear time and bounded memory, with a message that says what to do.
import { XlsxReadError } from './xlsx-read-error.ts';

export interface XlsxLimits {
  /** Largest inflated size of one part (a sheet, the shared strings), in bytes. */
  maxPartBytes: number;
  /** Largest row (or shared string) in characters of XML; a real row is a few KB. */
  maxRowChars: number;
  /** Largest inflated size of the whole workbook for readers that load it whole (exceljs: Pay, 公社, manual entry). */
  maxWorkbookBytes: number;
}

const MB = 1024 * 1024;

// The 100k × 150 survey wave's sheet is ~400 MB of XML; exceljs needs ~15× a workbook's XML in memory.
export const defaultXlsxLimits: XlsxLimits = { maxPartBytes: 2048 * MB, maxRowChars: 16 * MB, maxWorkbookBytes: 100 * MB };

export function megabytes(bytes: number): string {
  return bytes < MB ? `${bytes} バイト` : `${Math.round((bytes / MB) * 10) / 10} MB`;
}

/** A part inflates (or declares it inflates) past a limit, or past the size the zip records for it. */
export function tooLarge(what: string): XlsxReadError {
  return new XlsxReadError(
    'xlsx-too-large',
    `Excelブックを展開すると大きすぎるため読みません（${what}）。圧縮爆弾や壊れたファイルの可能性があります。元のファイルをExcelで開けるか確かめ、不要なシート・巨大なセルを除いて保存し直すか、上限を設定（contracts.yaml の limits）で見直してください`,
  );
}
