// Reads the 産業振興公社 record exports (.csv in UTF-8 or CP932, or .xlsx) and counts, per measure bound to
// them, the records of a fiscal year that pass the measure's filter (or sums a count column). A record id seen
// twice is counted once and reported; dates may be 和暦 or Western text, Excel dates or bare serials.
// CSV files are scanned as bytes and each distinct value is decoded once, so 1M records take about as long as
// splitting their lines (docs/benchmarks.md).
import path from 'node:path';
import type { RecordExport } from '../lib/contract-facts.ts';
import { openXlsxCells, type XlsxCell, type XlsxCellRow, type XlsxCellWorkbook } from './xlsx/open-xlsx-cells.ts';
import { workbookOpenIssue } from './xlsx/workbook-open-issue.ts';
import { xlsxCellText } from './xlsx/xlsx-cell-text.ts';
import type { XlsxLimits } from './xlsx/xlsx-limits.ts';
import type { Catalog } from '../config/load-catalog.ts';
import type { Measure } from '../config/catalog-schema.ts';
import { ByteInterner } from '../lib/byte-interner.ts';
import { detectEncoding, type TextEncodingName } from '../lib/decode-text.ts';
import { fiscalYearOf } from '../lib/fiscal-year.ts';
import { issue, type Issue, type IssueLocation } from '../lib/issues.ts';
import type { Gap, Observation, Provenance, SourceResult } from '../lib/observation.ts';
import { parseLooseNumber } from '../lib/parse-number.ts';
import { parseRecordDate } from '../lib/parse-record-date.ts';
import { csvFieldText, CsvFieldKind, csvSliceText, MAX_CSV_FIELDS, scanCsv, type CsvRecord } from '../lib/scan-csv.ts';
import type { KoshaRecordsConfig, KoshaRecordType } from './kosha-records-config.ts';
import type { InboxFile } from './inbox-file.ts';

/** Detailed issues of one kind per file; the rest are summed up in one more issue. */
const ISSUES_PER_KIND = 20;
const DAY_MS = 86_400_000;
const FY_BASE = 1900;
const FY_SPAN = 400;

interface Counter {
  measure: Measure;
  /** Per filter: the column's slot in the file's needed columns and the accepted values (NFKC, trimmed). */
  filters: { column: string; values: Set<string> }[];
  countColumn?: string;
  totals: Float64Array;
  /** Fiscal years whose value can't be formed, and why. */
  broken: Map<number, { status: Gap['status']; reasonJa: string }>;
  /** Records that pass the filter but have no readable date, by the fiscal years their file covers. */
  undated: Map<number, number>;
}

interface FileUse {
  file: string;
  sha256: string;
  sheet?: string;
  /** Per counter: the fiscal years this file added to, with the first and last line of those records. */
  lines: Map<number, [number, number]>[];
  /** Fiscal years the file covers (its stated period, or the years of its records). */
  covered: number[];
}

interface TypeTally {
  key: string;
  type: KoshaRecordType;
  counters: Counter[];
  /** Inclusive day-number ranges the exports say they cover. */
  periods: [number, number][];
  /** Fiscal years of record dates in files without a stated period. */
  yearsWithoutPeriod: Set<number>;
  files: FileUse[];
  /** Ids of the files read so far, for the files after them (built into `seenIds` only when a later file comes). */
  idsByFile: { file: string; ids: ColumnKeys; count: number }[];
  seenIds?: Map<string, string>;
  /** What each file of this kind holds, for the data contracts (period covered, categories). */
  exports: RecordExport[];
}

/** A column of one file: equal cell values share a key; the text of a key is decoded once. */
interface ColumnKeys {
  text(key: number): string;
  raw(key: number): unknown;
  /** Empty or only spaces, without decoding where the bytes already tell. */
  isBlank(key: number): boolean;
}

export async function readKoshaRecords(files: readonly InboxFile[], catalog: Catalog, config: KoshaRecordsConfig, limits?: XlsxLimits): Promise<SourceResult> {
  const issues: Issue[] = [];
  const tallies = new Map<string, TypeTally>();
  for (const [key, type] of Object.entries(config.recordTypes)) {
    tallies.set(key, { key, type, counters: [], periods: [], yearsWithoutPeriod: new Set(), files: [], idsByFile: [], exports: [] });
  }
  for (const measure of catalog.measures.values()) {
    if (measure.source.kind !== 'kosha') continue;
    const tally = tallies.get(measure.source.recordType);
    // Unknown record types and columns are config errors found before any input is read (koshaAdapter.checkConfig).
    if (!tally) continue;
    tally.counters.push({
      measure,
      filters: Object.entries(measure.source.filter ?? {}).map(([column, v]) => ({ column, values: new Set((Array.isArray(v) ? v : [v]).map(normalizeText)) })),
      ...(measure.source.countColumn ? { countColumn: measure.source.countColumn } : {}),
      totals: new Float64Array(FY_SPAN),
      broken: new Map(),
      undated: new Map(),
    });
  }

  for (const input of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const ext = path.extname(input.name).toLowerCase();
    if (ext === '.csv') await tallyCsv(input, config, tallies, issues);
    else await tallyXlsx(input, config, tallies, issues, limits);
  }

  const observations: Observation[] = [];
  const gaps: Gap[] = [];
  for (const tally of tallies.values()) {
    if (tally.files.length === 0) continue;
    const { complete, partial } = coveredFiscalYears(tally);
    tally.counters.forEach((counter, c) => {
      const years = [...new Set([...complete, ...partial.keys()])].sort((a, b) => a - b);
      for (const fiscalYear of years) {
        const provenance = { ...lineageOf(tally.files, c, fiscalYear), rule: ruleText(tally, counter) };
        const broken = counter.broken.get(fiscalYear);
        const partialReason = partial.get(fiscalYear);
        const undated = counter.undated.get(fiscalYear) ?? 0;
        const undatedReason =
          undated > 0 ? `日付を読めない記録が ${undated} 件あり、どの年度の記録か分からないため件数が確定しません（issues.csv を参照）` : undefined;
        const reason = broken?.reasonJa ?? partialReason ?? undatedReason;
        if (reason !== undefined) {
          gaps.push({ measureId: counter.measure.id, fiscalYear, sourceKind: 'kosha', status: broken?.status ?? 'incomplete', reasonJa: reason, provenance });
          continue;
        }
        observations.push({ measureId: counter.measure.id, fiscalYear, value: counter.totals[fiscalYear - FY_BASE]!, sourceKind: 'kosha', provenance });
      }
    });
  }
  return { observations, issues, gaps, facts: { recordExports: [...tallies.values()].flatMap((t) => t.exports) } };
}

/**
 * The files whose records make up a counter's fiscal year, with the lines of those records (the first file
 * named, the others as further inputs); a year of no such record names the files that cover it.
 */
function lineageOf(files: readonly FileUse[], counter: number, fiscalYear: number): Omit<Provenance, 'rule'> {
  const counted = files.filter((f) => f.lines[counter]!.has(fiscalYear));
  const used = counted.length > 0 ? counted : files.filter((f) => f.covered.includes(fiscalYear));
  const [first, ...others] = used.length > 0 ? used : files;
  const rows = (f: FileUse) => {
    const lines = f.lines[counter]!.get(fiscalYear);
    return lines ? `${lines[0]}-${lines[1]}` : '';
  };
  return {
    file: first!.file,
    sha256: first!.sha256,
    ...(first!.sheet ? { sheet: first!.sheet } : {}),
    rows: rows(first!),
    ...(others.length > 0 ? { otherInputs: others.map((f) => ({ file: f.file, sha256: f.sha256, rows: rows(f) })) } : {}),
  };
}

/** Fiscal years wholly inside the stated periods (or seen in files without one), and those only partly covered. */
function coveredFiscalYears(tally: TypeTally): { complete: Set<number>; partial: Map<number, string> } {
  const complete = new Set(tally.yearsWithoutPeriod);
  const partial = new Map<number, string>();
  const merged: [number, number][] = [];
  for (const [s, e] of [...tally.periods].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  for (const [s, e] of merged) {
    for (let fy = fiscalYearOfDay(s); fy <= fiscalYearOfDay(e); fy += 1) {
      const fyStart = dayNumber(fy, 4, 1);
      const fyEnd = dayNumber(fy + 1, 3, 31);
      if (merged.some(([a, b]) => a <= fyStart && b >= fyEnd)) complete.add(fy);
      else if (!complete.has(fy)) {
        partial.set(
          fy,
          `${tally.type.labelJa}の抽出期間（${merged.map(([a, b]) => `${dayText(a)}〜${dayText(b)}`).join('、')}）が${fy}年度の全期間を含まないため、件数が確定しません`,
        );
      }
    }
  }
  for (const fy of complete) partial.delete(fy);
  return { complete, partial };
}

function ruleText(tally: TypeTally, counter: Counter): string {
  const filter = counter.filters.length
    ? counter.filters.map((f) => `${tally.type.columns[f.column] ?? f.column}=${[...f.values].join('・')}`).join(' かつ ')
    : 'すべて';
  const what = counter.countColumn ? `「${tally.type.counts[counter.countColumn] ?? counter.countColumn}」の合計` : '記録数';
  return `公社 ${tally.type.labelJa}: ${filter} の${tally.type.date}が年度内の${what}（${tally.type.id}の重複は1件として数える）`;
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
        issue(
          'kosha-ambiguous-record-type',
          'error',
          `見出し行が複数の記録の種類（${candidates
            .filter((c) => c.score === candidates[0]!.score)
            .map((c) => c.tally.type.labelJa)
            .join('・')}）に当てはまり、どれか決められません。kosha.yaml の recordTypes の列名を見直してください。このファイルは読み込みません`,
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
  issues.push(
    issue(
      'kosha-header-not-found',
      'error',
      `先頭 ${rows.length} 行に見出し行が見つかりません。どの記録の種類の出力か分かりません。見出しに次の列がある出力を置いてください: ${expected}。このファイルは読み込みません`,
      { file: fileName },
    ),
  );
  return undefined;
}

/** Column indexes the counting reads: the date and every filter and count column in use. */
function neededColumns(match: HeaderMatch): number[] {
  const keys = [
    'date',
    ...match.tally.counters.flatMap((c) => [...c.filters.map((f) => `columns.${f.column}`), ...(c.countColumn ? [`counts.${c.countColumn}`] : [])]),
  ];
  return [...new Set(keys.map((k) => match.columns.get(k)).filter((i): i is number => i !== undefined))];
}

/** Columns a counter needs that the file lacks: the file can't be counted for it. */
function missingColumns(match: HeaderMatch): string[] {
  const needed = new Set<string>();
  for (const counter of match.tally.counters) {
    for (const f of counter.filters) needed.add(`columns.${f.column}`);
    if (counter.countColumn) needed.add(`counts.${counter.countColumn}`);
  }
  const { type } = match.tally;
  return [...needed].filter((k) => !match.columns.has(k)).map((k) => (k.startsWith('columns.') ? type.columns[k.slice(8)] : type.counts[k.slice(7)]) ?? k);
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
  /** Counters × filters: column index in the record. */
  filterColumns: number[][];
  countColumns: (number | undefined)[];
  idColumn: number;
  dateColumn: number;
  issueCounts: Map<string, number>;
  /** Per counter: first and last line of the records it counted, by fiscal year. */
  lines: Map<number, [number, number]>[];
  /** Fiscal years of this file's dated records (used when it states no period). */
  years: Set<number>;
  lastFiscalYear: number;
  /** Per counter: records passing its filter with no readable date. */
  undated: number[];
  /** Ids of earlier files of this kind (id → file), when there are any. */
  earlierIds?: Map<string, string>;
  /** Ids of this file, to hand on to later files of this kind. */
  ids: ColumnKeys;
  idCount: () => number;
  /** Column readers by column index. */
  columns: ColumnKeys[];
  /** Months (year × 12 + month − 1) with a counted record. */
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
): FileTally | undefined {
  const at = { file: fileName, ...(sheet ? { sheet } : {}) };
  const missing = missingColumns(match);
  if (missing.length > 0) {
    issues.push(
      issue(
        'kosha-missing-column',
        'error',
        `${match.tally.type.labelJa}の見出し行に列「${missing.join('」「')}」がありません。指標の集計に必要な列です。出力の設定を確認してください。このファイルは読み込みません`,
        { ...at, row: match.row + 1 },
      ),
    );
    return undefined;
  }
  const { period, raw } = readPeriod(match);
  if (match.tally.type.period && !period) {
    issues.push(
      issue(
        'kosha-period-missing',
        'warning',
        `見出しの上に「${match.tally.type.period}」（例: ${match.tally.type.period}：2024/4/1～2025/3/31）が見つからないか読めません。記録の日付がある年度は全期間が含まれているものとして数えました。途中までの出力なら件数が少なくなります`,
        { ...at },
        raw,
      ),
    );
  }
  const col = (key: string) => match.columns.get(key)!;
  return {
    match,
    fileName,
    ...(sheet ? { sheet } : {}),
    issues,
    period,
    filterColumns: match.tally.counters.map((c) => c.filters.map((f) => col(`columns.${f.column}`))),
    countColumns: match.tally.counters.map((c) => (c.countColumn ? col(`counts.${c.countColumn}`) : undefined)),
    idColumn: col('id'),
    dateColumn: col('date'),
    issueCounts: new Map(),
    lines: match.tally.counters.map(() => new Map()),
    years: new Set(),
    lastFiscalYear: 0,
    undated: match.tally.counters.map(() => 0),
    ...(match.tally.idsByFile.length > 0 ? { earlierIds: earlierIds(match.tally) } : {}),
    ids,
    idCount,
    columns,
    months: new Set(),
    categories: [...new Set(match.tally.counters.flatMap((c) => c.filters.map((f) => f.column)))].map((key) => ({
      key,
      column: col(`columns.${key}`),
      seen: new Map(),
    })),
  };
}

function report(ft: FileTally, code: string, severity: Issue['severity'], message: string, location: IssueLocation, raw?: unknown): void {
  const n = (ft.issueCounts.get(code) ?? 0) + 1;
  ft.issueCounts.set(code, n);
  if (n <= ISSUES_PER_KIND) ft.issues.push(issue(code, severity, message, location, raw));
}

function finishFile(ft: FileTally, sha256: string): void {
  for (const [code, n] of ft.issueCounts) {
    if (n > ISSUES_PER_KIND) {
      ft.issues.push(
        issue(
          code,
          'info',
          `同じ種類の問題（${code}）がこのファイルにほか ${n - ISSUES_PER_KIND} 件あります（先頭 ${ISSUES_PER_KIND} 件だけを個別に示しています）`,
          {
            file: ft.fileName,
            ...(ft.sheet ? { sheet: ft.sheet } : {}),
          },
        ),
      );
    }
  }
  const tally = ft.match.tally;
  if (ft.period) tally.periods.push(ft.period);
  else for (const fy of ft.years) tally.yearsWithoutPeriod.add(fy);
  // An undated record belongs to one of the fiscal years this file covers, so each of them is uncertain.
  const covered = ft.period ? range(fiscalYearOfDay(ft.period[0]), fiscalYearOfDay(ft.period[1])) : [...ft.years];
  tally.counters.forEach((counter, c) => {
    if (ft.undated[c] === 0) return;
    for (const fy of covered) counter.undated.set(fy, (counter.undated.get(fy) ?? 0) + ft.undated[c]!);
  });
  tally.files.push({ file: ft.fileName, sha256, ...(ft.sheet ? { sheet: ft.sheet } : {}), lines: ft.lines, covered });
  tally.exports.push({
    file: ft.fileName,
    ...(ft.sheet ? { sheet: ft.sheet } : {}),
    recordType: tally.key,
    labelJa: tally.type.labelJa,
    measureIds: tally.counters.map((c) => c.measure.id),
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
  tally.idsByFile.push({ file: ft.fileName, ids: ft.ids, count: ft.idCount() });
}

function earlierIds(tally: TypeTally): Map<string, string> {
  tally.seenIds ??= new Map();
  for (const { file, ids, count } of tally.idsByFile.splice(0)) {
    for (let key = 0; key < count; key += 1) {
      const id = normalizeText(ids.text(key));
      if (id !== '' && !tally.seenIds.has(id)) tally.seenIds.set(id, file);
    }
  }
  return tally.seenIds;
}

/** Per-key caches for one file: a date key's day number and fiscal year, a filter verdict, a count. */
class KeyCaches {
  day: number[] = [];
  fiscalYear: number[] = [];
  month: number[] = [];
  verdict: Uint8Array[][];
  count: number[][];

  constructor(ft: FileTally) {
    this.verdict = ft.filterColumns.map((cols) => cols.map(() => new Uint8Array(64)));
    this.count = ft.countColumns.map(() => []);
  }
}

const DATE_BAD = -1;

/**
 * One record, given each needed column's key in `keys` (by column index): dedupe by id, place in a fiscal year,
 * add to the counters whose filters it passes.
 */
function tallyRecord(ft: FileTally, caches: KeyCaches, line: number, idKey: number, idIsNew: boolean, keys: Int32Array): void {
  const type = ft.match.tally.type;
  const ids = ft.columns[ft.idColumn]!;
  if (!idIsNew) {
    if (!ids.isBlank(idKey)) {
      // Located by file, row and column: a record's id never leaves the archive (docs/operations.md).
      report(
        ft,
        'kosha-duplicate-id',
        'warning',
        `この行の${type.id}が同じファイルの前の行にもあります。同じ記録として1件だけ数えました（最初の行を採用）`,
        locationOf(ft, line, ft.idColumn),
      );
      return;
    }
  }
  if (ids.isBlank(idKey)) {
    report(ft, 'kosha-missing-id', 'warning', `${type.id}が空の記録です。重複の確認ができないまま1件として数えました`, locationOf(ft, line, ft.idColumn));
  } else if (ft.earlierIds !== undefined) {
    const idText = ids.text(idKey);
    const earlier = ft.earlierIds.get(normalizeText(idText));
    if (earlier !== undefined) {
      report(
        ft,
        'kosha-duplicate-id',
        'warning',
        `この行の${type.id}は ${earlier} にもあります。同じ記録として1件だけ数えました（先のファイルを採用）`,
        locationOf(ft, line, ft.idColumn),
      );
      return;
    }
  }

  const dateKey = keys[ft.dateColumn]!;
  let day = caches.day[dateKey];
  if (day === undefined) {
    const parsed = parseRecordDate(ft.columns[ft.dateColumn]!.raw(dateKey));
    day = parsed && parsed.year >= FY_BASE + 1 && parsed.year < FY_BASE + FY_SPAN - 1 ? dayNumber(parsed.year, parsed.month, parsed.day) : DATE_BAD;
    caches.day[dateKey] = day;
    caches.fiscalYear[dateKey] = parsed && day !== DATE_BAD ? fiscalYearOf(parsed.year, parsed.month) : DATE_BAD;
  }
  const fiscalYear = caches.fiscalYear[dateKey]!;
  const counters = ft.match.tally.counters;

  if (day === DATE_BAD || (ft.period !== null && (day < ft.period[0] || day > ft.period[1]))) {
    reportBadDate(ft, caches, line, dateKey, day !== DATE_BAD, keys);
    return;
  }
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
  if (fiscalYear !== ft.lastFiscalYear) {
    ft.lastFiscalYear = fiscalYear;
    ft.years.add(fiscalYear);
  }

  for (let c = 0; c < counters.length; c += 1) {
    if (!passes(ft, caches, c, keys)) continue;
    const countColumn = ft.countColumns[c];
    let weight = 1;
    if (countColumn !== undefined) {
      const key = keys[countColumn]!;
      let value = caches.count[c]![key];
      if (value === undefined) {
        value = countValue(ft.columns[countColumn]!.raw(key));
        caches.count[c]![key] = value;
      }
      if (Number.isNaN(value)) {
        reportBadCount(ft, counters[c]!, line, countColumn, key, fiscalYear);
        continue;
      }
      weight = value;
    }
    const totals = counters[c]!.totals;
    totals[fiscalYear - FY_BASE] = totals[fiscalYear - FY_BASE]! + weight;
    const lines = ft.lines[c]!.get(fiscalYear);
    if (lines) lines[1] = line;
    else ft.lines[c]!.set(fiscalYear, [line, line]);
  }
}

function locationOf(ft: FileTally, line: number, column?: number): IssueLocation {
  return { file: ft.fileName, ...(ft.sheet ? { sheet: ft.sheet } : {}), row: line, ...(column === undefined ? {} : { column: headerOf(ft, column) }) };
}

function reportBadDate(ft: FileTally, caches: KeyCaches, line: number, dateKey: number, outside: boolean, keys: Int32Array): void {
  const type = ft.match.tally.type;
  const raw = ft.columns[ft.dateColumn]!.text(dateKey);
  report(
    ft,
    outside ? 'kosha-date-outside-period' : 'kosha-bad-date',
    'error',
    outside
      ? `${type.date}「${raw}」が抽出期間（${dayText(ft.period![0])}〜${dayText(ft.period![1])}）の外です。日付の誤りか確認してください。この記録は数えていません`
      : raw.trim() === ''
        ? `${type.date}が空です。日付を入れてください。この記録は数えていません`
        : `${type.date}「${raw}」を日付として読めません（例: 2024/4/1、令和6年4月1日、R6.4.1）。この記録は数えていません`,
    locationOf(ft, line, ft.dateColumn),
    raw,
  );
  if (outside) return;
  const counters = ft.match.tally.counters;
  for (let c = 0; c < counters.length; c += 1) if (passes(ft, caches, c, keys)) ft.undated[c] = ft.undated[c]! + 1;
}

function reportBadCount(ft: FileTally, counter: Counter, line: number, column: number, key: number, fiscalYear: number): void {
  const raw = ft.columns[column]!.text(key);
  report(
    ft,
    'kosha-bad-count',
    'error',
    `${headerOf(ft, column)}「${raw}」は0以上の整数ではありません。この年度の「${counter.measure.nameJa}」は公表しません。数値を直してください`,
    locationOf(ft, line, column),
    raw,
  );
  counter.broken.set(fiscalYear, {
    status: 'invalid',
    reasonJa: `${headerOf(ft, column)}を読めない記録があります（${ft.fileName} ${line}行目ほか、issues.csv を参照）`,
  });
}

function passes(ft: FileTally, caches: KeyCaches, c: number, keys: Int32Array): boolean {
  const filters = ft.match.tally.counters[c]!.filters;
  for (let f = 0; f < filters.length; f += 1) {
    const column = ft.filterColumns[c]![f]!;
    const key = keys[column]!;
    let cache = caches.verdict[c]![f]!;
    if (key >= cache.length) {
      const grown = new Uint8Array(Math.max(cache.length * 2, key + 1));
      grown.set(cache);
      caches.verdict[c]![f] = grown;
      cache = grown;
    }
    let verdict = cache[key]!;
    if (verdict === 0) {
      verdict = filters[f]!.values.has(normalizeText(ft.columns[column]!.text(key))) ? 2 : 1;
      cache[key] = verdict;
    }
    if (verdict !== 2) return false;
  }
  return true;
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

// ---------- CSV: bytes scanned, values interned ----------

class CsvColumn implements ColumnKeys {
  readonly interner: ByteInterner;
  /** Keys whose first appearance was quoted with doubled quotes inside (rare). */
  private escaped = new Set<number>();
  private texts: (string | undefined)[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly encoding: TextEncodingName,
    expected: number,
    ascendingFastPath = false,
  ) {
    this.interner = new ByteInterner(bytes, expected, { ascendingFastPath });
  }

  key(record: CsvRecord, index: number): number {
    if (index >= record.count) return this.interner.intern(0, 0);
    const kind = record.kind[index]!;
    const key = this.interner.intern(record.start[index]!, record.end[index]!);
    if (kind === CsvFieldKind.QuotedEscaped) this.escaped.add(key);
    return key;
  }

  text(key: number): string {
    let text = this.texts[key];
    if (text === undefined) {
      const [s, e] = this.interner.range(key);
      text = csvSliceText(this.bytes, s, e, this.escaped.has(key) ? CsvFieldKind.QuotedEscaped : CsvFieldKind.Plain, this.encoding);
      this.texts[key] = text;
    }
    return text;
  }

  raw(key: number): unknown {
    return this.text(key);
  }

  isBlank(key: number): boolean {
    const [s, e] = this.interner.range(key);
    if (s === e) return true;
    // Any byte other than a space, a tab or the lead of a full-width space means there is text.
    const first = this.bytes[s]!;
    if (first !== 0x20 && first !== 0x09 && first !== 0xe3 && first !== 0x81) return false;
    return this.text(key).trim() === '';
  }
}

async function tallyCsv(input: InboxFile, config: KoshaRecordsConfig, tallies: Map<string, TypeTally>, issues: Issue[]): Promise<void> {
  const fileName = input.name;
  const bytes = await input.readBytes();
  const detected = detectEncoding(bytes, config.encodings);
  if (!detected.ok) {
    issues.push(
      issue(`kosha-${detected.code}`, 'error', `${detected.message}。このファイルは読み込みません`, {
        file: fileName,
        ...(detected.line ? { row: detected.line } : {}),
      }),
    );
    return;
  }
  const { encoding, bomLength } = detected;
  const head: string[][] = [];
  scanCsv(bytes, bomLength, 1, (record) => {
    const cells: string[] = [];
    for (let i = 0; i < Math.min(record.count, MAX_CSV_FIELDS); i += 1) cells.push(csvFieldText(bytes, record, i, encoding));
    head.push(cells);
    return head.length < config.headerSearchRows;
  });
  const match = findHeader(head, tallies, fileName, (row) => ({ file: fileName, ...(row ? { row } : {}) }), issues);
  if (!match) return;
  // The data start right after the header record (a title row may span lines, so count records, not lines).
  let records = 0;
  const afterHeader = scanCsv(bytes, bomLength, 1, () => {
    records += 1;
    return records <= match.row;
  });

  const idIndex = match.columns.get('id')!;
  const needed = neededColumns(match).filter((c) => c !== idIndex);
  const columns: CsvColumn[] = [];
  // A column per needed index; the id column expects about one distinct value per record.
  columns[idIndex] = new CsvColumn(bytes, encoding, Math.max(1024, Math.floor(bytes.length / 40)), true);
  for (const index of needed) columns[index] = new CsvColumn(bytes, encoding, 1024);
  const idColumn = columns[idIndex]!;
  const ft = startFile(match, fileName, undefined, issues, idColumn, () => idColumn.interner.size, columns);
  if (!ft) return;
  const caches = new KeyCaches(ft);
  const keys = new Int32Array(Math.max(...needed, idIndex) + 1);
  const neededList = Int32Array.from(needed);

  const end = scanCsv(
    bytes,
    afterHeader.offset,
    afterHeader.line,
    (record) => {
      if (record.count === 1 && record.start[0] === record.end[0]) return; // blank line
      const before = idColumn.interner.size;
      const idKey = idColumn.key(record, idIndex);
      for (let i = 0; i < neededList.length; i += 1) {
        const index = neededList[i]!;
        keys[index] = columns[index]!.key(record, index);
      }
      tallyRecord(ft, caches, record.line, idKey, idKey === before, keys);
    },
    keys.length,
  );
  if (end.unterminatedQuoteLine !== undefined) {
    issues.push(
      issue(
        'kosha-unterminated-quote',
        'error',
        `${end.unterminatedQuoteLine}行目で始まる「"」で囲まれた値がファイルの最後まで閉じていません。ファイルが途中で切れていないか確認してください。それ以降の記録は1件として読まれています`,
        { file: fileName, row: end.unterminatedQuoteLine },
      ),
    );
  }
  finishFile(ft, input.sha256);
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
  const unreadable = (e: unknown) =>
    issues.push(
      workbookOpenIssue(
        'kosha-unreadable',
        'Excelブック（.xlsx）として開けません。Excelで開いて .xlsx 形式で保存し直してください。このファイルは読み込みません',
        fileName,
        e,
      ),
    );
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
      const ft = startFile(match, fileName, sheetName, issues, idColumn, () => idColumn.size, columns);
      if (!ft) return;
      const caches = new KeyCaches(ft);
      const keys = new Int32Array(Math.max(...needed, idIndex) + 1);
      for (const { rowNumber, cells } of sheetRows) {
        if (rowNumber <= match.row + 1) continue;
        if (cells.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
        const before = idColumn.size;
        const idKey = idColumn.key(cellValue(cells[idIndex] ?? null));
        for (const index of needed) keys[index] = columns[index]!.key(cellValue(cells[index] ?? null));
        tallyRecord(ft, caches, rowNumber, idKey, idKey === before, keys);
      }
      finishFile(ft, input.sha256);
      return;
    }
    issues.push(...sheetIssues);
    const expected = [...tallies.values()].map((t) => `${t.type.labelJa}（${t.type.id}・${t.type.date}）`).join('、');
    issues.push(
      issue(
        'kosha-header-not-found',
        'error',
        `どのシートの先頭 ${config.headerSearchRows} 行にも見出し行が見つかりません。見出しに次の列がある出力を置いてください: ${expected}。このファイルは読み込みません`,
        { file: fileName },
      ),
    );
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

function fiscalYearOfDay(day: number): number {
  const date = new Date(day * DAY_MS);
  return fiscalYearOf(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayText(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
}
