// Flattens progress.yaml into indicators that know their pillar and section, checks it against plan.yaml
// (tiers, statuses, year roles) and gives each indicator without a source its own manual-entry measure.
import type { Measure, Plan } from './catalog-schema.ts';
import type { ConfigProblem } from './load-catalog.ts';
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
  const baselineRoles = progress.yearRoles.filter((r) => r.kind === 'baseline');
  if (baselineRoles.length > 1) problems.push({ file, path: 'yearRoles', message: '基準値の役割（kind: baseline）は1つだけにしてください' });
  const baselineYear = baselineRoles[0]?.fiscalYear ?? plan.baselineFiscalYear;
  const indicators: CatalogIndicator[] = [];
  const own: Measure[] = [];
  const seen = new Set<string>();
  for (const pillar of progress.pillars) {
    for (const section of pillar.sections) {
      for (const indicator of section.indicators) {
        const id = indicator.id ?? `${pillar.code}/${indicator.code}`;
        const where = `${plan.terms.pillar}「${pillar.code}」${plan.terms.section}「${section.code}」指標「${indicator.code}${indicator.id ? `（${indicator.id}）` : ''}」`;
        const problem = (message: string) => problems.push({ file, path: where, message });
        if (seen.has(id)) problem(`ID「${id}」が重複しています。同じ柱で番号が重なるときは id を書いてください`);
        seen.add(id);
        const tier = plan.tiers.find((t) => t.id === indicator.tier || t.labelJa === indicator.tier);
        if (!tier) problem(`区分「${indicator.tier}」は plan.yaml の tiers にありません（${plan.tiers.map((t) => t.labelJa).join('・')}）`);
        if (indicator.valueType === 'pair' && !indicator.secondary)
          problem('2つの数値を持つ指標（valueType: pair）には secondary（2つ目の数値の単位）を書いてください');
        if (indicator.valueType === 'status' && statusLabels.size === 0)
          problem('状態で示す指標（valueType: status）には plan.yaml の statuses（実施・未実施 など）が必要です');
        if (indicator.baselineText !== undefined && indicator.baselineValue !== undefined)
          problem('基準値は baselineValue（数値）か baselineText（文章）のどちらか一方を書いてください');
        if (indicator.target && 'status' in indicator.target && !statusLabels.has(indicator.target.status)) {
          problem(`目標「${indicator.target.status}」は plan.yaml の statuses にありません`);
        }
        if (indicator.measure && !measures.has(indicator.measure)) problem(`指標ID「${indicator.measure}」は measures*.yaml に定義されていません`);
        if (!indicator.measure) {
          if (measures.has(id)) problem(`ID「${id}」は measures*.yaml の指標IDと重なっています`);
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
      }
    }
  }
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
