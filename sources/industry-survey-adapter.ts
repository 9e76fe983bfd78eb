// The industry survey (産業基礎調査) family: inbox/industry-survey/ holds each fiscal year's respondent files (and
// re-sent versions), layout and codebooks in config/<city>/sources/industry-survey.yaml. See docs/industry-survey.md.
// This is the family's reading side; pipelines/industry-survey-family.ts adds the estimation and registers it.
import type { IndustrySurveyConfig } from './industry-survey/industry-survey-config.ts';
import { readIndustrySurvey, type IndustrySurveyReading } from './industry-survey/read-industry-survey.ts';
import { industrySurveyLayout } from './industry-survey-layout.ts';
import type { SourceReader } from './source-reader.ts';

/** The family's layout (industry-survey-layout.ts) and the reading of the waves (no estimation). */
export const industrySurveyReader: SourceReader<IndustrySurveyConfig, IndustrySurveyReading> = {
  ...industrySurveyLayout,
  read: (files, catalog, config, context) =>
    readIndustrySurvey(files, catalog.measures.values(), config, {
      ...(context?.onProgress ? { onProgress: context.onProgress } : {}),
      ...(context?.xlsxLimits ? { xlsxLimits: context.xlsxLimits } : {}),
    }),
};
