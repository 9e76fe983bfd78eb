// Takes the rows of one respondent file, checks every mapped cell against the codebook and keeps the answers in
// typed columns (one slot per respondent), so a 100k × 150 wave is checked and stored without a per-cell object.
// A bad cell never stops the file: it is recorded as an issue (capped per column and kind) and as a problem that
// "touches" its question, so the estimates that use the question are withheld and the others still come out.
// Each question kind's cells are read by its own reader (answer-kinds/); push() keeps the two commonest cases (a valid
// single-choice code, a 0/1 option column) in its own tight loops and hands every other cell to the kind's reader.
import { issueOf } from '../../lib/issue-catalog.ts';
import { issue, type Issue, type Severity } from '../../lib/issues.ts';
import { parseLooseNumber } from '../../lib/parse-number.ts';
import { Role } from '../../lib/survey-answer-role.ts';
import type { CodebookQuestion } from './codebook.ts';
import { columnLetter } from '../xlsx/column-letter.ts';
import type { ColumnPlan } from './map-wave-columns.ts';
import { normalizeHeader } from '../../lib/normalize-header.ts';
import { formatDay } from '../../lib/format-day.ts';
import { parseResponseDay } from './parse-response-day.ts';
import { Handler, Kind, NO_CHOSEN, NO_DAY, type CellContext, type MultiTally, type ReadCell } from './answer-kinds/answer-handler.ts';
import { readDateAnswer } from './answer-kinds/date-answer.ts';
import { readMultiCell } from './answer-kinds/multi-cell.ts';
import { readMultiOption } from './answer-kinds/multi-option.ts';
import { readNumberAnswer } from './answer-kinds/number-answer.ts';
import { readSingleChoice } from './answer-kinds/single-choice.ts';
import { readTextAnswer } from './answer-kinds/text-answer.ts';

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
}

// One cell reader per question kind, indexed by Kind; push() keeps the two common cases in its own loops.
const READ_CELL: readonly ReadCell[] = [readSingleChoice, readMultiCell, readMultiOption, readNumberAnswer, readTextAnswer, readDateAnswer];

export class WaveIngester implements CellContext {
  private readonly handlers: Handler[] = [];
  /** The handlers as parallel arrays for push()'s fast loops (rebuilt when the columns grow). */
  private singles = { handlers: [] as Handler[], columns: [] as number[], luts: [] as Int8Array[], roles: [] as Int8Array[], codes: [] as Int32Array[] };
  private options = { handlers: [] as Handler[], columns: [] as number[], chosen: [] as Uint8Array[], answer: [] as number[], tallies: [] as MultiTally[] };
  private others: Handler[] = [];
  private readonly tallies: MultiTally[] = [];
  private readonly data = new Map<string, QuestionData>();
  private capacity = 1024;
  private count = 0;
  private ids: (string | null)[] = [];
  private rowNumbers = new Int32Array(this.capacity);
  private weights: Float64Array | null;
  private responseDays: Int32Array | null;
  private badWeights = 0;
  private readonly seenIds = new Map<string, number>();
  /**
   * While every id is above the one before (numbers, or text ids such as C24-000123 in text order: the usual export),
   * none can repeat: seenIds waits until one is not.
   */
  private ascendingIds = true;
  private lastId: number | string | null = null;
  /** Response dates repeat (a few weeks of fieldwork): each value is parsed once. */
  private readonly responseDayCache = new Map<number | string, number | null>();
  private readonly touched = new Map<string, Map<string, number>>();
  private readonly issues: Issue[] = [];
  private readonly cellIssueCounts = new Map<string, { count: number; template: Issue }>();
  private readonly stats = { dataRows: 0, emptyRows: 0, duplicateRows: 0, conflictingDuplicates: 0 };
  private outsideFieldwork = 0;

  constructor(private readonly ctx: IngesterContext) {
    this.weights = ctx.plan.weight === undefined ? null : new Float64Array(this.capacity);
    this.responseDays = ctx.plan.responseDate === undefined ? null : new Int32Array(this.capacity);
    for (const [id, codes] of ctx.plan.touched) for (const code of codes) this.touch(id, code);
    for (const qc of ctx.plan.questions) {
      const q = qc.question;
      const data: QuestionData = { question: q, role: new Int8Array(this.capacity) };
      this.data.set(q.id, data);
      const roles = new Map<number, number>();
      for (const a of q.answers) roles.set(a.code, Role.Answer);
      for (const n of q.nonResponse) roles.set(n.code, n.kind === 'noAnswer' ? Role.NoAnswer : Role.NotApplicable);
      const lut = new Int8Array(256);
      for (const [code, role] of roles) if (code >= 0 && code < 256) lut[code] = role + 1;
      const labels = new Map<string, number>();
      for (const a of [...q.answers, ...q.nonResponse]) labels.set(normalizeHeader(a.labelJa), a.code);
      const make = (kind: number, column: number, option = 0, optionRole = 0) => new Handler(kind, column, data, lut, roles, labels, option, optionRole);
      if (q.type === 'single') {
        data.codes = new Int32Array(this.capacity);
        const h = make(Kind.Single, qc.column!);
        h.codes = data.codes;
        this.handlers.push(h);
      } else if (q.type === 'multi') {
        data.chosen = new Map(q.answers.map((a) => [a.code, new Uint8Array(this.capacity)]));
        if (qc.column !== undefined) this.handlers.push(make(Kind.MultiCell, qc.column));
        else {
          const tally = { data, answers: 0, noAnswer: 0, notApplicable: 0, invalid: 0 };
          this.tallies.push(tally);
          for (const [option, column] of qc.options ?? []) {
            const h = make(Kind.MultiOption, column, option, roles.get(option)!);
            h.optionChosen = data.chosen.get(option) ?? NO_CHOSEN;
            h.tally = tally;
            this.handlers.push(h);
          }
        }
      } else if (q.type === 'number') {
        data.numbers = new Float64Array(this.capacity);
        this.handlers.push(make(Kind.Number, qc.column!));
      } else if (q.type === 'date') {
        data.days = new Int32Array(this.capacity);
        this.handlers.push(make(Kind.Date, qc.column!));
      } else {
        data.texts = [];
        this.handlers.push(make(Kind.Text, qc.column!));
      }
    }
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
      answer: options.map((h) => (h.optionRole === Role.Answer ? 1 : 0)),
      tallies: options.map((h) => h.tally!),
    };
    this.others = this.handlers.filter((h) => h.kind !== Kind.Single && h.kind !== Kind.MultiOption);
  }

  /** One data row (cells[0] = column A). */
  push(rowNumber: number, cells: readonly unknown[]): void {
    const i = this.count;
    if (i === this.capacity) this.grow();
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
        options.chosen[h]![i] = 0;
        continue;
      }
      if (v === 1 && options.answer[h] === 1) {
        options.chosen[h]![i] = 1;
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
      this.rowIssue('industry-survey-empty-row', 'warning', rowNumber, undefined, `回答が1つもない行です。回答者に数えず、集計から除きました`);
      this.clearSlot(i);
      return;
    }
    const id = plan.respondentId === undefined ? null : respondentKey(cells[plan.respondentId]);
    this.ids[i] = id;
    this.rowNumbers[i] = rowNumber;
    if (this.weights) this.weights[i] = this.weightOf(cells[plan.weight!], rowNumber);
    if (this.responseDays) this.responseDays[i] = this.responseDayOf(cells[plan.responseDate!], rowNumber);
    if (id === null) {
      this.rowIssue(
        'industry-survey-missing-respondent-id',
        'warning',
        rowNumber,
        undefined,
        `回答者IDが空です。重複の確認ができないため、回答者IDを入れてください（この行は集計に含めています）`,
        plan.respondentId,
      );
    } else {
      const raw = cells[plan.respondentId!];
      const last = this.lastId;
      if (
        this.ascendingIds &&
        (typeof raw === 'number' ? last === null || (typeof last === 'number' && raw > last) : last === null || (typeof last === 'string' && id > last))
      ) {
        this.lastId = typeof raw === 'number' ? raw : id;
      } else {
        if (this.ascendingIds) this.indexIds();
        const first = this.seenIds.get(id);
        if (first !== undefined) {
          this.duplicate(first, i, rowNumber, id);
          this.clearSlot(i);
          return;
        }
        this.seenIds.set(id, i);
      }
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

  /** The first id out of ascending order: the ids kept so far go into seenIds, and every later id is looked up. */
  private indexIds(): void {
    this.ascendingIds = false;
    for (let j = 0; j < this.count; j += 1) {
      const id = this.ids[j];
      if (id !== null && id !== undefined) this.seenIds.set(id, j);
    }
  }

  /** A dropped row's slot is reused by the next row: its roles go back to Answer (0), as push()'s fast path assumes. */
  private clearSlot(i: number): void {
    for (const d of this.data.values()) d.role[i] = Role.Answer;
  }

  finish(): WaveData {
    for (const { count, template } of this.cellIssueCounts.values()) {
      if (count <= this.ctx.maxCellIssues) continue;
      this.issues.push({
        ...template,
        message: `同じ列で同じ種類の問題がほかに ${count - this.ctx.maxCellIssues} 件あります（最初の ${this.ctx.maxCellIssues} 件だけを1件ずつ示しました）`,
        raw: undefined,
        location: { ...template.location, row: undefined },
      });
    }
    if (this.badWeights > 0 && this.weights) {
      this.issues.push(
        issueOf(
          'industry-survey-bad-weight',
          { variant: 'summary', count: this.badWeights },
          { file: this.ctx.file, sheet: this.ctx.sheet, column: columnLetter(this.ctx.plan.weight!) },
        ),
      );
    }
    if (this.outsideFieldwork > 0 && this.ctx.fieldwork) {
      const { from, to } = this.ctx.fieldwork;
      this.issues.push(
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
      if (d.texts) out.texts = d.texts.slice(0, n);
      if (d.chosen) out.chosen = new Map([...d.chosen].map(([k, a]) => [k, a.subarray(0, n)]));
      questions.set(id, out);
    }
    return {
      count: n,
      ids: this.ids.slice(0, n),
      rowNumbers: this.rowNumbers.subarray(0, n),
      questions,
      weights: this.weights ? this.weights.subarray(0, n) : null,
      badWeights: this.badWeights,
      responseDays: this.responseDays ? this.responseDays.subarray(0, n) : null,
      touched: this.touched,
      stats: this.stats,
      issues: this.issues,
    };
  }

  private contradiction(t: MultiTally, rowNumber: number): number {
    const handler = this.handlers.find((h) => h.data === t.data)!;
    this.cellIssue('industry-survey-contradictory-answer', handler, rowNumber, '', '選択肢と無回答・非該当の列が同時に 1 になっています', 'error');
    return Role.Invalid;
  }

  badCode(handler: Handler, rowNumber: number, v: unknown, multiple: boolean, part?: string): void {
    const q = handler.data.question;
    const codes = [...q.answers, ...q.nonResponse].map((a) => `${a.code} ${a.labelJa}`).join('、');
    if (multiple) {
      this.cellIssue(
        'industry-survey-multiple-answers',
        handler,
        rowNumber,
        v,
        `単一回答の設問に複数の回答「${String(v)}」があります。回答を1つにしてください（どれが正しいか決められないため、この回答は使いません）`,
      );
    } else {
      this.cellIssue(
        'industry-survey-unknown-code',
        handler,
        rowNumber,
        v,
        `回答「${part ?? String(v)}」はコードブックにないコードです（使えるコード: ${codes}）。正しいコードに直してください`,
      );
    }
  }

  /** A problem in one cell: an issue (the first few per column and kind), and the question's answers are touched. */
  cellIssue(code: string, handler: Handler, rowNumber: number, raw: unknown, what: string, severity: Severity = 'error', touches = true): void {
    const q = handler.data.question;
    if (touches) this.touch(q.id, code);
    const usedBy = this.ctx.usedBy.get(q.id) ?? [];
    const effect = !touches
      ? ''
      : usedBy.length > 0
        ? `この設問を使う公表値（${usedBy.join('、')}）は、直したファイルが届くまで出しません。`
        : 'この設問は公表値には使っていません。';
    const key = `${code}\u0000${handler.column}`;
    const entry = this.cellIssueCounts.get(key);
    const made = issue(
      code,
      severity,
      `設問「${q.id} ${q.textJa}」: ${what}。${effect}`,
      { file: this.ctx.file, sheet: this.ctx.sheet, row: rowNumber, column: columnLetter(handler.column) },
      raw === '' ? undefined : raw,
    );
    if (!entry) this.cellIssueCounts.set(key, { count: 1, template: made });
    else entry.count += 1;
    if ((entry?.count ?? 1) <= this.ctx.maxCellIssues) this.issues.push(made);
  }

  private rowIssue(code: string, severity: Severity, rowNumber: number, raw: unknown, message: string, column?: number): void {
    this.issues.push(
      issue(
        code,
        severity,
        message,
        { file: this.ctx.file, sheet: this.ctx.sheet, row: rowNumber, column: column === undefined ? undefined : columnLetter(column) },
        raw ?? undefined,
      ),
    );
  }

  private touch(id: string, code: string): void {
    let codes = this.touched.get(id);
    if (!codes) this.touched.set(id, (codes = new Map()));
    codes.set(code, (codes.get(code) ?? 0) + 1);
  }

  private weightOf(v: unknown, rowNumber: number): number {
    const w = typeof v === 'number' ? v : typeof v === 'string' ? (parseLooseNumber(v) ?? Number.NaN) : Number.NaN;
    if (Number.isFinite(w) && w > 0) return w;
    this.badWeights += 1;
    if (this.badWeights <= this.ctx.maxCellIssues) {
      this.rowIssue(
        'industry-survey-bad-weight',
        'warning',
        rowNumber,
        v,
        `ウェイト「${v === null || v === undefined ? '' : String(v)}」が正の数ではありません`,
        this.ctx.plan.weight,
      );
    }
    return Number.NaN;
  }

  private responseDayOf(v: unknown, rowNumber: number): number {
    if (v === null || v === undefined || v === '') return NO_DAY;
    const day = this.parseDay(v);
    if (day === null) {
      this.rowIssue(
        'industry-survey-bad-date',
        'warning',
        rowNumber,
        v,
        `回答日「${String(v)}」を日付として読めません（集計には含めています）`,
        this.ctx.plan.responseDate,
      );
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
  private duplicate(first: number, i: number, rowNumber: number, id: string): void {
    this.stats.duplicateRows += 1;
    const differing: string[] = [];
    for (const data of this.data.values()) {
      if (!sameAnswer(data, first, i)) {
        differing.push(data.question.id);
        data.role[first] = Role.Invalid;
        this.touch(data.question.id, 'industry-survey-duplicate-respondent');
      }
    }
    const firstRow = this.rowNumbers[first]!;
    if (differing.length === 0) {
      this.rowIssue(
        'industry-survey-duplicate-respondent',
        'warning',
        rowNumber,
        undefined,
        `この行の回答者IDが${firstRow}行目と重複しています（回答は同じ）。1人として数えました。重複行を消してください`,
        this.ctx.plan.respondentId,
      );
      return;
    }
    this.stats.conflictingDuplicates += 1;
    const used = [...new Set(differing.flatMap((q) => this.ctx.usedBy.get(q) ?? []))];
    this.rowIssue(
      'industry-survey-duplicate-respondent',
      'error',
      rowNumber,
      undefined,
      `この行の回答者IDが${firstRow}行目と重複していて、設問 ${differing.join('・')} の回答が違います。どちらが正しいか決められないため、この回答者のそれらの設問の回答は使いません（1人として数えます）。${
        used.length > 0 ? `影響する公表値（${used.join('、')}）は、直したファイルが届くまで出しません。` : ''
      }回答者IDを直すか重複行を消してください`,
      this.ctx.plan.respondentId,
    );
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const grow8 = (a: Int8Array) => {
      const b = new Int8Array(capacity);
      b.set(a);
      return b;
    };
    const growU8 = (a: Uint8Array) => {
      const b = new Uint8Array(capacity);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    for (const d of this.data.values()) {
      d.role = grow8(d.role);
      if (d.codes) d.codes = grow32(d.codes);
      if (d.numbers) d.numbers = grow64(d.numbers);
      if (d.days) d.days = grow32(d.days);
      if (d.chosen) for (const [k, a] of d.chosen) d.chosen.set(k, growU8(a));
    }
    for (const h of this.handlers) {
      if (h.kind === Kind.MultiOption && h.optionRole === Role.Answer) h.optionChosen = h.data.chosen!.get(h.option)!;
      h.role = h.data.role;
      if (h.data.codes) h.codes = h.data.codes;
    }
    this.index();
    this.rowNumbers = grow32(this.rowNumbers);
    if (this.weights) this.weights = grow64(this.weights);
    if (this.responseDays) this.responseDays = grow32(this.responseDays);
    this.capacity = capacity;
  }
}

function respondentKey(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  // Printable ASCII without spaces (C24-000123) is its own key: normalizeHeader would return it unchanged.
  if (typeof v === 'string' && isPlainAscii(v)) return v;
  const key = typeof v === 'number' ? String(v) : normalizeHeader(v);
  return key === '' ? null : key;
}

function isPlainAscii(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

function sameAnswer(d: QuestionData, a: number, b: number): boolean {
  if (d.role[a] !== d.role[b]) return false;
  if (d.role[a] !== Role.Answer) return true;
  if (d.codes) return d.codes[a] === d.codes[b];
  if (d.numbers) return d.numbers[a] === d.numbers[b];
  if (d.days) return d.days[a] === d.days[b];
  if (d.texts) return d.texts[a] === d.texts[b];
  if (d.chosen) for (const arr of d.chosen.values()) if (arr[a] !== arr[b]) return false;
  return true;
}
