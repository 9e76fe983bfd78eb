// explain, publish and serve read the selected plan's own run (pipeline.yaml `out`/latest, as run and status use), and
// refuse a run folder another plan wrote, saying whose it is and how to point at the right one.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyConfig, repoRoot, tempDir } from './helpers.ts';
import { lei } from './lei-in-process.ts';

const minamiConfig = path.join(repoRoot, 'tests', 'fixtures', 'catalog-minami');

/** A run folder as lei run leaves it, with only what these commands read first: its manifest and JSON tables. */
async function runFolder(dir: string, planId: string, configDir: string): Promise<void> {
  await mkdir(path.join(dir, 'site'), { recursive: true });
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ run_id: 'abc123def456', plan_id: planId, config_dir: configDir, finished_at: '' }));
  const value = { slot_id: 'v1-outcome-1', measure_id: 'vacancy-rate', name_ja: '中心商店街の空き店舗率', fiscal_year: 2025, value: 11.8 };
  await writeFile(path.join(dir, 'indicator_values.json'), JSON.stringify([value]));
  await writeFile(path.join(dir, 'observations.json'), '[]');
  await writeFile(
    path.join(dir, 'action_plan_progress.json'),
    JSON.stringify([{ line_id: 'm2-1-seminar', measure_id: 'seminar-participants', fiscal_year: 2025 }]),
  );
}

/** The town's config with its runs written to a folder of the test's own. */
async function minami(): Promise<{ config: string; out: string }> {
  const out = await tempDir();
  const config = await copyConfig(minamiConfig, { file: 'pipeline.yaml', replace: ['# out: out/minami', `out: ${out}`] });
  return { config, out };
}

describe('a command that reads a run reads the selected plan’s', () => {
  it('explain defaults to <pipeline.yaml out>/latest, and its examples are that plan’s ids', async () => {
    const { config, out } = await minami();
    await runFolder(path.join(out, 'latest'), 'minami-sangyo-shinko-r7', config);
    const result = await lei('explain', 'no-such-indicator', '--year', 'R7', '--config', config);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('「no-such-indicator」に当たる指標・行がこの実行（abc123def456）にありません');
    expect(result.stderr).toContain('指標枠ID（例: v1-outcome-1）、指標ID（例: vacancy-rate）、行ID（例: m2-1-seminar）');
    expect(result.stderr).not.toMatch(/v2-long-1|s001-051/);
  });

  it('explain, publish and serve refuse another plan’s run, saying whose it is and how to point at the right one', async () => {
    const { config, out } = await minami();
    const other = path.join(await tempDir(), 'latest');
    await runFolder(other, 'setagaya-economic-vision', 'config/setagaya');
    const whose = `実行フォルダ「${other}」は計画「setagaya-economic-vision」の実行です。選んだ計画は「minami-sangyo-shinko-r7」（設定フォルダ ${config}）なので使えません。`;
    const explain = await lei('explain', 'v1-outcome-1', '--year', 'R7', '--config', config, '--run', other);
    expect(explain.code).toBe(3);
    expect(explain.stderr).toContain(whose);
    expect(explain.stderr).toContain(`--run を外すか --run ${path.join(out, 'latest')} を指定してください`);
    expect(explain.stderr).toContain('「setagaya-economic-vision」の実行を使うなら --config config/setagaya で指定してください');
    // Refused before connecting: nothing listens on port 9, and the message is the plan's, not a connection error.
    const publish = await lei('publish', '--to', 'postgres://lei@127.0.0.1:9/db', '--config', config, '--run', other);
    expect([publish.code, publish.stderr.includes(whose)]).toEqual([3, true]);
    const serve = await lei('serve', '--port', '1', '--config', config, '--dir', other);
    expect(serve.code).toBe(3);
    expect(serve.stderr).toContain(whose);
    expect(serve.stderr).toContain(`--dir を外すか --dir ${path.join(out, 'latest')} を指定してください`);
  });

  it('reproduce finds the archive beside the plan’s runs (<pipeline.yaml out>/archive)', async () => {
    const { config, out } = await minami();
    const inbox = await tempDir();
    const run = await lei('run', '--config', config, '--inbox', inbox, '--warnings-ok');
    expect(run.code, run.stderr).toBe(0);
    const into = await tempDir();
    const reproduced = await lei('reproduce', '--run', path.join(out, 'latest'), '--into', into, '--config', config);
    expect([reproduced.code, reproduced.stderr]).toEqual([0, '']);
    expect(reproduced.stdout).toMatch(/作り直しました/);
  });

  it('refuses the plan’s own output folder when another plan’s run is there (two plans sharing out)', async () => {
    const { config, out } = await minami();
    await runFolder(path.join(out, 'latest'), 'setagaya-economic-vision', 'config/setagaya');
    const result = await lei('--lang', 'en', 'explain', 'v1-outcome-1', '--year', 'R7', '--config', config);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`holds a run of plan "setagaya-economic-vision", not of the selected plan "minami-sangyo-shinko-r7"`);
    expect(result.stderr).toContain(`run lei run --config ${config} for this plan`);
  });
});
