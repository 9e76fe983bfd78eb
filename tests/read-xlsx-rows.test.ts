// The streaming XLSX reader on real files: exceljs-written waves (checked against the source values and against
// exceljs's own non-streaming load), hand-written parts with furigana and escapes, the 1904 system, broken files.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  excelSerialToDate,
  listXlsxSheets,
  readXlsxRows,
  readXlsxWorkbookInfo,
  XlsxReadError,
  type XlsxCellValue,
  type XlsxRow,
} from '../sources/xlsx/read-xlsx-rows.ts';
import { SheetRowScanner } from '../sources/xlsx/sheet-row-scanner.ts';
import { readSharedStrings } from '../sources/xlsx/read-shared-strings.ts';
import { ANSWER_SHEET, LONG_TEXT_LENGTH, makeXlsxFixtures, type XlsxFixtures } from './fixtures/make-xlsx-fixtures.ts';

let dir: string;
let fx: XlsxFixtures;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lei-xlsx-'));
  fx = await makeXlsxFixtures(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(source: string | Uint8Array, sheet?: string | number): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readXlsxRows(source, { sheet })) rows.push(row);
  return rows;
}

type Comparable = XlsxCellValue | { at: string };
const wallClock = (p: ReturnType<typeof excelSerialToDate>) =>
  `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}`;
const dateAt = (d: Date) => ({ at: wallClock(excelSerialToDate(Math.round(d.getTime() / 1000) / 86_400 + 25_569)) });

/** exceljs values as the reader should give them: formula → cached result, error → its text, Date → wall clock. */
function expectedCell(value: ExcelJS.CellValue): Comparable {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return dateAt(value);
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value) return expectedCell(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  throw new Error(`unexpected exceljs value ${JSON.stringify(value)}`);
}

/** Drops trailing nulls and all-null rows, as the reader does. */
function compactRows(rows: { rowNumber: number; cells: Comparable[] }[]): { rowNumber: number; cells: Comparable[] }[] {
  return rows
    .map((r) => {
      const cells = [...r.cells];
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      return { rowNumber: r.rowNumber, cells };
    })
    .filter((r) => r.cells.length > 0);
}

/** The reader's rows with the cells that are dates in `like` shown as wall-clock text. */
function withDates(rows: XlsxRow[], like: { rowNumber: number; cells: Comparable[] }[], date1904 = false) {
  const dateCells = new Map(like.map((r) => [r.rowNumber, r.cells]));
  return rows.map((r) => ({
    rowNumber: r.rowNumber,
    cells: r.cells.map((v, i): Comparable => {
      const other = dateCells.get(r.rowNumber)?.[i];
      return typeof v === 'number' && other !== null && typeof other === 'object' ? { at: wallClock(excelSerialToDate(v, date1904)) } : v;
    }),
  }));
}

async function exceljsOracle(file: string, sheet: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const rows: { rowNumber: number; cells: Comparable[] }[] = [];
  wb.getWorksheet(sheet)!.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Comparable[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = expectedCell(cell.value);
    });
    rows.push({ rowNumber, cells });
  });
  return compactRows(rows);
}

describe('readXlsxRows on workbooks written by exceljs', () => {
  it.each([
    ['shared strings (in-memory writer)', 'exceljsShared'],
    ['strings inside the sheet XML (streaming writer)', 'exceljsInline'],
  ] as const)('given the answers written with %s, reads them back exactly', async (_, which) => {
    const expected = compactRows(fx.answerRows.map((values, i) => ({ rowNumber: i + 1, cells: values.map(expectedCell) })));
    const rows = await readAll(fx[which], ANSWER_SHEET);
    expect(withDates(rows, expected)).toEqual(expected);
    // the fixture really has what the test is about
    expect(expected.find((r) => r.rowNumber === 2)!.cells).toEqual([
      1001,
      { at: '2024-06-29 04:06:37' },
      '業種2',
      expect.any(Number),
      false,
      expect.any(String),
      2002,
      '業種2様',
      -0.125,
      expect.any(Number),
    ]);
    expect((expected[1]!.cells[5] as string).length).toBe(LONG_TEXT_LENGTH + 1);
    expect(rows.map((r) => r.rowNumber)).not.toContain(30);
    const longTexts = rows.flatMap((r) => r.cells).filter((v): v is string => typeof v === 'string' && v.length >= LONG_TEXT_LENGTH);
    expect(longTexts.length).toBeGreaterThan(60);
    expect(longTexts.join('')).not.toContain('\uFFFD');
  });

  it.each([
    ['exceljsShared', '表紙'],
    ['exceljsShared', ANSWER_SHEET],
    ['exceljsShared', '集計'],
    ['exceljsInline', '表紙'],
    ['exceljsInline', ANSWER_SHEET],
    ['exceljsInline', '集計'],
  ] as const)('%s sheet %s equals what exceljs workbook.xlsx.load reads (independent oracle)', async (which, sheet) => {
    const oracle = await exceljsOracle(fx[which], sheet);
    expect(oracle.length).toBeGreaterThan(0);
    expect(withDates(await readAll(fx[which], sheet), oracle)).toEqual(oracle);
  });

  it('lists sheets in workbook order and picks one by 0-based index', async () => {
    expect(await listXlsxSheets(fx.exceljsShared)).toEqual(['表紙', ANSWER_SHEET, '集計']);
    expect(await readAll(fx.exceljsShared)).toEqual([
      { rowNumber: 1, cells: ['令和6年度 産業基礎調査'] },
      { rowNumber: 2, cells: ['この表紙は読まない'] },
    ]);
    expect(await readAll(fx.exceljsShared, 2)).toEqual([{ rowNumber: 1, cells: ['件数', 79] }]);
  });

  it('reads the same rows from bytes in memory as from the path', async () => {
    const bytes = new Uint8Array(await readFile(fx.exceljsInline));
    expect(await readAll(bytes, ANSWER_SHEET)).toEqual(await readAll(fx.exceljsInline, ANSWER_SHEET));
  });

  it('reports progress in compressed bytes, rising, ending at the sheet part size', async () => {
    const calls: [number, number][] = [];
    for await (const _ of readXlsxRows(fx.exceljsInline, { sheet: ANSWER_SHEET, onProgress: (d, t) => calls.push([d, t]) })) void _;
    const total = calls.at(-1)![1];
    expect(calls.at(-1)).toEqual([total, total]);
    expect(calls.every(([d, t], i) => t === total && d <= total && (i === 0 || d >= calls[i - 1]![0]))).toBe(true);
  });

  it('stops reading when the caller stops early', async () => {
    for await (const row of readXlsxRows(fx.exceljsInline, { sheet: ANSWER_SHEET })) {
      expect(row.rowNumber).toBe(1);
      break;
    }
  });
});

describe('multi-byte characters split across chunk boundaries', () => {
  it.each([1, 7, 4093, 65536])('feeding the sheet XML in %i-byte pieces gives the same rows as one piece', async (size) => {
    const zip = await JSZip.loadAsync(await readFile(fx.exceljsInline));
    const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('nodebuffer');
    const scan = (pieceSize: number) => {
      const scanner = new SheetRowScanner([], false);
      const decoder = new StringDecoder('utf8');
      const rows: XlsxRow[] = [];
      for (let at = 0; at < sheetXml.length; at += pieceSize) scanner.push(decoder.write(sheetXml.subarray(at, at + pieceSize)), rows);
      scanner.push(decoder.end(), rows);
      scanner.end();
      return rows;
    };
    const whole = scan(sheetXml.length);
    expect(whole).toHaveLength(80);
    expect(JSON.stringify(whole)).toContain('😀');
    expect(scan(size)).toEqual(whole);
  });
});

describe('numbers', () => {
  it('come back exactly as Number() parses their text', () => {
    const texts = [
      '0',
      '-0',
      '3',
      '007',
      '1.',
      '-0.125',
      '0.1',
      '0.3',
      '45472.17126157407',
      '9007199254740991',
      '9007199254740993',
      '12345678901234567890',
      '1.5E-3',
      '-2e+21',
      '1e308',
      '0.000001',
      '5e-324',
      '123.4567890123456789',
    ];
    for (let i = 0; i < 2000; i += 1) texts.push(String(Math.sin(i) * 10 ** ((i % 30) - 10)), (Math.cos(i) * 1000).toFixed(i % 17));
    const xml = `<worksheet><sheetData>${texts.map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${t}</v></c></row>`).join('')}</sheetData></worksheet>`;
    const rows: XlsxRow[] = [];
    const scanner = new SheetRowScanner([], false);
    scanner.push(xml, rows);
    scanner.end();
    expect(rows.map((r) => r.cells[0])).toEqual(texts.map(Number));
    expect(Object.is(rows[1]!.cells[0], -0)).toBe(true);
  });
});

describe('sheet XML shapes', () => {
  const scan = (xml: string) => {
    const rows: XlsxRow[] = [];
    const scanner = new SheetRowScanner(['共有'], false);
    scanner.push(xml, rows);
    scanner.end();
    return rows;
  };

  it('an empty sheet has no rows; comments and a row extLst are skipped', () => {
    expect(scan('<worksheet><sheetData/></worksheet>')).toEqual([]);
    expect(
      scan(
        '<worksheet><sheetData>\n  <!-- メモ -->\n  <row r="2"><c r="B2" t="s"><v>0</v></c><extLst><ext uri="x"><c r="Z9"><v>9</v></c></ext></extLst></row>\n</sheetData><rowBreaks count="0"/></worksheet>',
      ),
    ).toEqual([{ rowNumber: 2, cells: [null, '共有'] }]);
  });

  it('a shared-string index past the table is damage, not an empty cell', () => {
    expect(() => scan('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData></worksheet>')).toThrow(XlsxReadError);
  });
});

describe('cell shapes the scanner reads character by character', () => {
  // Excel's usual <c r="B2"><v>3</v></c> and <c r="C2" t="s"><v>0</v></c>, and the shapes next to them that must not be
  // taken for it: attributes in another order or quoted with ', lower-case references, 16 digits, a prefix.
  const sheet = (p: string) =>
    `<${p}worksheet><${p}sheetData><${p}row r="2" spans="1:9"><${p}c r="A2"><${p}v>3</${p}v></${p}c><${p}c r="B2" t="s"><${p}v>1</${p}v></${p}c>` +
    `<${p}c s="1" r="C2" t="s"><${p}v>0</${p}v></${p}c><${p}c r='D2' t='n'><${p}v>1234567890123456</${p}v></${p}c><${p}c r="e2"><${p}v>5</${p}v></${p}c>` +
    `<${p}c r="F2"/><${p}c r="G2" s="2"><${p}v>7</${p}v> </${p}c><${p}c><${p}v>8.5</${p}v></${p}c><${p}c r="Ab2"><${p}v>9</${p}v></${p}c></${p}row>` +
    `<${p}row><${p}c r="B3"><${p}v>-1</${p}v></${p}c></${p}row></${p}sheetData></${p}worksheet>`;
  const scan = (xml: string, pieceSize: number) => {
    const rows: XlsxRow[] = [];
    const scanner = new SheetRowScanner(['一', '二'], false);
    for (let at = 0; at < xml.length; at += pieceSize) scanner.push(xml.slice(at, at + pieceSize), rows);
    scanner.end();
    return rows;
  };
  const expected = [
    { rowNumber: 2, cells: [3, '二', '一', 1234567890123456, 5, null, 7, 8.5, ...Array<null>(19).fill(null), 9] },
    { rowNumber: 3, cells: [null, -1] },
  ];

  it.each(['', 'x:'])('reads them the same with prefix "%s", whole and cut anywhere', (prefix) => {
    const xml = sheet(prefix);
    expect(scan(xml, xml.length)).toEqual(expected);
    for (const size of [1, 2, 3, 5, 8, 13, 21]) expect([size, scan(xml, size)]).toEqual([size, expected]);
  });
});

describe('hand-written parts: furigana, rich text, inline strings, escapes', () => {
  it('gives the cell text, never the furigana reading, and decodes entities and _xHHHH_ escapes', async () => {
    expect(await readAll(fx.handmade, '回答')).toEqual([
      { rowNumber: 1, cells: ['回答者番号', '世田谷 区 ', `A & B <C> "q" 'a' ① 😀`, '一行目\r\n二行目 _x000D_ 残す', ''] },
      { rowNumber: 2, cells: ['インライン & 文字', 'リッチテキスト', '改行\r\nあり', '#DIV/0!', true, false, '生の\n改行'] },
      // row 4 is an empty formatted row, row 6 has only formatted empty cells: neither is yielded
      { rowNumber: 5, cells: [null, null, 3, ...Array<null>(24).fill(null), -0.0015] },
      // a row and cells without r attributes follow on from the previous ones
      { rowNumber: 7, cells: [10, 11, null, null, 12, 13] },
      // a formula without a cached value is null; an ISO date cell (t="d") becomes the same serial as a number cell
      { rowNumber: 8, cells: [null, expect.closeTo(45472.12958333333, 9), 45472.12958333333] },
    ]);
  });

  it('parses shared strings without the phonetic runs, however the part is cut into chunks', async () => {
    const xml =
      '<sst><si><t>回答者番号</t><rPh sb="0" eb="2"><t>カイトウ</t></rPh><rPh sb="2" eb="5"><t>シャバンゴウ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><r><rPh sb="0" eb="1"><t>ヨミ</t></rPh><t>読</t></r><r><t>み</t></r></si><si/></sst>';
    const bytes = Buffer.from(xml);
    for (const size of [1, 5, 13, bytes.length]) {
      const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      expect(await readSharedStrings(pieces)).toEqual(['回答者番号', '読み', '']);
    }
  });

  it('resolves sheets through the workbook relationships, not the part names; elements may carry a prefix', async () => {
    expect(await readXlsxWorkbookInfo(fx.handmade)).toEqual({ sheets: ['メモ', '回答'], date1904: false });
    expect(await readAll(fx.handmade)).toEqual([{ rowNumber: 1, cells: ['接頭辞つき', 42] }]);
    expect(await readAll(fx.handmade, 1)).toEqual(await readAll(fx.handmade, '回答'));
  });
});

describe('the 1904 date system', () => {
  it('is reported by readXlsxWorkbookInfo, and excelSerialToDate with it gives the typed wall clock', async () => {
    expect(await readXlsxWorkbookInfo(fx.date1904)).toEqual({ sheets: ['日付'], date1904: true });
    const [row] = await readAll(fx.date1904);
    expect(row!.cells).toEqual([expect.closeTo(44010.1295833, 6)]);
    expect(excelSerialToDate(row!.cells[0] as number, true)).toEqual({ year: 2024, month: 6, day: 29, hour: 3, minute: 6, second: 36 });
    expect((await readXlsxWorkbookInfo(fx.exceljsShared)).date1904).toBe(false);
  });

  it('agrees with exceljs, which reads the same cell as a Date', async () => {
    const oracle = await exceljsOracle(fx.date1904, '日付');
    expect(oracle).toEqual([{ rowNumber: 1, cells: [dateAt(fx.date1904Value)] }]);
    expect(withDates(await readAll(fx.date1904), oracle, true)).toEqual(oracle);
  });
});

describe('files that are not readable workbooks', () => {
  const rejects = async (file: string, code: string, sheet?: string) => {
    const error = await readAll(file, sheet).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(XlsxReadError);
    expect((error as XlsxReadError).code).toBe(code);
    expect((error as XlsxReadError).message).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect((error as XlsxReadError).message).toMatch(/ください/);
    return error as XlsxReadError;
  };

  it.each([
    ['a CSV renamed to .xlsx', 'notZip', 'xlsx-not-a-workbook'],
    ['the first half of a workbook', 'truncated', 'xlsx-not-a-workbook'],
    ['an old .xls (or password-protected) file', 'legacyXls', 'xlsx-legacy-or-encrypted'],
    ['a zip without xl/workbook.xml', 'noWorkbook', 'xlsx-not-a-workbook'],
    ['damaged deflate data in the sheet', 'corruptDeflate', 'xlsx-corrupt'],
    ['a sheet whose XML stops mid-row', 'sheetCutShort', 'xlsx-corrupt'],
    ['a sheet that inflates cleanly but fails its CRC-32', 'wrongCrc', 'xlsx-corrupt'],
  ] as const)('%s rejects with a Japanese message saying what to do', async (_, which, code) => {
    await rejects(fx.broken[which], code, '回答');
  });

  it('a missing file and a missing sheet say so, the latter with the sheets there are', async () => {
    await rejects(path.join(dir, 'nothing-here.xlsx'), 'xlsx-file-not-found');
    const error = await rejects(fx.exceljsShared, 'xlsx-sheet-not-found', '回答票');
    expect(error.message).toContain('「表紙」「回答」「集計」');
    await expect(listXlsxSheets(fx.broken.notZip)).rejects.toBeInstanceOf(XlsxReadError);
  });
});
