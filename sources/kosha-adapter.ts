// The 産業振興公社 family: inbox/kosha/*.csv|*.xlsx, layout in config/<city>/sources/kosha.yaml.
import type { KoshaRecordsConfig } from './kosha-records-config.ts';
import { koshaLayout } from './kosha-layout.ts';
import { readKoshaRecords, type KoshaRecords } from './kosha-records.ts';
import type { SourceReader } from './source-reader.ts';

// Reads the records only; pipelines/kosha-family.ts counts them per fiscal year (transforms/count-kosha-records.ts).
export const koshaReader: SourceReader<KoshaRecordsConfig, KoshaRecords> = {
  ...koshaLayout,
  read: (files, catalog, config, context) => readKoshaRecords(files, catalog, config, context?.xlsxLimits),
};
