// せたがやPay reports as operators and offices really vary them, each read as the report shows it: a rate in a percent
// format (0.718 shown as 71.8%), labels with spaces or a line break inside (決済　回数), a unit written 単位：件,
// a month that has not come yet (refused), and a report saved as .xls in the right folder (told how to save it).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile } from '../config/read-config-file.ts';
import { asOfMonth } from '../lib/as-of.ts';
import { deterministicZip } from '../lib/deterministic-zip.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { writePayReport, type PayReportSample } from '../scripts/sample/write-pay-report.ts';
import { inboxFileFromBytes } from '../sources/inbox-file.ts';
import { setagayaPayConfigSchema, type SetagayaPayConfig } from '../sources/setagaya-pay-report-config.ts';
import { readSetagayaPayReport } from '../sources/setagaya-pay-report.ts';
import { readCsv, setagayaConfig, tempDir } from './helpers.ts';

let config: SetagayaPayConfig;

beforeAll(async () => {
  config = (await readConfigFile(path.join(setagayaConfig, 'sources', 'setagaya-pay.yaml'), setagayaPayConfigSchema, []))!;
});

const figures = {
  memberStores: 5000,
  cumulativePayers: 200_000,
  paymentCount: 326_462,
  paymentAmount: 1_000_000,
  cumulativeAmount: 30_000_000,
  continuationRate: 71.8,
};

function report(layout: PayReportSample['layout'], year = 2024, month = 6): PayReportSample {
  return {
    layout,
    year,
    month,
    figures: { ...figures },
    storeClasses: [{ name: '一般店', memberStores: 5000, paymentCount: 326_462, paymentAmount: 1_000_000 }],
  };
}

/** The sample writer's workbook, then edited cell by cell as the office did. */
async function workbook(sample: PayReportSample, edit: (sheet: ExcelJS.Worksheet) => void = () => {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await writePayReport(sample)) as unknown as ArrayBuffer);
  edit(book.worksheets[0]!);
  return deterministicZip(new Uint8Array(await book.xlsx.writeBuffer()));
}

const read = async (bytes: Buffer, asOf?: string) => {
  const { report: r, issues } = await readSetagayaPayReport(
    inboxFileFromBytes('setagaya-pay/report.xlsx', bytes, 'report.xlsx'),
    config,
    undefined,
    asOf ? asOfMonth(asOf) : undefined,
  );
  const shown = Object.entries(r?.figures ?? {}).map(([metric, f]) => `${metric} ${f.value} ${f.unit} ${f.column}${f.row}`);
  return {
    figures: shown,
    issues: issues.map((i) => `${i.severity} ${i.code} ${i.location.sheet ?? ''}!${i.location.column ?? ''}${i.location.row ?? ''} ${i.message}`),
  };
};

/** The v2023 sheet's label cell in column A and its value in B, by the label the writer puts there. */
const rowOf = (sheet: ExcelJS.Worksheet, label: string) => {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (!found && row.getCell(1).value === label) found = n;
  });
  return found;
};

describe('a rate in a percent format is read as Excel shows it', () => {
  it('2023 layout (継続率 in %): 0.718 shown as 71.8% is 71.8, not 0.718', async () => {
    const bytes = await workbook(report('v2023'), (sheet) => {
      const cell = sheet.getCell(`B${rowOf(sheet, '継続率（%）')}`);
      cell.value = 0.718;
      cell.style = { numFmt: '0.0%' };
    });
    const { figures: read_, issues } = await read(bytes);
    expect(read_).toContain('continuationRate 71.8 % B11');
    expect(issues).toEqual([]);
  });

  it('2024 layout (継続率 as a fraction, shown as a percentage): still 77.4, not ×100 twice', async () => {
    const sample = report('v2024-10', 2024, 10);
    sample.figures.continuationRate = 77.4;
    expect((await read(await workbook(sample))).figures).toContain('continuationRate 77.4 % B14');
  });

  it('2024 layout, the rate typed as the text 77.4%: 77.4', async () => {
    const sample = report('v2024-10', 2024, 10);
    const bytes = await workbook(sample, (sheet) => (sheet.getCell('B14').value = '77.4%'));
    expect((await read(bytes)).figures).toContain('continuationRate 77.4 % B14');
  });

  it('a count in a percent format is not read as a count', async () => {
    const bytes = await workbook(report('v2023'), (sheet) => {
      // A style of its own: the writer's cells share one, and numFmt would change them all.
      sheet.getCell(`B${rowOf(sheet, '決済回数')}`).style = { numFmt: '0%' };
    });
    const { figures: read_, issues } = await read(bytes);
    expect(read_.some((f) => f.startsWith('paymentCount'))).toBe(false);
    expect(issues).toEqual(['error pay-not-a-number 月次報告!B8 「決済回数」の値「32646200%」が数値ではありません。この値は使いません']);
  });
});

describe('labels are compared as headers are elsewhere', () => {
  for (const label of ['決済　回数', '決済\n回数', ' 決済 回数 ', '決済回数\r\n']) {
    it(`「${label.replace(/\n/g, '⏎').replace(/\r/g, '')}」 is 決済回数, its value beside it`, async () => {
      const bytes = await workbook(report('v2023'), (sheet) => (sheet.getCell(`A${rowOf(sheet, '決済回数')}`).value = label));
      const { figures: read_, issues } = await read(bytes);
      expect(read_).toContain('paymentCount 326462 件 B8');
      expect(issues).toEqual([]);
    });
  }

  for (const label of ['決済回数（単位：件）', '決済回数(単位:件)', '決済回数（ 単位 ： 件 ）', '決済回数（単位＝件）']) {
    it(`「${label}」: the unit after 単位： is 件`, async () => {
      const bytes = await workbook(report('v2023'), (sheet) => (sheet.getCell(`A${rowOf(sheet, '決済回数')}`).value = label));
      const { figures: read_, issues } = await read(bytes);
      expect(read_).toContain('paymentCount 326462 件 B8');
      expect(issues).toEqual([]);
    });
  }

  it('a unit after 単位： that differs from the layout is still refused', async () => {
    const bytes = await workbook(report('v2023'), (sheet) => (sheet.getCell(`A${rowOf(sheet, '決済回数')}`).value = '決済回数（単位：千件）'));
    const { issues } = await read(bytes);
    expect(issues).toEqual([
      'error pay-unit-mismatch 月次報告!A8 「決済回数（単位：千件）」の単位は 千件 ですが、様式 月次利用状況報告書（2023年度様式） の設定では 件 です。様式が変わっていないか確認し、setagaya-pay.yaml を直してください。この値は使いません',
    ]);
  });
});

describe('a report for a month that has not come yet', () => {
  it('is refused, with the month cell, the month and what to do; the run’s own month is read', async () => {
    const future = await read(await workbook(report('v2023', 2027, 4)), '2026-12');
    expect(future.figures).toEqual([]);
    expect(future.issues).toEqual([
      'error pay-future-month 月次報告!B3 報告の対象月は2027年4月ですが、実行した時点（2026年12月）ではまだ来ていない月です。対象月の書き誤りか、ファイルの取り違えです。事業者に確認し、正しい報告を置き直してください。この報告は読み込みません',
    ]);
    expect((await read(await workbook(report('v2023', 2026, 12)), '2026-12')).issues).toEqual([]);
  });
});

describe('a run over an inbox with a future report and a report saved as .xls', () => {
  it('adds no fiscal years for the future report, and tells how to save the .xls one', async () => {
    const inbox = await tempDir();
    await mkdir(path.join(inbox, 'setagaya-pay'), { recursive: true });
    for (let i = 0; i < 12; i += 1) {
      const month = ((i + 3) % 12) + 1;
      const year = month >= 4 ? 2024 : 2025;
      const sample = report('v2023', year, month);
      sample.figures.cumulativePayers += i;
      sample.figures.cumulativeAmount += 1_000_000 * i;
      await writeFile(path.join(inbox, 'setagaya-pay', `report_${year}${String(month).padStart(2, '0')}.xlsx`), await workbook(sample));
    }
    const last = report('v2023', 2025, 3);
    last.figures.cumulativePayers += 11;
    last.figures.cumulativeAmount += 11_000_000;
    await writeFile(path.join(inbox, 'setagaya-pay', 'report_202704.xlsx'), await workbook({ ...last, year: 2027, month: 4 }));
    await writeFile(path.join(inbox, 'setagaya-pay', 'report_202503_copy.xls'), await workbook(last));
    const out = await tempDir();
    const result = await runPipeline({ configDir: setagayaConfig, inboxDir: inbox, outDir: out, storePath: null, asOf: '2026-12' });
    const issues = result.issues
      .filter((i) => i.code === 'pay-future-month' || i.code === 'inbox-unknown-file')
      .map((i) => `${i.code} ${i.location.file} ${i.message}`);
    expect(issues).toEqual([
      'inbox-unknown-file setagaya-pay/report_202503_copy.xls .xls は読めません（setagaya-pay/ に置けるのは .xlsx のファイルです）。Excel で .xlsx 形式で保存し直して置き直してください',
      expect.stringMatching(/^pay-future-month setagaya-pay\/report_202704\.xlsx 報告の対象月は2027年4月ですが、実行した時点（2026年12月）/),
    ]);
    const years = new Set(
      (await readCsv(path.join(out, 'latest', 'indicator_values.csv'))).filter((r) => r.measure_id === 'pay-payment-count').map((r) => r.fiscal_year),
    );
    expect([...years].some((y) => Number(y) >= 2025)).toBe(false);
  });
});
