// The industry survey family wired: the reader (sources/industry-survey/) reads and checks the waves and frame files
// and decides which versions are in use; the transform (transforms/estimate-industry-survey.ts) estimates, rounds in
// the revision diff, suppresses, and builds the survey tables. Both load on the first read (industry-survey-family-read.ts);
// the family registry (source-families.ts) lists this.
import { industrySurveyLayout } from '../sources/industry-survey-layout.ts';
import { defineSourceFamily } from './define-source-family.ts';

export const industrySurveyFamily = defineSourceFamily({
  layout: industrySurveyLayout,
  sourceKind: 'industrySurvey',
  // Every figure a rejected wave or frame file would feed is withheld by the estimation, with its reasons.
  withholdsRejectedFiles: true,
  missingConfig: { code: 'industry-survey-no-config', whatJa: '産業基礎調査' },
  load: async () => (await import('./industry-survey-family-read.ts')).industrySurveyFamilyRead,
});
