// `lei explain` names the file, sheet, row and rule behind a published value, its baseline and the run.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { explainValue, formatExplanation } from '../pipelines/explain-value.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { otherCityConfig, tempDir } from './helpers.ts';

describe('explain', () => {
  it('traces a value and its baseline to their files and rows', async () => {
    const catalog = await loadCatalog(otherCityConfig);
    const inbox = await tempDir();
    await mkdir(path.join(inbox, 'manual-entry'));
    const put = async (name: string, year: number, value: number) =>
      writeFile(path.join(inbox, 'manual-entry', name), await writeManualEntryTemplate(catalog, year, { values: new Map([['manufacturers', { value }]]) }));
    await put('h28.xlsx', 2016, 520);
    await put('r3.xlsx', 2021, 498);
    const out = await tempDir();
    const run = await runPipeline({ configDir: otherCityConfig, inboxDir: inbox, outDir: out, storePath: null });

    const e = await explainValue(path.join(out, 'latest'), 'v2-long-1', 2021);
    expect(e.runId).toBe(run.runId);
    expect(e.value.map((o) => [o.file, o.sheet, o.rows, o.value, o.status])).toEqual([['manual-entry/r3.xlsx', '入力', '7', 498, 'used']]);
    expect(e.baseline.map((o) => [o.file, o.rows, o.value])).toEqual([['manual-entry/h28.xlsx', '7', 520]]);
    const text = formatExplanation(e, { actionPlan: 'アクションプラン', progressTable: '進捗状況' });
    expect(text).toContain('指数: 498 ÷ 520 × 100 = 95.77（小数第2位で四捨五入）↓');
    expect(text).toContain(`公開した実行: ${run.runId}`);
    // The same measure found by its name.
    expect((await explainValue(path.join(out, 'latest'), '製造業事業所', 2021)).measureId).toBe('manufacturers');
  });
});

describe('reproduce', () => {
  it('rebuilds a past run from the archive alone, byte for byte, after the inbox has changed', async () => {
    const { readFile, rm } = await import('node:fs/promises');
    const { reproduceRun } = await import('../pipelines/reproduce-run.ts');
    const catalog = await loadCatalog(otherCityConfig);
    const inbox = await tempDir();
    await mkdir(path.join(inbox, 'manual-entry'));
    await writeFile(
      path.join(inbox, 'manual-entry', 'r3.xlsx'),
      await writeManualEntryTemplate(catalog, 2021, { values: new Map([['manufacturers', { value: 498 }]]) }),
    );
    const out = await tempDir();
    const run = await runPipeline({ configDir: otherCityConfig, inboxDir: inbox, outDir: out, storePath: null });
    await rm(path.join(inbox, 'manual-entry', 'r3.xlsx')); // the inbox moves on

    const into = await tempDir();
    const { original, result } = await reproduceRun(run.folder, path.join(out, 'archive'), into);
    expect(result.runId).toBe(original);
    for (const f of ['indicator_values.csv', 'action_plan_progress.parquet', 'observations.json']) {
      expect((await readFile(path.join(into, 'out', 'latest', f))).equals(await readFile(path.join(run.folder, f))), f).toBe(true);
    }
  });
});
