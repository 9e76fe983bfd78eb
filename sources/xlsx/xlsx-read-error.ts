// A workbook the reader cannot read at all (not a zip, a legacy .xls, a missing part): the caller turns it into an issue.

export type XlsxReadErrorCode =
  | 'xlsx-file-not-found'
  | 'xlsx-legacy-or-encrypted'
  | 'xlsx-not-a-workbook'
  | 'xlsx-corrupt'
  | 'xlsx-sheet-not-found'
  | 'xlsx-not-a-worksheet'
  | 'xlsx-too-large';

/** Its message is Japanese and says what to do; `code` is stable English kebab-case for the issue. */
export class XlsxReadError extends Error {
  override name = 'XlsxReadError';
  constructor(
    readonly code: XlsxReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const RESAVE_HINT = 'Excelで開けるか確かめ、「Excel ブック (*.xlsx)」形式で保存し直してから置き直してください';

/** The file is damaged or is not an .xlsx workbook. */
export function corruptWorkbook(what: string, cause?: unknown): XlsxReadError {
  return new XlsxReadError('xlsx-corrupt', `Excelブックが壊れています（${what}）。${RESAVE_HINT}`, { cause });
}
