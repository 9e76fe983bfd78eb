// What a respondent file's reading leaves: its answers in typed columns, one slot per respondent kept (a 100k × 150
// wave without a per-cell object), with the file's counts and issues. Filled by WaveIngester, read by the transforms.
import type { Issue } from '../../lib/issues.ts';
import type { CodebookQuestion } from './codebook.ts';

export interface QuestionData {
  question: CodebookQuestion;
  /** Role per respondent. */
  role: Int8Array;
  /** Single choice: the answer code. */
  codes?: Int32Array;
  /** Multi-select: answer code → 1 when chosen. */
  chosen?: Map<number, Uint8Array>;
  /** Number question. */
  numbers?: Float64Array;
  /** Date question: days since 1970-01-01 (ward calendar). */
  days?: Int32Array;
  texts?: (string | null)[];
}

export interface WaveData {
  /** Respondents kept (rows with answers, one per respondent id). */
  count: number;
  ids: (string | null)[];
  rowNumbers: Int32Array;
  questions: Map<string, QuestionData>;
  /** Post-stratification weights, or null when the file has no weight column. */
  weights: Float64Array | null;
  /** Respondents whose weight is missing or not a positive number: weighted estimates are then not computed. */
  badWeights: number;
  responseDays: Int32Array | null;
  /** Problems that make a question's answers unusable: question id → issue code → count. */
  touched: Map<string, Map<string, number>>;
  stats: { dataRows: number; emptyRows: number; duplicateRows: number; conflictingDuplicates: number };
  issues: Issue[];
}
