import { describe, it, expect } from 'vitest';
import { aggregateMonthly, countByFiscalYear, type MonthlyPoint } from '../transforms/aggregate-fiscal-year.ts';

/** One point per month from April of `fiscalYear`, values in order April..March. */
function fiscalYearPoints(fiscalYear: number, values: ReadonlyArray<number | null>): MonthlyPoint[] {
  return values.map((value, index) => {
    const month = ((index + 3) % 12) + 1;
    return { year: month >= 4 ? fiscalYear : fiscalYear + 1, month, value };
  });
}

// せたがやPay-like monthly figures for FY2024 (illustrative): payments in the month, member stores.
const payments = [410, 395, 402, 430, 388, 399, 421, 445, 512, 380, 371, 468];
const stores = [6100, 6120, 6150, 6180, 6200, 6210, 6230, 6260, 6300, 6310, 6320, 6350];

describe('aggregateMonthly: flow (決済回数)', () => {
  it('sums April–March of the fiscal year only', () => {
    const points = [
      { year: 2024, month: 3, value: 9999 }, // FY2023
      ...fiscalYearPoints(2024, payments),
      { year: 2025, month: 4, value: 9999 }, // FY2025
    ];
    expect(aggregateMonthly(points, 'flow', 2024)).toEqual({
      fiscalYear: 2024,
      value: 5021,
      complete: true,
      monthsPresent: 12,
      missingMonths: [],
      duplicateMonths: [],
    });
  });

  it('refuses to sum over a missing month', () => {
    const points = fiscalYearPoints(2024, payments).filter((point) => !(point.year === 2025 && point.month === 1));
    expect(aggregateMonthly(points, 'flow', 2024)).toEqual({
      fiscalYear: 2024,
      value: null,
      complete: false,
      monthsPresent: 11,
      missingMonths: ['2025-01'],
      duplicateMonths: [],
    });
  });

  it('treats a month reported as null as missing', () => {
    const values: Array<number | null> = [...payments];
    values[0] = null;
    const result = aggregateMonthly(fiscalYearPoints(2024, values), 'flow', 2024);
    expect(result).toMatchObject({ value: null, complete: false, monthsPresent: 11, missingMonths: ['2024-04'] });
  });

  it('lists every missing month in fiscal order', () => {
    const points = [
      { year: 2025, month: 3, value: 1 },
      { year: 2024, month: 4, value: 1 },
    ];
    expect(aggregateMonthly(points, 'flow', 2024).missingMonths).toEqual([
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });

  it('refuses to sum when a month is reported twice, even with the same value', () => {
    const points = [...fiscalYearPoints(2024, payments), { year: 2024, month: 9, value: 399 }];
    expect(aggregateMonthly(points, 'flow', 2024)).toEqual({
      fiscalYear: 2024,
      value: null,
      complete: false,
      monthsPresent: 12,
      missingMonths: [],
      duplicateMonths: ['2024-09'],
    });
  });

  it('sums decimal amounts exactly', () => {
    const amounts = Array.from({ length: 12 }, () => 0.1);
    expect(aggregateMonthly(fiscalYearPoints(2024, amounts), 'flow', 2024).value).toBe(1.2);
  });

  it('has nothing to say about a fiscal year with no data', () => {
    const result = aggregateMonthly(fiscalYearPoints(2023, payments), 'flow', 2024);
    expect(result).toMatchObject({ value: null, complete: false, monthsPresent: 0 });
    expect(result.missingMonths).toHaveLength(12);
  });
});

describe('aggregateMonthly: stock (加盟店舗数) and rate (継続率)', () => {
  it('takes the March level as the fiscal-year value', () => {
    expect(aggregateMonthly(fiscalYearPoints(2024, stores), 'stock', 2024)).toEqual({
      fiscalYear: 2024,
      value: 6350,
      complete: true,
      monthsPresent: 12,
      missingMonths: [],
      duplicateMonths: [],
    });
  });

  it('is complete with March alone, and lists the other months as missing', () => {
    const result = aggregateMonthly([{ year: 2025, month: 3, value: 6350 }], 'stock', 2024);
    expect(result).toMatchObject({ value: 6350, complete: true, monthsPresent: 1 });
    expect(result.missingMonths).toHaveLength(11);
  });

  it('has no value when March is missing, rather than falling back to February', () => {
    const points = fiscalYearPoints(2024, stores).filter((point) => point.month !== 3);
    expect(aggregateMonthly(points, 'stock', 2024)).toMatchObject({
      value: null,
      complete: false,
      monthsPresent: 11,
      missingMonths: ['2025-03'],
    });
  });

  it('has no value when March is reported twice', () => {
    const points = [...fiscalYearPoints(2024, stores), { year: 2025, month: 3, value: 6400 }];
    expect(aggregateMonthly(points, 'stock', 2024)).toMatchObject({
      value: null,
      complete: false,
      duplicateMonths: ['2025-03'],
    });
  });

  it('lists a duplicate in another month but keeps the March value', () => {
    const points = [...fiscalYearPoints(2024, stores), { year: 2024, month: 10, value: 6215 }];
    expect(aggregateMonthly(points, 'stock', 2024)).toMatchObject({
      value: 6350,
      complete: true,
      duplicateMonths: ['2024-10'],
    });
  });

  it('takes the operator’s March rate for a rate', () => {
    const rates = [79.1, 78.4, 78, 77.9, 77.2, 77.5, 77.8, 78.1, 78.3, 76.9, 76.5, 77];
    expect(aggregateMonthly(fiscalYearPoints(2024, rates), 'rate', 2024)).toMatchObject({
      value: 77,
      complete: true,
    });
  });

  it('rejects a point whose month is not a calendar month', () => {
    expect(() => aggregateMonthly([{ year: 2024, month: 13, value: 1 }], 'flow', 2024)).toThrow(RangeError);
  });
});

describe('countByFiscalYear (公社 records)', () => {
  // consultations dated 2024-03, 2024-04, 2024-12, 2025-03, 2025-04
  const dates = [
    { year: 2024, month: 3 },
    { year: 2024, month: 4 },
    { year: 2024, month: 12 },
    { year: 2025, month: 3 },
    { year: 2025, month: 4 },
  ];

  it('counts records per fiscal year, in ascending order', () => {
    expect([...countByFiscalYear(dates)]).toEqual([
      [2023, 1],
      [2024, 3],
      [2025, 1],
    ]);
  });

  it('sums weights (attendees per seminar) per fiscal year', () => {
    expect([...countByFiscalYear(dates, [12, 30, 25, 18, 40])]).toEqual([
      [2023, 12],
      [2024, 73],
      [2025, 40],
    ]);
  });

  it('sums decimal weights exactly', () => {
    expect(
      countByFiscalYear(
        [
          { year: 2024, month: 5 },
          { year: 2024, month: 6 },
        ],
        [0.1, 0.2],
      ).get(2024),
    ).toBe(0.3);
  });

  it('orders years even when records arrive out of order', () => {
    const shuffled = [
      { year: 2026, month: 1 },
      { year: 2023, month: 7 },
      { year: 2024, month: 2 },
    ];
    expect([...countByFiscalYear(shuffled).keys()]).toEqual([2023, 2025]);
  });

  it('returns an empty map for no records', () => {
    expect(countByFiscalYear([]).size).toBe(0);
  });

  it('rejects weights that do not match the records one to one', () => {
    expect(() => countByFiscalYear(dates, [1, 2])).toThrow(RangeError);
  });
});
