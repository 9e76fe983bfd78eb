// Parquet through an in-memory DuckDB: one table per dataset, appended in row order, then COPY … TO.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { PublishedTable } from '../lib/dataset-spec.ts';
import { appendRows, createTableSql } from './duckdb-tables.ts';

export async function writeParquetFiles(dir: string, tables: readonly PublishedTable[]): Promise<string[]> {
  // One thread keeps row order and bytes the same on every run.
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const written: string[] = [];
  try {
    for (const t of tables) {
      await connection.run(createTableSql(t.spec));
      await appendRows(connection, t);
      const file = path.join(dir, `${t.spec.name}.parquet`);
      await connection.run(`COPY "${t.spec.name}" TO '${file.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`);
      written.push(file);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return written;
}
