// The verification committee's workbook (検証部会の報告表): a summary, one sheet per vision laid out like seed 000's
// ソーシャルインパクト指標一覧 and the action plan laid out like seed 001, printable on A4 landscape.
// A pure writer: rows in, bytes out. Missing values print as the text — (never 0 or an empty cell).
// The sheets are written by outputs/committee-workbook/ (one file per sheet kind); this file puts them together.
import { loadExcelJS } from '../lib/load-exceljs.ts';
import type { Catalog } from '../config/load-catalog.ts';
import { visionTables } from '../transforms/vision-tables.ts';
import { writeActionPlanSheet } from './committee-workbook/action-plan-sheet.ts';
import type { CommitteeTables } from './committee-workbook/committee-tables.ts';
import { writeProgressTableSheet } from './committee-workbook/progress-table-sheet.ts';
import { shareStyles } from './committee-workbook/share-styles.ts';
import { sheetOptions } from './committee-workbook/sheet-layout.ts';
import { SUMMARY_SHEET, writeSummary } from './committee-workbook/summary-sheet.ts';
import { writeVisionSheet, type VisionStats } from './committee-workbook/vision-sheet.ts';
import { workbookBytes } from './workbook-bytes.ts';

export type { CommitteeTables };

export async function writeCommitteeWorkbook(catalog: Catalog, tables: CommitteeTables): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'lei';
  workbook.lastModifiedBy = 'lei';
  // Fixed dates so equal inputs give equal bytes: the day after the report year closes.
  workbook.created = new Date(Date.UTC(tables.fiscalYear + 1, 3, 1));
  workbook.modified = workbook.created;

  const summary = workbook.addWorksheet(SUMMARY_SHEET, sheetOptions(1));
  const visionStats: VisionStats[] = [];
  for (const table of visionTables(catalog)) visionStats.push(writeVisionSheet(workbook, catalog, table, tables));
  // A plan without action-plan lines (a ward progress table only) gets no empty sheet.
  const lineStats = catalog.lines.length > 0 ? writeActionPlanSheet(workbook, catalog, tables) : undefined;
  const grades = catalog.progress ? writeProgressTableSheet(workbook, catalog, tables.indicatorProgress ?? []) : undefined;
  writeSummary(summary, catalog, tables, visionStats, lineStats, grades);

  shareStyles(workbook);
  return workbookBytes(workbook);
}
