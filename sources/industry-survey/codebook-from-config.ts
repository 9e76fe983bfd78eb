// A codebook written in config (for CSV waves, which cannot carry a codebook sheet): the questions asked in
// one instrument's wave of one fiscal year.
import type { Codebook } from './codebook.ts';
import type { IndustrySurveyConfig } from './industry-survey-config.ts';

export function codebookFromConfig(config: IndustrySurveyConfig, instrument: string, fiscalYear: number): Codebook | undefined {
  const index = config.codebooks.findIndex((c) => c.instrument === instrument && c.fiscalYears.includes(fiscalYear));
  if (index < 0) return undefined;
  const entry = config.codebooks[index]!;
  const questions = entry.questions
    .filter((q) => (q.fromFiscalYear ?? -Infinity) <= fiscalYear && fiscalYear <= (q.untilFiscalYear ?? Infinity))
    .map((q) => ({
      id: q.id,
      textJa: q.textJa,
      type: q.type,
      answers: q.type === 'single' || q.type === 'multi' ? (q.answers ?? config.answerSets[q.answerSet!] ?? []) : [],
      // The default codes (99 無回答 …) are for choice questions; 99 is a real number of employees.
      nonResponse: q.nonResponse ?? (q.type === 'single' || q.type === 'multi' ? config.nonResponse : []),
      ...(q.min === undefined ? {} : { min: q.min }),
      ...(q.max === undefined ? {} : { max: q.max }),
    }));
  return { instrument, fiscalYear, sourceJa: `設定 industry-survey.yaml codebooks[${index}]`, questions };
}
