// Takes the rows of one respondent file, checks every mapped cell against the codebook and keeps the answers in
// typed columns (one slot per respondent), so a 100k × 150 wave is checked and stored without a per-cell object.
// A bad cell never stops the file: wave-issue-log.ts records it (capped per column and kind) and "touches" its question,
// so the estimates that use the question are withheld and the others still come out. Each question kind's cells are
// read by its own reader (answer-kinds/); push() keeps the two commonest cases (a valid single-choice code, a 0/1
// option column) in its own tight loops and hands every other cell to the kind's reader. Repeated ids: respondent-ids.ts.
import { issueOf } from '../../lib/issue-catalog.ts';
import { parseLooseNumber } from '../../lib/parse-number.ts';
import { Role } from '../../lib/survey-answer-role.ts';
import { columnLetter } from '../xlsx/column-letter.ts';
import type { ColumnPlan } from './map-wave-columns.ts';
import type { QuestionData, WaveData } from './wave-data.ts';
import { WaveIssueLog, type CellProblem } from './wave-issue-log.ts';
import { RespondentIds } from './respondent-ids.ts';
import { RowNumbers } from './row-numbers.ts';
import { formatDay } from '../../lib/format-day.ts';
import { parseResponseDay } from './parse-response-day.ts';
import { Kind, NO_DAY, type CellContext, type Handler, type MultiTally, type ReadCell } from './answer-kinds/answer-handler.ts';
import { columnHandlers } from './answer-kinds/column-handlers.ts';
import { readDateAnswer } from './answer-kinds/date-answer.ts';
import { readMultiCell } from './answer-kinds/multi-cell.ts';
import { readMultiOption } from './answer-kinds/multi-option.ts';
import { readNumberAnswer } from './answer-kinds/number-answer.ts';
import { readSingleChoice } from './answer-kinds/single-choice.ts';
import { readTextAnswer } from './answer-kinds/text-answer.ts';

export interface IngesterContext {
  file: string;
  sheet?: string;
  plan: ColumnPlan;
  /** Published figures using each question (measure names), for messages and severities. */
  usedBy: ReadonlyMap<string, readonly string[]>;
  separator: string;
  maxCellIssues: number;
  date1904?: boolean;
  /** The wave's fieldwork period (days since 1970), for a warning on response dates outside it. */
  fieldwork?: { from: number; to: number };
  /** Keep each respondent's weight (false: the weights are checked, but nothing estimates with them). Default true. */
  keepWeights?: boolean;
}

// One cell reader per question kind, indexed by Kind; push() keeps the two common cases in its own loops.
const READ_CELL: readonly ReadCell[] = [readSingleChoice, readMultiCell, readMultiOption, readNumberAnswer, readTextAnswer, readDateAnswer];

export class WaveIngester implements CellContext {
  private readonly handlers: Handler[];
  /** The handlers as parallel arrays for push()'s fast loops (rebuilt when the columns grow). */
  private singles = {
    handlers: [] as Handler[],
    columns: [] as number[],
    luts: [] as Int8Array[],
    roles: [] as Int8Array[],
    codes: [] as (Uint8Array | Int32Array)[],
  };
  private options = {
    handlers: [] as Handler[],
    columns: [] as number[],
    chosen: [] as Uint8Array[],
    masks: [] as number[],
    answer: [] as number[],
    tallies: [] as MultiTally[],
  };
  private others: Handler[] = [];
  private readonly tallies: MultiTally[];
  private readonly data: Map<string, QuestionData>;
  private capacity = 1024;
  private count = 0;
  private readonly ids = new RespondentIds();
  private readonly rowNumbers = new RowNumbers();
  private weights: Float64Array | null;
  private readonly responseDays: { first: number | null; last: number | null } | null;
  private badWeights = 0;
  /** Response dates repeat (a few weeks of fieldwork): each value is parsed once. */
  private readonly responseDayCache = new Map<number | string, number | null>();
  private readonly log: WaveIssueLog;
  private readonly stats = { dataRows: 0, emptyRows: 0, duplicateRows: 0, conflictingDuplicates: 0 };
  private outsideFieldwork = 0;

  constructor(private readonly ctx: IngesterContext) {
    this.log = new WaveIssueLog(ctx);
    this.weights = ctx.plan.weight === undefined || ctx.keepWeights === false ? null : new Float64Array(this.capacity);
    this.responseDays = ctx.plan.responseDate === undefined ? null : { first: null, last: null };
    for (const [id, codes] of ctx.plan.touched) for (const code of codes) this.log.touch(id, code);
    const columns = columnHandlers(ctx.plan, this.capacity);
    this.data = columns.data;
    this.handlers = columns.handlers;
    this.tallies = columns.tallies;
    this.index();
  }

  private index(): void {
    const singles = this.handlers.filter((h) => h.kind === Kind.Single);
    this.singles = {
      handlers: singles,
      columns: singles.map((h) => h.column),
      luts: singles.map((h) => h.lut),
      roles: singles.map((h) => h.role),
      codes: singles.map((h) => h.codes),
    };
    const options = this.handlers.filter((h) => h.kind === Kind.MultiOption);
    this.options = {
      handlers: options,
      columns: options.map((h) => h.column),
      chosen: options.map((h) => h.optionChosen),
      masks: options.map((h) => h.optionMask),
      answer: options.map((h) => (h.optionRole === Role.Answer ? 1 : 0)),
      tallies: options.map((h) => h.tally!),
    };
    this.others = this.handlers.filter((h) => h.kind !== Kind.Single && h.kind !== Kind.MultiOption);
  }

  /** Room for this many respondents in all, when the file's size tells about how many rows it has (no copy as it fills). */
  reserve(respondents: number): void {
    if (respondents > this.capacity) this.resize(respondents);
    this.ids.reserve(respondents);
  }

  /** One data row (cells[0] = column A). */
  push(rowNumber: number, cells: readonly unknown[]): void {
    const i = this.count;
    if (i === this.capacity) this.resize(Math.ceil(this.capacity * 1.5));
    let nonEmpty = false;
    for (const t of this.tallies) t.answers = t.noAnswer = t.notApplicable = t.invalid = 0;
    // The common cases in tight loops over plain arrays (a valid code in a single-choice column, 0/1 in an option
    // column); anything else goes through cell(), which checks it and records what is wrong.
    const singles = this.singles;
    for (let h = 0; h < singles.columns.length; h += 1) {
      const v = cells[singles.columns[h]!];
      if (typeof v === 'number') {
        // NaN for a number outside 0–255 or not an integer: cell() decides.
        const r = singles.luts[h]![v]! - 1;
        if (r >= 0) {
          // Roles start as Answer (0) and a dropped row's slot is reset, so an answer needs no role write.
          if (r !== Role.Answer) singles.roles[h]![i] = r;
          singles.codes[h]![i] = v;
          nonEmpty = true;
          continue;
        }
      }
      if (this.cell(singles.handlers[h]!, i, rowNumber, v)) nonEmpty = true;
    }
    const options = this.options;
    for (let h = 0; h < options.columns.length; h += 1) {
      const v = cells[options.columns[h]!];
      if (v === 0 || v === null || v === undefined) {
        options.chosen[h]![i]! &= ~options.masks[h]!;
        continue;
      }
      if (v === 1 && options.answer[h] === 1) {
        options.chosen[h]![i]! |= options.masks[h]!;
        options.tallies[h]!.answers += 1;
        nonEmpty = true;
        continue;
      }
      if (this.cell(options.handlers[h]!, i, rowNumber, v)) nonEmpty = true;
    }
    const others = this.others;
    for (let h = 0; h < others.length; h += 1) {
      const handler = others[h]!;
      if (this.cell(handler, i, rowNumber, cells[handler.column])) nonEmpty = true;
    }
    for (const t of this.tallies) {
      const role =
        t.invalid > 0
          ? Role.Invalid
          : t.answers > 0
            ? t.noAnswer + t.notApplicable > 0
              ? this.contradiction(t, rowNumber)
              : Role.Answer
            : t.notApplicable > 0
              ? Role.NotApplicable
              : Role.NoAnswer;
      t.data.role[i] = role;
    }
    this.stats.dataRows += 1;
    const plan = this.ctx.plan;
    if (!nonEmpty) {
      this.stats.emptyRows += 1;
      // The row number locates the row; a respondent id never leaves the archive (docs/operations.md).
      this.log.issues.push(issueOf('industry-survey-empty-row', {}, this.log.at(rowNumber)));
      this.clearSlot(i);
      return;
    }
    const id = plan.respondentId === undefined ? null : RespondentIds.keyOf(cells[plan.respondentId]);
    this.ids.set(i, id);
    if (plan.weight !== undefined) {
      const weight = this.weightOf(cells[plan.weight], rowNumber);
      if (this.weights) this.weights[i] = weight;
    }
    const day = plan.responseDate === undefined ? NO_DAY : this.responseDayOf(cells[plan.responseDate], rowNumber);
    if (id === null) {
      this.log.issues.push(issueOf('industry-survey-missing-respondent-id', {}, this.log.at(rowNumber, plan.respondentId)));
    } else {
      const first = this.ids.earlierSlot(id, cells[plan.respondentId!], i);
      if (first !== undefined) {
        this.duplicate(first, i, rowNumber);
        this.clearSlot(i);
        return;
      }
    }
    this.rowNumbers.push(rowNumber);
    const days = this.responseDays;
    if (days && day !== NO_DAY) {
      if (days.first === null || day < days.first) days.first = day;
      if (days.last === null || day > days.last) days.last = day;
    }
    this.count += 1;
  }

  /** Checks and stores one cell with its kind's reader; true when the cell holds something (the row is not empty). */
  private cell(handler: Handler, i: number, rowNumber: number, v: unknown): boolean {
    const blank = v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    return READ_CELL[handler.kind]!(handler, i, rowNumber, v, blank, this);
  }

  get separator(): string {
    return this.ctx.separator;
  }

  get date1904(): boolean | undefined {
    return this.ctx.date1904;
  }

  /** A dropped row's slot is reused by the next row: its roles go back to Answer (0), as push()'s fast path assumes. */
  private clearSlot(i: number): void {
    for (const d of this.data.values()) d.role[i] = Role.Answer;
  }

  finish(): WaveData {
    this.log.addSummaries();
    if (this.badWeights > 0 && this.weights) {
      this.log.issues.push(
        issueOf(
          'industry-survey-bad-weight',
          { variant: 'summary', count: this.badWeights },
          { file: this.ctx.file, sheet: this.ctx.sheet, column: columnLetter(this.ctx.plan.weight!) },
        ),
      );
    }
    if (this.outsideFieldwork > 0 && this.ctx.fieldwork) {
      const { from, to } = this.ctx.fieldwork;
      this.log.issues.push(
        issueOf(
          'industry-survey-outside-fieldwork',
          { from: formatDay(from), to: formatDay(to), count: this.outsideFieldwork },
          { file: this.ctx.file, sheet: this.ctx.sheet, column: columnLetter(this.ctx.plan.responseDate!) },
        ),
      );
    }
    const n = this.count;
    const questions = new Map<string, QuestionData>();
    for (const [id, d] of this.data) {
      const out: QuestionData = { question: d.question, role: d.role.subarray(0, n) };
      if (d.codes) out.codes = d.codes.subarray(0, n);
      if (d.numbers) out.numbers = d.numbers.subarray(0, n);
      if (d.days) out.days = d.days.subarray(0, n);
      if (d.texts) out.texts = d.texts;
      if (d.chosen) out.chosen = { words: d.chosen.words.map((a) => a.subarray(0, n)), bitOf: d.chosen.bitOf };
      questions.set(id, out);
    }
    return {
      count: n,
      rowNumbers: this.rowNumbers,
      questions,
      hasWeights: this.ctx.plan.weight !== undefined,
      weights: this.weights ? this.weights.subarray(0, n) : null,
      badWeights: this.badWeights,
      responseDays: this.responseDays,
      touched: this.log.touched,
      stats: this.stats,
      issues: this.log.issues,
    };
  }

  private contradiction(t: MultiTally, rowNumber: number): number {
    const handler = this.handlers.find((h) => h.data === t.data)!;
    this.cellIssue({ code: 'industry-survey-contradictory-answer', variant: 'columns' }, handler, rowNumber, undefined);
    return Role.Invalid;
  }

  badCode(handler: Handler, rowNumber: number, v: unknown, multiple: boolean, part?: string): void {
    if (multiple) return this.cellIssue({ code: 'industry-survey-multiple-answers' }, handler, rowNumber, v);
    const q = handler.data.question;
    const codes = [...q.answers, ...q.nonResponse].map((a) => `${a.code} ${a.labelJa}`).join('、');
    this.cellIssue({ code: 'industry-survey-unknown-code', variant: 'code', answer: part ?? String(v), codes }, handler, rowNumber, v);
  }

  /** A problem in one cell: an issue (the first few per column and kind), and the question's answers are touched. */
  cellIssue(problem: CellProblem, handler: Handler, rowNumber: number, raw: unknown, touches = true): void {
    this.log.cell(problem, handler.data.question, handler.column, rowNumber, raw, touches);
  }

  private weightOf(v: unknown, rowNumber: number): number {
    const w = typeof v === 'number' ? v : typeof v === 'string' ? (parseLooseNumber(v) ?? Number.NaN) : Number.NaN;
    if (Number.isFinite(w) && w > 0) return w;
    this.badWeights += 1;
    if (this.badWeights <= this.ctx.maxCellIssues) {
      const raw = v ?? undefined;
      this.log.issues.push(
        issueOf('industry-survey-bad-weight', { variant: 'row', raw: raw === undefined ? '' : String(raw) }, this.log.at(rowNumber, this.ctx.plan.weight), raw),
      );
    }
    return Number.NaN;
  }

  private responseDayOf(v: unknown, rowNumber: number): number {
    if (v === null || v === undefined || v === '') return NO_DAY;
    const day = this.parseDay(v);
    if (day === null) {
      const at = this.log.at(rowNumber, this.ctx.plan.responseDate);
      this.log.issues.push(issueOf('industry-survey-bad-date', { variant: 'responseDate', raw: String(v) }, at, v, 'warning'));
      return NO_DAY;
    }
    const f = this.ctx.fieldwork;
    if (f && (day < f.from || day > f.to)) this.outsideFieldwork += 1;
    return day;
  }

  private parseDay(v: unknown): number | null {
    if (typeof v !== 'number' && typeof v !== 'string') return parseResponseDay(v, this.ctx.date1904);
    const cache = this.responseDayCache;
    let day = cache.get(v);
    if (day === undefined) {
      day = parseResponseDay(v, this.ctx.date1904);
      if (cache.size < 4096) cache.set(v, day);
    }
    return day;
  }

  /** A respondent id seen before: the same answers are one respondent; different answers make the differing questions unusable. */
  private duplicate(first: number, i: number, rowNumber: number): void {
    this.stats.duplicateRows += 1;
    const differing: string[] = [];
    for (const data of this.data.values()) {
      if (!sameAnswer(data, first, i)) {
        differing.push(data.question.id);
        data.role[first] = Role.Invalid;
        this.log.touch(data.question.id, 'industry-survey-duplicate-respondent');
      }
    }
    const firstRow = this.rowNumbers.at(first);
    const at = this.log.at(rowNumber, this.ctx.plan.respondentId);
    if (differing.length === 0) {
      this.log.issues.push(issueOf('industry-survey-duplicate-respondent', { variant: 'same', firstRow }, at, undefined, 'warning'));
      return;
    }
    this.stats.conflictingDuplicates += 1;
    const used = [...new Set(differing.flatMap((q) => this.ctx.usedBy.get(q) ?? []))];
    const effect = used.length > 0 ? `影響する公表値（${used.join('、')}）は、直したファイルが届くまで出しません。` : '';
    this.log.issues.push(
      issueOf('industry-survey-duplicate-respondent', { variant: 'differing', firstRow, questions: differing.join('・'), effect }, at, undefined, 'error'),
    );
  }

  /** Every respondent column at a new capacity (the slots kept so far copied). */
  private resize(capacity: number): void {
    const keep = Math.min(this.count, capacity);
    const to = <T extends ResizableColumn>(a: T): T => resized(a, capacity, keep);
    for (const d of this.data.values()) {
      d.role = to(d.role);
      if (d.codes) d.codes = to(d.codes);
      if (d.numbers) d.numbers = to(d.numbers);
      if (d.days) d.days = to(d.days);
      d.texts?.resize(capacity, keep);
      if (d.chosen) d.chosen.words = d.chosen.words.map(to);
    }
    for (const h of this.handlers) {
      if (h.kind === Kind.MultiOption && h.optionRole === Role.Answer) h.optionChosen = h.data.chosen!.words[h.data.chosen!.bitOf.get(h.option)!.word]!;
      h.role = h.data.role;
      if (h.data.codes) h.codes = h.data.codes;
    }
    this.index();
    if (this.weights) this.weights = to(this.weights);
    this.capacity = capacity;
  }
}

type ResizableColumn = Int8Array | Uint8Array | Int32Array | Float64Array;

/** A column of the same kind with room for `capacity` slots, the first `keep` copied. */
function resized<T extends ResizableColumn>(a: T, capacity: number, keep: number): T {
  const b = new (a.constructor as new (length: number) => T)(capacity);
  b.set(a.subarray(0, keep));
  return b;
}

function sameAnswer(d: QuestionData, a: number, b: number): boolean {
  if (d.role[a] !== d.role[b]) return false;
  if (d.role[a] !== Role.Answer) return true;
  if (d.codes) return d.codes[a] === d.codes[b];
  if (d.numbers) return d.numbers[a] === d.numbers[b];
  if (d.days) return d.days[a] === d.days[b];
  if (d.texts) return d.texts.same(a, b);
  if (d.chosen) for (const arr of d.chosen.words) if (arr[a] !== arr[b]) return false;
  return true;
}
