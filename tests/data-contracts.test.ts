// The data contracts as a pure transform: given these observations and facts, expect these issues and gaps.
// The spoiled-input corpus (spoiled-inputs.test.ts) runs the same rules through whole runs.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadCatalog, type Catalog } from '../config/load-catalog.ts';
import { contractRuleKinds, contractRules } from '../config/contract-rules.ts';
import type { ContractEntry } from '../config/contracts-schema.ts';
import { defaultContractEntries } from '../config/default-contracts.ts';
import { loadContracts } from '../config/load-contracts.ts';
import { asOfDate, asOfMonth } from '../lib/as-of.ts';
import type { Observation } from '../lib/observation.ts';
import { renderContractDocs } from '../scripts/render-contract-docs.ts';
import { buildIndicatorProgress } from '../transforms/build-indicator-progress.ts';
import { evaluateContracts, type ContractInput } from '../transforms/evaluate-contracts.ts';
import { resolveObservations } from '../transforms/resolve-observations.ts';
import { wardProgressConfig } from './fixtures/make-ward-progress-inbox.ts';
import { copyConfig, repoRoot, setagayaConfig } from './helpers.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(setagayaConfig);
});

const obs = (measureId: string, fiscalYear: number, value: number, file = 'manual-entry/手入力_令和6年度.xlsx'): Observation => ({
  measureId,
  fiscalYear,
  value,
  sourceKind: 'manual',
  provenance: { file, sha256: 'x', sheet: '入力', rows: '7', column: 'F', rule: '手入力ワークブックの値' },
});

function evaluate(observations: Observation[], extra: Partial<ContractInput> = {}, entries: readonly ContractEntry[] = defaultContractEntries) {
  return evaluateContracts({ catalog, entries, observations, facts: {}, surveyWaves: [], asOf: asOfMonth('2025-06'), ...extra });
}

describe('value rules', () => {
  it('a negative count is withheld with its place, raw value, rule and what to do', () => {
    const r = evaluate([obs('pay-cumulative-payers', 2024, -5)]);
    expect(r.observations).toEqual([]);
    expect(r.gaps).toMatchObject([{ measureId: 'pay-cumulative-payers', fiscalYear: 2024, status: 'invalid', code: 'contract-negative' }]);
    expect(r.issues).toMatchObject([
      { code: 'contract-negative', severity: 'error', raw: '-5', location: { file: 'manual-entry/手入力_令和6年度.xlsx', sheet: '入力', row: 7, column: 'F' } },
    ]);
    expect(r.issues[0]!.message).toContain('この値は公表しません');
  });

  it('a share above 100 % is out of range; a count with decimals is not an integer', () => {
    const share = [...catalog.measures.values()].find((m) => m.unit === '%')!;
    expect(evaluate([obs(share.id, 2024, 100.1)]).issues.map((i) => i.code)).toEqual(['contract-out-of-range']);
    expect(evaluate([obs(share.id, 2024, 100)]).issues).toEqual([]);
    expect(evaluate([obs('pay-cumulative-payers', 2024, 12.5)]).issues.map((i) => i.code)).toEqual(['contract-not-integer']);
  });

  it('an actual for a fiscal year that has not started is withheld; the year that has started is not', () => {
    expect(evaluate([obs('pay-cumulative-payers', 2026, 10)]).issues.map((i) => i.code)).toEqual(['contract-future-fiscal-year']);
    expect(evaluate([obs('pay-cumulative-payers', 2025, 10)]).issues).toEqual([]);
    // 2025-03-31 15:00 UTC is already April in Japan: fiscal year 2025 has started.
    expect(asOfDate(new Date(Date.UTC(2025, 2, 31, 15)))).toEqual({ fiscalYear: 2025, yearMonth: '2025-04' });
    expect(asOfDate(new Date(Date.UTC(2025, 2, 31, 14, 59)))).toEqual({ fiscalYear: 2024, yearMonth: '2025-03' });
  });

  it('a cumulative that goes down withholds both years (contracts.yaml names the cumulative measures)', async () => {
    const { entries } = await loadContracts(catalog);
    const r = evaluate([obs('pay-cumulative-payers', 2023, 100), obs('pay-cumulative-payers', 2024, 90)], {}, entries);
    expect(r.issues.map((i) => i.code)).toEqual(['contract-cumulative-decreased']);
    expect(r.gaps.map((g) => g.fiscalYear)).toEqual([2023, 2024]);
  });

  it('a jump beyond the threshold is published with a warning; severity off switches a default off', async () => {
    const { entries } = await loadContracts(catalog);
    const r = evaluate([obs('pay-payment-count', 2023, 1000), obs('pay-payment-count', 2024, 1600)], {}, entries);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['contract-volume-change', 'warning']]);
    expect(r.observations).toHaveLength(2);
    const off: ContractEntry[] = [...entries, { rule: 'non-negative', measures: ['pay-payment-count'], severity: 'off' }];
    expect(evaluate([obs('pay-payment-count', 2024, -1)], {}, off).issues).toEqual([]);
  });
});

describe('fact rules', () => {
  it('a row whose year differs from the year its file is named for is not used', () => {
    const manual = [...catalog.measures.values()].find((m) => m.source.kind === 'manual')!;
    const row = obs(manual.id, 2025, 10);
    const r = evaluate([row], {
      facts: {
        filePeriods: [
          {
            file: row.provenance.file,
            fiscalYear: 2024,
            rows: [{ measureId: row.measureId, fiscalYear: 2025, location: { file: row.provenance.file, row: 7, column: 'E' }, raw: '令和7年度' }],
          },
        ],
      },
    });
    expect(r.issues).toMatchObject([{ code: 'contract-file-period-mismatch', raw: '令和7年度', location: { row: 7, column: 'E' } }]);
    expect(r.observations).toEqual([]);
  });

  it('a negative monthly figure withholds the fiscal year it is summed into', () => {
    const r = evaluate([obs('pay-payment-count', 2024, 5000, 'setagaya-pay/a.xlsx')], {
      facts: {
        readings: [
          {
            measureIds: ['pay-payment-count'],
            fiscalYear: 2024,
            value: -40,
            labelJa: '2024年6月の決済回数',
            location: { file: 'setagaya-pay/b.xlsx', sheet: '月次報告', row: 8, column: 'B' },
            raw: '-40',
          },
        ],
      },
    });
    expect(r.issues).toMatchObject([{ code: 'contract-negative', location: { file: 'setagaya-pay/b.xlsx', row: 8, column: 'B' } }]);
    expect(r.gaps).toMatchObject([{ measureId: 'pay-payment-count', fiscalYear: 2024 }]);
  });

  it('a closed year missing its last months is incomplete; the running year is not judged', () => {
    const months = ['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02'];
    const facts = { monthlySeries: [{ labelJa: 'せたがやPay 月次報告', measureIds: ['pay-payment-count'], months }] };
    expect(evaluate([], { facts }).issues.map((i) => [i.code, i.raw])).toEqual([['contract-months-missing', '2025-03']]);
    expect(evaluate([], { facts, asOf: asOfMonth('2025-03') }).issues).toEqual([]);
  });

  it('an export whose records stop months before its stated period ends is incomplete; an unknown category is reported', async () => {
    const { entries } = await loadContracts(catalog);
    const consultation = [...catalog.measures.values()].filter((m) => m.source.kind === 'kosha' && m.source.recordType === 'consultation').map((m) => m.id);
    const exp = {
      file: 'kosha/x.csv',
      recordType: 'consultation',
      labelJa: '相談記録',
      measureIds: consultation,
      period: { from: '2024-04-01', to: '2025-03-31' },
      months: ['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09'],
      categories: [
        {
          column: 'category',
          header: '相談区分',
          letter: '相談区分',
          values: [
            { value: '経営相談', row: 6, count: 3 },
            { value: '経営そうだん', row: 9, count: 1 },
          ],
        },
      ],
    };
    const r = evaluate([], { facts: { recordExports: [exp] } }, entries);
    expect(r.issues.map((i) => i.code)).toEqual(['contract-records-incomplete', 'contract-unknown-category']);
    expect(r.issues[1]).toMatchObject({ raw: '経営そうだん', location: { file: 'kosha/x.csv', row: 9, column: '相談区分' } });
    expect(new Set(r.gaps.map((g) => g.measureId))).toEqual(new Set(consultation));
  });

  it('a survey instrument with only a header row, or missing from a year, withholds the shares that use it', () => {
    const wave = (fiscal_year: number, instrument: string, data_rows: number) => ({
      fiscal_year,
      instrument,
      instrument_name_ja: instrument,
      file: `${fiscal_year}-${instrument}`,
      status: 'active',
      data_rows,
    });
    const empty = evaluate([], { surveyWaves: [wave(2024, 'commerce', 300), wave(2024, 'manufacturing', 0)] });
    expect(empty.issues.map((i) => i.code)).toEqual(['contract-survey-instrument-empty']);
    expect(empty.gaps.length).toBeGreaterThan(0);
    const missing = evaluate([], { surveyWaves: [wave(2023, 'commerce', 300), wave(2023, 'manufacturing', 200), wave(2024, 'commerce', 300)] });
    expect(missing.issues.map((i) => [i.code, i.raw])).toEqual([['contract-survey-instrument-missing', 'manufacturing']]);
  });
});

describe('contracts.yaml', () => {
  it('is checked by lei check-config: unknown rules and measures and incomplete entries are reported with their path', async () => {
    const dir = await copyConfig(setagayaConfig);
    const problemsWith = async (text: string) => {
      await writeFile(path.join(dir, 'contracts.yaml'), text);
      return loadContracts(await loadCatalog(dir)).then(
        () => [],
        (e: unknown) => (e instanceof ConfigError ? e.problems.map((p) => p.path) : Promise.reject(e)),
      );
    };
    expect(await problemsWith('rules:\n  - rule: non-negativ\n')).toEqual(['rules[0].rule']);
    expect(
      await problemsWith('rules:\n  - rule: range\n    measures: [no-such-measure]\n  - rule: allowed-categories\n    recordType: consultation\n'),
    ).toEqual(['rules[0].measures[0]', 'rules[0]', 'rules[1]']);
    expect(await problemsWith('rules:\n  - rule: volume-change\n    measures: [pay-payment-count]\n    maxChangePercent: 30\n')).toEqual([]);
  });

  it('docs/data-contracts.md lists exactly the rules the code declares (run `npm run docs` after changing them)', async () => {
    const docs = await readFile(path.join(repoRoot, 'docs', 'data-contracts.md'), 'utf8');
    expect(docs).toBe(renderContractDocs());
    for (const kind of contractRuleKinds) expect(docs).toContain(`\`${contractRules[kind].code}\``);
  });
});

describe('a withheld value in a ward progress table', () => {
  it('is marked with its status and reason in indicator_progress, never as missing', async () => {
    const ward = await loadCatalog(wardProgressConfig);
    const indicator = ward.progress!.indicators[0]!;
    const gap = {
      measureId: indicator.measureId,
      fiscalYear: 2024,
      sourceKind: 'manual' as const,
      status: 'invalid' as const,
      reasonJa: '負の値: …（contract-negative）',
      code: 'contract-negative',
    };
    const { index } = resolveObservations([], [gap]);
    const row = buildIndicatorProgress(ward, index, [], 'r').rows.find((r) => r.indicator_id === indicator.id && r.fiscal_year === 2024)!;
    expect([row.value, row.value_status, row.withheld_code, row.withheld_reason]).toEqual([null, 'invalid', 'contract-negative', gap.reasonJa]);
  });
});
