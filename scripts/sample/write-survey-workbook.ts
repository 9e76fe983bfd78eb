// Writes a vendor-style survey workbook (a data sheet and a codebook sheet, or any sheets) as .xlsx, deterministically:
// fixed document dates, zip re-packed with fixed entry dates, Date cells as date serials (read by their UTC fields).
import ExcelJS from 'exceljs';
import { deterministicZip } from '../../lib/deterministic-zip.ts';
import type { Codebook } from '../../sources/industry-survey/codebook.ts';

export type SheetCell = string | number | boolean | Date | null;

export interface WorkbookSheet {
  name: string;
  rows: readonly (readonly SheetCell[])[];
}

export async function writeSurveyWorkbook(sheets: readonly WorkbookSheet[], dateFormat = 'yyyy/m/d'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sample';
  workbook.created = new Date(Date.UTC(2025, 3, 1));
  workbook.modified = workbook.created;
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    for (const values of s.rows) {
      const row = sheet.addRow([...values]);
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = dateFormat;
      });
    }
  }
  return deterministicZip(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

const TYPE_WORDS = { single: 'SA', multi: 'MA', number: '数値', text: 'FA', date: '日付' } as const;

/** A codebook as a vendor's long-format sheet: 設問ID | 設問文 | 形式 | コード | 選択肢 | 区分 | 最小値 | 最大値. */
export function codebookSheetRows(codebook: Codebook): SheetCell[][] {
  const rows: SheetCell[][] = [['設問ID', '設問文', '形式', 'コード', '選択肢', '区分', '最小値', '最大値']];
  for (const q of codebook.questions) {
    const codes = [
      ...q.answers.map((a) => [a.code, a.labelJa, null] as const),
      ...q.nonResponse.map((n) => [n.code, n.labelJa, n.kind === 'noAnswer' ? '無回答' : '非該当'] as const),
    ];
    const [first, ...rest] = codes;
    rows.push([q.id, q.textJa, TYPE_WORDS[q.type], first?.[0] ?? null, first?.[1] ?? null, first?.[2] ?? null, q.min ?? null, q.max ?? null]);
    for (const [code, label, role] of rest) rows.push([null, null, null, code, label, role, null, null]);
  }
  return rows;
}
