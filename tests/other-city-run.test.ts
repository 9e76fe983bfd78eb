// Another municipality's plan runs through the same pipeline with config only.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { otherCityConfig, readCsv, tempDir } from './helpers.ts';

async function inboxWith(values: Record<number, Record<string, number>>): Promise<string> {
  const catalog = await loadCatalog(otherCityConfig);
  const inbox = await tempDir();
  await mkdir(path.join(inbox, 'manual-entry'));
  for (const [year, byMeasure] of Object.entries(values)) {
    const map = new Map(Object.entries(byMeasure).map(([k, v]) => [k, { value: v }]));
    await writeFile(path.join(inbox, 'manual-entry', `${year}.xlsx`), await writeManualEntryTemplate(catalog, Number(year), { values: map }));
  }
  return inbox;
}

describe('a FY2016-baseline plan with a revised target', () => {
  it('computes indices against FY2016 and rates against the revised targets', async () => {
    const inbox = await inboxWith({
      2016: { 'shopping-street-events': 40, 'vacant-store-rate': 8.4, manufacturers: 520 },
      2021: { 'shopping-street-events': 44, 'vacant-store-rate': 9.1, manufacturers: 498 },
    });
    const out = await tempDir();
    const result = await runPipeline({ configDir: otherCityConfig, inboxDir: inbox, outDir: out, storePath: null });
    expect(result.issues).toEqual([]);

    const values = await readCsv(path.join(out, 'latest', 'indicator_values.csv'));
    const fy2021 = values.filter((r) => r.fiscal_year === '2021');
    expect(fy2021.map((r) => [r.slot_id, r.value, r.baseline_value, r.baseline_fiscal_year, r.index, r.trend, r.direction, r.assessment, r.comment])).toEqual([
      ['v1-long-1', '44', '40', '2016', '110.00', '↑', 'higher', 'improved', '感染症対策のため一部オンライン開催'],
      ['v1-long-2', '9.1', '8.4', '2016', '108.33', '↑', 'lower', 'worsened', ''],
      ['v2-long-1', '498', '520', '2016', '95.77', '↓', 'higher', 'worsened', ''],
    ]);

    const progress = await readCsv(path.join(out, 'latest', 'action_plan_progress.csv'));
    const line = progress.filter((r) => r.line_id === 'p1-1');
    // 2023's target 55 was revised to 50: the total is 45+50+50+55+60 = 260.
    expect(line.map((r) => [r.fiscal_year, r.actual, r.actual_cumulative, r.target_year, r.target_year_original, r.target_total, r.achievement_rate])).toEqual([
      ['2021', '44', '44', '45', '45', '260', '16.9'],
      ['2022', '', '', '50', '50', '260', ''],
      ['2023', '', '', '50', '55', '260', ''],
      ['2024', '', '', '55', '55', '260', ''],
      ['2025', '', '', '60', '60', '260', ''],
    ]);
    const reprint = progress.filter((r) => r.line_id === 'p1-1-reprint');
    expect(reprint[0]).toMatchObject({ reprint_of: 'p1-1', section: '2-1', target_total: '260', achievement_rate: '16.9' });
    const manifest = JSON.parse(await readFile(path.join(out, 'latest', 'manifest.json'), 'utf8'));
    expect(manifest.fiscal_years).toEqual([2016, 2021]);
  });
});
