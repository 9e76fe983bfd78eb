// Waves over time: a re-sent (corrected) version of a fiscal year's file replaces the earlier one only when it passes
// validation; the earlier one is kept, and every published figure it changes is reported (old → new). `reprocess`
// shows those changes without writing anything (--dry-run), or publishes them.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { reprocessWave } from '../pipelines/reprocess-wave.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { runIndustrySurvey } from '../pipelines/industry-survey-family-read.ts';
import type { SurveyRespondent } from '../scripts/sample/survey-wave-table.ts';
import { copyConfig, otherCityConfig, readCsv, runLei, tempDir } from './helpers.ts';
import {
  inboxFile,
  putInInbox,
  residentsConfig,
  residentsConfigObject,
  residentsMeasures,
  residentsRespondents,
  writeResidentsWave,
} from './fixtures/survey-wave-fixtures.ts';

const v1 = residentsRespondents();
/** The vendor's correction: ten respondents who shop 月に数回 (3) were keyed wrongly and shop ほぼ毎日 (1). */
const corrected: SurveyRespondent[] = (() => {
  let left = 10;
  return v1.map((r) => (left > 0 && r.answers.B1 === 3 ? (left--, { ...r, answers: { ...r.answers, B1: 1 } }) : r));
})();
/** A re-send with a new mistake in a published question: 満足度 7 does not exist. */
const broken: SurveyRespondent[] = corrected.map((r, i) => (i === 4 ? { ...r, answers: { ...r.answers, B3: 7 } } : r));

const config = residentsConfig({ codebookInConfig: true });
const read = async (...waves: { people: SurveyRespondent[]; version?: number }[]) => {
  const files = [];
  for (const w of waves) files.push(...(await writeResidentsWave('csv-utf8-bom', w.people, w.version)));
  return runIndustrySurvey(files.map(inboxFile), residentsMeasures, config);
};
const share = (result: Awaited<ReturnType<typeof read>>, id: string) => result.observations.find((o) => o.measureId === id);

describe('a re-sent wave in the inbox', () => {
  it('replaces the earlier version when it validates, keeps the earlier one, and reports each changed figure', async () => {
    const before = await read({ people: v1 });
    const after = await read({ people: v1 }, { people: corrected, version: 2 });
    expect(after.tables.survey_waves.map((w) => [w.file, w.version, w.status])).toEqual([
      ['industry-survey/R7_区民調査_区民.csv', 1, 'superseded'],
      ['industry-survey/R7_区民調査_区民_v2.csv', 2, 'active'],
    ]);
    const old = share(before, 'res-shop-weekly')!;
    const next = share(after, 'res-shop-weekly')!;
    expect(next.n).toBe(old.n);
    expect(next.value).toBeCloseTo(old.value + (10 / old.n!) * 100, 9);
    expect(next.provenance.file).toBe('industry-survey/R7_区民調査_区民_v2.csv');
    // Only B1 changed: the other figures are the same.
    for (const id of ['res-pay-use', 'res-satisfied', 'res-cashless-weighted']) expect(share(after, id)!.value).toBe(share(before, id)!.value);

    const revisions = after.tables.survey_revisions;
    expect(revisions.every((r) => r.measure_id === 'res-shop-weekly' && r.replaced_file.endsWith('区民.csv') && r.replacement_file.endsWith('_v2.csv'))).toBe(
      true,
    );
    const headline = revisions.find((r) => r.dimension === 'total')!;
    const round1 = (x: number) => Math.round(x * 10) / 10;
    expect(headline).toMatchObject({
      old_value: round1(old.value),
      new_value: round1(next.value),
      old_n: old.n,
      new_n: next.n,
      old_status: 'estimated',
      new_status: 'estimated',
    });
    expect(revisions.length).toBeGreaterThan(1);
    expect(after.issues.map((i) => [i.code, i.severity, i.raw])).toEqual([
      ['industry-survey-wave-replaced', 'info', undefined],
      ['industry-survey-figure-revised', 'warning', `${round1(old.value)} → ${round1(next.value)}`],
    ]);
    expect(after.issues.find((i) => i.code === 'industry-survey-figure-revised')!.message).toBe(
      `指標「res-shop-weekly」の令和7年度の値が、再送データで ${round1(old.value)} → ${round1(next.value)} に変わりました（n ${old.n} → ${next.n}）`,
    );
  });

  it('does not adopt a re-send that has problems touching published figures, and keeps using the earlier one', async () => {
    const before = await read({ people: v1 });
    const after = await read({ people: v1 }, { people: broken, version: 2 });
    expect(after.tables.survey_waves.map((w) => w.status)).toEqual(['active', 'rejected']);
    expect(after.observations).toEqual(before.observations);
    expect(after.tables.survey_revisions).toEqual([]);
    const rejected = after.issues.find((i) => i.code === 'industry-survey-resend-rejected')!;
    expect(rejected).toMatchObject({ severity: 'error', location: { file: 'industry-survey/R7_区民調査_区民_v2.csv' } });
    expect(rejected.message).toBe(
      '再送された industry-survey/R7_区民調査_区民_v2.csv には公表値に関わる問題があるため採用しません（設問 B3（res-satisfied）: industry-survey-unknown-code 1件；設問 B3（res-satisfied-applicable）: industry-survey-unknown-code 1件；設問 B3（res-satisfied-all）: industry-survey-unknown-code 1件）。令和7年度「区民調査」は引き続き industry-survey/R7_区民調査_区民.csv を使います。問題を直した版を、版を上げた名前（_v3）で置いてください',
    );
    // The rejected file's own problem is still listed, so the vendor can be told what to fix.
    // Line 7 of the CSV: an earlier comment spans two lines.
    expect(after.issues.find((i) => i.code === 'industry-survey-unknown-code')).toMatchObject({
      location: { file: 'industry-survey/R7_区民調査_区民_v2.csv', row: 7, column: 'K' },
      raw: '7',
    });
  });

  it('publishes a figure the first version had to withhold once the vendor corrects it', async () => {
    const after = await read({ people: broken }, { people: corrected, version: 2 });
    expect(after.tables.survey_waves.map((w) => w.status)).toEqual(['superseded', 'active']);
    // The first version's own problem no longer stands: one line says it was set aside.
    expect(after.issues.map((i) => i.code)).toEqual([
      'industry-survey-superseded-issues',
      'industry-survey-wave-replaced',
      'industry-survey-figure-revised',
      'industry-survey-figure-revised',
      'industry-survey-figure-revised',
    ]);
    expect(after.issues[0]!.message).toBe(
      'industry-survey/R7_区民調査_区民.csv は再送された版に置き換えたため、この版で見つかった問題 1 件は表示していません（ファイルは残してあります）',
    );
    const satisfied = after.tables.survey_revisions.find((r) => r.measure_id === 'res-satisfied' && r.dimension === 'total')!;
    expect(satisfied).toMatchObject({ old_status: 'withheld', old_value: null, new_status: 'estimated' });
    expect(after.issues[2]!.message).toMatch(/^指標「res-satisfied」の令和7年度の値が、再送データで 不公表 → \d+\.\d に変わりました（n — → \d+）$/);
  });

  it('takes a later valid re-send after a rejected one, and reports against the version in use', async () => {
    const after = await read({ people: v1 }, { people: broken, version: 2 }, { people: corrected, version: 3 });
    expect(after.tables.survey_waves.map((w) => [w.version, w.status])).toEqual([
      [1, 'superseded'],
      [2, 'rejected'],
      [3, 'active'],
    ]);
    expect(new Set(after.tables.survey_revisions.map((r) => `${r.replaced_file} → ${r.replacement_file}`))).toEqual(
      new Set(['industry-survey/R7_区民調査_区民.csv → industry-survey/R7_区民調査_区民_v3.csv']),
    );
  });

  it('refuses two files claiming the same version', async () => {
    const a = await writeResidentsWave('csv-utf8-bom', v1, 2);
    const b = await writeResidentsWave('xlsx-text', corrected, 2);
    const result = await runIndustrySurvey([...a, ...b].map(inboxFile), residentsMeasures, config);
    expect(result.issues.filter((i) => i.code === 'industry-survey-duplicate-version').map((i) => i.location.file)).toEqual([
      'industry-survey/R7_区民調査_区民_v2.csv',
      'industry-survey/R7_区民調査_区民_v2.xlsx',
    ]);
    expect(result.observations).toEqual([]);
  });
});

/** The other city's catalog with the residents' measures on two slots and the survey config. */
async function surveyConfigDir(): Promise<string> {
  const dir = await copyConfig(otherCityConfig);
  await writeFile(path.join(dir, 'measures-survey.yaml'), stringify({ measures: residentsMeasures.map((m) => ({ ...m, baseline: { fiscalYear: 2025 } })) }));
  const slots = await readFile(path.join(dir, 'slots.yaml'), 'utf8');
  await writeFile(
    path.join(dir, 'slots.yaml'),
    `${slots}  - { vision: 1, tier: short, position: 1, measure: res-shop-weekly, nameJa: 商店街で週に数回以上買い物をする区民の割合 }\n  - { vision: 1, tier: short, position: 2, measure: res-satisfied, nameJa: 商店街に満足している区民の割合 }\n`,
  );
  await mkdir(path.join(dir, 'sources'));
  await writeFile(path.join(dir, 'sources', 'industry-survey.yaml'), stringify(residentsConfigObject({ codebookInConfig: true })));
  return dir;
}

describe('lei reprocess', () => {
  it('shows what a corrected wave would change without writing anything, then publishes it', async () => {
    const configDir = await surveyConfigDir();
    const inbox = await tempDir();
    const out = await tempDir();
    await putInInbox(inbox, await writeResidentsWave('csv-utf8-bom', v1));
    const first = await runPipeline({ configDir, inboxDir: inbox, outDir: out, storePath: null });
    expect(first.status).toBe('published');
    const published = await readCsv(path.join(out, 'latest', 'indicator_values.csv'));
    const oldRow = published.find((r) => r.slot_id === 'v1-short-1' && r.fiscal_year === '2025')!;

    await putInInbox(inbox, await writeResidentsWave('csv-utf8-bom', corrected, 2));
    const runsBefore = await readdir(path.join(out, 'runs'));
    const dry = await reprocessWave({ source: 'industry-survey', fiscalYear: 2025, configDir, inboxDir: inbox, outDir: out, storePath: null, dryRun: true });
    expect(await readdir(path.join(out, 'runs'))).toEqual(runsBefore);
    expect(dry.waves.map((w) => [w.version, w.status])).toEqual([
      [1, 'superseded'],
      [2, 'active'],
    ]);
    const change = dry.changes.find((c) => c.slot_id === 'v1-short-1' && c.fiscal_year === 2025)!;
    expect(change.old_value).toBe(Number(oldRow.value));
    expect(change.new_value).toBeCloseTo(Number(oldRow.value) + Math.round((1000 * 10) / Number(oldRow.n)) / 10, 6);
    // Only 買い物頻度 changed (its FY2025 value, which is also its baseline).
    expect(dry.changes.map((c) => [c.slot_id, c.fiscal_year])).toEqual([['v1-short-1', 2025]]);
    expect(dry.breakdownChanges.find((c) => c.measure_id === 'res-shop-weekly' && c.dimension === 'total')).toMatchObject({
      old_value: change.old_value,
      new_value: change.new_value,
    });
    expect(dry.otherChanges).toEqual([]);

    const applied = await reprocessWave({
      source: 'industry-survey',
      fiscalYear: 2025,
      configDir,
      inboxDir: inbox,
      outDir: out,
      storePath: null,
      dryRun: false,
    });
    expect(applied.run.status).toBe('published');
    expect(applied.changes).toEqual(dry.changes);
    const now = await readCsv(path.join(out, 'latest', 'indicator_values.csv'));
    expect(Number(now.find((r) => r.slot_id === 'v1-short-1' && r.fiscal_year === '2025')!.value)).toBe(change.new_value);
    const revisions = await readCsv(path.join(out, 'latest', 'survey_revisions.csv'));
    expect(revisions.find((r) => r.dimension === 'total')).toMatchObject({
      measure_id: 'res-shop-weekly',
      old_value: String(change.old_value),
      new_value: String(change.new_value),
    });
  });

  it('writes byte-identical survey tables for identical inputs', async () => {
    const configDir = await surveyConfigDir();
    const inbox = await tempDir();
    await putInInbox(inbox, [...(await writeResidentsWave('xlsx-id', v1)), ...(await writeResidentsWave('xlsx-id', corrected, 2))]);
    const outs = [await tempDir(), await tempDir()];
    for (const out of outs) await runPipeline({ configDir, inboxDir: inbox, outDir: out, storePath: null });
    for (const name of ['survey_breakdowns.csv', 'survey_waves.csv', 'survey_revisions.csv', 'indicator_values.csv']) {
      expect(await readFile(path.join(outs[1]!, 'latest', name))).toEqual(await readFile(path.join(outs[0]!, 'latest', name)));
    }
  });

  it('refuses a year without files and a source it cannot re-process', async () => {
    const configDir = await surveyConfigDir();
    const inbox = await tempDir();
    await putInInbox(inbox, await writeResidentsWave('csv-utf8-bom', v1));
    const base = { configDir, inboxDir: inbox, outDir: await tempDir(), storePath: null, dryRun: true };
    await expect(reprocessWave({ ...base, source: 'industry-survey', fiscalYear: 2024 })).rejects.toThrow(/2024年度の回答ファイルがありません/);
    await expect(reprocessWave({ ...base, source: 'resas', fiscalYear: 2025 })).rejects.toThrow('再処理できるソースは industry-survey です（指定: resas）');
  });
});

describe('lei reprocess (the command)', () => {
  const lei = runLei;

  it('prints each file, its problems and the values that would change, old → new, and writes nothing', async () => {
    const configDir = await surveyConfigDir();
    const inbox = await tempDir();
    const out = await tempDir();
    await putInInbox(inbox, await writeResidentsWave('csv-utf8-bom', v1));
    await runPipeline({ configDir, inboxDir: inbox, outDir: out, storePath: null });
    await putInInbox(inbox, await writeResidentsWave('csv-utf8-bom', broken, 2));
    await putInInbox(inbox, await writeResidentsWave('csv-utf8-bom', corrected, 3));
    const before = await readdir(path.join(out, 'runs'));

    const result = await lei(
      'reprocess',
      '--source',
      'industry-survey',
      '--year',
      'R7',
      '--dry-run',
      '--config',
      configDir,
      '--inbox',
      inbox,
      '--out',
      out,
      '--no-store',
    );
    expect(result.code).toBe(2);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '産業基礎調査 令和7年度 の再処理（確認のみ: 何も書き込みません）',
      'ファイル:',
      '  [置換済（保存）] industry-survey/R7_区民調査_区民.csv（版 1）回答者 640 人、エラー 0 件、警告 0 件',
      '  [不採用] industry-survey/R7_区民調査_区民_v2.csv（版 2）回答者 640 人、エラー 1 件、警告 0 件',
      '  [使用] industry-survey/R7_区民調査_区民_v3.csv（版 3）回答者 640 人、エラー 0 件、警告 0 件',
    ]);
    expect(result.stdout).toContain(
      '変わる公表値（指標値）: 1 件\n  商店街で週に数回以上買い物をする区民の割合（v1-short-1） 令和7年度: 47.3 → 48.9（指数 100.00 → 100.00）\n',
    );
    expect(result.stdout).toContain('  res-shop-weekly 全体: 47.3 → 48.9（n 619 → 619）');
    expect(await readdir(path.join(out, 'runs'))).toEqual(before);
  });

  it('has English help', async () => {
    const result = await lei('--lang', 'en', 'reprocess', '--help');
    expect(result.stdout).toContain('--dry-run          only show what would change; write nothing');
  });
});
