// The steps of a run that recomputes (6–10 of executeRun), gathered so that pipelines/run-pipeline.ts loads them with one
// import() once it knows the run changed: an unchanged re-run never loads the transforms' tables, the outputs' writers,
// DuckDB or PostgreSQL. Step 5 (read-families.ts) is imported on its own just before, so that the second thread's
// family is posted before these load.
export { buildManifest } from './build-manifest.ts';
export { computeIndicatorTables, computeTables } from './compute-tables.ts';
export { diffWithPrevious } from './diff-with-previous.ts';
export { evaluateRunContracts } from './evaluate-run-contracts.ts';
export { beginTargets, prepareTargets, publishTargets } from './publish-targets.ts';
export { indicatorContent, runContent } from './run-content.ts';
export { folderOutputs, writeOutputs } from './write-outputs.ts';
