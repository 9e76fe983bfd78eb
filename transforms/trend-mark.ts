export type TrendMark = '↑' | '→' | '↓';

/** ↑ above 100, → at exactly 100, ↓ below; no index (or a non-finite one) gives no mark. */
export function trendMark(index: number | null): TrendMark | null {
  if (index === null || !Number.isFinite(index)) return null;
  if (index > 100) return '↑';
  if (index < 100) return '↓';
  return '→';
}
