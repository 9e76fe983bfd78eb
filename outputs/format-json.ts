// JSON for dashboards: an array of row objects, keys in the dataset's column order, numbers as numbers.
import type { DatasetSpec } from '../lib/dataset-spec.ts';

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
