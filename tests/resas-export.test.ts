// RESAS 地域経済循環 downloads (CSV, CP932 or UTF-8 with BOM) → the value of a benchmark year, from the newest
// vintage, published as the fiscal year config/setagaya/sources/resas.yaml assigns — never as that year's own figure.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../config/load-catalog.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import type { SourceResult } from '../lib/observation.ts';
import { writeCsvFile, type CsvFileEncoding } from '../scripts/sample/write-csv-file.ts';
import { writeSourceSamples } from '../scripts/sample/write-source-samples.ts';
import { inboxFileFromBytes, type InboxFile } from '../sources/inbox-file.ts';
import { resasFamily } from '../pipelines/resas-family.ts';
import { resasExportConfigSchema, type ResasExportConfig } from '../sources/resas-export-config.ts';
import { readCsv, setagayaConfig, tempDir } from './helpers.ts';
import { sampleRun } from './sample-fixtures.ts';

let catalog: Catalog;
let config: ResasExportConfig;

beforeAll(async () => {
  catalog = await loadCatalog(setagayaConfig);
  config = (await readConfigFile(path.join(setagayaConfig, 'sources', 'resas.yaml'), resasExportConfigSchema, []))!;
});

const inboxFile = (name: string, bytes: Buffer): InboxFile => inboxFileFromBytes(`resas/${name}`, bytes, name);
const read = (files: InboxFile[], c: ResasExportConfig = config) => resasFamily.read(files, catalog, c);
const table = (result: SourceResult) =>
  [
    ...result.observations.map((o) => `${o.measureId} ${o.fiscalYear} ${o.value} ${o.referencePeriod} ${o.sourceVintage}`),
    ...(result.gaps ?? []).map((g) => `${g.measureId} ${g.fiscalYear} ${g.status}`),
  ].sort();
const codes = (result: SourceResult) =>
  result.issues.filter((i) => i.severity !== 'info').map((i) => `${i.severity} ${i.code}${i.location.row ? ` ${i.location.row}` : ''}`);

/** A production export: title rows, header, 世田谷区 rows (and 東京都 rows to skip), notes. */
const production = (
  values: Record<number, [number | string, number | string, number | string]>,
  options: { vintage?: string; encoding?: CsvFileEncoding; title?: string[][]; yearLabel?: (y: number) => string; code?: string; unitHeader?: string } = {},
) =>
  writeCsvFile(
    [
      ...(options.title ?? [['地域経済循環図（生産）'], [`出典：環境省「地域経済循環分析」（${options.vintage ?? '2020年版'}）`], []]),
      ['集計年', '都道府県コード', '都道府県名', '市区町村コード', '市区町村名', '産業', options.unitHeader ?? '付加価値額【百万円】'],
      ...Object.entries(values).flatMap(([year, sectors]) => [
        ...['第1次産業', '第2次産業', '第3次産業'].map((s, i) => [
          options.yearLabel?.(Number(year)) ?? `${year}年`,
          '13',
          '東京都',
          options.code ?? '13112',
          '世田谷区',
          s,
          sectors[i]!,
        ]),
        [`${year}年`, '13', '東京都', '13000', '東京都', '第3次産業', 99_999_999],
      ]),
      [],
      ['注：地域経済循環分析のデータは基準年のみ。'],
    ],
    options.encoding ?? 'utf-8-bom',
  );

describe('the sample downloads (2018年版 CP932 and 2020年版 UTF-8, production and distribution/expenditure)', () => {
  it('give 区内生産額 44,946 億円 and 域内消費額 20,968 億円 for FY2023, from 2018 in the newest vintage', async () => {
    const dir = await tempDir();
    await writeSourceSamples(dir, new Set(['resas']));
    const names = (await readdir(path.join(dir, 'resas'))).sort();
    const result = await read(await Promise.all(names.map(async (n) => inboxFile(n, await readFile(path.join(dir, 'resas', n))))));
    expect(table(result)).toEqual([
      'gross-regional-production 2023 44946.12 2018年（基準年） 2020年版', // 4,494,612 百万円
      'regional-consumption 2023 20968.43512 2018年（基準年） 2020年版', // 2,096,843,512 千円
    ]);
    expect(codes(result)).toEqual([]);
    const infos = result.issues.map((i) => i.code);
    expect(infos.filter((c) => c === 'resas-revised')).toHaveLength(2);
    expect(infos.filter((c) => c === 'resas-unassigned-benchmark-year')).toHaveLength(2);
    expect(result.observations[0]!.provenance.rule).toContain('令和5年度の値として公表（その年度の値ではない）');
  });

  it('in a run, the published row says which benchmark year and vintage it is', async () => {
    const rows = await readCsv(path.join((await sampleRun()).outDir, 'latest', 'indicator_values.csv'));
    expect(
      rows
        .filter((r) => r.measure_id === 'gross-regional-production')
        .map((r) => [r.slot_id, r.fiscal_year, r.value, r.value_status, r.reference_period, r.source_vintage]),
    ).toEqual([
      ['v1-long-4', '2023', '44946', 'observed', '2018年（基準年）', '2020年版'],
      ['v1-long-4', '2024', '', 'missing', '', ''],
      ['v2-long-3', '2023', '44946', 'observed', '2018年（基準年）', '2020年版'],
      ['v2-long-3', '2024', '', 'missing', '', ''],
    ]);
  });
});

describe('a download the project has never seen', () => {
  it('CP932 with extra title rows, a 6-digit code, 和暦 year labels and quoted thousands: read correctly', async () => {
    const bytes = production(
      { 2015: ['1,200', '520,000', '3,900,000'], 2018: ['1,212', '523,400', '3,970,000'] },
      {
        encoding: 'cp932',
        code: '131121',
        yearLabel: (y) => (y === 2018 ? '平成30年' : `${y}`),
        title: [
          ['RESAS 地域経済分析システム'],
          ['地域経済循環マップ ＞ 地域経済循環図'],
          ['対象地域：東京都世田谷区'],
          ['表示年：2015年・2018年'],
          ['データ出典：環境省「地域経済循環分析」（2020年版）'],
          [''],
          [''],
        ],
      },
    );
    const result = await read([inboxFile('download(3).csv', bytes)]);
    expect(table(result)).toEqual(['gross-regional-production 2023 44946.12 2018年（基準年） 2020年版', 'regional-consumption 2023 incomplete']);
    expect(codes(result)).toEqual([]);
  });

  it('a CP932 download is never decoded as UTF-8: refused when only UTF-8 is accepted', async () => {
    const result = await read([inboxFile('sjis.csv', production({ 2018: [1, 2, 3] }, { encoding: 'cp932' }))], { ...config, encodings: ['utf-8'] });
    expect(codes(result)).toEqual(['error resas-text-encoding-not-accepted']);
    expect(result.observations).toEqual([]);
  });

  it('bytes that are neither UTF-8 nor CP932 are refused with their line', async () => {
    const good = production({ 2018: [1, 2, 3] }, { encoding: 'utf-8' });
    const result = await read([inboxFile('broken.csv', Buffer.concat([good.subarray(0, 40), Buffer.from([0xff, 0xff]), good.subarray(40)]))]);
    expect(codes(result)).toEqual(['error resas-text-undecodable 2']);
  });

  it('without a vintage in the notes or the name, the file is not used (new and old could not be told apart)', async () => {
    const result = await read([inboxFile('download.csv', production({ 2018: [1, 2, 3] }, { title: [['地域経済循環図（生産）'], []] }))]);
    expect(codes(result)).toEqual(['error resas-vintage-not-found']);
  });

  it('a missing sector is reported and the year is not formed', async () => {
    const result = await read([inboxFile('x.csv', production({ 2018: [1, '', 3] }))]);
    expect(codes(result)).toEqual(['error resas-item-missing']);
    expect(table(result)).toEqual(['gross-regional-production 2023 incomplete', 'regional-consumption 2023 incomplete']);
  });

  it('two files of the same vintage that disagree publish nothing for that year', async () => {
    const result = await read([inboxFile('a.csv', production({ 2018: [1, 2, 3] })), inboxFile('b.csv', production({ 2018: [1, 2, 4] }))]);
    expect(codes(result)).toEqual(['error resas-conflicting-vintage']);
    expect(table(result)).toContain('gross-regional-production 2023 invalid');
  });

  it('an older vintage loses to a newer one whatever the file order, and the revision is reported', async () => {
    const result = await read([
      inboxFile('z_new.csv', production({ 2018: [1, 2, 4_000_000] })),
      inboxFile('a_old.csv', production({ 2018: [1, 2, 3_999_000] }, { vintage: '2018年版' })),
    ]);
    expect(table(result)).toContain('gross-regional-production 2023 40000.03 2018年（基準年） 2020年版');
    expect(result.issues.find((i) => i.code === 'resas-revised')!.message).toContain(
      '2018年版（resas/a_old.csv）の 3999003百万円 から 2020年版 の 4000003百万円 に改定',
    );
  });

  it('a unit in the header and another in a note contradict each other: refused', async () => {
    const bytes = production({ 2018: [1, 2, 3] }, { title: [['（単位：千円）'], ['（2020年版）'], []] });
    expect(codes(await read([inboxFile('u.csv', bytes)]))).toEqual(['error resas-unit-conflict']);
  });

  it('a download for another municipality is refused with the codes it has', async () => {
    const result = await read([inboxFile('o.csv', production({ 2018: [1, 2, 3] }, { code: '13113' }))]);
    expect(codes(result)).toEqual(['error resas-area-not-found']);
    expect(result.issues[0]!.message).toContain('13113');
  });

  it('a year that is not a benchmark year is reported and skipped', async () => {
    const result = await read([inboxFile('y.csv', production({ 2018: [1, 2, 3], 2019: [1, 2, 3] }))]);
    expect(codes(result)).toEqual(['warning resas-not-benchmark-year']);
    expect(table(result)).toContain('gross-regional-production 2023 0.06 2018年（基準年） 2020年版');
  });

  it('a wide layout (one column per year) is read when the config says so', async () => {
    const wide: ResasExportConfig = {
      ...config,
      exports: { production: { labelJa: '生産（年別）', layout: 'wide', columns: { item: '産業' }, unit: '百万円' } },
      series: { productionValue: config.series.productionValue! },
    };
    const bytes = writeCsvFile(
      [
        ['世田谷区 地域経済循環（生産）2020年版'],
        ['産業', '2015年', '2018年', '2020年'],
        ['第1次産業', 1, 2, 3],
        ['第2次産業', 10, 20, 30],
        ['第3次産業', 100, 200, 300],
      ],
      'cp932',
    );
    const result = await read([inboxFile('wide.csv', bytes)], wide);
    expect(table(result)).toEqual(['gross-regional-production 2023 2.22 2018年（基準年） 2020年版']);
  });
});

describe('checking resas.yaml at load time', () => {
  it('refuses a fiscal year assigned to a year that is not a benchmark year, and a series of an unknown export', () => {
    const bad: ResasExportConfig = {
      ...config,
      fiscalYears: [{ fiscalYear: 2024, benchmarkYear: 2021 }],
      series: { ...config.series, x: { labelJa: 'x', export: 'nope', items: ['a'] } },
    };
    expect(resasFamily.checkConfig(bad, catalog, 'resas.yaml').map((p) => `${p.path}: ${p.message}`)).toEqual([
      'series.x.export: 出力の種類「nope」は exports にありません',
      'fiscalYears[0].benchmarkYear: 2021年は benchmarkYears（2010・2013・2015・2018・2020）にありません',
    ]);
  });
});
