// One row of a worksheet as the reader yields it.

/** Strings (shared, inline, formula results, error texts such as #DIV/0!), numbers (dates stay Excel serials), booleans. */
export type XlsxCellValue = string | number | boolean | null;

export interface XlsxRow {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  /** Index 0 = column A; missing cells are null; the array ends at the last non-empty cell. */
  cells: XlsxCellValue[];
  /** Columns whose cell has a date number format (styles.xml; its value is a number when it has one); only when asked. */
  dateColumns?: number[];
  /** Columns whose number cell has a percent format (shown ×100: 0.356 as 35.6%); only when asked. */
  percentColumns?: number[];
  /** Columns holding a formula saved without its result (no cached value: the cell reads as empty); only when asked. */
  formulaColumns?: number[];
}
