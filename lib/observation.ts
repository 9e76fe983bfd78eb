// An observation: the value of a measure for a fiscal year, with where it came from.
import type { SourceBinding } from '../config/catalog-schema.ts';
import type { ContractFacts } from './contract-facts.ts';
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
  /** Column of a single cell the value was read from (manual entry), as a letter. */
  column?: string;
  /** Further files the value was formed from (12 monthly reports, several record exports), with the rows used. */
  otherInputs?: { file: string; sha256: string; rows?: string }[];
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
  /** The period the value measures when it is not the fiscal year itself (RESAS: 2018年（基準年）). */
  referencePeriod?: string;
  /** Which release of the source data the value comes from (RESAS: 2020年版). */
  sourceVintage?: string;
  /** The second figure of a two-figure cell (320人（8回） → 8); value is the first. */
  secondaryValue?: number;
}

/** A figure that is a state, not a number (実施 / 未実施 / 検討中 / ―): kept apart from numeric observations. */
export interface StatusReading {
  measureId: string;
  fiscalYear: number;
  status: string;
  provenance: Provenance;
  comment?: string;
}

/** A value a source could not form for a fiscal year (a month missing, a check failed): not published, and why. */
export interface Gap {
  measureId: string;
  fiscalYear: number;
  sourceKind: SourceKind;
  /** incomplete: inputs are missing (a month, part of the year); invalid: the inputs contradict themselves. */
  status: 'incomplete' | 'invalid';
  /** Japanese, for the user: why the value is not published. */
  reasonJa: string;
  /** The issue code of the check that withheld it (a data contract's code), when one did. */
  code?: string;
  provenance?: Provenance;
}

/** What a source adapter returns for one file: observations and the problems found. */
export interface SourceResult {
  observations: Observation[];
  issues: Issue[];
  gaps?: Gap[];
  /** Status figures (manual entry of a measure with valueType status). */
  statuses?: StatusReading[];
  /** Rows of adapter tables (lib/datasets.ts adapterDatasets) by dataset name, without run_id (the run adds it). */
  tables?: Record<string, object[]>;
  /** What the data contracts check besides the values (transforms/evaluate-contracts.ts). */
  facts?: ContractFacts;
}
