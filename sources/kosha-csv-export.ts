// A 公社 CSV export, streamed from the file and never held whole: the encoding judged over the whole file, the header
// found in the first records, then the records scanned as bytes with each column's values interned (each distinct value
// decoded once). Ids in ascending order are not held (kosha-ascending-ids.ts).
import { ByteInterner } from '../lib/byte-interner.ts';
import { detectStreamEncodingOfCut, withoutLastBytes } from '../lib/cut-character.ts';
import { encodingLabelsJa, type TextEncodingName } from '../lib/decode-text.ts';
import { issueOf } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import {
  csvCutShort,
  csvFieldCount,
  csvFieldText,
  CsvFieldKind,
  csvSliceText,
  MAX_CSV_FIELDS,
  MAX_CSV_RECORD_BYTES,
  headerFieldCount,
  scanCsvStream,
  type CsvRecord,
  type CsvStreamEnd,
} from '../lib/scan-csv.ts';
import type { InboxFile } from './inbox-file.ts';
import { AscendingIds, IdsOutOfOrder, readCsvIds } from './kosha-ascending-ids.ts';
import { earlierIdsOf, finishFile, KeyCaches, readRecord, startFile, type ColumnKeys, type FileTally, type TypeTally } from './kosha-file-tally.ts';
import { findHeader, neededColumns, type HeaderMatch } from './kosha-find-header.ts';
import type { KoshaRecordsConfig } from './kosha-records-config.ts';

class CsvColumn implements ColumnKeys {
  readonly interner: ByteInterner;
  /** Keys whose first appearance was quoted with doubled quotes inside (rare). */
  private escaped = new Set<number>();
  private texts: (string | undefined)[] = [];

  get size(): number {
    return this.interner.size;
  }

  constructor(
    private readonly encoding: TextEncodingName,
    expected: number,
    ascendingFastPath = false,
  ) {
    this.interner = new ByteInterner(expected, { ascendingFastPath });
  }

  /** The key of field `index` of a record whose offsets point into `bytes`. */
  key(bytes: Uint8Array, record: CsvRecord, index: number): number {
    if (index >= record.count) return this.interner.intern(bytes, 0, 0);
    const kind = record.kind[index]!;
    const key = this.interner.intern(bytes, record.start[index]!, record.end[index]!);
    if (kind === CsvFieldKind.QuotedEscaped) this.escaped.add(key);
    return key;
  }

  text(key: number): string {
    let text = this.texts[key];
    if (text === undefined) {
      const value = this.interner.bytesOf(key);
      text = csvSliceText(value, 0, value.length, this.escaped.has(key) ? CsvFieldKind.QuotedEscaped : CsvFieldKind.Plain, this.encoding);
      this.texts[key] = text;
    }
    return text;
  }

  raw(key: number): unknown {
    return this.text(key);
  }

  isBlank(key: number): boolean {
    const value = this.interner.bytesOf(key);
    if (value.length === 0) return true;
    // Any byte other than a space, a tab or the lead of a full-width space means there is text.
    const first = value[0]!;
    if (first !== 0x20 && first !== 0x09 && first !== 0xe3 && first !== 0x81) return false;
    return this.text(key).trim() === '';
  }
}

export async function tallyCsv(whole: InboxFile, config: KoshaRecordsConfig, tallies: Map<string, TypeTally>, issues: Issue[]): Promise<void> {
  const fileName = whole.name;
  // Streamed, never held whole: an export of several GB is read in chunks (one pass for the encoding, one or two more).
  // An export cut inside a character reads without its last bytes, and is then reported as cut off.
  const without = (dropLast: number) => (dropLast === 0 ? whole.readChunks() : withoutLastBytes(whole.readChunks(), whole.size, dropLast));
  const { detected, dropLast } = await detectStreamEncodingOfCut(without, config.encodings);
  const input: InboxFile = dropLast === 0 ? whole : Object.assign(Object.create(whole) as InboxFile, { readChunks: () => without(dropLast) });
  if (!detected.ok) {
    issues.push(
      detected.code === 'text-undecodable'
        ? issueOf('kosha-text-undecodable', { line: detected.line }, { file: fileName, ...(detected.line ? { row: detected.line } : {}) })
        : issueOf(
            'kosha-text-encoding-not-accepted',
            { found: encodingLabelsJa[detected.found], accepted: config.encodings.map((e) => encodingLabelsJa[e]).join('・') },
            { file: fileName },
          ),
    );
    return;
  }
  const { encoding, bomLength } = detected;
  const tooLong = (line: number) =>
    issues.push(issueOf('kosha-record-too-long', { line, megabytes: MAX_CSV_RECORD_BYTES / 2 ** 20 }, { file: fileName, row: line }));
  const head: string[][] = [];
  const headEnd = await scanCsvStream(input.readChunks(), bomLength, (record, bytes) => {
    const cells: string[] = [];
    for (let i = 0; i < Math.min(record.count, MAX_CSV_FIELDS); i += 1) cells.push(csvFieldText(bytes, record, i, encoding));
    head.push(cells);
    return head.length < config.headerSearchRows;
  });
  if (headEnd.tooLongRecordLine !== undefined) {
    tooLong(headEnd.tooLongRecordLine);
    return;
  }
  const match = findHeader(head, tallies, fileName, (row) => ({ file: fileName, ...(row ? { row } : {}) }), issues);
  if (!match) return;

  const idIndex = match.columns.get('id')!;
  const needed = neededColumns(match).filter((c) => c !== idIndex);
  const earlier = await earlierIdsOf(match);
  const mark = issues.length;
  let end: CsvStreamEnd | undefined;
  let ft: FileTally | undefined;
  try {
    ({ end, ft } = await tallyCsvRecords(
      input,
      match,
      head[match.row]!,
      encoding,
      bomLength,
      idIndex,
      needed,
      earlier,
      issues,
      new AscendingIds(encoding),
      dropLast > 0,
    ));
  } catch (e) {
    if (!(e instanceof IdsOutOfOrder)) throw e;
    // Read again keeping every id: what the first pass reported is dropped with it.
    issues.length = mark;
    // The id column grows as ids come (sized from the file, it took 134 MB before the first record of a 1.3 GB export).
    const ids = new CsvColumn(encoding, 1 << 16, true);
    ({ end, ft } = await tallyCsvRecords(input, match, head[match.row]!, encoding, bomLength, idIndex, needed, earlier, issues, ids, dropLast > 0));
  }
  if (!ft || !end) return;
  if (end.tooLongRecordLine !== undefined) {
    // Nothing of the file is kept: the records before the long one may be a fragment.
    tooLong(end.tooLongRecordLine);
    return;
  }
  if (end.unterminatedQuoteLine !== undefined) {
    issues.push(issueOf('kosha-unterminated-quote', { line: end.unterminatedQuoteLine }, { file: fileName, row: end.unterminatedQuoteLine }));
  }
  // The last record cut off part-way (the export stopped): not counted (tallyCsvRecords), and the file's years withheld.
  const cut = end.openLast ? csvCutShort(end.openLast.bytes, 0, end.openLast.line, headerFieldCount(head[match.row]!), encoding, dropLast > 0) : undefined;
  if (cut) {
    issues.push(issueOf('kosha-file-cut-short', { ...cut }, { file: fileName, row: cut.line }, cut.raw));
    ft.cutShortLine = cut.line;
  }
  const idsAgain =
    ft.ids instanceof AscendingIds ? (onId: (id: string) => void) => readCsvIds(input, encoding, bomLength, match.row, idIndex, onId) : undefined;
  finishFile(ft, input.sha256, idsAgain);
}

/** One pass over the records after the header; the id column is `ids` (AscendingIds throws IdsOutOfOrder). */
async function tallyCsvRecords(
  input: InboxFile,
  match: HeaderMatch,
  headerCells: readonly string[],
  encoding: TextEncodingName,
  bomLength: number,
  idIndex: number,
  needed: number[],
  earlier: Map<string, string> | undefined,
  issues: Issue[],
  idColumn: AscendingIds | CsvColumn,
  cutInsideCharacter: boolean,
): Promise<{ end?: CsvStreamEnd; ft?: FileTally }> {
  const columns: ColumnKeys[] = [];
  const valueColumns: CsvColumn[] = [];
  columns[idIndex] = idColumn;
  for (const index of needed) columns[index] = valueColumns[index] = new CsvColumn(encoding, 1024);
  const idCount = () => idColumn.size;
  const ft = startFile(match, input.name, undefined, issues, idColumn, idCount, columns, earlier, headerCells);
  if (!ft) return {};
  const headerFields = headerFieldCount(headerCells);
  let currentBytes: Uint8Array = new Uint8Array(0);
  let currentRecord: CsvRecord | undefined;
  ft.rowCells = () => {
    const cells: string[] = [];
    for (let i = 0; currentRecord && i < currentRecord.count; i += 1) cells.push(csvFieldText(currentBytes, currentRecord, i, encoding));
    return cells;
  };
  const caches = new KeyCaches();
  const keys = new Int32Array(Math.max(...needed, idIndex) + 1);
  const neededList = Int32Array.from(needed);

  // The data start right after the header record (a title row may span lines, so count records, not lines).
  let records = 0;
  const end = await scanCsvStream(
    input.readChunks(),
    bomLength,
    (record, bytes) => {
      if (records <= match.row) {
        records += 1;
        return;
      }
      if (record.count === 1 && record.start[0] === record.end[0]) return; // blank line
      // The last record of a file cut off part-way is not a record (reported by tallyCsv as kosha-file-cut-short).
      if (record.open && (cutInsideCharacter || csvFieldCount(bytes, record.from) < headerFields)) return;
      currentBytes = bytes;
      currentRecord = record;
      const before = idColumn.size;
      const idKey = idColumn.key(bytes, record, idIndex);
      for (let i = 0; i < neededList.length; i += 1) {
        const index = neededList[i]!;
        keys[index] = valueColumns[index]!.key(bytes, record, index);
      }
      readRecord(ft, caches, record.line, idKey, idKey === before, keys);
    },
    keys.length,
  );
  return { end, ft };
}
