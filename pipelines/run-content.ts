// What the outputs receive (outputs/output.ts RunContent), gathered from the computed tables and the manifest.
import type { Catalog } from '../config/load-catalog.ts';
import type { RunContent } from '../outputs/output.ts';
import type { RunManifest } from './build-manifest.ts';
import { reportFiscalYear, type RunTables } from './compute-tables.ts';

export function runContent(catalog: Catalog, manifest: RunManifest, computed: RunTables): RunContent {
  return {
    catalog,
    runId: manifest.run_id,
    folder: manifest.folder,
    manifest,
    tables: computed.tables,
    fiscalYear: reportFiscalYear(catalog, computed.years),
    indicatorValues: computed.values.rows,
    actionPlanProgress: computed.progress.rows,
    indicatorProgress: computed.indicatorProgress.rows,
    compositeIndex: computed.composite.index,
    observations: computed.observationRows,
    issues: computed.issueRows,
  };
}
