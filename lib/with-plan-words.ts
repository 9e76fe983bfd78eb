// Dataset titles and descriptions speak the plan's own words: {pillar}, {section}, {tier}, {tier:<id>}, {tiers},
// {tierLabels}, {indicators}, {actionPlan}, {actionPlanIndicator}, {compositeTier}, {progressTable}, {period} (令和6〜9年度),
// {periodShort} (R6〜R9) are filled from plan.yaml. A plan's words only: a {tier:<id>} the plan does not have reads {tier}.
import type { Plan } from '../config/catalog-schema.ts';
import { COMPOSITE_TIER } from '../config/composite-inputs.ts';
import type { DatasetSpec } from './dataset-spec.ts';
import { eraOfFiscalYear, formatFiscalYear } from './fiscal-year.ts';

/** The heading of the action plan's indicator column: terms.actionPlanIndicator, else the `action` tier's label, else 指標. */
export function actionPlanIndicatorWord(plan: Plan): string {
  return plan.terms.actionPlanIndicator ?? plan.tiers.find((t) => t.id === 'action')?.labelJa ?? '指標';
}

export function withPlanWords(spec: DatasetSpec, plan: Plan): DatasetSpec {
  const { start, end } = plan.period;
  const era = eraOfFiscalYear(start);
  const sameEra = eraOfFiscalYear(end) === era;
  const words: Record<string, string> = {
    pillar: plan.terms.pillar,
    section: plan.terms.section,
    tier: plan.terms.tier,
    tiers: plan.tiers.map((t) => `${t.id}=${t.labelJa}`).join(', '),
    tierLabels: plan.tiers.map((t) => t.labelJa).join('・'),
    progressTable: plan.terms.progressTable,
    indicators: plan.terms.indicators,
    actionPlan: plan.terms.actionPlan,
    actionPlanIndicator: actionPlanIndicatorWord(plan),
    // The composite's inputs are the slots of one tier: a plan without it has no composite, and its (empty) tables say so.
    compositeTier: plan.tiers.find((t) => t.id === COMPOSITE_TIER)?.labelJa ?? '充実度の入力',
    period: sameEra ? `${era.name}${start - era.firstYear + 1}〜${end - era.firstYear + 1}年度` : `${formatFiscalYear(start)}〜${formatFiscalYear(end)}`,
    periodShort: `${formatFiscalYear(start, 'short')}〜${formatFiscalYear(end, 'short')}`,
  };
  const fill = (text: string) =>
    text.replace(/\{(tier:[^{}]+|[a-zA-Z]+)\}/g, (whole, key: string) =>
      key.startsWith('tier:') ? (plan.tiers.find((t) => t.id === key.slice(5))?.labelJa ?? plan.terms.tier) : (words[key] ?? whole),
    );
  return {
    ...spec,
    titleJa: fill(spec.titleJa),
    descriptionJa: fill(spec.descriptionJa),
    columns: spec.columns.map((c) => ({ ...c, descriptionJa: fill(c.descriptionJa) })),
  };
}
