// 産業振興公社 record exports → fiscal-year counts per measure (config/setagaya/sources/kosha.yaml), from real
// .csv (UTF-8, CP932) and .xlsx files written by code: mixed date formats, duplicate ids, quoted fields, bad rows.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureSchema } from '../config/catalog-schema.ts';
import { loadCatalog, type Catalog } from '../config/load-catalog.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import type { SourceResult } from '../lib/observation.ts';
import { writeCsvFile } from '../scripts/sample/write-csv-file.ts';
import { writeSourceSamples } from '../scripts/sample/write-source-samples.ts';
import { writeXlsxTable } from '../scripts/sample/write-xlsx-table.ts';
import { inboxFileFromBytes, type InboxFile } from '../sources/inbox-file.ts';
import { koshaFamily } from '../pipelines/kosha-family.ts';
import { koshaRecordsConfigSchema, type KoshaRecordsConfig } from '../sources/kosha-records-config.ts';
import { setagayaConfig, tempDir } from './helpers.ts';

let catalog: Catalog;
let config: KoshaRecordsConfig;

beforeAll(async () => {
  catalog = await loadCatalog(setagayaConfig);
  config = (await readConfigFile(path.join(setagayaConfig, 'sources', 'kosha.yaml'), koshaRecordsConfigSchema, []))!;
});

const inboxFile = (name: string, bytes: Buffer): InboxFile => inboxFileFromBytes(`kosha/${name}`, bytes, name);

/** measure fiscalYear value — observed values, then gaps as "measure fiscalYear status". */
const table = (result: SourceResult, measures?: string[]) => [
  ...result.observations
    .filter((o) => !measures || measures.includes(o.measureId))
    .map((o) => `${o.measureId} ${o.fiscalYear} ${o.value}`)
    .sort(),
  ...(result.gaps ?? [])
    .filter((g) => !measures || measures.includes(g.measureId))
    .map((g) => `${g.measureId} ${g.fiscalYear} ${g.status}`)
    .sort(),
];
const codes = (result: SourceResult) =>
  result.issues.map((i) => `${i.code} ${i.location.file ?? ''} ${i.location.row ?? ''} ${i.location.column ?? ''}`.trim());
/** The family as a run reads it: the records (sources/kosha-records.ts), counted per fiscal year (transforms/count-kosha-records.ts). */
const readKoshaRecords = (files: InboxFile[], c: Catalog, cfg: KoshaRecordsConfig) => koshaFamily.read(files, c, cfg);
const CONSULTATIONS = ['business-consultations', 'startup-consultation-sessions', 'labour-consultations'];
const HEADER = ['相談番号', '相談日', '相談区分', '窓口', '相談方法'];

describe('the sample exports (FY2023 .xlsx, FY2024 CP932 .csv, seminars, dispatches)', () => {
  it('give the published counts, with the duplicate ids counted once', async () => {
    const dir = await tempDir();
    await writeSourceSamples(dir, new Set(['kosha']));
    const names = (await readdir(path.join(dir, 'kosha'))).sort();
    const files = await Promise.all(names.map(async (n) => inboxFile(n, await readFile(path.join(dir, 'kosha', n)))));
    const result = await readKoshaRecords(files, catalog, config);
    expect(table(result)).toEqual([
      'advisory-consultant-dispatches 2024 33', // seed001 s001-008
      'business-consultations 2023 176', // seed000 v2 行動1 176 → 454
      'business-consultations 2024 454',
      'labour-consultations 2023 400', // v5 短期2 400 → 470
      'labour-consultations 2024 470',
      'startup-consultation-sessions 2023 452', // v4・v7 行動2 452 → 66
      'startup-consultation-sessions 2024 66',
      'startup-seminar-sessions 2023 12', // v7 行動3 12 → 12
      'startup-seminar-sessions 2024 12',
    ]);
    expect(codes(result).filter((c) => c.startsWith('kosha-duplicate-id'))).toHaveLength(6);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('an export the project has never seen', () => {
  // CP932, title rows, columns in another order plus extras, every date style offices use, a quoted note with a
  // comma and a line break, a blank line, a record exported twice; a second export overlapping the first.
  const first = () =>
    writeCsvFile(
      [
        ['相談記録一覧（公益財団法人世田谷区産業振興公社）'],
        ['抽出期間：令和6年4月1日～令和7年3月31日', '', '出力者：総務課'],
        [],
        ['相談方法', '相談番号', '窓口', '相談日', '相談区分', '備考'],
        ['来所', 'C1', '北沢', '2024/4/1', '経営相談', ''],
        ['電話', 'C2', '玉川', 'R6.4.2', '経営相談', ''],
        ['来所', 'C3', '砧', '令和6年5月10日(金)', '創業相談', ''],
        ['来所', 'C4', '烏山', '45444', '経営相談', ''],
        ['オンライン', 'C5', '三軒茶屋就労支援センター', '2024-07-01T00:00:00', '社会保険労務士相談', ''],
        ['電話', 'C6', '三軒茶屋就労支援センター', '2025/3/31 17:00', '働き方カウンセリング', ''],
        ['電話', 'C2', '玉川', 'R6.4.2', '経営相談', ''],
        ['来所', 'C7', '世田谷', '2024年12月1日', '経営相談', '資料あり, 次回\r\n継続'],
        [''],
        ['来所', 'C8', '世田谷', '令和７年３月３１日', '経営相談', ''],
        ['来所', 'C9', '世田谷', '2024/6/3', '融資相談', ''],
      ],
      'cp932',
    );
  const second = () =>
    writeCsvFile(
      [
        ['相談記録一覧'],
        ['抽出期間', '2025/1/1～2025/3/31'],
        HEADER,
        ['C8', '2025/3/31', '経営相談', '世田谷', '来所'],
        ['C10', '2025/2/1', '経営相談', '北沢', '電話'],
      ],
      'utf-8-bom',
    );

  it('counts each record once in its fiscal year, whatever the date style', async () => {
    const result = await readKoshaRecords([inboxFile('相談_2024.csv', first()), inboxFile('相談_2025Q4.csv', second())], catalog, config);
    expect(table(result, CONSULTATIONS)).toEqual([
      'business-consultations 2024 6', // C1 C2 C4 C7 C8 C10 (C2 twice and C8 in both files count once)
      'labour-consultations 2024 2', // C5 C6
      'startup-consultation-sessions 2024 1', // C3
    ]);
    expect(codes(result)).toEqual(['kosha-duplicate-id kosha/相談_2024.csv 11 相談番号', 'kosha-duplicate-id kosha/相談_2025Q4.csv 4 相談番号']);
    expect(result.issues[1]!.message).toContain('kosha/相談_2024.csv にもあります');
  });

  it('ids in ascending order (not held while read): a later export repeating one is still caught, and so is an id out of order', async () => {
    const export1 = writeCsvFile(
      [['抽出期間：2024/4/1～2025/3/31'], HEADER, ...['C01', 'C02', 'C02', 'C03'].map((id) => [id, '2024/5/1', '経営相談', '北沢', '来所'])],
      'utf-8-bom',
    );
    const export2 = writeCsvFile(
      [['抽出期間：2024/4/1～2025/3/31'], HEADER, ...['C04', 'C03', 'C05', 'C04'].map((id) => [id, '2024/6/1', '経営相談', '北沢', '来所'])],
      'utf-8-bom',
    );
    const result = await readKoshaRecords([inboxFile('a.csv', export1), inboxFile('b.csv', export2)], catalog, config);
    expect(table(result, ['business-consultations'])).toEqual(['business-consultations 2024 5']); // C01–C05 once each
    expect(codes(result)).toEqual([
      'kosha-duplicate-id kosha/a.csv 5 相談番号', // C02 again, right after itself
      'kosha-duplicate-id kosha/b.csv 4 相談番号', // C03, in a.csv (read again from the file)
      'kosha-duplicate-id kosha/b.csv 6 相談番号', // C04 again, after C05: b.csv read again keeping its ids
    ]);
  });

  it('an .xlsx export reads date cells, bare serials and text dates alike', async () => {
    const bytes = await writeXlsxTable({
      sheet: '相談記録',
      title: [['相談記録一覧'], ['抽出期間：2023/4/1～2024/3/31'], []],
      header: HEADER,
      rows: [
        ['X1', new Date(Date.UTC(2023, 3, 1)), '経営相談', '北沢', '来所'],
        ['X2', 45016, '経営相談', '北沢', '来所'], // 2023-03-31: before the period
        ['X3', 45017, '経営相談', '北沢', '来所'], // 2023-04-01
        ['X4', 'H35.1.1', '経営相談', '北沢', '来所'], // 平成35年 = 2023-01-01, outside too
        ['X5', '令和6年3月31日', '創業相談', '砧', '電話'],
        ['X6', '2024/3/31', ' 経営相談 ', '砧', '電話'],
      ],
    });
    const result = await readKoshaRecords([inboxFile('相談_R5.xlsx', bytes)], catalog, config);
    expect(table(result, CONSULTATIONS)).toEqual(['business-consultations 2023 3', 'labour-consultations 2023 0', 'startup-consultation-sessions 2023 1']);
    expect(codes(result)).toEqual(['kosha-date-outside-period kosha/相談_R5.xlsx 6 相談日', 'kosha-date-outside-period kosha/相談_R5.xlsx 8 相談日']);
  });

  it('a date that cannot be read is reported with its place, and the counts it could belong to are withheld', async () => {
    const bytes = writeCsvFile(
      [
        ['抽出期間：2024/4/1～2025/3/31'],
        HEADER,
        ['B1', '2024/4/1', '経営相談', '北沢', '来所'],
        ['B2', '2024/2/30', '経営相談', '北沢', '来所'],
        ['B3', '', '創業相談', '北沢', '来所'],
        ['B4', '2024/5/1', '創業相談', '北沢', '来所'],
      ],
      'utf-8',
    );
    const lastYear = writeCsvFile([['抽出期間：2023/4/1～2024/3/31'], HEADER, ['A1', '2023/5/1', '経営相談', '北沢', '来所']], 'utf-8');
    const result = await readKoshaRecords([inboxFile('bad-dates.csv', bytes), inboxFile('last-year.csv', lastYear)], catalog, config);
    // The undated records can only belong to the year their export covers: FY2023 (another export) stands.
    expect(table(result, CONSULTATIONS)).toEqual([
      'business-consultations 2023 1',
      'labour-consultations 2023 0',
      'labour-consultations 2024 0',
      'startup-consultation-sessions 2023 0',
      'business-consultations 2024 incomplete',
      'startup-consultation-sessions 2024 incomplete',
    ]);
    expect(result.issues.map((i) => [i.code, i.location.row, i.location.column, i.raw ?? null])).toEqual([
      ['kosha-bad-date', 4, '相談日', '2024/2/30'],
      ['kosha-bad-date', 5, '相談日', ''],
    ]);
    expect(result.gaps!.find((g) => g.measureId === 'business-consultations')!.reasonJa).toContain('日付を読めない記録が 1 件');
  });

  it('an export that stops part-way through a fiscal year does not publish that year', async () => {
    const bytes = writeCsvFile([['抽出期間：2024/04/01～2024/09/30'], HEADER, ['P1', '2024/4/1', '経営相談', '北沢', '来所']], 'utf-8');
    const result = await readKoshaRecords([inboxFile('half.csv', bytes)], catalog, config);
    expect(table(result, CONSULTATIONS)).toEqual([
      'business-consultations 2024 incomplete',
      'labour-consultations 2024 incomplete',
      'startup-consultation-sessions 2024 incomplete',
    ]);
    expect(result.gaps![0]!.reasonJa).toContain('2024/4/1〜2024/9/30');
  });

  it('a CP932 export where only UTF-8 is accepted is refused, not read as mojibake', async () => {
    const result = await readKoshaRecords([inboxFile('sjis.csv', first())], catalog, { ...config, encodings: ['utf-8'] });
    expect(result.observations).toEqual([]);
    expect(codes(result)).toEqual(['kosha-text-encoding-not-accepted kosha/sjis.csv']);
  });

  it('a file with no recognisable header says which columns it looked for', async () => {
    const result = await readKoshaRecords(
      [
        inboxFile(
          'other.csv',
          writeCsvFile(
            [
              ['番号', '日付', '内容'],
              ['1', '2024/4/1', 'x'],
            ],
            'utf-8',
          ),
        ),
      ],
      catalog,
      config,
    );
    expect(codes(result)).toEqual(['kosha-header-not-found kosha/other.csv']);
    expect(result.issues[0]!.message).toContain('相談記録（経営相談・創業相談・専門相談）（相談番号・相談日）');
  });
});

describe('summing a count column (就労支援: 就職決定者数)', () => {
  const withPlacements = () => {
    const measure = measureSchema.parse({
      id: 'test-placements',
      nameJa: '面接会での就職決定者数',
      unit: '人',
      decimals: 0,
      aggregation: 'flow',
      source: { kind: 'kosha', recordType: 'jobMatching', filter: { category: '面接会' }, countColumn: 'placements' },
    });
    return { ...catalog, measures: new Map([...catalog.measures, [measure.id, measure]]) };
  };
  const rows = (placements: string[]) =>
    writeCsvFile(
      [
        ['抽出期間：2024/4/1～2025/3/31'],
        ['記録番号', '日付', '区分', '事業名', '参加者数', '就職決定者数'],
        ...placements.map((p, i) => [`J${i}`, `2024/${5 + i}/10`, i === 0 ? 'セミナー' : '面接会', 'おしごとカフェ', '20', p]),
      ],
      'utf-8',
    );

  it('adds the column over the filtered records', async () => {
    const result = await readKoshaRecords([inboxFile('job.csv', rows(['9', '3', '1,204', '']))], withPlacements(), config);
    expect(table(result, ['test-placements'])).toEqual(['test-placements 2024 1207']);
  });

  it('a count that is not a whole number withholds that year, with the cell named', async () => {
    const result = await readKoshaRecords([inboxFile('job.csv', rows(['9', '3人', '4']))], withPlacements(), config);
    expect(table(result, ['test-placements'])).toEqual(['test-placements 2024 invalid']);
    expect(result.issues.map((i) => [i.code, i.location.row, i.location.column, i.raw])).toEqual([['kosha-bad-count', 4, '就職決定者数', '3人']]);
  });
});

describe('checking the bindings against kosha.yaml at load time', () => {
  it('names an unknown record type, filter column and count column', () => {
    const bad = (source: object) =>
      measureSchema.parse({ id: 'x', nameJa: 'x', unit: '件', decimals: 0, aggregation: 'eventCount', source: { kind: 'kosha', ...source } });
    const measures = new Map([
      ['a', { ...bad({ recordType: 'contract' }), id: 'a' }],
      ['b', { ...bad({ recordType: 'consultation', filter: { section: '経営' }, countColumn: 'people' }), id: 'b' }],
    ]);
    const problems = koshaFamily.checkConfig(config, { ...catalog, measures }, 'config/sources/kosha.yaml');
    expect(problems.map((p) => `${p.path}: ${p.message.split('（')[0]}`)).toEqual([
      'measures.a.source.recordType: 記録の種類「contract」は recordTypes にありません',
      'measures.b.source.filter.section: 列のキー「section」は recordTypes.consultation.columns にありません',
      'measures.b.source.countColumn: 列のキー「people」は recordTypes.consultation.counts にありません',
    ]);
  });
});
