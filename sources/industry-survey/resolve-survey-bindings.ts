// The measures fed by the industry survey, with their codebook questions per instrument (measures.yaml
// source: { kind: industrySurvey, questions: { commerce: Q2, … }, countedAnswers: [1] }).
import type { Measure } from '../../config/catalog-schema.ts';
import { issueOf } from '../../lib/issue-catalog.ts';
import type { Issue } from '../../lib/issues.ts';
import type { IndustrySurveyConfig } from './industry-survey-config.ts';

export interface SurveyBinding {
  measureId: string;
  nameJa: string;
  decimals: number;
  /** Instrument id → question id or wording; empty when every instrument whose codebook has `question` is pooled. */
  questions: Map<string, string>;
  /** The question asked of every instrument (when `questions` is empty). */
  question: string;
  counted: readonly (string | number)[];
  denominator: 'answered' | 'applicable' | 'all';
  estimate: 'unweighted' | 'weighted';
}

export function resolveSurveyBindings(measures: Iterable<Measure>, config: IndustrySurveyConfig): { bindings: SurveyBinding[]; issues: Issue[] } {
  const instruments = new Set(config.instruments.map((i) => i.id));
  const bindings: SurveyBinding[] = [];
  const issues: Issue[] = [];
  for (const m of measures) {
    if (m.source.kind !== 'industrySurvey') continue;
    const s = m.source;
    const questions = new Map<string, string>(Object.entries(s.questions ?? (s.instrument ? { [s.instrument]: s.question } : {})));
    const unknown = [...questions.keys()].filter((id) => !instruments.has(id));
    if (unknown.length > 0) {
      issues.push(
        issueOf(
          'industry-survey-binding-invalid',
          { measure: m.nameJa, unknown: unknown.join('」「'), instruments: [...instruments].join('、') },
          { path: `measures.${m.id}.source.questions` },
        ),
      );
      continue;
    }
    bindings.push({
      measureId: m.id,
      nameJa: m.nameJa,
      decimals: m.decimals,
      questions,
      question: s.question,
      counted: s.countedAnswers,
      denominator: s.denominator,
      estimate: s.estimate ?? (config.design ? 'weighted' : 'unweighted'),
    });
  }
  return { bindings, issues };
}
