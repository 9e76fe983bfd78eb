// せたがやPay monthly reports (.xlsx, two operator layouts) → fiscal-year values, with the continuity checks:
// a missing month, a month sent twice, a cumulative figure going down, a report outside its fiscal year.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureSchema } from '../config/catalog-schema.ts';
import { loadCatalog, type Catalog } from '../config/load-catalog.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import { deterministicZip } from '../lib/deterministic-zip.ts';
import type { SourceResult } from '../lib/observation.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { apportion } from '../scripts/sample/seeded-random.ts';
import { writePayReport, type PayReportSample } from '../scripts/sample/write-pay-report.ts';
import { inboxFileFromBytes, type InboxFile } from '../sources/inbox-file.ts';
import { setagayaPayFamily } from '../pipelines/setagaya-pay-family.ts';
import { setagayaPayConfigSchema, type SetagayaPayConfig } from '../sources/setagaya-pay-report-config.ts';
import { readCsv, setagayaConfig, tempDir } from './helpers.ts';
import { sampleInbox, sampleInboxCopy } from './sample-fixtures.ts';

let catalog: Catalog;
let config: SetagayaPayConfig;
let sample: InboxFile[];

beforeAll(async () => {
  catalog = await loadCatalog(setagayaConfig);
  config = (await readConfigFile(path.join(setagayaConfig, 'sources', 'setagaya-pay.yaml'), setagayaPayConfigSchema, []))!;
  // The reports of the bundled sample inbox (generated once per test run by writeSourceSamples).
  const dir = await sampleInbox();
  const names = (await readdir(path.join(dir, 'setagaya-pay'))).sort();
  sample = await Promise.all(names.map(async (n) => inboxFile(n, await readFile(path.join(dir, 'setagaya-pay', n)))));
});

const inboxFile = (name: string, bytes: Buffer): InboxFile => inboxFileFromBytes(`setagaya-pay/${name}`, bytes, name);
const read = (files: InboxFile[], c: Catalog = catalog) => setagayaPayFamily.read(files, c, config);
const PAY = ['pay-member-stores', 'pay-cumulative-payers', 'pay-payment-count', 'pay-cumulative-amount', 'pay-continuation-rate'];
const table = (result: SourceResult, measures = PAY) =>
  [
    ...result.observations.filter((o) => measures.includes(o.measureId)).map((o) => `${o.measureId} ${o.fiscalYear} ${o.value}`),
    ...(result.gaps ?? []).filter((g) => measures.includes(g.measureId)).map((g) => `${g.measureId} ${g.fiscalYear} ${g.status}`),
  ].sort();
const codes = (result: SourceResult) => result.issues.map((i) => `${i.severity} ${i.code}`);
const named = (month: string) => sample.find((f) => f.name.replace(/年|月|_/g, '').includes(month.replace('-', '')))!;

/** Twelve plain FY2024 reports (April 2024 – March 2025) with round figures, in the 2023 layout. */
const simpleYear = (edit: (r: PayReportSample, i: number) => void = () => {}): Promise<InboxFile[]> =>
  Promise.all(
    Array.from({ length: 12 }, async (_, i) => {
      const month = ((i + 3) % 12) + 1;
      const year = month >= 4 ? 2024 : 2025;
      const r: PayReportSample = {
        layout: 'v2023',
        year,
        month,
        figures: {
          memberStores: 5000 + i,
          cumulativePayers: 200_000 + 100 * i,
          paymentCount: 300_000,
          paymentAmount: 1_000_000,
          cumulativeAmount: 30_000_000 + 1_000_000 * i,
          continuationRate: 75,
        },
        storeClasses: [],
      };
      edit(r, i);
      return inboxFile(`report_${year}${String(month).padStart(2, '0')}.xlsx`, await writePayReport(r));
    }),
  );

describe('the sample reports, April 2023 – March 2025 (layout changes in October 2024)', () => {
  it('give the printed fiscal-year figures', async () => {
    const result = await read(sample);
    expect(table(result)).toEqual([
      'pay-continuation-rate 2023 71.8', // printed 72; index 107.80 needs 71.8
      'pay-continuation-rate 2024 77.4',
      'pay-cumulative-amount 2023 20359824', // 累計支払額 千円
      'pay-cumulative-amount 2024 36973259',
      'pay-cumulative-payers 2023 170310',
      'pay-cumulative-payers 2024 216083',
      'pay-member-stores 2023 5093',
      'pay-member-stores 2024 5810',
      'pay-payment-count 2023 3051', // 千件: 3,051,000 payments summed over the 12 months
      'pay-payment-count 2024 4370',
    ]);
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const count = result.observations.find((o) => o.measureId === 'pay-payment-count' && o.fiscalYear === 2024)!;
    expect(count.comment).toBe('ポイント還元キャンペーンの月を含む: 秋の区内消費応援ポイント還元（2024年10月〜2024年11月）');
    expect(count.provenance).toMatchObject({
      file: 'setagaya-pay/【せたがやPay】月次集計レポート_202503.xlsx',
      rule: expect.stringContaining('4月〜3月の月次報告の合計（件→千件）'),
    });
    expect(count.provenance.otherInputs).toHaveLength(11);
  });

  it('read a store class of the breakdown table for a measure bound to it', async () => {
    const measure = measureSchema.parse({
      id: 'pay-stores-shotengai',
      nameJa: '商店街加盟の中小個店の加盟店舗数',
      unit: '店',
      decimals: 0,
      aggregation: 'stock',
      source: { kind: 'setagayaPay', metric: 'memberStores', storeClass: '中小個店（商店街加盟）' },
    });
    const result = await read(sample, { ...catalog, measures: new Map([[measure.id, measure]]) });
    expect(table(result, [measure.id])).toEqual([
      `pay-stores-shotengai 2023 ${apportion(5093, [0.36, 0.45, 0.14, 0.05])[0]}`,
      `pay-stores-shotengai 2024 ${apportion(5810, [0.36, 0.45, 0.14, 0.05])[0]}`,
    ]);
  });
});

describe('continuity', () => {
  it('a missing month: the fiscal year of a monthly sum is incomplete, never summed over the gap; March levels still stand', async () => {
    const files = sample.filter((f) => f !== named('2024-07'));
    const result = await read([...files, inboxFile('コピー_せたがやPay月次報告.xlsx', await named('2024-05').readBytes())]);
    expect(table(result)).toEqual([
      'pay-continuation-rate 2023 71.8',
      'pay-continuation-rate 2024 77.4',
      'pay-cumulative-amount 2023 20359824',
      'pay-cumulative-amount 2024 36973259',
      'pay-cumulative-payers 2023 170310',
      'pay-cumulative-payers 2024 216083',
      'pay-member-stores 2023 5093',
      'pay-member-stores 2024 5810',
      'pay-payment-count 2023 3051',
      'pay-payment-count 2024 incomplete',
    ]);
    expect(codes(result)).toEqual(['warning pay-duplicate-month', 'error pay-missing-month']);
    expect(result.issues[0]!.message).toContain('2024年5月の報告が 2 つあります');
    expect(result.issues[1]!.message).toContain('令和6年度の月次報告のうち 2024年7月 がありません');
    expect(result.gaps!.find((g) => g.measureId === 'pay-payment-count')!.reasonJa).toContain('2024年7月');
  });

  it('a month sent twice with different figures is treated as missing', async () => {
    const other = await simpleYear((r, i) => {
      if (i === 1) r.figures.paymentCount = 299_999;
    });
    const result = await read([...(await simpleYear()), inboxFile('report_202405_訂正.xlsx', await other[1]!.readBytes())]);
    expect(codes(result)).toEqual(['error pay-conflicting-month', 'error pay-missing-month']);
    expect(table(result, ['pay-payment-count', 'pay-member-stores'])).toEqual(['pay-member-stores 2024 5011', 'pay-payment-count 2024 incomplete']);
  });

  it('a cumulative figure that goes down is reported and its fiscal year is not published', async () => {
    const result = await read(
      await simpleYear((r, i) => {
        if (i === 5) r.figures.cumulativePayers = 199_000;
      }),
    );
    expect(codes(result)).toEqual(['error pay-cumulative-decreased']);
    expect(result.issues[0]).toMatchObject({ location: { file: 'setagaya-pay/report_202409.xlsx', row: 7, column: 'B' }, raw: '199000' });
    expect(table(result, ['pay-cumulative-payers', 'pay-cumulative-amount'])).toEqual([
      'pay-cumulative-amount 2024 41000000',
      'pay-cumulative-payers 2024 invalid',
    ]);
  });

  it('a report whose month is outside the fiscal year it states is not used', async () => {
    const files = await simpleYear((r, i) => {
      if (i === 0) r.statedFiscalYear = 2023;
    });
    const result = await read(files);
    expect(codes(result)).toEqual(['error pay-month-outside-fiscal-year', 'error pay-missing-month']);
    expect(result.issues[0]!.message).toContain('2024年4月 は、報告に書かれた年度（令和5年度）の月ではありません');
  });

  it('a month in the file name that disagrees with the sheet is reported', async () => {
    const [april] = await simpleYear();
    const result = await read([inboxFile('report_202406.xlsx', await april!.readBytes())]);
    expect(codes(result)).toEqual(['error pay-month-mismatch']);
  });
});

describe('layouts', () => {
  const custom = async (rows: (string | number)[][]) => {
    const workbook = new ExcelJS.Workbook();
    workbook.created = new Date(Date.UTC(2024, 0, 1));
    workbook.modified = workbook.created;
    workbook.addWorksheet('月次報告').addRows(rows);
    return deterministicZip(new Uint8Array(await workbook.xlsx.writeBuffer()));
  };

  it('a report in no known layout says what it looked for', async () => {
    const result = await read([inboxFile('new.xlsx', await custom([['せたがやPay 利用実績（新様式）'], ['対象月', '2025年4月']]))]);
    expect(codes(result)).toEqual(['error pay-unknown-layout']);
    expect(result.issues[0]!.message).toContain('「せたがやPay 月次利用状況報告書」');
  });

  it('a unit printed beside a label that differs from the layout is refused, not silently scaled', async () => {
    const result = await read([
      inboxFile(
        'r.xlsx',
        await custom([
          ['せたがやPay 月次利用状況報告書'],
          ['対象月', '2024年4月'],
          ['加盟店舗数', 5000],
          ['累計支払経験者数', 1],
          ['決済回数', 1],
          ['決済金額（円）', 1000],
          ['累計支払額（千円）', 1],
          ['継続率（%）', 70],
        ]),
      ),
    ]);
    expect(result.issues.map((i) => [i.code, i.location.row, i.raw])).toContainEqual(['pay-unit-mismatch', 6, '決済金額（円）']);
  });
});

describe('store classes', () => {
  it('classes that do not add up to the report total are reported', async () => {
    const [april] = await simpleYear((r) => {
      r.storeClasses = [
        { name: '中小個店（商店街加盟）', memberStores: 2000, paymentCount: 100_000, paymentAmount: 400_000 },
        { name: '大型店', memberStores: 2999, paymentCount: 200_000, paymentAmount: 600_000 },
      ];
    });
    const result = await read([april!]);
    expect(result.issues.filter((i) => i.code === 'pay-store-class-total-mismatch').map((i) => i.message)).toEqual([
      '店舗区分別の加盟店舗数の合計（4999）が報告の値（5000）と合いません。店舗区分の行が欠けていないか確認してください',
    ]);
  });
});

describe('in a run', () => {
  it('a fiscal year with a missing month is published as incomplete, with the reason', async () => {
    const inbox = await sampleInboxCopy();
    const missing = (await readdir(path.join(inbox, 'setagaya-pay'))).find((n) => n.includes('2024年07月'))!;
    await rm(path.join(inbox, 'setagaya-pay', missing));
    const out = await tempDir();
    await runPipeline({ configDir: setagayaConfig, inboxDir: inbox, outDir: out, storePath: null });
    const rows = await readCsv(path.join(out, 'latest', 'indicator_values.csv'));
    const row = rows.find((r) => r.measure_id === 'pay-payment-count' && r.fiscal_year === '2024')!;
    expect(row).toMatchObject({ value: '', index: '', value_status: 'incomplete', source_kind: 'setagayaPay' });
    expect(row.comment).toContain('2024年7月');
    expect(rows.find((r) => r.measure_id === 'pay-member-stores' && r.fiscal_year === '2024')).toMatchObject({ value: '5810', index: '114.08' });
  });
});
