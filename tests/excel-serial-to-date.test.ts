// Excel serials → wall-clock fields, the same in any TZ, rounded to whole seconds.
import { describe, expect, it } from 'vitest';
import { excelSerialToDate } from '../sources/xlsx/excel-serial-to-date.ts';

const at = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({ year, month, day, hour, minute, second });

describe('excelSerialToDate', () => {
  it.each([
    [45472.129583333335, false, at(2024, 6, 29, 3, 6, 36)],
    // float noise just under a second rounds up, not down to :35 (the SheetJS cellDates pitfall)
    [45472.12958332, false, at(2024, 6, 29, 3, 6, 36)],
    [45382.99999999, false, at(2024, 4, 1)],
    [45383, false, at(2024, 4, 1)],
    [1, false, at(1900, 1, 1)],
    [59, false, at(1900, 2, 28)],
    [60, false, at(1900, 2, 29)], // Excel's nonexistent day, shown as Excel shows it
    [61, false, at(1900, 3, 1)],
    [0, true, at(1904, 1, 1)],
    [44010.129583333335, true, at(2024, 6, 29, 3, 6, 36)],
    [0.5, false, at(1899, 12, 31, 12)],
  ])('%d (1904: %s) is %o', (serial, date1904, expected) => {
    expect(excelSerialToDate(serial, date1904)).toEqual(expected);
  });

  it('does not depend on the machine zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(excelSerialToDate(45472.99999)).toEqual(at(2024, 6, 29, 23, 59, 59));
    } finally {
      process.env.TZ = before;
    }
  });

  it('refuses what is not a number', () => {
    expect(() => excelSerialToDate(Number.NaN)).toThrow(RangeError);
  });
});
