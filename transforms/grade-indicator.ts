// The plan's own grading rule applied to one indicator-year: the first declared grade whose condition holds.
import type { Grading, GradeRule } from '../config/progress-schema.ts';

export interface GradeInput {
  /** Rates (%, 1 decimal) against each reference, direction already applied; null when not comparable. */
  rates: { target: number | null; originalTarget: number | null; baseline: number | null };
  /** For a state target: met or not; null when the figure is not a state or is not applicable. */
  met: boolean | null;
  /** The definition changed at or before this year. */
  definitionChanged: boolean;
}

export function gradeIndicator(grading: Grading, input: GradeInput): { grade: string; ruleJa: string } {
  if (input.definitionChanged && grading.definitionChanged) return grading.definitionChanged;
  const rule = grading.grades.find((g) => holds(g, input));
  return rule ? { grade: rule.grade, ruleJa: rule.ruleJa } : grading.notEvaluable;
}

function holds(rule: GradeRule, input: GradeInput): boolean {
  if (rule.status) return input.met !== null && input.met === (rule.status === 'met');
  const rate = rule.against ? input.rates[rule.against] : null;
  if (rate === null) return false;
  return (
    (rule.atLeast === undefined || rate >= rule.atLeast) &&
    (rule.above === undefined || rate > rule.above) &&
    (rule.atMost === undefined || rate <= rule.atMost) &&
    (rule.below === undefined || rate < rule.below)
  );
}
