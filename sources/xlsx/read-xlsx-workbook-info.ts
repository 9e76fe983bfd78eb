// What a workbook holds before reading any rows: its sheet names in workbook order and its date system.
import { openXlsxZip, type XlsxSource } from './open-xlsx-zip.ts';
import { resolveWorkbook } from './resolve-workbook.ts';

export interface XlsxWorkbookInfo {
  /** Every sheet name in workbook (tab) order, hidden ones and chart sheets included. */
  sheets: string[];
  /** True when date serials count from 1904-01-01 (old Mac workbooks): pass it to excelSerialToDate. */
  date1904: boolean;
}

export async function readXlsxWorkbookInfo(source: XlsxSource): Promise<XlsxWorkbookInfo> {
  const zip = await openXlsxZip(source);
  try {
    const parts = await resolveWorkbook(zip);
    return { sheets: parts.sheets.map((s) => s.name), date1904: parts.date1904 };
  } finally {
    zip.close();
  }
}
