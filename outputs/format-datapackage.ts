// datapackage.json: a Frictionless Data Package describing every file of the run — machine names apart
// from human titles, types, units, and descriptions in Japanese and English — for dashboards and BI tools.
import type { ColumnType, PublishedTable } from '../lib/dataset-spec.ts';

const FRICTIONLESS_TYPES: Record<ColumnType, string> = { string: 'string', integer: 'integer', decimal: 'number', boolean: 'boolean' };

export function formatDatapackage(
  planId: string,
  runId: string,
  tables: readonly PublishedTable[],
  formats: { json: boolean; parquet: boolean } = { json: true, parquet: true },
): string {
  const resources = tables.flatMap(({ spec }) => {
    const schema = {
      fields: spec.columns.map((c) => ({
        name: c.name,
        type: FRICTIONLESS_TYPES[c.type],
        description: c.descriptionJa,
        description_en: c.descriptionEn,
        ...(c.unit ? { unit: c.unit } : {}),
        ...(c.decimals !== undefined ? { decimals: c.decimals } : {}),
      })),
      primaryKey: ['run_id', ...spec.primaryKey],
    };
    const base = { title: spec.titleJa, description: spec.descriptionJa, schema };
    return [
      { name: `${spec.name}-csv`, path: `${spec.name}.csv`, format: 'csv', encoding: 'utf-8-sig', mediatype: 'text/csv', ...base },
      ...(formats.json ? [{ name: `${spec.name}-json`, path: `${spec.name}.json`, format: 'json', mediatype: 'application/json', ...base }] : []),
      ...(formats.parquet
        ? [{ name: `${spec.name}-parquet`, path: `${spec.name}.parquet`, format: 'parquet', mediatype: 'application/vnd.apache.parquet', ...base }]
        : []),
    ];
  });
  return `${JSON.stringify({ profile: 'data-package', name: `${planId}-${runId}`, id: runId, resources }, null, 1)}\n`;
}
