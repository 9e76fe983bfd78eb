// A wave the project has never seen (区民調査 FY2025), written in every accepted layout: the shares, n, numerators,
// Wilson intervals and weighted estimates the pipeline gives agree with a plain re-computation from the respondents.
import { describe, expect, it } from 'vitest';
import { runIndustrySurvey } from '../pipelines/industry-survey-family-read.ts';
import type { SurveyRespondent } from '../scripts/sample/survey-wave-table.ts';
import {
  FIXTURE_YEAR,
  inboxFile,
  layouts,
  residentsConfig,
  residentsMeasures,
  residentsRespondents,
  writeResidentsWave,
  type FixtureLayout,
} from './fixtures/survey-wave-fixtures.ts';

// The exact 97.5% normal quantile; the pipeline's approximation agrees to about 1e-9.
const Z = 1.959963984540054;

/** The share written out by hand: who is in the denominator, who is counted, Wilson bounds, Σw·y ÷ Σw, Kish n. */
function recompute(
  respondents: readonly SurveyRespondent[],
  question: string,
  counted: number[],
  rule: 'answered' | 'applicable' | 'all',
  keep: (r: SurveyRespondent) => boolean = () => true,
) {
  let n = 0;
  let k = 0;
  let w = 0;
  let wk = 0;
  let w2 = 0;
  for (const r of respondents) {
    if (!keep(r)) continue;
    const v = r.answers[question];
    const codes = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v as number];
    const noAnswer = codes.length === 0 || codes.includes(9);
    const notApplicable = codes.includes(8);
    const answered = !noAnswer && !notApplicable;
    const inDenominator = rule === 'all' || answered || (rule === 'applicable' && noAnswer);
    if (!inDenominator) continue;
    const yes = answered && codes.some((c) => counted.includes(c));
    n += 1;
    w += r.weight as number;
    w2 += (r.weight as number) ** 2;
    if (yes) {
      k += 1;
      wk += r.weight as number;
    }
  }
  const p = k / n;
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z / (1 + (Z * Z) / n)) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  const effectiveN = (w * w) / w2;
  return {
    n,
    numerator: k,
    share: p * 100,
    ciLow: Math.max(0, centre - half) * 100,
    ciHigh: Math.min(1, centre + half) * 100,
    weightedShare: (wk / w) * 100,
    effectiveN,
    weightedSe: Math.sqrt(((wk / w) * (1 - wk / w)) / effectiveN) * 100,
  };
}

const respondents = residentsRespondents();
const ageOf = (r: SurveyRespondent) => r.answers.A1 as number | null;

describe.each(Object.keys(layouts) as FixtureLayout[])('layout %s', (layout) => {
  it('gives the shares, n and intervals of a plain re-computation, for the total and by group', async () => {
    const files = await writeResidentsWave(layout, respondents);
    const config = residentsConfig({ codebookInConfig: layouts[layout].codebook === 'config' });
    const result = await runIndustrySurvey(files.map(inboxFile), residentsMeasures, config);

    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(result.tables.survey_waves).toMatchObject([{ fiscal_year: FIXTURE_YEAR, status: 'active', respondents: 640, data_rows: 640, weighted: true }]);

    const cases = [
      ['res-shop-weekly', 'B1', [1, 2], 'answered'],
      ['res-pay-use', 'B2', [3], 'answered'],
      ['res-satisfied', 'B3', [1, 2], 'answered'],
      ['res-satisfied-applicable', 'B3', [1, 2], 'applicable'],
      ['res-satisfied-all', 'B3', [1, 2], 'all'],
      ['res-cashless-weighted', 'B2', [3, 5], 'answered'],
    ] as const;
    for (const [id, question, counted, rule] of cases) {
      const want = recompute(respondents, question, [...counted], rule);
      const total = result.tables.survey_breakdowns.find((r) => r.measure_id === id && r.dimension === 'total')!;
      expect({ id, n: total.n, numerator: total.numerator }).toEqual({ id, n: want.n, numerator: want.numerator });
      expect(total.share).toBeCloseTo(want.share, 9);
      expect(total.ci_low).toBeCloseTo(want.ciLow, 6);
      expect(total.ci_high).toBeCloseTo(want.ciHigh, 6);
      expect(total.weighted_share).toBeCloseTo(want.weightedShare, 9);
      expect(total.effective_n).toBeCloseTo(want.effectiveN, 6);
      expect(total.weighted_se).toBeCloseTo(want.weightedSe, 9);

      const observation = result.observations.find((o) => o.measureId === id)!;
      const published = id === 'res-cashless-weighted' ? want.weightedShare : want.share;
      expect(observation).toMatchObject({ fiscalYear: FIXTURE_YEAR, n: want.n, sourceKind: 'industrySurvey' });
      expect(observation.value).toBeCloseTo(published, 9);
    }

    // By age group (A1 1–2 → 40歳未満 …), and those without a usable age in 不明・無回答.
    const groups: [string, (r: SurveyRespondent) => boolean][] = [
      ['u40', (r) => [1, 2].includes(ageOf(r) ?? 0)],
      ['40-59', (r) => [3, 4].includes(ageOf(r) ?? 0)],
      ['60+', (r) => [5, 6].includes(ageOf(r) ?? 0)],
      ['unknown', (r) => ![1, 2, 3, 4, 5, 6].includes(ageOf(r) ?? 0)],
    ];
    for (const [code, keep] of groups) {
      const want = recompute(respondents, 'B1', [1, 2], 'answered', keep);
      const row = result.tables.survey_breakdowns.find((r) => r.measure_id === 'res-shop-weekly' && r.dimension === 'age' && r.group_code === code)!;
      expect({ code, n: row.n }).toEqual({ code, n: want.n });
      if (want.n < 20) {
        expect(row).toMatchObject({ suppressed: true, share: null, numerator: null, ci_low: null });
        continue;
      }
      expect(row.numerator).toBe(want.numerator);
      expect(row.share).toBeCloseTo(want.share, 9);
      expect(row.ci_low).toBeCloseTo(want.ciLow, 6);
      expect(row.ci_high).toBeCloseTo(want.ciHigh, 6);
    }
  });
});

it('gives the same table in every layout', async () => {
  const tables = [];
  for (const layout of Object.keys(layouts) as FixtureLayout[]) {
    const files = await writeResidentsWave(layout, respondents);
    const result = await runIndustrySurvey(
      files.map(inboxFile),
      residentsMeasures,
      residentsConfig({ codebookInConfig: layouts[layout].codebook === 'config' }),
    );
    tables.push(result.tables.survey_breakdowns.map(({ sources: _sources, ...row }) => row));
  }
  for (const t of tables.slice(1)) expect(t).toEqual(tables[0]);
});

it('shows a small group as suppressed (never 0), and hides the next smallest too when it is the only one', async () => {
  const files = await writeResidentsWave('xlsx-id', respondents);
  const result = await runIndustrySurvey(files.map(inboxFile), residentsMeasures, residentsConfig({ codebookInConfig: false, minN: 30 }));
  const area = result.tables.survey_breakdowns
    .filter((r) => r.measure_id === 'res-shop-weekly' && r.dimension === 'area')
    .map((r) => [r.group_label, r.n, r.numerator, r.share === null ? null : Number(r.share.toFixed(2)), r.suppression_reason]);
  // Only 25 respondents have no usable area: hidden; 玉川 (the smallest other group) is hidden too, or the total
  // minus the shown groups would give the 25 back.
  expect(area).toEqual([
    ['世田谷', 119, 58, 48.74, null],
    ['北沢', 125, 63, 50.4, null],
    ['玉川', 113, null, null, 'complementary'],
    ['砧', 118, 61, 51.69, null],
    ['烏山', 119, 59, 49.58, null],
    ['不明・無回答', 25, null, null, 'min-n'],
  ]);
  const hidden = result.tables.survey_breakdowns.filter((r) => r.suppressed);
  expect(hidden.every((r) => r.share === null && r.weighted_share === null && r.ci_low === null && r.se === null)).toBe(true);
});

it.each(['xlsx-id', 'csv-cp932'] as const)('reports reading progress of a %s file, ending at its full size', async (layout) => {
  const files = await writeResidentsWave(layout, respondents);
  const calls: [string, number, number][] = [];
  await runIndustrySurvey(files.map(inboxFile), residentsMeasures, residentsConfig({ codebookInConfig: layouts[layout].codebook === 'config' }), {
    onProgress: (file, done, total) => calls.push([file, done, total]),
  });
  const last = calls.at(-1)!;
  expect(last[0]).toBe(files[0]!.name);
  expect(last[1]).toBe(last[2]);
  expect(calls.every(([, done, total]) => done <= total)).toBe(true);
});
