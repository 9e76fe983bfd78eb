// Worksheet XML → rows, fed chunk by chunk of decoded text. Plain indexOf scanning instead of a SAX parser: the
// sheet part of a 100k×150 wave is ~400 MB of XML and this loop is the reader's whole cost above inflating it.
import { columnAt, isValueAndCellClose, isValueTag, plainCellRef } from './cell-markup.ts';
import { decimalAt, digitsAt } from './decimal-at.ts';
import { decodeXmlText } from './decode-xml-text.ts';
import { isoDateToSerial } from './iso-date-to-serial.ts';
import { nextTag } from './next-tag.ts';
import { ownCopy } from './own-copy.ts';
import { parseRichText } from './parse-rich-text.ts';
import { PendingText } from './pending-text.ts';
import { STYLE_DATE, STYLE_PERCENT } from './read-style-kinds.ts';
import { corruptWorkbook } from './xlsx-read-error.ts';
import { defaultXlsxLimits, megabytes, tooLarge } from './xlsx-limits.ts';
import type { XlsxCellValue, XlsxRow } from './xlsx-row.ts';
import type { SharedStrings } from './shared-string-table.ts';

// Character codes as local constants: imported ones cost ~6 % of reading a 100k wave (read-rows bench, dist/ unbundled).
const APOSTROPHE = 39;
const EOT = -1;
const EQUALS = 61;
const GT = 62;
const LETTER_C = 99;
const LETTER_R = 114;
const LETTER_S = 115;
const LETTER_T = 116;
const LT = 60;
const QUOTE = 34;
const SLASH = 47;

const enum CellType {
  Number,
  Shared,
  FormulaString,
  Boolean,
  Error,
  Inline,
  IsoDate,
}

const INCOMPLETE = -1;
const MAX_PRESIZED = 4096;
const SHEET_DATA_OPEN = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*>/g;

export class SheetRowScanner {
  private readonly pending: PendingText;
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
  private formulaOpen = '<f';
  private previousRow = 0;
  /** Cells of the previous row: a row's array is made that long at once instead of growing cell by cell. */
  private width = 0;
  private refAt = -1;
  private typeAt = -1;
  /** The column of the reference at refAt plus one, when readTag could read it (0: read it with columnAt). */
  private refLetters = 0;
  private styleAt = -1;

  constructor(
    private readonly sharedStrings: SharedStrings,
    private readonly date1904: boolean,
    maxRowChars = defaultXlsxLimits.maxRowChars,
    /** Per cell style (cellXfs index): STYLE_DATE, STYLE_PERCENT or 0 (read-style-kinds.ts); given only by readers that want typed cells. */
    private readonly styleKinds?: Uint8Array,
  ) {
    // A row is a few KB; text this large without its end is a damaged part or a giant cell, not a long row.
    this.pending = new PendingText(maxRowChars, () => tooLarge(`1行が ${megabytes(maxRowChars)} を超えています`));
  }

  /** Feeds the next piece of decoded XML; every row completed by it is appended to `out`. */
  push(chunk: string, out: XlsxRow[]): void {
    let from = 0;
    while (!this.finished) {
      if (!this.pending.holding) return this.scan(chunk, from, out);
      // A held row is completed with just the start of the chunk, and the chunk is scanned where it is: no copy of
      // 64 KB per chunk, and no sliced string (slower to index) under the scanner's loops.
      const end = this.pending.endIn(chunk, from);
      if (end === -1) return;
      const head = this.pending.flush() + chunk.slice(from, end);
      from = end;
      this.scan(head, 0, out);
      if (from === chunk.length) return;
    }
  }

  private scan(xml: string, from: number, out: XlsxRow[]): void {
    let pos = from;
    if (!this.inSheetData) {
      SHEET_DATA_OPEN.lastIndex = pos;
      const open = SHEET_DATA_OPEN.exec(xml);
      if (!open) {
        // Whole tags before <sheetData> are not needed; only an unfinished last one is kept.
        const last = xml.lastIndexOf('<');
        if (last >= pos) this.pending.hold(xml.slice(last), '>');
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
    const { rowOpen } = this;
    for (;;) {
      const start = xml.indexOf('<', pos);
      if (start === -1) {
        pos = xml.length;
        break;
      }
      if (xml.startsWith(rowOpen, start)) {
        const after = xml.charCodeAt(start + rowOpen.length);
        if (after <= 32 || after === GT || after === SLASH) {
          const next = this.parseRow(xml, start, out);
          if (next === INCOMPLETE) {
            // Re-parsed only once its close tag has arrived (its start tag first, when that is cut).
            this.pending.hold(xml.slice(start), xml.indexOf('>', start) === -1 ? '>' : this.rowClose);
            return;
          }
          pos = next;
          continue;
        }
      }
      if (xml.startsWith(this.sheetDataClose, start)) {
        this.finished = true;
        return;
      }
      // Anything else between rows (a comment, a partial tag at the end of the text): skip it whole or wait for more.
      const tagEnd = xml.indexOf('>', start);
      if (tagEnd === -1 || start + this.sheetDataClose.length >= xml.length) {
        this.pending.hold(xml.slice(start), '>');
        return;
      }
      pos = tagEnd + 1;
    }
  }

  /** Called after the last chunk: a sheet that stops inside its rows is damaged. */
  end(): void {
    if (!this.finished) throw corruptWorkbook('ワークシートのデータが途中で終わっています');
  }

  /**
   * Walks the attributes of the start tag whose attributes begin at `from` up to its first '>' (returned; -1 when the
   * text stops first) and notes where the values of r and t begin (-1: absent). Character by character: a builtin
   * indexOf/startsWith call per attribute cost more than the whole walk.
   */
  private readTag(xml: string, from: number): number {
    this.refAt = -1;
    this.typeAt = -1;
    this.styleAt = -1;
    const length = xml.length;
    let i = from;
    // Never indexed past the end (that would make every character code a double): EOT stands for the end of the text.
    let c = i < length ? xml.charCodeAt(i) : EOT;
    for (;;) {
      while (c <= 32 && c !== EOT) c = ++i < length ? xml.charCodeAt(i) : EOT;
      if (c === GT) return i;
      if (c === EOT) return -1;
      const nameStart = i;
      while (c !== EQUALS && c > 32 && c !== GT) c = ++i < length ? xml.charCodeAt(i) : EOT;
      const nameLength = i - nameStart;
      while (c !== QUOTE && c !== APOSTROPHE && c !== GT && c !== EOT) c = ++i < length ? xml.charCodeAt(i) : EOT;
      if (c === GT) return i;
      if (c === EOT) return -1;
      const quote = c;
      const valueAt = i + 1;
      c = ++i < length ? xml.charCodeAt(i) : EOT;
      const isRef = nameLength === 1 && xml.charCodeAt(nameStart) === LETTER_R;
      if (isRef) {
        // The column letters of a reference (AB12) on the way: 0 when there are none or they are not all capitals.
        let letters = 0;
        while (c >= 65 && c <= 90) {
          letters = letters * 26 + c - 64;
          c = ++i < length ? xml.charCodeAt(i) : EOT;
        }
        this.refLetters = c >= 97 && c <= 122 ? 0 : letters;
      }
      while (c !== quote && c !== GT && c !== EOT) c = ++i < length ? xml.charCodeAt(i) : EOT;
      // A '>' inside a value ends the tag there, as the first '>' always does (the value is then ignored).
      if (c === GT) return i;
      if (c === EOT) return -1;
      if (isRef) this.refAt = valueAt;
      else if (nameLength === 1 && xml.charCodeAt(nameStart) === LETTER_T) this.typeAt = valueAt;
      else if (nameLength === 1 && xml.charCodeAt(nameStart) === LETTER_S) this.styleAt = valueAt;
      c = ++i < length ? xml.charCodeAt(i) : EOT;
    }
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
    this.formulaOpen = `<${prefix}f`;
    this.sheetDataClose = `</${prefix}sheetData`;
  }

  /**
   * Parses the row starting at `start`, appends it to `out` when it has a value, and returns where it ends;
   * INCOMPLETE when the text stops inside it (the caller keeps the row's text for the next chunk).
   */
  private parseRow(xml: string, start: number, out: XlsxRow[]): number {
    const { cellOpen, cellClose, rowClose, valueOpen, valueTag, valueClose } = this;
    const openLength = cellOpen.length;
    const plain = this.prefix === '';
    const rowTagEnd = this.readTag(xml, start + this.rowOpen.length);
    if (rowTagEnd === -1) return INCOMPLETE;
    const rowNumber = this.refAt === -1 ? this.previousRow + 1 : digitsAt(xml, this.refAt);
    if (rowNumber <= 0) throw corruptWorkbook(`行番号「${xml.slice(start, rowTagEnd + 1)}」が読めません`);
    if (xml.charCodeAt(rowTagEnd - 1) === SLASH) {
      this.previousRow = rowNumber;
      return rowTagEnd + 1;
    }
    const cells: XlsxCellValue[] = this.width === 0 ? [] : new Array<XlsxCellValue>(this.width).fill(null);
    // Only for readers that want typed cells (styleKinds given): see XlsxRow.
    let dateColumns: number[] | undefined;
    let percentColumns: number[] | undefined;
    let formulaColumns: number[] | undefined;
    let last = -1;
    let col = -1;
    let p = rowTagEnd + 1;
    for (;;) {
      const lt = p < xml.length && xml.charCodeAt(p) === LT ? p : xml.indexOf('<', p);
      if (lt === -1) return INCOMPLETE;
      // EOT at the end of the text: the row is then incomplete either way.
      const after = lt + openLength < xml.length ? xml.charCodeAt(lt + openLength) : EOT;
      const isCell = plain ? after !== EOT && xml.charCodeAt(lt + 1) === LETTER_C : xml.startsWith(cellOpen, lt);
      if (!(isCell && (after <= 32 || after === GT || after === SLASH))) {
        // </row>, or a child other than <c> (extLst comes last): the row ends at its close tag.
        const end = xml.startsWith(rowClose, lt) ? lt : xml.indexOf(rowClose, lt);
        if (end === -1) return INCOMPLETE;
        this.previousRow = rowNumber;
        if (last !== -1) {
          this.width = last < MAX_PRESIZED ? last + 1 : 0;
          cells.length = last + 1;
          const row: XlsxRow = { rowNumber, cells };
          if (dateColumns) row.dateColumns = dateColumns;
          if (percentColumns) row.percentColumns = percentColumns;
          if (formulaColumns) row.formulaColumns = formulaColumns;
          out.push(row);
        }
        return end + rowClose.length;
      }
      // Excel's commonest start tag, <c r="AB12"> (a number cell), read straight through; anything else by readTag.
      const plainRef = plain ? plainCellRef(xml, lt) : -1;
      let tagEnd: number;
      let type: CellType;
      if (plainRef !== -1) {
        col = plainRef >> 8;
        tagEnd = lt + (plainRef & 255);
        type = CellType.Number;
      } else {
        tagEnd = this.readTag(xml, lt + openLength);
        if (tagEnd === -1) return INCOMPLETE;
        const refCol = this.refAt === -1 ? -1 : this.refLetters > 0 ? this.refLetters - 1 : columnAt(xml, this.refAt);
        col = refCol === -1 ? col + 1 : refCol;
        if (xml.charCodeAt(tagEnd - 1) === SLASH) {
          p = tagEnd + 1;
          continue;
        }
        type = this.typeAt === -1 ? CellType.Number : cellType(xml, this.typeAt);
        // A styled number cell (a plain <c r="A1"> has no style): dates and percentages are told apart only when asked.
        if (this.styleKinds !== undefined && type === CellType.Number && this.styleAt !== -1) {
          const kind = this.styleKinds[digitsAt(xml, this.styleAt)];
          if (kind === STYLE_DATE) (dateColumns ??= []).push(col);
          else if (kind === STYLE_PERCENT) (percentColumns ??= []).push(col);
        }
      }
      let valueStart: number;
      let valueEnd: number;
      const hasValue = plain ? tagEnd + 3 < xml.length && isValueTag(xml, tagEnd + 1) : xml.startsWith(valueTag, tagEnd + 1);
      if (type !== CellType.Inline && hasValue) {
        valueStart = tagEnd + 1 + valueTag.length;
        if (type === CellType.Number || type === CellType.Shared) {
          // Up to 15 digits right before </v></c> (codes, counts, shared-string indexes): exact, read without a slice.
          const stop = Math.min(valueStart + 15, xml.length);
          let k = valueStart;
          let n = 0;
          let d = k < stop ? xml.charCodeAt(k) - 48 : -1;
          while (d >= 0 && d <= 9) {
            n = n * 10 + d;
            d = ++k < stop ? xml.charCodeAt(k) - 48 : -1;
          }
          const closed = plain
            ? k + 7 < xml.length && isValueAndCellClose(xml, k)
            : xml.startsWith(valueClose, k) && xml.startsWith(cellClose, k + valueClose.length);
          if (k > valueStart && closed) {
            p = k + valueClose.length + cellClose.length;
            const value = type === CellType.Number ? n : this.sharedStrings.at(n);
            last = store(cells, col, value ?? this.cellValue(xml, valueStart, k, type, rowNumber), last);
            continue;
          }
        }
        valueEnd = xml.indexOf(valueClose, valueStart);
        if (valueEnd === -1) return INCOMPLETE;
        const q = valueEnd + valueClose.length;
        const cellEnd = xml.startsWith(cellClose, q) ? q : xml.indexOf(cellClose, q);
        if (cellEnd === -1) return INCOMPLETE;
        p = cellEnd + cellClose.length;
      } else {
        const cellEnd = xml.indexOf(cellClose, tagEnd);
        if (cellEnd === -1) return INCOMPLETE;
        p = cellEnd + cellClose.length;
        if (type === CellType.Inline) {
          last = store(cells, col, ownCopy(parseRichText(xml, tagEnd + 1, cellEnd, this.prefix)), last);
          continue;
        }
        const content = xml.slice(tagEnd + 1, cellEnd);
        const v = nextTag(content, valueOpen, 0, content.length);
        if (v === -1) {
          // A formula saved without its result (by a tool that does not calculate): empty to the eye of the file.
          if (this.styleKinds !== undefined && nextTag(content, this.formulaOpen, 0, content.length) !== -1) (formulaColumns ??= []).push(col);
          continue;
        }
        const vTagEnd = content.indexOf('>', v);
        const vClose = content.indexOf(valueClose, vTagEnd);
        valueStart = tagEnd + 2 + vTagEnd;
        valueEnd = content.charCodeAt(vTagEnd - 1) === SLASH ? valueStart : tagEnd + 1 + vClose;
        if (valueEnd < valueStart) throw corruptWorkbook(`${rowNumber}行目のセルの値の終わりが見つかりません`);
        // A number formula with an empty result (<v></v>, <v/>) has no result either: not a 0, not an empty cell.
        if (
          this.styleKinds !== undefined &&
          type === CellType.Number &&
          xml.slice(valueStart, valueEnd).trim() === '' &&
          nextTag(content, this.formulaOpen, 0, content.length) !== -1
        ) {
          (formulaColumns ??= []).push(col);
          continue;
        }
      }
      const value = this.cellValue(xml, valueStart, valueEnd, type, rowNumber);
      if (value !== null) last = store(cells, col, value, last);
    }
  }

  private cellValue(xml: string, start: number, end: number, type: CellType, rowNumber: number): XlsxCellValue {
    switch (type) {
      case CellType.Number: {
        const n = decimalAt(xml, start, end);
        if (n === n) return n;
        const raw = xml.slice(start, end);
        const parsed = Number(raw);
        if (parsed === parsed && raw.trim() !== '') return parsed;
        return raw.trim() === '' ? null : ownCopy(decodeXmlText(raw));
      }
      case CellType.Shared: {
        const index = digitsAt(xml, start);
        const text = this.sharedStrings.at(index);
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

function cellType(xml: string, t: number): CellType {
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

function store(cells: XlsxCellValue[], col: number, value: XlsxCellValue, last: number): number {
  while (cells.length < col) cells.push(null);
  cells[col] = value;
  return col > last ? col : last;
}
