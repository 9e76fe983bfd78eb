// Figures as the dashboard prints them: the dataset's value at the measure's decimals (half-up, lib/decimal.ts)
// with thousands separators, or — when there is none (never 0, never blank).
import { roundHalfUp } from '../../lib/decimal.ts';
import { numberFormat } from '../number-format.ts';

export const NO_VALUE = '—';

export function formatFigure(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return numberFormat(decimals, decimals).format(roundHalfUp(value, decimals));
}

/** Decimals a value is stored with (a baseline keeps its unrounded digits: 50.6, not 51). */
export function decimalsOf(value: number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return (String(value).split('.')[1] ?? '').length;
}
