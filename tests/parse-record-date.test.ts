// Dates as 公社 exports and operator reports write them: Excel date cells, bare serials, 和暦 and Western text.
import { describe, expect, it } from 'vitest';
import { convertUnit, unitsConvertible } from '../lib/convert-unit.ts';
import { municipalityCheckDigit, municipalityCode } from '../lib/municipality-code.ts';
import { parseRecordDate } from '../lib/parse-record-date.ts';
import { parseYearMonth } from '../lib/parse-year-month.ts';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('parseRecordDate', () => {
  it.each([
    [new Date(Date.UTC(2024, 3, 1)), d(2024, 4, 1)],
    [45383, d(2024, 4, 1)],
    [45383.75, d(2024, 4, 1)],
    ['45383', d(2024, 4, 1)],
    ['20240401', d(2024, 4, 1)],
    ['2024/4/1', d(2024, 4, 1)],
    ['2024-04-01', d(2024, 4, 1)],
    ['2024-04-01T00:00:00', d(2024, 4, 1)],
    ['2024/04/01 10:30', d(2024, 4, 1)],
    ['2024/4/1 0:00:00', d(2024, 4, 1)],
    ['2024年4月1日(月)', d(2024, 4, 1)],
    ['令和6年4月1日', d(2024, 4, 1)],
    ['令和６年４月１日（月）', d(2024, 4, 1)],
    ['R6.4.1', d(2024, 4, 1)],
    ['H31.4.30', d(2019, 4, 30)],
    ['令和元年5月1日', d(2019, 5, 1)],
  ])('%s → %o', (value, expected) => {
    expect(parseRecordDate(value)).toEqual(expected);
  });

  it.each([['2024/2/30'], ['令和6年'], ['2024'], ['1234'], ['R6.13.1'], [''], ['未定'], [null], [Number.NaN]])('refuses %s', (value) => {
    expect(parseRecordDate(value)).toBeNull();
  });

  it('reads a Date by its UTC fields whatever the machine zone (exceljs puts wall-clock time there)', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(parseRecordDate(new Date(Date.UTC(2025, 2, 31, 23, 30)))).toEqual(d(2025, 3, 31));
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('parseYearMonth', () => {
  it.each([
    ['2024年4月', { year: 2024, month: 4 }],
    ['2024年04月分', { year: 2024, month: 4 }],
    ['令和6年4月', { year: 2024, month: 4 }],
    ['R7.3', { year: 2025, month: 3 }],
    ['2024/10', { year: 2024, month: 10 }],
    ['2025-03', { year: 2025, month: 3 }],
    [new Date(Date.UTC(2024, 9, 1)), { year: 2024, month: 10 }],
    ['2024/3/31', { year: 2024, month: 3 }],
  ])('%s → %o', (value, expected) => {
    expect(parseYearMonth(value)).toEqual(expected);
  });

  it('refuses a thirteenth month and plain text', () => {
    expect([parseYearMonth('2024年13月'), parseYearMonth('今月')]).toEqual([null, null]);
  });
});

describe('municipalityCode', () => {
  it('takes 世田谷区 as 13112 or 131121, and refuses a wrong check digit', () => {
    expect(municipalityCheckDigit('13112')).toBe(1);
    expect([municipalityCode('13112'), municipalityCode('131121'), municipalityCode(131121), municipalityCode('１３１１２')]).toEqual([
      '13112',
      '13112',
      '13112',
      '13112',
    ]);
    expect(municipalityCode('131122')).toBeNull();
    expect(municipalityCode(1100)).toBe('01100');
  });
});

describe('convertUnit', () => {
  it('converts scaled units exactly, and only within one kind of quantity', () => {
    expect(convertUnit(4_494_612, '百万円', '億円')).toBe(44946.12);
    expect(convertUnit('2096843512', '千円', '億円')).toBe(20968.43512);
    expect(convertUnit(3_051_000, '件', '千件')).toBe(3051);
    expect(convertUnit(5093, '店舗', '店')).toBe(5093);
    expect(convertUnit(1, '件', '円')).toBeNull();
    expect(unitsConvertible('人', '%')).toBe(false);
  });
});
