// A file rejected whole (unreadable, required columns missing, broken bytes, an invalid survey frame) withholds what it
// was expected to feed: every figure the unspoiled sample publishes and the spoiled run loses is `invalid`, with the
// rejecting issue's code and a reason naming the file — in indicator_values and action_plan_progress — never `missing`
// as if nobody had entered it. A figure another file provides is published (docs/data-contracts.md).
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import type { ActionPlanProgressRow, IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import { fiscalYearsOfFileName } from '../lib/fiscal-year-of-file-name.ts';
import type { Issue } from '../lib/issues.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { FRAME_R6, KOSHA_R5, KOSHA_R6, MANUAL_R6, makeRejectedFiles, PAY_2024_06, SURVEY_R6_CSV } from './fixtures/make-rejected-files.ts';
import { setagayaConfig, tablesOnlyConfig, tempDir } from './helpers.ts';
import { sampleInbox } from './sample-fixtures.ts';

// Fiscal year 2024 is closed and 2025 has started.
const AS_OF = '2025-06';

interface Outcome {
  issues: Issue[];
  values: IndicatorValueRow[];
  progress: ActionPlanProgressRow[];
  outDir: string;
}

async function run(configDir: string, inbox: string, cacheOf?: string): Promise<Outcome> {
  const outDir = await tempDir('lei-rejected-out-');
  if (cacheOf) await cp(path.join(cacheOf, 'cache'), path.join(outDir, 'cache'), { recursive: true });
  const result = await runPipeline({ configDir, inboxDir: inbox, outDir, storePath: null, asOf: AS_OF });
  const read = async <T>(name: string) => JSON.parse(await readFile(path.join(result.folder, `${name}.json`), 'utf8')) as T[];
  return { issues: result.issues, values: await read('indicator_values'), progress: await read('action_plan_progress'), outDir };
}

/** Rows the unspoiled run publishes a figure for and the spoiled run does not. */
function lost<R>(before: readonly R[], after: readonly R[], key: (r: R) => string, figure: (r: R) => unknown): R[] {
  const had = new Set(before.filter((r) => figure(r) !== null).map(key));
  return after.filter((r) => figure(r) === null && had.has(key(r)));
}

const valueKey = (r: IndicatorValueRow) => `${r.slot_id} ${r.fiscal_year}`;
const progressKey = (r: ActionPlanProgressRow) => `${r.line_id} ${r.measure_id} ${r.fiscal_year}`;
const withheld = (r: IndicatorValueRow | ActionPlanProgressRow) => [r.value_status, r.withheld_code, r.withheld_reason];

describe('a file rejected whole withholds what it was expected to feed', () => {
  let config: string;
  let unspoiled: Outcome;
  let inboxes: Map<string, string>;
  const outcomes = new Map<string, Promise<Outcome>>();
  const spoiled = (id: string) => {
    const made = outcomes.get(id) ?? run(config, inboxes.get(id)!, unspoiled.outDir);
    outcomes.set(id, made);
    return made;
  };

  beforeAll(async () => {
    const dir = await tempDir('lei-rejected-');
    config = await tablesOnlyConfig(setagayaConfig);
    inboxes = await makeRejectedFiles(await sampleInbox(), dir);
    unspoiled = await run(config, await sampleInbox());
  }, 180_000);

  it.each([
    ['manual-zero-byte', 'manual-entry-unreadable', MANUAL_R6],
    ['manual-missing-columns', 'manual-entry-missing-column', MANUAL_R6],
    ['kosha-broken-bytes', 'kosha-text-undecodable', KOSHA_R6],
    ['survey-frame-invalid', 'industry-survey-frame-invalid', FRAME_R6],
    ['pay-zero-byte', 'pay-unreadable', PAY_2024_06],
  ])(
    '%s: every lost figure is invalid with %s and names %s',
    async (id, code, file) => {
      const after = await spoiled(id);
      expect(after.issues.some((i) => i.code === code && i.severity === 'error' && i.location.file === file)).toBe(true);
      const values = lost(unspoiled.values, after.values, valueKey, (r) => r.value);
      const progress = lost(unspoiled.progress, after.progress, progressKey, (r) => r.actual);
      expect(values.length).toBeGreaterThan(0);
      for (const r of [...values, ...progress]) {
        expect(withheld(r)).toEqual(['invalid', code, expect.stringContaining(file)]);
        expect(r.withheld_reason).toMatch(/[ぁ-んァ-ン一-龠]/);
      }
    },
    120_000,
  );

  it('the manual-entry workbook of 令和6年度 unreadable: its figures are withheld in indicator_values and action_plan_progress', async () => {
    const before = unspoiled.values.find((r) => r.slot_id === 'v1-action-1' && r.fiscal_year === 2024)!;
    expect([before.value, before.value_status]).toEqual([102, 'observed']);
    const after = (await spoiled('manual-zero-byte')).values.find((r) => r.slot_id === 'v1-action-1' && r.fiscal_year === 2024)!;
    expect([after.value, after.value_status, after.withheld_code]).toEqual([null, 'invalid', 'manual-entry-unreadable']);
    expect(after.withheld_reason).toBe(
      'ファイル manual-entry/手入力_令和6年度.xlsx を読み込めなかったため公表しません（manual-entry-unreadable）: ' +
        (await spoiled('manual-zero-byte')).issues.find((i) => i.code === 'manual-entry-unreadable')!.message,
    );
    // The action plan's 事業相談件数 (1408 in the sample workbook).
    const line = (o: Outcome) => o.progress.find((r) => r.measure_id === 'business-consultation-cases' && r.fiscal_year === 2024)!;
    expect([line(unspoiled).actual, line(unspoiled).value_status]).toEqual([1408, 'observed']);
    const spoiledLine = line(await spoiled('manual-zero-byte'));
    expect([spoiledLine.actual, spoiledLine.value_status, spoiledLine.withheld_code]).toEqual([null, 'invalid', 'manual-entry-unreadable']);
    expect(spoiledLine.withheld_reason).toContain(MANUAL_R6);
  });

  it('a manual measure nobody could have read for 令和6年度 is withheld too (the workbook may have held it), not published as never entered', async () => {
    const catalog = await loadCatalog(setagayaConfig);
    const manual = (r: IndicatorValueRow) => catalog.measures.get(r.measure_id)?.source.kind === 'manual';
    const before = unspoiled.values.filter((r) => r.fiscal_year === 2024 && r.value_status === 'missing' && manual(r));
    expect(before.length).toBeGreaterThan(0);
    const after = new Map((await spoiled('manual-zero-byte')).values.map((r) => [valueKey(r), r]));
    for (const r of before) expect(withheld(after.get(valueKey(r))!)).toEqual(['invalid', 'manual-entry-unreadable', expect.stringContaining(MANUAL_R6)]);
  });

  it('the survey frame of 令和6年度 invalid: the weighted figures it would feed are withheld with the frame file named', async () => {
    const after = (await spoiled('survey-frame-invalid')).values.find((r) => r.slot_id === 'v1-short-1' && r.fiscal_year === 2024)!;
    expect([after.value, after.value_status, after.withheld_code]).toEqual([null, 'invalid', 'industry-survey-frame-invalid']);
    expect(after.withheld_reason).toContain(`母集団ファイル ${FRAME_R6} を読み込めません`);
  });

  it('a survey response file of zero bytes: the figures it feeds are withheld with what rejected it, the file named', async () => {
    const after = await spoiled('survey-wave-zero-byte');
    const rejecting = after.issues.find((i) => i.severity === 'error' && i.location.file === SURVEY_R6_CSV)!;
    expect(rejecting.code).toBe('industry-survey-missing-id-column');
    const values = lost(unspoiled.values, after.values, valueKey, (r) => r.value);
    expect(values.length).toBeGreaterThan(0);
    for (const r of values) expect(withheld(r)).toEqual(['invalid', rejecting.code, expect.stringContaining(SURVEY_R6_CSV)]);
  });

  it('a baseline the config declares stands when the file that would have given its year is rejected', async () => {
    const catalog = await loadCatalog(setagayaConfig);
    const after = await spoiled('kosha-r5-zero-byte');
    const rows = after.values.filter((r) => r.fiscal_year === 2023 && catalog.measures.get(r.measure_id)?.source.kind === 'kosha');
    const declared = rows.filter((r) => r.value_status === 'declared');
    expect(declared.length).toBeGreaterThan(0);
    for (const r of declared) expect(r.value).toBe(catalog.measures.get(r.measure_id)!.baseline!.value);
    for (const r of rows.filter((v) => v.value === null)) expect(withheld(r)).toEqual(['invalid', 'kosha-unreadable', expect.stringContaining(KOSHA_R5)]);
  });

  it('a rejected copy beside a readable workbook: the values the readable one provides are published as before', async () => {
    const after = new Map((await spoiled('manual-zero-byte-copy')).values.map((r) => [valueKey(r), r]));
    for (const r of unspoiled.values.filter((v) => v.value !== null)) {
      expect([valueKey(r), after.get(valueKey(r))!.value, after.get(valueKey(r))!.value_status]).toEqual([valueKey(r), r.value, r.value_status]);
    }
  });
});

describe('the fiscal year a rejected file was expected to feed, from its name', () => {
  it.each([
    ['manual-entry/手入力_令和6年度.xlsx', [2024]],
    ['manual-entry/手入力_R6.xlsx', [2024]],
    ['kosha/公社_相談記録_令和5年度.xlsx', [2023]],
    ['kosha/公社_セミナー実施記録_令和5-6年度.xlsx', [2023, 2024]],
    ['setagaya-pay/せたがやPay月次報告_2024年06月.xlsx', [2024]],
    ['setagaya-pay/【せたがやPay】月次集計レポート_202503.xlsx', [2024]],
    ['industry-survey/R6_産業基礎調査_母集団.csv', [2024]],
    ['manual-entry/手入力_２０２４年度.xlsx', [2024]],
    // A RESAS release is not a fiscal year: the run's report year stands in.
    ['resas/地域経済循環_生産_2020年版.csv', []],
    ['manual-entry/extra.xlsx', []],
  ])('%s → %j', (file, fiscalYears) => {
    expect(fiscalYearsOfFileName(file)).toEqual(fiscalYears);
  });
});
