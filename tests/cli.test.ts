// The lei binary as a user runs it: Japanese help, English with --lang en, exit codes, clear config errors.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyConfig, otherCityConfig, runLei, tempDir } from './helpers.ts';

const run = runLei;

describe('lei', () => {
  it('prints Japanese help by default and English with --lang en', async () => {
    const ja = await run('--help');
    expect(ja.stdout).toContain('使い方: lei [オプション] [コマンド]');
    expect(ja.stdout).toContain('手入力ワークブック（.xlsx）を年度ごとに作る');
    const en = await run('--lang', 'en', 'run', '--help');
    expect(en.stdout).toContain('ingest the inbox and write the indicator tables');
  });

  it('exits 3 with the place of a config error, before reading any input', async () => {
    const config = await copyConfig(otherCityConfig, { file: 'slots.yaml', replace: ['tier: long, position: 2', 'tier: longg, position: 2'] });
    const result = await run('run', '--config', config, '--inbox', '/nonexistent', '--out', await tempDir(), '--no-store');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${path.join(config, 'slots.yaml')}:6 slots[1].tier: 無効な選択: "action"、"short"、"long"、"reference"のいずれかである必要があります 値: "longg"`);
  });

  it('exits 2 when an input was rejected, after writing the outputs', async () => {
    const inbox = await tempDir();
    const template = path.join(inbox, 'manual-entry', 'r3.xlsx');
    expect((await run('template', '--year', '令和３年度', '--config', otherCityConfig, '--output', template)).code).toBe(0);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(inbox, 'manual-entry', 'broken.xlsx'), 'not a workbook');
    const out = await tempDir();
    const result = await run('run', '--config', otherCityConfig, '--inbox', inbox, '--out', out, '--no-store');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('問題: エラー 1 件');
    expect(result.stdout).toContain('manual-entry-unreadable manual-entry/broken.xlsx');
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile(path.join(out, 'latest', 'manifest.json'), 'utf8'));
    expect(manifest.files_with_errors).toEqual(['manual-entry/broken.xlsx']);
  });

  it('backfills past years and lists the values of those years that change', async () => {
    const inbox = await tempDir();
    const out = await tempDir();
    const run1 = await run('template', '--year', 'R3', '--config', otherCityConfig, '--output', path.join(inbox, 'manual-entry', 'r3.xlsx'));
    expect(run1.code).toBe(0);
    expect((await run('run', '--config', otherCityConfig, '--inbox', inbox, '--out', out, '--no-store')).code).toBe(0);
    // A FY2016 (平成28年度) workbook with a value arrives later.
    const { loadCatalog } = await import('../config/load-catalog.ts');
    const { writeManualEntryTemplate } = await import('../outputs/manual-entry-template.ts');
    const { writeFile } = await import('node:fs/promises');
    const catalog = await loadCatalog(otherCityConfig);
    await writeFile(path.join(inbox, 'manual-entry', 'h28.xlsx'), await writeManualEntryTemplate(catalog, 2016, { values: new Map([['manufacturers', { value: 530 }]]) }));
    const dry = await run('backfill', '--from', 'H28', '--to', 'H28', '--config', otherCityConfig, '--inbox', inbox, '--out', out, '--no-store', '--dry-run');
    expect(dry.stdout).toContain('平成28年度〜平成28年度で（試行）変わる指標値: 1 件');
    expect(dry.stdout).toContain('v2-long-1 平成28年度 区内製造業事業所数: 値 520 → 530');
  });
});
