// The manual-entry workbook's header: the row among the first ones that names the most of the template's columns
// (compared as a person reads them: NFKC, spaces, line breaks, a bracketed note such as 値（単位：件）: lib/header-match.ts), each column's
// index, and why a column the reader needs is not there — renamed, doubled, or lost under merged header cells.
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue, IssueLocation } from '../lib/issues.ts';
import { MANUAL_ENTRY_HEADER_ROW, manualEntryColumns, type ManualEntryColumn } from '../lib/manual-entry-layout.ts';
import { headerMatch } from '../lib/header-match.ts';
import { columnLetter } from './xlsx/column-letter.ts';
import type { XlsxCellRow } from './xlsx/open-xlsx-cells.ts';
import type { XlsxRange } from './xlsx/read-merged-ranges.ts';
import { xlsxCellText as cellText } from './xlsx/xlsx-cell-text.ts';

export interface ManualEntryHeader {
  rowNumber: number;
  /** 0-based column index of each column found. */
  columns: Map<ManualEntryColumn, number>;
}

/** The header is within the first rows, under the title and the instructions. */
const SEARCH_ROWS = 20;
const REQUIRED: readonly ManualEntryColumn[] = ['measureId', 'fiscalYear', 'value'];
/** Columns whose cells the reader takes; the others (指標名, 単位 …) are there for the person filling the workbook. */
const READ: readonly ManualEntryColumn[] = [...REQUIRED, 'comment'];
/** The template's column order: what a merged header cell hides is read in this order. */
const ORDER = Object.keys(manualEntryColumns) as ManualEntryColumn[];

type At = (row?: number, column?: string) => IssueLocation;

/** The header, or undefined (with the issue saying why) when the workbook cannot be read. */
export function readManualEntryHeader(rows: readonly XlsxCellRow[], merges: readonly XlsxRange[], at: At): { header?: ManualEntryHeader; issues: Issue[] } {
  const issues: Issue[] = [];
  const best = bestHeaderRow(rows.filter((row) => row.rowNumber <= SEARCH_ROWS).map((row) => asShown(row, rows, merges)));
  if (!best) {
    const shown = rows.find((r) => r.rowNumber === MANUAL_ENTRY_HEADER_ROW);
    const columns = REQUIRED.map((c) => manualEntryColumns[c]).join('」「');
    const params = { variant: 'none', rows: SEARCH_ROWS, row: MANUAL_ENTRY_HEADER_ROW, columns, found: headersOf(shown) } as const;
    issues.push(issueOf('manual-entry-missing-column', params, at(MANUAL_ENTRY_HEADER_ROW)));
    return { issues };
  }
  const { row, candidates } = best;
  const r = row.rowNumber;
  const columns = new Map<ManualEntryColumn, number>();
  let unreadable = false;
  for (const [key, found] of candidates) {
    if (found.length === 1) {
      columns.set(key, found[0]!);
      continue;
    }
    const required = REQUIRED.includes(key);
    if (!required && !READ.includes(key)) continue;
    unreadable ||= required;
    const letters = found.map(columnLetter).join('・');
    const headers = found.map((i) => `「${cellText(row.cells[i]).trim()}」`).join('');
    issues.push(
      issueOf('manual-entry-ambiguous-column', { variant: required ? 'file' : 'column', row: r, column: manualEntryColumns[key], letters, headers }, at(r)),
    );
  }
  if (unreadable) return { issues };

  // A merge keeps only its top-left cell: the headers of the other columns under it are gone.
  const unclear: XlsxRange[] = [];
  for (const range of merges.filter((m) => m.top <= r && r <= m.bottom && m.right > m.left)) {
    if (ORDER.every((k) => columns.has(k) || candidates.has(k))) continue;
    const label = ORDER.find((k) => columns.get(k) === range.left);
    const hidden = label === undefined ? [] : ORDER.slice(ORDER.indexOf(label) + 1, ORDER.indexOf(label) + 1 + range.right - range.left);
    if (label === undefined || hidden.length !== range.right - range.left || hidden.some((k) => columns.has(k) || candidates.has(k))) {
      unclear.push(range);
      continue;
    }
    hidden.forEach((k, i) => columns.set(k, range.left + 1 + i));
    if (hidden.some((k) => READ.includes(k))) {
      const assigned = hidden.map((k, i) => `${columnLetter(range.left + 1 + i)}列を「${manualEntryColumns[k]}」`).join('、');
      issues.push(issueOf('manual-entry-merged-header', { range: range.ref, label: manualEntryColumns[label], assigned }, at(r, columnLetter(range.left))));
    }
  }
  const missing = ORDER.filter((k) => !columns.has(k) && !candidates.has(k));
  const missingRequired = missing.filter((k) => REQUIRED.includes(k));
  const missingRead = missing.filter((k) => READ.includes(k));
  for (const range of unclear) {
    if (missingRead.length === 0) break;
    const label = cellText(row.cells[range.left]).trim();
    const names = [...(label ? [label] : []), ...missing.map((k) => manualEntryColumns[k])].join('」「');
    const letters = `${columnLetter(range.left)}〜${columnLetter(range.right)}`;
    const skipped = missingRead.map((k) => manualEntryColumns[k]).join('」「');
    const params =
      missingRequired.length > 0
        ? ({ variant: 'file', range: range.ref, letters, columns: names } as const)
        : ({ variant: 'column', range: range.ref, letters, columns: names, skipped } as const);
    issues.push(issueOf('manual-entry-merged-header-unclear', params, at(r, columnLetter(range.left))));
  }
  if (missingRequired.length > 0) {
    if (unclear.length === 0) {
      const params = { variant: 'found', row: r, columns: missingRequired.map((k) => manualEntryColumns[k]).join('」「'), found: headersOf(row) } as const;
      issues.push(issueOf('manual-entry-missing-column', params, at(r)));
    }
    return { issues };
  }
  if (missingRead.length > 0 && unclear.length === 0) issues.push(...unnamedColumns(rows, row, new Set(columns.values()), missingRead, at));
  return { header: { rowNumber: r, columns }, issues };
}

/**
 * A row as Excel shows it under a merge from a row above (F3:F4 with 値 in F3): the merge's first column holds the
 * top-left cell's value. The columns to its right are left empty: which header each stood for is decided later.
 */
function asShown(row: XlsxCellRow, rows: readonly XlsxCellRow[], merges: readonly XlsxRange[]): XlsxCellRow {
  const above = merges.filter((m) => m.top < row.rowNumber && row.rowNumber <= m.bottom);
  if (above.length === 0) return row;
  const cells = [...row.cells];
  for (const m of above) {
    const value = rows.find((r) => r.rowNumber === m.top)?.cells[m.left] ?? null;
    while (cells.length <= m.left) cells.push(null);
    cells[m.left] = value;
  }
  return { ...row, cells };
}

/** The row naming the most template columns (the first of equals), with each column's matches. */
function bestHeaderRow(rows: readonly XlsxCellRow[]): { row: XlsxCellRow; candidates: Map<ManualEntryColumn, number[]> } | undefined {
  let best: { row: XlsxCellRow; candidates: Map<ManualEntryColumn, number[]> } | undefined;
  for (const row of rows) {
    const candidates = headerCandidates(row);
    if (candidates.size > (best?.candidates.size ?? 0)) best = { row, candidates };
  }
  return best;
}

/** Per template column, the cells naming it: exact names first; a name with a bracketed note only when none is exact. */
function headerCandidates(row: XlsxCellRow): Map<ManualEntryColumn, number[]> {
  const found = new Map<ManualEntryColumn, number[]>();
  for (const key of ORDER) {
    const label = manualEntryColumns[key];
    const exact: number[] = [];
    const noted: number[] = [];
    row.cells.forEach((value, index) => {
      const match = typeof value === 'string' ? headerMatch(value, label) : null;
      if (match) (match === 'exact' ? exact : noted).push(index);
    });
    const chosen = exact.length > 0 ? exact : noted;
    if (chosen.length > 0) found.set(key, chosen);
  }
  return found;
}

/** A read column without its header: entries in a column with an empty header may be its data, and are not read. */
function unnamedColumns(rows: readonly XlsxCellRow[], header: XlsxCellRow, named: ReadonlySet<number>, missing: readonly ManualEntryColumn[], at: At): Issue[] {
  const seen = new Map<number, { row: number; raw: string; count: number }>();
  for (const row of rows) {
    if (row.rowNumber <= header.rowNumber) continue;
    row.cells.forEach((value, index) => {
      const raw = cellText(value).trim();
      if (!raw || named.has(index) || cellText(header.cells[index]).trim()) return;
      const first = seen.get(index);
      if (first) first.count += 1;
      else seen.set(index, { row: row.rowNumber, raw, count: 1 });
    });
  }
  const names = missing.map((k) => manualEntryColumns[k]).join('」「');
  return [...seen].map(([index, s]) =>
    issueOf(
      'manual-entry-unnamed-column',
      { column: columnLetter(index), row: s.row, raw: s.raw, count: s.count, missing: names },
      at(header.rowNumber, columnLetter(index)),
      s.raw,
    ),
  );
}

/** The non-empty cells of a row, as 「…」「…」, for a message; （なし） when there are none. */
function headersOf(row: XlsxCellRow | undefined): string {
  const texts = (row?.cells ?? []).map((v) => cellText(v).replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
  return texts.length > 0 ? texts.map((t) => `「${t}」`).join('') : '（なし）';
}
