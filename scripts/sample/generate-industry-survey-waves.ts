// The sample inbox's 産業基礎調査 waves for FY2023 and FY2024, in the layouts of config/setagaya/sources/industry-survey.yaml:
// 商業・サービス as the vendor's .xlsx (codebook sheet inside; FY2023 with question-id headers, FY2024 with question
// wording), 建設・製造・その他 as CSV (FY2023 UTF-8 with BOM, FY2024 CP932; codebook in config).
// About 3,000 businesses are sampled from a frame shaped like the ward's (経済センサス: 卸売・小売 27.7%, 飲食 14.1% …,
// seed 003 §2.3), a third respond (larger firms more often; every industry × size stratum gets at least 2 respondents,
// chased by reminder calls), the frame file gives N_h per stratum, weights are N_h ÷ n_h, and each survey-fed
// measure's design-based (weighted) pooled share is made to round to its printed FY2024 value and FY2023 baseline.
// A few messy cells (an exact duplicate row, an empty questionnaire, an unknown column, a date outside the
// fieldwork) give warnings but change no share. Seeded: the same bytes on every run.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../../lib/repo-root.ts';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Catalog, ConfigProblem } from '../../config/load-catalog.ts';
import { readConfigFile } from '../../config/read-config-file.ts';
import type { Codebook, CodebookQuestion } from '../../sources/industry-survey/codebook.ts';
import { codebookFromConfig } from '../../sources/industry-survey/codebook-from-config.ts';
import { industrySurveyConfigSchema, type Answer, type IndustrySurveyConfig } from '../../sources/industry-survey/industry-survey-config.ts';
import { countedCodes, findQuestion } from '../../lib/find-survey-question.ts';
import { resolveSurveyBindings } from '../../sources/industry-survey/resolve-survey-bindings.ts';
import { seededRandom } from './seeded-random.ts';
import { pickIndex, weightedPick } from './weighted-pick.ts';
import { writeIndustrySurveyWave, type Business, type InstrumentId } from './write-industry-survey-wave.ts';
import { surveyWaveTable, type SurveyRespondent, type WaveLayout } from './survey-wave-table.ts';
import { writeCsvFile } from './write-csv-file.ts';

const YEARS = [2023, 2024] as const;
const SIZE_MAX = [4, 9, 19, 49, 300];
const SIZE_MIN = [0, 5, 10, 20, 50];
const SIZE_SHARE = [0.58, 0.19, 0.11, 0.08, 0.04];
const RESPONSE_RATE = [0.3, 0.34, 0.38, 0.42, 0.46];

/** The sampling frame: establishments by instrument and industry (F1 code), ~24,700 as in 平成24年経済センサス. */
const FRAME = {
  commerce: { sample: 2000, industries: [6840, 3480, 2495, 2320, 2960, 1360, 2270] },
  manufacturing: { sample: 1000, industries: [1360, 740, 545, 320] },
} as const satisfies Record<InstrumentId, { sample: number; industries: readonly number[] }>;

const targetsSchema = z.strictObject({
  targets: z.array(
    z.strictObject({ measure: z.string(), fiscalYear: z.number().int(), value: z.number(), basis: z.enum(['printed', 'inferred']), sourceJa: z.string() }),
  ),
});

/** Writes the waves into inboxDir/industry-survey/ when the catalog has survey-fed measures; returns the files written. */
export async function writeIndustrySurveySamples(configDir: string, inboxDir: string, catalog: Catalog): Promise<string[]> {
  if (![...catalog.measures.values()].some((m) => m.source.kind === 'industrySurvey')) return [];
  const folder = path.join(inboxDir, 'industry-survey');
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const [name, bytes] of await sampleWaves(configDir, catalog)) {
    await writeFile(path.join(folder, name), bytes);
    written.push(path.join(folder, name));
  }
  return written;
}

async function sampleWaves(configDir: string, catalog: Catalog): Promise<[string, Buffer][]> {
  const problems: ConfigProblem[] = [];
  const config = await readConfigFile(path.join(configDir, 'sources', 'industry-survey.yaml'), industrySurveyConfigSchema, problems);
  if (!config) throw new Error(`industry-survey.yaml: ${problems.map((p) => p.message).join('; ')}`);
  const here = path.join(repoRoot, 'scripts', 'sample');
  const table = targetsSchema.parse(parse(await readFile(path.join(here, 'industry-survey-targets.yaml'), 'utf8')));
  const { bindings } = resolveSurveyBindings(catalog.measures.values(), config);

  const files: [string, Buffer][] = [];
  for (const year of YEARS) {
    const codebooks = { commerce: commerceCodebook(config, year), manufacturing: codebookFromConfig(config, 'manufacturing', year)! };
    const random = seededRandom(20_000 + year);
    const businesses = respondents(random, year, config);

    // Each question asked of both instruments, with the shares it must produce this year (outer counted set first).
    const topics = new Map<string, { questions: Record<InstrumentId, CodebookQuestion>; targets: { codes: Set<number>; value: number }[] }>();
    for (const b of bindings) {
      const target =
        year === 2023
          ? catalog.measures.get(b.measureId)!.baseline?.value
          : table.targets.find((t) => t.measure === b.measureId && t.fiscalYear === year)?.value;
      const commerce = findQuestion(codebooks.commerce, b.questions.get('commerce')!);
      const manufacturing = findQuestion(codebooks.manufacturing, b.questions.get('manufacturing')!);
      if (!commerce || !manufacturing) continue;
      const key = `${commerce.id}/${manufacturing.id}`;
      const topic = topics.get(key) ?? { questions: { commerce, manufacturing }, targets: [] };
      topics.set(key, topic);
      if (target !== undefined) topic.targets.push({ codes: countedCodes(commerce, b.counted).codes, value: target });
    }
    for (const topic of topics.values()) {
      topic.targets.sort((a, b) => b.codes.size - a.codes.size);
      answerTopic(random, businesses, topic.questions, topic.targets, config);
    }
    for (const instrument of ['commerce', 'manufacturing'] as const) {
      for (const q of codebooks[instrument].questions) {
        if (businesses.some((b) => b.instrument === instrument && q.id in b.answers)) continue;
        for (const b of businesses) if (b.instrument === instrument) b.answers[q.id] = filler(random, q, b);
      }
    }
    files.push(...(await writeIndustrySurveyWave(year, businesses, codebooks, config)));
    files.push([`R${year - 2018}_産業基礎調査_母集団.csv`, frameFile(config)]);
  }
  return files;
}

/** The 商業・サービス questionnaire (delivered by the vendor in the workbook's コードブック sheet). */
function commerceCodebook(config: IndustrySurveyConfig, year: number): Codebook {
  const s = config.answerSets;
  const industries: Answer[] = [
    '卸売業・小売業',
    '宿泊業・飲食サービス業',
    '生活関連サービス業・娯楽業',
    '医療・福祉',
    '不動産業・物品賃貸業',
    '学術研究・専門・技術サービス業',
    'その他のサービス業',
  ].map((labelJa, i) => ({ code: i + 1, labelJa }));
  const choice = (id: string, textJa: string, answers: Answer[], type: 'single' | 'multi' = 'single'): CodebookQuestion => ({
    id,
    textJa,
    type,
    answers,
    nonResponse: config.nonResponse,
  });
  const questions: (CodebookQuestion | false)[] = [
    choice('F1', '業種', industries),
    { id: 'F2', textJa: '従業員数（人）', type: 'number', answers: [], nonResponse: [], min: 0, max: 99999 },
    choice('F3', '業歴', s.history!),
    choice('Q1', '前年度と比較して、直近決算の売上高はどのように変化していますか', s.sales!),
    choice('Q2', '直近決算の経常損益について、該当するもの', s.profit!),
    choice('Q3', '今後の事業展開の方向性について、最も近いものはどれですか', s.outlook!),
    choice('Q4', '給与改定で賃上げを実施しますか', s.wage!),
    choice('Q5', '貴社の従業員確保の状況はいかがですか', s.staffing!),
    choice('Q6', '事業承継上の課題は何ですか（あてはまるものすべて）', s.succession!, 'multi'),
    choice('Q7', '貴社ではシニア人材の採用意向はありますか？', s.senior!),
    choice('Q8', '従業員の副業・兼業について、どうお考えですか', s.sideJob!),
    year >= 2024 && choice('Q9', 'ダイバーシティ経営（多様な人材の活躍）について、最も近いものはどれですか', s.diversity!),
    choice('Q10', '貴社は社会課題や地域課題の解決に関心がありますか', s.socialIssues!),
    year >= 2024 && choice('Q11', '貴社におけるエシカル消費の取組みについて、もっとも近いものはどれですか', s.ethical!),
    choice('Q12', '脱炭素への取組みについて、関心の程度を教えてください', s.decarbonisation!),
    choice('Q13', '事業活動における環境配慮行動の位置づけについて、重要度を教えてください', s.importance!),
    choice('Q14', '現在の経営上の課題（あてはまるものすべて）', s.managementIssues!, 'multi'),
    { id: 'Q15', textJa: '区の産業施策へのご意見・ご要望', type: 'text', answers: [], nonResponse: [] },
  ];
  return { instrument: 'commerce', fiscalYear: year, sourceJa: 'サンプル', questions: questions.filter((q): q is CodebookQuestion => q !== false) };
}

/** Sampled businesses that responded, with industry, size, response date and post-stratified weight. */
function respondents(random: () => number, year: number, config: IndustrySurveyConfig): Business[] {
  const fieldwork = config.waves.find((w) => w.fiscalYear === year)!.fieldwork!;
  const from = Date.parse(`${fieldwork.from}T00:00:00Z`) / 86_400_000;
  const to = Date.parse(`${fieldwork.to}T00:00:00Z`) / 86_400_000;
  const out: Business[] = [];
  for (const instrument of ['commerce', 'manufacturing'] as const) {
    const frame = FRAME[instrument];
    const total = frame.industries.reduce((a, b) => a + b, 0);
    let serial = 0;
    const cells = new Map<string, Business[]>();
    frame.industries.forEach((population, i) => {
      const sampled = Math.round((frame.sample * population) / total);
      for (let k = 0; k < sampled; k += 1) {
        serial += 1;
        const size = pickIndex(random, SIZE_SHARE);
        if (random() >= RESPONSE_RATE[size]! - (year === 2024 ? 0.02 : 0)) continue;
        const employees = SIZE_MIN[size]! + Math.floor(random() ** 2 * (SIZE_MAX[size]! - SIZE_MIN[size]! + 1));
        // Late returns cluster near the deadline; a few web answers come in before 9:00 on the first day.
        const day = from + Math.min(to - from, Math.floor(random() ** 0.8 * (to - from + 1)));
        const b: Business = {
          instrument,
          id: `${instrument === 'commerce' ? 'C' : 'M'}${year % 100}-${String(serial).padStart(4, '0')}`,
          industry: i + 1,
          size,
          employees,
          day,
          minute: 7 * 60 + Math.floor(random() * 14 * 60),
          weight: 0,
          answers: { F1: i + 1, F2: employees },
        };
        out.push(b);
        const key = `${i}/${size}`;
        cells.set(key, [...(cells.get(key) ?? []), b]);
      }
    });
    // Reminder calls until every stratum has 2 respondents: one alone leaves its stratum's variance unestimable.
    frame.industries.forEach((_, i) => {
      SIZE_SHARE.forEach((__, size) => {
        const key = `${i}/${size}`;
        while ((cells.get(key)?.length ?? 0) < 2) {
          serial += 1;
          const b: Business = {
            instrument,
            id: `${instrument === 'commerce' ? 'C' : 'M'}${year % 100}-${String(serial).padStart(4, '0')}`,
            industry: i + 1,
            size,
            employees: SIZE_MIN[size]! + Math.floor(random() * (SIZE_MAX[size]! - SIZE_MIN[size]! + 1)),
            day: to,
            minute: 10 * 60,
            weight: 0,
            answers: {},
          };
          b.answers = { F1: i + 1, F2: b.employees };
          out.push(b);
          cells.set(key, [...(cells.get(key) ?? []), b]);
        }
      });
    });
    // Design weights: N_h ÷ n_h (the frame's establishments over the stratum's respondents).
    for (const members of cells.values()) {
      const { industry, size } = members[0]!;
      for (const b of members) b.weight = stratumPopulation(instrument, industry - 1, size) / members.length;
    }
  }
  return out;
}

/** Answers one question of both instruments so that each target share (pooled, among those answering) rounds right. */
function answerTopic(
  random: () => number,
  businesses: Business[],
  questions: Record<InstrumentId, CodebookQuestion>,
  targets: { codes: Set<number>; value: number }[],
  config: IndustrySurveyConfig,
): void {
  const q = questions.commerce;
  const onlyWithStaff = q.answers === config.answerSets.wage || q.answers === config.answerSets.staffing;
  const notApplicable = config.nonResponse.find((n) => n.kind === 'notApplicable')!.code;
  const noAnswer = config.nonResponse.find((n) => n.kind === 'noAnswer')!.code;
  const answering: Business[] = [];
  const silent: Business[] = [];
  for (const b of businesses) {
    const id = questions[b.instrument].id;
    if (onlyWithStaff && b.employees === 0) b.answers[id] = q.type === 'multi' ? [notApplicable] : notApplicable;
    else if (random() < 0.025) silent.push(b);
    else answering.push(b);
  }
  for (const b of silent) {
    const id = questions[b.instrument].id;
    b.answers[id] = q.type === 'multi' ? (random() < 0.3 ? [noAnswer] : []) : random() < 0.3 ? noAnswer : null;
  }
  // Larger firms and some industries lean towards the counted answers, so the breakdowns differ by group.
  const lean = { size: SIZE_SHARE.map(() => random() * 0.8 - 0.2), industry: Array.from({ length: 8 }, () => random() * 0.6 - 0.3) };
  let pool = answering;
  const layers: Business[][] = [];
  const answeringWeight = answering.reduce((sum, b) => sum + b.weight, 0);
  for (let t = 0; t < targets.length; t += 1) {
    const k = Math.round((targets[t]!.value * answering.length) / 100);
    const chosen = weightedPick(random, pool, Math.min(k, pool.length), (b) => Math.exp(lean.size[b.size]! * b.size * 0.5 + lean.industry[b.industry]!));
    fitWeightedShare(chosen, pool, targets[t]!.value, answeringWeight);
    layers.push(pool.filter((b) => !chosen.has(b)));
    pool = pool.filter((b) => chosen.has(b));
  }
  layers.push(pool);
  // layers[0]: not counted at all; layers[t]: counted by targets 0..t−1 only; the last: counted by every target.
  const all = new Set(q.answers.map((a) => a.code));
  const sets = targets.map((t) => t.codes);
  layers.forEach((members, t) => {
    const outer = t === 0 ? all : sets[t - 1]!;
    const inner = sets[t] ?? new Set<number>();
    const options = [...outer].filter((c) => !inner.has(c));
    const weights = options.map(() => 0.3 + random());
    for (const b of members) {
      const id = questions[b.instrument].id;
      const code = options[pickIndex(random, weights)]!;
      if (q.type !== 'multi') {
        b.answers[id] = code;
        continue;
      }
      // A multi-select: the counted option alone, or 1–3 options none of which is counted.
      if (t > 0) b.answers[id] = [code];
      else {
        const picks = new Set<number>([code]);
        for (let k = Math.floor(random() * 3); k > 0; k -= 1) picks.add(options[Math.floor(random() * options.length)]!);
        b.answers[id] = [...picks].sort((x, y) => x - y);
      }
    }
  });
}

/**
 * Adds, removes or swaps members of `chosen` (within `pool`) until Σw over chosen ÷ `total` × 100 is within 0.03 of
 * `target`, so the design-based share rounds half-up to it at 1 decimal. Weights are equal within a stratum, so
 * the swaps are searched over the distinct weights only.
 */
function fitWeightedShare(chosen: Set<Business>, pool: readonly Business[], target: number, total: number): void {
  const tolerance = (0.03 * total) / 100;
  const goal = (target * total) / 100;
  for (let step = 0; step < 100_000; step += 1) {
    let have = 0;
    for (const b of chosen) have += b.weight;
    const diff = goal - have;
    if (Math.abs(diff) <= tolerance) return;
    const inside = firstByWeight(pool.filter((b) => chosen.has(b)));
    const outside = firstByWeight(pool.filter((b) => !chosen.has(b)));
    // Candidate moves: add one, remove one, or swap one for one; take the one that lands nearest the goal.
    let best: { add?: Business; remove?: Business; miss: number } = { miss: Math.abs(diff) };
    for (const [w, b] of outside) if (Math.abs(diff - w) < best.miss) best = { add: b, miss: Math.abs(diff - w) };
    for (const [w, b] of inside) if (Math.abs(diff + w) < best.miss) best = { remove: b, miss: Math.abs(diff + w) };
    for (const [wo, o] of outside)
      for (const [wi, i] of inside) if (Math.abs(diff - wo + wi) < best.miss) best = { add: o, remove: i, miss: Math.abs(diff - wo + wi) };
    if (!best.add && !best.remove) throw new Error(`sample: cannot reach a weighted share of ${target}`);
    if (best.add) chosen.add(best.add);
    if (best.remove) chosen.delete(best.remove);
  }
  throw new Error(`sample: no weighted share of ${target} after 100000 steps`);
}

/** One member per distinct weight (the first in pool order). */
function firstByWeight(members: readonly Business[]): Map<number, Business> {
  const map = new Map<number, Business>();
  for (const b of members) if (!map.has(b.weight)) map.set(b.weight, b);
  return map;
}

/** N_h of a stratum: the industry's establishments × the size class's share, rounded. */
function stratumPopulation(instrument: InstrumentId, industry: number, size: number): number {
  return Math.round(FRAME[instrument].industries[industry]! * SIZE_SHARE[size]!);
}

/** The frame file delivered with each wave (母集団: establishments per instrument × industry × size class), UTF-8 CSV (〜 has no CP932 code). */
function frameFile(config: IndustrySurveyConfig): Buffer {
  const design = config.design!;
  const dimensions = design.strata.map((id) => config.breakdowns!.dimensions.find((d) => d.id === id)!);
  const rows: string[][] = [[design.frameColumns.instrument, ...dimensions.map((d) => d.nameJa), design.frameColumns.population]];
  for (const instrument of ['commerce', 'manufacturing'] as const) {
    const source = config.instruments.find((i) => i.id === instrument)!;
    FRAME[instrument].industries.forEach((_, i) => {
      SIZE_SHARE.forEach((__, size) => {
        const industry = source.breakdowns.industry!.groups![String(i + 1)]!;
        const sizeGroup = source.breakdowns.size!.classes![size]!.group;
        const label = (dimension: string, code: string) => dimensions.find((d) => d.id === dimension)!.groups.find((g) => g.code === code)!.labelJa;
        rows.push([source.nameJa, label('industry', industry), label('size', sizeGroup), String(stratumPopulation(instrument, i, size))]);
      });
    });
  }
  return writeCsvFile(rows, 'utf-8-bom');
}

function filler(random: () => number, q: CodebookQuestion, b: Business): SurveyRespondent['answers'][string] {
  if (q.id === 'F1' || q.id === 'F2') return b.answers[q.id]!;
  if (q.type === 'text') return random() < 0.22 ? comment(random) : null;
  if (random() < 0.03) return null;
  const codes = q.answers.map((a) => a.code);
  if (q.type === 'multi') return [...new Set([codes[Math.floor(random() * codes.length)]!, codes[Math.floor(random() * codes.length)]!])].sort((x, y) => x - y);
  return codes[Math.floor(random() * codes.length)]!;
}

const PHRASES = [
  '商店街の人通りが減っている',
  '人手不足が深刻です',
  '物価高騰で仕入れが厳しい',
  'キャッシュレス決済（せたがやPay）の手数料支援をお願いしたい',
  '事業承継の相談窓口を知りたい',
  '①販路開拓 ②人材確保 ③資金繰り',
  '㈱取引先の廃業が続いている',
  '髙島屋周辺の再開発に期待',
  'ﾃｲｸｱｳﾄを始めました',
  '補助金の申請書類が多すぎる',
  '"区のセミナー"は役に立った',
  'DX、ITの導入を進めたい',
  '家賃が高い, 固定費が重い',
  '脱炭素の取組みは何から始めればよいか',
];

function comment(random: () => number): string {
  const parts: string[] = [];
  for (let k = 1 + Math.floor(random() * 3); k > 0; k -= 1) parts.push(PHRASES[Math.floor(random() * PHRASES.length)]!);
  return parts.join(random() < 0.2 ? '\n' : '。');
}
