// What sources read that the data contracts (transforms/evaluate-contracts.ts) check beyond the fiscal-year values:
// single figures before they are summed, what a file says of its own period, which months and categories it holds.
import type { IssueLocation } from './issues.ts';

/** One figure as read, before aggregation (a month's 決済回数 in a Pay report). */
export interface Reading {
  /** Measures whose fiscal-year value is formed from it. */
  measureIds: string[];
  fiscalYear: number;
  value: number;
  /** What the figure is, in Japanese (e.g. 2024年5月の決済回数). */
  labelJa: string;
  location: IssueLocation;
  raw: string;
}

/** A file named for one fiscal year (手入力_令和6年度.xlsx) and the fiscal year of each of its rows. */
export interface FilePeriod {
  file: string;
  fiscalYear: number;
  rows: { measureId: string; fiscalYear: number; location: IssueLocation; raw: string }[];
}

/** Months of a monthly series present, per measure fed by it (Pay reports). */
export interface MonthlySeries {
  labelJa: string;
  measureIds: string[];
  /** YYYY-MM of every month with a report. */
  months: string[];
}

/** A record export: the period it states, the months its records fall in, the categories it holds. */
export interface RecordExport {
  file: string;
  sheet?: string;
  recordType: string;
  labelJa: string;
  measureIds: string[];
  /** Stated extraction period, ISO dates; absent when the export states none. */
  period?: { from: string; to: string; raw?: string };
  /** YYYY-MM of every month with at least one counted record. */
  months: string[];
  /** Distinct values of the filter columns: column key (kosha.yaml columns.<key>), its header, each value's first row and count. */
  categories: { column: string; header: string; letter: string; values: { value: string; row: number; count: number }[] }[];
}

/**
 * A file rejected whole by an error issue (unreadable, required columns missing, wrong encoding …): the values it was
 * expected to feed are withheld with the issue's code (transforms/withhold-rejected-files.ts).
 */
export interface RejectedFile {
  file: string;
  /** The rejecting issue's code and message. */
  code: string;
  messageJa: string;
  /** Measures the file was expected to feed. */
  measureIds: string[];
  /** Fiscal years the file was expected to feed; absent when nothing tells (then the run's report year). */
  fiscalYears?: number[];
}

export interface ContractFacts {
  readings?: Reading[];
  filePeriods?: FilePeriod[];
  monthlySeries?: MonthlySeries[];
  recordExports?: RecordExport[];
  rejectedFiles?: RejectedFile[];
}
