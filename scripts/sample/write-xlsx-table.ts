// Writes one sheet of title rows, a header and records as .xlsx, deterministically (fixed dates, re-packed zip),
// with Date cells formatted as dates and numbers left as Excel leaves them (a bare serial stays a number).
import ExcelJS from 'exceljs';
import { deterministicZip } from '../../lib/deterministic-zip.ts';

export type XlsxCell = string | number | Date | null;

export interface XlsxTable {
  sheet: string;
  /** Rows above the header (title, period, notes). */
  title: readonly (readonly XlsxCell[])[];
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
  /** Number format for Date cells. */
  dateFormat?: string;
}

export async function writeXlsxTable(table: XlsxTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sample';
  workbook.created = new Date(Date.UTC(2025, 3, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(table.sheet);
  const put = (values: readonly XlsxCell[]) => {
    const row = sheet.addRow([...values]);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = table.dateFormat ?? 'yyyy/m/d';
    });
    return row;
  };
  for (const t of table.title) put(t);
  put(table.header).font = { bold: true };
  for (const r of table.rows) put(r);
  sheet.columns.forEach((c) => (c.width = 16));
  return deterministicZip(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
