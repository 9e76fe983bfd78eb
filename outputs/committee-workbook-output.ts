// The committee's report workbook (committee_report.xlsx) in the run folder.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeCommitteeWorkbook } from './committee-workbook.ts';
import { loadExcelJS } from '../lib/load-exceljs.ts';
import type { Output } from './output.ts';

export const COMMITTEE_WORKBOOK_FILE = 'committee_report.xlsx';

export const committeeWorkbookOutput: Output = {
  name: 'committee-workbook',
  stage: 'folder',
  prepare: () => void loadExcelJS(),
  write: async (run, dir) =>
    writeFile(
      path.join(dir, COMMITTEE_WORKBOOK_FILE),
      await writeCommitteeWorkbook(run.catalog, {
        indicatorValues: run.indicatorValues,
        actionPlanProgress: run.actionPlanProgress,
        indicatorProgress: run.indicatorProgress,
        composite: run.compositeIndex,
        fiscalYear: run.fiscalYear,
      }),
    ),
};
