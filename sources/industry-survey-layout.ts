// The industry survey family's identity and layout config with its load-time checks (no reading code, so configuring
// a run loads none); sources/industry-survey-adapter.ts adds the reading.
import type { ConfigProblem } from '../config/load-catalog.ts';
import { configProblem } from '../config/config-problem.ts';
import { countedCodes, findQuestion } from '../lib/find-survey-question.ts';
import { codebookFromConfig } from './industry-survey/codebook-from-config.ts';
import type { IndustrySurveyConfig } from './industry-survey/industry-survey-config.ts';
import { INDUSTRY_SURVEY_FAMILY } from './industry-survey/industry-survey-family-id.ts';
import type { SourceLayout } from './source-reader.ts';

/** The family's inbox folder, formats and layout config with its load-time checks. */
export const industrySurveyLayout: SourceLayout<IndustrySurveyConfig> = {
  family: INDUSTRY_SURVEY_FAMILY,
  labelJa: '産業基礎調査の回答データ',
  extensions: ['.xlsx', '.csv'],
  loadConfigSchema: () => import('./industry-survey/industry-survey-config.ts').then((m) => m.industrySurveyConfigSchema),
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
