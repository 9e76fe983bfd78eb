// 産業振興公社: the record exports, counted per fiscal year by the reader itself (sources/kosha-records.ts) for now.
import { koshaReader } from '../sources/kosha-adapter.ts';
import { defineSourceFamily } from './define-source-family.ts';

export const koshaFamily = defineSourceFamily({
  reader: koshaReader,
  sourceKind: 'kosha',
  missingConfig: { code: 'kosha-no-config', whatJa: '公社の記録' },
  compute: (read) => read,
});
