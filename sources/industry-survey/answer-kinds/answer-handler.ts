// What every question kind's cell reader shares: the column's handler (one class, so the per-cell loop sees one
// shape), the kinds, and what a reader may ask of the ingester (recording an issue, the wave's settings).
import type { QuestionData } from '../wave-data.ts';
import type { CellProblem } from '../wave-issue-log.ts';

export const Kind = { Single: 0, MultiCell: 1, MultiOption: 2, Number: 3, Text: 4, Date: 5 } as const;

/** Days value of a date left empty or unreadable. */
export const NO_DAY = -2147483648;

/** A non-response option's column: writes to it are no-ops. */
export const NO_CHOSEN = new Uint8Array(0);
const NO_CODES = new Uint8Array(0);

/** How one column is read. A class with fixed field types, so the per-cell loop sees one shape (no deopts). */
export class Handler {
  /** MultiOption: the byte column holding the option's bit (empty for a non-response option: writes are no-ops). */
  optionChosen: Uint8Array = NO_CHOSEN;
  /** MultiOption: the option's bit in optionChosen (0 for a non-response option). */
  optionMask = 0;
  tally: MultiTally | null = null;
  /** The question's role and code columns (replaced when the columns grow). */
  role: Int8Array;
  codes: Uint8Array | Int32Array = NO_CODES;
  /** Text cells already worked out: raw text → code (single choice: see single-choice.ts). */
  readonly textCodes = new Map<string, number>();
  constructor(
    readonly kind: number,
    readonly column: number,
    readonly data: QuestionData,
    /** Role + 1 for codes 0–255 (0 = not a code of the question). */
    readonly lut: Int8Array,
    readonly roles: Map<number, number>,
    readonly labels: Map<string, number>,
    /** MultiOption: the option's code and its role (answer, or a non-response code). */
    readonly option = 0,
    readonly optionRole = 0,
  ) {
    this.role = data.role;
  }
}

/** Per-row tallies of a multi-select question written as 0/1 columns. */
export interface MultiTally {
  data: QuestionData;
  answers: number;
  noAnswer: number;
  notApplicable: number;
  invalid: number;
}

/** What a question kind's cell reader may ask of the ingester. */
export interface CellContext {
  readonly separator: string;
  readonly date1904: boolean | undefined;
  /** A problem in one cell: an issue (the first few per column and kind), and the question's answers are touched. */
  cellIssue(problem: CellProblem, handler: Handler, rowNumber: number, raw: unknown, touches?: boolean): void;
  /** An answer that is not a code of the question (or several in a single-choice cell). */
  badCode(handler: Handler, rowNumber: number, v: unknown, multiple: boolean, part?: string): void;
}

/**
 * Checks and stores one cell of respondent slot `i` (`blank`: null, undefined or only spaces); true when the cell
 * holds something (the row is not empty).
 */
export type ReadCell = (handler: Handler, i: number, rowNumber: number, v: unknown, blank: boolean, context: CellContext) => boolean;
