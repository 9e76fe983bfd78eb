// 産業振興公社: the records as read (sources/kosha-records.ts) → fiscal-year counts (transforms/count-kosha-records.ts).
import { koshaReader } from '../sources/kosha-adapter.ts';
import { countKoshaRecords } from '../transforms/count-kosha-records.ts';
import { defineSourceFamily } from './define-source-family.ts';

export const koshaFamily = defineSourceFamily({
  reader: koshaReader,
  sourceKind: 'kosha',
  missingConfig: { code: 'kosha-no-config', whatJa: '公社の記録' },
  compute: (records, catalog, config) => {
    const counts = countKoshaRecords(records.files, catalog, config);
    return { observations: counts.observations, gaps: counts.gaps, issues: [...records.issues, ...counts.issues], facts: records.facts };
  },
});
