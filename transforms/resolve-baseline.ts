// The baseline of a measure: the observed value of its baseline year, else the value declared in config.
// Both present and different is reported, and the observation wins (a re-sent wave moves the baseline).
import type { Measure } from '../config/catalog-schema.ts';
import { roundHalfUp } from '../lib/decimal.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { ObservationIndex } from './resolve-observations.ts';

export interface Baseline {
  fiscalYear: number;
  value: number | null;
  origin: 'observed' | 'declared' | 'missing';
}

export function resolveBaseline(measure: Measure, defaultFiscalYear: number, index: ObservationIndex): { baseline: Baseline; issues: Issue[] } {
  const fiscalYear = measure.baseline?.fiscalYear ?? defaultFiscalYear;
  const declared = measure.baseline?.value;
  const found = index.get(measure.id, fiscalYear);
  const issues: Issue[] = [];
  if (found?.status === 'observed') {
    const value = roundHalfUp(found.observation.value, measure.decimals);
    if (declared !== undefined && roundHalfUp(declared, measure.decimals) !== value) {
      issues.push(
        issueOf(
          'baseline-mismatch',
          { measure: measure.nameJa, declared, fiscalYear, value },
          { file: found.observation.provenance.file, sheet: found.observation.provenance.sheet, path: `measures.${measure.id}.baseline.value` },
          value,
        ),
      );
    }
    return { baseline: { fiscalYear, value, origin: 'observed' }, issues };
  }
  if (declared !== undefined) return { baseline: { fiscalYear, value: declared, origin: 'declared' }, issues };
  return { baseline: { fiscalYear, value: null, origin: 'missing' }, issues };
}
