// Reads one RESAS CSV download: strict decoding (UTF-8 with or without BOM, or CP932), title and note rows
// above and below the table, the unit from a header bracket or a 単位 note, the vintage (版) from the notes,
// rows of other municipalities skipped. Gives each configured series' value per calendar year, in the file's unit.
import { Decimal } from 'decimal.js';
import { unitsConvertible, knownUnits } from '../lib/convert-unit.ts';
import { detectEncodingOfCut } from '../lib/cut-character.ts';
import { encodingLabelsJa } from '../lib/decode-text.ts';
import { issueOf, type IssueParams } from '../lib/issue-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import { municipalityCode } from '../lib/municipality-code.ts';
import { isMissingMarker, parseLooseNumber } from '../lib/parse-number.ts';
import { csvCutShort, csvLineText, headerFieldCount, readCsvRows } from '../lib/scan-csv.ts';
import { tableFooterRow } from '../lib/table-footer-row.ts';
import type { ResasExportConfig, ResasExportKind } from './resas-export-config.ts';
import type { InboxFile } from './inbox-file.ts';

const Exact = Decimal.clone({ precision: 60 });

export interface ResasSeriesValue {
  series: string;
  /** Calendar (benchmark) year. */
  year: number;
  /** Exact decimal text, in `unit`. */
  value: string;
  unit: string;
  /** Lines of the item rows summed. */
  rows: number[];
}

export interface ResasExportRead {
  file: string;
  sha256: string;
  exportKey: string;
  /** As found, e.g. 2020年版. */
  vintage: string;
  /** For ordering vintages: the numbers in the label (2020年版 → [2020]; 2024/3/29 → [2024, 3, 29]). */
  vintageOrder: number[];
  values: ResasSeriesValue[];
  /**
   * Series and years this file should give but cannot (an item suppressed or missing, or the whole file cut off:
   * no `series`): an older vintage's value must not stand in for them (transforms/resas-fiscal-year-values.ts).
   */
  blocked: ResasBlocked[];
}

export interface ResasBlocked {
  /** Undefined: every series of the file's export. */
  series?: string;
  /** Undefined: every year. */
  year?: number;
  code: string;
  reasonJa: string;
}

/** Cells that stand for a value kept secret (秘匿) or not given: x, X, *, -, …, 秘匿, χ. */
export function isSuppressedMarker(raw: string): boolean {
  const t = raw.normalize('NFKC').trim();
  return /^(?:[xX*χ]+|[‐\-−–—―ー…･・.]+|\.\.\.|秘匿|秘)$/u.test(t) || isMissingMarker(t);
}

export interface Municipality {
  /** 5-digit code. */
  code: string;
  nameJa: string;
}

const BRACKET_UNIT = /^\s*[（(【[]\s*(?:単位\s*[:：]\s*)?([^）)】\]]+?)\s*[）)】\]]\s*$/;
const NOTE_UNIT = /単位\s*[:：]\s*([^\s,、）)】\]]+)/;

export async function readResasExport(
  input: InboxFile,
  config: ResasExportConfig,
  municipality: Municipality,
): Promise<{ read?: ResasExportRead; issues: Issue[] }> {
  const issues: Issue[] = [];
  const file = input.name;
  // A download cut inside a character reads without its last bytes, and is then reported as cut off.
  const { detected, bytes, cutInsideCharacter } = detectEncodingOfCut(await input.readBytes(), config.encodings);
  if (!detected.ok) {
    issues.push(
      detected.code === 'text-undecodable'
        ? issueOf('resas-text-undecodable', { line: detected.line }, { file, ...(detected.line ? { row: detected.line } : {}) })
        : issueOf(
            'resas-text-encoding-not-accepted',
            { found: encodingLabelsJa[detected.found], accepted: config.encodings.map((e) => encodingLabelsJa[e]).join('・') },
            { file },
          ),
    );
    return { issues };
  }
  const { rows, end } = readCsvRows(bytes, detected.bomLength, detected.encoding);
  if (end.unterminatedQuoteLine !== undefined) {
    issues.push(issueOf('resas-unterminated-quote', { line: end.unterminatedQuoteLine }, { file, row: end.unterminatedQuoteLine }));
    return { issues };
  }

  const header = findHeader(rows.slice(0, config.headerSearchRows), config);
  if (header === 'ambiguous' || header === undefined) {
    const kinds = Object.values(config.exports).map((e) => `${e.labelJa}（${[e.columns.year, e.columns.item, e.columns.value].filter(Boolean).join('・')}）`);
    issues.push(
      header === 'ambiguous'
        ? issueOf('resas-ambiguous-export', {}, { file })
        : issueOf('resas-header-not-found', { rows: config.headerSearchRows, expected: kinds.join('、') }, { file }),
    );
    return { issues };
  }
  const { exportKey, kind, rowIndex, columns } = header;
  const headerCells = rows[rowIndex]!.cells;

  // The table runs from the header to the first blank row (or note row); the rest are notes.
  let tableEnd = rowIndex + 1;
  while (tableEnd < rows.length && rows[tableEnd]!.cells.some((c) => c.trim() !== '') && tableFooterRow(rows[tableEnd]!.cells) !== 'note') tableEnd += 1;
  const cut = cutShort(
    bytes,
    end.openLast,
    rows,
    rowIndex,
    tableEnd,
    headerCells,
    kind.layout === 'long' ? columns.year : undefined,
    detected.encoding,
    cutInsideCharacter,
  );
  if (cut) issues.push(issueOf('resas-file-cut-short', cut.params, { file, row: cut.line }, cut.raw));
  const noteText = [...rows.slice(0, rowIndex), ...rows.slice(tableEnd)]
    .flatMap((r) => r.cells)
    .filter((c) => c.trim() !== '')
    .map((c) => c.normalize('NFKC'));

  const vintageMatch = [...noteText, file.normalize('NFKC')].map((t) => new RegExp(config.vintage.pattern).exec(t)).find((m) => m !== null);
  if (!vintageMatch) {
    issues.push(issueOf('resas-vintage-not-found', { pattern: config.vintage.pattern }, { file }));
    return { issues };
  }
  const vintage = (vintageMatch[1] ?? vintageMatch[0]).trim();
  const vintageOrder = (vintage.match(/\d+/g) ?? []).map(Number);
  if (cut) {
    const reasonJa = `RESAS の ${file}（${vintage}）が途中で切れています（${cut.line}行目、issues.csv を参照）。古い版の値で置き換えることもしません`;
    return {
      read: { file, sha256: input.sha256, exportKey, vintage, vintageOrder, values: [], blocked: [{ code: 'resas-file-cut-short', reasonJa }] },
      issues,
    };
  }

  // Unit: a bracket in the value header, else a 単位 note, else the config's.
  const unitSources: { unit: string; where: string }[] = [];
  const valueHeaders = kind.layout === 'long' ? [headerCells[columns.value!] ?? ''] : columns.years.map((y) => headerCells[y.column] ?? '');
  for (const h of valueHeaders) {
    const u = unitInBracket(h, kind.layout === 'long' ? kind.columns.value! : undefined);
    if (u) unitSources.push({ unit: u, where: `見出し「${h}」` });
  }
  for (const t of noteText) {
    const m = NOTE_UNIT.exec(t);
    if (m) unitSources.push({ unit: m[1]!, where: `注記「${t}」` });
  }
  const units = [...new Set(unitSources.map((u) => u.unit))];
  if (units.length > 1) {
    issues.push(issueOf('resas-unit-conflict', { units: unitSources.map((u) => `${u.where}: ${u.unit}`).join('、') }, { file }));
    return { issues };
  }
  const unit = units[0] ?? kind.unit;
  if (!unit || !unitsConvertible(unit, '円')) {
    issues.push(
      unit
        ? issueOf('resas-unit-unknown', { variant: 'notMoney', unit, known: knownUnits.filter((u) => unitsConvertible(u, '円')).join('・') }, { file }, unit)
        : issueOf('resas-unit-unknown', { variant: 'missing', exportKey }, { file }, unit),
    );
    return { issues };
  }

  const fileArea = columns.area === undefined ? checkAreaInTitle(noteText, municipality) : true;
  if (!fileArea) {
    issues.push(issueOf('resas-area-unknown', { municipality: municipality.nameJa }, { file }));
    return { issues };
  }

  // (item, year) → value text and line, for our municipality.
  const cells = new Map<string, { value: string; line: number }>();
  const suppressed = new Map<string, { line: number; column: string; raw: string }>();
  const areasSeen = new Set<string>();
  const nonBenchmark = new Set<number>();
  let ourRows = 0;
  for (let r = rowIndex + 1; r < tableEnd; r += 1) {
    const { line, cells: row } = rows[r]!;
    if (columns.area !== undefined) {
      const code = municipalityCode(row[columns.area] ?? '');
      areasSeen.add((row[columns.area] ?? '').trim());
      if (code !== municipality.code) continue;
    }
    ourRows += 1;
    const item = (row[columns.item] ?? '').normalize('NFKC').trim();
    const entries: { year: number | null; yearRaw: string; raw: string; column: number }[] =
      kind.layout === 'long'
        ? [{ year: calendarYear(row[columns.year!] ?? ''), yearRaw: row[columns.year!] ?? '', raw: row[columns.value!] ?? '', column: columns.value! }]
        : columns.years.map((y) => ({ year: y.year, yearRaw: headerCells[y.column] ?? '', raw: row[y.column] ?? '', column: y.column }));
    for (const e of entries) {
      if (e.year === null) {
        issues.push(issueOf('resas-bad-year', { raw: e.yearRaw }, { file, row: line, column: headerCells[columns.year!] }, e.yearRaw));
        continue;
      }
      if (!config.benchmarkYears.includes(e.year)) {
        nonBenchmark.add(e.year);
        continue;
      }
      const raw = e.raw.trim();
      if (raw === '') continue;
      if (isSuppressedMarker(raw)) {
        const k = `${item}\u0000${e.year}`;
        if (!suppressed.has(k)) suppressed.set(k, { line, column: headerCells[e.column] ?? '', raw });
        continue;
      }
      const number = parseLooseNumber(raw);
      if (number === null) {
        issues.push(issueOf('resas-not-a-number', { raw }, { file, row: line, column: headerCells[e.column] }, raw));
        continue;
      }
      const k = `${item}\u0000${e.year}`;
      const earlier = cells.get(k);
      if (earlier && earlier.value !== String(number)) {
        issues.push(
          issueOf('resas-duplicate-item', { item, year: e.year, earlierLine: earlier.line, earlierValue: earlier.value, raw }, { file, row: line }, raw),
        );
        cells.set(k, { value: 'conflict', line });
        continue;
      }
      if (!earlier) cells.set(k, { value: String(number), line });
    }
  }
  if (ourRows === 0) {
    issues.push(
      issueOf(
        'resas-area-not-found',
        { municipality: municipality.nameJa, code: municipality.code, areas: [...areasSeen].slice(0, 10).join('、') || 'なし' },
        { file },
      ),
    );
    return { issues };
  }
  for (const year of [...nonBenchmark].sort()) {
    issues.push(issueOf('resas-not-benchmark-year', { year, benchmarkYears: config.benchmarkYears.join('・') }, { file }, year));
  }

  const values: ResasSeriesValue[] = [];
  const blocked: ResasBlocked[] = [];
  const years = [...new Set([...cells.keys(), ...suppressed.keys()].map((k) => Number(k.split('\u0000')[1])))].sort((a, b) => a - b);
  for (const [seriesKey, series] of Object.entries(config.series)) {
    if (series.export !== exportKey) continue;
    for (const year of years) {
      const key = (item: string) => `${item.normalize('NFKC').trim()}\u0000${year}`;
      const parts = series.items.map((item) => ({ item, cell: cells.get(key(item)), secret: suppressed.get(key(item)) }));
      const present = parts.filter((p) => p.cell !== undefined);
      const secret = parts.filter((p) => p.secret !== undefined);
      if (present.length === 0 && secret.length === 0) continue;
      if (secret.length > 0) {
        // A value the newest data keep secret: said per cell, and the year withheld rather than filled from an older vintage.
        for (const p of secret) {
          const at = p.secret!;
          issues.push(
            issueOf('resas-suppressed-value', { item: p.item, year, raw: at.raw, series: series.labelJa }, { file, row: at.line, column: at.column }, at.raw),
          );
        }
        const where = secret.map((p) => `「${p.item}」${p.secret!.line}行目「${p.secret!.raw}」`).join('、');
        blocked.push({
          series: seriesKey,
          year,
          code: 'resas-suppressed-value',
          reasonJa: `RESAS の ${file}（${vintage}）で${year}年の${where}が秘匿されています。古い版の値で置き換えることもしません`,
        });
        continue;
      }
      const missing = parts.filter((p) => p.cell === undefined || p.cell.value === 'conflict');
      if (missing.length > 0) {
        issues.push(
          issueOf(
            'resas-item-missing',
            { series: series.labelJa, year, items: series.items.join('」「'), missing: missing.map((p) => p.item).join('」「') },
            { file },
          ),
        );
        blocked.push({
          series: seriesKey,
          year,
          code: 'resas-item-missing',
          reasonJa: `RESAS の ${file}（${vintage}）に${year}年の「${missing.map((p) => p.item).join('」「')}」の値がありません。古い版の値で置き換えることもしません`,
        });
        continue;
      }
      const sum = present.reduce((s, p) => s.plus(p.cell!.value), new Exact(0));
      values.push({ series: seriesKey, year, value: sum.toString(), unit, rows: present.map((p) => p.cell!.line) });
    }
  }
  return { read: { file, sha256: input.sha256, exportKey, vintage, vintageOrder, values, blocked }, issues };
}

/**
 * The table's last row when the download was cut off in it: fewer fields than the header (csvCutShort), or, for a
 * long export, a last year with fewer rows than the others (the cut fell inside the last value: 3931561 → 39315).
 * Only when the file ends in that row with no line break; a whole file without its final line break is read. A
 * file that stopped inside a character (`cutInsideCharacter`) is cut whatever its last row holds.
 */
function cutShort(
  bytes: Uint8Array,
  openLast: { line: number; from: number } | undefined,
  rows: readonly { line: number; cells: string[] }[],
  rowIndex: number,
  tableEnd: number,
  headerCells: readonly string[],
  yearColumn: number | undefined,
  encoding: Parameters<typeof csvCutShort>[4],
  cutInsideCharacter: boolean,
): { line: number; raw: string; params: IssueParams<'resas-file-cut-short'> } | undefined {
  const last = rows.at(-1);
  if (!openLast || !last || last.line !== openLast.line || rows.length - 1 <= rowIndex || tableEnd !== rows.length) return undefined;
  const cut = csvCutShort(bytes, openLast.from, openLast.line, headerFieldCount(headerCells), encoding, cutInsideCharacter);
  if (cut) return { line: cut.line, raw: cut.raw, params: cut };
  if (yearColumn === undefined) return undefined;
  const perYear = new Map<string, number>();
  for (const r of rows.slice(rowIndex + 1, tableEnd)) {
    const year = (r.cells[yearColumn] ?? '').normalize('NFKC').trim();
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const year = (last.cells[yearColumn] ?? '').normalize('NFKC').trim();
  const expected = Math.max(...perYear.values());
  const have = perYear.get(year) ?? 0;
  if (perYear.size < 2 || have >= expected) return undefined;
  const raw = csvLineText(bytes, openLast.from, encoding);
  return { line: openLast.line, raw, params: { variant: 'rows', line: openLast.line, raw, year, rows: have, expected } };
}

interface HeaderFound {
  exportKey: string;
  kind: ResasExportKind;
  rowIndex: number;
  columns: { year?: number; area?: number; item: number; value?: number; years: { year: number; column: number }[] };
}

function findHeader(rows: readonly { cells: string[] }[], config: ResasExportConfig): HeaderFound | 'ambiguous' | undefined {
  for (let r = 0; r < rows.length; r += 1) {
    const cells = rows[r]!.cells;
    const found: HeaderFound[] = [];
    for (const [exportKey, kind] of Object.entries(config.exports)) {
      const at = (name: string | undefined) => (name === undefined ? undefined : cells.findIndex((c) => headerMatches(c, name)));
      const item = at(kind.columns.item)!;
      const area = at(kind.columns.area);
      if (item < 0 || area === -1) continue;
      if (kind.layout === 'long') {
        const year = at(kind.columns.year);
        const value = at(kind.columns.value);
        if (year === undefined || value === undefined || year < 0 || value < 0) continue;
        found.push({ exportKey, kind, rowIndex: r, columns: { year, item, value, years: [], ...(area === undefined ? {} : { area }) } });
      } else {
        const years = cells
          .map((c, column) => ({ year: calendarYear(c.replace(/[（(【[].*$/, '')), column }))
          .filter((y): y is { year: number; column: number } => y.year !== null);
        if (years.length === 0) continue;
        found.push({ exportKey, kind, rowIndex: r, columns: { item, years, ...(area === undefined ? {} : { area }) } });
      }
    }
    if (found.length > 1) return 'ambiguous';
    if (found.length === 1) return found[0];
  }
  return undefined;
}

function headerMatches(cell: string, name: string): boolean {
  const c = cell.normalize('NFKC').trim();
  const n = name.normalize('NFKC').trim();
  return c === n || (c.startsWith(n) && BRACKET_UNIT.test(c.slice(n.length)));
}

function unitInBracket(cell: string, name: string | undefined): string | undefined {
  const c = cell.normalize('NFKC').trim();
  const rest = name === undefined ? c.replace(/^[^（(【[]*/, '') : c.slice(name.normalize('NFKC').trim().length);
  return BRACKET_UNIT.exec(rest)?.[1]?.trim();
}

/** 2018, 2018年, 平成30年, H30, 令和2年 → the calendar year; 年度 labels and anything else → null. */
function calendarYear(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  if (/年度/.test(t)) return null;
  const western = /^(\d{4})\s*年?$/.exec(t);
  if (western) return Number(western[1]);
  const era = /^(令和|平成|R|H)\s*(元|\d{1,2})\s*年?$/i.exec(t);
  if (era) {
    const first = /^(令和|R)$/i.test(era[1]!) ? 2019 : 1989;
    return first + (era[2] === '元' ? 1 : Number(era[2])) - 1;
  }
  const both = /^(\d{4})\s*年?\s*[（(].*[)）]$/.exec(t);
  return both ? Number(both[1]) : null;
}

function checkAreaInTitle(noteText: readonly string[], municipality: Municipality): boolean {
  return noteText.some((t) => t.includes(municipality.nameJa));
}
