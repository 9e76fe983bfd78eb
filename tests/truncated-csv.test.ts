// A CSV cut off part-way through its last row (a download or export that stopped) is found the same way by every CSV
// reader (lib/scan-csv.ts csvCutShort), reported with the file, the line and the raw line, and none of its values is
// published; a file that only lacks its final line break is read. Also: a RESAS cell kept secret (x, *, 秘匿 …) is
// said with its row and withholds the year rather than taking an older vintage's value, and totals, notes and a
// repeated title and header under a 公社 table are skipped with an info that names them.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../config/load-catalog.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import { encodeCp932 } from '../lib/encode-cp932.ts';
import type { SourceResult } from '../lib/observation.ts';
import { csvCutShort, scanCsv } from '../lib/scan-csv.ts';
import { koshaFamily } from '../pipelines/kosha-family.ts';
import { resasFamily } from '../pipelines/resas-family.ts';
import { runIndustrySurvey } from '../pipelines/industry-survey-family-read.ts';
import { writeIndustrySurveySamples } from '../scripts/sample/generate-industry-survey-waves.ts';
import { writeSourceSamples } from '../scripts/sample/write-source-samples.ts';
import { writeXlsxTable } from '../scripts/sample/write-xlsx-table.ts';
import { inboxFileFromBytes, readInboxFile, type InboxFile } from '../sources/inbox-file.ts';
import { industrySurveyConfigSchema } from '../sources/industry-survey/industry-survey-config.ts';
import { koshaRecordsConfigSchema, type KoshaRecordsConfig } from '../sources/kosha-records-config.ts';
import { resasExportConfigSchema, type ResasExportConfig } from '../sources/resas-export-config.ts';
import { setagayaConfig, tempDir } from './helpers.ts';

let catalog: Catalog;
let resas: ResasExportConfig;
let kosha: KoshaRecordsConfig;
let samples: string;

beforeAll(async () => {
  catalog = await loadCatalog(setagayaConfig);
  resas = (await readConfigFile(path.join(setagayaConfig, 'sources', 'resas.yaml'), resasExportConfigSchema, []))!;
  kosha = (await readConfigFile(path.join(setagayaConfig, 'sources', 'kosha.yaml'), koshaRecordsConfigSchema, []))!;
  samples = await tempDir();
  await writeSourceSamples(samples, new Set(['resas', 'kosha']));
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp932 = (bytes: Buffer) => new TextDecoder('shift_jis').decode(bytes);

/** The sample files of a family, with `edit` applied to the one named. */
async function family(folder: string, name: string, edit: (bytes: Buffer) => Buffer): Promise<InboxFile[]> {
  const names = (await readdir(path.join(samples, folder))).sort();
  return Promise.all(
    names.map(async (n) => {
      const bytes = await readFile(path.join(samples, folder, n));
      return inboxFileFromBytes(`${folder}/${n}`, n === name ? edit(bytes) : bytes, n);
    }),
  );
}

/** measure fiscalYear value, or measure fiscalYear status code for a withheld one. */
const table = (result: SourceResult, measures: string[]) =>
  [
    ...result.observations.filter((o) => measures.includes(o.measureId)).map((o) => `${o.measureId} ${o.fiscalYear} ${o.value}`),
    ...(result.gaps ?? []).filter((g) => measures.includes(g.measureId)).map((g) => `${g.measureId} ${g.fiscalYear} ${g.status} ${g.code ?? ''}`.trim()),
  ].sort();
const problems = (result: SourceResult) =>
  result.issues
    .filter((i) => i.severity !== 'info')
    .map((i) => `${i.severity} ${i.code} ${i.location.row ?? ''} ${i.location.column ?? ''} ${i.raw ?? ''}`.trim());

describe('the shared CSV scanner', () => {
  const header = 5;
  const last = (text: string) => {
    const bytes = utf8(text);
    const end = scanCsv(bytes, 0, 1, () => {});
    return end.openLast ? csvCutShort(bytes, end.openLast.from, end.openLast.line, header, 'utf-8') : undefined;
  };

  it('finds a last record with fewer fields than the header and no line break after it', () => {
    expect(last('a,b,c,d,e\r\n1,2,3,4,5\r\n6,2,経')).toEqual({ variant: 'fields', line: 3, fields: 3, headerFields: 5, raw: '6,2,経' });
    expect(last('a,b,c,d,e\n1,2,3,4,5\n6,"x\ny",3,')).toMatchObject({ line: 3, fields: 4 });
  });

  it('reads a whole file that only lacks its final line break, and a short last record that ends with one', () => {
    expect(last('a,b,c,d,e\r\n1,2,3,4,5\r\n6,7,8,9,10')).toBeUndefined();
    expect(last('a,b,c,d,e\r\n1,2,3,4,5\r\n6,7\r\n')).toBeUndefined();
    expect(last('a,b,c,d,e\r\n1,2,3,4,"5,6"')).toBeUndefined();
  });

  it('shortens a long raw line for the message', () => {
    const bytes = utf8(`a,b,c,d,e\n${'あ'.repeat(500)}`);
    const end = scanCsv(bytes, 0, 1, () => {});
    expect(csvCutShort(bytes, end.openLast!.from, end.openLast!.line, header, 'utf-8')!.raw).toBe(`${'あ'.repeat(120)}…`);
  });
});

describe('a RESAS download cut off part-way', () => {
  const P2020 = '地域経済循環_生産_2020年版.csv';
  const read = (files: InboxFile[]) => resasFamily.read(files, catalog, resas);
  /** The 2020年版 production export up to and into the line of 世田谷区's 2018 第3次産業, `keep` characters of it. */
  const cutAt = (keep: number) => (bytes: Buffer) => {
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf('2018年,13,東京都,13112,世田谷区,第3次産業,');
    return Buffer.from(text.slice(0, at + keep));
  };

  it('inside the last value: the year short of rows says so, and FY2023 is withheld, not taken from 2018年版', async () => {
    const result = await read(await family('resas', P2020, cutAt('2018年,13,東京都,13112,世田谷区,第3次産業,'.length + 5)));
    expect(table(result, ['gross-regional-production'])).toEqual(['gross-regional-production 2023 incomplete resas-file-cut-short']);
    const cut = result.issues.find((i) => i.code === 'resas-file-cut-short')!;
    expect(cut).toMatchObject({ severity: 'error', location: { file: `resas/${P2020}`, row: 26 }, raw: '2018年,13,東京都,13112,世田谷区,第3次産業,39315' });
    expect(cut.message).toContain('ダウンロードし');
    expect(result.issues.filter((i) => i.code === 'resas-revised' && i.message.includes('区内生産額'))).toEqual([]);
  });

  it('after a comma (fewer fields than the header): the same', async () => {
    const result = await read(await family('resas', P2020, cutAt('2018年,13,東京都,13112,'.length)));
    expect(table(result, ['gross-regional-production'])).toEqual(['gross-regional-production 2023 incomplete resas-file-cut-short']);
    expect(problems(result)).toEqual(['error resas-file-cut-short 26  2018年,13,東京都,13112,']);
  });

  it('inside a character (cut at a byte): reported as cut off, not as an unknown encoding', async () => {
    const result = await read(
      await family('resas', P2020, (bytes) => {
        const at = bytes.indexOf(Buffer.from('2018年,13,東京都,13112,世田谷区,第3次産業,'));
        return bytes.subarray(0, at + Buffer.byteLength('2018年,13,東京都,13112,世') + 1);
      }),
    );
    expect(table(result, ['gross-regional-production'])).toEqual(['gross-regional-production 2023 incomplete resas-file-cut-short']);
    expect(problems(result)).toEqual(['error resas-file-cut-short 26  2018年,13,東京都,13112,世']);
    expect(result.issues.map((i) => i.code)).not.toContain('resas-text-undecodable');
  });

  it('a whole download without its final line break is read', async () => {
    const result = await read(await family('resas', P2020, (bytes) => Buffer.from(new TextDecoder().decode(bytes).replace(/\s+$/, ''))));
    expect(table(result, ['gross-regional-production'])).toEqual(['gross-regional-production 2023 44946.12']);
    expect(problems(result)).toEqual([]);
  });

  it.each(['x', 'X', '*', '-', '…', '秘匿', 'ｘ'])('a cell kept secret (%s) is said with its row, and the year is withheld', async (secret) => {
    const result = await read(
      await family('resas', P2020, (bytes) =>
        Buffer.from(new TextDecoder().decode(bytes).replace(/(2018年,13,東京都,13112,世田谷区,第1次産業,)\d+/, `$1${secret}`)),
      ),
    );
    expect(table(result, ['gross-regional-production'])).toEqual(['gross-regional-production 2023 incomplete resas-suppressed-value']);
    expect(problems(result)).toEqual([`warning resas-suppressed-value 24 付加価値額【百万円】 ${secret}`]);
    expect(result.issues.find((i) => i.code === 'resas-suppressed-value')!.message).toContain('古い版の値で置き換えもしません');
  });
});

describe('a 公社 record export', () => {
  const R6 = '公社_相談記録_令和6年度.csv';
  const read = (files: InboxFile[]) => koshaFamily.read(files, catalog, kosha);
  const COUNTED = ['business-consultations', 'startup-consultation-sessions', 'labour-consultations'];

  it('cut off part-way through its last line: reported with the line, not read as an unknown category, and FY2024 withheld', async () => {
    const result = await read(
      await family('kosha', R6, (bytes) => {
        const text = cp932(bytes).replace(/\r\n$/, '');
        const lastLine = text.slice(text.lastIndexOf('\r\n') + 2);
        const [id, date, category] = lastLine.split(',');
        return Buffer.from(encodeCp932(`${text.slice(0, text.lastIndexOf('\r\n') + 2)}${id},${date},${category!.slice(0, 2)}`));
      }),
    );
    expect(table(result, COUNTED)).toEqual([
      'business-consultations 2023 176',
      'business-consultations 2024 incomplete kosha-file-cut-short',
      'labour-consultations 2023 400',
      'labour-consultations 2024 incomplete kosha-file-cut-short',
      'startup-consultation-sessions 2023 452',
      'startup-consultation-sessions 2024 incomplete kosha-file-cut-short',
    ]);
    const cut = result.issues.filter((i) => i.code === 'kosha-file-cut-short');
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ severity: 'error', location: { file: `kosha/${R6}`, row: 1205 } });
    expect(String(cut[0]!.raw)).toMatch(/^R6-S\d+,.*,経営$/);
    expect(result.facts!.recordExports!.flatMap((e) => e.categories.flatMap((c) => c.values.map((v) => v.value)))).not.toContain('経営');
  });

  it('cut inside a character of the last field of its CP932 last line: the same, not an unknown encoding', async () => {
    const result = await read(
      await family('kosha', R6, (bytes) => {
        const end = bytes.length - 2; // before the final CR LF
        const lastLine = bytes.lastIndexOf(0x0a, end - 1) + 1;
        const method = bytes.lastIndexOf(0x2c, end) + 1;
        expect(method).toBeGreaterThan(lastLine);
        return bytes.subarray(0, method + 1); // the lead byte of 相談方法's first character (来所, 電話 …)
      }),
    );
    expect(result.issues.find((i) => i.code === 'kosha-file-cut-short')!.message).toContain('文字の途中で終わって');
    expect(table(result, ['business-consultations'])).toEqual([
      'business-consultations 2023 176',
      'business-consultations 2024 incomplete kosha-file-cut-short',
    ]);
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.location.row])).toEqual([['kosha-file-cut-short', 1205]]);
  });

  it('that only lacks its final line break is read whole', async () => {
    const result = await read(await family('kosha', R6, (bytes) => Buffer.from(encodeCp932(cp932(bytes).replace(/\r\n$/, '')))));
    expect(table(result, COUNTED)).toContain('business-consultations 2024 454');
    expect(result.issues.map((i) => i.code)).not.toContain('kosha-file-cut-short');
  });

  it('of two exports joined (title and header rows again in the middle): the rows are skipped with an info naming them', async () => {
    const result = await read(
      await family('kosha', R6, (bytes) => {
        const lines = cp932(bytes).split('\r\n');
        const h = lines.findIndex((l) => l.startsWith('相談番号'));
        const records = lines.slice(h + 1).filter((l) => l !== '');
        const half = Math.floor(records.length / 2);
        return Buffer.from(
          encodeCp932([...lines.slice(0, h + 1), ...records.slice(0, half), ...lines.slice(0, h + 1), ...records.slice(half), ''].join('\r\n')),
        );
      }),
    );
    expect(table(result, COUNTED)).toContain('business-consultations 2024 454');
    expect(problems(result).filter((p) => !p.includes('kosha-duplicate-id'))).toEqual([]);
    const skipped = result.issues.filter((i) => i.code === 'kosha-rows-skipped');
    expect(skipped.map((i) => i.severity)).toEqual(['info', 'info', 'info', 'info']);
    expect(skipped.at(-1)!.message).toContain('見出しの繰り返し');
  });

  it('in .xlsx with a totals row and notes under the table: skipped with an info, the counts as without them', async () => {
    const title = [['相談記録一覧'], ['抽出期間：2023/4/1～2024/3/31']];
    const records = [
      ['R5-1', '2023/4/3', '経営相談', '本部', '来所'],
      ['R5-2', '2023/5/8', '創業相談', '本部', '電話'],
      [],
      ['合計', 2],
      ['計', '', '', '', 2],
    ];
    const notes = [['※相談日が空欄の記録は集計対象外'], ['注）窓口は受付時点のもの']];
    const rows = [...title, HEADER, ...records, ...notes];
    const xlsx = await writeXlsxTable({ sheet: '相談記録', title, header: HEADER, rows: [...records, ...notes] });
    const csv = Buffer.from(encodeCp932(rows.map((r) => r.join(',')).join('\r\n') + '\r\n'));
    for (const file of [inboxFileFromBytes('kosha/公社_相談記録_令和5年度.xlsx', xlsx), inboxFileFromBytes('kosha/公社_相談記録_令和5年度.csv', csv)]) {
      const result = await read([file]);
      expect(table(result, ['business-consultations', 'startup-consultation-sessions'])).toEqual([
        'business-consultations 2023 1',
        'startup-consultation-sessions 2023 1',
      ]);
      expect(problems(result)).toEqual([]);
      expect(result.issues.filter((i) => i.code === 'kosha-rows-skipped').map((i) => i.location.row)).toEqual([7, 8, 9, 10]);
      expect(result.issues.filter((i) => i.code === 'kosha-rows-skipped').map((i) => i.severity)).toEqual(['info', 'info', 'info', 'info']);
    }
  });
});
const HEADER = ['相談番号', '相談日', '相談区分', '窓口', '相談方法'];

describe('an industry-survey respondent CSV cut off part-way through its last respondent', () => {
  it('is not read (its year is withheld), and the error names the file, the line and the raw line', async () => {
    const inbox = await tempDir();
    const files = await writeIndustrySurveySamples(setagayaConfig, inbox, catalog);
    const wave = files.find((f) => f.endsWith('R6_産業基礎調査_建設・製造・その他.csv'))!;
    const text = cp932(await readFile(wave)).replace(/\r?\n$/, '');
    const lastLine = text.slice(text.lastIndexOf('\n') + 1);
    await writeFile(wave, encodeCp932(text.slice(0, text.lastIndexOf('\n') + 1) + lastLine.split(',').slice(0, 6).join(',')));
    const config = (await readConfigFile(path.join(setagayaConfig, 'sources', 'industry-survey.yaml'), industrySurveyConfigSchema, []))!;
    const result = await runIndustrySurvey(await Promise.all(files.map((f) => readInboxFile(inbox, f))), catalog.measures.values(), config);
    const cut = result.issues.find((i) => i.code === 'industry-survey-file-cut-short')!;
    expect(cut).toMatchObject({ severity: 'error', location: { file: 'industry-survey/R6_産業基礎調査_建設・製造・その他.csv' } });
    expect(cut.raw).toBe(lastLine.split(',').slice(0, 6).join(','));
    expect(result.observations.filter((o) => o.fiscalYear === 2024)).toEqual([]);
  });

  it('a sampling frame cut off part-way through its last stratum is not used, and says so', async () => {
    const inbox = await tempDir();
    const files = await writeIndustrySurveySamples(setagayaConfig, inbox, catalog);
    const frame = files.find((f) => f.endsWith('R6_産業基礎調査_母集団.csv'))!;
    const text = new TextDecoder().decode(await readFile(frame)).replace(/\r?\n$/, '');
    await writeFile(frame, text.slice(0, text.lastIndexOf(',')));
    const config = (await readConfigFile(path.join(setagayaConfig, 'sources', 'industry-survey.yaml'), industrySurveyConfigSchema, []))!;
    const result = await runIndustrySurvey(await Promise.all(files.map((f) => readInboxFile(inbox, f))), catalog.measures.values(), config);
    const invalid = result.issues.find((i) => i.code === 'industry-survey-frame-invalid')!;
    expect(invalid.message).toContain('途中で切れています');
    expect(invalid.location.file).toBe('industry-survey/R6_産業基礎調査_母集団.csv');
  });
});
