// An observation: the value of a measure for a fiscal year, with where it came from.
import type { SourceBinding } from '../config/catalog-schema.ts';
import type { Issue } from './issues.ts';

export type SourceKind = SourceBinding['kind'];

export interface Provenance {
  /** Path of the input file as given (inbox-relative where possible). */
  file: string;
  sha256: string;
  sheet?: string;
  /** Rows used, as the user sees them (e.g. "12" or "5-3004"). */
  rows?: string;
  /** The rule that produced the value, in words (e.g. 手入力値をそのまま採用). */
  rule: string;
}

export interface Observation {
  measureId: string;
  fiscalYear: number;
  value: number;
  sourceKind: SourceKind;
  provenance: Provenance;
  comment?: string;
  /** Survey estimates: respondents in the denominator and the confidence interval, in the value's unit. */
  n?: number;
  ciLow?: number;
  ciHigh?: number;
}

/** What a source adapter returns for one file: observations and the problems found. */
export interface SourceResult {
  observations: Observation[];
  issues: Issue[];
}
