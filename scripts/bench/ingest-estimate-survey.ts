// Bench case: the whole industry-survey ingest of one wave file, as a run does it — read the file and hash it, check
// every cell of all 150 columns against the codebook, and estimate 135 shares (Q1–Q100 top-2, 35 multi-select
// options) design-based (strata 区分 with a frame file: Taylor variance with fpc, deff, Korn–Graubard intervals),
// with Wilson intervals of the plain shares and breakdowns by 区分 and 年代 (with suppression).
// The wave is scripts/bench/make-survey-wave.ts's layout; its codebook is written here as config.
// Usage: node --import tsx scripts/bench/ingest-estimate-survey.ts <file.xlsx>
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import type { Measure } from '../../config/catalog-schema.ts';
import { inboxFileFromBytes, readInboxFile } from '../../sources/inbox-file.ts';
import { industrySurveyConfigSchema } from '../../sources/industry-survey/industry-survey-config.ts';
import { runIndustrySurvey } from '../../pipelines/industry-survey-family-read.ts';
import { writeCsvFile } from '../sample/write-csv-file.ts';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: ingest-estimate-survey.ts <file.xlsx>');

const likert = Array.from({ length: 5 }, (_, i) => ({ code: i + 1, labelJa: `${i + 1}` }));
const codes = (n: number) => Array.from({ length: n }, (_, i) => ({ code: i + 1, labelJa: `${i + 1}` }));
const config = industrySurveyConfigSchema.parse({
  files: { pattern: '^(?<year>\\d{4})_(?<instrument>[^_/.]+)\\.xlsx$', framePattern: '^(?<year>\\d{4})_母集団\\.csv$' },
  design: { strata: ['segment'], weights: 'file', limits: { minEffectiveN: 30, maxRelativeSe: 0.3 } },
  nonResponse: [{ code: 99, kind: 'noAnswer', labelJa: '無回答' }],
  answerSets: { likert },
  breakdowns: {
    minN: 30,
    dimensions: [
      { id: 'segment', nameJa: '区分', groups: ['商業', 'サービス業', '建設業', '製造業'].map((labelJa, i) => ({ code: String(i + 1), labelJa })) },
      { id: 'age', nameJa: '年代', groups: codes(7).map((a) => ({ code: String(a.code), labelJa: `${a.code}0代` })) },
    ],
  },
  instruments: [
    {
      id: 'web',
      nameJa: 'ウェブ調査',
      fileLabels: ['wave'],
      respondentId: '回答者番号',
      responseDate: '回答日時',
      weight: 'ウェイト',
      optionHeaders: ['{id}{code}'],
      breakdowns: { segment: { question: '区分' }, age: { question: '年代' } },
    },
  ],
  codebooks: [
    {
      instrument: 'web',
      fiscalYears: [2024],
      questions: [
        { id: '都道府県', textJa: '都道府県', type: 'single', answers: codes(47) },
        { id: '性別', textJa: '性別', type: 'single', answers: codes(3) },
        { id: '年代', textJa: '年代', type: 'single', answers: codes(7) },
        ...Array.from({ length: 100 }, (_, i) => ({ id: `Q${i + 1}`, textJa: `設問${i + 1}`, type: 'single', answerSet: 'likert' })),
        { id: 'MA', textJa: 'あてはまるものすべて', type: 'multi', answers: codes(35) },
        ...Array.from({ length: 5 }, (_, i) => ({ id: `自由記述${i + 1}`, textJa: `自由記述${i + 1}`, type: 'text' })),
        { id: '端末', textJa: '端末', type: 'single', answers: ['PC', 'スマートフォン', 'タブレット'].map((labelJa, i) => ({ code: i + 1, labelJa })) },
        { id: '回答時間（秒）', textJa: '回答時間（秒）', type: 'number', min: 0, max: 100000 },
        { id: '調査回', textJa: '調査回', type: 'text' },
        { id: '区分', textJa: '区分', type: 'single', answers: ['商業', 'サービス業', '建設業', '製造業'].map((labelJa, i) => ({ code: i + 1, labelJa })) },
      ],
    },
  ],
});

const measure = (id: string, question: string, counted: number[]): Measure => ({
  id,
  nameJa: id,
  unit: '%',
  decimals: 1,
  direction: 'higher',
  aggregation: 'surveyShare',
  source: { kind: 'industrySurvey', question, questions: { web: question }, countedAnswers: counted, denominator: 'answered' },
});
const measures = [
  ...Array.from({ length: 100 }, (_, i) => measure(`q${i + 1}-top2`, `Q${i + 1}`, [4, 5])),
  ...Array.from({ length: 35 }, (_, i) => measure(`ma${i + 1}`, 'MA', [i + 1])),
];

const started = performance.now();
const input = await readInboxFile(path.dirname(path.resolve(file)), path.resolve(file));
// The frame: establishments per 区分 (sampling fractions of about 60 %).
const frame = writeCsvFile([['調査票', '区分', '母集団'], ...['商業', 'サービス業', '建設業', '製造業'].map((s) => ['ウェブ調査', s, 40_000])], 'utf-8');
const frameFile = inboxFileFromBytes('2024_母集団.csv', frame);
const result = await runIndustrySurvey([{ ...input, name: '2024_wave.xlsx' }, frameFile], measures, config);
const ms = performance.now() - started;
const wave = result.tables.survey_waves[0]!;
const breakdowns = result.tables.survey_breakdowns;
const check = result.observations.reduce((sum, o) => sum + o.value * o.n!, 0);
process.stdout.write(
  `ingest+estimate ${ms.toFixed(0)} ms: ${wave.respondents} respondents, ${result.observations.length} estimates, ${breakdowns.length} breakdown rows ` +
    `(${breakdowns.filter((b) => b.suppressed).length} suppressed), ${breakdowns.filter((b) => b.weighted_method === 'design').length} design-based, ${result.issues.length} issues, checksum ${check.toFixed(3)}\n`,
);
