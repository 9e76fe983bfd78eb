import { ownCopy } from './own-copy.ts';

// Cells of type "d" hold ISO 8601 text; the reader's contract is Excel serials, so convert.
export function isoDateToSerial(text: string, date1904: boolean): number | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return ownCopy(text);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const serial = (ms - epoch) / 86_400_000;
  return !date1904 && serial < 61 ? serial - 1 : serial;
}
