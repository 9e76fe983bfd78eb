// Bad waves: every problem is an issue with its file, sheet, row, column and raw value, in Japanese with what to do;
// the estimates a problem touches are withheld (never a silently wrong share) and the others still come out.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadCatalog } from '../config/load-catalog.ts';
import { configureFamilies } from '../pipelines/source-families.ts';
import { runIndustrySurvey } from '../pipelines/industry-survey-family-read.ts';
import { surveyWaveTable, type SurveyRespondent, type WaveCell } from '../scripts/sample/survey-wave-table.ts';
import { writeCsvFile } from '../scripts/sample/write-csv-file.ts';
import { codebookSheetRows, writeSurveyWorkbook } from '../scripts/sample/write-survey-workbook.ts';
import { copyConfig, setagayaConfig } from './helpers.ts';
import { inboxFile, residentsCodebook, residentsConfig, residentsMeasures, residentsRespondents, writeResidentsWave } from './fixtures/survey-wave-fixtures.ts';

const FILE = 'industry-survey/R7_区民調査_区民.xlsx';
const respondents = residentsRespondents();

/** The wave as .xlsx (question-id headers, 0/1 columns: A 整理番号 … E B1, F–J B2_1–5, K B3, L B4, M C1, N ウェイト), edited. */
async function xlsxWave(edit: (table: { header: WaveCell[]; rows: WaveCell[][] }) => void, people: readonly SurveyRespondent[] = respondents) {
  const table = surveyWaveTable(residentsCodebook, people, {
    headers: 'id',
    multi: 'columns',
    idHeader: '整理番号',
    dateHeader: '回答日',
    weightHeader: 'ウェイト',
  });
  const t = { header: [...table.header] as WaveCell[], rows: table.rows.map((r) => [...r]) };
  edit(t);
  const bytes = await writeSurveyWorkbook([
    { name: '回答', rows: [t.header, ...t.rows] },
    { name: 'コードブック', rows: codebookSheetRows(residentsCodebook) },
  ]);
  return runIndustrySurvey([inboxFile({ name: FILE, bytes })], residentsMeasures, residentsConfig({ codebookInConfig: false }));
}

const published = (result: Awaited<ReturnType<typeof xlsxWave>>) => result.observations.map((o) => o.measureId).sort();
const ALL = ['res-cashless-weighted', 'res-pay-use', 'res-satisfied', 'res-satisfied-all', 'res-satisfied-applicable', 'res-shop-weekly'];

describe('unknown codes', () => {
  it('reports the cell and withholds only the figures of that question', async () => {
    const result = await xlsxWave((t) => {
      t.rows[9]![4] = 7; // B1 of row 11: the codebook has 1–4 and 9
    });
    expect(result.issues.find((i) => i.code === 'industry-survey-unknown-code')).toEqual({
      code: 'industry-survey-unknown-code',
      severity: 'error',
      message:
        '設問「B1 ふだん、区内の商店街や個人商店でどのくらいの頻度で買い物をしていますか（ネット通販・宅配は除きます）。最も近いものを1つお選びください」: 回答「7」はコードブックにないコードです（使えるコード: 1 ほぼ毎日、2 週に数回、3 月に数回、4 ほとんどしない、9 無回答）。正しいコードに直してください。この設問を使う公表値（res-shop-weekly）は、直したファイルが届くまで出しません。',
      location: { file: FILE, sheet: '回答', row: 11, column: 'E' },
      raw: '7',
    });
    expect(result.issues.find((i) => i.code === 'industry-survey-estimate-withheld')).toMatchObject({
      severity: 'error',
      message: `指標「res-shop-weekly」の令和7年度の値は出しません: ${FILE} の設問 B1 に使えない回答があります（industry-survey-unknown-code 1件）。ファイルを直し、版を上げた名前（_v2 など）で受信箱に置いてください`,
    });
    expect(published(result)).toEqual(ALL.filter((m) => m !== 'res-shop-weekly'));
    expect(result.tables.survey_breakdowns.some((r) => r.measure_id === 'res-shop-weekly')).toBe(false);
  });

  it('reports a multi-select answer in a single-choice question', async () => {
    const result = await xlsxWave((t) => {
      t.rows[0]![10] = '1;2'; // B3 of row 2
    });
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.location.row, i.location.column, i.raw])).toEqual([
      ['industry-survey-multiple-answers', 2, 'K', '1;2'],
      ['industry-survey-estimate-withheld', undefined, undefined, undefined],
      ['industry-survey-estimate-withheld', undefined, undefined, undefined],
      ['industry-survey-estimate-withheld', undefined, undefined, undefined],
    ]);
    expect(result.issues[0]!.message).toContain('単一回答の設問に複数の回答「1;2」があります。回答を1つにしてください');
    expect(published(result)).toEqual(['res-cashless-weighted', 'res-pay-use', 'res-shop-weekly']);
  });

  it('reports a 0/1 option column holding something else, and a number out of range', async () => {
    const result = await xlsxWave((t) => {
      t.rows[3]![7] = 2; // B2_3 (せたがやPay) of row 5
      t.rows[4]![11] = -500; // B4 (買い物額, 0–1,000,000) of row 6
    });
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.location.row, i.location.column, i.raw])).toEqual([
      ['industry-survey-unknown-code', 5, 'H', '2'],
      ['industry-survey-out-of-range', 6, 'L', '-500'],
      ['industry-survey-estimate-withheld', undefined, undefined, undefined],
      ['industry-survey-estimate-withheld', undefined, undefined, undefined],
    ]);
    expect(errors[1]!.message).toBe('設問「B4 1か月の区内での買い物額（円）」: 値 -500 が範囲（0〜1000000）の外です。この設問は公表値には使っていません。');
    expect(published(result)).toEqual(['res-satisfied', 'res-satisfied-all', 'res-satisfied-applicable', 'res-shop-weekly']);
  });
});

describe('duplicated respondents and empty rows', () => {
  it('counts an exact copy once, with a warning that locates the row without quoting the respondent id', async () => {
    const result = await xlsxWave((t) => t.rows.splice(6, 0, [...t.rows[5]!]));
    expect(result.issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.severity, i.location.row, i.location.column, i.raw])).toEqual([
      ['industry-survey-duplicate-respondent', 'warning', 8, 'A', undefined],
    ]);
    expect(JSON.stringify(result.issues)).not.toContain('R7-00006');
    expect(result.tables.survey_waves[0]).toMatchObject({ data_rows: 641, respondents: 640, duplicate_rows: 1 });
    expect(published(result)).toEqual(ALL);
  });

  it('withholds the figures of the questions where two rows with one id disagree', async () => {
    const result = await xlsxWave((t) => {
      const copy = [...t.rows[5]!];
      copy[4] = copy[4] === 1 ? 2 : 1; // B1 differs
      t.rows.splice(6, 0, copy);
    });
    const duplicate = result.issues.find((i) => i.code === 'industry-survey-duplicate-respondent')!;
    expect(duplicate).toMatchObject({ severity: 'error', location: { file: FILE, sheet: '回答', row: 8, column: 'A' } });
    expect(duplicate.raw).toBeUndefined();
    expect(duplicate.message).toBe(
      'この行の回答者IDが7行目と重複していて、設問 B1 の回答が違います。どちらが正しいか決められないため、この回答者のそれらの設問の回答は使いません（1人として数えます）。影響する公表値（res-shop-weekly）は、直したファイルが届くまで出しません。回答者IDを直すか重複行を消してください',
    );
    expect(published(result)).toEqual(ALL.filter((m) => m !== 'res-shop-weekly'));
  });

  it('finds a repeated numeric id after a run of ascending ones, also when the repeat is written as text', async () => {
    const result = await xlsxWave((t) => {
      t.rows.forEach((r, k) => (r[0] = 1001 + k)); // 1001, 1002, … (no lookup needed while ascending)
      t.rows.splice(6, 0, [...t.rows[5]!]); // row 8 repeats 1006 as a number
      t.rows.splice(9, 0, ['1003', ...t.rows[2]!.slice(1)]); // row 11 repeats 1003 as text
    });
    expect(result.issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.severity, i.location.row])).toEqual([
      ['industry-survey-duplicate-respondent', 'warning', 8],
      ['industry-survey-duplicate-respondent', 'warning', 11],
    ]);
    expect(result.issues.find((i) => i.location.row === 11)!.message).toContain('4行目と重複しています');
    expect(result.tables.survey_waves[0]).toMatchObject({ data_rows: 642, respondents: 640, duplicate_rows: 2 });
  });

  it('finds a text id repeated after a run of ids in text order (R7-00001, R7-00002, …)', async () => {
    const result = await xlsxWave((t) => t.rows.splice(9, 0, [...t.rows[2]!])); // row 11 repeats the id of row 4
    expect(result.issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.severity, i.location.row])).toEqual([
      ['industry-survey-duplicate-respondent', 'warning', 11],
    ]);
    expect(result.issues.find((i) => i.location.row === 11)!.message).toContain('4行目と重複しています');
    expect(result.tables.survey_waves[0]).toMatchObject({ data_rows: 641, respondents: 640, duplicate_rows: 1 });
  });

  it('leaves out a row with an id and no answers', async () => {
    const result = await xlsxWave((t) => t.rows.splice(2, 0, ['R7-09999', null, null, null, null, 0, 0, 0, 0, 0, null, null, null, 1.2]));
    expect(result.issues.map((i) => [i.code, i.location.row, i.message])).toEqual([
      ['industry-survey-empty-row', 4, '回答が1つもない行です。回答者に数えず、集計から除きました'],
    ]);
    expect(result.tables.survey_waves[0]).toMatchObject({ data_rows: 641, respondents: 640, empty_rows: 1 });
  });
});

describe('columns', () => {
  it('reports a codebook question missing from the file and withholds its figures only', async () => {
    const result = await xlsxWave((t) => {
      for (const row of [t.header, ...t.rows]) row.splice(10, 1); // no B3 column
    });
    expect(result.issues.find((i) => i.code === 'industry-survey-missing-column')).toEqual({
      code: 'industry-survey-missing-column',
      severity: 'error',
      message: `コードブック（${FILE} シート「コードブック」）の設問「B3 区内の商店街の満足度」の列がファイルにありません。この設問を使う公表値は出しません。列が抜けていないか、見出しが変わっていないか確かめてください`,
      location: { file: FILE, sheet: '回答', row: 1 },
      raw: 'B3',
    });
    expect(published(result)).toEqual(['res-cashless-weighted', 'res-pay-use', 'res-shop-weekly']);
  });

  it('warns about a column the codebook lacks and reads the rest', async () => {
    const result = await xlsxWave((t) => {
      t.header.push('調査員メモ');
      t.rows[0]!.push('訪問2回目で回収');
    });
    expect(result.issues).toEqual([
      {
        code: 'industry-survey-unknown-column',
        severity: 'warning',
        message: `列「調査員メモ」はコードブック（${FILE} シート「コードブック」）にない設問です。この列は読み飛ばしました。設問の列なら、コードブックに加えるか設定 instruments[residents].columns で設問IDに対応付けてください`,
        location: { file: FILE, sheet: '回答', row: 1, column: 'O' },
        raw: '調査員メモ',
      },
    ]);
    expect(published(result)).toEqual(ALL);
  });

  it('does not read a file without its respondent id column', async () => {
    const result = await xlsxWave((t) => {
      t.header[0] = 'ID';
    });
    expect(result.issues.map((i) => i.code)).toEqual([
      'industry-survey-unknown-column',
      'industry-survey-missing-id-column',
      ...ALL.map(() => 'industry-survey-estimate-withheld'),
    ]);
    expect(result.issues.at(-1)!.message).toBe(
      `指標「res-cashless-weighted」の令和7年度の値は出しません: 「区民調査」のファイル ${FILE} を使えません（このファイルの問題を参照）。ファイルを直し、版を上げた名前（_v2 など）で受信箱に置いてください`,
    );
    expect(result.observations).toEqual([]);
    expect(result.tables.survey_waves[0]).toMatchObject({ status: 'unreadable', respondents: null });
  });
});

describe('text encodings', () => {
  it('refuses a CP932 file when the config says UTF-8, instead of reading mojibake', async () => {
    const [cp932] = await writeResidentsWave('csv-cp932', respondents);
    const name = 'industry-survey/R7_区民調査_区民.csv';
    const result = await runIndustrySurvey(
      [inboxFile({ name, bytes: cp932!.bytes })],
      residentsMeasures,
      residentsConfig({ codebookInConfig: true, encoding: 'utf-8' }),
    );
    expect(result.issues[0]).toEqual({
      code: 'text-encoding-not-accepted',
      severity: 'error',
      message:
        'このファイルは CP932（Shift_JIS）で保存されていますが、設定で受け付ける文字コードは UTF-8 です。このファイルは読み込んでいません（UTF-8として読むと文字化けした値になるため）。ファイルを UTF-8 で保存し直すか、設定 instruments[residents].encoding を auto にしてください',
      location: { file: name },
    });
    expect(result.observations).toEqual([]);
    expect(result.tables.survey_breakdowns).toEqual([]);
  });

  it('reads the same CP932 file exactly with encoding auto', async () => {
    const [cp932] = await writeResidentsWave('csv-cp932', respondents);
    const result = await runIndustrySurvey(
      [inboxFile({ name: 'industry-survey/R7_区民調査_区民.csv', bytes: cp932!.bytes })],
      residentsMeasures,
      residentsConfig({ codebookInConfig: true }),
    );
    expect(result.issues).toEqual([]);
    expect(result.tables.survey_waves[0]).toMatchObject({ format: 'csv-cp932', respondents: 640 });
  });

  it('refuses a file that is neither UTF-8 nor CP932, with the line', async () => {
    const text = Buffer.from('整理番号,回答日,A1\r\nR7-1,2025/6/1,1\r\n', 'utf8');
    const bad = Buffer.concat([text, Buffer.from([0x52, 0x37, 0x2c, 0xff, 0xfe, 0x0d, 0x0a])]);
    const result = await runIndustrySurvey(
      [inboxFile({ name: 'industry-survey/R7_区民調査_区民.csv', bytes: bad })],
      residentsMeasures,
      residentsConfig({ codebookInConfig: true }),
    );
    expect(result.issues[0]).toMatchObject({ code: 'text-undecodable', severity: 'error', location: { row: 3 } });
    expect(result.observations).toEqual([]);
  });

  it('refuses a header turned into mojibake by a wrong conversion', async () => {
    const table = surveyWaveTable(residentsCodebook, respondents, {
      headers: 'id',
      multi: 'delimited',
      idHeader: '整理番号',
      dateHeader: '回答日',
      weightHeader: 'ウェイト',
    });
    // 整理番号 saved as CP932, then read as Latin-1 and saved as UTF-8 by some tool.
    const header = table.header.map((h, i) => (i === 0 ? Buffer.from(String(h), 'utf8').toString('latin1') : h));
    const bytes = writeCsvFile([header, ...table.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)))], 'utf-8-bom');
    const result = await runIndustrySurvey(
      [inboxFile({ name: 'industry-survey/R7_区民調査_区民.csv', bytes })],
      residentsMeasures,
      residentsConfig({ codebookInConfig: true }),
    );
    expect(result.issues.map((i) => i.code).slice(0, 3)).toEqual([
      'industry-survey-mojibake',
      'industry-survey-unknown-column',
      'industry-survey-missing-id-column',
    ]);
    expect(result.issues[0]!.message).toContain('見出しが文字化けしています');
    expect(result.observations).toEqual([]);
  });
});

it('caps the cell issues of one column and counts the rest', async () => {
  const result = await xlsxWave((t) => {
    for (let r = 0; r < 30; r += 1) t.rows[r]![11] = '不明';
  });
  const cells = result.issues.filter((i) => i.code === 'industry-survey-not-a-number');
  expect(cells.length).toBe(21);
  expect(cells.at(-1)).toMatchObject({
    message: '同じ列で同じ種類の問題がほかに 10 件あります（最初の 20 件だけを1件ずつ示しました）',
    location: { column: 'L' },
  });
});

describe('config', () => {
  it('stops at load time when a measure counts an answer the codebook in config does not have', async () => {
    const dir = await copyConfig(setagayaConfig, { file: 'measures.yaml', replace: ['countedAnswers: [1]  # 1 黒字', 'countedAnswers: [7]'] });
    const catalog = await loadCatalog(dir);
    const error = await configureFamilies(dir, catalog).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      {
        code: 'config-survey-measure-answer-unknown',
        file: path.join(dir, 'sources', 'industry-survey.yaml'),
        path: '（指標 profit-making-business-share の source）',
        message: '数える回答「7」は設問 Q2（manufacturing, 2023年度）の選択肢にありません',
      },
      {
        code: 'config-survey-measure-answer-unknown',
        file: path.join(dir, 'sources', 'industry-survey.yaml'),
        path: '（指標 profit-making-business-share の source）',
        message: '数える回答「7」は設問 Q2（manufacturing, 2024年度）の選択肢にありません',
      },
    ]);
  });

  it('reports a bad key of industry-survey.yaml with its line', async () => {
    const dir = await copyConfig(setagayaConfig, { file: 'sources/industry-survey.yaml', replace: ['  minN: 30', '  minN: 0'] });
    const error = await configureFamilies(dir, await loadCatalog(dir)).catch((e: unknown) => e);
    const file = path.join(dir, 'sources', 'industry-survey.yaml');
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((l) => l === '  minN: 0') + 1;
    expect((error as ConfigError).problems).toMatchObject([{ file, path: 'breakdowns.minN', line }]);
  });
});
