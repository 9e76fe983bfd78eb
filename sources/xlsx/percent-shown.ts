// What Excel shows for a number in a percent format: the cell keeps the fraction (0.356) and shows it ×100 (35.6%).
// Readers that take a cell as the person typing it saw it (manual entry, Pay reports) read the shown figure.
import { Decimal } from 'decimal.js';

/** 0.356 → 35.6: ×100 in decimal, to Excel's 15 significant digits (no binary noise such as 35.599999999999994). */
export function percentShown(stored: number): number {
  return new Decimal(String(stored)).times(100).toSignificantDigits(15).toNumber();
}
