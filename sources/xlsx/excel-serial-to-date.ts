// Excel date serials → calendar fields, without Date's local-time pitfalls: the serial IS the wall-clock time
// as typed in Excel, so the fields come out the same whatever TZ the machine runs in.

export interface ExcelDateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const SECONDS_PER_DAY = 86_400;

/** Rounds to whole seconds (serials carry float noise: 03:06:36 can be stored as 03:06:35.9999). */
export function excelSerialToDate(serial: number, date1904 = false): ExcelDateParts {
  if (!Number.isFinite(serial)) throw new RangeError(`not an Excel date serial: ${serial}`);
  const total = Math.round(serial * SECONDS_PER_DAY);
  const days = Math.floor(total / SECONDS_PER_DAY);
  const seconds = total - days * SECONDS_PER_DAY;
  const time = { hour: Math.floor(seconds / 3600), minute: Math.floor((seconds % 3600) / 60), second: seconds % 60 };
  // Excel's 1900 system counts a 29 Feb 1900 that never was (serial 60), as Lotus 1-2-3 did.
  if (!date1904 && days === 60) return { year: 1900, month: 2, day: 29, ...time };
  const epochDays = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epochDays + days * SECONDS_PER_DAY * 1000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), ...time };
}
