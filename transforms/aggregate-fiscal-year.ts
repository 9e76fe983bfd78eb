import { Decimal } from 'decimal.js';
import { fiscalYearOf } from '../lib/fiscal-year.ts';

/**
 * flow: sum of April–March (決済回数); stock: level at the end of March (加盟店舗数, 累計支払経験者数);
 * rate: the operator's March figure (継続率).
 */
export type MonthlyAggregation = 'flow' | 'stock' | 'rate';

export interface MonthlyPoint {
  year: number;
  month: number;
  value: number | null;
}

export interface FiscalYearAggregate {
  fiscalYear: number;
  value: number | null;
  complete: boolean;
  /** Months of the fiscal year with a value (a null or non-finite value counts as missing). */
  monthsPresent: number;
  /** 'YYYY-MM', April first. */
  missingMonths: string[];
  /** 'YYYY-MM', April first: months given more than once, whatever their values. */
  duplicateMonths: string[];
}

// Precision far above any sum of doubles' shortest strings, so sums are exact.
const Exact = Decimal.clone({ precision: 1000 });

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The 12 months of a fiscal year, April to March. */
function fiscalMonths(fiscalYear: number): Array<{ year: number; month: number }> {
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    return { year: month >= 4 ? fiscalYear : fiscalYear + 1, month };
  });
}

/**
 * Aggregates one fiscal year of monthly figures. A flow is summed only when all 12 months are
 * present exactly once, never over a gap. Stock and rate take March; they are complete when March
 * has exactly one value, and duplicates in other months are listed without voiding the March value.
 * Throws RangeError on a point whose month is not 1–12.
 */
export function aggregateMonthly(points: readonly MonthlyPoint[], aggregation: MonthlyAggregation, fiscalYear: number): FiscalYearAggregate {
  const byMonth = new Map<string, MonthlyPoint[]>();
  for (const point of points) {
    if (fiscalYearOf(point.year, point.month) !== fiscalYear) continue;
    const key = monthKey(point.year, point.month);
    byMonth.set(key, [...(byMonth.get(key) ?? []), point]);
  }

  const missingMonths: string[] = [];
  const duplicateMonths: string[] = [];
  const singleValues = new Map<string, number>();
  for (const { year, month } of fiscalMonths(fiscalYear)) {
    const key = monthKey(year, month);
    const monthPoints = byMonth.get(key) ?? [];
    const values = monthPoints.map((point) => point.value).filter((value): value is number => value !== null && Number.isFinite(value));
    if (monthPoints.length > 1) duplicateMonths.push(key);
    if (values.length === 0) missingMonths.push(key);
    if (monthPoints.length === 1 && values.length === 1) singleValues.set(key, values[0]!);
  }
  const monthsPresent = 12 - missingMonths.length;

  let value: number | null = null;
  let complete: boolean;
  if (aggregation === 'flow') {
    complete = singleValues.size === 12;
    if (complete) value = [...singleValues.values()].reduce((sum, month) => sum.plus(String(month)), new Exact(0)).toNumber();
  } else {
    value = singleValues.get(monthKey(fiscalYear + 1, 3)) ?? null;
    complete = value !== null;
  }
  return { fiscalYear, value, complete, monthsPresent, missingMonths, duplicateMonths };
}

/**
 * Number of dated records per fiscal year, or the sum of their weights (e.g. attendees per
 * seminar) when `weights` is given, one per record. Keys are in ascending fiscal-year order.
 * Throws RangeError when `weights` does not have one entry per record.
 */
export function countByFiscalYear(dates: ReadonlyArray<{ year: number; month: number }>, weights?: readonly number[]): Map<number, number> {
  if (weights !== undefined && weights.length !== dates.length) {
    throw new RangeError(`weights has ${weights.length} entries for ${dates.length} records`);
  }
  const totals = new Map<number, Decimal>();
  dates.forEach((date, index) => {
    const fiscalYear = fiscalYearOf(date.year, date.month);
    const weight = weights === undefined ? 1 : weights[index]!;
    totals.set(fiscalYear, (totals.get(fiscalYear) ?? new Exact(0)).plus(String(weight)));
  });
  const sortedYears = [...totals.keys()].sort((a, b) => a - b);
  return new Map(sortedYears.map((year) => [year, totals.get(year)!.toNumber()]));
}
