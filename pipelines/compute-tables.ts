// Step 7: the published tables, computed by the transforms from the resolved values: indicator values, the action
// plan's progress, the progress table (when the plan has one), the composite, the observations, each family's own
// tables and the run's issues — in the order files, store and PostgreSQL receive them, in the plan's words. In two
// parts: the indicator tables first (the outputs may begin on them, Output.begin), then the composite and the issues.
import path from 'node:path';
import type { Catalog } from '../config/load-catalog.ts';
import type { PublishedTable } from '../lib/dataset-spec.ts';
import { compositeComponents, compositeIndex } from '../lib/datasets/composite-tables.ts';
import { actionPlanProgress, indicatorProgress, indicatorValues } from '../lib/datasets/indicator-tables.ts';
import { issuesDataset, observationsDataset, type IssueRow } from '../lib/datasets/run-tables.ts';
import type { Issue } from '../lib/issues.ts';
import { withPlanWords } from '../lib/with-plan-words.ts';
import { buildActionPlanProgress } from '../transforms/build-action-plan-progress.ts';
import { buildIndicatorProgress } from '../transforms/build-indicator-progress.ts';
import { buildIndicatorValues } from '../transforms/build-indicator-values.ts';
import { buildObservationRows } from '../transforms/build-observation-rows.ts';
import { computeComposite } from '../transforms/compute-composite.ts';
import { adapterTables } from './adapter-tables.ts';
import type { CheckedReadings } from './evaluate-run-contracts.ts';
import type { FamilyReadings } from './read-families.ts';

/** The indicator tables: what a run knows before its composite and its issues (an output that takes long starts on them). */
export interface IndicatorTables {
  years: number[];
  values: ReturnType<typeof buildIndicatorValues>;
  progress: ReturnType<typeof buildActionPlanProgress>;
  indicatorProgress: ReturnType<typeof buildIndicatorProgress>;
  observationRows: ReturnType<typeof buildObservationRows>;
  /** The source families' own tables (survey_breakdowns, …), in the plan's words. */
  sourceTables: PublishedTable[];
}

export interface RunTables extends IndicatorTables {
  composite: ReturnType<typeof computeComposite>;
  issueRows: IssueRow[];
  /** Every issue of the run, in the order issues.csv lists them. */
  issues: Issue[];
  tables: PublishedTable[];
}

export function computeIndicatorTables(catalog: Catalog, read: FamilyReadings, checked: CheckedReadings, runId: string): IndicatorTables {
  const { resolved } = checked;
  const years = fiscalYearsToReport(catalog, resolved.index.fiscalYears);
  return {
    years,
    values: buildIndicatorValues(catalog, resolved.index, years, runId),
    progress: buildActionPlanProgress(catalog, resolved.index, runId),
    indicatorProgress: buildIndicatorProgress(catalog, resolved.index, read.statuses, runId),
    observationRows: buildObservationRows(read.observations, resolved.index, runId, checked.withheld),
    sourceTables: adapterTables(read.results, runId).map((t) => ({ ...t, spec: withPlanWords(t.spec, catalog.plan) })),
  };
}

/** The composite, the issues and every published table, from the indicator tables (computed here unless given). */
export function computeTables(
  catalog: Catalog,
  read: FamilyReadings,
  checked: CheckedReadings,
  runId: string,
  indicators: IndicatorTables = computeIndicatorTables(catalog, read, checked, runId),
): RunTables {
  const { values, progress, indicatorProgress: progressTable, observationRows, sourceTables } = indicators;
  const composite = computeComposite(catalog, values.rows, runId);
  const issues = [...read.issues, ...checked.issues, ...values.issues, ...progress.issues, ...composite.issues, ...progressTable.issues];
  const issueRows: IssueRow[] = issues.map((i, n) => ({
    seq: n + 1,
    code: i.code,
    severity: i.severity,
    file: i.location.file === undefined ? null : configRelative(catalog.dir, i.location.file),
    sheet: i.location.sheet ?? null,
    row: i.location.row ?? null,
    column: i.location.column ?? null,
    path: i.location.path ?? null,
    raw: i.raw ?? null,
    message: i.message,
    run_id: runId,
  }));
  const inPlanWords = (t: PublishedTable): PublishedTable => ({ ...t, spec: withPlanWords(t.spec, catalog.plan) });
  const tables: PublishedTable[] = [
    ...(
      [
        { spec: indicatorValues, rows: values.rows },
        { spec: actionPlanProgress, rows: progress.rows },
        // Only a plan with a progress table (progress.yaml) publishes one.
        ...(catalog.progress ? [{ spec: indicatorProgress, rows: progressTable.rows }] : []),
        { spec: compositeIndex, rows: composite.index },
        { spec: compositeComponents, rows: composite.components },
        { spec: observationsDataset, rows: observationRows },
      ] satisfies PublishedTable[]
    ).map(inPlanWords),
    ...sourceTables,
    inPlanWords({ spec: issuesDataset, rows: issueRows }),
  ];
  return { ...indicators, composite, issueRows, issues, tables };
}

/** The committee reports on the latest plan year with data (令和6年度 for the first report). */
export function reportFiscalYear(catalog: Catalog, years: readonly number[]): number {
  const { start, end } = catalog.plan.period;
  const inPlan = years.filter((y) => y >= start && y <= end);
  return inPlan.at(-1) ?? years.at(-1) ?? start;
}

/** The baseline year and every year any input speaks of, so dashboards see the whole series. */
function fiscalYearsToReport(catalog: Catalog, observed: readonly number[]): number[] {
  return [...new Set([catalog.plan.baselineFiscalYear, ...observed])].sort((a, b) => a - b);
}

/** A config file is named from the config folder (as in manifest.config_files): the datasets must not depend on where the config lies. */
function configRelative(configDir: string, file: string): string {
  const prefix = configDir.endsWith(path.sep) ? configDir : `${configDir}${path.sep}`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}
