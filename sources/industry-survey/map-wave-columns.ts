// Which column of a vendor file holds which question: by the header templates in config (question id, wording,
// "id wording", option columns of a multi-select question) and the explicit header map. Every header the
// codebook cannot place and every codebook question the file lacks becomes an issue.
import { issueOf } from '../../lib/issue-catalog.ts';
import type { Issue } from '../../lib/issues.ts';
import type { Codebook, CodebookQuestion } from './codebook.ts';
import { columnLetter } from '../xlsx/column-letter.ts';
import type { Instrument } from './industry-survey-config.ts';
import { normalizeHeader } from '../../lib/normalize-header.ts';

export interface QuestionColumns {
  question: CodebookQuestion;
  /** The one column of a single, number, text or date question, or of a multi-select answer written as "1;3;5". */
  column?: number;
  /** A multi-select question as 0/1 columns: answer code → column. */
  options?: Map<number, number>;
}

export interface ColumnPlan {
  respondentId: number | undefined;
  weight: number | undefined;
  responseDate: number | undefined;
  questions: QuestionColumns[];
  /** Column problems that make a question's answers unusable: question id → issue codes. */
  touched: Map<string, string[]>;
  issues: Issue[];
}

export interface MapColumnsInput {
  header: readonly unknown[];
  headerRow: number;
  codebook: Codebook;
  instrument: Instrument;
  /** Questions that published figures or breakdowns use (their problems are errors, others warnings). */
  used: ReadonlySet<string>;
  file: string;
  sheet?: string;
}

type Target = { question: CodebookQuestion; option?: number };

export function mapWaveColumns(input: MapColumnsInput): ColumnPlan {
  const { codebook, instrument, used, file, sheet, headerRow } = input;
  const issues: Issue[] = [];
  const touched = new Map<string, string[]>();
  const touch = (id: string, code: string) => touched.set(id, [...(touched.get(id) ?? []), code]);
  const at = (column?: number) => ({ file, sheet, row: headerRow, column: column === undefined ? undefined : columnLetter(column) });
  const byId = new Map(codebook.questions.map((q) => [q.id, q]));

  const targets = new Map<string, Target>();
  const add = (header: string, target: Target) => {
    const key = normalizeHeader(header);
    if (key !== '' && !targets.has(key)) targets.set(key, target);
  };
  for (const [header, to] of Object.entries(instrument.columns)) {
    const id = typeof to === 'string' ? to : to.question;
    const question = byId.get(id);
    if (question) add(header, typeof to === 'string' ? { question } : { question, option: to.option });
  }
  for (const q of codebook.questions) {
    for (const t of instrument.questionHeaders) add(fill(t, q), { question: q });
    if (q.type !== 'multi') continue;
    for (const a of [...q.answers, ...q.nonResponse]) for (const t of instrument.optionHeaders) add(fill(t, q, a), { question: q, option: a.code });
  }
  const system = new Map<string, 'respondentId' | 'weight' | 'responseDate'>([[normalizeHeader(instrument.respondentId), 'respondentId']]);
  if (instrument.weight) system.set(normalizeHeader(instrument.weight), 'weight');
  if (instrument.responseDate) system.set(normalizeHeader(instrument.responseDate), 'responseDate');
  const ignored = new Set(instrument.ignoreColumns.map(normalizeHeader));

  const plan: ColumnPlan = { respondentId: undefined, weight: undefined, responseDate: undefined, questions: [], touched, issues };
  const found = new Map<string, QuestionColumns>();
  const duplicates = new Set<string>();
  input.header.forEach((raw, column) => {
    const header = normalizeHeader(raw);
    if (header === '' || ignored.has(header)) return;
    const role = system.get(header);
    if (role) {
      if (plan[role] === undefined) plan[role] = column;
      else
        issues.push(
          issueOf(
            'industry-survey-duplicate-column',
            { variant: 'header', header, first: columnLetter(plan[role]!), second: columnLetter(column) },
            at(column),
            header,
          ),
        );
      return;
    }
    const target = targets.get(header);
    if (!target) {
      issues.push(issueOf('industry-survey-unknown-column', { header, codebook: codebook.sourceJa, instrument: instrument.id }, at(column), header));
      return;
    }
    const q = target.question;
    const entry = found.get(q.id) ?? { question: q };
    found.set(q.id, entry);
    const clash = target.option === undefined ? entry.column : entry.options?.get(target.option);
    if (clash !== undefined) {
      duplicates.add(q.id);
      issues.push(
        issueOf(
          'industry-survey-duplicate-column',
          {
            variant: 'question',
            question: q.id,
            option: target.option === undefined ? '' : `の選択肢 ${target.option} `,
            first: columnLetter(clash),
            second: columnLetter(column),
          },
          at(column),
          header,
        ),
      );
      touch(q.id, 'industry-survey-duplicate-column');
      return;
    }
    if (target.option === undefined) entry.column = column;
    else (entry.options ??= new Map()).set(target.option, column);
  });

  if (plan.respondentId === undefined) {
    issues.push(issueOf('industry-survey-missing-id-column', { column: instrument.respondentId, headerRow }, at()));
  }

  for (const q of codebook.questions) {
    const entry = found.get(q.id);
    const severity = used.has(q.id) ? 'error' : 'warning';
    const effect = used.has(q.id) ? 'この設問を使う公表値は出しません' : 'この設問は公表値には使っていません';
    if (!entry) {
      issues.push(
        issueOf(
          'industry-survey-missing-column',
          { variant: 'question', codebook: codebook.sourceJa, question: `${q.id} ${q.textJa}`, effect },
          at(),
          q.id,
          severity,
        ),
      );
      touch(q.id, 'industry-survey-missing-column');
      continue;
    }
    if (q.type === 'multi' && entry.options) {
      if (entry.column !== undefined) {
        issues.push(
          issueOf('industry-survey-duplicate-column', { variant: 'mixed', question: q.id, column: columnLetter(entry.column), effect }, at(entry.column), q.id),
        );
        touch(q.id, 'industry-survey-duplicate-column');
      }
      const lacking = q.answers.filter((a) => !entry.options!.has(a.code));
      if (lacking.length > 0) {
        issues.push(
          issueOf(
            'industry-survey-missing-column',
            {
              variant: 'options',
              question: q.id,
              options: lacking.map((a) => `${a.code}（${a.labelJa}）`).join('、'),
              effect,
              example: fill(instrument.optionHeaders[0]!, q, lacking[0]!),
            },
            at(),
            q.id,
            severity,
          ),
        );
        touch(q.id, 'industry-survey-missing-column');
      }
    } else if (q.type !== 'multi' && entry.options) {
      issues.push(issueOf('industry-survey-duplicate-column', { variant: 'optionsOfSingle', question: q.id }, at(), q.id));
      touch(q.id, 'industry-survey-duplicate-column');
    }
    if (!duplicates.has(q.id)) plan.questions.push(entry);
  }
  return plan;
}

function fill(template: string, q: CodebookQuestion, answer?: { code: number; labelJa: string }): string {
  return template
    .replaceAll('{id}', q.id)
    .replaceAll('{text}', q.textJa)
    .replaceAll('{code}', answer ? String(answer.code) : '{code}')
    .replaceAll('{label}', answer ? answer.labelJa : '{label}');
}
