// What a respondent file's reading leaves: its answers in typed columns, one slot per respondent kept (a 100k × 150
// wave without a per-cell object), with the file's counts and issues. Filled by WaveIngester, read by the transforms.
// Per respondent only what an estimate can use is kept: answer codes as bytes where the codebook's codes fit,
// multi-select options as bits, free text as numbers into a list of the texts, no ids, row numbers as runs, the response dates as their range.
import type { Issue } from '../../lib/issues.ts';
import type { CodebookQuestion } from './codebook.ts';
import type { RowNumbers } from './row-numbers.ts';
import type { TextAnswers } from './text-answers.ts';

export interface QuestionData {
  question: CodebookQuestion;
  /** Role per respondent. */
  role: Int8Array;
  /** Single choice: the answer code (bytes when every code of the question is 0–255). */
  codes?: Uint8Array | Int32Array;
  /** Multi-select: the chosen options as bits, eight options to a byte column. */
  chosen?: ChosenBits;
  /** Number question. */
  numbers?: Float64Array;
  /** Date question: days since 1970-01-01 (ward calendar). */
  days?: Int32Array;
  /** Free text: each respondent's text (never estimated; kept to tell a repeated respondent's answers apart). */
  texts?: TextAnswers;
}

/** A multi-select question's options as bits: a respondent chose option `code` when `words[word][i] & mask`. */
export interface ChosenBits {
  words: Uint8Array[];
  bitOf: Map<number, { word: number; mask: number }>;
}

export interface WaveData {
  /** Respondents kept (rows with answers, one per respondent id). */
  count: number;
  rowNumbers: RowNumbers;
  questions: Map<string, QuestionData>;
  /** Whether the file has a weight column. */
  hasWeights: boolean;
  /**
   * Post-stratification weights, or null when the file has no weight column or nothing estimates with them (a design
   * weighted from the frame file): they are still checked.
   */
  weights: Float64Array | null;
  /** Respondents whose weight is missing or not a positive number: weighted estimates are then not computed. */
  badWeights: number;
  /** The first and last response date kept (days since 1970-01-01; null when none is readable), or null without the column. */
  responseDays: { first: number | null; last: number | null } | null;
  /** Problems that make a question's answers unusable: question id → issue code → count. */
  touched: Map<string, Map<string, number>>;
  stats: { dataRows: number; emptyRows: number; duplicateRows: number; conflictingDuplicates: number };
  issues: Issue[];
}
