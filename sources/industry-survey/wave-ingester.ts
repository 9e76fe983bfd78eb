// Takes the rows of one respondent file, checks every mapped cell against the codebook and keeps the answers in
// typed columns (one slot per respondent), so a 100k × 150 wave is checked and stored without a per-cell object.
// A bad cell never stops the file: it is recorded as an issue (capped per column and kind) and as a problem that
// "touches" its question, so the estimates that use the question are withheld and the others still come out.
import { issue, type Issue, type Severity } from '../../lib/issues.ts';
import { parseLooseNumber } from '../../lib/parse-number.ts';
import { Role } from '../../lib/survey-answer-role.ts';
import type { CodebookQuestion } from './codebook.ts';
import { columnLetter } from './column-letter.ts';
import type { ColumnPlan } from './map-wave-columns.ts';
import { normalizeHeader } from '../../lib/normalize-header.ts';
import { formatDay } from '../../lib/format-day.ts';
import { parseResponseDay } from './parse-response-day.ts';

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

const NO_DAY = -2147483648;
const Kind = { Single: 0, MultiCell: 1, MultiOption: 2, Number: 3, Text: 4, Date: 5 } as const;
// Outside any answer code: what textCode returns for several codes, an unknown text, or blank text.
const MULTIPLE = -1e9;
const UNKNOWN = -2e9;
const BLANK_TEXT = -3e9;

const NO_CHOSEN = new Uint8Array(0);
const NO_CODES = new Int32Array(0);

/** How one column is read. A class with fixed field types, so the per-cell loop sees one shape (no deopts). */
class Handler {
  /** MultiOption: the option's 0/1 column per respondent (empty for a non-response option: writes are no-ops). */
  optionChosen: Uint8Array = NO_CHOSEN;
  tally: MultiTally | null = null;
  /** The question's role and code columns (replaced when the columns grow). */
  role: Int8Array;
  codes: Int32Array = NO_CODES;
  /** Text cells already worked out: raw text → code (or MULTIPLE, UNKNOWN, BLANK_TEXT). */
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
interface MultiTally {
  data: QuestionData;
  answers: number;
  noAnswer: number;
  notApplicable: number;
  invalid: number;
}

export class WaveIngester {
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
      const first = this.seenIds.get(id);
      if (first !== undefined) {
        this.duplicate(first, i, rowNumber, id);
        this.clearSlot(i);
        return;
      }
      this.seenIds.set(id, i);
    }
    this.count += 1;
  }

  /** Checks and stores one cell; true when the cell holds something (the row is not empty). */
  private cell(handler: Handler, i: number, rowNumber: number, v: unknown): boolean {
    let nonEmpty = false;
    const blank = v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    switch (handler.kind) {
      case Kind.Single: {
        const data = handler.data;
        if (blank) {
          data.role[i] = Role.NoAnswer;
          data.codes![i] = 0;
          break;
        }
        let code = typeof v === 'number' ? v : this.textCode(handler, v);
        let role = code >= 0 && code < 256 && code === (code | 0) ? handler.lut[code]! - 1 : (handler.roles.get(code) ?? -1);
        // Only spaces in the cell: the same as blank.
        nonEmpty = code !== BLANK_TEXT;
        if (code === BLANK_TEXT) {
          role = Role.NoAnswer;
          code = 0;
        } else if (role < 0) {
          role = Role.Invalid;
          this.badCode(handler, rowNumber, v, code === MULTIPLE);
        }
        data.role[i] = role;
        data.codes![i] = role === Role.Invalid ? 0 : code;
        break;
      }
      case Kind.MultiCell: {
        if (blank) {
          handler.data.role[i] = Role.NoAnswer;
          break;
        }
        nonEmpty = this.multiCell(handler, i, rowNumber, v) || nonEmpty;
        break;
      }
      case Kind.MultiOption: {
        const tally = handler.tally!;
        let on: boolean;
        if (blank || v === 0 || v === '0' || v === false) on = false;
        else if (v === 1 || v === '1' || v === true) on = true;
        else {
          const n = typeof v === 'string' ? parseLooseNumber(v) : null;
          if (n === 0 || n === 1) on = n === 1;
          else {
            tally.invalid += 1;
            this.cellIssue(
              'industry-survey-unknown-code',
              handler,
              rowNumber,
              v,
              `複数回答の選択肢「${handler.option}」の列は 1（選んだ）か 0・空欄（選ばない）のはずですが「${String(v)}」です`,
            );
            nonEmpty = true;
            handler.optionChosen[i] = 0;
            break;
          }
        }
        handler.optionChosen[i] = on ? 1 : 0;
        if (!on) break;
        nonEmpty = true;
        if (handler.optionRole === Role.Answer) tally.answers += 1;
        else if (handler.optionRole === Role.NoAnswer) tally.noAnswer += 1;
        else tally.notApplicable += 1;
        break;
      }
      case Kind.Number: {
        const data = handler.data;
        if (blank) {
          data.role[i] = Role.NoAnswer;
          data.numbers![i] = Number.NaN;
          break;
        }
        nonEmpty = true;
        const n = typeof v === 'number' ? v : typeof v === 'string' ? parseLooseNumber(v) : null;
        data.numbers![i] = Number.NaN;
        if (n === null) {
          if (typeof v === 'string' && v.trim() === '') {
            data.role[i] = Role.NoAnswer;
            break;
          }
          data.role[i] = Role.Invalid;
          this.cellIssue('industry-survey-not-a-number', handler, rowNumber, v, `数値の設問ですが「${String(v)}」は数値として読めません`);
          break;
        }
        const nonResponse = handler.roles.get(n);
        if (nonResponse !== undefined && nonResponse !== Role.Answer) {
          data.role[i] = nonResponse;
          break;
        }
        const q = data.question;
        if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) {
          data.role[i] = Role.Invalid;
          this.cellIssue('industry-survey-out-of-range', handler, rowNumber, v, `値 ${n} が範囲（${q.min ?? '−∞'}〜${q.max ?? '∞'}）の外です`);
          break;
        }
        data.role[i] = Role.Answer;
        data.numbers![i] = n;
        break;
      }
      case Kind.Text: {
        const data = handler.data;
        if (blank || (typeof v === 'string' && v.trim() === '')) {
          data.role[i] = Role.NoAnswer;
          data.texts![i] = null;
          break;
        }
        nonEmpty = true;
        const text = String(v);
        if (text.includes('\uFFFD')) {
          this.cellIssue(
            'industry-survey-mojibake',
            handler,
            rowNumber,
            v,
            '文字化け（置換文字 U+FFFD）があります。元のファイルの文字コードを確かめ、正しく保存し直したファイルを置いてください',
            'warning',
            false,
          );
        }
        data.role[i] = Role.Answer;
        data.texts![i] = text;
        break;
      }
      case Kind.Date: {
        const data = handler.data;
        if (blank) {
          data.role[i] = Role.NoAnswer;
          data.days![i] = NO_DAY;
          break;
        }
        nonEmpty = true;
        const day = parseResponseDay(v, this.ctx.date1904);
        if (day === null) {
          data.role[i] = Role.Invalid;
          data.days![i] = NO_DAY;
          this.cellIssue(
            'industry-survey-bad-date',
            handler,
            rowNumber,
            v,
            `日付の設問ですが「${String(v)}」は日付として読めません（2024/7/1、令和6年7月1日 などの形にしてください）`,
          );
          break;
        }
        data.role[i] = Role.Answer;
        data.days![i] = day;
        break;
      }
    }
    return nonEmpty;
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
        issue(
          'industry-survey-bad-weight',
          'warning',
          `ウェイトが空欄か正の数でない回答者が ${this.badWeights} 人います。このファイルを含む加重推計（weighted_share）は出しません。単純集計の割合には影響しません`,
          { file: this.ctx.file, sheet: this.ctx.sheet, column: columnLetter(this.ctx.plan.weight!) },
        ),
      );
    }
    if (this.outsideFieldwork > 0 && this.ctx.fieldwork) {
      const { from, to } = this.ctx.fieldwork;
      this.issues.push(
        issue(
          'industry-survey-outside-fieldwork',
          'warning',
          `回答日が調査期間（${formatDay(from)}〜${formatDay(to)}）の外の回答者が ${this.outsideFieldwork} 人います。回答日の列か調査期間の設定（waves[].fieldwork）を確かめてください（集計には含めています）`,
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

  /** A code written as text: digits (full-width too), an answer label, or several codes in a single-choice cell. */
  private textCode(handler: Handler, v: unknown): number {
    if (typeof v !== 'string') return UNKNOWN;
    // CSV cells and label-valued columns repeat a few texts many times: each is worked out once.
    const cached = handler.textCodes.get(v);
    if (cached !== undefined) return cached;
    const code = this.parseTextCode(handler, v);
    if (handler.textCodes.size < 4096) handler.textCodes.set(v, code);
    return code;
  }

  private parseTextCode(handler: Handler, raw: string): number {
    const text = normalizeHeader(raw);
    if (text === '') return BLANK_TEXT;
    if (/^-?\d+$/.test(text)) return Number(text);
    const label = handler.labels.get(text);
    if (label !== undefined) return label;
    const parts = text.split(/\s*[;,、/・\s]\s*/).filter((p) => p !== '');
    if (parts.length > 1 && parts.every((p) => /^-?\d+$/.test(p) || handler.labels.has(p))) return MULTIPLE;
    return UNKNOWN;
  }

  private multiCell(handler: Handler, i: number, rowNumber: number, v: unknown): boolean {
    const data = handler.data;
    for (const arr of data.chosen!.values()) arr[i] = 0;
    const text = typeof v === 'number' ? String(v) : normalizeHeader(v);
    if (text === '') {
      data.role[i] = Role.NoAnswer;
      return false;
    }
    const parts = text
      .split(this.ctx.separator)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    let answers = 0;
    let noAnswer = 0;
    let notApplicable = 0;
    for (const part of parts) {
      const code = /^-?\d+$/.test(part) ? Number(part) : (handler.labels.get(part) ?? Number.NaN);
      const role = handler.roles.get(code);
      if (role === undefined) {
        data.role[i] = Role.Invalid;
        for (const arr of data.chosen!.values()) arr[i] = 0;
        this.badCode(handler, rowNumber, v, false, part);
        return true;
      }
      if (role === Role.Answer) {
        data.chosen!.get(code)![i] = 1;
        answers += 1;
      } else if (role === Role.NoAnswer) noAnswer += 1;
      else notApplicable += 1;
    }
    if (answers > 0 && noAnswer + notApplicable > 0) {
      data.role[i] = Role.Invalid;
      this.cellIssue('industry-survey-contradictory-answer', handler, rowNumber, v, '選択肢と無回答・非該当が同時に選ばれています', 'error');
    } else data.role[i] = answers > 0 ? Role.Answer : notApplicable > 0 ? Role.NotApplicable : Role.NoAnswer;
    return true;
  }

  private contradiction(t: MultiTally, rowNumber: number): number {
    const handler = this.handlers.find((h) => h.data === t.data)!;
    this.cellIssue('industry-survey-contradictory-answer', handler, rowNumber, '', '選択肢と無回答・非該当の列が同時に 1 になっています', 'error');
    return Role.Invalid;
  }

  private badCode(handler: Handler, rowNumber: number, v: unknown, multiple: boolean, part?: string): void {
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
  private cellIssue(code: string, handler: Handler, rowNumber: number, raw: unknown, what: string, severity: Severity = 'error', touches = true): void {
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
    const day = parseResponseDay(v, this.ctx.date1904);
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
  const key = typeof v === 'number' ? String(v) : normalizeHeader(v);
  return key === '' ? null : key;
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
