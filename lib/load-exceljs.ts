// exceljs is slow to load (its Workbook ~25 ms bundled, ~100 ms as modules); a run that finds nothing changed never needs
// it, so it is loaded on first use.
// It only writes (the committee report, the manual-entry template): every .xlsx is read by sources/xlsx/.
// Only its Workbook is loaded: the package's entry also loads the streaming reader and writer (unzipper, archiver),
// more than half of its code, which nothing here uses.
import type ExcelJS from 'exceljs';

let loaded: Promise<Pick<typeof ExcelJS, 'Workbook'>> | undefined;

export function loadExcelJS(): Promise<Pick<typeof ExcelJS, 'Workbook'>> {
  loaded ??= import('exceljs/lib/doc/workbook.js').then((m) => ({ Workbook: m.default }));
  return loaded;
}
