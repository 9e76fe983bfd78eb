// The sources `lei reprocess` can re-run, apart from the reprocessing itself so that the CLI names them in its help
// without loading the survey's schemas; the type ties each name to its family's own constant.
import type { INDUSTRY_SURVEY_FAMILY } from '../sources/industry-survey/industry-survey-family-id.ts';

export const reprocessableSources = ['industry-survey'] as const satisfies readonly (typeof INDUSTRY_SURVEY_FAMILY)[];
