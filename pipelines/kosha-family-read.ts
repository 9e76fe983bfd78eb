// The reading side of the 産業振興公社 family (kosha-family.ts imports it on the first read): the records, then their
// fiscal-year counts.
import type { KoshaRecordsConfig } from '../sources/kosha-records-config.ts';
import type { KoshaRecords } from '../sources/kosha-records.ts';
import { koshaReader } from '../sources/kosha-adapter.ts';
import { countKoshaRecords } from '../transforms/count-kosha-records.ts';
import type { FamilyReading } from './define-source-family.ts';

export const koshaFamilyRead: FamilyReading<KoshaRecordsConfig, KoshaRecords> = {
  reader: koshaReader,
  compute: (records, catalog, config) => {
    const counts = countKoshaRecords(records.files, catalog, config);
    return { observations: counts.observations, gaps: counts.gaps, issues: [...records.issues, ...counts.issues], facts: records.facts };
  },
};
