// A 公社 .xlsx export: each worksheet read whole (damage found at its end must not leave half a file counted), the
// first whose header names a kind of record is the export; its rows are the records.
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { InboxFile } from './inbox-file.ts';
import { earlierIdsOf, finishFile, KeyCaches, readRecord, startFile, type ColumnKeys, type TypeTally } from './kosha-file-tally.ts';
import { findHeader, neededColumns } from './kosha-find-header.ts';
import type { KoshaRecordsConfig } from './kosha-records-config.ts';
import { openXlsxCells, type XlsxCell, type XlsxCellRow, type XlsxCellWorkbook } from './xlsx/open-xlsx-cells.ts';
import { workbookOpenIssue } from './xlsx/workbook-open-issue.ts';
import { xlsxCellText } from './xlsx/xlsx-cell-text.ts';
import type { XlsxLimits } from './xlsx/xlsx-limits.ts';

class CellColumn implements ColumnKeys {
  private readonly keys = new Map<string, number>();
  private readonly values: unknown[] = [];

  key(value: unknown): number {
    // A number and the same digits typed as text are one value (an id column may hold both).
    const id = value instanceof Date ? `d${value.getTime()}` : `s${value === null || value === undefined ? '' : String(value)}`;
    let key = this.keys.get(id);
    if (key === undefined) {
      key = this.values.length;
      this.keys.set(id, key);
      this.values.push(value);
    }
    return key;
  }

  get size(): number {
    return this.values.length;
  }

  text(key: number): string {
    const v = this.values[key];
    return v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v);
  }

  raw(key: number): unknown {
    return this.values[key];
  }

  isBlank(key: number): boolean {
    return this.text(key).trim() === '';
  }
}

export async function tallyXlsx(
  input: InboxFile,
  config: KoshaRecordsConfig,
  tallies: Map<string, TypeTally>,
  issues: Issue[],
  limits?: XlsxLimits,
): Promise<void> {
  const fileName = input.name;
  const bytes = await input.readBytes();
  const unreadable = (e: unknown) => issues.push(workbookOpenIssue('kosha-unreadable', fileName, e));
  let workbook: XlsxCellWorkbook;
  try {
    workbook = await openXlsxCells(bytes, limits);
  } catch (e) {
    unreadable(e);
    return;
  }
  try {
    const sheetIssues: Issue[] = [];
    for (const sheetName of workbook.worksheets) {
      // A sheet is read whole before anything is counted: damage found at its end must not leave half a file counted.
      const sheetRows: XlsxCellRow[] = [];
      try {
        for await (const row of workbook.rows(sheetName)) sheetRows.push(row);
      } catch (e) {
        unreadable(e);
        return;
      }
      const head: string[][] = [];
      for (const row of sheetRows) {
        if (row.rowNumber > config.headerSearchRows) break;
        while (head.length < row.rowNumber - 1) head.push([]);
        head.push(row.cells.map(xlsxCellText));
      }
      const found: Issue[] = [];
      const match = findHeader(head, tallies, fileName, (row) => ({ file: fileName, sheet: sheetName, ...(row ? { row } : {}) }), found);
      if (!match) {
        sheetIssues.push(...found.filter((i) => i.code !== 'kosha-header-not-found'));
        continue;
      }
      const idIndex = match.columns.get('id')!;
      const needed = neededColumns(match).filter((c) => c !== idIndex);
      const columns: CellColumn[] = [];
      for (const index of [idIndex, ...needed]) columns[index] = new CellColumn();
      const idColumn = columns[idIndex]!;
      const ft = startFile(match, fileName, sheetName, issues, idColumn, () => idColumn.size, columns, await earlierIdsOf(match), head[match.row]);
      if (!ft) return;
      let current: readonly unknown[] = [];
      ft.rowCells = () => current;
      const caches = new KeyCaches();
      const keys = new Int32Array(Math.max(...needed, idIndex) + 1);
      for (const { rowNumber, cells } of sheetRows) {
        if (rowNumber <= match.row + 1) continue;
        if (cells.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
        current = cells;
        const before = idColumn.size;
        const idKey = idColumn.key(cellValue(cells[idIndex] ?? null));
        for (const index of needed) keys[index] = columns[index]!.key(cellValue(cells[index] ?? null));
        readRecord(ft, caches, rowNumber, idKey, idKey === before, keys);
      }
      finishFile(ft, input.sha256);
      return;
    }
    issues.push(...sheetIssues);
    const expected = [...tallies.values()].map((t) => `${t.type.labelJa}（${t.type.id}・${t.type.date}）`).join('、');
    issues.push(issueOf('kosha-header-not-found', { variant: 'workbook', rows: config.headerSearchRows, expected }, { file: fileName }));
  } finally {
    workbook.close();
  }
}

/** A record cell as the counting reads it: dates, numbers and text; a boolean or an error cell by its text. */
function cellValue(value: XlsxCell): string | number | Date | null {
  return typeof value === 'boolean' ? String(value) : value;
}
