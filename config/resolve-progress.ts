// Flattens progress.yaml into indicators that know their pillar and section, checks it against plan.yaml
// (tiers, statuses, year roles) and gives each indicator without a source its own manual-entry measure.
import type { Measure, Plan } from './catalog-schema.ts';
import { configPlace } from './config-place.ts';
import { configProblem, type ConfigProblem } from './config-problem.ts';
import { progressRows } from './config-rows.ts';
import { tierHint } from './tier-hint.ts';
import type { Grading, Owner, ProgressFile, ProgressIndicator, YearRole } from './progress-schema.ts';

export interface CatalogIndicator extends ProgressIndicator {
  id: string;
  pillar: { code: string; nameJa: string };
  section: { code: string; nameJa: string };
  /** The tier as printed (plan.yaml tiers' label). */
  tierLabelJa: string;
  /** The measure whose values the indicator shows (its own manual-entry measure unless `measure` is given). */
  measureId: string;
}

export interface CatalogProgress {
  yearRoles: YearRole[];
  grading: Grading;
  indicators: CatalogIndicator[];
}

/** A plan that grades nothing: no rule applies, so every indicator-year gets the one "not graded" outcome. */
const NO_GRADING: Grading = { labelJa: '評価', grades: [], notEvaluable: { grade: '−', ruleJa: '計画に評価の規則がない' } };

/** Owners as printed: current name, with former names (old → new) in brackets. */
export function ownerNames(owners: readonly Owner[]): string[] {
  return owners.map((o) => (typeof o === 'string' ? o : `${o.nameJa}（旧 ${o.formerNamesJa.join('・')}）`));
}

export function resolveProgress(
  file: string,
  progress: ProgressFile,
  plan: Plan,
  measures: Map<string, Measure>,
  problems: ConfigProblem[],
): { progress: CatalogProgress; measures: Measure[] } {
  const statusLabels = new Set(plan.statuses.map((s) => s.labelJa));
  const place = configPlace(file, progressRows(plan.terms));
  const baselineRoles = progress.yearRoles.filter((r) => r.kind === 'baseline');
  if (baselineRoles.length > 1) problems.push(configProblem('config-progress-baseline-roles', {}, place(['yearRoles'])));
  const baselineYear = baselineRoles[0]?.fiscalYear ?? plan.baselineFiscalYear;
  const indicators: CatalogIndicator[] = [];
  const own: Measure[] = [];
  const seen = new Set<string>();
  progress.pillars.forEach((pillar, p) =>
    pillar.sections.forEach((section, s) =>
      section.indicators.forEach((indicator, k) => {
        const id = indicator.id ?? `${pillar.code}/${indicator.code}`;
        // The file, line and printed path (柱「Ⅰ」施策「Ⅰ-ⅰ」指標「1-①」.tier) of a key of this indicator.
        const here = (...key: (string | number)[]) => place(['pillars', p, 'sections', s, 'indicators', k, ...key]);
        if (seen.has(id)) problems.push(configProblem('config-progress-duplicate-id', { id }, here(...(indicator.id ? ['id'] : []))));
        seen.add(id);
        const tier = plan.tiers.find((t) => t.id === indicator.tier || t.labelJa === indicator.tier);
        if (!tier)
          problems.push(
            configProblem(
              'config-unknown-tier',
              { tier: indicator.tier, tiers: plan.tiers.map((t) => t.labelJa).join('・'), hint: tierHint(indicator.tier, plan) },
              here('tier'),
            ),
          );
        if (indicator.valueType === 'pair' && !indicator.secondary)
          problems.push(configProblem('config-progress-pair-without-secondary', {}, here('valueType')));
        if (indicator.valueType === 'status' && statusLabels.size === 0)
          problems.push(configProblem('config-progress-status-without-statuses', {}, here('valueType')));
        if (indicator.baselineText !== undefined && indicator.baselineValue !== undefined)
          problems.push(configProblem('config-progress-baseline-both', {}, here('baselineText')));
        if (indicator.target && 'status' in indicator.target && !statusLabels.has(indicator.target.status)) {
          const status = indicator.target.status;
          problems.push(configProblem('config-progress-unknown-target-status', { status, statuses: [...statusLabels].join('・') }, here('target', 'status')));
        }
        if (indicator.measure && !measures.has(indicator.measure))
          problems.push(configProblem('config-unknown-measure', { variant: 'defined', id: indicator.measure, hint: '' }, here('measure')));
        if (!indicator.measure) {
          if (measures.has(id)) problems.push(configProblem('config-progress-id-clashes-measure', { id }, here(...(indicator.id ? ['id'] : []))));
          own.push(ownMeasure(id, indicator, baselineYear));
        }
        indicators.push({
          ...indicator,
          id,
          pillar: { code: pillar.code, nameJa: pillar.nameJa },
          section: { code: section.code, nameJa: section.nameJa },
          tierLabelJa: tier?.labelJa ?? indicator.tier,
          measureId: indicator.measure ?? id,
        });
      }),
    ),
  );
  return { progress: { yearRoles: progress.yearRoles, grading: progress.grading ?? NO_GRADING, indicators }, measures: own };
}

/** The manual-entry measure of an indicator that no source adapter feeds. */
function ownMeasure(id: string, indicator: ProgressIndicator, baselineYear: number): Measure {
  return {
    id,
    nameJa: indicator.nameJa,
    unit: indicator.unit,
    decimals: indicator.decimals,
    direction: indicator.direction,
    // A progress-table figure is the year's own level: no aggregation across years applies.
    aggregation: 'stock',
    ...(indicator.baselineValue === undefined ? {} : { baseline: { fiscalYear: baselineYear, value: indicator.baselineValue } }),
    source: { kind: 'manual' },
    valueType: indicator.valueType,
    ...(indicator.secondary ? { secondaryUnit: indicator.secondary.unit } : {}),
    ...(indicator.methodJa ? { methodJa: indicator.methodJa } : {}),
    ...(indicator.owners ? { owners: ownerNames(indicator.owners) } : {}),
  };
}
