// The industry survey family wired: the reader (sources/industry-survey/) reads and checks the waves and frame files
// and decides which versions are in use; the transform (transforms/estimate-industry-survey.ts) estimates, rounds in
// the revision diff, suppresses, and builds the survey tables. The family registry (source-families.ts) lists this.
import type { Measure } from '../config/catalog-schema.ts';
import type { SourceResult } from '../lib/observation.ts';
import type { InboxFile } from '../sources/inbox-file.ts';
import { industrySurveyReader } from '../sources/industry-survey-adapter.ts';
import type { IndustrySurveyConfig } from '../sources/industry-survey/industry-survey-config.ts';
import {
  readIndustrySurvey,
  type IndustrySurveyOptions,
  type IndustrySurveyReading,
  type WaveVersion,
} from '../sources/industry-survey/read-industry-survey.ts';
import { estimateIndustrySurvey, type SurveyTables } from '../transforms/estimate-industry-survey.ts';
import { defineSourceFamily } from './define-source-family.ts';

export interface IndustrySurveyResult extends SourceResult {
  tables: SurveyTables;
  waves: WaveVersion[];
}

/** Reads the family's files, then estimates: the published survey figures, their tables and every issue in report order. */
export async function runIndustrySurvey(
  files: readonly InboxFile[],
  measures: Iterable<Measure>,
  config: IndustrySurveyConfig,
  options: IndustrySurveyOptions = {},
): Promise<IndustrySurveyResult> {
  return estimateReading(await readIndustrySurvey(files, measures, config, options), config);
}

/** The transform side: the waves as read → the published figures, the survey tables and every issue in report order. */
function estimateReading(reading: IndustrySurveyReading, config: IndustrySurveyConfig): IndustrySurveyResult {
  return { ...estimateIndustrySurvey(reading, config), waves: reading.waves };
}

export const industrySurveyFamily = defineSourceFamily({
  reader: industrySurveyReader,
  sourceKind: 'industrySurvey',
  missingConfig: { code: 'industry-survey-no-config', whatJa: '産業基礎調査' },
  compute: (reading, _catalog, config) => estimateReading(reading, config),
});
