// The industry survey (産業基礎調査) family: inbox/industry-survey/ holds each fiscal year's respondent files (and
// re-sent versions), layout and codebooks in config/<city>/sources/industry-survey.yaml. See docs/industry-survey.md.
// This is the family's reading side; pipelines/industry-survey-family.ts adds the estimation and registers it.
import type { ConfigProblem } from '../config/load-catalog.ts';
import { configProblem } from '../config/config-problem.ts';
import { codebookFromConfig } from './industry-survey/codebook-from-config.ts';
import { industrySurveyConfigSchema, type IndustrySurveyConfig } from './industry-survey/industry-survey-config.ts';
import { INDUSTRY_SURVEY_FAMILY, readIndustrySurvey, type IndustrySurveyReading } from './industry-survey/read-industry-survey.ts';
import type { SourceReader } from './source-reader.ts';
import { countedCodes, findQuestion } from '../lib/find-survey-question.ts';

/** The family's inbox folder, formats and layout config with its load-time checks; reads the waves (no estimation). */
export const industrySurveyReader: SourceReader<IndustrySurveyConfig, IndustrySurveyReading> = {
  family: INDUSTRY_SURVEY_FAMILY,
  labelJa: '産業基礎調査の回答データ',
  extensions: ['.xlsx', '.csv'],
  configSchema: industrySurveyConfigSchema,
  read: (files, catalog, config, context) =>
    readIndustrySurvey(files, catalog.measures.values(), config, {
      ...(context?.onProgress ? { onProgress: context.onProgress } : {}),
      ...(context?.xlsxLimits ? { xlsxLimits: context.xlsxLimits } : {}),
    }),
  checkConfig: (config, catalog, file) => {
    const problems: ConfigProblem[] = [];
    const parsed = config;
    for (const measure of catalog.measures.values()) {
      if (measure.source.kind !== 'industrySurvey') continue;
      const source = measure.source;
      const where = { file, path: `（指標 ${measure.id} の source）` };
      if (!parsed) {
        problems.push(
          configProblem(
            'config-source-config-missing',
            { variant: 'plain', measure: measure.nameJa, source: '産業基礎調査', kind: 'industrySurvey', file },
            where,
          ),
        );
        continue;
      }
      const questions = Object.entries(source.questions ?? (source.instrument ? { [source.instrument]: source.question } : {}));
      for (const [instrument, reference] of questions) {
        if (!parsed.instruments.some((i) => i.id === instrument)) {
          problems.push(
            configProblem('config-survey-measure-instrument-unknown', { instrument, known: parsed.instruments.map((i) => i.id).join('、') }, where),
          );
          continue;
        }
        // Codebooks written in config are checked now; those in the vendor's workbooks when the wave is read.
        for (const codebook of parsed.codebooks.filter((c) => c.instrument === instrument)) {
          for (const year of codebook.fiscalYears) {
            const cb = codebookFromConfig(parsed, instrument, year)!;
            const q = findQuestion(cb, reference);
            if (!q) {
              const asked = codebook.questions.some((c) => c.id === reference || c.textJa === reference);
              if (!asked) problems.push(configProblem('config-survey-measure-question-unknown', { question: reference, instrument, fiscalYear: year }, where));
              continue;
            }
            const { unknown } = countedCodes(q, source.countedAnswers);
            if (unknown.length > 0)
              problems.push(
                configProblem('config-survey-measure-answer-unknown', { answers: unknown.join('」「'), question: q.id, instrument, fiscalYear: year }, where),
              );
          }
        }
      }
    }
    return problems;
  },
};
