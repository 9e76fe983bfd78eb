// Operating several plans from one checkout: `lei init` scaffolds a plan that `lei check-config` walks through
// in Japanese, by printed code; `lei run` takes its folders from the plan's pipeline.yaml; plans never share them.
// lei runs in this process (tests/lei-in-process.ts), except where LEI_CONFIG chooses the plan: the CLI reads it once
// when it starts, so those commands are real processes started with it set.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import { copyConfig, otherCityConfig, readCsv, runLei, tempDir } from './helpers.ts';
import { lei } from './lei-in-process.ts';
import { wardProgressConfig, writeWardProgressInbox } from './fixtures/make-ward-progress-inbox.ts';

afterEach(() => {
  delete process.env.LEI_CONFIG;
});

describe('a new plan from lei init', () => {
  it('is scaffolded with examples, checked blank by blank, and runs into the folders of its pipeline.yaml', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'config', 'minami');
    const init = await lei('init', 'minami', '--into', dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('check-config');
    expect((await lei('init', 'minami', '--into', dir)).code).not.toBe(0);

    // LEI_CONFIG chooses the plan when --config is not given.
    process.env.LEI_CONFIG = dir;
    const check = await runLei('check-config');
    expect(check.code).toBe(3);
    const lines = check.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(lines.map((l) => l.replace(`${dir}${path.sep}`, '').replace(/ 値: .*$/, ''))).toEqual([
      '  plan.yaml:5 municipality.code: 自治体コード（全国地方公共団体コード。6桁の数字、例: 131121）を書いてください',
      '  plan.yaml:6 municipality.nameJa: 空欄です。値を書いてください',
      '  plan.yaml:7 titleJa: 空欄です。値を書いてください',
      '  progress.yaml:32 柱「Ⅰ」.nameJa: 空欄です。値を書いてください',
      '  progress.yaml:35 柱「Ⅰ」施策「Ⅰ-ⅰ」.nameJa: 空欄です。値を書いてください',
      '  progress.yaml:38 柱「Ⅰ」施策「Ⅰ-ⅰ」指標「1-①」.nameJa: 空欄です。値を書いてください',
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
    // Counted by the plan's own table, in its words; not by the logic model's slots or Setagaya's アクションプラン.
    expect(ok.stdout).toBe('設定に誤りはありません（指標 1、施策の進捗状況 1 指標）\n');
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

describe('the plan’s own words in what the CLI prints', () => {
  it('names the yearly-target table by plan.yaml terms in the run summary and in explain', async () => {
    const config = await copyConfig(otherCityConfig, {
      file: 'plan.yaml',
      replace: ['owners: [産業振興課]', 'owners: [産業振興課]\nterms: { actionPlan: 事業計画 }'],
    });
    const inbox = await tempDir();
    const out = await tempDir();
    const template = await lei('template', '--config', config, '--year', '2021', '--output', path.join(inbox, 'manual-entry', 'r3.xlsx'));
    expect(template.code).toBe(0);
    const run = await lei('run', '--config', config, '--inbox', inbox, '--out', out, '--no-store', '--warnings-ok');
    expect(run.stdout).toMatch(/→ 指標値 \d+ 行、事業計画進捗 \d+ 行\n/);
    const explain = await lei('explain', 'p1-1', '--year', '2021', '--run', path.join(out, 'latest'), '--config', config);
    expect(explain.stdout).toContain('事業計画 p1-1（1-1）イベント開催数: 実績');
    expect(`${run.stdout}${explain.stdout}`).not.toContain('アクションプラン');
  });

  it('counts a progress table’s rows under the plan’s name for it', async () => {
    const inbox = await tempDir();
    await writeWardProgressInbox(inbox);
    const out = await tempDir();
    const run = await lei('run', '--config', wardProgressConfig, '--inbox', inbox, '--out', out, '--no-store', '--warnings-ok');
    expect(run.stdout).toMatch(/→ 指標値 0 行、施策の進捗状況 \d+ 行\n/);
    // explain shows the progress-table row: the target in force after its revision, both rates and the plan's grade.
    const explain = await lei('explain', 'Ⅰ/施策2-③', '--year', 'R6', '--run', path.join(out, 'latest'), '--config', wardProgressConfig);
    expect(explain.stdout).toContain(
      '施策の進捗状況 Ⅰ Ⅰ-ⅱ 施策2-③ 創業支援施設の入居企業数: 値 4（observed）、基準値 5、目標 3社（令和7年度）（20社 ↓ 3社に変更（令和6年度: 施設の改修で入居区画が減ったため）） → 達成率 133.3%（当初の目標に対して 20%）、評価 S（実績値が目標値以上）',
    );
  });
});

describe('check-config on pipeline.yaml', () => {
  it('reports its mistakes with the catalog’s, in Japanese, and a source family the plan’s indicators need but runs do not read', async () => {
    const config = await copyConfig(wardProgressConfig, { file: 'plan.yaml', replace: ['titleJa: みなみ区産業振興基本計画', 'titleJa: ""'] });
    /** The problem lines check-config prints for the config as it is now, files named from the config folder. */
    const problems = async (pipeline: string) => {
      await writeFile(path.join(config, 'pipeline.yaml'), pipeline);
      const check = await lei('check-config', '--config', config);
      expect(check.code).toBe(3);
      return check.stderr
        .split('\n')
        .filter((l) => l.startsWith('  '))
        .map((l) => l.replace(`${config}${path.sep}`, ''));
    };
    expect(await problems('inbx: inbox/minami\nsources: [resas]\n')).toEqual([
      '  plan.yaml:7 titleJa: 空欄です。値を書いてください 値: ""',
      '  pipeline.yaml:1 (ファイル全体): 不明なキー「inbx」（「inbox」のことですか？）',
    ]);
    // Checked against the catalog only once the catalog itself loads.
    const pipeline = 'inbox: inbox/minami\ntimezone: Asia/Tokio\nsources: [resas]\n';
    expect(await problems(pipeline)).toEqual(['  plan.yaml:7 titleJa: 空欄です。値を書いてください 値: ""']);
    const plan = path.join(config, 'plan.yaml');
    await writeFile(plan, (await readFile(plan, 'utf8')).replace('titleJa: ""', 'titleJa: みなみ区産業振興基本計画'));
    expect(await problems(pipeline)).toEqual([
      '  pipeline.yaml timezone: タイムゾーン「Asia/Tokio」は使えません。Asia/Tokyo のように書いてください',
      '  pipeline.yaml sources: 指標「Ⅰ/1-①」・「Ⅰ/1-②」・「Ⅰ/施策2-③」 ほか3件は受信箱の manual-entry/ から読みますが、sources に manual-entry がありません。sources に加えてください（加えないと値が入りません）',
    ]);
  });
});
