// The month a monthly report is for, as operators write it: 2024年4月(分), 令和6年4月, R6.4, 2024/04, 2024-04,
// a date (the 1st or the last day of the month) or an Excel date cell.
import { parseRecordDate } from './parse-record-date.ts';

export interface YearMonth {
  year: number;
  month: number;
}

const ERA_FIRST_YEAR: Record<string, number> = { 令和: 2019, R: 2019, 平成: 1989, H: 1989 };
const WESTERN = /^(\d{4})\s*(?:年\s*(\d{1,2})\s*月|[./-]\s*(\d{1,2}))(?:分|度分)?$/;
const ERA = /^(令和|平成|R|H)\s*(元|\d{1,2})\s*(?:年\s*(\d{1,2})\s*月|[./-]\s*(\d{1,2}))(?:分)?$/i;

/** Year and month (1–12), or null. A full date gives its month. */
export function parseYearMonth(value: unknown): YearMonth | null {
  if (typeof value === 'string') {
    const text = value
      .normalize('NFKC')
      .trim()
      .replace(/\s*[(（].*[)）]$/, '');
    const western = WESTERN.exec(text);
    if (western) return checked(Number(western[1]), Number(western[2] ?? western[3]));
    const era = ERA.exec(text);
    if (era) {
      const first = ERA_FIRST_YEAR[era[1]!.length === 1 ? era[1]!.toUpperCase() : era[1]!]!;
      return checked(first + (era[2] === '元' ? 1 : Number(era[2])) - 1, Number(era[3] ?? era[4]));
    }
  }
  const date = parseRecordDate(value);
  return date ? { year: date.year, month: date.month } : null;
}

function checked(year: number, month: number): YearMonth | null {
  return month >= 1 && month <= 12 && year >= 1900 && year <= 2199 ? { year, month } : null;
}

/** 2024-04 */
export function yearMonthKey({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** 2024年4月 */
export function yearMonthJa({ year, month }: YearMonth): string {
  return `${year}年${month}月`;
}
