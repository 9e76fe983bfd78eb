// Dataset descriptions and report headings speak only the plan's own words: a plan whose tiers are not the logic-model
// plan's (no 行動指標 `action`, no 中長期アウトカム `long`) gets no internal id and no unfilled {placeholder} anywhere.
import { describe, expect, it } from 'vitest';
import { planSchema } from '../config/catalog-schema.ts';
import { adapterDatasets, datasets } from '../lib/datasets.ts';
import { actionPlanIndicatorWord, withPlanWords } from '../lib/with-plan-words.ts';

const base = { id: 'minami', municipality: { code: '139998', nameJa: '南町' }, titleJa: '南町産業振興計画', baselineFiscalYear: 2023 };
const progressPlan = planSchema.parse({
  ...base,
  period: { start: 2025, end: 2029 },
  terms: { pillar: '基本目標', section: '施策の方向', tier: '指標の種類', actionPlan: '主な取組' },
  tiers: [
    { id: 'outcome', labelJa: '成果指標' },
    { id: 'activity', labelJa: '取組指標' },
  ],
});

describe("the plan's words", () => {
  it.each([...datasets, ...adapterDatasets].map((d) => [d.name, d] as const))('%s: no placeholder left for a plan without the default tiers', (_, spec) => {
    const worded = withPlanWords(spec, progressPlan);
    for (const text of [worded.titleJa, worded.descriptionJa, ...worded.columns.map((c) => c.descriptionJa)]) {
      expect(text).not.toMatch(/\{[a-zA-Z]+(:[^{}]*)?\}/);
      expect(text).not.toMatch(/行動指標|中長期アウトカム/);
    }
  });

  it("names the action plan's indicator column by terms.actionPlanIndicator, else the action tier, else 指標", () => {
    expect(actionPlanIndicatorWord(progressPlan)).toBe('指標');
    expect(actionPlanIndicatorWord({ ...progressPlan, terms: { ...progressPlan.terms, actionPlanIndicator: '取組の指標' } })).toBe('取組の指標');
    expect(actionPlanIndicatorWord(planSchema.parse({ ...base, period: { start: 2024, end: 2027 } }))).toBe('行動指標');
    const progress = datasets.find((d) => d.name === 'action_plan_progress')!;
    expect(withPlanWords(progress, progressPlan).descriptionJa).toBe('主な取組の指標ごと、計画年度（令和7〜11年度）ごとに1行。');
  });
});
