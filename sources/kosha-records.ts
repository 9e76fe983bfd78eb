// Reads the 産業振興公社 record exports (.csv in UTF-8 or CP932, or .xlsx) into typed records, column by column:
// the kept records grouped by their date (a day number) and the key of their value in every column a measure filters
// on or sums (each distinct value decoded and parsed once; sources/kosha-record-groups.ts), each group with its size
// and its first and last line. A record id seen twice is kept once and reported;
// dates may be 和暦 or Western text, Excel dates or bare serials; a date outside the export's stated period drops
// the record. Counting per fiscal year is transforms/count-kosha-records.ts. CSV files are scanned as bytes, so
// 1M records take about as long as splitting their lines (docs/benchmarks.md). The parts: finding the header and the
// kind of record (kosha-find-header.ts), one file's records (kosha-file-tally.ts), the two formats
// (kosha-csv-export.ts, kosha-xlsx-export.ts).
import path from 'node:path';
import type { XlsxLimits } from './xlsx/xlsx-limits.ts';
import type { Catalog } from '../config/load-catalog.ts';
import type { Issue } from '../lib/issues.ts';
import type { ContractFacts } from '../lib/contract-facts.ts';
import { tallyCsv } from './kosha-csv-export.ts';
import type { TypeTally } from './kosha-file-tally.ts';
import type { KoshaRecordsConfig } from './kosha-records-config.ts';
import { tallyXlsx } from './kosha-xlsx-export.ts';
import type { InboxFile } from './inbox-file.ts';

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
  /** Line of the last record when the file was cut off part-way through it (kosha-file-tally.ts): nothing it covers is published. */
  cutShortLine?: number;
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
