// The manual-entry workbook as offices really hand it back: headers retyped (全角, a unit note, a line break),
// renamed or doubled, header cells merged, notes under the table, and formulas saved with or without their result.
// Each workbook is the real template (lei template) edited with exceljs, as Excel would save it.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { MANUAL_ENTRY_SHEET } from '../lib/manual-entry-layout.ts';
import { writeManualEntryTemplate } from '../outputs/manual-entry-template.ts';
import { inboxFileFromBytes } from '../sources/inbox-file.ts';
import { readManualEntryWorkbook } from '../sources/manual-entry-workbook.ts';
import { readMergedRanges } from '../sources/xlsx/read-merged-ranges.ts';
import { otherCityConfig } from './helpers.ts';

const catalog = await loadCatalog(otherCityConfig);
const FILE = 'manual-entry/手入力_令和3年度.xlsx';

/** The FY2021 template with three values and a comment entered, then edited as `edit` says; `xml` rewrites the sheet part. */
async function workbook(edit: (sheet: ExcelJS.Worksheet) => void = () => {}, xml?: (sheetXml: string) => string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await writeManualEntryTemplate(catalog, 2021)) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(MANUAL_ENTRY_SHEET)!;
  sheet.getCell('F5').value = 48;
  sheet.getCell('G5').value = '秋祭りを追加';
  sheet.getCell('F6').value = 7.9;
  sheet.getCell('F7').value = 1204;
  edit(sheet);
  let bytes: Buffer = Buffer.from(await book.xlsx.writeBuffer());
  if (xml) {
    const zip = await JSZip.loadAsync(bytes);
    const part = Object.keys(zip.files).find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))!;
    zip.file(part, xml(await zip.file(part)!.async('string')));
    bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  return readManualEntryWorkbook(inboxFileFromBytes(FILE, bytes, '/dev/null'), catalog);
}

/** The sheet XML with `from` replaced; the test fails if the part does not hold it. */
function replaced(xml: string, from: string, to: string): string {
  expect(xml).toContain(from);
  return xml.replace(from, to);
}

const values = (result: Awaited<ReturnType<typeof workbook>>) => result.observations.map((o) => [o.measureId, o.value, o.comment ?? null]);
const codes = (result: Awaited<ReturnType<typeof workbook>>) => result.issues.map((i) => [i.code, i.severity, i.location.row, i.location.column ?? null]);
const ALL = [
  ['shopping-street-events', 48, '秋祭りを追加'],
  ['vacant-store-rate', 7.9, null],
  ['manufacturers', 1204, null],
];

describe('manual-entry headers are compared as a person reads them', () => {
  it.each([
    ['full-width letters', 'A4', '指標ＩＤ'],
    ['a unit note', 'F4', '値（単位：件）'],
    ['a line break and a note', 'F4', '値\n（数値のみ）'],
    ['spaces around and inside', 'E4', ' 年　度 '],
    ['a line break inside', 'A4', '指標\nID'],
    ['full-width lower case', 'A4', '指標ｉｄ'],
    ['full-width katakana note in 【】', 'G4', 'コメント【任意】'],
  ])('reads every value when a header is retyped with %s', async (_, address, header) => {
    const result = await workbook((sheet) => {
      sheet.getCell(address).value = header;
    });
    expect(result.issues).toEqual([]);
    expect(values(result)).toEqual(ALL);
  });

  it('names only the column really missing, with the headers that are there', async () => {
    const result = await workbook((sheet) => {
      sheet.getCell('A4').value = '指標コード';
    });
    expect(result.observations).toEqual([]);
    expect(result.issues).toEqual([
      {
        code: 'manual-entry-missing-column',
        severity: 'error',
        message:
          '見出し行（4行目）に列「指標ID」が見つかりません（この行にある見出し: 「指標コード」「指標名」「単位」「担当課」「年度」「値」「コメント」「データの収集方法」）。見出しを書き換えずに、lei template で作ったブックに入力してください。このブックは読み込みません',
        location: { file: FILE, sheet: '入力', row: 4 },
      },
    ]);
  });

  it('says so when no row of the first ones has the template headers', async () => {
    const result = await workbook((sheet) => {
      for (const c of 'ABCDEFGH') sheet.getCell(`${c}4`).value = null;
      sheet.getCell('A4').value = 'ID';
    });
    expect(result.observations).toEqual([]);
    expect(result.issues.map((i) => i.message)).toEqual([
      '先頭 20 行に、列「指標ID」「年度」「値」のある見出し行が見つかりません（4行目にある文字: 「ID」）。見出しを書き換えずに、lei template で作ったブックに入力してください。このブックは読み込みません',
    ]);
  });

  it('prefers the exact header over one with a note, and refuses two exact ones', async () => {
    const noted = await workbook((sheet) => {
      sheet.getCell('I4').value = '値（前年度）';
      sheet.getCell('I5').value = 40;
    });
    expect(noted.issues).toEqual([]);
    expect(values(noted)).toEqual(ALL);
    const doubled = await workbook((sheet) => {
      sheet.getCell('I4').value = '値';
      sheet.getCell('I5').value = 40;
    });
    expect(doubled.observations).toEqual([]);
    expect(codes(doubled)).toEqual([['manual-entry-ambiguous-column', 'error', 4, null]]);
    expect(doubled.issues[0]!.message).toContain('列「値」に当たる見出しが複数あり（F・I列: 「値」「値」）');
  });

  it('warns about entries under a cleared header instead of dropping them silently', async () => {
    const result = await workbook((sheet) => {
      sheet.getCell('G4').value = null;
    });
    expect(values(result)).toEqual(ALL.map(([id, value]) => [id, value, null]));
    expect(codes(result)).toEqual([['manual-entry-unnamed-column', 'warning', 4, 'G']]);
    expect(result.issues[0]!.message).toContain('列「コメント」の見出しが消えていれば入れ直してください');
  });
});

describe('merged header cells', () => {
  it('finds every merged range of a sheet part, a tag cut between chunks included', async () => {
    const xml = Buffer.from(
      '<worksheet><sheetData/><mergeCells count="3"><mergeCell ref="A1:H1"/><mergeCell ref="F4:G4"/><x:mergeCell ref="B2"/></mergeCells></worksheet>',
    );
    for (const size of [1, 7, 50, xml.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < xml.length; i += size) chunks.push(xml.subarray(i, i + size));
      expect(await readMergedRanges(Readable.from(chunks))).toEqual([
        { ref: 'A1:H1', top: 1, bottom: 1, left: 0, right: 7 },
        { ref: 'F4:G4', top: 4, bottom: 4, left: 5, right: 6 },
        { ref: 'B2:B2', top: 2, bottom: 2, left: 1, right: 1 },
      ]);
    }
  });

  it('reads the value and the comment columns under a merged 値 + コメント header, and says so', async () => {
    const result = await workbook((sheet) => {
      sheet.mergeCells('A1:H1');
      sheet.mergeCells('F4:G4');
    });
    expect(values(result)).toEqual(ALL);
    expect(result.issues.map((i) => [i.code, i.severity, i.location.column, i.message])).toEqual([
      [
        'manual-entry-merged-header',
        'warning',
        'F',
        '見出しのセル F4:G4 が結合されていて、「値」のほかの列の見出しが消えています。ひな形の列の順に、G列を「コメント」として読みました。結合を解除し、各列に見出しを入れ直してください',
      ],
    ]);
  });

  it('reads a merged 年度 + 値 header the same way', async () => {
    const result = await workbook((sheet) => sheet.mergeCells('E4:F4'));
    expect(values(result)).toEqual(ALL);
    expect(codes(result)).toEqual([['manual-entry-merged-header', 'warning', 4, 'E']]);
  });

  it('reads a header merged down from the row above as Excel shows it', async () => {
    const down = await workbook((sheet) => {
      sheet.getCell('F3').value = '値';
      sheet.mergeCells('F3:F4');
    });
    expect(down.issues).toEqual([]);
    expect(values(down)).toEqual(ALL);
    const block = await workbook((sheet) => {
      sheet.getCell('F3').value = '値';
      sheet.mergeCells('F3:G4');
    });
    expect(values(block)).toEqual(ALL);
    expect(codes(block)).toEqual([['manual-entry-merged-header', 'warning', 4, 'F']]);
    expect(block.issues[0]!.message).toContain('見出しのセル F3:G4 が結合されていて');
  });

  it('refuses the workbook when the merged columns cannot be told apart (値 and コメント swapped, then merged)', async () => {
    const result = await workbook((sheet) => {
      for (let r = 4; r <= 7; r += 1) {
        const [f, g] = [sheet.getCell(`F${r}`).value, sheet.getCell(`G${r}`).value];
        sheet.getCell(`F${r}`).value = g;
        sheet.getCell(`G${r}`).value = f;
      }
      sheet.mergeCells('F4:G4');
    });
    expect(result.observations).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.severity, i.message])).toEqual([
      [
        'manual-entry-merged-header-unclear',
        'error',
        '見出しのセル F4:G4（F〜G列）が結合されていて、列「コメント」「値」を区別できません。結合を解除し、各列に見出しを入れ直してください。このブックは読み込みません',
      ],
    ]);
  });

  it('reads the values but says the comments were not read when only the comment column is lost', async () => {
    const result = await workbook((sheet) => sheet.mergeCells('F4:H4'));
    // F4:H4 hides コメント and データの収集方法 in template order: both are read as such.
    expect(values(result)).toEqual(ALL);
    const odd = await workbook((sheet) => {
      sheet.getCell('H4').value = null;
      sheet.getCell('I4').value = 'データの収集方法';
      sheet.mergeCells('F4:H4');
    });
    expect(values(odd)).toEqual(ALL.map(([id, value]) => [id, value, null]));
    expect(odd.issues.map((i) => [i.code, i.severity])).toEqual([['manual-entry-merged-header-unclear', 'error']]);
    expect(odd.issues[0]!.message).toContain('列「コメント」は読み込んでいません');
  });
});

describe('rows that are not value rows', () => {
  it('skips blank rows and notes under the table with an info naming the row', async () => {
    const result = await workbook((sheet) => {
      const last = sheet.rowCount;
      sheet.getCell(`A${last + 2}`).value = '※値は速報値';
      sheet.getCell(`A${last + 3}`).value = '確認者：産業連携交流推進課';
      sheet.getCell(`A${last + 4}`).value = '（注）割合は小数第1位まで';
      sheet.getCell(`A${last + 5}`).value = '備考';
      sheet.getCell(`C${last + 6}`).value = '作成：産業振興課'; // no measure id and no value: skipped without a word
    });
    expect(values(result)).toEqual(ALL);
    expect(result.issues.map((i) => [i.code, i.severity, i.location.column, i.raw])).toEqual([
      ['manual-entry-note-row', 'info', 'A', '※値は速報値'],
      ['manual-entry-note-row', 'info', 'A', '確認者：産業連携交流推進課'],
      ['manual-entry-note-row', 'info', 'A', '（注）割合は小数第1位まで'],
      ['manual-entry-note-row', 'info', 'A', '備考'],
    ]);
    expect(result.issues[0]!.message).toMatch(/^\d+行目「※値は速報値」は表の注記・余白の行とみなし、読み込みません/);
  });

  it('skips a note row within the table that starts with a note mark', async () => {
    const result = await workbook((sheet) => sheet.spliceRows(6, 0, ['※以下は割合の指標']));
    expect(values(result)).toEqual(ALL);
    expect(codes(result)).toEqual([['manual-entry-note-row', 'info', 6, 'A']]);
  });

  it('still refuses a number under the table without a measure, and an unknown measure with a value', async () => {
    const result = await workbook((sheet) => {
      const last = sheet.rowCount;
      sheet.getCell(`F${last + 2}`).value = 12;
      sheet.getCell(`A${last + 3}`).value = '※合計';
      sheet.getCell(`F${last + 3}`).value = 1264;
      sheet.getCell(`A${last + 4}`).value = 'no-such-measure';
      sheet.getCell(`F${last + 4}`).value = '5';
    });
    expect(values(result)).toEqual(ALL);
    expect(result.issues.map((i) => i.code)).toEqual(['manual-entry-missing-measure-id', 'manual-entry-unknown-measure', 'manual-entry-unknown-measure']);
  });
});

describe('formula cells', () => {
  it('reads a formula by the result Excel saved with it', async () => {
    const result = await workbook((sheet) => {
      sheet.getCell('F5').value = { formula: 'SUM(I5:I6)', result: 48 };
    });
    expect(result.issues).toEqual([]);
    expect(values(result)).toEqual(ALL);
  });

  it.each([
    ['without a result', (xml: string) => xml],
    ['with an empty result <v></v>', (xml: string) => replaced(xml, '<f>1+47</f></c>', '<f>1+47</f><v></v></c>')],
    ['with an empty result <v/>', (xml: string) => replaced(xml, '<f>1+47</f></c>', '<f>1+47</f><v/></c>')],
  ])('reports a formula saved %s, never reading it as empty or 0', async (_, xml) => {
    const result = await workbook((sheet) => {
      sheet.getCell('F5').value = { formula: '1+47' } as ExcelJS.CellFormulaValue;
    }, xml);
    expect(values(result)).toEqual(ALL.slice(1));
    expect(codes(result)).toEqual([['manual-entry-formula-without-value', 'error', 5, 'F']]);
  });
});
