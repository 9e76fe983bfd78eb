// The datasets are declared once (lib/datasets.ts): the row types are inferred from the columns, so the declaration
// must say the truth about each column. Given the shared sample run, every row of every dataset has exactly the
// declared columns, a column not declared nullable is never empty, and the inferred types are as precise as declared.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { datasets } from '../lib/datasets.ts';
import type { IndicatorProgressRow, IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import type { SurveyBreakdownRow } from '../lib/datasets/survey-tables.ts';
import { sampleRun } from './sample-fixtures.ts';

describe('datasets declared once', () => {
  it.each(datasets.map((d) => [d.name, d] as const))('%s: the sample run’s rows have the declared columns, empty only where nullable', async (name, spec) => {
    const file = path.join((await sampleRun()).outDir, 'latest', `${name}.json`);
    // indicator_progress is written only by a plan with a progress table; the sample's plan has none.
    if (!existsSync(file)) return expect(name).toBe('indicator_progress');
    const rows = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[];
    const columns = spec.columns.map((c) => c.name);
    const emptyButRequired = new Set<string>();
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([...columns].sort());
      for (const c of spec.columns) if (!c.nullable && (row[c.name] === null || row[c.name] === undefined)) emptyButRequired.add(c.name);
    }
    expect([...emptyButRequired]).toEqual([]);
  });

  it('infers each row field from its column: type, and | null where declared nullable', () => {
    expectTypeOf<IndicatorValueRow['value']>().toEqualTypeOf<number | null>();
    expectTypeOf<IndicatorValueRow['fiscal_year']>().toEqualTypeOf<number>();
    expectTypeOf<IndicatorValueRow['slot_id']>().toEqualTypeOf<string>();
    expectTypeOf<IndicatorValueRow['trend']>().toEqualTypeOf<string | null>();
    expectTypeOf<SurveyBreakdownRow['suppressed']>().toEqualTypeOf<boolean>();
    expectTypeOf<IndicatorProgressRow['target_met']>().toEqualTypeOf<boolean | null>();
    expect(
      datasets
        .find((d) => d.name === 'indicator_values')!
        .columns.filter((c) => c.nullable)
        .map((c) => c.name),
    ).toContain('index');
  });
});
