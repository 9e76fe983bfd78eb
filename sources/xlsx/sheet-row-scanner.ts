// Worksheet XML → rows, fed chunk by chunk of decoded text. Plain indexOf scanning instead of a SAX parser: the
// sheet part of a 100k×150 wave is ~400 MB of XML and this loop is the reader's whole cost above inflating it.
import { decodeXmlText } from './decode-xml-text.ts';
import { nextTag, parseRichText } from './parse-rich-text.ts';
import { corruptWorkbook } from './xlsx-read-error.ts';
import type { XlsxCellValue, XlsxRow } from './xlsx-row.ts';

const enum CellType {
  Number,
  Shared,
  FormulaString,
  Boolean,
  Error,
  Inline,
  IsoDate,
}

const SLASH = 47;
const GT = 62;
const QUOTE = 34;
const APOSTROPHE = 39;

export class SheetRowScanner {
  private carry = '';
  private inSheetData = false;
  private finished = false;
  private prefix = '';
  private rowOpen = '<row';
  private rowClose = '</row>';
  private cellOpen = '<c';
  private cellClose = '</c>';
  private valueOpen = '<v';
  private valueTag = '<v>';
  private valueClose = '</v>';
  private sheetDataClose = '</sheetData';
  private previousRow = 0;

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly date1904: boolean,
  ) {}

  /** True once </sheetData> has been seen: the rest of the part holds no rows. */
  get done(): boolean {
    return this.finished;
  }

  /** Feeds the next piece of decoded XML; every row completed by it is appended to `out`. */
  push(chunk: string, out: XlsxRow[]): void {
    if (this.finished) return;
    const xml = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = '';
    let pos = 0;
    if (!this.inSheetData) {
      const open = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*>/.exec(xml);
      if (!open) {
        this.carry = xml;
        return;
      }
      this.usePrefix(open[1] ?? '');
      this.inSheetData = true;
      pos = open.index + open[0].length;
      if (xml.charCodeAt(pos - 2) === SLASH) {
        this.finished = true;
        return;
      }
    }
    const { rowOpen, rowClose } = this;
    for (;;) {
      const start = xml.indexOf(rowOpen, pos);
      if (start === -1) break;
      if (start + rowOpen.length >= xml.length) {
        this.carry = xml.slice(start);
        return;
      }
      const after = xml.charCodeAt(start + rowOpen.length);
      if (after > 32 && after !== GT && after !== SLASH) break;
      const tagEnd = xml.indexOf('>', start);
      if (tagEnd === -1) {
        this.carry = xml.slice(start);
        return;
      }
      const r = attributeValueStart(xml, start + rowOpen.length, tagEnd, 'r=');
      const rowNumber = r === -1 ? this.previousRow + 1 : digitsAt(xml, r);
      if (xml.charCodeAt(tagEnd - 1) === SLASH) {
        this.previousRow = rowNumber;
        pos = tagEnd + 1;
        continue;
      }
      const end = xml.indexOf(rowClose, tagEnd);
      if (end === -1) {
        this.carry = xml.slice(start);
        return;
      }
      if (rowNumber <= 0) throw corruptWorkbook(`行番号「${xml.slice(start, tagEnd + 1)}」が読めません`);
      this.previousRow = rowNumber;
      const cells = this.parseCells(xml, tagEnd + 1, end, rowNumber);
      if (cells !== null) out.push({ rowNumber, cells });
      pos = end + rowClose.length;
    }
    if (xml.indexOf(this.sheetDataClose, pos) !== -1) {
      this.finished = true;
      return;
    }
    this.carry = xml.slice(pos);
  }

  /** Called after the last chunk: a sheet that stops inside its rows is damaged. */
  end(): void {
    if (!this.finished) throw corruptWorkbook('ワークシートのデータが途中で終わっています');
  }

  private usePrefix(prefix: string): void {
    this.prefix = prefix;
    this.rowOpen = `<${prefix}row`;
    this.rowClose = `</${prefix}row>`;
    this.cellOpen = `<${prefix}c`;
    this.cellClose = `</${prefix}c>`;
    this.valueOpen = `<${prefix}v`;
    this.valueTag = `<${prefix}v>`;
    this.valueClose = `</${prefix}v>`;
    this.sheetDataClose = `</${prefix}sheetData`;
  }

  /** The cells of one row's content [start, end); null when none has a value. */
  private parseCells(xml: string, start: number, end: number, rowNumber: number): XlsxCellValue[] | null {
    const { cellOpen, cellClose, valueOpen, valueTag, valueClose } = this;
    const openLength = cellOpen.length;
    const cells: XlsxCellValue[] = [];
    let last = -1;
    let col = -1;
    let p = start;
    for (;;) {
      const c = xml.indexOf(cellOpen, p);
      if (c === -1 || c >= end) break;
      const after = xml.charCodeAt(c + openLength);
      if (after > 32 && after !== GT && after !== SLASH) {
        p = c + openLength;
        continue;
      }
      const tagEnd = xml.indexOf('>', c + openLength);
      const ref = attributeValueStart(xml, c + openLength, tagEnd, 'r=');
      const refCol = ref === -1 ? -1 : columnAt(xml, ref);
      col = refCol === -1 ? col + 1 : refCol;
      if (xml.charCodeAt(tagEnd - 1) === SLASH) {
        p = tagEnd + 1;
        continue;
      }
      const type = cellType(xml, c + openLength, tagEnd);
      let valueStart = -1;
      let valueEnd = -1;
      if (type !== CellType.Inline && xml.startsWith(valueTag, tagEnd + 1)) {
        valueStart = tagEnd + 1 + valueTag.length;
        valueEnd = xml.indexOf(valueClose, valueStart);
        p = valueEnd + valueClose.length;
      } else {
        const cellEnd = xml.indexOf(cellClose, tagEnd);
        if (cellEnd === -1 || cellEnd > end) throw corruptWorkbook(`${rowNumber}行目のセルの終わりが見つかりません`);
        p = cellEnd + cellClose.length;
        if (type === CellType.Inline) {
          const text = parseRichText(xml, tagEnd + 1, cellEnd, this.prefix);
          last = store(cells, col, ownCopy(text), last);
          continue;
        }
        const v = nextTag(xml, valueOpen, tagEnd + 1, cellEnd);
        if (v === -1) continue;
        const vTagEnd = xml.indexOf('>', v);
        if (xml.charCodeAt(vTagEnd - 1) === SLASH) {
          valueStart = valueEnd = vTagEnd + 1;
        } else {
          valueStart = vTagEnd + 1;
          valueEnd = xml.indexOf(valueClose, valueStart);
        }
      }
      if (valueEnd < valueStart) throw corruptWorkbook(`${rowNumber}行目のセルの値の終わりが見つかりません`);
      const value = this.cellValue(xml, valueStart, valueEnd, type, rowNumber);
      if (value !== null) last = store(cells, col, value, last);
    }
    return last === -1 ? null : cells;
  }

  private cellValue(xml: string, start: number, end: number, type: CellType, rowNumber: number): XlsxCellValue {
    switch (type) {
      case CellType.Number: {
        if (start === end) return null;
        if (end - start <= 15) {
          let n = 0;
          let i = start;
          for (; i < end; i += 1) {
            const d = xml.charCodeAt(i) - 48;
            if (d < 0 || d > 9) break;
            n = n * 10 + d;
          }
          if (i === end) return n;
        }
        const raw = xml.slice(start, end);
        const n = Number(raw);
        if (n === n && raw.trim() !== '') return n;
        return raw.trim() === '' ? null : ownCopy(decodeXmlText(raw));
      }
      case CellType.Shared: {
        const index = digitsAt(xml, start);
        const text = this.sharedStrings[index];
        if (text === undefined || start === end) {
          throw corruptWorkbook(`${rowNumber}行目のセルが共有文字列 ${xml.slice(start, end)} 番を指していますが、その文字列がありません`);
        }
        return text;
      }
      case CellType.Boolean: {
        const c = xml.charCodeAt(start);
        return c === 49 || c === 116; // "1" or "true"
      }
      case CellType.IsoDate:
        return isoDateToSerial(xml.slice(start, end), this.date1904);
      default:
        return ownCopy(decodeXmlText(xml.slice(start, end)));
    }
  }
}

/** Index just after the opening quote of attribute `name` (given as 'r=') in [from, to), or -1. */
function attributeValueStart(xml: string, from: number, to: number, name: string): number {
  let i = xml.indexOf(name, from);
  while (i !== -1 && i < to) {
    if (xml.charCodeAt(i - 1) <= 32) {
      const q = xml.charCodeAt(i + name.length);
      if (q === QUOTE || q === APOSTROPHE) return i + name.length + 1;
    }
    i = xml.indexOf(name, i + 1);
  }
  return -1;
}

function cellType(xml: string, from: number, to: number): CellType {
  const t = attributeValueStart(xml, from, to, 't=');
  if (t === -1) return CellType.Number;
  switch (xml.charCodeAt(t)) {
    case 115: // s, str
      return xml.charCodeAt(t + 1) === 116 ? CellType.FormulaString : CellType.Shared;
    case 98: // b
      return CellType.Boolean;
    case 101: // e
      return CellType.Error;
    case 105: // inlineStr
      return CellType.Inline;
    case 100: // d
      return CellType.IsoDate;
    default:
      return CellType.Number;
  }
}

/** 0-based column of a reference such as "AB12" starting at `at`; -1 when there are no letters. */
function columnAt(xml: string, at: number): number {
  let col = 0;
  for (let i = at; ; i += 1) {
    const c = xml.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else return col - 1;
  }
}

function digitsAt(xml: string, at: number): number {
  let n = 0;
  for (let i = at; ; i += 1) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return n;
    n = n * 10 + d;
  }
}

function store(cells: XlsxCellValue[], col: number, value: XlsxCellValue, last: number): number {
  while (cells.length < col) cells.push(null);
  cells[col] = value;
  return col > last ? col : last;
}

// A slice of a chunk keeps the whole chunk alive; a kept string must own its characters.
function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

// Cells of type "d" hold ISO 8601 text; the reader's contract is Excel serials, so convert.
function isoDateToSerial(text: string, date1904: boolean): number | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return ownCopy(text);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const serial = (ms - epoch) / 86_400_000;
  return !date1904 && serial < 61 ? serial - 1 : serial;
}
