import { percentOf } from '../lib/decimal.ts';

/**
 * 指数 = value ÷ baseline × 100, half-up to 2 decimals, from the unrounded baseline
 * (seed 000: 黒字決算事業者の割合 prints 51 → 53.2, index 105.14, because the baseline was 50.6).
 * Lower-is-better measures keep the plain ratio (倒産 50 → 59 prints 118.00); direction is
 * carried separately. null when either input is missing or the baseline is 0.
 */
export function computeIndex(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null) return null;
  return percentOf(value, baseline, 2);
}
