// The kosha-1m benchmark input: a 1,000,000-record 公社 consultation export (UTF-8 CSV with a BOM, title rows,
// 抽出期間 FY2018–FY2024), in the layout of config/setagaya/sources/kosha.yaml plus the columns a consultation log
// has (業種, a one-line 相談概要). Dates come in the formats offices write (2024/4/1, 令和6年4月1日, R6.4.1, Excel
// serials, 2024-04-01); a fifth of the summaries are quoted because of commas, 1 % hold line breaks and doubled
// quotes; 100 records are exported twice. Deterministic (seeded), so every machine times the same bytes.
import { createWriteStream } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from '../sample/seeded-random.ts';

const CATEGORIES = ['経営相談', '創業相談', '社会保険労務士相談', '働き方カウンセリング', '融資相談', '知的財産相談', '事業承継相談', 'IT活用相談'];
const WEIGHTS = [0.24, 0.18, 0.12, 0.06, 0.16, 0.08, 0.09, 0.07];
const OFFICES = ['本部（三軒茶屋）', '世田谷', '北沢', '玉川', '砧', '烏山', '三軒茶屋就労支援センター'];
const METHODS = ['来所', '電話', 'オンライン', '出張'];
const INDUSTRIES = ['小売業', '飲食業', 'サービス業', '建設業', '製造業', '不動産業', '情報通信業', '医療・福祉', '卸売業', 'その他'];
const TOPICS = ['資金繰り', '販路拡大', '事業計画の策定', '補助金の申請', '人材確保', '店舗の改装', 'ＩＴ導入', '事業承継', '価格転嫁', '創業準備'];
const NEXT = ['次回は決算書を持参', '専門家派遣を検討', '融資あっせんを案内', 'セミナーを紹介', '継続して相談'];
const FIRST_DAY = Date.UTC(2018, 3, 1) / 86_400_000;
const DAYS = Date.UTC(2025, 3, 1) / 86_400_000 - FIRST_DAY;

/** `narrow`: the same records without 業種 and 相談概要 (5 columns), to show how the fixed start-up cost weighs on a smaller file. */
export async function makeKoshaRecords(records: number, file: string, options: { ifMissing?: boolean; narrow?: boolean } = {}): Promise<void> {
  if (
    options.ifMissing &&
    (await access(file).then(
      () => true,
      () => false,
    ))
  )
    return;
  await mkdir(path.dirname(file), { recursive: true });
  const random = seededRandom(1_000_000);
  const out = createWriteStream(file);
  const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write(
    `\uFEFF相談記録一覧（公益財団法人世田谷区産業振興公社）\r\n抽出期間：2018/04/01～2025/03/31\r\n出力日：2025/04/07\r\n\r\n相談番号,相談日,相談区分,窓口,相談方法${options.narrow ? '' : ',業種,相談概要'}\r\n`,
  );
  let chunk = '';
  const days = Array.from({ length: records }, () => FIRST_DAY + Math.floor(random() * DAYS)).sort((a, b) => a - b);
  // Ids as wide as the last one needs (7 digits up to 9,999,999 records), so they stay in ascending order.
  const idDigits = Math.max(7, String(records).length);
  for (let i = 0; i < records; i += 1) {
    const day = days[i]!;
    const d = new Date(day * 86_400_000);
    const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const style = random();
    const reiwa = day >= Date.UTC(2019, 4, 1) / 86_400_000;
    const date =
      style < 0.7
        ? `${y}/${m}/${dd}`
        : style < 0.8
          ? `${reiwa ? '令和' : '平成'}${reiwa ? y - 2018 : y - 1988}年${m}月${dd}日`
          : style < 0.88
            ? `${reiwa ? 'R' : 'H'}${reiwa ? y - 2018 : y - 1988}.${m}.${dd}`
            : style < 0.95
              ? String(day + 25569)
              : `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
    let r = random();
    let c = 0;
    while (c < CATEGORIES.length - 1 && r >= WEIGHTS[c]!) r -= WEIGHTS[c++]!;
    const topic = TOPICS[Math.floor(random() * TOPICS.length)]!;
    const next = NEXT[Math.floor(random() * NEXT.length)]!;
    const shape = random();
    const summary =
      shape < 0.01
        ? `"${topic}について再相談, 前回の続き\r\n資料持参（""決算書""）。${next}"`
        : shape < 0.2
          ? `"${topic}について相談, ${next}"`
          : `${topic}について相談。${next}`;
    const head = `K${String(i + 1).padStart(idDigits, '0')},${date},${CATEGORIES[c]},${OFFICES[Math.floor(random() * OFFICES.length)]},${METHODS[Math.floor(random() * METHODS.length)]}`;
    const industry = INDUSTRIES[Math.floor(random() * INDUSTRIES.length)]!;
    const line = options.narrow ? `${head}\r\n` : `${head},${industry},${summary}\r\n`;
    chunk += line;
    // Every 10,000th record is exported again right after itself (same id): counted once.
    if (i % 10_000 === 0) chunk += line;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
