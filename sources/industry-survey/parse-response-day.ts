// A response date as the ward's calendar day, whatever the machine's zone: Excel serials are wall-clock time as
// typed (read without Date's local time), text with an offset or Z is an instant converted to Japan time, and
// text without one is already a Japanese wall-clock date.
import { parseRecordDate } from '../../lib/parse-record-date.ts';
import { excelSerialToDate } from '../xlsx/excel-serial-to-date.ts';

const MS_PER_DAY = 86_400_000;
// Japan has kept +09:00 without daylight saving since 1951, so the offset is fixed.
const JAPAN_OFFSET_MS = 9 * 3_600_000;
// 2024-06-30T23:56:00Z, 2024/6/30 23:56+00:00 …: a date and time with Z or an offset is an instant.
const INSTANT = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|([+-])(\d{2}):?(\d{2}))$/i;

/** Days since 1970-01-01 of the ward's calendar date, or null when the value is not a date. */
export function parseResponseDay(value: unknown, date1904 = false): number | null {
  if (typeof value === 'number') {
    // 1954–2119 in the 1900 system: outside it a bare number is more likely an id than a date.
    const serial = date1904 ? value + 1462 : value;
    if (!Number.isFinite(value) || serial < 20000 || serial >= 80000) return null;
    const d = excelSerialToDate(value, date1904);
    return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
  }
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').trim();
  const instant = INSTANT.exec(text);
  if (instant) {
    const [, y, mo, d, h, mi, sec, zone, sign, oh, om] = instant;
    const offsetMs = zone!.toUpperCase() === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0)) - offsetMs;
    return Number.isNaN(utc) ? null : Math.floor((utc + JAPAN_OFFSET_MS) / MS_PER_DAY);
  }
  const date = parseRecordDate(text);
  return date ? Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY : null;
}
