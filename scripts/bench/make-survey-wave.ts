// A survey-like wave for the XLSX benchmarks, in the layout of research/perf_anchors.md: id, datetime, pref/gender/age
// codes, Q1–Q100 Likert 1–5, 35 multi-select 0/1, 5 free-text Japanese columns (~30 % filled), device, duration,
// wave, segment, weight; ~3 % of answers missing. Seeded, so every machine benchmarks the same bytes' content.
// Written with exceljs's streaming WorkbookWriter and shared strings, so generating 100k rows stays small in memory.
// Usage: node --import tsx scripts/bench/make-survey-wave.ts <rows> <file.xlsx>
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { seededRandom } from '../sample/seeded-random.ts';

export const SURVEY_WAVE_COLUMNS = 150;

/** `ifMissing`: keep a wave generated earlier (the 100k one takes about a minute). */
export async function makeSurveyWave(rows: number, file: string, options: { ifMissing?: boolean; seed?: number } = {}): Promise<void> {
  if (options.ifMissing && existsSync(file)) return;
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const next = seededRandom(options.seed ?? 20241121);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const maybe = <T>(value: T): T | null => (next() < 0.03 ? null : value);

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  const sheet = wb.addWorksheet('回答');
  sheet.getColumn(2).numFmt = 'yyyy/mm/dd hh:mm:ss';
  const header = [
    '回答者番号',
    '回答日時',
    '都道府県',
    '性別',
    '年代',
    ...Array.from({ length: 100 }, (_, i) => `Q${i + 1}`),
    ...Array.from({ length: 35 }, (_, i) => `MA${i + 1}`),
    ...Array.from({ length: 5 }, (_, i) => `自由記述${i + 1}`),
    '端末',
    '回答時間（秒）',
    '調査回',
    '区分',
    'ウェイト',
  ];
  if (header.length !== SURVEY_WAVE_COLUMNS) throw new Error(`layout has ${header.length} columns`);
  sheet.addRow(header).commit();
  const start = Date.UTC(2024, 5, 1, 0, 0, 0);
  for (let r = 0; r < rows; r += 1) {
    const values: ExcelJS.CellValue[] = [
      100001 + r,
      maybe(new Date(start + Math.floor(next() * 30 * 86_400) * 1000)),
      maybe(1 + Math.floor(next() * 47)),
      maybe(1 + Math.floor(next() * 3)),
      maybe(1 + Math.floor(next() * 7)),
    ];
    for (let q = 0; q < 100; q += 1) values.push(maybe(1 + Math.floor(next() * 5)));
    for (let m = 0; m < 35; m += 1) values.push(maybe(next() < 0.3 ? 1 : 0));
    for (let t = 0; t < 5; t += 1) values.push(next() < 0.3 ? freeText(next, 20 + Math.floor(next() * 100)) : null);
    values.push(
      maybe(pick(['PC', 'スマートフォン', 'タブレット'])),
      maybe(60 + Math.floor(next() * 3000)),
      '令和6年度',
      pick(['商業', 'サービス業', '建設業', '製造業']),
      Math.round((0.5 + next()) * 10_000) / 10_000,
    );
    sheet.addRow(values).commit();
  }
  sheet.commit();
  await wb.commit();
  await rename(partial, file);
}

const WORDS = [
  '売上が減った',
  '人手が足りない',
  '商店街の',
  '世田谷区の支援',
  '家賃が高い',
  'キャッシュレス決済',
  'せたがやPay',
  '後継者',
  '①',
  '②',
  '～',
  'ｶﾞｲﾄﾞ',
  'ﾃｲｸｱｳﾄ',
  '、',
  '。',
  ', ',
  '"特になし"',
  '\n',
  '（',
  '）',
  '助成金',
  '物価高騰',
  '円安',
];
const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん';

function freeText(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) {
    text += next() < 0.5 ? WORDS[Math.floor(next() * WORDS.length)]! : KANA[Math.floor(next() * KANA.length)]!;
  }
  return text;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows, file] = process.argv.slice(2);
  if (!rows || !file) throw new Error('usage: make-survey-wave.ts <rows> <file.xlsx>');
  await makeSurveyWave(Number(rows), path.resolve(file));
}
