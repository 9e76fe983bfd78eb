// What the outputs receive (outputs/output.ts IndicatorContent, then RunContent), gathered from the computed tables and the manifest.
import type { Catalog } from '../config/load-catalog.ts';
import type { IndicatorContent, RunContent } from '../outputs/output.ts';
import type { RunManifest } from './build-manifest.ts';
import { reportFiscalYear, type IndicatorTables, type RunTables } from './compute-tables.ts';

export function indicatorContent(catalog: Catalog, runId: string, computed: IndicatorTables): IndicatorContent {
  return {
    catalog,
    runId,
    fiscalYear: reportFiscalYear(catalog, computed.years),
    indicatorValues: computed.values.rows,
    actionPlanProgress: computed.progress.rows,
    indicatorProgress: computed.indicatorProgress.rows,
    observations: computed.observationRows,
    sourceTables: computed.sourceTables,
  };
}

export function runContent(catalog: Catalog, manifest: RunManifest, computed: RunTables): RunContent {
  return {
    ...indicatorContent(catalog, manifest.run_id, computed),
    folder: manifest.folder,
    manifest,
    tables: computed.tables,
    compositeIndex: computed.composite.index,
    issues: computed.issueRows,
  };
}
