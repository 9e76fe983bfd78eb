// One 公社 export file's records as they are read (kosha-csv-export.ts, kosha-xlsx-export.ts feed them): each record's
// id checked against the file's and earlier files' (a repeat is reported and dropped), its date read (once per distinct
// value) and checked against the stated period, and the record kept in its group (kosha-record-groups.ts); at the end,
// the file's KoshaRecordFile and what the data contracts check (months, categories).
import type { RecordExport } from '../lib/contract-facts.ts';
import { issueOf, type IssueParams } from '../lib/issue-catalog.ts';
import type { Issue, IssueLocation } from '../lib/issues.ts';
import { parseLooseNumber } from '../lib/parse-number.ts';
import { parseRecordDate } from '../lib/parse-record-date.ts';
import { rowText, tableFooterRow } from '../lib/table-footer-row.ts';
import { dayNumber, dayText, isoDay, missingColumns, normalizeText, readPeriod, usedKeys, type HeaderMatch } from './kosha-find-header.ts';
import { KoshaRecordGroupBuilder } from './kosha-record-groups.ts';
import type { KoshaColumn, KoshaRecordFile } from './kosha-records.ts';
import type { KoshaRecordType } from './kosha-records-config.ts';

/** Detailed issues of one kind per file; the rest are summed up in one more issue. */
const ISSUES_PER_KIND = 20;
const DAY_MS = 86_400_000;
// Dates from 1901 to 2298 (the fiscal years the counting can hold); others are read as unreadable.
const FIRST_YEAR = 1901;
const LAST_YEAR = 2298;

/** What the measures bound to a kind of record read from its files. */
interface Usage {
  measureIds: string[];
  /** Filter columns in order of first use, and count columns. */
  filterColumns: string[];
  countColumns: string[];
}

export interface TypeTally {
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
export interface ColumnKeys {
  /** Number of distinct values (keys 0 … size − 1). */
  readonly size: number;
  text(key: number): string;
  raw(key: number): unknown;
  /** Empty or only spaces, without decoding where the bytes already tell. */
  isBlank(key: number): boolean;
}

export interface FileTally {
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
  /** Filter columns (config key, column index) and, per value key, its first line and count (0: not seen yet); `order`: keys as first seen. */
  categories: { key: string; column: number; firstLines: number[]; counts: number[]; order: number[] }[];
  /** The header row's cells, to know a repeated header (two exports joined) when one comes. */
  headerCells: readonly string[];
  /** The cells of the record being read (asked only of a record that fails a check: it may be no record at all). */
  rowCells?: () => readonly unknown[];
  /** Line where the file was found cut off part-way through its last record (kosha-file-cut-short). */
  cutShortLine?: number;
}

export function startFile(
  match: HeaderMatch,
  fileName: string,
  sheet: string | undefined,
  issues: Issue[],
  ids: ColumnKeys,
  idCount: () => number,
  columns: ColumnKeys[],
  earlier: Map<string, string> | undefined,
  headerCells: readonly string[] = [],
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
    categories: match.tally.usage.filterColumns.map((key) => ({ key, column: col(`columns.${key}`), firstLines: [], counts: [], order: [] })),
    headerCells,
  };
}

/** Codes a file may have many of: only the first ISSUES_PER_KIND are listed, the rest counted in one `more` line. */
type RepeatedCode = 'kosha-duplicate-id' | 'kosha-missing-id' | 'kosha-bad-date' | 'kosha-date-outside-period' | 'kosha-rows-skipped';

function report<C extends RepeatedCode>(ft: FileTally, code: C, params: IssueParams<C>, location: IssueLocation, raw?: unknown): void {
  const n = (ft.issueCounts.get(code) ?? 0) + 1;
  ft.issueCounts.set(code, n);
  if (n <= ISSUES_PER_KIND) ft.issues.push(issueOf(code, params, location, raw));
}

/** `eachId`: how a later file of this kind gets this file's ids (by default from the id column, which held them all). */
export function finishFile(ft: FileTally, sha256: string, eachId?: (onId: (id: string) => void) => Promise<void>): void {
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
    ...(ft.cutShortLine === undefined ? {} : { cutShortLine: ft.cutShortLine }),
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
      values: c.order.map((key) => ({ value: ft.columns[c.column]!.text(key), row: c.firstLines[key]!, count: c.counts[key]! })),
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
export async function earlierIdsOf(match: HeaderMatch): Promise<Map<string, string> | undefined> {
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
export class KeyCaches {
  day: number[] = [];
  month: number[] = [];
}

const DATE_BAD = Number.NaN;

/**
 * One record, given each needed column's key in `keys` (by column index): dedupe by id, read its date, check
 * it against the stated period, and keep it (an undated record too, as UNDATED).
 */
export function readRecord(ft: FileTally, caches: KeyCaches, line: number, idKey: number, idIsNew: boolean, keys: Int32Array): void {
  const type = ft.match.tally.type;
  const ids = ft.columns[ft.idColumn]!;
  const dateKey = keys[ft.dateColumn]!;
  let day = caches.day[dateKey];
  if (day === undefined) {
    const parsed = parseRecordDate(ft.columns[ft.dateColumn]!.raw(dateKey));
    day = parsed && parsed.year >= FIRST_YEAR && parsed.year <= LAST_YEAR ? dayNumber(parsed.year, parsed.month, parsed.day) : DATE_BAD;
    caches.day[dateKey] = day;
  }
  // A row without a readable date or id may be no record: a totals or notes row, or the title and header of a second export.
  if ((Number.isNaN(day) || !idIsNew || ids.isBlank(idKey)) && skipNonRecord(ft, line)) return;
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
    // Arrays by value key, not a Map: keys are small and dense, and this runs for every record (1M per export).
    for (const c of ft.categories) {
      const key = keys[c.column]!;
      const count = c.counts[key];
      if (count === undefined) {
        c.counts[key] = 1;
        c.firstLines[key] = line;
        c.order.push(key);
      } else c.counts[key] = count + 1;
    }
  }
  ft.groups.add(line, day, keys, hasUnreadableCount(ft, keys));
}

/** A row that is no record (a totals row, a note, a repeated header or title row) is reported as skipped. */
function skipNonRecord(ft: FileTally, line: number): boolean {
  if (!ft.rowCells) return false;
  const cells = ft.rowCells();
  const text = (c: unknown) => (c === null || c === undefined ? '' : c instanceof Date ? 'date' : normalizeText(String(c)));
  const header = (i: number) => text(ft.headerCells[i]);
  let variant: 'total' | 'note' | 'header' | 'title' | undefined = tableFooterRow(cells);
  if (!variant && header(ft.idColumn) !== '' && text(cells[ft.idColumn]) === header(ft.idColumn) && text(cells[ft.dateColumn]) === header(ft.dateColumn)) {
    variant = 'header';
  }
  if (!variant) {
    // A title or condition row (相談記録一覧（…）, 抽出期間：…, 出力日：…): one cell of words, not an id.
    const filled = cells.map(text).filter((t) => t !== '');
    if (filled.length === 1 && text(cells[ft.dateColumn]) === '' && /[^\x21-\x7e]/.test(filled[0]!)) variant = 'title';
  }
  if (!variant) return false;
  const raw = rowText(cells);
  report(ft, 'kosha-rows-skipped', { variant, row: line, raw }, locationOf(ft, line), raw);
  return true;
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
