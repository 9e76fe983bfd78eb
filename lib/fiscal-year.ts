// Japanese fiscal years run April–March and are stored as the start year (令和6年度 = 2024).

export type FiscalYearStyle = 'era' | 'western' | 'short';

interface Era {
  name: string;
  letter: string;
  /** Western year of era year 1 (元年). */
  firstYear: number;
  firstMonth: number;
  firstDay: number;
  /** Highest era year accepted when parsing. */
  maxYear: number;
}

// Newest first. 平成 may run past 31 (平成32年度 = 2020) in plans printed before the era change;
// 昭和 stops at 64, its last year.
const ERAS: readonly Era[] = [
  { name: '令和', letter: 'R', firstYear: 2019, firstMonth: 5, firstDay: 1, maxYear: 99 },
  { name: '平成', letter: 'H', firstYear: 1989, firstMonth: 1, firstDay: 8, maxYear: 99 },
  { name: '昭和', letter: 'S', firstYear: 1926, firstMonth: 12, firstDay: 25, maxYear: 64 },
];

const MIN_WESTERN_YEAR = 1900;
const MAX_WESTERN_YEAR = 2199;

const ERA_PATTERN = '(令和|平成|昭和|[RHS])\\s*(元|\\d{1,2})';
const FISCAL_ERA = new RegExp(`^${ERA_PATTERN}\\s*(?:年度)?$`, 'i');
const FISCAL_WESTERN = /^(?:FY\s*)?(\d{4})$|^(\d{4})\s*年度$/i;
// 年月日 or one separator used twice (R6.4.1, 2024/4/1); `separatorGroup` is its capture index.
const dateTail = (separatorGroup: number): string => `(?:年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|([./-])(\\d{1,2})\\${separatorGroup}(\\d{1,2}))`;
const DATE_ERA = new RegExp(`^${ERA_PATTERN}\\s*${dateTail(5)}$`, 'i');
const DATE_WESTERN = new RegExp(`^(\\d{4})\\s*${dateTail(4)}$`);

// NFKC folds full-width digits, letters and spaces (令和６年度, Ｒ６) and squared era signs (㍻, ㋿).
function normalize(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  return text.normalize('NFKC').trim();
}

function findEra(token: string): Era | undefined {
  const upper = token.toUpperCase();
  return ERAS.find((era) => era.name === token || era.letter === upper);
}

function eraToWestern(eraToken: string, yearToken: string): number | null {
  const era = findEra(eraToken);
  if (era === undefined) return null;
  const eraYear = yearToken === '元' ? 1 : Number(yearToken);
  if (eraYear < 1 || eraYear > era.maxYear) return null;
  return era.firstYear + eraYear - 1;
}

function westernInRange(year: number): boolean {
  return year >= MIN_WESTERN_YEAR && year <= MAX_WESTERN_YEAR;
}

/**
 * Parses a fiscal-year label (令和6年度, R6, Ｒ６, 平成30年度, H30, 2024年度, FY2024, 2024…)
 * into its start year. Returns null for anything else; never throws.
 */
export function parseFiscalYear(text: string): number | null {
  const normalized = normalize(text);
  if (normalized === null) return null;
  const era = FISCAL_ERA.exec(normalized);
  if (era !== null) return eraToWestern(era[1]!, era[2]!);
  const western = FISCAL_WESTERN.exec(normalized);
  if (western !== null) {
    const year = Number(western[1] ?? western[2]);
    return westernInRange(year) ? year : null;
  }
  return null;
}

export function eraOfFiscalYear(fiscalYear: number): Era {
  // A fiscal year belongs to the era in force on 1 April, except that FY2019 is 令和元年度
  // in municipal documents although 令和 began on 1 May 2019.
  const era = ERAS.find((candidate) => fiscalYear >= candidate.firstYear);
  if (era === undefined) throw new RangeError(`no era label for fiscal year ${fiscalYear} (before 昭和)`);
  return era;
}

/**
 * 2024 → '令和6年度' (era) | '2024年度' (western) | 'R6' (short); 2019 → '令和元年度' | 'R1'.
 * Throws RangeError for a non-integer year, or an era style before 1926.
 */
export function formatFiscalYear(fiscalYear: number, style: FiscalYearStyle = 'era'): string {
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`fiscal year must be an integer, got ${fiscalYear}`);
  if (style === 'western') return `${fiscalYear}年度`;
  const era = eraOfFiscalYear(fiscalYear);
  const eraYear = fiscalYear - era.firstYear + 1;
  if (style === 'short') return `${era.letter}${eraYear}`;
  return `${era.name}${eraYear === 1 ? '元' : String(eraYear)}年度`;
}

/** Calendar year and month (1–12) → fiscal year: 2025-03 → 2024, 2024-04 → 2024. */
export function fiscalYearOf(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`not a calendar month: ${year}-${month}`);
  }
  return month >= 4 ? year : year - 1;
}

// Made on first use: loading the time-zone data costs every command's start otherwise (~30 ms), most never need it.
let tokyoYearMonth: Intl.DateTimeFormat | undefined;

/** Fiscal year of an instant, by its calendar date in Japan whatever the process TZ. */
export function fiscalYearOfDate(date: Date): number {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date');
  tokyoYearMonth ??= new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric' });
  const parts = tokyoYearMonth.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((candidate) => candidate.type === type)?.value);
  return fiscalYearOf(part('year'), part('month'));
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function isBefore(a: CalendarDate, year: number, month: number, day: number): boolean {
  return a.year * 10000 + a.month * 100 + a.day < year * 10000 + month * 100 + day;
}

/**
 * Parses 令和6年4月1日, R6.4.1, 2024/4/1, 2024-04-01, 2024年4月1日 (full-width digits too).
 * null for anything else, for impossible dates (2024-02-30) and for era dates before the era
 * began (令和元年4月1日); era years past the era's end (平成31年5月1日) are accepted as printed.
 */
export function parseJapaneseDate(text: string): CalendarDate | null {
  const normalized = normalize(text);
  if (normalized === null) return null;
  const era = DATE_ERA.exec(normalized);
  if (era !== null) {
    const year = eraToWestern(era[1]!, era[2]!);
    if (year === null) return null;
    const date = calendarDate(year, Number(era[3] ?? era[6]), Number(era[4] ?? era[7]));
    const { firstYear, firstMonth, firstDay } = findEra(era[1]!)!;
    if (date === null || isBefore(date, firstYear, firstMonth, firstDay)) return null;
    return date;
  }
  const western = DATE_WESTERN.exec(normalized);
  if (western !== null) {
    const year = Number(western[1]);
    if (!westernInRange(year)) return null;
    return calendarDate(year, Number(western[2] ?? western[5]), Number(western[3] ?? western[6]));
  }
  return null;
}
