// A held-out plan onboarded from docs/config.md alone: the 計画目標 cards of 世田谷区産業振興計画（平成26年度～29年度）
// 素案, 第2章 重点事業 (seed 003_2965df2e43f56883.txt lines 353–457; tests/fixtures/catalog-plan-goals-h26/). Every
// copied cell comes out of indicator_progress as printed: codes, names, 現状 in words or numbers (with 見込み),
// 29年度 targets in words or numbers, 計画所管課 apart from 関連所管課（部）, and no grade because the plan has none.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText, openWorkbook } from './exceljs-oracle.ts';
import { runPipeline } from '../pipelines/run-pipeline.ts';
import { copyConfig, problemsOf, readCsv, runLei, tempDir } from './helpers.ts';

const config = path.join(import.meta.dirname, 'fixtures', 'catalog-plan-goals-h26');
let out: string;
let rows: Record<string, string>[];

beforeAll(async () => {
  const inbox = await tempDir();
  await mkdir(path.join(inbox, 'manual-entry'));
  out = await tempDir();
  await runPipeline({ configDir: config, inboxDir: inbox, outDir: out, storePath: null });
  rows = await readCsv(path.join(out, 'latest', 'indicator_progress.csv'));
});

describe('the 計画目標 cards of a held-out plan', () => {
  it('passes check-config, counted by its own table', async () => {
    const check = await runLei('check-config', '--config', config);
    expect([check.code, check.stdout]).toEqual([0, '設定に誤りはありません（指標 7、重点事業の計画目標 7 指標）\n']);
  });

  it('prints each card’s 現状 and 29年度 as printed, in words or numbers', () => {
    const cells = rows.map((r) => [r.pillar_code, r.section_code, r.code, r.year_role, r.value_text, r.unit, r.comment, r.target_in_force, r.target_text]);
    expect(cells).toEqual([
      [
        '1',
        '2',
        '2',
        '現状',
        '専門的な産業支援組織の運営形態の検討',
        '―',
        '',
        '',
        expect.stringMatching(/^専門的な産業支援組織等の立ち上げによる、「（仮称）経営支援コーディネーター」の総合的な経営支援の実施 /),
      ],
      ['1', '2', '2', '29年度', '', '―', '', '', expect.stringMatching(/市場としての世田谷のまちのニーズ把握支援（消費者ニーズの把握）$/)],
      ['3', '10', '10', '現状', '27', 'イベント', '', '31', ''],
      ['3', '10', '10', '29年度', '', 'イベント', '', '31', ''],
      ['3', '10', '10', '現状', '世田谷の産業の魅力を紹介するパンフレットの発行', '―', '', '', expect.stringContaining('撮影ロケ地紹介')],
      ['3', '10', '10', '29年度', '', '―', '', '', expect.stringContaining('撮影ロケ地紹介')],
      ['4', '48', '48', '現状', '5', '回', '', '', '住工共生まちづくり事業の充実 住工共生まちづくりワーキングの充実'],
      ['4', '48', '48', '29年度', '', '回', '', '', '住工共生まちづくり事業の充実 住工共生まちづくりワーキングの充実'],
      ['4', '48', '48', '現状', '1', '回', '', '', '住工共生交流イベント実施地域の拡充'],
      ['4', '48', '48', '29年度', '', '回', '', '', '住工共生交流イベント実施地域の拡充'],
      [
        '4',
        '51',
        '51',
        '現状',
        '国等に対して具体的保全策を求めるための検討',
        '―',
        '',
        '',
        expect.stringContaining('他自治体との連携による国への法改正等を求める要望活動の実施'),
      ],
      ['4', '51', '51', '29年度', '', '―', '', '', expect.stringContaining('他自治体との連携による国への法改正等を求める要望活動の実施')],
      ['4', '51', '51', '現状', '71', '経営体', '平成25年度末見込み', '99', ''],
      ['4', '51', '51', '29年度', '', '経営体', '', '99', ''],
    ]);
  });

  it('keeps 計画所管課 apart from 関連所管課（部）, and a department’s own ・ inside its name', () => {
    const owners = [...new Map(rows.map((r) => [r.indicator_id, [r.section_name_ja, r.owners, r.related_owners]])).entries()];
    expect(owners).toEqual([
      ['1/2', ['「（仮称）経営支援コーディネーター」による支援（世田谷産業の基礎づくり）', '商業課', '工業・雇用促進課']],
      ['10-イベント', ['せたがや産業のPR推進事業（シティセールス）（世田谷産業の基礎づくり）', '工業・雇用促進課', '商業課、都市農業課、広報広聴課']],
      ['10-PR', ['せたがや産業のPR推進事業（シティセールス）（世田谷産業の基礎づくり）', '工業・雇用促進課', '商業課、都市農業課、広報広聴課']],
      ['48-ワーキング', ['地域参加手法による住工共生まちづくりの推進（工業・ものづくり）', '工業・雇用促進課', '']],
      ['48-交流イベント', ['地域参加手法による住工共生まちづくりの推進（工業・ものづくり）', '工業・雇用促進課', '']],
      ['51-農地保全', ['都市農地保全の取り組み（都市農業）', '都市農業課', '都市計画課、みどり政策課']],
      ['51-認定農業者', ['都市農地保全の取り組み（都市農業）', '都市農業課', '都市計画課、みどり政策課']],
    ]);
  });

  it('grades nothing, since the plan declares no grading, and describes its datasets in its own words', async () => {
    expect(new Set(rows.map((r) => `${r.grade} ${r.grade_rule}`))).toEqual(new Set(['− 計画に評価の規則がない']));
    const datapackage = await readFile(path.join(out, 'latest', 'datapackage.json'), 'utf8');
    expect(datapackage).toContain('重点事業の計画目標（年度の役割・目標・評価）');
    expect(datapackage).toContain('面の印字記号');
    expect(datapackage).not.toMatch(/柱|目指す姿|アクションプラン/);
  });
});

describe('the committee workbook of the 計画目標 cards', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const book = await openWorkbook(await readFile(path.join(out, 'latest', 'committee_report.xlsx')));
    sheet = book.getWorksheet('重点事業の計画目標')!;
  });
  // Array.from, not map: an empty cell is a hole in row.values.
  const cells = (row: ExcelJS.Row) => Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => cellText(v));

  it('heads its owner columns with the plan’s own words, 計画所管課 and 関連所管課（部）', () => {
    expect(cells(sheet.getRow(4)).slice(0, 9)).toEqual([
      '番号',
      '指標名',
      '区分',
      '計画所管課',
      '関連所管課（部）',
      '単位',
      '現状\n（平成25年度）',
      '29年度\n（平成29年度）',
      '当初目標',
    ]);
  });

  it('notes a 見込み baseline beside its card', () => {
    let note: string | undefined;
    sheet.eachRow((row) => {
      if (cellText(row.getCell(2).value) === '認定・認証農業者') note = cellText(row.getCell(15).value);
    });
    expect(note).toBe('現状: 平成25年度末見込み');
  });

  it('prints each card’s owners one per line (a ・ inside a name stays), and its 29年度 target in words or numbers', () => {
    const byId = new Map<string, string[]>();
    sheet.eachRow((row) => {
      const v = cells(row);
      // Below the header; a 面 or 重点事業 band is one merged cell, the same text in every column.
      if (row.number > 4 && v[1] !== v[0]) byId.set(v.at(-1) ?? '', v.slice(0, 8));
    });
    const text = (s: string) => expect.stringContaining(s);
    expect([...byId.entries()]).toEqual([
      [
        '1/2',
        [
          '2',
          '専門的な産業支援組織と経営支援コーディネーター',
          '計画目標',
          '商業課',
          '工業・雇用促進課',
          '―',
          '専門的な産業支援組織の運営形態の検討',
          text('市場としての世田谷のまちのニーズ把握支援（消費者ニーズの把握）'),
        ],
      ],
      [
        '10-イベント',
        ['10', 'イベント（ビジネスマッチング、物産展等）への参加', '計画目標', '工業・雇用促進課', '商業課\n都市農業課\n広報広聴課', 'イベント', '27', '31'],
      ],
      [
        '10-PR',
        [
          '10',
          '世田谷の産業の魅力のPR',
          '計画目標',
          '工業・雇用促進課',
          '商業課\n都市農業課\n広報広聴課',
          '―',
          '世田谷の産業の魅力を紹介するパンフレットの発行',
          text('撮影ロケ地紹介'),
        ],
      ],
      [
        '48-ワーキング',
        [
          '48',
          '住工共生まちづくりワーキングの実施',
          '計画目標',
          '工業・雇用促進課',
          '',
          '回',
          '5',
          '住工共生まちづくり事業の充実 住工共生まちづくりワーキングの充実',
        ],
      ],
      ['48-交流イベント', ['48', '住工共生交流イベントの実施', '計画目標', '工業・雇用促進課', '', '回', '1', '住工共生交流イベント実施地域の拡充']],
      [
        '51-農地保全',
        [
          '51',
          '都市農地保全策',
          '計画目標',
          '都市農業課',
          '都市計画課\nみどり政策課',
          '―',
          '国等に対して具体的保全策を求めるための検討',
          text('他自治体との連携による国への法改正等を求める要望活動の実施'),
        ],
      ],
      ['51-認定農業者', ['51', '認定・認証農業者', '計画目標', '都市農業課', '都市計画課\nみどり政策課', '経営体', '71', '99']],
    ]);
  });
});

describe('an analyst’s slips in this plan’s progress.yaml', () => {
  it('are named by the printed code (and the row’s id where a code repeats), in Japanese, with the forms a value may take', async () => {
    const dir = await copyConfig(config, { file: 'progress.yaml', replace: ['kind: target }', 'kind: goal }'] });
    const file = path.join(dir, 'progress.yaml');
    const text = (await readFile(file, 'utf8'))
      .replace('baselineValue: 5\n', 'baselineValue: 5回\n')
      .replace('target: { text: 住工共生交流イベント実施地域の拡充 }', 'target: { txt: 住工共生交流イベント実施地域の拡充 }')
      .replace('relatedOwners: [都市計画課, みどり政策課]', 'relatedOwner: [都市計画課, みどり政策課]');
    await writeFile(file, text);
    expect((await problemsOf(dir)).map((p) => `${p.path}: ${p.message}`)).toEqual([
      '年度の列「29年度」.kind: 無効な選択: "baseline"、"target"、"actual"のいずれかである必要があります 値: "goal"',
      '面「4」重点事業「48」指標「48（48-ワーキング）」.baselineValue: 数値で書いてください。単位や % は書きません（5 と書いてください） 値: "5回"',
      '面「4」重点事業「48」指標「48（48-交流イベント）」.target: 不明なキー「txt」（「text」のことですか？）。次のどれかの形で書いてください: { value, revisions, byYear }・{ status }・{ text }',
      '面「4」重点事業「51」指標「51（51-農地保全）」: 不明なキー「relatedOwner」（「relatedOwners」のことですか？）',
    ]);
  });
});
