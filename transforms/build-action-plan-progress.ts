// action_plan_progress: one row per action-plan line and plan year, with 達成率 against the period total.
// How the total is formed depends on the line (sum of years, end-year level, constant rate): seed001 notes (a).
import type { Target } from '../config/catalog-schema.ts';
import type { Catalog, CatalogLine } from '../config/load-catalog.ts';
import type { ActionPlanProgressRow } from '../lib/datasets/indicator-tables.ts';
import { roundHalfUp } from '../lib/decimal.ts';
import { formatFiscalYear } from '../lib/fiscal-year.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import { achievementRate, periodTotal } from './achievement-rate.ts';
import type { ObservationIndex } from './resolve-observations.ts';
import { withheldReason } from './withheld-reason.ts';

export function buildActionPlanProgress(catalog: Catalog, index: ObservationIndex, runId: string): { rows: ActionPlanProgressRow[]; issues: Issue[] } {
  const { start, end } = catalog.plan.period;
  const years = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const rows: ActionPlanProgressRow[] = [];
  const issues: Issue[] = [];

  for (const line of catalog.lines) {
    const measure = catalog.measures.get(line.measure)!;
    const total = lineTotal(line, years, catalog, issues);
    let cumulative: number | null = 0;
    for (const fiscalYear of years) {
      const found = index.get(measure.id, fiscalYear);
      let actual: number | null = found?.status === 'observed' ? roundHalfUp(found.observation.value, measure.decimals) : null;
      if (actual !== null && line.actualDecimals !== undefined) actual = roundHalfUp(actual, line.actualDecimals);
      // A gap in the years makes the running total unknown from then on.
      cumulative = cumulative === null || actual === null ? null : roundHalfUp(cumulative + actual, 6);
      const rated = line.total.kind === 'sum' ? cumulative : actual;
      const target = line.targets[String(fiscalYear)];
      const withheld = withheldReason(found);
      rows.push({
        plan_id: catalog.plan.id,
        section: line.section,
        vision: line.vision,
        line_id: line.id,
        reprint_of: line.reprintOf ?? null,
        measure_id: measure.id,
        measure_name_ja: line.measureNameJa,
        indicator_ja: line.indicatorJa,
        unit: line.unitJa ?? measure.unit,
        fiscal_year: fiscalYear,
        fiscal_year_label: formatFiscalYear(fiscalYear),
        actual,
        value_status: found?.status ?? 'missing',
        withheld_code: withheld?.code ?? null,
        withheld_reason: withheld?.reason ?? null,
        actual_cumulative: line.total.kind === 'sum' ? cumulative : null,
        target_year: effectiveTarget(target),
        target_year_original: originalTarget(target),
        target_total: total,
        total_kind: line.total.kind,
        achievement_rate: achievementRate(rated, total),
        printed_achievement_rate: line.printed?.[String(fiscalYear)]?.achievementRate ?? null,
        run_id: runId,
      });
    }
  }
  return { rows, issues };
}

/** The printed 合計 when given (it is what the plan rates against), checked against the kind's rule. */
function lineTotal(line: CatalogLine, years: number[], catalog: Catalog, issues: Issue[]): number | null {
  const computed = periodTotal(
    years.map((y) => effectiveTarget(line.targets[String(y)])),
    line.total.kind,
  );
  const declared = line.total.value;
  if (declared === undefined) return computed;
  if (computed !== declared && !line.reprintOf) {
    issues.push(
      issueOf(
        'target-total-mismatch',
        { line: line.id, indicator: line.indicatorJa, declared, kind: line.total.kind, computed: computed ?? '—' },
        { file: `${catalog.dir}/action-plan.yaml`, path: `lines.${line.id}.total` },
        declared,
      ),
    );
  }
  return declared;
}

function effectiveTarget(target: Target | undefined): number | null {
  if (target === undefined || target === null) return null;
  if (typeof target === 'number') return target;
  return target.revisions.at(-1)!.value;
}

function originalTarget(target: Target | undefined): number | null {
  if (target === undefined || target === null) return null;
  return typeof target === 'number' ? target : target.value;
}
