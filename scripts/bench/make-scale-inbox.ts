// The whole-job benchmark's inbox (.bench-data/scale-inbox): the bundled sample inbox, scaled up where the real job
// can grow. (a) The FY2024 商業・サービス wave becomes 100,000 respondents in the same layout (headers, codebook sheet,
// codes): the sample's respondents resampled with fresh ids, each question's answer block taken from another sampled
// respondent three times in ten, so the shares stay near the printed ones. (b) The 公社 consultation exports become
// one 1,000,000-record export (make-kosha-records.ts, FY2018–FY2024); the seminar and dispatch records stay.
// (c) せたがやPay gets ten fiscal years of monthly reports (FY2015–FY2024, 120 files): FY2015–FY2022 generated to
// end at the sample's March 2023 levels, so the cumulative figures run on into the sample's own FY2023–FY2024 reports.
// manual-entry and resas stay as in the sample. Seeded: the same content on every machine.
// A factor scales what grows with time in the real job, the respondents and the records (4×: 400,000 respondents and
// 4M records); monthly reports stay one per month.
// Usage: node --import tsx scripts/bench/make-scale-inbox.ts [<inbox-dir>] [--factor <n>]
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { deterministicZip } from '../../lib/deterministic-zip.ts';
import { repoRoot } from '../../lib/repo-root.ts';
import { generateSampleInbox } from '../generate-sample-inbox.ts';
import { apportion, seededRandom } from '../sample/seeded-random.ts';
import { writePayReport, type PayReportSample } from '../sample/write-pay-report.ts';
import { makeKoshaRecords } from './make-kosha-records.ts';

export const SCALE_INBOX = path.join(repoRoot, '.bench-data', 'scale-inbox');

const COMMERCE_2024 = 'industry-survey/R6_産業基礎調査_商業・サービス.xlsx';
const KOSHA_CONSULTATIONS = ['kosha/公社_相談記録_令和5年度.xlsx', 'kosha/公社_相談記録_令和6年度.csv'];
const KOSHA_EXPORT = 'kosha/公社_相談記録_平成30年度-令和6年度.csv';
// Columns that describe the business or the return, kept together with the respondent; every other column is an answer.
const RESPONDENT_HEADERS = new Set(['回答者ID', '回答日', '業種', '従業員数（人）', 'ウェイト', '調査員メモ']);

export interface ScaleInboxOptions {
  /** Keep an inbox generated earlier (generating it takes about 16 s at 1×, about 3 minutes at 10×). */
  ifMissing?: boolean;
  /** Respondents and records times this (default 1); `respondents` and `koshaRecords` override it. */
  factor?: number;
  respondents?: number;
  koshaRecords?: number;
  configDir?: string;
  /** A sample inbox generated earlier (generateSampleInbox with the same config), copied instead of generated again. */
  sampleInbox?: string;
}

export async function makeScaleInbox(inboxDir: string = SCALE_INBOX, options: ScaleInboxOptions = {}): Promise<void> {
  if (options.ifMissing && existsSync(inboxDir)) return;
  // Built beside the target and renamed into place, so an interrupted generation is never taken for a finished one.
  const partial = `${inboxDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  if (options.sampleInbox) await cp(options.sampleInbox, partial, { recursive: true });
  else await generateSampleInbox(options.configDir ?? path.join(repoRoot, 'config', 'setagaya'), partial);

  const factor = options.factor ?? 1;
  await scaleSurveyWave(path.join(partial, COMMERCE_2024), options.respondents ?? 100_000 * factor);

  for (const f of KOSHA_CONSULTATIONS) await rm(path.join(partial, f));
  await makeKoshaRecords(options.koshaRecords ?? 1_000_000 * factor, path.join(partial, KOSHA_EXPORT));

  await writeEarlierPayReports(path.join(partial, 'setagaya-pay'));

  await rm(inboxDir, { recursive: true, force: true });
  await rename(partial, inboxDir);
}

type Cell = ExcelJS.CellValue;

/** Rewrites the sample's wave workbook with `respondents` rows; the codebook sheet is copied as it is. */
async function scaleSurveyWave(file: string, respondents: number): Promise<void> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(file);
  const [data, codebook] = source.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
  const rowsOf = (sheet: ExcelJS.Worksheet): Cell[][] => {
    const rows: Cell[][] = [];
    // row.values is sparse (index 0 unused, empty cells are holes); holes become nulls so columns keep their places.
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from((row.values as Cell[]).slice(1), (v) => v ?? null)));
    return rows;
  };
  const [header, ...sampleRows] = rowsOf(data) as [Cell[], ...Cell[][]];
  const codebookRows = rowsOf(codebook);
  const width = header.length;
  const idColumn = header.indexOf('回答者ID');
  const dateColumn = header.indexOf('回答日');

  // Answer blocks: one per question; the 0/1 columns of a multi-select question (headers "<設問文>_<選択肢>") form one block.
  const multiTexts = codebookRows.filter((r) => r[2] === 'MA').map((r) => String(r[1]));
  const blocks: number[][] = [];
  const blockOf = new Map<string, number[]>();
  header.forEach((h, column) => {
    const text = String(h);
    if (RESPONDENT_HEADERS.has(text)) return;
    const key = multiTexts.find((t) => text.startsWith(`${t}_`)) ?? text;
    const block = blockOf.get(key) ?? [];
    if (block.length === 0) {
      blockOf.set(key, block);
      blocks.push(block);
    }
    block.push(column);
  });

  const random = seededRandom(100_000);
  const partial = `${file}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  workbook.creator = 'sample';
  workbook.created = new Date(Date.UTC(2025, 3, 1));
  workbook.modified = workbook.created;
  const out = workbook.addWorksheet(data.name);
  out.addRow(header).commit();
  for (let i = 0; i < respondents; i += 1) {
    const base = sampleRows[Math.floor(random() * sampleRows.length)]!;
    const row: Cell[] = Array.from({ length: width }, (_, c) => base[c] ?? null);
    for (const block of blocks) {
      if (random() >= 0.3) continue;
      const donor = sampleRows[Math.floor(random() * sampleRows.length)]!;
      for (const c of block) row[c] = donor[c] ?? null;
    }
    row[idColumn] = `C24-${String(i + 1).padStart(6, '0')}`;
    while (row.length > 0 && (row.at(-1) === null || row.at(-1) === undefined)) row.pop();
    const added = out.addRow(row);
    if (row[dateColumn] instanceof Date) added.getCell(dateColumn + 1).numFmt = 'yyyy/m/d';
    added.commit();
  }
  out.commit();
  const sheet = workbook.addWorksheet(codebook.name);
  for (const r of codebookRows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
  // Fixed zip entry dates, so the wave is the same bytes on every machine.
  await writeFile(file, await deterministicZip(await readFile(partial)));
  await rm(partial);
}

// The months before the sample's first report (April 2023), by fiscal year.
const FIRST_FISCAL_YEAR = 2015;
const SAMPLE_FIRST_FISCAL_YEAR = 2023;
// The sample's levels at the end of March 2023 (scripts/sample/write-source-samples.ts paySamples): this series ends there.
const MARCH_2023 = { memberStores: 4512, cumulativePayers: 141_870, cumulativeAmount: 11_612_347 };
const OPENING = { memberStores: 640, cumulativePayers: 1_850, cumulativeAmount: 0 };
const STORE_CLASSES = ['中小個店（商店街加盟）', '中小個店（未加盟）', 'コンビニ等', '大型店'] as const;
const YEN_PER_PAYMENT = 2_870;

/** Monthly reports April 2015 – March 2023 in the 2023年度様式, growing to the levels the sample starts from. */
async function writeEarlierPayReports(folder: string): Promise<void> {
  const random = seededRandom(2015);
  const months = Array.from({ length: (SAMPLE_FIRST_FISCAL_YEAR - FIRST_FISCAL_YEAR) * 12 }, (_, i) => {
    const fy = FIRST_FISCAL_YEAR + Math.floor(i / 12);
    const m = i % 12;
    return { fy, year: m < 9 ? fy : fy + 1, month: ((m + 3) % 12) + 1 };
  });
  // Spending grows over the years; December and March run higher.
  const amountWeights = months.map((m, i) => (1 + i / 12) ** 1.6 * (m.month === 12 || m.month === 3 ? 1.25 : 1) * (0.9 + random() * 0.2));
  const amounts = apportion(MARCH_2023.cumulativeAmount - OPENING.cumulativeAmount, amountWeights);
  const storeGrowth = apportion(
    MARCH_2023.memberStores - OPENING.memberStores,
    months.map((_, i) => (0.5 + random()) * (1 + i / 24)),
  );
  const payerGrowth = apportion(
    MARCH_2023.cumulativePayers - OPENING.cumulativePayers,
    amountWeights.map((w) => w * (0.8 + random() * 0.4)),
  );

  await mkdir(folder, { recursive: true });
  let { memberStores: stores, cumulativePayers: payers, cumulativeAmount: cumulative } = OPENING;
  for (let i = 0; i < months.length; i += 1) {
    const m = months[i]!;
    stores += storeGrowth[i]!;
    payers += payerGrowth[i]!;
    cumulative += amounts[i]!;
    const count = Math.round(((amounts[i]! * 1000) / YEN_PER_PAYMENT) * (0.95 + random() * 0.1));
    const classStores = apportion(stores, [0.36, 0.45, 0.14, 0.05]);
    const classCounts = apportion(count, [0.41, 0.33, 0.19, 0.07]);
    const classAmounts = apportion(amounts[i]!, [0.38, 0.31, 0.12, 0.19]);
    const report: PayReportSample = {
      layout: 'v2023',
      year: m.year,
      month: m.month,
      figures: {
        memberStores: stores,
        cumulativePayers: payers,
        paymentCount: count,
        paymentAmount: amounts[i]!,
        cumulativeAmount: cumulative,
        continuationRate: Math.round(600 + (m.fy - FIRST_FISCAL_YEAR) * 12 + random() * 30) / 10,
      },
      storeClasses: STORE_CLASSES.map((name, c) => ({ name, memberStores: classStores[c]!, paymentCount: classCounts[c]!, paymentAmount: classAmounts[c]! })),
    };
    await writeFile(path.join(folder, `せたがやPay月次報告_${m.year}年${String(m.month).padStart(2, '0')}月.xlsx`), await writePayReport(report));
  }
  const total = (await readdir(folder)).length;
  if (total !== 120) throw new Error(`setagaya-pay: ${total} reports, expected 120 (FY2015–FY2024)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--factor');
  const factor = at >= 0 ? Number(args.splice(at, 2)[1]) : 1;
  if (!(Number.isInteger(factor) && factor >= 1)) throw new Error('--factor: a whole number ≥ 1');
  const [dir] = args;
  await makeScaleInbox(dir ? path.resolve(dir) : SCALE_INBOX, { factor });
}
