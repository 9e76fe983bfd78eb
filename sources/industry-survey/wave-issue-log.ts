// The issues of one respondent file as its cells are checked: a bad cell's issue (the first maxCellIssues per column
// and kind, then one line with how many more), and the questions whose answers it makes unusable ("touched"), so the
// estimates using them are withheld and the others still come out. Wording: lib/issue-catalog/industry-survey.ts.
import { issueMessageJa, issueOf } from '../../lib/issue-catalog.ts';
import type { Issue, IssueLocation } from '../../lib/issues.ts';
import type { CodebookQuestion } from './codebook.ts';
import { columnLetter } from '../xlsx/column-letter.ts';

/** A problem in one answer cell: its code and what its message needs besides the question and the effect. */
export type CellProblem =
  | { code: 'industry-survey-unknown-code'; variant: 'code'; answer: string; codes: string }
  | { code: 'industry-survey-unknown-code'; variant: 'option'; option: number }
  | { code: 'industry-survey-multiple-answers' }
  | { code: 'industry-survey-contradictory-answer'; variant: 'cell' | 'columns' }
  | { code: 'industry-survey-not-a-number' }
  | { code: 'industry-survey-out-of-range'; value: number; min: number | string; max: number | string }
  | { code: 'industry-survey-bad-date' }
  | { code: 'industry-survey-mojibake' };

export interface WaveIssueLogContext {
  file: string;
  sheet?: string;
  /** Published figures using each question (measure names), for the messages. */
  usedBy: ReadonlyMap<string, readonly string[]>;
  maxCellIssues: number;
}

export class WaveIssueLog {
  readonly issues: Issue[] = [];
  /** Problems that make a question's answers unusable: question id → issue code → count. */
  readonly touched = new Map<string, Map<string, number>>();
  /** Per column and code: how many cells had the problem, and the first one's issue. */
  private readonly perColumn = new Map<string, { count: number; code: CellProblem['code']; first: Issue }>();

  constructor(private readonly ctx: WaveIssueLogContext) {}

  /** Where a row's (and a column's) problem is. */
  at(row?: number, column?: number): IssueLocation {
    return { file: this.ctx.file, sheet: this.ctx.sheet, row, column: column === undefined ? undefined : columnLetter(column) };
  }

  /** A problem in one cell: an issue (the first few per column and kind), and the question's answers are touched. */
  cell(problem: CellProblem, question: CodebookQuestion, column: number, row: number, raw: unknown, touches = true): void {
    if (touches) this.touch(question.id, problem.code);
    const key = `${problem.code}\u0000${column}`;
    const entry = this.perColumn.get(key);
    if (entry) {
      entry.count += 1;
      if (entry.count <= this.ctx.maxCellIssues) this.issues.push(this.cellIssue(problem, question, touches, this.at(row, column), raw));
      return;
    }
    const first = this.cellIssue(problem, question, touches, this.at(row, column), raw);
    this.perColumn.set(key, { count: 1, code: problem.code, first });
    if (this.ctx.maxCellIssues >= 1) this.issues.push(first);
  }

  touch(id: string, code: string): void {
    let codes = this.touched.get(id);
    if (!codes) this.touched.set(id, (codes = new Map()));
    codes.set(code, (codes.get(code) ?? 0) + 1);
  }

  /** After the last row: one line per column and kind for the cells past maxCellIssues. */
  addSummaries(): void {
    const shown = this.ctx.maxCellIssues;
    for (const { count, code, first } of this.perColumn.values()) {
      if (count <= shown) continue;
      this.issues.push({
        code: first.code,
        severity: first.severity,
        message: issueMessageJa(code, { variant: 'more', more: count - shown, shown }),
        location: { ...first.location, row: undefined },
      });
    }
  }

  private cellIssue(p: CellProblem, q: CodebookQuestion, touches: boolean, at: IssueLocation, raw: unknown): Issue {
    const question = `${q.id} ${q.textJa}`;
    const effect = touches ? effectOf(this.ctx.usedBy.get(q.id) ?? []) : '';
    const shown = String(raw);
    switch (p.code) {
      case 'industry-survey-unknown-code':
        return p.variant === 'code'
          ? issueOf(p.code, { variant: 'code', question, raw: p.answer, codes: p.codes, effect }, at, raw)
          : issueOf(p.code, { variant: 'option', question, option: p.option, raw: shown, effect }, at, raw);
      case 'industry-survey-multiple-answers':
        return issueOf(p.code, { variant: 'cell', question, raw: shown, effect }, at, raw);
      case 'industry-survey-contradictory-answer':
        return issueOf(p.code, { variant: p.variant, question, effect }, at, raw);
      case 'industry-survey-not-a-number':
        return issueOf(p.code, { variant: 'cell', question, raw: shown, effect }, at, raw);
      case 'industry-survey-out-of-range':
        return issueOf(p.code, { variant: 'cell', question, value: p.value, min: p.min, max: p.max, effect }, at, raw);
      case 'industry-survey-bad-date':
        return issueOf(p.code, { variant: 'answer', question, raw: shown, effect }, at, raw);
      case 'industry-survey-mojibake':
        return issueOf(p.code, { variant: 'cell', question, effect }, at, raw, 'warning');
    }
  }
}

/** What a problem in the question's answers does to the published figures (the last sentence of the message). */
function effectOf(usedBy: readonly string[]): string {
  return usedBy.length > 0 ? `この設問を使う公表値（${usedBy.join('、')}）は、直したファイルが届くまで出しません。` : 'この設問は公表値には使っていません。';
}
