// Parquet through an in-memory DuckDB. From the run's JSON files when they are written: DuckDB reads them and writes
// the Parquet in its own thread, so the run's other outputs are built meanwhile; otherwise the rows are appended into
// a table per dataset first. Either way each column has its dataset type and the rows keep their order.
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { PublishedTable } from '../lib/dataset-spec.ts';
import { appendRows, createTableSql, jsonSource, sqlString } from './duckdb-tables.ts';

// One thread keeps row order and bytes the same on every run.
const SETTINGS = { threads: '1' };

/**
 * The converter from JSON, made once per process and never closed: it holds no table, and closing a database blocks
 * the main thread (30–200 ms measured) while the other outputs wait for it; the process's end frees it.
 */
let converter: Promise<DuckDBInstance> | undefined;

/** `json`: `<dataset>.json` of every table is already in `dir` (outputs/format-json.ts). */
export async function writeParquetFiles(dir: string, tables: readonly PublishedTable[], source: 'json' | 'rows' = 'rows'): Promise<string[]> {
  const copy = (from: string, t: PublishedTable) => `COPY ${from} TO ${sqlString(parquetFile(dir, t))} (FORMAT parquet, COMPRESSION zstd);`;
  if (source === 'json') {
    converter ??= DuckDBInstance.create(':memory:', SETTINGS);
    const connection = await (await converter).connect();
    try {
      // One statement list, one call into DuckDB, so no step waits for a turn of the busy main thread.
      await connection.run(tables.map((t) => copy(`(SELECT * FROM ${jsonSource(path.join(dir, `${t.spec.name}.json`), t.spec)})`, t)).join('\n'));
    } finally {
      connection.closeSync();
    }
    return tables.map((t) => parquetFile(dir, t));
  }
  const instance = await DuckDBInstance.create(':memory:', SETTINGS);
  const connection = await instance.connect();
  try {
    for (const t of tables) await connection.run(copy(await appendedTable(connection, t), t));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return tables.map((t) => parquetFile(dir, t));
}

const parquetFile = (dir: string, t: PublishedTable) => path.join(dir, `${t.spec.name}.parquet`);

async function appendedTable(connection: DuckDBConnection, t: PublishedTable): Promise<string> {
  await connection.run(createTableSql(t.spec));
  await appendRows(connection, t);
  return `"${t.spec.name}"`;
}
