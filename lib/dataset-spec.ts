// How a published table is declared: columns with their type, nullability, unit and ja/en descriptions, and the
// primary key. Each row type is inferred from its declaration (RowOf), so a column added is a field of the row type.

export type ColumnType = 'string' | 'integer' | 'decimal' | 'boolean';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** The column may be empty (null in a row, an empty cell in the CSV). */
  nullable?: true;
  /** Unit of the column's values where it is fixed (e.g. % for 達成率); per-row units live in a unit column. */
  unit?: string;
  /** Fixed decimals when written as text (index 2, achievement rate 1); otherwise the shortest exact form. */
  decimals?: number;
  descriptionJa: string;
  descriptionEn: string;
}

export interface DatasetSpec {
  name: string;
  titleJa: string;
  descriptionJa: string;
  columns: ColumnSpec[];
  /** Columns that identify a row within a run (run_id is added by the stores). */
  primaryKey: string[];
}

/** A dataset of one run, as written to every output (files, store, PostgreSQL). */
export interface PublishedTable {
  spec: DatasetSpec;
  rows: readonly object[];
}

interface ValueOfType {
  string: string;
  integer: number;
  decimal: number;
  boolean: boolean;
}

/** The row type of a dataset, inferred from its columns: `RowOf<typeof indicatorValues>`. */
export type RowOf<D extends { columns: readonly ColumnSpec[] }> = {
  [C in D['columns'][number] as C['name']]: ValueOfType[C['type']] | (C extends { nullable: true } ? null : never);
};

type ColumnArgs<N extends string, T extends ColumnType> = [name: N, type: T, descriptionJa: string, descriptionEn: string, decimals?: number, unit?: string];

export const col = <N extends string, T extends ColumnType>(
  ...[name, type, descriptionJa, descriptionEn, decimals, unit]: ColumnArgs<N, T>
): ColumnSpec & { name: N; type: T } => ({
  name,
  type,
  descriptionJa,
  descriptionEn,
  ...(decimals === undefined ? {} : { decimals }),
  ...(unit === undefined ? {} : { unit }),
});

/** A column that may be empty: its row field is `| null`. */
export const nullableCol = <N extends string, T extends ColumnType>(...args: ColumnArgs<N, T>): ColumnSpec & { name: N; type: T; nullable: true } => ({
  ...col(...args),
  nullable: true,
});

/** Keeps each column's name, type and nullability in the spec's type, for RowOf; the primary key must name columns. */
export const dataset = <C extends ColumnSpec>(spec: Omit<DatasetSpec, 'columns' | 'primaryKey'> & { columns: C[]; primaryKey: C['name'][] }) => spec;
