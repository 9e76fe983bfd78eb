// The manual-entry workbooks (one row per measure and fiscal year, for every office without its own source): no layout
// config, values read as entered.
import { readManualEntryWorkbook } from '../sources/manual-entry-workbook.ts';
import type { SourceFamily } from './define-source-family.ts';

export const manualEntryFamily: SourceFamily = {
  family: 'manual-entry',
  labelJa: '手入力ワークブック',
  extensions: ['.xlsx'],
  sourceKind: null,
  configure: async () => ({
    family: manualEntryFamily,
    async read(files, catalog, context) {
      const results = [];
      // One workbook at a time: each file's bytes are dropped once it is read.
      for (const f of files) results.push(await readManualEntryWorkbook(f, catalog, context?.xlsxLimits));
      const statuses = results.flatMap((r) => r.statuses ?? []);
      return {
        observations: results.flatMap((r) => r.observations),
        issues: results.flatMap((r) => r.issues),
        ...(statuses.length > 0 ? { statuses } : {}),
        facts: { filePeriods: results.flatMap((r) => r.facts?.filePeriods ?? []) },
      };
    },
  }),
};
