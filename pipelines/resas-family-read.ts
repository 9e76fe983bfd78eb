// The reading side of the RESAS family (resas-family.ts imports it on the first read): the exports, then their
// fiscal-year values.
import type { Issue } from '../lib/issues.ts';
import { resasReader } from '../sources/resas-adapter.ts';
import type { ResasExportConfig } from '../sources/resas-export-config.ts';
import type { ResasExportRead } from '../sources/resas-export.ts';
import { resasFiscalYearValues } from '../transforms/resas-fiscal-year-values.ts';
import type { FamilyReading } from './define-source-family.ts';

export const resasFamilyRead: FamilyReading<ResasExportConfig, { reads: ResasExportRead[]; issues: Issue[] }> = {
  reader: resasReader,
  compute: ({ reads, issues }, catalog, config) => {
    const values = resasFiscalYearValues(reads, catalog, config);
    return { observations: values.observations, gaps: values.gaps, issues: [...issues, ...values.issues] };
  },
};
