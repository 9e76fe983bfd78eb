// The steps of a run that recomputes (5–10 of executeRun), gathered so that pipelines/run-pipeline.ts loads them with one
// import() once it knows the run changed: an unchanged re-run never loads the readers' caches, the transforms' tables,
// the outputs' writers, DuckDB or PostgreSQL.
export { buildManifest } from './build-manifest.ts';
export { computeTables } from './compute-tables.ts';
export { diffWithPrevious } from './diff-with-previous.ts';
export { evaluateRunContracts } from './evaluate-run-contracts.ts';
export { beginTargets, publishTargets } from './publish-targets.ts';
export { readFamilies } from './read-families.ts';
export { runContent } from './run-content.ts';
export { folderOutputs, writeOutputs } from './write-outputs.ts';
