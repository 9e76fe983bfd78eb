// The whole-job benchmark's inbox (scripts/bench/make-scale-inbox.ts), made small: the sample with a larger FY2024
// commerce wave, one long 公社 consultation export and ten fiscal years of Pay reports must ingest without an error.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { makeScaleInbox } from '../scripts/bench/make-scale-inbox.ts';
import { setagayaConfig, tablesOnlyConfig, tempDir } from './helpers.ts';
import { sampleInbox } from './sample-fixtures.ts';

const csv = async (file: string) =>
  Papa.parse<Record<string, string>>((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('the scale inbox', () => {
  it('reads every family without an error at the requested sizes', async () => {
    const inbox = path.join(await tempDir(), 'inbox');
    await makeScaleInbox(inbox, { respondents: 2_500, koshaRecords: 20_000, sampleInbox: await sampleInbox() });
    expect((await readdir(path.join(inbox, 'setagaya-pay'))).length).toBe(120);
    expect((await readdir(path.join(inbox, 'kosha'))).sort()).toEqual([
      '公社_セミナー実施記録_令和5-6年度.xlsx',
      '公社_相談記録_平成30年度-令和6年度.csv',
      '公社_診断士派遣記録_令和6年度.csv',
    ]);

    const out = await tempDir();
    // Only the tables written: the issues and the CSVs are what is checked.
    const run = await runPipeline({ configDir: await tablesOnlyConfig(setagayaConfig), inboxDir: inbox, outDir: out, storePath: null, full: true });
    expect(run.status).toBe('published');
    expect(run.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.location.file ?? ''}`)).toEqual([]);

    const waves = await csv(path.join(out, 'latest', 'survey_waves.csv'));
    expect(waves.filter((w) => w.fiscal_year === '2024' && w.instrument === 'commerce').map((w) => [w.respondents, w.errors])).toEqual([['2500', '0']]);
    // Every Pay month April 2015 – March 2025 is there: no missing month, and a stock figure for each of the ten years.
    expect(run.issues.filter((i) => i.code.startsWith('pay-'))).toEqual([]);
    const stores = (await csv(path.join(out, 'latest', 'observations.csv'))).filter((o) => o.measure_id === 'pay-member-stores');
    expect(stores.map((o) => Number(o.fiscal_year))).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    // Records exported twice (every 10,000th) are counted once, with a warning each.
    expect(run.issues.filter((i) => i.code === 'kosha-duplicate-id' && i.severity === 'warning')).toHaveLength(2);
  });
});
