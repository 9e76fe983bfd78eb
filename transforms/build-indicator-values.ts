// indicator_values: one row per logic-model slot and fiscal year, with baseline, 指数 and ↑→↓.
import type { Catalog } from '../config/load-catalog.ts';
import type { Direction } from '../config/catalog-schema.ts';
import type { IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import { roundHalfUp } from '../lib/decimal.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import type { Issue } from '../lib/issues.ts';
import { computeIndex } from './compute-index.ts';
import { resolveBaseline, type Baseline } from './resolve-baseline.ts';
import type { ObservationIndex } from './resolve-observations.ts';
import { trendMark } from './trend-mark.ts';
import { withheldReason } from './withheld-reason.ts';

export function buildIndicatorValues(
  catalog: Catalog,
  index: ObservationIndex,
  fiscalYears: readonly number[],
  runId: string,
): { rows: IndicatorValueRow[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const baselines = new Map<string, Baseline>();
  for (const measure of catalog.measures.values()) {
    const resolved = resolveBaseline(measure, catalog.plan.baselineFiscalYear, index);
    baselines.set(measure.id, resolved.baseline);
    issues.push(...resolved.issues);
  }

  const rows: IndicatorValueRow[] = [];
  for (const slot of catalog.slots) {
    const measure = catalog.measures.get(slot.measure)!;
    const baseline = baselines.get(measure.id)!;
    for (const fiscalYear of fiscalYears) {
      const found = index.get(measure.id, fiscalYear);
      let value: number | null = null;
      let status: string;
      if (found?.status === 'observed') {
        value = roundHalfUp(found.observation.value, measure.decimals);
        status = 'observed';
      } else if (found?.status === 'conflict') {
        status = 'conflict';
      } else if (found?.status === 'incomplete' || found?.status === 'invalid') {
        status = found.status;
      } else if (fiscalYear === baseline.fiscalYear && baseline.origin === 'declared') {
        value = baseline.value;
        status = 'declared';
      } else {
        status = 'missing';
      }
      const observation = found?.status === 'observed' ? found.observation : undefined;
      const gap = found?.status === 'incomplete' || found?.status === 'invalid' ? found.gap : undefined;
      const idx = computeIndex(value, baseline.value);
      const withheld = withheldReason(found);
      rows.push({
        plan_id: catalog.plan.id,
        vision: slot.vision,
        also_visions: (slot.alsoVisions ?? []).join(';'),
        tier: slot.tier,
        position: slot.position,
        slot_id: slot.id,
        measure_id: measure.id,
        name_ja: slot.nameJa,
        previous_name_ja: slot.previousNameJa ?? null,
        unit: slot.unitJa ?? measure.unit,
        fiscal_year: fiscalYear,
        fiscal_year_label: formatFiscalYear(fiscalYear),
        value,
        baseline_value: baseline.value,
        baseline_fiscal_year: baseline.value === null ? null : baseline.fiscalYear,
        index: idx,
        trend: trendMark(idx),
        direction: measure.direction,
        assessment: assess(idx, measure.direction),
        n: observation?.n ?? null,
        ci_low: observation?.ciLow ?? null,
        ci_high: observation?.ciHigh ?? null,
        value_status: status,
        withheld_code: withheld?.code ?? null,
        withheld_reason: withheld?.reason ?? null,
        source_kind: observation?.sourceKind ?? gap?.sourceKind ?? (status === 'declared' ? 'config' : null),
        comment: observation?.comment ?? gap?.reasonJa ?? slot.comments?.[String(fiscalYear)] ?? null,
        reference_period: observation?.referencePeriod ?? null,
        source_vintage: observation?.sourceVintage ?? null,
        run_id: runId,
      });
    }
  }
  return { rows, issues };
}

/** The printed index keeps the plain ratio even for lower-is-better measures; the good/bad reading is explicit here. */
function assess(idx: number | null, direction: Direction): string | null {
  if (idx === null || direction === 'unknown') return null;
  if (idx === 100) return 'unchanged';
  return idx > 100 === (direction === 'higher') ? 'improved' : 'worsened';
}
