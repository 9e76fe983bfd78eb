// 産業振興公社: the records as read (sources/kosha-records.ts) → fiscal-year counts (transforms/count-kosha-records.ts),
// both loaded on the first read (kosha-family-read.ts).
import { koshaLayout } from '../sources/kosha-layout.ts';
import { defineSourceFamily } from './define-source-family.ts';

export const koshaFamily = defineSourceFamily({
  layout: koshaLayout,
  sourceKind: 'kosha',
  missingConfig: { code: 'kosha-no-config', whatJa: '公社の記録' },
  load: async () => (await import('./kosha-family-read.ts')).koshaFamilyRead,
});
