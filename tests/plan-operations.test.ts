// Operating several plans from one checkout: `lei init` scaffolds a plan that `lei check-config` walks through
// in Japanese, by printed code; `lei run` takes its folders from the plan's pipeline.yaml; plans never share them.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import { otherCityConfig, readCsv, runLei, tempDir } from './helpers.ts';
import { wardProgressConfig } from './fixtures/make-ward-progress-inbox.ts';

afterEach(() => {
  delete process.env.LEI_CONFIG;
});

describe('a new plan from lei init', () => {
  it('is scaffolded with examples, checked blank by blank, and runs into the folders of its pipeline.yaml', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'config', 'minami');
    const init = await runLei('init', 'minami', '--into', dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('check-config');
    expect((await runLei('init', 'minami', '--into', dir)).code).not.toBe(0);

    // LEI_CONFIG chooses the plan when --config is not given.
    process.env.LEI_CONFIG = dir;
    const check = await runLei('check-config');
    expect(check.code).toBe(3);
    const lines = check.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(lines.map((l) => l.replace(`${dir}${path.sep}`, '').replace(/ 値: .*$/, ''))).toEqual([
      '  plan.yaml:5 municipality.code: 自治体コード（全国地方公共団体コード。6桁の数字、例: 131121）を書いてください',
      '  plan.yaml:6 municipality.nameJa: 空欄です。値を書いてください',
      '  plan.yaml:7 titleJa: 空欄です。値を書いてください',
      '  progress.yaml:31 柱「Ⅰ」.nameJa: 空欄です。値を書いてください',
      '  progress.yaml:34 柱「Ⅰ」施策「Ⅰ-ⅰ」.nameJa: 空欄です。値を書いてください',
      '  progress.yaml:37 柱「Ⅰ」施策「Ⅰ-ⅰ」指標「1-①」.nameJa: 空欄です。値を書いてください',
    ]);

    for (const file of ['plan.yaml', 'progress.yaml']) {
      const text = await readFile(path.join(dir, file), 'utf8');
      await writeFile(path.join(dir, file), text.replace('code: ""', 'code: "139998"').replaceAll('""', '"みなみ"'));
    }
    const inbox = path.join(root, 'inbox');
    const out = path.join(root, 'out');
    const pipeline = await readFile(path.join(dir, 'pipeline.yaml'), 'utf8');
    await writeFile(path.join(dir, 'pipeline.yaml'), `${pipeline}inbox: ${inbox}\nout: ${out}\nstore: ${path.join(out, 'store.duckdb')}\n`);
    const ok = await runLei('check-config');
    expect(ok.code).toBe(0);
    // The plan's own word for its yearly-target table, not Setagaya's アクションプラン.
    expect(ok.stdout).toMatch(/事業計画 \d+ 行/);
    expect(ok.stdout).not.toContain('アクションプラン');
    expect((await runLei('template', '--year', '2024', '--output', path.join(inbox, 'manual-entry', 'r6.xlsx'))).code).toBe(0);
    const run = await runLei('run', '--no-store');
    expect(run.code).toBe(0);
    const rows = await readCsv(path.join(out, 'latest', 'indicator_progress.csv'));
    expect(rows.map((r) => [r.indicator_id, r.fiscal_year, r.year_role])).toEqual([
      ['Ⅰ/1-①', '2016', '基準値'],
      ['Ⅰ/1-①', '2021', '中間値'],
      ['Ⅰ/1-①', '2025', '目標値'],
    ]);
  });
});

describe('folders of a plan', () => {
  it('are its own unless pipeline.yaml says otherwise', async () => {
    const [a, b] = await Promise.all([loadPipelineConfig(wardProgressConfig), loadPipelineConfig(otherCityConfig)]);
    expect([a.inbox, a.out, a.store, a.templates]).toEqual([
      path.join('inbox', 'catalog-ward-progress'),
      path.join('out', 'catalog-ward-progress'),
      path.join('out', 'catalog-ward-progress', 'store.duckdb'),
      path.join('out', 'catalog-ward-progress', 'templates'),
    ]);
    expect(b.out).toBe(path.join('out', 'catalog-other-city'));
    expect(b.store).not.toBe(a.store);
  });
});
