// JSON for dashboards: an array of row objects, keys in the dataset's column order, numbers as numbers.
import type { DatasetSpec, PublishedTable } from '../lib/dataset-spec.ts';

export function formatJson(spec: DatasetSpec, rows: readonly object[]): string {
  const names = spec.columns.map((c) => c.name);
  // Each row's columns in the declared order (a plain loop: Object.fromEntries made a pair array per value).
  const ordered = rows.map((row) => {
    const record = row as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const name of names) out[name] = record[name] ?? null;
    return out;
  });
  return `${JSON.stringify(ordered, null, 1)}\n`;
}

const texts = new WeakMap<PublishedTable, string>();

/** A table's JSON, formatted once per table: the dataset's file and the store's staging (outputs/duckdb-store.ts) read the same text. */
export function tableJson(table: PublishedTable): string {
  let text = texts.get(table);
  if (text === undefined) texts.set(table, (text = formatJson(table.spec, table.rows)));
  return text;
}
