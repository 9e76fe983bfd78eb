// The published tables, declared once: the list the run writes, in order, and docs/datasets.md is generated from
// (scripts/generate-dataset-docs.ts). The declarations are in lib/datasets/, by group; how one is declared, with the
// row type inferred from it, is lib/dataset-spec.ts, so neither the types nor the docs can drift from the code.
import { compositeComponents, compositeIndex } from './datasets/composite-tables.ts';
import { actionPlanProgress, indicatorProgress, indicatorValues } from './datasets/indicator-tables.ts';
import { issuesDataset, observationsDataset } from './datasets/run-tables.ts';
import { surveyBreakdowns, surveyRevisions, surveyWaves } from './datasets/survey-tables.ts';

/** Tables a source adapter contributes (SourceResult.tables); the run writes each of them, empty when no file fed it. */
export const adapterDatasets = [surveyBreakdowns, surveyWaves, surveyRevisions] as const;

export const datasets = [
  indicatorValues,
  actionPlanProgress,
  indicatorProgress,
  observationsDataset,
  issuesDataset,
  compositeIndex,
  compositeComponents,
  ...adapterDatasets,
] as const;
