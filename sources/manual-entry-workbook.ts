// Reads a filled manual-entry workbook (made by `lei template`): one row per measure and fiscal year.
// A bad cell becomes an issue with its sheet, row, column and raw text; the rest of the workbook still loads.
import { openXlsxCells, type XlsxCellRow } from './xlsx/open-xlsx-cells.ts';
import { percentShown } from './xlsx/percent-shown.ts';
import { workbookOpenIssue } from './xlsx/workbook-open-issue.ts';
import { xlsxCellText as cellText } from './xlsx/xlsx-cell-text.ts';
import { columnLetter } from './xlsx/column-letter.ts';
import type { Catalog } from '../config/load-catalog.ts';
import { parseFiscalYear } from '../lib/fiscal-year.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import { MANUAL_ENTRY_SHEET, type ManualEntryColumn } from '../lib/manual-entry-layout.ts';
import type { FilePeriod } from '../lib/contract-facts.ts';
import type { Observation, SourceResult, StatusReading } from '../lib/observation.ts';
import type { XlsxLimits } from './xlsx/xlsx-limits.ts';
import { fiscalYearsOfFileName } from '../lib/fiscal-year-of-file-name.ts';
import { isMissingMarker, parseLooseNumber } from '../lib/parse-number.ts';
import { isNoteText } from '../lib/table-footer-row.ts';
import type { InboxFile } from './inbox-file.ts';
import { readManualEntryHeader } from './read-manual-entry-header.ts';
import { readSpecialValue } from './read-special-value.ts';
import type { XlsxRange } from './xlsx/read-merged-ranges.ts';

export async function readManualEntryWorkbook(input: InboxFile, catalog: Catalog, limits?: XlsxLimits): Promise<SourceResult> {
  const issues: Issue[] = [];
  const file = input.name;
  const bytes = await input.readBytes();
  const unreadable = (e: unknown): SourceResult => ({
    observations: [],
    issues: [...issues, workbookOpenIssue('manual-entry-unreadable', file, e)],
  });
  // The sheet is read whole before any row is judged: a workbook damaged further down yields no half-read rows.
  let sheetName: string | undefined;
  const rows: XlsxCellRow[] = [];
  let merges: XlsxRange[] = [];
  try {
    const workbook = await openXlsxCells(bytes, limits);
    try {
      sheetName = workbook.worksheets.find((name) => name === MANUAL_ENTRY_SHEET) ?? workbook.worksheets[0];
      if (sheetName !== undefined) {
        for await (const row of workbook.rows(sheetName)) rows.push(row);
        merges = await workbook.mergedRanges(sheetName);
      }
    } finally {
      workbook.close();
    }
  } catch (e) {
    return unreadable(e);
  }
  if (sheetName === undefined) {
    issues.push(issueOf('manual-entry-no-sheet', { sheet: MANUAL_ENTRY_SHEET }, { file }));
    return { observations: [], issues };
  }
  const sheet = { name: sheetName };
  const at = (row?: number, column?: string) => ({ file, sheet: sheet.name, row, column });

  const read = readManualEntryHeader(rows, merges, at);
  issues.push(...read.issues);
  if (!read.header) return { observations: [], issues };
  const { rowNumber: headerRow, columns } = read.header;
  const col = (key: ManualEntryColumn) => columns.get(key)!;
  const letter = (key: ManualEntryColumn) => columnLetter(col(key));

  const observations: Observation[] = [];
  const statuses: StatusReading[] = [];
  // The year the file is named for (手入力_令和6年度.xlsx): the data contracts check each row's year against it.
  const fileYear = fiscalYearOfFileName(file);
  const periodRows: FilePeriod['rows'] = [];
  const seen = new Map<string, { row: number; value: number }>();
  const text = (row: XlsxCellRow, key: ManualEntryColumn) => cellText(row.cells[col(key)] ?? null).trim();
  // The table ends at its last row with a measure or a fiscal year: text below it is a note (※速報値, 確認者：…).
  const tableEnd = rows.reduce((end, row) => (catalog.measures.has(text(row, 'measureId')) || text(row, 'fiscalYear') ? row.rowNumber : end), headerRow);
  for (const row of rows) {
    if (row.rowNumber <= headerRow) continue;
    const r = row.rowNumber;
    const cell = (key: ManualEntryColumn) => row.cells[col(key)] ?? null;
    const idText = cellText(cell('measureId')).trim();
    const rawValue = cell('value');
    const valueText = cellText(rawValue).trim();
    if (!idText && !valueText) continue;
    const measure = catalog.measures.get(idText);
    if (!measure && !text(row, 'fiscalYear') && isNoteRow(row, r > tableEnd, rawValue)) {
      const note = firstText(row);
      issues.push(issueOf('manual-entry-note-row', { row: r, raw: note.text }, at(r, columnLetter(note.index)), note.text));
      continue;
    }
    if (!idText) {
      issues.push(issueOf('manual-entry-missing-measure-id', {}, at(r, letter('measureId')), valueText));
      continue;
    }
    if (!measure) {
      issues.push(issueOf('manual-entry-unknown-measure', { measureId: idText }, at(r, letter('measureId')), idText));
      continue;
    }
    const fyRaw = cellText(cell('fiscalYear')).trim();
    const fiscalYear = parseFiscalYear(fyRaw);
    if (fiscalYear === null) {
      issues.push(issueOf('manual-entry-bad-fiscal-year', { raw: fyRaw }, at(r, letter('fiscalYear')), fyRaw));
      continue;
    }
    if (row.formulaColumns?.includes(col('value'))) {
      issues.push(issueOf('manual-entry-formula-without-value', { measure: measure.nameJa, fiscalYear: fyRaw }, at(r, letter('value'))));
      continue;
    }
    if (!valueText) continue; // not entered yet
    const comment = columns.has('comment') ? cellText(cell('comment')).trim() : '';
    const provenance = { file, sha256: input.sha256, sheet: sheet.name, rows: String(r), column: letter('value'), rule: '手入力ワークブックの値' };
    const periodRow = { measureId: measure.id, fiscalYear, location: at(r, letter('fiscalYear')), raw: fyRaw };
    // A state (実施 …) or a two-figure cell (320人（8回）) is read before ― could be taken for "no value".
    const special = measure.valueType === 'status' || measure.valueType === 'pair' ? readSpecialValue(measure, valueText, catalog.plan.statuses) : undefined;
    if (special?.kind === 'problem') {
      issues.push(issueOf(special.code, { ...special.params, measure: measure.nameJa, fiscalYear: fyRaw }, at(r, letter('value')), valueText));
      continue;
    }
    if (special?.kind === 'status') {
      statuses.push({ measureId: measure.id, fiscalYear, status: special.status, provenance, ...(comment ? { comment } : {}) });
      continue;
    }
    if (special?.kind === 'pair') {
      periodRows.push(periodRow);
      observations.push({
        measureId: measure.id,
        fiscalYear,
        value: special.value,
        sourceKind: 'manual',
        provenance,
        ...(special.secondaryValue === undefined ? {} : { secondaryValue: special.secondaryValue }),
        ...(comment ? { comment } : {}),
      });
      continue;
    }
    if (isMissingMarker(valueText)) {
      issues.push(issueOf('manual-entry-marked-missing', { measure: measure.nameJa, fiscalYear: fyRaw }, at(r, letter('value')), valueText));
      continue;
    }
    if (rawValue instanceof Date) {
      issues.push(issueOf('manual-entry-date-value', { measure: measure.nameJa, fiscalYear: fyRaw, raw: valueText }, at(r, letter('value')), valueText));
      continue;
    }
    // "35.6%" typed into a cell: Excel keeps 0.356 and shows it ×100. Read as shown for a percentage, refused otherwise.
    const shown = typeof rawValue === 'number' && row.percentColumns?.includes(col('value')) ? percentShown(rawValue) : null;
    if (shown !== null) {
      const params = { measure: measure.nameJa, fiscalYear: fyRaw, raw: `${shown}%`, stored: valueText, value: shown };
      if (measure.unit !== '%') {
        issues.push(issueOf('manual-entry-not-a-number', params, at(r, letter('value')), valueText));
        continue;
      }
      issues.push(issueOf('manual-entry-percent-cell', params, at(r, letter('value')), valueText));
    }
    const value = shown ?? (typeof rawValue === 'number' ? rawValue : parseLooseNumber(valueText));
    if (value === null) {
      issues.push(issueOf('manual-entry-not-a-number', { measure: measure.nameJa, fiscalYear: fyRaw, raw: valueText }, at(r, letter('value')), valueText));
      continue;
    }
    if (measure.unit === '%' && (value < 0 || value > 100)) {
      issues.push(issueOf('manual-entry-out-of-range', { measure: measure.nameJa, fiscalYear: fyRaw, raw: valueText }, at(r, letter('value')), valueText));
      continue;
    }
    const key = `${measure.id}\u0000${fiscalYear}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.value !== value) {
        issues.push(
          issueOf(
            'manual-entry-duplicate',
            { measure: measure.nameJa, fiscalYear: fyRaw, earlierRow: earlier.row, earlierValue: earlier.value, value },
            at(r, letter('value')),
            valueText,
          ),
        );
        const index = observations.findIndex((o) => o.measureId === measure.id && o.fiscalYear === fiscalYear);
        if (index >= 0) observations.splice(index, 1);
      }
      continue;
    }
    seen.set(key, { row: r, value });
    periodRows.push(periodRow);
    observations.push({
      measureId: measure.id,
      fiscalYear,
      value,
      sourceKind: 'manual',
      provenance,
      ...(comment ? { comment } : {}),
    });
  }
  return {
    observations,
    issues,
    ...(statuses.length > 0 ? { statuses } : {}),
    ...(fileYear === null ? {} : { facts: { filePeriods: [{ file, fiscalYear: fileYear, rows: periodRows }] } }),
  };
}

/**
 * A row without a measure, a fiscal year or a number that is a note, not a value row: it starts with a note mark,
 * or it lies below the table.
 */
function isNoteRow(row: XlsxCellRow, belowTable: boolean, value: XlsxCellRow['cells'][number] | undefined): boolean {
  if (typeof value === 'number' || parseLooseNumber(cellText(value ?? null).trim()) !== null) return false;
  return belowTable || isNoteText(firstText(row).text);
}

/** The row's first non-empty cell, as shown, and its column index. */
function firstText(row: XlsxCellRow): { text: string; index: number } {
  for (const [index, value] of row.cells.entries()) {
    const text = cellText(value).trim();
    if (text) return { text, index };
  }
  return { text: '', index: 0 };
}

/** 手入力_令和6年度.xlsx → 2024; null when the name states no single fiscal year. */
function fiscalYearOfFileName(file: string): number | null {
  const years = fiscalYearsOfFileName(file);
  return years.length === 1 ? years[0]! : null;
}
