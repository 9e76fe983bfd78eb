import { Decimal } from 'decimal.js';
import { percentOf } from '../lib/decimal.ts';

/**
 * How 合計(R6-R9) is formed (seed 001 notes (a)): flows sum the yearly targets, stock levels
 * take the end year's level, rate-type targets are the same every year.
 */
export type TotalKind = 'sum' | 'endLevel' | 'constant';

// Precision far above any sum of doubles' shortest strings, so sums are exact.
const Exact = Decimal.clone({ precision: 1000 });

/**
 * The plan-period total from the period's yearly targets in order (R6..R9; R13 is never in it).
 * sum: nulls (printed ー) count as 0, null if all are null; endLevel: the last year's target;
 * constant: the first non-null target (the caller checks that they agree).
 */
export function periodTotal(targets: readonly (number | null)[], kind: TotalKind): number | null {
  switch (kind) {
    case 'sum': {
      const present = targets.filter((target): target is number => target !== null);
      if (present.length === 0) return null;
      const total = present.reduce((sum, target) => sum.plus(String(target)), new Exact(0));
      return total.toNumber();
    }
    case 'endLevel':
      return targets.length === 0 ? null : (targets[targets.length - 1] ?? null);
    case 'constant':
      return targets.find((target) => target !== null) ?? null;
  }
}

/**
 * 達成率 = actual ÷ period total × 100, half-up to 1 decimal
 * (融資あっせん 1,952 / 7,150 = 27.3; せたがやPay 継続利用率 77 / 75 = 102.7).
 * null when either is missing or the total is 0.
 */
export function achievementRate(actual: number | null, total: number | null): number | null {
  if (actual === null || total === null) return null;
  return percentOf(actual, total, 1);
}
