// What the committee workbook is written from: the run's dataset rows and the report year.
import type { CompositeIndexRow } from '../../lib/datasets/composite-tables.ts';
import type { ActionPlanProgressRow, IndicatorProgressRow, IndicatorValueRow } from '../../lib/datasets/indicator-tables.ts';

export interface CommitteeTables {
  indicatorValues: readonly IndicatorValueRow[];
  actionPlanProgress: readonly ActionPlanProgressRow[];
  /** composite_index rows (every method); the summary shows the primary one and the others as a sensitivity table. */
  composite?: readonly CompositeIndexRow[];
  /** indicator_progress rows, for a plan with a progress table (progress.yaml). */
  indicatorProgress?: readonly IndicatorProgressRow[];
  /** The report year (actual column); the baseline year comes from the catalog plan. */
  fiscalYear: number;
}
