// RESAS: the exports as read (sources/resas-adapter.ts) → fiscal-year values (transforms/resas-fiscal-year-values.ts),
// both loaded on the first read (resas-family-read.ts).
import { resasLayout } from '../sources/resas-layout.ts';
import { defineSourceFamily } from './define-source-family.ts';

export const resasFamily = defineSourceFamily({
  layout: resasLayout,
  sourceKind: 'resas',
  missingConfig: { code: 'resas-no-config', whatJa: 'RESAS データ' },
  load: async () => (await import('./resas-family-read.ts')).resasFamilyRead,
});
