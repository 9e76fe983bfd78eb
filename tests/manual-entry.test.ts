import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { MANUAL_ENTRY_SHEET } from '../lib/manual-entry-layout.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { inboxFileFromBytes, type InboxFile } from '../sources/inbox-file.ts';
import { readManualEntryWorkbook } from '../sources/manual-entry-workbook.ts';
import { otherCityConfig } from './helpers.ts';

const catalog = await loadCatalog(otherCityConfig);

/** A template for FY2021 as a user would fill it: `cells` maps "F5" style addresses to what they typed. */
async function filledWorkbook(cells: Record<string, ExcelJS.CellValue>): Promise<InboxFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeManualEntryTemplate(catalog, 2021)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(MANUAL_ENTRY_SHEET)!;
  for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return inboxFileFromBytes('manual-entry/手入力_令和3年度.xlsx', bytes, '/dev/null');
}

describe('the manual-entry template', () => {
  it('lists each measure with its name, unit, owners and fiscal year, and validates the value cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeManualEntryTemplate(catalog, 2021)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(MANUAL_ENTRY_SHEET)!;
    const rows = [4, 5, 6, 7].map((r) => (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1, 7));
    expect(rows).toEqual([
      ['指標ID', '指標名', '単位', '担当課', '年度', '値'],
      ['shopping-street-events', '商店街イベント開催数', '回', '産業振興課、地域振興課', '令和3年度', undefined],
      ['vacant-store-rate', '空き店舗率', '%', '産業振興課', '令和3年度', undefined],
      ['manufacturers', '区内製造業事業所数', '事業所', '産業振興課', '令和3年度', undefined],
    ]);
    expect(sheet.getCell('F6').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(sheet.getCell('F5').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('A5').protection?.locked ?? true).toBe(true);
  });

  it('is byte-identical when written twice', async () => {
    const a = await writeManualEntryTemplate(catalog, 2021);
    await new Promise((r) => setTimeout(r, 2100)); // zip timestamps have a 2-second resolution
    const b = await writeManualEntryTemplate(catalog, 2021);
    expect(a.equals(b)).toBe(true);
  });
});

describe('reading a filled workbook', () => {
  it('reads numbers, numbers typed as text, and comments', async () => {
    const file = await filledWorkbook({ F5: 48, G5: '秋祭りを追加', F6: '７．９％', F7: '1,204' });
    const { observations, issues } = await readManualEntryWorkbook(file, catalog);
    expect(issues).toEqual([]);
    expect(observations.map((o) => [o.measureId, o.fiscalYear, o.value, o.comment ?? null, o.provenance.rows])).toEqual([
      ['shopping-street-events', 2021, 48, '秋祭りを追加', '5'],
      ['vacant-store-rate', 2021, 7.9, null, '6'],
      ['manufacturers', 2021, 1204, null, '7'],
    ]);
  });

  it('reports text in a number cell with sheet, row, column and the raw text, and still loads the other rows', async () => {
    const file = await filledWorkbook({ F5: '約50回', F6: 7.9, F7: 1204 });
    const { observations, issues } = await readManualEntryWorkbook(file, catalog);
    expect(observations.map((o) => o.measureId)).toEqual(['vacant-store-rate', 'manufacturers']);
    expect(issues).toEqual([
      {
        code: 'manual-entry-not-a-number',
        severity: 'error',
        message:
          '商店街イベント開催数（令和3年度）の値「約50回」は数値ではありません。単位や文字を除いた数値（例: 1952 や 53.2）を入力してください。この行は読み込みません',
        location: { file: 'manual-entry/手入力_令和3年度.xlsx', sheet: '入力', row: 5, column: 'F' },
        raw: '約50回',
      },
    ]);
  });

  it('rejects a share above 100%, an unknown measure id and an unreadable fiscal year', async () => {
    const file = await filledWorkbook({ F6: 130, A8: 'no-such-measure', F8: 1, A9: 'manufacturers', E9: '来年度', F9: 3 });
    const { observations, issues } = await readManualEntryWorkbook(file, catalog);
    expect(observations).toEqual([]);
    expect(issues.map((i) => [i.code, i.location.row, i.location.column, i.raw])).toEqual([
      ['manual-entry-out-of-range', 6, 'F', '130'],
      ['manual-entry-unknown-measure', 8, 'A', 'no-such-measure'],
      ['manual-entry-bad-fiscal-year', 9, 'E', '来年度'],
    ]);
  });

  it('drops a measure entered twice with different values and says which rows disagree', async () => {
    const file = await filledWorkbook({ F7: 1204, A8: 'manufacturers', E8: 'R3', F8: 1210, A9: 'vacant-store-rate', E9: '2021年度', F9: '—' });
    const { observations, issues } = await readManualEntryWorkbook(file, catalog);
    expect(observations).toEqual([]);
    expect(issues.map((i) => [i.code, i.severity, i.location.row])).toEqual([
      ['manual-entry-duplicate', 'error', 8],
      ['manual-entry-marked-missing', 'info', 9],
    ]);
    expect(issues[0]!.message).toContain('7行目と重複');
  });

  it('reports a file that is not a workbook instead of throwing', async () => {
    const file = inboxFileFromBytes('manual-entry/broken.xlsx', Buffer.from('not a zip'), '/dev/null');
    const { observations, issues } = await readManualEntryWorkbook(file, catalog);
    expect(observations).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['manual-entry-unreadable']);
  });
});
