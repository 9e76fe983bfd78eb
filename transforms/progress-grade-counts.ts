// How many indicators of a progress table (progress.yaml) have each grade: an indicator counts once, by the grade of
// its latest year (indicator_progress's is_latest row), or as not evaluable when it has none. The committee
// workbook's summary and the dashboard's overview print the same counts in the same order.
import type { Catalog } from '../config/load-catalog.ts';
import type { CatalogProgress } from '../config/resolve-progress.ts';
import type { IndicatorProgressRow } from '../lib/datasets/indicator-tables.ts';

export interface GradeCount {
  grade: string;
  ruleJa: string;
  count: number;
}

/** An indicator's grade and the rule that gave it, as its latest row states them (not evaluable without one). */
export function indicatorGrade(progress: CatalogProgress, latest: IndicatorProgressRow | undefined): { grade: string; ruleJa: string } {
  return latest ? { grade: latest.grade, ruleJa: latest.grade_rule } : progress.grading.notEvaluable;
}

/** Every grade of the plan's rule (the first rule's words for a grade given by several), then any other grade found. */
export function progressGradeCounts(catalog: Catalog, rows: readonly IndicatorProgressRow[]): GradeCount[] {
  const progress = catalog.progress!;
  const { grading } = progress;
  const counts = new Map<string, GradeCount>();
  for (const g of [...grading.grades, grading.notEvaluable, ...(grading.definitionChanged ? [grading.definitionChanged] : [])]) {
    if (!counts.has(g.grade)) counts.set(g.grade, { grade: g.grade, ruleJa: g.ruleJa, count: 0 });
  }
  const latest = new Map(rows.filter((row) => row.is_latest).map((row) => [row.indicator_id, row]));
  for (const indicator of progress.indicators) {
    const grade = indicatorGrade(progress, latest.get(indicator.id));
    const count = counts.get(grade.grade) ?? { ...grade, count: 0 };
    count.count++;
    counts.set(grade.grade, count);
  }
  return [...counts.values()];
}
