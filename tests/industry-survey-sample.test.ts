// The bundled sample waves (FY2023 and FY2024): about 3,000 businesses sampled, a third responding, the ward's
// industry mix; their estimates reproduce the printed FY2024 shares and the unrounded FY2023 baselines, and their
// few messy cells give warnings but change no share.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog, type ConfigProblem } from '../config/load-catalog.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import { roundHalfUp } from '../lib/decimal.ts';
import { readInboxFile } from '../sources/inbox-file.ts';
import { industrySurveyConfigSchema } from '../sources/industry-survey/industry-survey-config.ts';
import { runIndustrySurvey, type IndustrySurveyResult } from '../pipelines/industry-survey-family-read.ts';
import { writeIndustrySurveySamples } from '../scripts/sample/generate-industry-survey-waves.ts';
import { setagayaConfig, tempDir } from './helpers.ts';

// seed000: FY2024 as printed (v1 中長期2・3 inferred from the index), FY2023 the unrounded baselines the indices imply.
const printed: Record<string, [number | null, number]> = {
  'sales-growth-share': [18.7, 20.1],
  'profit-making-business-share': [50.6, 53.2],
  'business-expansion-intent-share': [20.4, 13.3],
  'wage-increase-intent-share': [38.0, 42.0],
  'staff-secured-share': [35.1, 75.3],
  'no-succession-issue-share': [24.1, 23.2],
  'senior-hiring-intent-share': [18.1, 56.8],
  'side-job-acceptance-share': [67.7, 73.0],
  'diversity-interest-share': [null, 43.0],
  'diversity-practice-share': [null, 11.9],
  'social-issue-interest-share': [62.9, 63.8],
  'social-issue-practice-share': [13.3, 15.3],
  'business-ethical-awareness-share': [null, 51.1],
  'decarbonisation-interest-share': [45.1, 42.7],
  'environmental-priority-share': [24.9, 21.6],
};

let catalog: Catalog;
let files: string[];
let result: IndustrySurveyResult;

beforeAll(async () => {
  catalog = await loadCatalog(setagayaConfig);
  const inbox = await tempDir();
  files = await writeIndustrySurveySamples(setagayaConfig, inbox, catalog);
  const problems: ConfigProblem[] = [];
  const config = (await readConfigFile(path.join(setagayaConfig, 'sources', 'industry-survey.yaml'), industrySurveyConfigSchema, problems))!;
  expect(problems).toEqual([]);
  result = await runIndustrySurvey(await Promise.all(files.map((f) => readInboxFile(inbox, f))), catalog.measures.values(), config);
});

it('writes one workbook and one CSV per year', () => {
  expect(result.tables.survey_waves.map((w) => [w.file, w.format, w.status])).toEqual([
    ['industry-survey/R5_産業基礎調査_商業・サービス.xlsx', 'xlsx', 'active'],
    ['industry-survey/R5_産業基礎調査_建設・製造・その他.csv', 'csv-utf-8', 'active'],
    ['industry-survey/R6_産業基礎調査_商業・サービス.xlsx', 'xlsx', 'active'],
    ['industry-survey/R6_産業基礎調査_建設・製造・その他.csv', 'csv-cp932', 'active'],
  ]);
});

it('feeds every survey-based measure from the waves, as printed', () => {
  const fed = [...catalog.measures.values()].filter((m) => m.source.kind === 'industrySurvey').map((m) => m.id);
  expect(fed.sort()).toEqual(Object.keys(printed).sort());
  for (const [id, [baseline, actual]] of Object.entries(printed)) {
    const value = (year: number) => result.observations.find((o) => o.measureId === id && o.fiscalYear === year)?.value;
    expect([id, roundHalfUp(value(2024)!, 1)]).toEqual([id, actual]);
    expect([id, value(2023) === undefined ? null : roundHalfUp(value(2023)!, 1)]).toEqual([id, baseline]);
  }
});

it('looks like a real wave: ~3,000 sampled, a third responding, retail the largest group', () => {
  for (const year of [2023, 2024]) {
    const respondents = result.tables.survey_waves.filter((w) => w.fiscal_year === year).reduce((n, w) => n + w.respondents!, 0);
    expect(respondents / 3000).toBeGreaterThan(0.3);
    expect(respondents / 3000).toBeLessThan(0.4);
  }
  const industries = result.tables.survey_breakdowns.filter(
    (r) => r.measure_id === 'profit-making-business-share' && r.fiscal_year === 2024 && r.dimension === 'industry',
  );
  expect(industries.reduce((a, b) => (b.n > a.n ? b : a)).group_label).toBe('卸売業・小売業');
  expect(result.tables.survey_waves.every((w) => w.weighted)).toBe(true);
  // Small groups are published as suppressed, never as 0.
  expect(result.tables.survey_breakdowns.some((r) => r.suppressed && r.n > 0)).toBe(true);
});

it('has a few messy cells that give warnings and no error', () => {
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(result.issues.filter((i) => i.severity === 'warning').map((i) => [i.code, i.location.file?.slice('industry-survey/'.length)])).toEqual([
    ['industry-survey-empty-row', 'R5_産業基礎調査_商業・サービス.xlsx'],
    ['industry-survey-duplicate-respondent', 'R5_産業基礎調査_建設・製造・その他.csv'],
    ['industry-survey-unknown-column', 'R6_産業基礎調査_商業・サービス.xlsx'],
    ['industry-survey-duplicate-respondent', 'R6_産業基礎調査_商業・サービス.xlsx'],
    ['industry-survey-outside-fieldwork', 'R6_産業基礎調査_商業・サービス.xlsx'],
    ['industry-survey-empty-row', 'R6_産業基礎調査_建設・製造・その他.csv'],
  ]);
  // The diversity and ethical questions were first asked in FY2024: no FY2023 value (printed 「—」).
  expect(result.issues.filter((i) => i.code === 'industry-survey-question-not-asked').map((i) => i.message.slice(3, i.message.indexOf('」')))).toEqual([
    'ダイバーシティ経営に関心や意識を持つ企業の割合',
    'ダイバーシティ経営に取り組んでいる企業の割合',
    '事業者におけるエシカル認知度',
  ]);
});

it('gives web answers before 9:00 on the first day (UTC on the previous date) their Japanese date', () => {
  expect(result.tables.survey_waves.find((w) => w.file.endsWith('R6_産業基礎調査_建設・製造・その他.csv'))).toMatchObject({
    first_response_date: '2024-07-01',
    last_response_date: '2024-09-30',
  });
});

it('is generated byte for byte the same every time', async () => {
  const again = await writeIndustrySurveySamples(setagayaConfig, await tempDir(), catalog);
  for (let i = 0; i < files.length; i += 1) expect(await readFile(again[i]!)).toEqual(await readFile(files[i]!));
});

it('publishes design-based estimates: strata from the frame file, weights N_h ÷ n_h, Korn–Graubard intervals', () => {
  expect(files.filter((f) => f.endsWith('母集団.csv')).map((f) => path.basename(f))).toEqual(['R5_産業基礎調査_母集団.csv', 'R6_産業基礎調査_母集団.csv']);
  const totals = result.tables.survey_breakdowns.filter((r) => r.dimension === 'total');
  expect(totals.length).toBe(27);
  for (const r of totals) {
    expect([r.measure_id, r.estimator, r.weighted_method]).toEqual([r.measure_id, 'design', 'design']);
    expect(r.deff!).toBeGreaterThan(0.5);
    const o = result.observations.find((x) => x.measureId === r.measure_id && x.fiscalYear === r.fiscal_year)!;
    expect([o.value, o.ciLow, o.ciHigh]).toEqual([r.weighted_share, r.weighted_ci_low, r.weighted_ci_high]);
    expect(o.provenance.rule).toContain('標本設計による加重推計');
  }
});
