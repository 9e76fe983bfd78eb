// A record's date as offices export it: Excel date cells, bare Excel serials (a date column without a date
// format, or saved to CSV), and text in 和暦 or Western form, with a weekday or a time of day after it.
import { parseJapaneseDate, type CalendarDate } from './fiscal-year.ts';

// Serials from 1954 to 2119: a bare number outside this range is more likely a year or an id than a date.
const MIN_SERIAL = 20000;
const MAX_SERIAL = 80000;
const MS_PER_DAY = 86_400_000;
// Serial 25569 is 1970-01-01 in Excel's 1900 system (which counts a nonexistent 1900-02-29).
const UNIX_EPOCH_SERIAL = 25569;

const WEEKDAY = /\s*[（(]\s*[月火水木金土日](?:曜日?)?\s*[)）]\s*$/;
const TIME_OF_DAY = /(?:\s+|T)(?:午前|午後)?\d{1,2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?|時(?:\d{1,2}分)?)(?:Z|[+-]\d{2}:?\d{2})?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * The calendar date of a record, or null. Date objects are read by their UTC fields (exceljs puts Excel's
 * wall-clock time there whatever the machine's zone); numbers and all-digit text are Excel serials
 * (1900 system, time of day ignored) or yyyymmdd; text goes through parseJapaneseDate after a trailing
 * weekday (（月）) or time (10:30, 10:30:00) is dropped.
 */
export function parseRecordDate(value: unknown): CalendarDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value === 'number') return fromSerial(value);
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').trim();
  if (text === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const compact = COMPACT.exec(text);
    if (compact) return valid(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return fromSerial(Number(text));
  }
  return parseJapaneseDate(text.replace(TIME_OF_DAY, '').replace(WEEKDAY, ''));
}

function fromSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial >= MAX_SERIAL) return null;
  const date = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function valid(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day };
}
