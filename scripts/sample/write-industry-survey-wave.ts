// One FY's 産業基礎調査 sample waves, from the sampled businesses: 商業・サービス as the vendor's .xlsx (FY2023 question-id
// headers, FY2024 question wording), 建設・製造・その他 as CSV (FY2023 UTF-8 with BOM, FY2024 CP932), with the messy cells
// the sample keeps on purpose (generate-industry-survey-waves.ts makes the businesses).
import type { Codebook } from '../../sources/industry-survey/codebook.ts';
import type { IndustrySurveyConfig } from '../../sources/industry-survey/industry-survey-config.ts';
import { surveyWaveTable, type SurveyRespondent, type WaveLayout } from './survey-wave-table.ts';
import { writeCsvFile } from './write-csv-file.ts';
import { codebookSheetRows, writeSurveyWorkbook } from './write-survey-workbook.ts';

export type InstrumentId = 'commerce' | 'manufacturing';

export interface Business {
  instrument: InstrumentId;
  id: string;
  industry: number;
  size: number;
  employees: number;
  day: number;
  minute: number;
  weight: number;
  answers: Record<string, SurveyRespondent['answers'][string]>;
}

/** The weight column as the vendor delivers it (4 decimals); the design recomputes N_h ÷ n_h from the frame file. */
export function vendorWeight(b: Business): number {
  return Math.round(b.weight * 10_000) / 10_000;
}

/** The wave files of one fiscal year: [file name, bytes]. */
export async function writeIndustrySurveyWave(
  year: number,
  businesses: Business[],
  codebooks: Record<InstrumentId, Codebook>,
  config: IndustrySurveyConfig,
): Promise<[string, Buffer][]> {
  const era = `R${year - 2018}`;
  const files: [string, Buffer][] = [];
  const byId = (a: Business, b: Business) => (a.id < b.id ? -1 : 1);
  const instruments = Object.fromEntries(config.instruments.map((i) => [i.id, i]));

  // 商業・サービス: the vendor's workbook. FY2023 headers are question ids; FY2024 headers the question wording.
  const commerce = businesses.filter((b) => b.instrument === 'commerce').sort(byId);
  const c = instruments.commerce!;
  const rows: SurveyRespondent[] = commerce.map((b) => ({
    id: b.id,
    answers: { ...b.answers },
    weight: vendorWeight(b),
    date: new Date(b.day * 86_400_000),
  }));
  if (year === 2023) {
    // A questionnaire returned blank: a row with an id and nothing else.
    rows.splice(57, 0, { id: 'C23-2001', answers: {}, weight: null, date: null });
  } else {
    rows[3]!.extra = { 調査員メモ: '電話で回答を確認済み' };
    rows[40]!.extra = { 調査員メモ: '代表者不在のため後日回収' };
    const typedAsText = rows.find((r) => r.answers.F2 === 12);
    if (typedAsText) typedAsText.answers.F2 = '１２';
    const labelled = rows.find((r) => r.answers.Q2 === 1);
    if (labelled) labelled.answers.Q2 = '黒字';
    rows[rows.length - 2]!.date = new Date(Date.UTC(2024, 9, 3));
    // The same respondent pasted twice by the vendor: counted once.
    rows.splice(120, 0, rows[119]!);
  }
  const layout: WaveLayout = {
    headers: year === 2023 ? 'id' : 'text',
    multi: 'columns',
    idHeader: c.respondentId,
    dateHeader: c.responseDate!,
    weightHeader: c.weight!,
    extraHeaders: year === 2023 ? [] : ['調査員メモ'],
  };
  const table = surveyWaveTable(codebooks.commerce, rows, layout);
  files.push([
    `${era}_産業基礎調査_商業・サービス.xlsx`,
    await writeSurveyWorkbook([
      { name: c.sheet!, rows: [table.header, ...table.rows] },
      { name: config.codebookSheet.name, rows: codebookSheetRows(codebooks.commerce) },
    ]),
  ]);

  // 建設・製造・その他: CSV with multi-select answers as "1;3"; FY2023 UTF-8 with BOM, FY2024 CP932 with web-form timestamps in UTC.
  const manufacturing = businesses.filter((b) => b.instrument === 'manufacturing').sort(byId);
  const m = instruments.manufacturing!;
  const when = (b: Business) => {
    if (year === 2023) {
      const d = new Date(b.day * 86_400_000);
      return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
    }
    // Japan 07:00–21:00 as a UTC instant: answers before 9:00 carry the previous UTC date.
    return new Date(b.day * 86_400_000 + (b.minute - 9 * 60) * 60_000).toISOString().replace('.000Z', 'Z');
  };
  const mRows: SurveyRespondent[] = manufacturing.map((b) => ({ id: b.id, answers: { ...b.answers }, weight: vendorWeight(b), date: when(b) }));
  if (year === 2023) mRows.splice(30, 0, mRows[29]!);
  else mRows.splice(12, 0, { id: 'M24-1001', answers: {}, weight: null, date: null });
  const mTable = surveyWaveTable(codebooks.manufacturing, mRows, {
    headers: 'id',
    multi: 'delimited',
    separator: m.multiSelectSeparator,
    idHeader: m.respondentId,
    dateHeader: m.responseDate!,
    weightHeader: m.weight!,
  });
  const csvRows = [mTable.header, ...mTable.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)))];
  files.push([`${era}_産業基礎調査_建設・製造・その他.csv`, writeCsvFile(csvRows, year === 2023 ? 'utf-8-bom' : 'cp932')]);
  return files;
}
