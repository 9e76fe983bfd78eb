// Japanese text is read exactly (long strings inline in the sheet XML, across the reader's inflate chunks; shared
// strings carrying furigana <rPh>, which exceljs's streaming reader returns instead of the text), and response dates
// come out as the ward's calendar day whatever the machine's time zone.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { runIndustrySurvey } from '../pipelines/industry-survey-family-read.ts';
import { surveyWaveTable, type SurveyRespondent } from '../scripts/sample/survey-wave-table.ts';
import { writeCsvFile } from '../scripts/sample/write-csv-file.ts';
import { codebookSheetRows, writeSurveyWorkbook } from '../scripts/sample/write-survey-workbook.ts';
import { tempDir } from './helpers.ts';
import {
  inboxFile,
  inlineStringWorkbook,
  residentsCodebook,
  residentsConfig,
  residentsMeasures,
  residentsRespondents,
  withFurigana,
  writeResidentsWave,
} from './fixtures/survey-wave-fixtures.ts';

const FILE = 'industry-survey/R7_区民調査_区民.xlsx';
const respondents = residentsRespondents();
const layout = { headers: 'text' as const, multi: 'columns' as const, idHeader: '整理番号', dateHeader: '回答日', weightHeader: 'ウェイト' };

const textsOf = (result: Awaited<ReturnType<typeof runIndustrySurvey>>) => {
  const data = result.waves[0]!.read!.data!;
  const texts = data.questions.get('C1')!.texts!;
  return Array.from({ length: data.count }, (_, i) => texts.at(i));
};
const expectedTexts = respondents.map((r) => r.answers.C1 as string | null);

describe('Japanese text', () => {
  it('reads long texts written inline in the sheet, across inflate chunks, exactly', async () => {
    const table = surveyWaveTable(residentsCodebook, respondents, layout);
    const file = path.join(await tempDir(), 'inline.xlsx');
    await inlineStringWorkbook(file, [table.header, ...table.rows]);
    const bytes = await readFile(file);
    const sheetXml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('uint8array');
    // The reader inflates 64 KiB at a time: some chunk ends in the middle of a character (a UTF-8 continuation byte starts the next).
    const splitAt = Array.from({ length: Math.floor(sheetXml.length / 65536) }, (_, k) => (k + 1) * 65536).filter((at) => (sheetXml[at]! & 0xc0) === 0x80);
    expect(splitAt.length).toBeGreaterThan(2);
    expect(expectedTexts.filter((t) => t !== null && t.length >= 6000).length).toBeGreaterThan(3);

    const result = await runIndustrySurvey([inboxFile({ name: FILE, bytes })], residentsMeasures, residentsConfig({ codebookInConfig: true }));
    expect(result.issues).toEqual([]);
    expect(textsOf(result)).toEqual(expectedTexts);
    expect(textsOf(result)!.join('').includes('\uFFFD')).toBe(false);

    // The same figures as the shared-strings workbook of the same answers.
    const [shared] = await writeResidentsWave('xlsx-text', respondents);
    const reference = await runIndustrySurvey([inboxFile(shared!)], residentsMeasures, residentsConfig({ codebookInConfig: true }));
    expect(result.observations.map((o) => [o.measureId, o.value, o.n])).toEqual(reference.observations.map((o) => [o.measureId, o.value, o.n]));
  });

  it('reads the text of shared strings that carry furigana (<rPh>), not the reading', async () => {
    // Two answers typed as their labels instead of codes (accepted: a label names one code).
    const people: SurveyRespondent[] = respondents.map((r, i) => (i < 2 ? { ...r, answers: { ...r.answers, B1: 'ほぼ毎日' } } : r));
    const table = surveyWaveTable(residentsCodebook, people, { ...layout, headers: 'id' });
    const plain = await writeSurveyWorkbook([
      { name: '回答', rows: [table.header, ...table.rows] },
      { name: 'コードブック', rows: codebookSheetRows(residentsCodebook) },
    ]);
    const bytes = await withFurigana(plain, {
      整理番号: 'セイリバンゴウ',
      回答日: 'カイトウビ',
      ほぼ毎日: 'ホボマイニチ',
      区内の商店街の満足度: 'クナイノショウテンガイノマンゾクド',
      非該当: 'ヒガイトウ',
    });
    expect((await (await JSZip.loadAsync(bytes)).file('xl/sharedStrings.xml')!.async('string')).match(/<rPh /g)?.length).toBe(5);

    const result = await runIndustrySurvey([inboxFile({ name: FILE, bytes })], residentsMeasures, residentsConfig({ codebookInConfig: false }));
    expect(result.issues).toEqual([]);
    expect(result.waves[0]!.read!.codebook!.questions.find((q) => q.id === 'B3')!.textJa).toBe('区内の商店街の満足度');
    const shop = result.tables.survey_breakdowns.find((r) => r.measure_id === 'res-shop-weekly' && r.dimension === 'total')!;
    const weekly = people.filter((p) => p.answers.B1 === 1 || p.answers.B1 === 2 || p.answers.B1 === 'ほぼ毎日').length;
    expect(shop.numerator).toBe(weekly);
  });

  it('reads CP932 text (①, 髙, half-width kana) exactly', async () => {
    const [csv] = await writeResidentsWave('csv-cp932', respondents);
    const result = await runIndustrySurvey([inboxFile(csv!)], residentsMeasures, residentsConfig({ codebookInConfig: true }));
    expect(textsOf(result)).toEqual(expectedTexts);
    expect(textsOf(result)!.some((t) => t?.includes('髙橋商店') && t.includes('①品ぞろえ'))).toBe(true);
  });
});

describe('response dates in the ward calendar', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });
  const people = (dates: (Date | string)[]) => dates.map((date, i) => ({ ...respondents[i]!, date }));

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])('gives the same days under TZ=%s', async (tz) => {
    process.env.TZ = tz;
    // Excel date cells are the wall-clock time typed in Japan: 00:30 on 1 June and 23:59:59 on 30 June.
    const xlsxTable = surveyWaveTable(
      residentsCodebook,
      people([new Date(Date.UTC(2025, 5, 1, 0, 30)), new Date(Date.UTC(2025, 5, 30, 23, 59, 59)), new Date(Date.UTC(2025, 5, 15))]),
      { ...layout, headers: 'id' },
    );
    const xlsx = await writeSurveyWorkbook([{ name: '回答', rows: [xlsxTable.header, ...xlsxTable.rows] }], 'yyyy/mm/dd hh:mm:ss');
    // A web form's UTC instants: 15:30Z is 00:30 the next day in Japan; 15:00Z on 30 June is already 1 July.
    const csvTable = surveyWaveTable(residentsCodebook, people(['2025-05-31T15:30:00Z', '2025-06-30T14:59:59Z', '2025-06-30T15:00:00Z', '2025/6/10 8:15']), {
      ...layout,
      headers: 'id',
    });
    const csv = writeCsvFile([csvTable.header, ...csvTable.rows.map((r) => r.map((v) => (v instanceof Date ? null : v)))], 'utf-8-bom');

    const config = residentsConfig({ codebookInConfig: true });
    const fromXlsx = await runIndustrySurvey([inboxFile({ name: FILE, bytes: xlsx })], residentsMeasures, config);
    const fromCsv = await runIndustrySurvey([inboxFile({ name: 'industry-survey/R7_区民調査_区民.csv', bytes: csv })], residentsMeasures, config);
    expect(fromXlsx.tables.survey_waves[0]).toMatchObject({ first_response_date: '2025-06-01', last_response_date: '2025-06-30' });
    expect(fromCsv.tables.survey_waves[0]).toMatchObject({ first_response_date: '2025-06-01', last_response_date: '2025-07-01' });
    expect(fromXlsx.issues.filter((i) => i.code === 'industry-survey-outside-fieldwork')).toEqual([]);
    expect(fromCsv.issues.filter((i) => i.code === 'industry-survey-outside-fieldwork').map((i) => i.message)).toEqual([
      '回答日が調査期間（2025-06-01〜2025-06-30）の外の回答者が 1 人います。回答日の列か調査期間の設定（waves[].fieldwork）を確かめてください（集計には含めています）',
    ]);
  });
});
