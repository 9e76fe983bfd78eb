// The datasets as files of the run folder (CSV always; JSON and Parquet as pipeline.yaml outputs says) and datapackage.json.
import type { Output } from './output.ts';
import { writeDatasetFiles } from './write-dataset-files.ts';

export function datasetFilesOutput(formats: { json: boolean; parquet: boolean }): Output {
  return {
    name: 'datasets',
    stage: 'folder',
    write: (run, dir) => writeDatasetFiles(dir, run.catalog.plan.id, run.runId, [...run.tables], formats),
  };
}
