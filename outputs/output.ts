// One interface for every target a run writes. A `folder` output writes files into the staged run folder before the
// run is switched into place (datasets, committee workbook, manifest, dashboard site): readers never see half of it.
// A `target` output receives the run after the switch (the DuckDB store, PostgreSQL; the store stages its rows before,
// counted by nothing until then): a crash before it leaves the target behind `latest`, and the next run fills it
// (pipelines/reconcile-targets.ts).
import path from 'node:path';
import type { Catalog } from '../config/load-catalog.ts';
import type { PublishedTable } from '../lib/dataset-spec.ts';
import type { CompositeIndexRow } from '../lib/datasets/composite-tables.ts';
import type { ActionPlanProgressRow, IndicatorProgressRow, IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import type { IssueRow, ObservationRow } from '../lib/datasets/run-tables.ts';

/**
 * The run's indicator tables, known before its composite, its issues and its manifest: what an output that takes long
 * (the dashboard, drawn in the run's second thread) starts on (Output.begin).
 */
export interface IndicatorContent {
  catalog: Catalog;
  runId: string;
  /** The year the committee reports on. */
  fiscalYear: number;
  indicatorValues: readonly IndicatorValueRow[];
  actionPlanProgress: readonly ActionPlanProgressRow[];
  indicatorProgress: readonly IndicatorProgressRow[];
  observations: readonly ObservationRow[];
  /** The source families' own tables (survey_breakdowns, …), also in `tables`. */
  sourceTables: readonly PublishedTable[];
}

/** What every output receives: the run's published tables, its manifest, and the rows the reports lay out. */
export interface RunContent extends IndicatorContent {
  /** The run folder's name under runs/. */
  folder: string;
  manifest: { started_at: string; finished_at: string };
  tables: readonly PublishedTable[];
  compositeIndex: readonly CompositeIndexRow[];
  issues: readonly IssueRow[];
}

export interface Output<Result = void> {
  /** For messages and tests: datasets, committee-workbook, manifest, site, store, postgres. */
  name: string;
  stage: 'folder' | 'target';
  /** `dir`: the staged folder for a `folder` output, the activated run folder for a `target`. */
  write(run: RunContent, dir: string): Promise<Result>;
  /** Starts loading what writing needs (a library, the site's chart library in the second thread) while the families are read. */
  prepare?(): void;
  /** Starts on the indicator tables while the composite and the issues are computed (`write` follows with the whole run). */
  begin?(run: IndicatorContent): void;
}

/** The run as a database target records it (its runs table row). */
export function publishedRunOf(run: RunContent, dir: string): { runId: string; folder: string; startedAt: string; finishedAt: string; manifestJson: string } {
  return {
    runId: run.runId,
    folder: path.basename(dir),
    startedAt: run.manifest.started_at,
    finishedAt: run.manifest.finished_at,
    manifestJson: JSON.stringify(run.manifest),
  };
}
