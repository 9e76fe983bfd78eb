// The text a user sees in a typed cell, for labels, messages and the raw value of an issue.
import type { XlsxCell } from './open-xlsx-cells.ts';

/** Strings as they are, numbers and booleans as JavaScript prints them, a date as yyyy-mm-dd, an empty cell as ''. */
export function xlsxCellText(value: XlsxCell | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : String(value);
}
