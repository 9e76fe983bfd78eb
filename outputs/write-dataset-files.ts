// Every dataset of a run as CSV (UTF-8 with BOM), JSON and Parquet, plus datapackage.json describing them.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublishedTable } from '../lib/dataset-spec.ts';
import { formatCsv } from './format-csv.ts';
import { formatDatapackage } from './format-datapackage.ts';
import { tableJson } from './format-json.ts';
import { writeParquetFiles } from './write-parquet-files.ts';

export async function writeDatasetFiles(
  dir: string,
  planId: string,
  runId: string,
  tables: readonly PublishedTable[],
  formats: { json: boolean; parquet: boolean } = { json: true, parquet: true },
): Promise<void> {
  const texts = tables.flatMap((t): [string, string][] => [
    [`${t.spec.name}.csv`, formatCsv(t.spec, t.rows)],
    ...(formats.json ? [[`${t.spec.name}.json`, tableJson(t)] satisfies [string, string]] : []),
  ]);
  await Promise.all(texts.map(([name, text]) => writeFile(path.join(dir, name), text)));
  if (formats.parquet) await writeParquetFiles(dir, tables, formats.json ? 'json' : 'rows');
  await writeFile(path.join(dir, 'datapackage.json'), formatDatapackage(planId, runId, tables, formats));
}
