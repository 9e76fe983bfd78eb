// 持続可能な地域経済の充実度: given indicator_values rows, expect the composite_index table (primary and
// sensitivity rows) and the components; then the same on the bundled sample (FY2024, the coverage problem).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measuresFileSchema, planSchema, slotsFileSchema } from '../config/catalog-schema.ts';
import { compositeInputs } from '../config/composite-inputs.ts';
import { compositeFileSchema } from '../config/composite-schema.ts';
import { loadCatalog, slotId, type Catalog } from '../config/load-catalog.ts';
import type { CompositeIndexRow } from '../lib/datasets/composite-tables.ts';
import type { IndicatorValueRow } from '../lib/datasets/indicator-tables.ts';
import { computeComposite } from '../transforms/compute-composite.ts';
import { computeIndex } from '../transforms/compute-index.ts';
import { copyConfig, problemsOf, setagayaConfig } from './helpers.ts';
import { sampleRun } from './sample-fixtures.ts';

// A small plan: 黒字 is printed in visions 1 and 2 (counted once), 倒産 is lower-is-better.
const measures = measuresFileSchema.parse({
  measures: [
    { id: 'profit', nameJa: '黒字決算事業者の割合', unit: '%', decimals: 1, aggregation: 'surveyShare', source: { kind: 'manual' } },
    { id: 'bankruptcies', nameJa: '区内倒産事業者数', unit: '件', decimals: 0, direction: 'lower', aggregation: 'eventCount', source: { kind: 'manual' } },
    { id: 'staff', nameJa: '従業員を確保できている事業者の割合', unit: '%', decimals: 1, aggregation: 'surveyShare', source: { kind: 'manual' } },
    { id: 'pay', nameJa: 'せたがやPayの利用額', unit: '千円', decimals: 0, aggregation: 'stock', source: { kind: 'manual' } },
    { id: 'seminars', nameJa: 'セミナー開催数', unit: '回', decimals: 0, aggregation: 'flow', source: { kind: 'manual' } },
  ],
}).measures;
const slots = slotsFileSchema
  .parse({
    slots: [
      { vision: 1, tier: 'long', position: 1, measure: 'profit', nameJa: '黒字決算事業者の割合' },
      { vision: 1, tier: 'action', position: 1, measure: 'seminars', nameJa: 'セミナー開催数' },
      { vision: 2, tier: 'long', position: 1, measure: 'profit', nameJa: '黒字決算事業者の割合' },
      { vision: 2, tier: 'long', position: 2, measure: 'bankruptcies', nameJa: '区内倒産事業者数 (―)' },
      { vision: 2, tier: 'long', position: 3, measure: 'staff', nameJa: '従業員を確保できている事業者の割合' },
      { vision: 3, tier: 'long', position: 1, measure: 'pay', nameJa: 'せたがやPayの利用額' },
    ],
  })
  .slots.map((s) => ({ ...s, id: slotId(s) }));

const method = { id: 'flat', labelJa: '単純平均', direction: 'invert', cap: { lo: 50, hi: 200 }, structure: 'flat', mean: 'arithmetic', minCoverage: 0.5 };

function catalogWith(composite: Record<string, unknown>, catalogSlots = slots): Catalog {
  return {
    dir: 'test',
    plan: planSchema.parse({
      id: 'test-plan',
      municipality: { code: '131121', nameJa: '世田谷区' },
      titleJa: 'テスト',
      baselineFiscalYear: 2023,
      period: { start: 2024, end: 2027 },
      visions: [1, 2, 3].map((number) => ({ number, titleJa: `目指す姿${number}` })),
    }),
    sections: [],
    measures: new Map(measures.map((m) => [m.id, m])),
    slots: catalogSlots,
    lines: [],
    files: [],
    composite: compositeFileSchema.parse({
      nameJa: '持続可能な地域経済の充実度',
      unitJa: 'ポイント',
      referenceFiscalYear: 2023,
      targets: [
        { fiscalYear: 2027, value: 130 },
        { fiscalYear: 2031, value: 135 },
      ],
      primary: method,
      ...composite,
    }),
  };
}

/** indicator_values rows as the pipeline writes them: one per slot, the index from the unrounded baseline. */
function rowsFor(
  fiscalYear: number,
  values: Record<string, number | null | { value: number | null; baseline?: number | null; status?: string; baselineYear?: number }>,
): IndicatorValueRow[] {
  return slots.flatMap((s) => {
    if (!(s.measure in values)) return [];
    const given = values[s.measure]!;
    const spec = typeof given === 'object' && given !== null ? given : { value: given };
    const baseline = spec.baseline === undefined ? 100 : spec.baseline;
    const value = spec.value;
    return [
      {
        plan_id: 'test-plan',
        vision: s.vision,
        also_visions: '',
        tier: s.tier,
        position: s.position,
        slot_id: s.id,
        measure_id: s.measure,
        name_ja: s.nameJa,
        previous_name_ja: null,
        unit: '',
        fiscal_year: fiscalYear,
        fiscal_year_label: '',
        value,
        baseline_value: baseline,
        baseline_fiscal_year: baseline === null ? null : (spec.baselineYear ?? 2023),
        index: computeIndex(value, baseline),
        trend: null,
        direction: measures.find((m) => m.id === s.measure)!.direction,
        assessment: null,
        n: null,
        ci_low: null,
        ci_high: null,
        value_status: spec.status ?? (value === null ? 'missing' : 'observed'),
        withheld_code: null,
        withheld_reason: null,
        source_kind: null,
        comment: null,
        reference_period: null,
        source_vintage: null,
        run_id: 'run',
      },
    ];
  });
}

const summary = (r: CompositeIndexRow) => ({
  fiscal_year: r.fiscal_year,
  method_id: r.method_id,
  status: r.status,
  value: r.value,
  provisional_value: r.provisional_value,
  inputs: `${r.inputs_present}/${r.inputs_total}`,
  coverage_rate: r.coverage_rate,
});

describe('the reference year comes out at 100', () => {
  const baseYear = rowsFor(2023, {
    profit: { value: 50.6, baseline: 50.6 },
    bankruptcies: { value: 50, baseline: 50 },
    staff: { value: 35.1, baseline: 35.1 },
    pay: { value: 20359824, baseline: 20359824 },
  });
  const allMethods = {
    alternatives: [
      { ...method, id: 'by-vision', structure: 'byVision' },
      { ...method, id: 'geometric', mean: 'geometric' },
      { ...method, id: 'by-vision-geometric', structure: 'byVision', mean: 'geometric' },
      { ...method, id: 'uncapped', cap: null },
      { ...method, id: 'as-printed', direction: 'asPrinted', cap: null },
    ],
  };

  it('under every method, when every input is 100', () => {
    const { index } = computeComposite(catalogWith(allMethods), rowsFor(2023, { profit: 100, bankruptcies: 100, staff: 100, pay: 100 }), 'run');
    expect(index.map((r) => [r.method_id, r.value])).toEqual([
      ['flat', 100],
      ['by-vision', 100],
      ['geometric', 100],
      ['by-vision-geometric', 100],
      ['uncapped', 100],
      ['as-printed', 100],
    ]);
  });

  it('with unrounded baselines and only one input present', () => {
    const { index } = computeComposite(catalogWith(allMethods), baseYear, 'run');
    expect(index.map((r) => r.value)).toEqual([100, 100, 100, 100, 100, 100]);
    const one = computeComposite(
      catalogWith({ ...allMethods, primary: { ...method, minCoverage: 0 } }),
      rowsFor(2023, { staff: { value: 35.1, baseline: 35.1 } }),
      'run',
    );
    expect(one.index.map((r) => r.provisional_value)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(one.index[0]).toMatchObject({ inputs_present: 1, inputs_total: 4, coverage_rate: 25 });
  });
});

describe('direction: a lower-is-better input enters inverted', () => {
  it('区内倒産事業者数 50 → 59 enters as 84.75 (baseline ÷ value), not as the printed 118.00', () => {
    const rows = rowsFor(2024, { bankruptcies: { value: 59, baseline: 50 } });
    const catalog = catalogWith({
      primary: { ...method, minCoverage: 0 },
      alternatives: [{ ...method, id: 'as-printed', direction: 'asPrinted', minCoverage: 0 }],
    });
    const { index, components } = computeComposite(catalog, rows, 'run');
    const bankruptcies = components.filter((c) => c.measure_id === 'bankruptcies');
    expect(bankruptcies.map((c) => [c.method_id, c.index, c.adjusted_index, c.capped_index])).toEqual([
      ['flat', 118, 84.75, 84.75],
      ['as-printed', 118, 118, 118],
    ]);
    expect(index.map((r) => [r.method_id, r.provisional_value])).toEqual([
      ['flat', 84.75],
      ['as-printed', 118],
    ]);
  });

  it('a lower-is-better input at 0 takes the cap’s top, and is missing without a cap', () => {
    const rows = rowsFor(2024, { bankruptcies: { value: 0, baseline: 50 }, profit: 100 });
    const catalog = catalogWith({ primary: { ...method, minCoverage: 0 }, alternatives: [{ ...method, id: 'uncapped', cap: null, minCoverage: 0 }] });
    const { index } = computeComposite(catalog, rows, 'run');
    expect(index.map((r) => [r.method_id, r.provisional_value, r.capped_inputs, r.missing_inputs])).toEqual([
      ['flat', 150, 'bankruptcies', 'staff:no-value;pay:no-value'],
      ['uncapped', 100, '', 'bankruptcies:not-invertible;staff:no-value;pay:no-value'],
    ]);
  });
});

describe('capping', () => {
  it('clamps each input to [50, 200] before the mean: 従業員確保 214.53 → 200, 40 → 50', () => {
    const rows = rowsFor(2024, {
      profit: { value: 53.2, baseline: 50.6 },
      staff: { value: 75.3, baseline: 35.1 },
      pay: { value: 40, baseline: 100 },
      bankruptcies: { value: 50, baseline: 50 },
    });
    const { index, components } = computeComposite(catalogWith({ alternatives: [{ ...method, id: 'uncapped', cap: null }] }), rows, 'run');
    expect(components.filter((c) => c.method_id === 'flat').map((c) => [c.measure_id, c.index, c.capped_index, c.was_capped, c.contribution])).toEqual([
      ['profit', 105.14, 105.14, false, 1.285],
      ['bankruptcies', 100, 100, false, 0],
      ['staff', 214.53, 200, true, 25],
      ['pay', 40, 50, true, -12.5],
    ]);
    // (105.14 + 100 + 200 + 50) / 4 = 113.785 → 113.79 half-up; uncapped (105.14 + 100 + 214.53 + 40) / 4 = 114.9175
    expect(index.map((r) => [r.method_id, r.value, r.capped_inputs])).toEqual([
      ['flat', 113.79, 'staff;pay'],
      ['uncapped', 114.92, ''],
    ]);
  });
});

describe('missing inputs and coverage', () => {
  const rows = [
    ...rowsFor(2024, {
      profit: { value: 53.2, baseline: 50.6 },
      bankruptcies: { value: 59, baseline: 50, baselineYear: 2022 },
      staff: { value: null, status: 'conflict' },
      pay: { value: 150 },
    }),
  ];

  it('computes over the inputs present and publishes only at the required coverage', () => {
    const catalog = catalogWith({ primary: { ...method, minCoverage: 0.6 }, alternatives: [{ ...method, id: 'half', minCoverage: 0.5 }] });
    const { index, issues } = computeComposite(catalog, rows, 'run');
    expect(index.map(summary)).toEqual([
      // (105.14 + 150) / 2 = 127.57: 2 of 4 inputs, 50% < 60% required → not published
      { fiscal_year: 2024, method_id: 'flat', status: 'below-coverage', value: null, provisional_value: 127.57, inputs: '2/4', coverage_rate: 50 },
      { fiscal_year: 2024, method_id: 'half', status: 'published', value: 127.57, provisional_value: 127.57, inputs: '2/4', coverage_rate: 50 },
    ]);
    expect(index[0]!.missing_inputs).toBe('bankruptcies:other-baseline-year;staff:conflict');
    expect(issues.map((i) => [i.code, i.severity, i.raw])).toEqual([['composite-below-coverage', 'warning', '50']]);
    expect(issues[0]!.message).toContain('入力4件のうち2件しかそろわず（被覆率50%、公表の条件は60%以上）');
  });

  it('measures coverage by weight', () => {
    const catalog = catalogWith({ inputs: { weights: { pay: 3 } }, primary: { ...method, minCoverage: 0.6 } });
    const [row] = computeComposite(catalog, rows, 'run').index;
    // present weight 1 + 3 of 6; (105.14 × 1 + 150 × 3) / 4 = 138.785 → 138.79
    expect(summary(row!)).toEqual({
      fiscal_year: 2024,
      method_id: 'flat',
      status: 'published',
      value: 138.79,
      provisional_value: 138.79,
      inputs: '2/4',
      coverage_rate: 66.7,
    });
  });

  it('tells apart no value, no baseline and no input at all', () => {
    const none = rowsFor(2024, { profit: { value: 53.2, baseline: null }, staff: null });
    const { index, issues } = computeComposite(catalogWith({}), none, 'run');
    expect(index[0]).toMatchObject({
      status: 'no-inputs',
      value: null,
      provisional_value: null,
      missing_inputs: 'profit:no-baseline;bankruptcies:no-value;staff:no-value;pay:no-value',
    });
    expect(issues.map((i) => i.code)).toEqual(['composite-no-inputs']);
  });

  it('publishes nothing for a catalog without composite.yaml', () => {
    const catalog = { ...catalogWith({}), composite: undefined };
    expect(computeComposite(catalog, rowsFor(2024, { profit: 100 }), 'run')).toEqual({ index: [], components: [], issues: [] });
  });
});

describe('a measure printed in several visions counts once', () => {
  // 黒字 (profit) is printed in visions 1 and 2. Vision 1: 黒字 130; vision 2: 黒字 130, 倒産 100, 従業員 160.
  const rows = rowsFor(2024, { profit: 130, bankruptcies: 100, staff: 160 });
  const catalog = catalogWith({
    primary: { ...method, minCoverage: 0 },
    alternatives: [{ ...method, id: 'by-vision', structure: 'byVision', minCoverage: 0 }],
  });

  it('flat: one input of weight 1, not two (130 + 100 + 160) / 3 = 130', () => {
    const { index, components } = computeComposite(catalog, rows, 'run');
    expect(index[0]).toMatchObject({ method_id: 'flat', provisional_value: 130, inputs_total: 4 });
    expect(components.find((c) => c.method_id === 'flat' && c.measure_id === 'profit')).toMatchObject({
      visions: '1;2',
      slot_ids: 'v1-long-1;v2-long-1',
      effective_weight: 0.3333,
    });
  });

  it('by vision: it brings half its weight to each vision, so vision 1 = 130 and vision 2 = (65 + 100 + 160) / 2.5 = 130', () => {
    const { index, components } = computeComposite(catalog, rows, 'run');
    expect(index[1]).toMatchObject({ method_id: 'by-vision', provisional_value: 130 });
    // profit: ½ (vision 1) + ½ × 0.5/2.5 (vision 2) = 0.6; 倒産 and 従業員 ½ × 1/2.5 = 0.2 each
    expect(components.filter((c) => c.method_id === 'by-vision' && c.status === 'present').map((c) => [c.measure_id, c.effective_weight])).toEqual([
      ['profit', 0.6],
      ['bankruptcies', 0.2],
      ['staff', 0.2],
    ]);
  });

  it('by vision with vision weights', () => {
    const weighted = catalogWith({ inputs: { visionWeights: { '2': 3 } }, primary: { ...method, structure: 'byVision', minCoverage: 0 } });
    const rows2 = rowsFor(2024, { profit: 100, bankruptcies: 100, staff: 200 });
    // vision 1 = 100; vision 2 = (50 + 100 + 200) / 2.5 = 140; (100 × 1 + 140 × 3) / 4 = 130
    expect(computeComposite(weighted, rows2, 'run').index[0]!.provisional_value).toBe(130);
  });
});

describe('the sensitivity table', () => {
  it('gives every method one row per year, the primary first, with the leave-one-out range', () => {
    const rows = [
      ...rowsFor(2023, { profit: 100, bankruptcies: 100, staff: 100, pay: 100 }),
      ...rowsFor(2024, { profit: 200, bankruptcies: { value: 100, baseline: 50 }, staff: 125, pay: 125 }),
    ];
    const catalog = catalogWith({
      alternatives: [
        { ...method, id: 'geometric', mean: 'geometric' },
        { ...method, id: 'as-printed', direction: 'asPrinted', cap: null },
      ],
    });
    const { index } = computeComposite(catalog, rows, 'run');
    expect(
      index.map((r) => [
        r.fiscal_year,
        r.method_id,
        r.is_primary,
        r.value,
        r.leave_one_out_low,
        r.leave_one_out_low_without,
        r.leave_one_out_high,
        r.leave_one_out_high_without,
        r.next_target_fiscal_year,
        r.next_target_value,
      ]),
    ).toEqual([
      [2023, 'flat', true, 100, 100, null, 100, null, 2027, 130],
      [2023, 'geometric', false, 100, 100, null, 100, null, 2027, 130],
      [2023, 'as-printed', false, 100, 100, null, 100, null, 2027, 130],
      // (200 + 50 + 125 + 125) / 4 = 125; without 200: 100, without 倒産 (50): 150
      [2024, 'flat', true, 125, 100, 'profit', 150, 'bankruptcies', 2027, 130],
      // 100 × (2 × 0.5 × 1.25 × 1.25)^(1/4) = 111.80
      [2024, 'geometric', false, 111.8, 92.1, 'profit', 146.2, 'bankruptcies', 2027, 130],
      // as printed: (200 + 200 + 125 + 125) / 4 = 162.5
      [2024, 'as-printed', false, 162.5, 150, 'profit', 175, 'staff', 2027, 130],
    ]);
  });
});

describe('the geometric leave-one-out range', () => {
  const geometric = catalogWith({ primary: { ...method, id: 'geometric', mean: 'geometric' } });
  const range = (r: CompositeIndexRow) => [r.leave_one_out_low, r.leave_one_out_low_without, r.leave_one_out_high, r.leave_one_out_high_without];

  it('names the first of two inputs whose leaving out gives the same value', () => {
    const rows = rowsFor(2024, { profit: 200, bankruptcies: 100, staff: 100, pay: 200 });
    // without profit or pay: 100 × (1 × 1 × 2)^(1/3) = 125.99; without 倒産 or 従業員: 100 × 4^(1/3) = 158.74
    expect(range(computeComposite(geometric, rows, 'run').index[0]!)).toEqual([125.99, 'profit', 158.74, 'bankruptcies']);
  });
});

describe('config: composite.yaml', () => {
  it('loads the Setagaya method: 29 distinct long-tier measures, primary flat-capped, targets 130 and 135', async () => {
    const catalog = await loadCatalog(setagayaConfig);
    expect(catalog.slots.filter((s) => s.tier === 'long')).toHaveLength(36);
    const inputs = compositeInputs(catalog.composite!, catalog.slots);
    expect(inputs).toHaveLength(29);
    expect(inputs.find((i) => i.measureId === 'port-collaborations')).toMatchObject({ visions: [4, 7, 8], slotIds: ['v4-long-3', 'v7-long-2', 'v8-long-1'] });
    expect(catalog.composite?.primary).toMatchObject({ id: 'flat-capped', cap: { lo: 50, hi: 200 }, minCoverage: 0.5 });
    expect(catalog.composite?.targets.map((t) => [t.fiscalYear, t.value])).toEqual([
      [2027, 130],
      [2031, 135],
    ]);
  });

  it('names a measure that is not a long-tier outcome, and one that does not exist', async () => {
    const dir = await copyConfig(setagayaConfig, {
      file: 'composite.yaml',
      replace: ['  exclude: []', '  exclude: [public-role-group-support, no-such-measure]'],
    });
    const problems = await problemsOf(dir);
    expect(problems).toEqual([
      {
        code: 'config-composite-not-long-term',
        file: path.join(dir, 'composite.yaml'),
        path: 'inputs.exclude[0]',
        message:
          '指標「public-role-group-support」（公共的役割を担う団体の活動の支援数）は中長期アウトカム（tier: long）の枠にありません。充実度の入力にできるのは中長期アウトカムの指標だけです',
      },
      {
        code: 'config-unknown-measure',
        file: path.join(dir, 'composite.yaml'),
        path: 'inputs.exclude[1]',
        message: '指標ID「no-such-measure」は measures*.yaml に定義されていません',
      },
    ]);
  });

  it('rejects an unknown key, and suggests the key meant (from the schema)', async () => {
    const dir = await copyConfig(setagayaConfig, {
      file: 'composite.yaml',
      replace: ['  structure: flat\n  mean: arithmetic\n  minCoverage: 0.5', '  structur: flat\n  mean: arithmetic\n  minCoverage: 0.5'],
    });
    expect((await problemsOf(dir)).map((p) => [p.path, p.message])).toContainEqual(['primary', '不明なキー「structur」（「structure」のことですか？）']);
  });

  it('rejects a cap that would move the reference year off 100', async () => {
    const dir = await copyConfig(setagayaConfig, { file: 'composite.yaml', replace: ['  cap: { lo: 50, hi: 200 }', '  cap: { lo: 110, hi: 200 }'] });
    expect((await problemsOf(dir)).map((p) => [p.path, p.message])).toEqual([
      ['primary.cap', 'cap は lo ≤ 100 ≤ hi にしてください（基準年度が100にならなくなります）'],
    ]);
  });
});

describe('the bundled sample (FY2024, 令和6年度)', () => {
  let index: CompositeIndexRow[];

  beforeAll(async () => {
    const rows = JSON.parse(await readFile(path.join((await sampleRun()).outDir, 'latest', 'indicator_values.json'), 'utf8')) as IndicatorValueRow[];
    index = computeComposite(await loadCatalog(setagayaConfig), rows, 'run').index;
  }, 120_000);

  it('is 100 in FY2023 under every method, over the 22 inputs that have a FY2023 baseline', () => {
    expect(index.filter((r) => r.fiscal_year === 2023).map((r) => [r.method_id, r.value, r.inputs_present, r.inputs_total])).toEqual([
      ['flat-capped', 100, 22, 29],
      ['by-vision-capped', 100, 22, 29],
      ['flat-capped-geometric', 100, 22, 29],
      ['flat-capped-narrow', 100, 22, 29],
      ['plain-mean-inverted', 100, 22, 29],
      ['plain-mean-as-printed', 100, 22, 29],
    ]);
  });

  it('has 14 of 29 inputs in FY2024: below the 50% coverage, so the primary value is not published', () => {
    expect(index.filter((r) => r.fiscal_year === 2024).map(summary)).toEqual([
      { fiscal_year: 2024, method_id: 'flat-capped', status: 'below-coverage', value: null, provisional_value: 119.34, inputs: '14/29', coverage_rate: 48.3 },
      {
        fiscal_year: 2024,
        method_id: 'by-vision-capped',
        status: 'below-coverage',
        value: null,
        provisional_value: 129.48,
        inputs: '14/29',
        coverage_rate: 48.3,
      },
      {
        fiscal_year: 2024,
        method_id: 'flat-capped-geometric',
        status: 'below-coverage',
        value: null,
        provisional_value: 111.62,
        inputs: '14/29',
        coverage_rate: 48.3,
      },
      {
        fiscal_year: 2024,
        method_id: 'flat-capped-narrow',
        status: 'below-coverage',
        value: null,
        provisional_value: 110.63,
        inputs: '14/29',
        coverage_rate: 48.3,
      },
      // seed000_notes.md (c): the plain mean of the 14 R6 indices, 128.51 with 倒産 inverted and 130.89 as printed
      {
        fiscal_year: 2024,
        method_id: 'plain-mean-inverted',
        status: 'published',
        value: 128.51,
        provisional_value: 128.51,
        inputs: '14/29',
        coverage_rate: 48.3,
      },
      {
        fiscal_year: 2024,
        method_id: 'plain-mean-as-printed',
        status: 'published',
        value: 130.89,
        provisional_value: 130.89,
        inputs: '14/29',
        coverage_rate: 48.3,
      },
    ]);
    expect(index.find((r) => r.fiscal_year === 2024 && r.is_primary)?.capped_inputs).toBe('staff-secured-share;senior-hiring-intent-share');
  });
});
