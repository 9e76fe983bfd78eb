// The sample inbox's RESAS exports, せたがやPay monthly reports and 産業振興公社 record exports for FY2023–FY2024,
// in the layouts of config/setagaya/sources/*.yaml. They reproduce the published figures exactly (seed000
// l.431–436 せたがやPay, v2 行動1 経営相談 176→454, 区内生産額 44,946 億円 …); everything else in them (other
// months, categories, years, areas) is plausible filler from a seeded generator, so the files are the same bytes
// on every run.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apportion, seededRandom } from './seeded-random.ts';
import { writeCsvFile } from './write-csv-file.ts';
import { writePayReport, type PayReportSample } from './write-pay-report.ts';
import { writeXlsxTable, type XlsxCell } from './write-xlsx-table.ts';

/** The printed figures the sample reproduces, by fiscal year. */
export const publishedSourceFigures = {
  pay: {
    // seed000 v10: 加盟店舗数 5,093 → 5,810; 累計支払経験者数 170,310 → 216,083; 決済回数 3,051 → 4,370 千件;
    // 累計支払額 20,359,824 → 36,973,259 千円; 継続率 72 → 77.4 % (index 107.80 needs the unrounded 71.8).
    2023: { memberStores: 5093, cumulativePayers: 170310, paymentCount: 3_051_000, cumulativeAmount: 20_359_824, continuationRate: 71.8 },
    2024: { memberStores: 5810, cumulativePayers: 216083, paymentCount: 4_370_000, cumulativeAmount: 36_973_259, continuationRate: 77.4 },
  },
  kosha: {
    // seed000 v2 行動1 経営相談 176→454; v4/v7 行動2 創業相談 452→66; v5 短期2 社労士・働き方 400→470;
    // v7 行動3 創業セミナー 12→12; seed001 s001-008 顧問的診断士の派遣 33 (FY2024 only).
    consultation: {
      2023: {
        経営相談: 176,
        創業相談: 452,
        社会保険労務士相談: 268,
        働き方カウンセリング: 132,
        融資相談: 95,
        知的財産相談: 41,
        事業承継相談: 37,
        IT活用相談: 28,
      },
      2024: {
        経営相談: 454,
        創業相談: 66,
        社会保険労務士相談: 305,
        働き方カウンセリング: 165,
        融資相談: 88,
        知的財産相談: 36,
        事業承継相談: 52,
        IT活用相談: 31,
      },
    },
    startupSeminars: { 2023: 12, 2024: 12 },
    shotengaiDispatches: { 2024: 33 },
  },
  resas: {
    // seed000 v1/v2 中長期 区内生産額 44,946 億円 and v10 中長期2 域内消費額 20,968 億円 (baselines, FY2023).
    productionValue2018Million: 4_494_612,
    privateConsumption2018Thousand: 2_096_843_512,
  },
} as const;

/** Writes the families whose source kinds `boundKinds` has (measures of the catalog bound to them). */
export async function writeSourceSamples(inboxDir: string, boundKinds: ReadonlySet<string>): Promise<string[]> {
  const written: string[] = [];
  const put = async (family: string, name: string, bytes: Buffer) => {
    const folder = path.join(inboxDir, family);
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, name);
    await writeFile(file, bytes);
    written.push(file);
  };
  if (boundKinds.has('resas')) for (const [name, bytes] of resasSamples()) await put('resas', name, bytes);
  if (boundKinds.has('setagayaPay')) for (const [name, bytes] of await paySamples()) await put('setagaya-pay', name, bytes);
  if (boundKinds.has('kosha')) for (const [name, bytes] of await koshaSamples()) await put('kosha', name, bytes);
  return written;
}

// ---------- RESAS ----------

const SECTORS = ['第1次産業', '第2次産業', '第3次産業'] as const;

/** Two vintages of the two 地域経済循環 exports: 2018年版 (CP932, years to 2018) and 2020年版 (UTF-8 BOM, revised). */
function resasSamples(): [string, Buffer][] {
  const random = seededRandom(2018);
  const years2020 = [2010, 2013, 2015, 2018, 2020];
  // 2020年版, 百万円: production by sector; 2018 sums to the printed 44,946 億円 (4,494,612 百万円).
  const production2020 = new Map<number, number[]>();
  for (const year of years2020) {
    const total = year === 2018 ? publishedSourceFigures.resas.productionValue2018Million : Math.round(4_300_000 + (year - 2010) * 21_000 + random() * 40_000);
    production2020.set(year, apportion(total, [0.0009 + random() * 0.0002, 0.118 + random() * 0.01, 0.88]));
  }
  // 2018年版: the same years before revision (a little lower), without 2020.
  const production2018 = new Map<number, number[]>();
  for (const year of years2020.filter((y) => y <= 2018)) {
    production2018.set(
      year,
      production2020.get(year)!.map((v) => Math.round(v * (0.985 + random() * 0.01))),
    );
  }
  // Distribution and expenditure, 千円: 所得 = 生産 (the circulation balances), 民間消費額 2018 = 20,968 億円.
  const distribution = (production: Map<number, number[]>, revised: boolean) =>
    [...production].map(([year, sectors]) => {
      const income = sectors.reduce((a, b) => a + b, 0) * 1000;
      const [employees, other] = apportion(income, [0.61, 0.39]);
      const consumption =
        year === 2018 && revised
          ? publishedSourceFigures.resas.privateConsumption2018Thousand
          : Math.round(2_000_000_000 + (year - 2010) * 9_000_000 + random() * 50_000_000) + 123;
      return { year, employees: employees!, other: other!, consumption, investment: Math.round(consumption * (0.21 + random() * 0.02)) };
    });

  const titleRows = (what: string, vintage: string): string[][] => [
    [`地域経済循環図（${what}）`],
    ['地域：東京都 世田谷区（比較：東京都）'],
    [`出典：環境省「地域経済循環分析」（${vintage}）、RESAS（地域経済分析システム）を加工して作成`],
    [],
  ];
  const notes = (vintage: string): string[][] => [
    [],
    ['【注記】'],
    ['・地域経済循環分析のデータは基準年（2010年、2013年、2015年、2018年、2020年）のみ。'],
    [`・${vintage}では、過去の基準年の値も最新の推計方法・統計で再推計している。`],
  ];
  const productionFile = (production: Map<number, number[]>, vintage: string) => [
    ...titleRows('生産', vintage),
    ['集計年', '都道府県コード', '都道府県名', '市区町村コード', '市区町村名', '産業', '付加価値額【百万円】'],
    ...[...production].flatMap(([year, sectors]) => [
      ...SECTORS.map((s, i) => [`${year}年`, '13', '東京都', '13112', '世田谷区', s, sectors[i]!]),
      ...SECTORS.map((s, i) => [`${year}年`, '13', '東京都', '13000', '東京都', s, Math.round(sectors[i]! * 23.7)]),
    ]),
    ...notes(vintage),
  ];
  const distributionFile = (rows: ReturnType<typeof distribution>, vintage: string) => [
    ...titleRows('分配・支出', vintage),
    ['（単位：千円）'],
    ['集計年', '都道府県コード', '都道府県名', '市区町村コード', '市区町村名', '区分', '項目', '金額'],
    ...rows.flatMap((r) => [
      [`${r.year}年`, '13', '東京都', '131121', '世田谷区', '分配', '雇用者所得', r.employees],
      [`${r.year}年`, '13', '東京都', '131121', '世田谷区', '分配', 'その他所得', r.other],
      [`${r.year}年`, '13', '東京都', '131121', '世田谷区', '支出', '民間消費額', r.consumption],
      [`${r.year}年`, '13', '東京都', '131121', '世田谷区', '支出', '民間投資額', r.investment],
    ]),
    ...notes(vintage),
  ];
  return [
    ['地域経済循環_生産_2018年版.csv', writeCsvFile(productionFile(production2018, '2018年版'), 'cp932')],
    ['地域経済循環_分配支出_2018年版.csv', writeCsvFile(distributionFile(distribution(production2018, false), '2018年版'), 'cp932')],
    ['地域経済循環_生産_2020年版.csv', writeCsvFile(productionFile(production2020, '2020年版'), 'utf-8-bom')],
    ['地域経済循環_分配支出_2020年版.csv', writeCsvFile(distributionFile(distribution(production2020, true), '2020年版'), 'utf-8-bom')],
  ];
}

// ---------- せたがやPay ----------

const STORE_CLASSES = ['中小個店（商店街加盟）', '中小個店（未加盟）', 'コンビニ等', '大型店'] as const;
// Campaign months (setagaya-pay.yaml campaigns) spend more.
const CAMPAIGN_MONTHS = new Set(['2023-07', '2023-08', '2024-02', '2024-03', '2024-10', '2024-11']);

/** Monthly reports April 2023 – March 2025 whose months add up to the printed fiscal-year figures exactly. */
async function paySamples(): Promise<[string, Buffer][]> {
  const random = seededRandom(2021);
  const { 2023: fy23, 2024: fy24 } = publishedSourceFigures.pay;
  // Levels at the end of March 2023 (the app started in February 2021; ~108億円 paid by February 2023).
  const start = { memberStores: 4512, cumulativePayers: 141_870, cumulativeAmount: 11_612_347 };
  const amounts = { 2023: fy23.cumulativeAmount - start.cumulativeAmount, 2024: fy24.cumulativeAmount - fy23.cumulativeAmount };
  const months = [2023, 2024].flatMap((fy) => Array.from({ length: 12 }, (_, i) => ({ fy, year: i < 9 ? fy : fy + 1, month: ((i + 3) % 12) + 1 })));
  const key = (m: { year: number; month: number }) => `${m.year}-${String(m.month).padStart(2, '0')}`;
  const weights = months.map((m) => (CAMPAIGN_MONTHS.has(key(m)) ? 1.55 : 1) * (0.9 + random() * 0.2));
  const byYear = (fy: 2023 | 2024, total: number, w: number[] = weights) => apportion(total, w.slice(fy === 2023 ? 0 : 12, fy === 2023 ? 12 : 24));
  const counts = [...byYear(2023, fy23.paymentCount), ...byYear(2024, fy24.paymentCount)];
  const amountWeights = weights.map((w) => w * (0.95 + random() * 0.1));
  const monthAmounts = [...byYear(2023, amounts[2023], amountWeights), ...byYear(2024, amounts[2024], amountWeights)];
  const storeGrowth = [
    ...byYear(
      2023,
      fy23.memberStores - start.memberStores,
      months.map(() => 0.5 + random()),
    ),
    ...byYear(
      2024,
      fy24.memberStores - fy23.memberStores,
      months.map(() => 0.5 + random()),
    ),
  ];
  const payerGrowth = [...byYear(2023, fy23.cumulativePayers - start.cumulativePayers), ...byYear(2024, fy24.cumulativePayers - fy23.cumulativePayers)];

  const files: [string, Buffer][] = [];
  let stores = start.memberStores;
  let payers = start.cumulativePayers;
  let cumulative = start.cumulativeAmount;
  for (let i = 0; i < months.length; i += 1) {
    const m = months[i]!;
    stores += storeGrowth[i]!;
    payers += payerGrowth[i]!;
    cumulative += monthAmounts[i]!;
    const rate =
      m.month === 3
        ? m.fy === 2023
          ? fy23.continuationRate
          : fy24.continuationRate
        : Math.round((m.fy === 2023 ? 70.5 : 74.8) * 10 + random() * 30 + (CAMPAIGN_MONTHS.has(key(m)) ? 25 : 0)) / 10;
    const classStores = apportion(stores, [0.36, 0.45, 0.14, 0.05]);
    const classCounts = apportion(counts[i]!, [0.41, 0.33, 0.19, 0.07]);
    const classAmounts = apportion(monthAmounts[i]!, [0.38, 0.31, 0.12, 0.19]);
    const layout: PayReportSample['layout'] = m.year * 12 + m.month >= 2024 * 12 + 10 ? 'v2024-10' : 'v2023';
    const report: PayReportSample = {
      layout,
      year: m.year,
      month: m.month,
      figures: {
        memberStores: stores,
        cumulativePayers: payers,
        paymentCount: counts[i]!,
        paymentAmount: monthAmounts[i]!,
        cumulativeAmount: cumulative,
        continuationRate: rate,
      },
      storeClasses: STORE_CLASSES.map((name, c) => ({ name, memberStores: classStores[c]!, paymentCount: classCounts[c]!, paymentAmount: classAmounts[c]! })),
    };
    const name =
      layout === 'v2023'
        ? `せたがやPay月次報告_${m.year}年${String(m.month).padStart(2, '0')}月.xlsx`
        : `【せたがやPay】月次集計レポート_${m.year}${String(m.month).padStart(2, '0')}.xlsx`;
    files.push([name, await writePayReport(report)]);
  }
  return files;
}

// ---------- 産業振興公社 ----------

const OFFICES = ['本部（三軒茶屋）', '世田谷', '北沢', '玉川', '砧', '烏山'] as const;
const METHODS = ['来所', '電話', 'オンライン', '出張'] as const;

type DateStyle = 'date' | 'serial' | 'western' | 'era' | 'eraShort' | 'iso' | 'weekday';

/** The same date written the ways offices' exports write it. */
function dateCell(year: number, month: number, day: number, style: DateStyle): XlsxCell {
  const d = new Date(Date.UTC(year, month - 1, day));
  const era = year * 10000 + month * 100 + day >= 20190501 ? year - 2018 : year - 1988;
  const eraName = year * 10000 + month * 100 + day >= 20190501 ? '令和' : '平成';
  switch (style) {
    case 'date':
      return d;
    case 'serial':
      return d.getTime() / 86_400_000 + 25569;
    case 'western':
      return `${year}/${month}/${day}`;
    case 'era':
      return `${eraName}${era}年${month}月${day}日`;
    case 'eraShort':
      return `${eraName === '令和' ? 'R' : 'H'}${era}.${month}.${day}`;
    case 'iso':
      return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    case 'weekday':
      return `${year}年${month}月${day}日(${'日月火水木金土'[d.getUTCDay()]})`;
  }
}

function randomDay(random: () => number, fy: number): { year: number; month: number; day: number } {
  const start = Date.UTC(fy, 3, 1);
  const days = (Date.UTC(fy + 1, 3, 1) - start) / 86_400_000;
  const d = new Date(start + Math.floor(random() * days) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

interface KoshaRecord {
  id: string;
  date: { year: number; month: number; day: number };
  cells: XlsxCell[];
}

async function koshaSamples(): Promise<[string, Buffer][]> {
  const random = seededRandom(1975);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const files: [string, Buffer][] = [];

  // Consultations: FY2023 as .xlsx (date cells, some typed as text or left as serials), FY2024 as CP932 CSV.
  for (const fy of [2023, 2024] as const) {
    const records: KoshaRecord[] = [];
    for (const [category, n] of Object.entries(publishedSourceFigures.kosha.consultation[fy])) {
      for (let i = 0; i < n; i += 1) {
        const office = category === '社会保険労務士相談' || category === '働き方カウンセリング' ? '三軒茶屋就労支援センター' : pick(OFFICES);
        records.push({ id: '', date: randomDay(random, fy), cells: [category, office, pick(METHODS)] });
      }
    }
    records.sort(
      (a, b) =>
        a.date.year * 10000 + a.date.month * 100 + a.date.day - (b.date.year * 10000 + b.date.month * 100 + b.date.day) || (a.cells[0]! < b.cells[0]! ? -1 : 1),
    );
    records.forEach((r, i) => (r.id = `${fy === 2023 ? 'R5' : 'R6'}-S${String(i + 1).padStart(5, '0')}`));
    // A few records exported twice (the same id): counted once.
    const duplicated = [7, 58, 301].map((i) => records[i]!);
    const styles: DateStyle[] =
      fy === 2023
        ? ['date', 'date', 'date', 'date', 'western', 'era', 'serial']
        : ['western', 'western', 'western', 'eraShort', 'era', 'iso', 'serial', 'weekday'];
    const rowsOf = (rs: KoshaRecord[]) => rs.map((r) => [r.id, dateCell(r.date.year, r.date.month, r.date.day, pick(styles)), ...r.cells]);
    const rows = rowsOf([...records.slice(0, 200), ...duplicated, ...records.slice(200)]);
    const header = ['相談番号', '相談日', '相談区分', '窓口', '相談方法'];
    const period = fy === 2023 ? '抽出期間：令和5年4月1日～令和6年3月31日' : '抽出期間：2024/04/01～2025/03/31';
    if (fy === 2023) {
      files.push([
        '公社_相談記録_令和5年度.xlsx',
        await writeXlsxTable({
          sheet: '相談記録',
          title: [['相談記録一覧（公益財団法人世田谷区産業振興公社）'], [period], ['出力日：2024/04/08'], []],
          header,
          rows,
        }),
      ]);
    } else {
      const csvRows = rows.map((r) => r.map((c) => (c instanceof Date ? `${c.getUTCFullYear()}/${c.getUTCMonth() + 1}/${c.getUTCDate()}` : c)));
      files.push([
        '公社_相談記録_令和6年度.csv',
        writeCsvFile([['相談記録一覧（公益財団法人世田谷区産業振興公社）'], [period], ['出力日：2025/04/07'], [], header, ...csvRows], 'cp932'),
      ]);
    }
  }

  // Seminars FY2023–FY2024 in one workbook: 創業セミナー twice a year, 6 sessions each (spring and autumn).
  const seminars: XlsxCell[][] = [];
  let no = 0;
  for (const fy of [2023, 2024] as const) {
    const startup = [5, 5, 6, 6, 6, 7, 10, 10, 11, 11, 11, 12];
    if (startup.length !== publishedSourceFigures.kosha.startupSeminars[fy]) throw new Error('startup seminar months');
    const list: { month: number; day: number; category: string; program: string }[] = startup.map((month, i) => ({
      month,
      day: 3 + ((i * 5) % 24),
      category: '創業セミナー',
      program: `${month <= 7 ? '春' : '秋'}の創業スクール 第${(i % 6) + 1}回`,
    }));
    for (const [category, n] of [
      ['経営セミナー', 9],
      ['IT活用セミナー', 5],
      ['販路拡大セミナー', 4],
    ] as const) {
      for (let i = 0; i < n; i += 1)
        list.push({ month: pick([4, 6, 8, 9, 1, 2]), day: 2 + Math.floor(random() * 26), category, program: `${category} ${i + 1}` });
    }
    list.sort((a, b) => ((a.month + 8) % 12) - ((b.month + 8) % 12) || a.day - b.day);
    for (const s of list) {
      no += 1;
      const year = s.month >= 4 ? fy : fy + 1;
      seminars.push([
        `SM-${String(no).padStart(4, '0')}`,
        dateCell(year, s.month, s.day, no % 5 === 0 ? 'era' : 'date'),
        s.category,
        s.program,
        pick(['本部（三軒茶屋）', 'キャロットタワー', 'オンライン']),
        12 + Math.floor(random() * 30),
      ]);
    }
  }
  files.push([
    '公社_セミナー実施記録_令和5-6年度.xlsx',
    await writeXlsxTable({
      sheet: 'セミナー',
      title: [['セミナー・講座 実施記録'], ['抽出期間：2023/4/1～2025/3/31'], []],
      header: ['実施番号', '開催日', '区分', '事業名', '会場', '参加者数'],
      rows: seminars,
    }),
  ]);

  // 顧問的診断士 dispatches FY2024, UTF-8 CSV with a BOM: 33 to 商店街 plus dispatches to single shops.
  const dispatches: { date: { year: number; month: number; day: number }; category: string; to: string }[] = [];
  const shotengai = [
    '下北沢一番街商店街',
    '烏山駅前通り商店街',
    '三軒茶屋栄通り商店街',
    '経堂農大通り商店会',
    '用賀商店街',
    '祖師谷昇進会商店街',
    '等々力商店街',
  ];
  for (let i = 0; i < publishedSourceFigures.kosha.shotengaiDispatches[2024]; i += 1)
    dispatches.push({ date: randomDay(random, 2024), category: '商店街', to: pick(shotengai) });
  for (let i = 0; i < 21; i += 1) dispatches.push({ date: randomDay(random, 2024), category: '個店', to: `区内事業者${i + 1}` });
  dispatches.sort((a, b) => a.date.year * 10000 + a.date.month * 100 + a.date.day - (b.date.year * 10000 + b.date.month * 100 + b.date.day));
  files.push([
    '公社_診断士派遣記録_令和6年度.csv',
    writeCsvFile(
      [
        ['顧問的診断士派遣 実績一覧'],
        ['抽出期間', '令和6年4月1日～令和7年3月31日'],
        [],
        ['派遣番号', '派遣日', '派遣区分', '派遣先', '担当', '備考'],
        ...dispatches.map((d, i) => [
          `D24-${String(i + 1).padStart(3, '0')}`,
          String(dateCell(d.date.year, d.date.month, d.date.day, i % 4 === 0 ? 'era' : 'western')),
          d.category,
          d.to,
          pick(['中小企業診断士A', '中小企業診断士B', '中小企業診断士C']),
          i % 9 === 0 ? '販促計画の助言, 店舗レイアウト\n（2回目）' : '',
        ]),
      ],
      'utf-8-bom',
    ),
  ]);
  return files;
}
