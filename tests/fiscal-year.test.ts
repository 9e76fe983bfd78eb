import { afterEach, describe, it, expect } from 'vitest';
import { fiscalYearOf, fiscalYearOfDate, formatFiscalYear, parseFiscalYear, parseJapaneseDate } from '../lib/fiscal-year.ts';

describe('parseFiscalYear', () => {
  it.each([
    ['令和6年度', 2024],
    ['令和６年度', 2024],
    ['令和元年度', 2019],
    ['令和1年度', 2019],
    ['R6', 2024],
    ['R6年度', 2024],
    ['r6', 2024],
    ['Ｒ６', 2024],
    ['R13', 2031],
    ['平成30年度', 2018],
    ['H30', 2018],
    ['平成31年度', 2019],
    ['平成32年度', 2020], // plans printed before the era change count 平成 on
    ['平成元年度', 1989],
    ['昭和63年度', 1988],
    ['昭和64', 1989],
    ['2024年度', 2024],
    ['２０２４年度', 2024],
    ['2024', 2024],
    ['FY2024', 2024],
    ['fy2024', 2024],
    ['2024 年度', 2024],
    ['  令和6年度\u3000', 2024],
    [' R6 ', 2024],
  ])('%j → %i', (text, expected) => {
    expect(parseFiscalYear(text)).toBe(expected);
  });

  it.each([
    '令和0年度',
    'R0',
    '令和100年度',
    '昭和65年度',
    '平成0年度',
    '1899',
    '2200年度',
    '0',
    '',
    '   ',
    '令和6年', // a calendar year, not a fiscal year
    '令和6年4月',
    'FY',
    'R',
    '6年度',
    '2024年度末',
    '20245',
    'R6.5',
    '大正10年度',
    'X6',
  ])('%j → null', (text) => {
    expect(parseFiscalYear(text)).toBeNull();
  });

  it('never throws on a non-string that slipped through', () => {
    expect(parseFiscalYear(undefined as unknown as string)).toBeNull();
    expect(parseFiscalYear(2024 as unknown as string)).toBeNull();
  });
});

describe('formatFiscalYear', () => {
  it.each([
    // fiscal year, era, western, short
    [2024, '令和6年度', '2024年度', 'R6'],
    [2031, '令和13年度', '2031年度', 'R13'],
    [2019, '令和元年度', '2019年度', 'R1'],
    [2018, '平成30年度', '2018年度', 'H30'],
    [1989, '平成元年度', '1989年度', 'H1'],
    [1988, '昭和63年度', '1988年度', 'S63'],
  ])('%i → %s / %s / %s', (fiscalYear, era, western, short) => {
    expect(formatFiscalYear(fiscalYear)).toBe(era);
    expect(formatFiscalYear(fiscalYear, 'era')).toBe(era);
    expect(formatFiscalYear(fiscalYear, 'western')).toBe(western);
    expect(formatFiscalYear(fiscalYear, 'short')).toBe(short);
  });

  it('round-trips through parseFiscalYear', () => {
    for (let fiscalYear = 1926; fiscalYear <= 2100; fiscalYear += 1) {
      for (const style of ['era', 'western', 'short'] as const) {
        expect(parseFiscalYear(formatFiscalYear(fiscalYear, style))).toBe(fiscalYear);
      }
    }
  });

  it('rejects years that have no label', () => {
    expect(() => formatFiscalYear(2024.5)).toThrow(RangeError);
    expect(() => formatFiscalYear(1925)).toThrow(RangeError);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    [2024, 4, 2024],
    [2024, 12, 2024],
    [2025, 1, 2024],
    [2025, 3, 2024],
    [2025, 4, 2025],
    [2024, 3, 2023],
  ])('%i-%i → FY%i', (year, month, expected) => {
    expect(fiscalYearOf(year, month)).toBe(expected);
  });

  it('rejects months outside 1–12', () => {
    expect(() => fiscalYearOf(2024, 0)).toThrow(RangeError);
    expect(() => fiscalYearOf(2024, 13)).toThrow(RangeError);
    expect(() => fiscalYearOf(2024, 4.5)).toThrow(RangeError);
  });
});

describe('fiscalYearOfDate', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])('reads the calendar date in Tokyo when the process runs in %s', (timeZone) => {
    process.env.TZ = timeZone;
    // 2024-04-01 00:30 in Tokyo, still 31 March in UTC and Los Angeles
    expect(fiscalYearOfDate(new Date('2024-03-31T15:30:00Z'))).toBe(2024);
    // 2024-03-31 23:59 in Tokyo
    expect(fiscalYearOfDate(new Date('2024-03-31T14:59:00Z'))).toBe(2023);
    // 2025-04-01 02:00 in Kiritimati (UTC+14), still 31 March 21:00 in Tokyo
    expect(fiscalYearOfDate(new Date('2025-03-31T12:00:00Z'))).toBe(2024);
  });

  it('rejects an invalid Date', () => {
    expect(() => fiscalYearOfDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('parseJapaneseDate', () => {
  it.each([
    ['令和6年4月1日', 2024, 4, 1],
    ['令和６年４月１日', 2024, 4, 1],
    ['令和 6 年 4 月 1 日', 2024, 4, 1],
    ['R6.4.1', 2024, 4, 1],
    ['Ｒ６．４．１', 2024, 4, 1],
    ['r6/12/31', 2024, 12, 31],
    ['H30.3.31', 2018, 3, 31],
    ['2024/4/1', 2024, 4, 1],
    ['2024-04-01', 2024, 4, 1],
    ['2024.4.1', 2024, 4, 1],
    ['2024年4月1日', 2024, 4, 1],
    ['２０２４年４月１日', 2024, 4, 1],
    ['令和元年5月1日', 2019, 5, 1],
    ['平成31年4月30日', 2019, 4, 30],
    ['平成31年5月1日', 2019, 5, 1], // printed before the era change
    ['平成元年1月8日', 1989, 1, 8],
    ['2024-02-29', 2024, 2, 29],
    [' 2024/4/1 ', 2024, 4, 1],
  ])('%j → %i-%i-%i', (text, year, month, day) => {
    expect(parseJapaneseDate(text)).toEqual({ year, month, day });
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-04-00',
    '令和0年4月1日',
    '令和元年4月30日', // 令和 began on 1 May 2019
    '平成元年1月7日', // still 昭和
    '2024/4-1',
    '2024/4',
    '令和6年度',
    '2024-04-01T00:00:00',
    '24/4/1',
    '',
    'R6.4.1日',
  ])('%j → null', (text) => {
    expect(parseJapaneseDate(text)).toBeNull();
  });
});
