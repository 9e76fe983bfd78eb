// Creating and filling DuckDB tables from dataset specs: shared by the store and the Parquet writer.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, ColumnType, PublishedTable } from '../lib/dataset-spec.ts';

const SQL_TYPES: Record<ColumnType, string> = { string: 'VARCHAR', integer: 'BIGINT', decimal: 'DOUBLE', boolean: 'BOOLEAN' };

export function sqlTypeOf(column: ColumnSpec): string {
  return SQL_TYPES[column.type];
}

export function columnSql(column: ColumnSpec): string {
  return `"${column.name}" ${sqlTypeOf(column)}`;
}

/** A dataset's JSON file (outputs/format-json.ts) read with the dataset's columns and types, nothing guessed (a date-like text stays text). */
export function jsonSource(file: string, spec: PublishedTable['spec']): string {
  const columns = spec.columns.map((c) => `${sqlString(c.name)}: ${sqlString(sqlTypeOf(c))}`).join(', ');
  return `read_json(${sqlString(file)}, format = 'array', auto_detect = false, columns = {${columns}})`;
}

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function createTableSql(table: PublishedTable['spec'], name = table.name): string {
  return `CREATE TABLE IF NOT EXISTS "${name}" (${table.columns.map(columnSql).join(', ')})`;
}

export async function appendRows(connection: DuckDBConnection, { spec, rows }: PublishedTable, name = spec.name): Promise<void> {
  const appender = await connection.createAppender(name);
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    for (const c of spec.columns) {
      const v = record[c.name];
      if (v === null || v === undefined) appender.appendNull();
      else if (c.type === 'string') appender.appendVarchar(String(v));
      else if (c.type === 'integer') appender.appendBigInt(BigInt(v as number));
      else if (c.type === 'decimal') appender.appendDouble(v as number);
      else appender.appendBoolean(Boolean(v));
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
