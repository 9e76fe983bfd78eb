// JSON for dashboards: an array of row objects, keys in the dataset's column order, numbers as numbers.
import type { DatasetSpec } from '../lib/dataset-spec.ts';

export function formatJson(spec: DatasetSpec, rows: readonly object[]): string {
  const ordered = rows.map((row) => {
    const record = row as Record<string, unknown>;
    return Object.fromEntries(spec.columns.map((c) => [c.name, record[c.name] ?? null]));
  });
  return `${JSON.stringify(ordered, null, 1)}\n`;
}
