// The published 令和6年度 tables are the test oracle: the bundled sample run must reproduce every printed
// 指数 (seed 000) and every printed 達成率 (seed 001), except the cases where the seed contradicts itself,
// which docs/seed-discrepancies.md lists with the value the pipeline gives (checked here too).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { roundHalfUp } from '../lib/decimal.ts';
import { readCsv, repoRoot } from './helpers.ts';
import { sampleRun } from './sample-fixtures.ts';

// Copies of the printed tables, with their seed line numbers (tests/fixtures/seed-tables/README.md).
const seedTables = path.join(repoRoot, 'tests', 'fixtures', 'seed-tables');

interface SeedIndicator {
  vision: number;
  tier: string;
  no: number;
  name: string;
  baseline: number | null;
  actualR6: number | null;
  actualR6Inferred: number | null;
  index: number | null;
  indexCheck: { impliedBaseline?: number[] } | null;
}
interface SeedAction {
  id: string;
  indicator: string | null;
  actualR6: number | null;
  achievementRate: number | null;
  achievementRateRaw: string | null;
}
interface Discrepancy {
  table: 'indicator_values' | 'action_plan_progress';
  key: string;
  printed: string;
  pipeline: string;
  reasonJa: string;
}

const seed000: SeedIndicator[] = JSON.parse(await readFile(path.join(seedTables, 'seed000-indicators.json'), 'utf8')).rows;
const seed001: SeedAction[] = JSON.parse(await readFile(path.join(seedTables, 'seed001-actions.json'), 'utf8')).rows;
const discrepancies: Discrepancy[] = parse(await readFile(path.join(repoRoot, 'tests', 'fixtures', 'seed-discrepancies.yaml'), 'utf8')).discrepancies;
const known = (table: Discrepancy['table'], key: string) => discrepancies.find((d) => d.table === table && d.key === key);

let values: Record<string, string>[];
let progress: Record<string, string>[];
let storePath: string;

// The bundled sample run (made once per test run, tests/sample-global-setup.ts).
beforeAll(async () => {
  const run = await sampleRun();
  storePath = run.storePath;
  values = await readCsv(path.join(run.outDir, 'latest', 'indicator_values.csv'));
  progress = await readCsv(path.join(run.outDir, 'latest', 'action_plan_progress.csv'));
});

const decimalsOf = (n: number) => (String(n).split('.')[1] ?? '').length;
const slotKey = (r: SeedIndicator) => `v${r.vision}-${r.tier}-${r.no}`;

describe('seed 000: ソーシャルインパクト指標一覧 (FY2024)', () => {
  const printed = seed000.filter((r) => r.index !== null);

  it('has every printed index in the research extraction', () => {
    expect(printed.length).toBe(65);
  });

  it.each(printed.map((r) => [slotKey(r), r] as const))('%s reproduces the printed value and index', (key, r) => {
    const row = values.find((v) => v.slot_id === key && v.fiscal_year === '2024');
    expect(row, `no FY2024 row for ${key}`).toBeDefined();
    const discrepancy = known('indicator_values', key);
    if (discrepancy) {
      expect(`${row!.value} ${row!.index}`).toBe(discrepancy.pipeline);
      return;
    }
    expect(row!.index).toBe(r.index!.toFixed(2));
    const actual = r.actualR6 ?? r.actualR6Inferred;
    if (actual !== null) expect(Number(row!.value)).toBe(actual);
    const implied = r.indexCheck?.impliedBaseline?.[0];
    if (implied !== undefined) expect(Number(row!.baseline_value)).toBe(implied);
    // The report prints some baselines rounded (51 for 50.6): the data must round back to the printed figure.
    else if (r.baseline !== null) expect(roundHalfUp(Number(row!.baseline_value), decimalsOf(r.baseline))).toBe(r.baseline);
  });

  it('prints no index where the seed prints none because the baseline is 0 or missing', () => {
    for (const r of seed000.filter((s) => s.index === null && (s.baseline === null || s.baseline === 0))) {
      const row = values.find((v) => v.slot_id === slotKey(r) && v.fiscal_year === '2024');
      expect(row?.index, slotKey(r)).toBe('');
    }
  });

  it('keeps the plain ratio for the lower-is-better 区内倒産事業者数 and reads it as worse', () => {
    const row = values.find((v) => v.slot_id === 'v2-long-2' && v.fiscal_year === '2024');
    expect(row).toMatchObject({ value: '59', baseline_value: '50', index: '118.00', trend: '↑', direction: 'lower', assessment: 'worsened' });
  });
});

describe('seed 001: アクションプラン 達成率 (FY2024)', () => {
  const printed = seed001.filter((r) => r.indicator && r.achievementRate !== null);

  it.each(printed.map((r) => [r.id, r] as const))('%s reproduces the printed 達成率', (id, r) => {
    const row = progress.find((p) => p.line_id === id && p.fiscal_year === '2024');
    expect(row, `no FY2024 row for ${id}`).toBeDefined();
    const discrepancy = known('action_plan_progress', id);
    if (discrepancy) {
      expect(`${row!.actual} ${row!.achievement_rate}`).toBe(discrepancy.pipeline);
      return;
    }
    expect(Number(row!.printed_achievement_rate)).toBe(r.achievementRate);
    // Rates printed as whole numbers (25%, 101%) agree to the integer.
    const decimals = r.achievementRateRaw?.includes('.') ? 1 : 0;
    expect(Number(row!.achievement_rate).toFixed(decimals)).toBe(r.achievementRate!.toFixed(decimals));
  });
});

describe('the embedded store, as a dashboard reads it', () => {
  it('returns the printed FY2024 index of every slot from latest_indicator_values', async () => {
    const db = await DuckDBInstance.create(storePath, { access_mode: 'READ_ONLY' });
    const connection = await db.connect();
    const rows = (await connection.runAndReadAll(`SELECT slot_id, "index" FROM latest_indicator_values WHERE fiscal_year = 2024`)).getRowObjects();
    connection.closeSync();
    db.closeSync();
    const stored = new Map(rows.map((r) => [String(r.slot_id), r.index as number | null]));
    expect(stored.size).toBe(103);
    for (const r of seed000.filter((s) => s.index !== null)) {
      const key = slotKey(r);
      const discrepancy = known('indicator_values', key);
      expect(stored.get(key), key).toBe(discrepancy ? Number(discrepancy.pipeline.split(' ')[1]) : r.index);
    }
  });
});

describe('docs/seed-discrepancies.md', () => {
  it('lists every known discrepancy with the value the pipeline gives', async () => {
    const doc = await readFile(path.join(repoRoot, 'docs', 'seed-discrepancies.md'), 'utf8');
    for (const d of discrepancies) {
      expect(doc, d.key).toContain(`\`${d.key}\``);
      expect(doc, d.key).toContain(d.pipeline);
    }
  });
});
