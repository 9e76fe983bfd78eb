// exceljs takes ~120 ms to load; a run that finds nothing changed never needs it, so it is loaded on first use.
// It only writes (the committee report, the manual-entry template): every .xlsx is read by sources/xlsx/.
import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((m) => m.default);
  return loaded;
}
