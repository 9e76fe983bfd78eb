// The reading side of the industry survey family (industry-survey-family.ts imports it on the first read): the waves
// as read, then the estimation (the only part that needs @stdlib's quantiles).
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
import type { FamilyReading } from './define-source-family.ts';

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

export const industrySurveyFamilyRead: FamilyReading<IndustrySurveyConfig, IndustrySurveyReading> = {
  reader: industrySurveyReader,
  compute: (reading, _catalog, config) => estimateReading(reading, config),
};
