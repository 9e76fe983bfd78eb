// Reads the 産業振興公社 record exports (.csv in UTF-8 or CP932, or .xlsx) into typed records, column by column:
// the kept records grouped by their date (a day number) and the key of their value in every column a measure filters
// on or sums (each distinct value decoded and parsed once; sources/kosha-record-groups.ts), each group with its size
// and its first and last line. A record id seen twice is kept once and reported;
// dates may be 和暦 or Western text, Excel dates or bare serials; a date outside the export's stated period drops
// the record. Counting per fiscal year is transforms/count-kosha-records.ts. CSV files are scanned as bytes, so
// 1M records take about as long as splitting their lines (docs/benchmarks.md).
import path from 'node:path';
import type { RecordExport } from '../lib/contract-facts.ts';
import { openXlsxCells, type XlsxCell, type XlsxCellRow, type XlsxCellWorkbook } from './xlsx/open-xlsx-cells.ts';
import { workbookOpenIssue } from './xlsx/workbook-open-issue.ts';
import { xlsxCellText } from './xlsx/xlsx-cell-text.ts';
import type { XlsxLimits } from './xlsx/xlsx-limits.ts';
import type { Catalog } from '../config/load-catalog.ts';
import type { Measure } from '../config/catalog-schema.ts';
import { ByteInterner } from '../lib/byte-interner.ts';
import { detectStreamEncoding, encodingLabelsJa, type TextEncodingName } from '../lib/decode-text.ts';
import { issueOf, type IssueParams } from '../lib/issue-catalog.ts';
import type { Issue, IssueLocation } from '../lib/issues.ts';
import type { ContractFacts } from '../lib/contract-facts.ts';
import { parseLooseNumber } from '../lib/parse-number.ts';
import { parseRecordDate } from '../lib/parse-record-date.ts';
import {
  csvFieldText,
  CsvFieldKind,
  csvSliceText,
  MAX_CSV_FIELDS,
  MAX_CSV_RECORD_BYTES,
  scanCsvStream,
  type CsvRecord,
  type CsvStreamEnd,
} from '../lib/scan-csv.ts';
import { AscendingIds, IdsOutOfOrder, readCsvIds } from './kosha-ascending-ids.ts';
import { KoshaRecordGroupBuilder } from './kosha-record-groups.ts';
import type { KoshaRecordsConfig, KoshaRecordType } from './kosha-records-config.ts';
import type { InboxFile } from './inbox-file.ts';

/** Detailed issues of one kind per file; the rest are summed up in one more issue. */
const ISSUES_PER_KIND = 20;
const DAY_MS = 86_400_000;
// Dates from 1901 to 2298 (the fiscal years the counting can hold); others are read as unreadable.
const FIRST_YEAR = 1901;
const LAST_YEAR = 2298;

/** The records of one kind in one export file, grouped, column by column: group g is index g of every array. */
export interface KoshaRecordFile {
  file: string;
  sha256: string;
  sheet?: string;
  /** The kind of record (kosha.yaml recordTypes key). */
  recordType: string;
  /** Inclusive day numbers (days since 1970-01-01) of the extraction period the export states, or null. */
  period: [number, number] | null;
  /** Line (CSV) or row (.xlsx) of each group's first and last record. */
  firstLines: Int32Array;
  lastLines: Int32Array;
  /** Records in each group (1 for a record whose count cell is not a count). */
  sizes: Int32Array;
  /** Day number of each group's date; NaN when it cannot be read (kept: a measure's undated records withhold years). */
  days: Float64Array;
  /** Every column a measure filters on or sums, by its kosha.yaml key (columns.<key>, counts.<key>). */
  columns: Map<string, KoshaColumn>;
}

/** One column: each group's value key, and per key the text as exported (and for a count column its number). */
export interface KoshaColumn {
  header: string;
  keys: Int32Array;
  texts: string[];
  /** Count columns: the whole number ≥ 0 a key holds (empty = 0), NaN when it is not one. */
  numbers?: Float64Array;
}

export interface KoshaRecords {
  files: KoshaRecordFile[];
  issues: Issue[];
  facts: ContractFacts;
}

/** What the measures bound to a kind of record read from its files. */
interface Usage {
  measureIds: string[];
  /** Filter columns in order of first use, and count columns. */
  filterColumns: string[];
  countColumns: string[];
}

interface TypeTally {
  key: string;
  type: KoshaRecordType;
  usage: Usage;
  files: KoshaRecordFile[];
  /** Ids of the files read so far, for the files after them (built into `seenIds` only when a later file comes). */
  idsByFile: { file: string; eachId: (onId: (id: string) => void) => Promise<void> }[];
  seenIds?: Map<string, string>;
  /** What each file of this kind holds, for the data contracts (period covered, categories). */
  exports: RecordExport[];
}

/** A column of one file: equal cell values share a key; the text of a key is decoded once. */
interface ColumnKeys {
  /** Number of distinct values (keys 0 … size − 1). */
  readonly size: number;
  text(key: number): string;
  raw(key: number): unknown;
  /** Empty or only spaces, without decoding where the bytes already tell. */
  isBlank(key: number): boolean;
}

export async function readKoshaRecords(files: readonly InboxFile[], catalog: Catalog, config: KoshaRecordsConfig, limits?: XlsxLimits): Promise<KoshaRecords> {
  const issues: Issue[] = [];
  const tallies = new Map<string, TypeTally>();
  for (const [key, type] of Object.entries(config.recordTypes)) {
    tallies.set(key, { key, type, usage: { measureIds: [], filterColumns: [], countColumns: [] }, files: [], idsByFile: [], exports: [] });
  }
  for (const measure of catalog.measures.values()) {
    if (measure.source.kind !== 'kosha') continue;
    const tally = tallies.get(measure.source.recordType);
    // Unknown record types and columns are config errors found before any input is read (koshaAdapter.checkConfig).
    if (!tally) continue;
    const { usage } = tally;
    usage.measureIds.push(measure.id);
    for (const column of Object.keys(measure.source.filter ?? {})) if (!usage.filterColumns.includes(column)) usage.filterColumns.push(column);
    const count = measure.source.countColumn;
    if (count && !usage.countColumns.includes(count)) usage.countColumns.push(count);
  }

  for (const input of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const ext = path.extname(input.name).toLowerCase();
    if (ext === '.csv') await tallyCsv(input, config, tallies, issues);
    else await tallyXlsx(input, config, tallies, issues, limits);
  }
  const all = [...tallies.values()];
  return { files: all.flatMap((t) => t.files), issues, facts: { recordExports: all.flatMap((t) => t.exports) } };
}

// ---------- locating the header and the record type ----------

interface HeaderMatch {
  tally: TypeTally;
  /** 0-based row index of the header among the rows searched. */
  row: number;
  /** Column index (0-based) by header key: id, date, columns.*, counts.* */
  columns: Map<string, number>;
  /** Text of the rows above the header (title rows), for the period. */
  titleText: string[];
}

function findHeader(
  rows: readonly string[][],
  tallies: Map<string, TypeTally>,
  fileName: string,
  at: (row?: number, column?: string) => IssueLocation,
  issues: Issue[],
): HeaderMatch | undefined {
  for (let r = 0; r < rows.length; r += 1) {
    const cells = rows[r]!.map(normalizeText);
    const candidates: { tally: TypeTally; score: number }[] = [];
    for (const tally of tallies.values()) {
      const { type } = tally;
      if (!cells.includes(normalizeText(type.id)) || !cells.includes(normalizeText(type.date))) continue;
      const all = [...Object.values(type.columns), ...Object.values(type.counts)];
      candidates.push({ tally, score: all.filter((h) => cells.includes(normalizeText(h))).length });
    }
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => b.score - a.score);
    if (candidates.length > 1 && candidates[0]!.score === candidates[1]!.score) {
      issues.push(
        issueOf(
          'kosha-ambiguous-record-type',
          {
            types: candidates
              .filter((c) => c.score === candidates[0]!.score)
              .map((c) => c.tally.type.labelJa)
              .join('・'),
          },
          at(r + 1),
        ),
      );
      return undefined;
    }
    const { tally } = candidates[0]!;
    const columns = new Map<string, number>();
    const place = (key: string, header: string) => {
      const index = cells.indexOf(normalizeText(header));
      if (index >= 0) columns.set(key, index);
    };
    place('id', tally.type.id);
    place('date', tally.type.date);
    for (const [key, header] of Object.entries(tally.type.columns)) place(`columns.${key}`, header);
    for (const [key, header] of Object.entries(tally.type.counts)) place(`counts.${key}`, header);
    return {
      tally,
      row: r,
      columns,
      titleText: rows
        .slice(0, r)
        .flat()
        .filter((t) => t.trim() !== ''),
    };
  }
  const expected = [...tallies.values()].map((t) => `${t.type.labelJa}（${t.type.id}・${t.type.date}）`).join('、');
  issues.push(issueOf('kosha-header-not-found', { variant: 'text', rows: rows.length, expected }, { file: fileName }));
  return undefined;
}

/** Column keys the measures read: every filter column, then every count column. */
function usedKeys(match: HeaderMatch): string[] {
  const { usage } = match.tally;
  return [...usage.filterColumns.map((c) => `columns.${c}`), ...usage.countColumns.map((c) => `counts.${c}`)];
}

/** Column indexes read: the date and every filter and count column in use. */
function neededColumns(match: HeaderMatch): number[] {
  const keys = ['date', ...usedKeys(match)];
  return [...new Set(keys.map((k) => match.columns.get(k)).filter((i): i is number => i !== undefined))];
}

/** Columns a measure needs that the file lacks: the file can't be counted for it. */
function missingColumns(match: HeaderMatch): string[] {
  const { type } = match.tally;
  return usedKeys(match)
    .filter((k) => !match.columns.has(k))
    .map((k) => (k.startsWith('columns.') ? type.columns[k.slice(8)] : type.counts[k.slice(7)]) ?? k);
}

/** The export's date range from a title row such as 抽出期間：2024/4/1～2025/3/31 (era dates too). */
function readPeriod(match: HeaderMatch): { period: [number, number] | null; raw?: string } {
  const label = match.tally.type.period;
  if (!label) return { period: null };
  const texts = match.titleText.map((t) => t.normalize('NFKC'));
  const at = texts.findIndex((t) => t.includes(label.normalize('NFKC')));
  if (at < 0) return { period: null };
  let rest = texts[at]!.slice(texts[at]!.indexOf(label.normalize('NFKC')) + label.normalize('NFKC').length).replace(/^[\s:：]+/, '');
  if (rest === '') rest = texts[at + 1] ?? '';
  const parts = rest.split(/\s*(?:～|〜|~|―|から|－)\s*/).filter((p) => p !== '');
  const start = parts[0] ? parseRecordDate(parts[0]) : null;
  const end = parts[1] ? parseRecordDate(parts[1].replace(/まで$/, '')) : null;
  if (!start || !end) return { period: null, raw: texts[at] };
  return { period: [dayNumber(start.year, start.month, start.day), dayNumber(end.year, end.month, end.day)] };
}

// ---------- one file ----------

interface FileTally {
  match: HeaderMatch;
  fileName: string;
  sheet?: string;
  issues: Issue[];
  period: [number, number] | null;
  idColumn: number;
  dateColumn: number;
  issueCounts: Map<RepeatedCode, number>;
  /** Ids of earlier files of this kind (id → file), when there are any. */
  earlierIds?: Map<string, string>;
  /** Ids of this file, to hand on to later files of this kind. */
  ids: ColumnKeys;
  idCount: () => number;
  /** Column readers by column index. */
  columns: ColumnKeys[];
  /** The filter and count columns kept per record: config key and column index (the groups' columns, in this order). */
  kept: { key: string; column: number }[];
  /** Indexes of the count columns, and per column the count each value key holds (NaN: not a count), filled as keys come. */
  countColumns: { column: number; counts: number[] }[];
  groups: KoshaRecordGroupBuilder;
  /** Months (year × 12 + month − 1) with a dated record. */
  months: Set<number>;
  /** Filter columns (config key, column index) and, per value key, its first line and count. */
  categories: { key: string; column: number; seen: Map<number, { line: number; count: number }> }[];
}

function startFile(
  match: HeaderMatch,
  fileName: string,
  sheet: string | undefined,
  issues: Issue[],
  ids: ColumnKeys,
  idCount: () => number,
  columns: ColumnKeys[],
  earlier: Map<string, string> | undefined,
): FileTally | undefined {
  const at = { file: fileName, ...(sheet ? { sheet } : {}) };
  const missing = missingColumns(match);
  if (missing.length > 0) {
    issues.push(issueOf('kosha-missing-column', { type: match.tally.type.labelJa, columns: missing.join('」「') }, { ...at, row: match.row + 1 }));
    return undefined;
  }
  const { period, raw } = readPeriod(match);
  if (match.tally.type.period && !period) {
    issues.push(issueOf('kosha-period-missing', { label: match.tally.type.period }, { ...at }, raw));
  }
  const col = (key: string) => match.columns.get(key)!;
  const kept = usedKeys(match).map((key) => ({ key, column: col(key) }));
  return {
    match,
    fileName,
    ...(sheet ? { sheet } : {}),
    issues,
    period,
    idColumn: col('id'),
    dateColumn: col('date'),
    issueCounts: new Map(),
    ...(earlier ? { earlierIds: earlier } : {}),
    ids,
    idCount,
    columns,
    kept,
    countColumns: kept.filter((k) => k.key.startsWith('counts.')).map((k) => ({ column: k.column, counts: [] })),
    groups: new KoshaRecordGroupBuilder(kept.map((k) => k.column)),
    months: new Set(),
    categories: match.tally.usage.filterColumns.map((key) => ({ key, column: col(`columns.${key}`), seen: new Map() })),
  };
}

/** Codes a file may have many of: only the first ISSUES_PER_KIND are listed, the rest counted in one `more` line. */
type RepeatedCode = 'kosha-duplicate-id' | 'kosha-missing-id' | 'kosha-bad-date' | 'kosha-date-outside-period';

function report<C extends RepeatedCode>(ft: FileTally, code: C, params: IssueParams<C>, location: IssueLocation, raw?: unknown): void {
  const n = (ft.issueCounts.get(code) ?? 0) + 1;
  ft.issueCounts.set(code, n);
  if (n <= ISSUES_PER_KIND) ft.issues.push(issueOf(code, params, location, raw));
}

/** `eachId`: how a later file of this kind gets this file's ids (by default from the id column, which held them all). */
function finishFile(ft: FileTally, sha256: string, eachId?: (onId: (id: string) => void) => Promise<void>): void {
  for (const [code, n] of ft.issueCounts) {
    if (n > ISSUES_PER_KIND) {
      ft.issues.push(
        issueOf(
          code,
          { variant: 'more', code, more: n - ISSUES_PER_KIND, shown: ISSUES_PER_KIND },
          {
            file: ft.fileName,
            ...(ft.sheet ? { sheet: ft.sheet } : {}),
          },
          undefined,
          'info',
        ),
      );
    }
  }
  const tally = ft.match.tally;
  const groups = ft.groups.finish();
  const columns = new Map<string, KoshaColumn>();
  ft.kept.forEach(({ key, column }, i) => {
    const reader = ft.columns[column]!;
    const texts = Array.from({ length: reader.size }, (_, k) => reader.text(k));
    const numbers = key.startsWith('counts.') ? Float64Array.from(texts, (_, k) => countValue(reader.raw(k))) : undefined;
    columns.set(key, { header: headerOf(ft, column), keys: groups.keys[i]!, texts, ...(numbers ? { numbers } : {}) });
  });
  tally.files.push({
    file: ft.fileName,
    sha256,
    ...(ft.sheet ? { sheet: ft.sheet } : {}),
    recordType: tally.key,
    period: ft.period,
    firstLines: groups.firstLines,
    lastLines: groups.lastLines,
    sizes: groups.sizes,
    days: groups.days,
    columns,
  });
  tally.exports.push({
    file: ft.fileName,
    ...(ft.sheet ? { sheet: ft.sheet } : {}),
    recordType: tally.key,
    labelJa: tally.type.labelJa,
    measureIds: tally.usage.measureIds,
    ...(ft.period ? { period: { from: isoDay(ft.period[0]), to: isoDay(ft.period[1]) } } : {}),
    months: [...ft.months].sort((a, b) => a - b).map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`),
    categories: ft.categories.map((c) => ({
      column: c.key,
      header: headerOf(ft, c.column),
      letter: headerOf(ft, c.column),
      values: [...c.seen].map(([key, v]) => ({ value: ft.columns[c.column]!.text(key), row: v.line, count: v.count })),
    })),
  });
  // Later files of this kind check their ids against this one's (decoded only if such a file comes).
  const { ids } = ft;
  const count = ft.idCount();
  const fromColumn = async (onId: (id: string) => void) => {
    for (let key = 0; key < count; key += 1) onId(ids.text(key));
  };
  tally.idsByFile.push({ file: ft.fileName, eachId: eachId ?? fromColumn });
}

/** Ids of the earlier files of the match's kind (id → file), when there are any. */
async function earlierIdsOf(match: HeaderMatch): Promise<Map<string, string> | undefined> {
  const tally = match.tally;
  if (tally.idsByFile.length === 0) return undefined;
  const seen = (tally.seenIds ??= new Map());
  for (const { file, eachId } of tally.idsByFile.splice(0)) {
    await eachId((text) => {
      const id = normalizeText(text);
      if (id !== '' && !seen.has(id)) seen.set(id, file);
    });
  }
  return seen;
}

/** Per date key of one file: its day number (NaN when unreadable) and month. */
class KeyCaches {
  day: number[] = [];
  month: number[] = [];
}

const DATE_BAD = Number.NaN;

/**
 * One record, given each needed column's key in `keys` (by column index): dedupe by id, read its date, check
 * it against the stated period, and keep it (an undated record too, as UNDATED).
 */
function readRecord(ft: FileTally, caches: KeyCaches, line: number, idKey: number, idIsNew: boolean, keys: Int32Array): void {
  const type = ft.match.tally.type;
  const ids = ft.columns[ft.idColumn]!;
  if (!idIsNew) {
    if (!ids.isBlank(idKey)) {
      // Located by file, row and column: a record's id never leaves the archive (docs/operations.md).
      report(ft, 'kosha-duplicate-id', { variant: 'sameFile', idColumn: type.id }, locationOf(ft, line, ft.idColumn));
      return;
    }
  }
  if (ids.isBlank(idKey)) {
    report(ft, 'kosha-missing-id', { variant: 'empty', idColumn: type.id }, locationOf(ft, line, ft.idColumn));
  } else if (ft.earlierIds !== undefined) {
    const idText = ids.text(idKey);
    const earlier = ft.earlierIds.get(normalizeText(idText));
    if (earlier !== undefined) {
      report(ft, 'kosha-duplicate-id', { variant: 'earlierFile', idColumn: type.id, earlier }, locationOf(ft, line, ft.idColumn));
      return;
    }
  }

  const dateKey = keys[ft.dateColumn]!;
  let day = caches.day[dateKey];
  if (day === undefined) {
    const parsed = parseRecordDate(ft.columns[ft.dateColumn]!.raw(dateKey));
    day = parsed && parsed.year >= FIRST_YEAR && parsed.year <= LAST_YEAR ? dayNumber(parsed.year, parsed.month, parsed.day) : DATE_BAD;
    caches.day[dateKey] = day;
  }
  const undated = Number.isNaN(day);
  const outside = !undated && ft.period !== null && (day < ft.period[0] || day > ft.period[1]);
  if (undated || outside) {
    reportBadDate(ft, line, dateKey, outside);
    if (outside) return;
  } else {
    let month = caches.month[dateKey];
    if (month === undefined) {
      const date = new Date(day * DAY_MS);
      month = date.getUTCFullYear() * 12 + date.getUTCMonth();
      caches.month[dateKey] = month;
      ft.months.add(month);
    }
    for (const c of ft.categories) {
      const key = keys[c.column]!;
      const seen = c.seen.get(key);
      if (seen) seen.count += 1;
      else c.seen.set(key, { line, count: 1 });
    }
  }
  ft.groups.add(line, day, keys, hasUnreadableCount(ft, keys));
}

/** A count cell that is not a whole number ≥ 0: its record stays out of the groups, to be reported by its line. */
function hasUnreadableCount(ft: FileTally, keys: Int32Array): boolean {
  for (const { column, counts } of ft.countColumns) {
    const key = keys[column]!;
    let count = counts[key];
    if (count === undefined) {
      count = countValue(ft.columns[column]!.raw(key));
      counts[key] = count;
    }
    if (Number.isNaN(count)) return true;
  }
  return false;
}

function locationOf(ft: FileTally, line: number, column?: number): IssueLocation {
  return { file: ft.fileName, ...(ft.sheet ? { sheet: ft.sheet } : {}), row: line, ...(column === undefined ? {} : { column: headerOf(ft, column) }) };
}

function reportBadDate(ft: FileTally, line: number, dateKey: number, outside: boolean): void {
  const type = ft.match.tally.type;
  const raw = ft.columns[ft.dateColumn]!.text(dateKey);
  const location = locationOf(ft, line, ft.dateColumn);
  if (outside)
    report(
      ft,
      'kosha-date-outside-period',
      { variant: 'outside', dateColumn: type.date, raw, from: dayText(ft.period![0]), to: dayText(ft.period![1]) },
      location,
      raw,
    );
  else
    report(
      ft,
      'kosha-bad-date',
      raw.trim() === '' ? { variant: 'empty', dateColumn: type.date } : { variant: 'unreadable', dateColumn: type.date, raw },
      location,
      raw,
    );
}

// Counts (attendees, placements) are whole numbers, so plain sums are exact.
function countValue(raw: unknown): number {
  const value = typeof raw === 'number' ? raw : raw === null || raw === undefined ? 0 : String(raw).trim() === '' ? 0 : parseLooseNumber(String(raw));
  return value !== null && Number.isInteger(value) && value >= 0 ? value : Number.NaN;
}

function headerOf(ft: FileTally, column: number): string {
  for (const [key, index] of ft.match.columns) {
    if (index !== column) continue;
    const type = ft.match.tally.type;
    if (key === 'id') return type.id;
    if (key === 'date') return type.date;
    if (key.startsWith('columns.')) return type.columns[key.slice(8)]!;
    if (key.startsWith('counts.')) return type.counts[key.slice(7)]!;
  }
  return String(column + 1);
}

// ---------- CSV: streamed from the file, bytes scanned, values interned ----------

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

async function tallyCsv(input: InboxFile, config: KoshaRecordsConfig, tallies: Map<string, TypeTally>, issues: Issue[]): Promise<void> {
  const fileName = input.name;
  // Streamed, never held whole: an export of several GB is read in chunks (one pass for the encoding, one or two more).
  const detected = await detectStreamEncoding(() => input.readChunks(), config.encodings);
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
    ({ end, ft } = await tallyCsvRecords(input, match, encoding, bomLength, idIndex, needed, earlier, issues, new AscendingIds(encoding)));
  } catch (e) {
    if (!(e instanceof IdsOutOfOrder)) throw e;
    // Read again keeping every id: what the first pass reported is dropped with it.
    issues.length = mark;
    // The id column grows as ids come (sized from the file, it took 134 MB before the first record of a 1.3 GB export).
    const ids = new CsvColumn(encoding, 1 << 16, true);
    ({ end, ft } = await tallyCsvRecords(input, match, encoding, bomLength, idIndex, needed, earlier, issues, ids));
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
  const idsAgain =
    ft.ids instanceof AscendingIds ? (onId: (id: string) => void) => readCsvIds(input, encoding, bomLength, match.row, idIndex, onId) : undefined;
  finishFile(ft, input.sha256, idsAgain);
}

/** One pass over the records after the header; the id column is `ids` (AscendingIds throws IdsOutOfOrder). */
async function tallyCsvRecords(
  input: InboxFile,
  match: HeaderMatch,
  encoding: TextEncodingName,
  bomLength: number,
  idIndex: number,
  needed: number[],
  earlier: Map<string, string> | undefined,
  issues: Issue[],
  idColumn: AscendingIds | CsvColumn,
): Promise<{ end?: CsvStreamEnd; ft?: FileTally }> {
  const columns: ColumnKeys[] = [];
  const valueColumns: CsvColumn[] = [];
  columns[idIndex] = idColumn;
  for (const index of needed) columns[index] = valueColumns[index] = new CsvColumn(encoding, 1024);
  const idCount = () => idColumn.size;
  const ft = startFile(match, input.name, undefined, issues, idColumn, idCount, columns, earlier);
  if (!ft) return {};
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

// ---------- XLSX ----------

class CellColumn implements ColumnKeys {
  private readonly keys = new Map<string, number>();
  private readonly values: unknown[] = [];

  key(value: unknown): number {
    // A number and the same digits typed as text are one value (an id column may hold both).
    const id = value instanceof Date ? `d${value.getTime()}` : `s${value === null || value === undefined ? '' : String(value)}`;
    let key = this.keys.get(id);
    if (key === undefined) {
      key = this.values.length;
      this.keys.set(id, key);
      this.values.push(value);
    }
    return key;
  }

  get size(): number {
    return this.values.length;
  }

  text(key: number): string {
    const v = this.values[key];
    return v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v);
  }

  raw(key: number): unknown {
    return this.values[key];
  }

  isBlank(key: number): boolean {
    return this.text(key).trim() === '';
  }
}

async function tallyXlsx(input: InboxFile, config: KoshaRecordsConfig, tallies: Map<string, TypeTally>, issues: Issue[], limits?: XlsxLimits): Promise<void> {
  const fileName = input.name;
  const bytes = await input.readBytes();
  const unreadable = (e: unknown) => issues.push(workbookOpenIssue('kosha-unreadable', fileName, e));
  let workbook: XlsxCellWorkbook;
  try {
    workbook = await openXlsxCells(bytes, limits);
  } catch (e) {
    unreadable(e);
    return;
  }
  try {
    const sheetIssues: Issue[] = [];
    for (const sheetName of workbook.worksheets) {
      // A sheet is read whole before anything is counted: damage found at its end must not leave half a file counted.
      const sheetRows: XlsxCellRow[] = [];
      try {
        for await (const row of workbook.rows(sheetName)) sheetRows.push(row);
      } catch (e) {
        unreadable(e);
        return;
      }
      const head: string[][] = [];
      for (const row of sheetRows) {
        if (row.rowNumber > config.headerSearchRows) break;
        while (head.length < row.rowNumber - 1) head.push([]);
        head.push(row.cells.map(xlsxCellText));
      }
      const found: Issue[] = [];
      const match = findHeader(head, tallies, fileName, (row) => ({ file: fileName, sheet: sheetName, ...(row ? { row } : {}) }), found);
      if (!match) {
        sheetIssues.push(...found.filter((i) => i.code !== 'kosha-header-not-found'));
        continue;
      }
      const idIndex = match.columns.get('id')!;
      const needed = neededColumns(match).filter((c) => c !== idIndex);
      const columns: CellColumn[] = [];
      for (const index of [idIndex, ...needed]) columns[index] = new CellColumn();
      const idColumn = columns[idIndex]!;
      const ft = startFile(match, fileName, sheetName, issues, idColumn, () => idColumn.size, columns, await earlierIdsOf(match));
      if (!ft) return;
      const caches = new KeyCaches();
      const keys = new Int32Array(Math.max(...needed, idIndex) + 1);
      for (const { rowNumber, cells } of sheetRows) {
        if (rowNumber <= match.row + 1) continue;
        if (cells.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
        const before = idColumn.size;
        const idKey = idColumn.key(cellValue(cells[idIndex] ?? null));
        for (const index of needed) keys[index] = columns[index]!.key(cellValue(cells[index] ?? null));
        readRecord(ft, caches, rowNumber, idKey, idKey === before, keys);
      }
      finishFile(ft, input.sha256);
      return;
    }
    issues.push(...sheetIssues);
    const expected = [...tallies.values()].map((t) => `${t.type.labelJa}（${t.type.id}・${t.type.date}）`).join('、');
    issues.push(issueOf('kosha-header-not-found', { variant: 'workbook', rows: config.headerSearchRows, expected }, { file: fileName }));
  } finally {
    workbook.close();
  }
}

/** A record cell as the counting reads it: dates, numbers and text; a boolean or an error cell by its text. */
function cellValue(value: XlsxCell): string | number | Date | null {
  return typeof value === 'boolean' ? String(value) : value;
}

// ---------- small helpers ----------

function normalizeText(text: string): string {
  return text.normalize('NFKC').trim();
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayText(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
}
