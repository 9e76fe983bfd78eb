// The lei command as a user runs it: Japanese by default and English with --lang en, the exit codes of the README
// table, where it writes and what it says. Commands run in-process (runCli); a real process only where the process
// itself is checked (bin/lei.js startup and its exit code). The commands on the bundled sample are in lineage.test.ts.
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { copyConfig, otherCityConfig, runLei, tempDir } from './helpers.ts';
import { lei } from './lei-in-process.ts';

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** An inbox with the other city's 令和3年度 manual-entry workbook (blank). */
async function templateInbox(): Promise<string> {
  const inbox = await tempDir();
  const made = await lei('template', '--year', '令和３年度', '--config', otherCityConfig, '--inbox', inbox);
  expect(made.code).toBe(0);
  return inbox;
}

describe('lei as a process', () => {
  it('starts from bin/lei.js: help exits 0, a usage error exits 3 in Japanese', async () => {
    const [help, usage] = await Promise.all([runLei('--help'), runLei('explain', 'v2-long-1')]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('使い方: lei [オプション] [コマンド]');
    expect(usage.code).toBe(3);
    expect(usage.stderr).toContain('エラー: 必須のオプション --year <year> が指定されていません');
  });
});

describe('lei', () => {
  it('prints Japanese help by default and English with --lang en', async () => {
    const ja = await lei('--help');
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('使い方: lei [オプション] [コマンド]');
    expect(ja.stdout).toContain('手入力ワークブック（.xlsx）を年度ごとに作る');
    const en = await lei('--lang', 'en', 'run', '--help');
    expect(en.stdout).toContain('ingest the inbox and write the indicator tables');
  });

  it('exits 3 on usage errors, with a Japanese message (English with --lang en)', async () => {
    const missing = await lei('explain', 'v2-long-1');
    expect([missing.code, missing.stderr]).toEqual([3, 'エラー: 必須のオプション --year <year> が指定されていません\n（--help で使い方を表示します）\n']);
    const unknown = await lei('frobnicate');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('エラー: 「frobnicate」というコマンドはありません');
    const option = await lei('status', '--verbose');
    expect(option.code).toBe(3);
    expect(option.stderr).toContain('エラー: 「--verbose」というオプションはありません');
    const en = await lei('--lang', 'en', 'explain', 'v2-long-1');
    expect([en.code, en.stderr]).toEqual([3, "error: required option '--year <year>' not specified\n(add --help for usage)\n"]);
    const year = await lei('explain', 'v2-long-1', '--year', 'R99x');
    expect([year.code, year.stderr]).toEqual([3, '年度「R99x」を読み取れません。2024、R6、令和6年度 のように指定してください\n']);
  });

  it('exits 3 with the place of a config error, before reading any input', async () => {
    const config = await copyConfig(otherCityConfig, { file: 'slots.yaml', replace: ['tier: long, position: 2', 'tier: longg, position: 2'] });
    const result = await lei('run', '--config', config, '--inbox', '/nonexistent', '--out', await tempDir(), '--no-store');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `${path.join(config, 'slots.yaml')}:6 枠「v1-longg-2」.tier: 区分「longg」は plan.yaml の tiers にありません（行動指標（action）・短期アウトカム（short）・中長期アウトカム（long）・参考指標（reference））`,
    );
    const en = await lei('--lang', 'en', 'check-config', '--config', config);
    expect(en.code).toBe(3);
    expect(en.stderr).toMatch(/^The config has 1 error\(s\); fix them and run again\.\n/);
    expect(en.stderr).toContain(`${path.join(config, 'slots.yaml')}:6 枠「v1-longg-2」.tier:`);
  });

  it('writes the template into the inbox’s manual-entry folder, says where, and never overwrites it', async () => {
    const inbox = await tempDir();
    const made = await lei('template', '--year', 'R3', '--config', otherCityConfig, '--inbox', inbox);
    const file = path.join(inbox, 'manual-entry', '手入力_令和3年度.xlsx');
    expect(made.stdout).toBe(`手入力ワークブックを書き出しました: ${file}（3 指標）\n`);
    expect(await exists(file)).toBe(true);
    const again = await lei('template', '--year', 'R3', '--config', otherCityConfig, '--inbox', inbox);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain(`${file} はすでにあります`);
    expect((await readFile(path.join(import.meta.dirname, '..', '.gitignore'), 'utf8')).split('\n')).toContain('inbox/');
  });

  it('exits 2 when an input was rejected, after writing the outputs', async () => {
    const inbox = await templateInbox();
    await writeFile(path.join(inbox, 'manual-entry', 'broken.xlsx'), 'not a workbook');
    const out = await tempDir();
    const result = await lei('run', '--config', otherCityConfig, '--inbox', inbox, '--out', out, '--no-store');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('問題: エラー 1 件');
    expect(result.stdout).toContain('manual-entry-unreadable manual-entry/broken.xlsx');
    const manifest = JSON.parse(await readFile(path.join(out, 'latest', 'manifest.json'), 'utf8'));
    expect(manifest.files_with_errors).toEqual(['manual-entry/broken.xlsx']);
  });

  it('keeps the store and its run ledger in --out and names the real output folder', async () => {
    const inbox = await templateInbox();
    const out = await tempDir();
    const run = await lei('run', '--config', otherCityConfig, '--inbox', inbox, '--out', out);
    expect(run.code).toBe(0);
    expect(await exists(path.join(out, 'store.duckdb'))).toBe(true);
    expect(run.stdout).toMatch(new RegExp(`出力: ${path.join(out, 'runs')}/\\S+（最新は ${path.join(out, 'latest')}/）`));
    expect(run.stdout).toContain(`データベース: ${path.join(out, 'store.duckdb')} 書き込みました`);
    expect(run.stdout).toContain(`詳細は ${path.join(out, 'runs')}/`);
    const status = await lei('status', '--config', otherCityConfig, '--out', out);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`manual +published +${run.stdout.match(/実行ID: (\w+)/)![1]}`));
    const en = await lei('--lang', 'en', 'status', '--config', otherCityConfig, '--out', out);
    expect(en.stdout).toContain('No run in progress');
    expect(en.stdout).not.toMatch(/[ぁ-んァ-ヶ]/);
  });

  it('keeps one folder per run id when the same run is made again with --full', async () => {
    const inbox = await templateInbox();
    const out = await tempDir();
    const args = ['run', '--config', otherCityConfig, '--inbox', inbox, '--out', out, '--no-store', '--full'];
    expect((await lei(...args)).code).toBe(0);
    const first = await readdir(path.join(out, 'runs'));
    expect((await lei(...args)).code).toBe(0);
    expect((await lei(...args)).code).toBe(0);
    expect(await readdir(path.join(out, 'runs'))).toEqual(first);
    expect(await exists(path.join(out, 'latest', 'manifest.json'))).toBe(true);
  });

  it('run --publish to a closed port writes the outputs, says why publishing failed and exits 1', async () => {
    const inbox = await templateInbox();
    const out = await tempDir();
    const result = await lei(
      'run',
      '--config',
      otherCityConfig,
      '--inbox',
      inbox,
      '--out',
      out,
      '--no-store',
      '--publish',
      'postgres://lei:secret@127.0.0.1:9/db',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PostgreSQL（スキーマ lei）: 公開できませんでした（前回の公開はそのまま）: 接続先 127.0.0.1:9/db: 接続を拒否されました。');
    expect(result.stdout + result.stderr).not.toContain('secret');
    expect(await exists(path.join(out, 'latest', 'manifest.json'))).toBe(true);
  });

  it('says that a dry run wrote no issues.csv', async () => {
    const inbox = await templateInbox();
    await writeFile(path.join(inbox, 'manual-entry', 'broken.xlsx'), 'not a workbook');
    const out = await tempDir();
    const dry = await lei('run', '--config', otherCityConfig, '--inbox', inbox, '--out', out, '--dry-run');
    expect(dry.stdout).toContain('問題: エラー 1 件、警告 0 件、情報 0 件（試行のため issues.csv は書いていません。主なものを下に示します）');
    expect(dry.stdout).toContain('manual-entry-unreadable manual-entry/broken.xlsx');
    expect(dry.stdout).not.toContain('詳細は issues.csv');
    expect(await readdir(out)).toEqual([]);
  });

  it('backfills past years and lists the values of those years that change; refuses a reversed range', async () => {
    const inbox = await templateInbox();
    const out = await tempDir();
    expect((await lei('run', '--config', otherCityConfig, '--inbox', inbox, '--out', out, '--no-store')).code).toBe(0);
    // A FY2016 (平成28年度) workbook with a value arrives later.
    const catalog = await loadCatalog(otherCityConfig);
    await writeFile(
      path.join(inbox, 'manual-entry', 'h28.xlsx'),
      await writeManualEntryTemplate(catalog, 2016, { values: new Map([['manufacturers', { value: 530 }]]) }),
    );
    const dry = await lei('backfill', '--from', 'H28', '--to', 'H28', '--config', otherCityConfig, '--inbox', inbox, '--out', out, '--no-store', '--dry-run');
    // The new 平成28年度 value differs from the baseline the config declares: a warning, so exit 5.
    expect(dry.code).toBe(5);
    expect(dry.stdout).toContain('平成28年度〜平成28年度で（試行）変わる指標値: 1 件');
    expect(dry.stdout).toContain('[warning] baseline-mismatch manual-entry/h28.xlsx');
    expect(dry.stdout).toContain('v2-long-1 平成28年度 区内製造業事業所数: 値 520 → 530');
    const en = await lei(
      '--lang',
      'en',
      'backfill',
      '--from',
      'H28',
      '--to',
      'H28',
      '--config',
      otherCityConfig,
      '--inbox',
      inbox,
      '--out',
      out,
      '--no-store',
      '--dry-run',
      '--warnings-ok',
    );
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('"message":"Config read: 3 measures, 3 slots, 2 action-plan lines"');
    expect(en.stdout).toContain('v2-long-1 平成28年度 区内製造業事業所数: value 520 → 530');

    const reversed = await lei('backfill', '--from', 'R5', '--to', 'H28', '--config', otherCityConfig, '--inbox', inbox, '--out', out, '--no-store');
    expect([reversed.code, reversed.stdout]).toEqual([3, '']);
    expect(reversed.stderr).toBe('--from（令和5年度）が --to（平成28年度）より後の年度です。--from に最初の年度、--to に最後の年度を指定してください\n');
  });
});
