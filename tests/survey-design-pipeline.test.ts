// The whole survey path (CSV wave + frame file → runIndustrySurvey → survey_breakdowns) on the synthetic stratified
// wave of scripts/survey-reference/: every published weighted share, design SE, deff, effective n, df and
// Korn–Graubard bound equals R's survey package (frozen in tests/fixtures/survey-reference/reference.csv) to 1e-9 in
// percent units. Also: the frame's problems as issues, design limits, and revisions when a corrected frame arrives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Measure } from '../config/catalog-schema.ts';
import { industrySurveyConfigSchema, type IndustrySurveyConfig } from '../sources/industry-survey/industry-survey-config.ts';
import { runIndustrySurvey } from '../pipelines/industry-survey-family-read.ts';
import { generateSyntheticWave, syntheticMargins, type SyntheticRow } from '../scripts/survey-reference/generate-synthetic-wave.ts';
import { writeCsvFile } from '../scripts/sample/write-csv-file.ts';
import { inboxFile } from './fixtures/survey-wave-fixtures.ts';

const rows = generateSyntheticWave();
const strata = [...new Set(rows.map((r) => r.stratum))];
const domains = ['a', 'b', 'c', 'd', 'e', 'tiny', 'allzero', 'allone'];
const regions = ['A', 'B', 'C'];
const sizes = ['s', 'm', 'l'];
const margins = syntheticMargins(rows);
const yesNo = [
  { code: 1, labelJa: 'はい' },
  { code: 2, labelJa: 'いいえ' },
];

function config(
  more: Record<string, unknown> = {},
  calibration?: Record<string, Record<string, number>>,
  method: 'rake' | 'linear' = 'rake',
): IndustrySurveyConfig {
  return industrySurveyConfigSchema.parse({
    files: {
      pattern: '^(?<year>\\d{4})_事業所調査_(?<instrument>[^_]+?)(?:_v(?<version>\\d+))?\\.csv$',
      framePattern: '^(?<year>\\d{4})_事業所調査_母集団(?:_v(?<version>\\d+))?\\.csv$',
    },
    nonResponse: [{ code: 99, kind: 'noAnswer', labelJa: '無回答' }],
    breakdowns: {
      minN: 1,
      dimensions: [
        { id: 'stratum', nameJa: '層', groups: strata.map((s) => ({ code: s, labelJa: s })) },
        { id: 'domain', nameJa: '領域', groups: domains.map((d) => ({ code: d, labelJa: d })) },
        { id: 'region', nameJa: '地域', groups: regions.map((d) => ({ code: d, labelJa: `地域${d}` })) },
        { id: 'size', nameJa: '規模', groups: sizes.map((d) => ({ code: d, labelJa: `規模${d}` })) },
      ],
    },
    design: { strata: ['stratum'], weights: 'file', ...more },
    waves: calibration ? [{ fiscalYear: 2025, calibration: { method, margins: calibration } }] : [],
    instruments: [
      {
        id: 'survey',
        nameJa: '事業所調査',
        fileLabels: ['事業所'],
        respondentId: 'ID',
        weight: 'W',
        breakdowns: {
          stratum: { question: 'S', groups: Object.fromEntries(strata.map((s, i) => [String(i + 1), s])) },
          domain: { question: 'D', groups: Object.fromEntries(domains.map((d, i) => [String(i + 1), d])) },
          region: { question: 'R', groups: Object.fromEntries(regions.map((d, i) => [String(i + 1), d])) },
          size: { question: 'Z', groups: Object.fromEntries(sizes.map((d, i) => [String(i + 1), d])) },
        },
      },
    ],
    codebooks: [
      {
        instrument: 'survey',
        fiscalYears: [2025],
        questions: [
          { id: 'S', textJa: '層', type: 'single', answers: strata.map((s, i) => ({ code: i + 1, labelJa: s })) },
          { id: 'D', textJa: '領域', type: 'single', answers: domains.map((d, i) => ({ code: i + 1, labelJa: d })) },
          { id: 'R', textJa: '地域', type: 'single', answers: regions.map((d, i) => ({ code: i + 1, labelJa: d })) },
          { id: 'Z', textJa: '規模', type: 'single', answers: sizes.map((d, i) => ({ code: i + 1, labelJa: d })) },
          ...[1, 2, 3].map((k) => ({ id: `Y${k}`, textJa: `設問${k}`, type: 'single', answers: yesNo })),
        ],
      },
    ],
  });
}

const measures: Measure[] = [1, 2, 3].map((k) => ({
  id: `y${k}`,
  nameJa: `y${k}`,
  unit: '%',
  decimals: 1,
  direction: 'higher',
  aggregation: 'surveyShare',
  source: { kind: 'industrySurvey', question: `Y${k}`, questions: { survey: `Y${k}` }, countedAnswers: [1], denominator: 'answered' },
}));

const wave = (data: readonly SyntheticRow[], name = '2025_事業所調査_事業所.csv') =>
  inboxFile({
    name,
    bytes: writeCsvFile(
      [
        ['ID', 'W', 'S', 'D', 'R', 'Z', 'Y1', 'Y2', 'Y3'],
        ...data.map((r) => [
          r.id,
          r.weight,
          strata.indexOf(r.stratum) + 1,
          domains.indexOf(r.domain) + 1,
          regions.indexOf(r.region) + 1,
          sizes.indexOf(r.sizeClass) + 1,
          ...r.y.map((v) => (v === null ? null : v === 1 ? 1 : 2)),
        ]),
      ],
      'utf-8',
    ),
  });

const frame = (population: (stratum: string) => number | string, name = '2025_事業所調査_母集団.csv', only = strata) =>
  inboxFile({ name, bytes: writeCsvFile([['調査票', '層', '母集団'], ...only.map((s) => ['事業所調査', s, population(s)])], 'utf-8') });

const populationOf = (s: string) => rows.find((r) => r.stratum === s)!.population;

const fixture = (name: string) => {
  const [head, ...lines] = readFileSync(new URL(`./fixtures/survey-reference/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const keys = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i]!, v])));
};
const calibration = { region: margins.region, size: margins.sizeClass };

describe.each([
  { label: 'stratified with fpc', reference: fixture('reference.csv'), calibrated: null, method: 'design' },
  { label: 'raked to the region and size margins', reference: fixture('reference-raked.csv'), calibrated: 'rake', method: 'design-raked' },
  { label: 'linearly calibrated to the same margins', reference: fixture('reference-linear.csv'), calibrated: 'linear', method: 'design-calibrated' },
] as const)('design-based shares through the pipeline equal R survey: $label', async ({ reference, calibrated, method }) => {
  const result = await runIndustrySurvey([wave(rows), frame(populationOf)], measures, config({}, calibrated ? calibration : undefined, calibrated ?? 'rake'));
  it('reads the wave and the frame without issues', () => {
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
  for (const ref of reference) {
    it(`${ref.outcome} ${ref.domain}`, () => {
      const row = result.tables.survey_breakdowns.find(
        (r) => r.measure_id === ref.outcome && (ref.domain === 'all' ? r.dimension === 'total' : r.dimension === 'domain' && r.group_code === ref.domain),
      )!;
      // A calibrated design's subsets keep every row in R (nrow = all respondents), so n is compared only uncalibrated.
      expect([row.estimator, row.weighted_method]).toEqual([method, method]);
      if (!calibrated) expect(row.n).toBe(Number(ref.n));
      const want = (v: string | undefined) => (v === 'NA' || v === undefined ? null : Number(v));
      const near = (got: number | null, v: string | undefined, scale = 1) => {
        const w = want(v);
        if (w === null) return;
        expect(Math.abs(got! - w)).toBeLessThan(1e-9 * scale);
      };
      near(row.weighted_share, ref.share);
      near(row.weighted_se, ref.se);
      near(row.deff, ref.deff);
      near(row.effective_n, ref.effective_n, want(ref.effective_n) ?? 1);
      near(row.weighted_ci_low, ref.ci_low);
      near(row.weighted_ci_high, ref.ci_high);
      expect(row.design_df).toBe(Number(ref.df));
    });
  }
});

describe('frame problems are issues and withhold the design-based figures', () => {
  it('reports respondents whose stratum is missing from the frame, n_h > N_h, and a lone respondent', async () => {
    const small = strata[3]!;
    const lonely = strata[20]!;
    const data = rows.filter((r) => r.stratum !== lonely || r.id === rows.find((x) => x.stratum === lonely)!.id);
    const result = await runIndustrySurvey(
      [
        wave(data),
        frame(
          (s) => (s === small ? 1 : populationOf(s)),
          undefined,
          strata.filter((s) => s !== strata[9]),
        ),
      ],
      measures,
      config(),
    );
    const codes = result.issues.filter((i) => i.severity === 'error').map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'industry-survey-stratum-not-in-frame',
        'industry-survey-stratum-over-frame',
        'industry-survey-lonely-stratum',
        'industry-survey-estimate-withheld',
      ]),
    );
    const missing = result.issues.find((i) => i.code === 'industry-survey-stratum-not-in-frame')!;
    expect(missing.message).toMatch(
      /^「事業所調査」の回答者 \d+ 人（[\d・]+行目( など)?）の層「s10」が母集団ファイル 2025_事業所調査_母集団\.csv にありません/,
    );
    expect(result.issues.find((i) => i.code === 'industry-survey-stratum-over-frame')!.message).toContain(`層「事業所調査・${small}」の回答者`);
    expect(result.observations).toEqual([]);
  });
  it('reports a missing frame file and a frame row it cannot read', async () => {
    const none = await runIndustrySurvey([wave(rows)], measures, config());
    expect(none.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([
      'industry-survey-no-frame',
      'industry-survey-estimate-withheld',
      'industry-survey-estimate-withheld',
      'industry-survey-estimate-withheld',
    ]);
    const bad = await runIndustrySurvey([wave(rows), frame((s) => (s === strata[0] ? '約300' : populationOf(s)))], measures, config());
    const invalid = bad.issues.find((i) => i.code === 'industry-survey-frame-invalid')!;
    expect([invalid.location.row, invalid.location.column, invalid.raw]).toEqual([2, '母集団', '約300']);
    expect(invalid.message).toBe(
      '母集団の事業所数「約300」が 1 以上の整数ではありません。母集団ファイルを直し、版を上げた名前（_v2）で置いてください（標本設計による推計は出しません）',
    );
  });
});

describe('calibration margins that cannot be met', () => {
  it('are reported, and the design stays uncalibrated', async () => {
    const result = await runIndustrySurvey(
      [wave(rows), frame(populationOf)],
      measures,
      config({}, { region: { ...margins.region, C: 0 }, size: margins.sizeClass }),
    );
    const unmet = result.issues.find((i) => i.code === 'industry-survey-calibration-unmet')!;
    expect(unmet.message).toBe(
      'ウェイトの較正（レイキング）で周辺の合計に合わせられません: 地域「地域C」に回答者がいますが、その母集団が設定にありません。設定 waves[].calibration を直してください。較正しない標本設計で推計しています（weighted_method = design）',
    );
    expect(result.tables.survey_breakdowns.find((r) => r.dimension === 'total')!.weighted_method).toBe('design');
  });
});

describe('design limits', () => {
  it('flag, or withhold with a reason, the cells past the effective-n or relative-SE limit', async () => {
    const flagged = await runIndustrySurvey([wave(rows), frame(populationOf)], measures, config({ limits: { minEffectiveN: 30, maxRelativeSe: 0.3 } }));
    const tiny = flagged.tables.survey_breakdowns.find((r) => r.measure_id === 'y1' && r.group_code === 'tiny')!;
    expect([tiny.design_flag, tiny.suppressed]).toEqual(['effective-n', false]);
    const rare = flagged.tables.survey_breakdowns.find((r) => r.measure_id === 'y2' && r.group_code === 'allzero')!;
    expect([rare.design_flag, rare.effective_n! > 30]).toEqual(['relative-se', true]);
    const withheld = await runIndustrySurvey([wave(rows), frame(populationOf)], measures, config({ limits: { minEffectiveN: 30, action: 'withhold' } }));
    const hidden = withheld.tables.survey_breakdowns.find((r) => r.measure_id === 'y1' && r.group_code === 'tiny')!;
    expect([hidden.suppressed, hidden.suppression_reason, hidden.weighted_share, hidden.n]).toEqual([true, 'design-effective-n', null, 7]);
  });
});

describe('a corrected frame file', () => {
  it('replaces the earlier one, and survey_revisions lists every published figure it changes', async () => {
    const corrected = (s: string) => (s === strata[0] ? populationOf(s) * 3 : populationOf(s));
    // With weights N_h ÷ n_h from the frame, a corrected N_h moves the shares (with the file's weights only the SEs).
    const before = await runIndustrySurvey([wave(rows), frame(populationOf)], measures, config({ weights: 'frame' }));
    const after = await runIndustrySurvey(
      [wave(rows), frame(populationOf), frame(corrected, '2025_事業所調査_母集団_v2.csv')],
      measures,
      config({ weights: 'frame' }),
    );
    const published = (r: typeof before) =>
      new Map(
        r.tables.survey_breakdowns.map((b) => [
          `${b.measure_id}/${b.dimension}/${b.group_code}`,
          b.weighted_share === null ? null : Math.round(b.weighted_share * 10) / 10,
        ]),
      );
    const old = published(before);
    const changed = [...published(after)]
      .filter(([k, v]) => old.get(k) !== v)
      .map(([k]) => k)
      .sort();
    expect(changed.length).toBeGreaterThan(3);
    expect(after.tables.survey_revisions.map((r) => `${r.measure_id}/${r.dimension}/${r.group_code}`).sort()).toEqual(changed);
    expect(
      after.tables.survey_revisions.every((r) => r.replaced_file === '2025_事業所調査_母集団.csv' && r.replacement_file === '2025_事業所調査_母集団_v2.csv'),
    ).toBe(true);
    expect(after.issues.find((i) => i.code === 'industry-survey-frame-replaced')!.message).toBe(
      `修正された母集団ファイル 2025_事業所調査_母集団_v2.csv を 2025_事業所調査_母集団.csv に代えて令和7年度の推計に使います。変わった公表値は ${changed.length} 件です（survey_revisions）`,
    );
  });
});

describe('two measures of one question over different denominators', () => {
  it('hide the same groups: shown in one, a group would give the other its hidden share back', async () => {
    const answered = measures[2]!;
    const both: Measure[] = [
      answered,
      { ...answered, id: 'y3-all', nameJa: 'y3-all', source: { ...answered.source, denominator: 'all' } as Measure['source'] },
    ];
    const cells = (result: Awaited<ReturnType<typeof runIndustrySurvey>>, id: string) =>
      new Map(result.tables.survey_breakdowns.filter((r) => r.measure_id === id && r.dimension !== 'total').map((r) => [`${r.dimension}/${r.group_code}`, r]));
    const open = await runIndustrySurvey([wave(rows), frame(populationOf)], both, config());
    const [y3, all] = [cells(open, 'y3'), cells(open, 'y3-all')];
    // A region whose non-answers (12 % of y3) put it under the limit in y3 and not in y3-all.
    const [key, cell] = [...y3].find(([k, r]) => k.startsWith('region/') && r.n > 0 && all.get(k)!.n > r.n)!;
    const limited = config();
    limited.breakdowns!.minN = cell.n + 1;
    const closed = await runIndustrySurvey([wave(rows), frame(populationOf)], both, limited);
    const [y3Closed, allClosed] = [cells(closed, 'y3'), cells(closed, 'y3-all')];
    expect([y3Closed.get(key)!.suppression_reason, allClosed.get(key)!.suppressed]).toEqual(['min-n', true]);
    for (const [k, r] of y3Closed) if (r.suppressed && r.n > 0) expect(allClosed.get(k)!.suppressed, k).toBe(true);
    for (const [k, r] of allClosed) if (r.suppressed && r.n > 0) expect(y3Closed.get(k)!.suppressed, k).toBe(true);
  });
});
