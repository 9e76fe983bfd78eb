// Typed cells for the readers that look at a workbook as a form (Pay reports, 公社 .xlsx exports, the manual-entry
// workbook): the streaming rows, with numbers shown in a date format turned into dates. Formulas give their cached
// result, rich text its plain text, an error cell its text (#DIV/0!), a boolean true/false. Where the value is not
// what the cell shows, the row says so: a number shown as a percentage (0.356 as 35.6%), a formula saved without its
// result (empty here, though Excel would calculate it).
import { openXlsxWorkbook } from './open-xlsx-workbook.ts';
import type { XlsxSource } from './open-xlsx-zip.ts';
import type { XlsxRange } from './read-merged-ranges.ts';
import type { XlsxLimits } from './xlsx-limits.ts';
import type { XlsxCellValue } from './xlsx-row.ts';

/**
 * A date is a Date whose UTC fields are the wall-clock time typed in Excel (whatever the machine's zone), made from
 * the serial in the workbook's 1900 or 1904 system exactly as exceljs made it, so the moved readers see the same values.
 */
export type XlsxCell = XlsxCellValue | Date;

export interface XlsxCellRow {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  /** Index 0 = column A; missing cells are null; the array ends at the last non-empty cell. */
  cells: XlsxCell[];
  /** Columns whose number is shown as a percentage: the cell holds 0.356 where Excel shows 35.6%. */
  percentColumns?: number[];
  /** Columns holding a formula saved without its result: the cell is null here, whatever Excel would show. */
  formulaColumns?: number[];
}

export interface XlsxCellWorkbook {
  /** Names of the worksheets (not chart sheets) in tab order. */
  worksheets: string[];
  /** Rows of a worksheet in file order; rows without any value are skipped. */
  rows(sheet: string): AsyncGenerator<XlsxCellRow>;
  /** The worksheet's merged cell ranges: a merge keeps only its top-left cell's value. */
  mergedRanges(sheet: string): Promise<XlsxRange[]>;
  close(): void;
}

const MS_PER_DAY = 86_400_000;
// Serial 25569 is 1970-01-01 in the 1900 system; the 1904 system counts 1462 days fewer.
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1904 = 1462;

/**
 * Opens the workbook within the whole-workbook budget (limits.maxWorkbookBytes); rejects with an XlsxReadError
 * (xlsx-too-large, xlsx-not-a-workbook, xlsx-corrupt …) saying what to do.
 */
export async function openXlsxCells(source: XlsxSource, limits?: XlsxLimits): Promise<XlsxCellWorkbook> {
  const workbook = await openXlsxWorkbook(source, { ...(limits ? { limits } : {}), wholeWorkbook: true, typedCells: true });
  const offset = workbook.date1904 ? DAYS_1904 : 0;
  return {
    worksheets: workbook.sheets.filter((s) => s.kind === 'worksheet' && s.path !== undefined).map((s) => s.name),
    async *rows(sheet) {
      for await (const row of workbook.rows(sheet)) {
        const cells: XlsxCell[] = row.cells;
        for (const c of row.dateColumns ?? []) {
          const serial = row.cells[c];
          // A date-formatted cell without a number (a formula with no cached result) stays as it is.
          if (typeof serial === 'number') cells[c] = new Date(Math.round((serial - UNIX_EPOCH_SERIAL + offset) * MS_PER_DAY));
        }
        const typed: XlsxCellRow = { rowNumber: row.rowNumber, cells };
        if (row.percentColumns) typed.percentColumns = row.percentColumns;
        if (row.formulaColumns) typed.formulaColumns = row.formulaColumns;
        yield typed;
      }
    },
    mergedRanges: (sheet) => workbook.mergedRanges(sheet),
    close: () => workbook.close(),
  };
}
