// A plan's own grading rule, as another ward prints it: a five-level 達成度 against the original target, with
// "not comparable: definition changed" as its own outcome (docs/config.md, step 4).
import { describe, expect, it } from 'vitest';
import { gradingSchema } from '../config/progress-schema.ts';
import { gradeIndicator, type GradeInput } from '../transforms/grade-indicator.ts';

const fiveLevels = gradingSchema.parse({
  labelJa: '達成度',
  grades: [
    { grade: 'a', ruleJa: '当初目標を大きく上回って達成（120%以上）', against: 'originalTarget', atLeast: 120 },
    { grade: 'b', ruleJa: '当初目標を達成（100%以上）', against: 'originalTarget', atLeast: 100 },
    { grade: 'c', ruleJa: 'おおむね達成（80%以上）', against: 'originalTarget', atLeast: 80 },
    { grade: 'd', ruleJa: '下回った（50%以上）', against: 'originalTarget', atLeast: 50 },
    { grade: 'e', ruleJa: '大きく下回った', against: 'originalTarget' },
  ],
  notEvaluable: { grade: '−', ruleJa: '評価できない' },
  definitionChanged: { grade: '比較不可', ruleJa: '定義が変わったため比較できない' },
});

const input = (originalTarget: number | null, extra: Partial<GradeInput> = {}): GradeInput => ({
  rates: { target: null, originalTarget, baseline: null },
  met: null,
  definitionChanged: false,
  ...extra,
});

describe('a five-level scale against the original target', () => {
  it('gives the first level whose bound holds, at the exact boundaries', () => {
    expect([120, 119.9, 100, 99.9, 80, 50, 49.9, 0].map((rate) => gradeIndicator(fiveLevels, input(rate)).grade)).toEqual([
      'a',
      'b',
      'b',
      'c',
      'c',
      'd',
      'e',
      'e',
    ]);
  });

  it('says why: the rule in the plan’s words comes with the grade', () => {
    expect(gradeIndicator(fiveLevels, input(104.2))).toEqual({ grade: 'b', ruleJa: '当初目標を達成（100%以上）' });
  });

  it('has "definition changed" as its own outcome, and "cannot be evaluated" without a rate', () => {
    expect(gradeIndicator(fiveLevels, input(130, { definitionChanged: true })).grade).toBe('比較不可');
    expect(gradeIndicator(fiveLevels, input(null)).grade).toBe('−');
  });
});
