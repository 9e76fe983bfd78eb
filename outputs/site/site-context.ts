// What every page of the dashboard reads: the run's dataset rows (the same rows the CSV files hold), the plan's
// words from the catalog, and the paths pages link each other by.
import type { Catalog, CatalogSlot } from '../../config/load-catalog.ts';
import type { PublishedTable } from '../../lib/dataset-spec.ts';
import { adapterDatasets } from '../../lib/datasets.ts';
import type { CompositeIndexRow } from '../../lib/datasets/composite-tables.ts';
import type { ActionPlanProgressRow, IndicatorProgressRow, IndicatorValueRow } from '../../lib/datasets/indicator-tables.ts';
import type { IssueRow, ObservationRow } from '../../lib/datasets/run-tables.ts';
import { formatFiscalYear } from '../../lib/fiscal-year.ts';
import { visionTableName, visionTables, type VisionTable } from '../../transforms/vision-tables.ts';
import type { NavEntry } from './site-page.ts';

/**
 * What every page but the overview and the data page shows: the run's indicator tables, known before its composite and
 * its issues (a run's second thread starts drawing on them, site-job.ts).
 */
export interface SiteRows {
  runId: string;
  /** The report year (the committee's actual column). */
  fiscalYear: number;
  indicatorValues: readonly IndicatorValueRow[];
  actionPlanProgress: readonly ActionPlanProgressRow[];
  /** The progress table's rows (progress.yaml); none for a plan without one. */
  indicatorProgress: readonly IndicatorProgressRow[];
  observations: readonly ObservationRow[];
  /** The source families' own tables (the breakdowns are read from survey_breakdowns). */
  sourceTables: readonly PublishedTable[];
  formats: { json: boolean; parquet: boolean };
  /** Further files of the run folder the data page links to (manifest.json, committee_report.xlsx). */
  otherFiles: readonly string[];
}

/** What the overview and the data page add once the run is complete: its composite, its issues and its datasets. */
export interface SiteSummary {
  compositeIndex: readonly CompositeIndexRow[];
  issues: readonly IssueRow[];
  /** Every dataset of the run, with its row count (the data page lists their files). */
  datasets: readonly { name: string; titleJa: string; rows: number }[];
}

export type SiteInput = SiteRows & SiteSummary;

/** A run's tables as the site takes them: the source families' own (with their rows), and every one with its row count. */
export function siteTables(tables: readonly PublishedTable[]): Pick<SiteInput, 'sourceTables' | 'datasets'> {
  return {
    sourceTables: tables.filter((t) => adapterDatasets.some((spec) => spec.name === t.spec.name)),
    datasets: siteDatasets(tables),
  };
}

export function siteDatasets(tables: readonly PublishedTable[]): SiteSummary['datasets'] {
  return tables.map((t) => ({ name: t.spec.name, titleJa: t.spec.titleJa, rows: t.rows.length }));
}

export interface SiteContext {
  catalog: Catalog;
  input: SiteRows;
  siteTitle: string;
  runLine: string;
  /** The navigation: only the sections the plan has. */
  nav: NavEntry[];
  tables: VisionTable[];
  /** indicator_values rows by slot id, then fiscal year. */
  rowsBySlot: Map<string, Map<number, IndicatorValueRow>>;
  /** Measures printed in the logic model, in the order of the vision tables. */
  measureIds: string[];
  /** The rows of indicator_values, observations and action_plan_progress by measure (and the last by line), in row order. */
  valuesByMeasure: Map<string, IndicatorValueRow[]>;
  observationsByMeasure: Map<string, ObservationRow[]>;
  progressByMeasure: Map<string, ActionPlanProgressRow[]>;
  progressByLine: Map<string, ActionPlanProgressRow[]>;
  /** indicator_progress rows by indicator, in row order (fiscal year). */
  progressByIndicator: Map<string, IndicatorProgressRow[]>;
}

/** value_status values for which a figure exists in the inputs but is not published. */
export const WITHHELD = new Set(['conflict', 'incomplete', 'invalid']);

export const STATUS_JA: Record<string, string> = {
  observed: '観測値',
  declared: '設定に記載の基準値',
  missing: '値なし（未集計・欠測）',
  conflict: '不公表: 入力値が矛盾するため不採用',
  incomplete: '不公表: 元データが揃わない',
  invalid: '不公表: 元データが検査に通らない',
};

export const ASSESSMENT_JA: Record<string, string> = { improved: '改善', worsened: '悪化', unchanged: '変化なし' };
export const DIRECTION_JA: Record<string, string> = { higher: '高いほど良い', lower: '低いほど良い', unknown: '方向なし（良し悪しを判断しない）' };

export function siteContext(catalog: Catalog, input: SiteRows): SiteContext {
  const rowsBySlot = new Map<string, Map<number, IndicatorValueRow>>();
  for (const r of input.indicatorValues) {
    const byYear = rowsBySlot.get(r.slot_id) ?? new Map<number, IndicatorValueRow>();
    byYear.set(r.fiscal_year, r);
    rowsBySlot.set(r.slot_id, byYear);
  }
  const tables = visionTables(catalog);
  const measureIds = [...new Set(tables.flatMap((t) => t.slots.map((s) => s.measure)))];
  const { plan } = catalog;
  return {
    catalog,
    input,
    siteTitle: `${plan.municipality.nameJa}　${plan.titleJa}`,
    runLine: `${formatFiscalYear(input.fiscalYear)}実績　基準年度 ${formatFiscalYear(plan.baselineFiscalYear)}　実行ID ${input.runId}`,
    nav: siteNav(catalog, tables),
    tables,
    rowsBySlot,
    measureIds,
    // Each page reads its own measure's rows: grouped once here, not filtered from every row on every page.
    valuesByMeasure: groupBy(input.indicatorValues, (r) => r.measure_id),
    observationsByMeasure: groupBy(input.observations, (o) => o.measure_id),
    progressByMeasure: groupBy(input.actionPlanProgress, (p) => p.measure_id),
    progressByLine: groupBy(input.actionPlanProgress, (p) => p.line_id),
    progressByIndicator: groupBy(input.indicatorProgress, (p) => p.indicator_id),
  };
}

export const PROGRESS_PAGE = 'progress.html';

/** The sections a plan has: a logic model (vision tables), a progress table, an action plan; a section it lacks is not listed. */
function siteNav(catalog: Catalog, tables: readonly VisionTable[]): NavEntry[] {
  const { terms } = catalog.plan;
  const entry = (section: NavEntry['section'], to: string, label: string, present = true): NavEntry[] => (present ? [{ section, to, label }] : []);
  return [
    ...entry('overview', 'index.html', '概要'),
    ...entry('visions', 'visions/index.html', terms.pillar, tables.length > 0),
    ...entry('indicators', 'indicators/index.html', '指標一覧', tables.length > 0),
    ...entry('progress', PROGRESS_PAGE, terms.progressTable, catalog.progress !== undefined),
    ...entry('action-plan', 'action-plan.html', terms.actionPlan, catalog.lines.length > 0),
    ...entry('data', 'data.html', 'データ'),
  ];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export const visionPagePath = (visions: readonly number[]) => `visions/vision-${visions.join('-')}.html`;
/** Ids may be printed codes (Ⅰ/1-②): characters a file name or a URL cannot hold become _. */
export const indicatorPagePath = (measureId: string) => `indicators/${measureId.replace(/[/\\?%*:|"<>#\s]/g, '_')}.html`;

/** The plan's label of a tier (行動指標 …), from plan.yaml tiers. */
export function tierLabel(catalog: Catalog, id: string): string {
  return catalog.plan.tiers.find((t) => t.id === id)?.labelJa ?? id;
}

export function visionTitle(catalog: Catalog, visions: readonly number[]): string {
  return `${visionTableName(catalog, visions)}　${visions.map((v) => catalog.plan.visions.find((x) => x.number === v)?.titleJa ?? '').join('／')}`;
}

/** The report year's row of a slot, and its baseline even when that year has no row (as the workbook prints it). */
export function slotFigures(ctx: SiteContext, slot: CatalogSlot): { row: IndicatorValueRow | undefined; baseline: number | null } {
  const byYear = ctx.rowsBySlot.get(slot.id);
  const row = byYear?.get(ctx.input.fiscalYear);
  const baseline = row?.baseline_value ?? byYear?.values().next().value?.baseline_value ?? null;
  return { row, baseline };
}
