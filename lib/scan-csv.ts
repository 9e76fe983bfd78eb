// A CSV scanner over bytes: it finds record and field boundaries (RFC 4180: commas, doubled quotes and line
// breaks inside quoted fields) without decoding anything, so a 1M-record export is counted at about the speed of
// splitting its lines. It works for UTF-8 and CP932 alike: no CP932 trail byte is a comma, quote, CR or LF.
import { textDecoder, type TextEncodingName } from './decode-text.ts';

/** Fields kept per record; a record may have more (its `count` says so), they are skipped. */
export const MAX_CSV_FIELDS = 256;

/** Plain, quoted, or quoted with doubled quotes ("") inside that stand for one quote. */
export const CsvFieldKind = { Plain: 0, Quoted: 1, QuotedEscaped: 2 } as const;

/** One record: reused between callbacks, copy what you keep. */
export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** Byte offset where the record starts. */
  from: number;
  /** The record runs to the end of the bytes with no line break after it (and no more bytes follow). */
  open: boolean;
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
}

export interface CsvScanEnd {
  /** Byte offset where scanning stopped. */
  offset: number;
  /** Line after the last record read. */
  line: number;
  /** Line where a quoted field was opened and never closed (it ran to the end of the file). */
  unterminatedQuoteLine?: number;
  /** The last record, when the file ends inside it (no line break after it, every quote closed): its line and byte offset. */
  openLast?: { line: number; from: number };
}

/**
 * Calls `onRecord` for each record of `bytes` from byte `from` (a line start numbered `firstLine`) until the end
 * or until `onRecord` returns false. A blank line is a record of one empty field. With `fieldsWanted`, fields after
 * that many are not split (the record's `count` stops there) and a line with no quote left in it is skipped whole.
 * With `more` (more bytes follow: a chunk of a stream), a last record that the bytes cut short is not given; the
 * returned offset and line are where it starts, for the caller to scan again with the next chunk.
 */
export function scanCsv(
  bytes: Uint8Array,
  from: number,
  firstLine: number,
  onRecord: (record: CsvRecord) => boolean | void,
  fieldsWanted: number = MAX_CSV_FIELDS,
  more = false,
): CsvScanEnd {
  const n = bytes.length;
  const wanted = Math.min(fieldsWanted, MAX_CSV_FIELDS);
  // The next quote at or after `pos`: a line ending before it has no quoted field left to care about.
  let nextQuote = -1;
  const record: CsvRecord = {
    line: firstLine,
    from,
    open: false,
    count: 0,
    start: new Int32Array(MAX_CSV_FIELDS),
    end: new Int32Array(MAX_CSV_FIELDS),
    kind: new Uint8Array(MAX_CSV_FIELDS),
  };
  const { start, end, kind } = record;
  let pos = from;
  let line = firstLine;
  let unterminatedQuoteLine: number | undefined;
  let openLast: { line: number; from: number } | undefined;
  while (pos < n) {
    record.line = line;
    const recordStart = pos;
    record.from = pos;
    record.open = false;
    let count = 0;
    for (;;) {
      let fieldStart: number;
      let fieldEnd: number;
      let fieldKind: number = CsvFieldKind.Plain;
      if (bytes[pos] === 0x22) {
        pos += 1;
        fieldStart = pos;
        fieldKind = CsvFieldKind.Quoted;
        for (;;) {
          if (pos >= n) {
            unterminatedQuoteLine = record.line;
            fieldEnd = n;
            break;
          }
          const c = bytes[pos];
          if (c === 0x22) {
            if (bytes[pos + 1] === 0x22) {
              fieldKind = CsvFieldKind.QuotedEscaped;
              pos += 2;
              continue;
            }
            fieldEnd = pos;
            pos += 1;
            break;
          }
          if (c === 0x0a) line += 1;
          pos += 1;
        }
        // Anything between the closing quote and the delimiter is not part of the value (lenient, like Excel).
        while (pos < n) {
          const c = bytes[pos];
          if (c === 0x2c || c === 0x0a || c === 0x0d) break;
          pos += 1;
        }
      } else {
        fieldStart = pos;
        while (pos < n) {
          const c = bytes[pos];
          if (c === 0x2c || c === 0x0a || c === 0x0d) break;
          pos += 1;
        }
        fieldEnd = pos;
      }
      if (count < MAX_CSV_FIELDS) {
        start[count] = fieldStart;
        end[count] = fieldEnd;
        kind[count] = fieldKind;
      }
      count += 1;
      if (count === wanted && pos < n && bytes[pos] === 0x2c) {
        if (nextQuote < pos) {
          nextQuote = bytes.indexOf(0x22, pos);
          if (nextQuote === -1) nextQuote = n;
        }
        let lineEnd = pos;
        while (lineEnd < n) {
          const c = bytes[lineEnd];
          if (c === 0x0a || c === 0x0d) break;
          lineEnd += 1;
        }
        if (nextQuote >= lineEnd) pos = lineEnd;
      }
      if (pos < n && bytes[pos] === 0x2c) {
        pos += 1;
        if (pos < n) continue;
        // A trailing comma at the very end of the file still ends with an empty field.
        if (count < MAX_CSV_FIELDS) {
          start[count] = pos;
          end[count] = pos;
          kind[count] = CsvFieldKind.Plain;
        }
        count += 1;
      }
      // Cut short: no line end yet, a quote still open, or a CR whose LF may come with the next chunk.
      if (more && (pos >= n || (pos === n - 1 && bytes[pos] === 0x0d))) {
        return { offset: recordStart, line: record.line };
      }
      if (pos >= n) {
        record.open = true;
        // A quote left open to the end is reported as such (unterminatedQuoteLine), not again as a cut record.
        if (unterminatedQuoteLine === undefined) openLast = { line: record.line, from: recordStart };
      } else {
        if (bytes[pos] === 0x0d) {
          pos += 1;
          if (pos < n && bytes[pos] === 0x0a) pos += 1;
        } else {
          pos += 1;
        }
      }
      line += 1;
      break;
    }
    record.count = Math.min(count, wanted);
    if (onRecord(record) === false) return { offset: pos, line, ...(unterminatedQuoteLine === undefined ? {} : { unterminatedQuoteLine }) };
  }
  return {
    offset: pos,
    line,
    ...(unterminatedQuoteLine === undefined ? {} : { unterminatedQuoteLine }),
    ...(openLast === undefined ? {} : { openLast }),
  };
}

/** Fields in the record starting at byte `from` (all of them, however many a scan kept). */
export function csvFieldCount(bytes: Uint8Array, from: number): number {
  let fields = 0;
  let inQuote = false;
  for (let pos = from; pos < bytes.length; pos += 1) {
    const c = bytes[pos];
    if (c === 0x22) inQuote = !inQuote;
    else if (!inQuote && c === 0x2c) fields += 1;
    else if (!inQuote && (c === 0x0a || c === 0x0d)) break;
  }
  return fields + 1;
}

/** A CSV file cut off part-way through its last record (a download or export that stopped). */
export interface CsvCutShort {
  /** fields: fewer fields than the header; character: the file stops inside a character (lib/cut-character.ts). */
  variant: 'fields' | 'character';
  /** Line where the last record starts. */
  line: number;
  fields: number;
  headerFields: number;
  /** The last line as found, shortened to CUT_SHORT_RAW_CHARS characters. */
  raw: string;
}

export const CUT_SHORT_RAW_CHARS = 120;

/**
 * Whether the record starting at byte `from` of `bytes` is the last one of a file cut off in the middle of it: the
 * file ends in it with no line break, and it has fewer fields than the header (`headerFields`, trailing blank header
 * cells not counted), or the file was found to stop inside a character (`cutInsideCharacter`). A file that only
 * lacks its final line break, its last record whole, is not cut.
 */
export function csvCutShort(
  bytes: Uint8Array,
  from: number,
  line: number,
  headerFields: number,
  encoding: TextEncodingName,
  cutInsideCharacter = false,
): CsvCutShort | undefined {
  const fields = csvFieldCount(bytes, from);
  if (fields >= headerFields && !cutInsideCharacter) return undefined;
  return { variant: fields < headerFields ? 'fields' : 'character', line, fields, headerFields, raw: csvLineText(bytes, from, encoding) };
}

/** The text of the line from byte `from` to the next line break or the end, shortened for a message. */
export function csvLineText(bytes: Uint8Array, from: number, encoding: TextEncodingName): string {
  let end = from;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end += 1;
  // Not fatal: the cut may fall inside a character.
  const text = new TextDecoder(encoding === 'cp932' ? 'shift_jis' : 'utf-8').decode(bytes.subarray(from, Math.min(end, from + CUT_SHORT_RAW_CHARS * 4)));
  const chars = [...text];
  return chars.length > CUT_SHORT_RAW_CHARS ? `${chars.slice(0, CUT_SHORT_RAW_CHARS).join('')}…` : text;
}

/** Header cells up to the last non-blank one: the fields a whole record has at least. */
export function headerFieldCount(cells: readonly unknown[]): number {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] === null || cells[n - 1] === undefined || String(cells[n - 1]).trim() === '')) n -= 1;
  return n;
}

/** The text of field `index` ("" when the record has fewer fields). */
export function csvFieldText(bytes: Uint8Array, record: CsvRecord, index: number, encoding: TextEncodingName): string {
  if (index >= record.count || index >= MAX_CSV_FIELDS) return '';
  return csvSliceText(bytes, record.start[index]!, record.end[index]!, record.kind[index]!, encoding);
}

/** Decodes a field's bytes (as found by scanCsv), undoubling quotes. */
export function csvSliceText(bytes: Uint8Array, start: number, end: number, kind: number, encoding: TextEncodingName): string {
  if (start === end) return '';
  const text = textDecoder(encoding).decode(bytes.subarray(start, end));
  return kind === CsvFieldKind.QuotedEscaped ? text.replaceAll('""', '"') : text;
}

/** Every record as decoded text (for small files: RESAS exports, headers). */
export function readCsvRows(bytes: Uint8Array, from: number, encoding: TextEncodingName): { rows: { line: number; cells: string[] }[]; end: CsvScanEnd } {
  const rows: { line: number; cells: string[] }[] = [];
  const end = scanCsv(bytes, from, 1, (record) => {
    const cells: string[] = [];
    for (let i = 0; i < Math.min(record.count, MAX_CSV_FIELDS); i += 1) cells.push(csvFieldText(bytes, record, i, encoding));
    rows.push({ line: record.line, cells });
  });
  return { rows, end };
}

/** Where a stream scan ended: the line after the last record, and a quote left open to the end of the file. */
export interface CsvStreamEnd {
  line: number;
  unterminatedQuoteLine?: number;
  /** Line of a record longer than maxRecordBytes (no line break, or a quote never closed): the scan stopped there. */
  tooLongRecordLine?: number;
  /** The last record, when the stream ends inside it (no line break after it): its line and bytes. */
  openLast?: { line: number; bytes: Uint8Array };
}

/** A record is a few hundred bytes; one this long is not a CSV record (a binary file, a quote left open). */
export const MAX_CSV_RECORD_BYTES = 64 * 1024 * 1024;

/**
 * scanCsv over a stream of chunks, from byte `from` of the stream (after a BOM): a record cut by a chunk's end is
 * scanned again with the next chunk, so only one chunk and one unfinished record are held at a time. `onRecord`
 * gets the bytes the record's offsets point into (valid until it returns); returning false stops the scan.
 */
export async function scanCsvStream(
  chunks: AsyncIterable<Uint8Array>,
  from: number,
  onRecord: (record: CsvRecord, bytes: Uint8Array) => boolean | void,
  fieldsWanted: number = MAX_CSV_FIELDS,
  maxRecordBytes = MAX_CSV_RECORD_BYTES,
): Promise<CsvStreamEnd> {
  let carry: Uint8Array = new Uint8Array(0);
  let skip = from;
  let line = 1;
  let stopped = false;
  const waiting: Uint8Array[] = [];
  let waitingBytes = 0;
  const scan = (bytes: Uint8Array, more: boolean): CsvScanEnd =>
    scanCsv(
      bytes,
      0,
      line,
      (record) => {
        if (onRecord(record, bytes) === false) {
          stopped = true;
          return false;
        }
        return true;
      },
      fieldsWanted,
      more,
    );
  for await (const chunk of chunks) {
    let piece = chunk;
    if (skip > 0) {
      const dropped = Math.min(skip, piece.length);
      piece = piece.subarray(dropped);
      skip -= dropped;
    }
    if (piece.length === 0) continue;
    // A record ends only at a line break: a chunk without one just lengthens the unfinished record (kept in
    // pieces and joined once, so a long record costs linear time, not a rescan per chunk).
    if (carry.length > 0 && piece.indexOf(0x0a) === -1 && piece.indexOf(0x0d) === -1) {
      waiting.push(piece.slice());
      waitingBytes += piece.length;
      if (carry.length + waitingBytes > maxRecordBytes) return { line, tooLongRecordLine: line };
      continue;
    }
    const bytes = carry.length === 0 ? piece : concat([carry, ...waiting.splice(0), piece]);
    waitingBytes = 0;
    const end = scan(bytes, true);
    if (stopped) return { line: end.line };
    line = end.line;
    // Copied: the chunk is not kept, only the record it cut short.
    carry = bytes.slice(end.offset);
    if (carry.length > maxRecordBytes) return { line, tooLongRecordLine: line };
  }
  if (waiting.length > 0) carry = concat([carry, ...waiting]);
  const end = scan(carry, false);
  return {
    line: end.line,
    ...(end.unterminatedQuoteLine === undefined ? {} : { unterminatedQuoteLine: end.unterminatedQuoteLine }),
    ...(end.openLast === undefined || stopped ? {} : { openLast: { line: end.openLast.line, bytes: carry.slice(end.openLast.from) } }),
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}
