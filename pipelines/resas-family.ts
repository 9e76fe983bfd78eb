// RESAS: the exports as read (sources/resas-adapter.ts) → fiscal-year values (transforms/resas-fiscal-year-values.ts).
import { resasFiscalYearValues } from '../transforms/resas-fiscal-year-values.ts';
import { resasReader } from '../sources/resas-adapter.ts';
import { defineSourceFamily } from './define-source-family.ts';

export const resasFamily = defineSourceFamily({
  reader: resasReader,
  sourceKind: 'resas',
  missingConfig: { code: 'resas-no-config', whatJa: 'RESAS データ' },
  compute: ({ reads, issues }, catalog, config) => {
    const values = resasFiscalYearValues(reads, catalog, config);
    return { observations: values.observations, gaps: values.gaps, issues: [...issues, ...values.issues] };
  },
});
