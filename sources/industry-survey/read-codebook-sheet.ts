// A vendor codebook sheet in long format: a question row (設問ID, 設問文, 形式) followed by one row per answer code
// (コード, 選択肢, 区分: 回答 / 無回答 / 非該当). The column headers and the words used are config (codebookSheet).
import { issueOf } from '../../lib/issue-catalog.ts';
import type { Issue } from '../../lib/issues.ts';
import { parseLooseNumber } from '../../lib/parse-number.ts';
import type { XlsxRow } from '../xlsx/xlsx-row.ts';
import type { Codebook, CodebookQuestion } from './codebook.ts';
import { columnLetter } from '../xlsx/column-letter.ts';
import type { IndustrySurveyConfig, QuestionType } from './industry-survey-config.ts';
import { normalizeHeader } from '../../lib/normalize-header.ts';

type Layout = IndustrySurveyConfig['codebookSheet'];
type Role = 'answer' | 'noAnswer' | 'notApplicable';

export interface CodebookSheetInput {
  rows: readonly XlsxRow[];
  layout: Layout;
  /** Non-response codes of choice questions that list none of their own. */
  defaultNonResponse: IndustrySurveyConfig['nonResponse'];
  instrument: string;
  fiscalYear: number;
  file: string;
  sheet: string;
}

export function readCodebookSheet(input: CodebookSheetInput): { codebook: Codebook | undefined; issues: Issue[] } {
  const { rows, layout, file, sheet } = input;
  const issues: Issue[] = [];
  const problem = (message: string, row?: number, column?: number, raw?: unknown) =>
    issues.push(
      issueOf(
        'industry-survey-codebook-invalid',
        { problem: message },
        { file, sheet, row, column: column === undefined ? undefined : columnLetter(column) },
        raw,
      ),
    );

  const header = rows.find((r) => r.rowNumber === layout.headerRow);
  const col = new Map<keyof Layout['columns'], number>();
  if (header) {
    const names = header.cells.map(normalizeHeader);
    for (const [key, label] of Object.entries(layout.columns) as [keyof Layout['columns'], string][]) {
      const at = names.indexOf(normalizeHeader(label));
      if (at >= 0) col.set(key, at);
    }
  }
  const required: (keyof Layout['columns'])[] = ['id', 'text', 'type', 'code', 'label'];
  const missing = required.filter((k) => !col.has(k));
  if (!header || missing.length > 0) {
    problem(
      `${layout.headerRow}行目に見出し「${missing.map((k) => layout.columns[k]).join('」「')}」がありません。設定 codebookSheet.columns の見出しと、シートの${layout.headerRow}行目を確かめてください`,
      layout.headerRow,
    );
    return { codebook: undefined, issues };
  }

  const typeOf = wordLookup(layout.typeWords as Record<QuestionType, string[]>);
  const roleOf = wordLookup(layout.roleWords as Record<Role, string[]>);
  const cell = (row: XlsxRow, key: keyof Layout['columns']) => {
    const at = col.get(key);
    return at === undefined ? null : (row.cells[at] ?? null);
  };

  interface Draft extends CodebookQuestion {
    row: number;
    explicitNonResponse: boolean;
  }
  const questions: Draft[] = [];
  const seen = new Map<string, number>();
  let current: Draft | undefined;
  for (const row of rows) {
    if (row.rowNumber <= layout.headerRow) continue;
    const id = normalizeHeader(cell(row, 'id'));
    if (id !== '') {
      current = undefined;
      const typeWord = normalizeHeader(cell(row, 'type'));
      const type = typeOf.get(typeWord.toUpperCase());
      // Wording and labels are kept as written (messages quote them); matching normalizes both sides.
      const text = plainText(cell(row, 'text'));
      if (seen.has(id)) {
        problem(`設問ID「${id}」が${seen.get(id)}行目と重複しています。どちらかの設問IDを直してください`, row.rowNumber, col.get('id'), id);
        continue;
      }
      seen.set(id, row.rowNumber);
      if (!type) {
        problem(
          `設問「${id}」の形式「${typeWord}」が分かりません。${describeWords(layout.typeWords)} のいずれかにしてください`,
          row.rowNumber,
          col.get('type'),
          typeWord,
        );
        continue;
      }
      if (text === '') problem(`設問「${id}」の設問文が空です`, row.rowNumber, col.get('text'));
      current = { id, textJa: text || id, type, answers: [], nonResponse: [], row: row.rowNumber, explicitNonResponse: false };
      const min = numberCell(cell(row, 'min'));
      const max = numberCell(cell(row, 'max'));
      if (min !== undefined) current.min = min;
      if (max !== undefined) current.max = max;
      questions.push(current);
    }
    const rawCode = cell(row, 'code');
    if (rawCode === null || normalizeHeader(rawCode) === '') continue;
    if (!current) {
      if (id === '') problem('どの設問にも属さない回答コードの行です。設問の行の下に置いてください', row.rowNumber, col.get('code'), rawCode);
      continue;
    }
    const code = parseLooseNumber(normalizeHeader(rawCode));
    if (code === null || !Number.isInteger(code)) {
      problem(`設問「${current.id}」の回答コード「${String(rawCode)}」が整数ではありません`, row.rowNumber, col.get('code'), rawCode);
      continue;
    }
    const label = plainText(cell(row, 'label'));
    const roleWord = normalizeHeader(cell(row, 'role'));
    const role: Role | undefined = roleWord === '' ? 'answer' : roleOf.get(roleWord.toUpperCase());
    if (!role) {
      problem(
        `設問「${current.id}」のコード ${code} の区分「${roleWord}」が分かりません。${describeWords(layout.roleWords)} のいずれかにしてください`,
        row.rowNumber,
        col.get('role'),
        roleWord,
      );
      continue;
    }
    if ([...current.answers, ...current.nonResponse].some((a) => a.code === code)) {
      problem(`設問「${current.id}」で回答コード ${code} が重複しています`, row.rowNumber, col.get('code'), code);
      continue;
    }
    if (role === 'answer') current.answers.push({ code, labelJa: label || String(code) });
    else {
      current.nonResponse.push({ code, kind: role, labelJa: label || (role === 'noAnswer' ? '無回答' : '非該当') });
      current.explicitNonResponse = true;
    }
  }

  const codebook: CodebookQuestion[] = [];
  for (const q of questions) {
    const choice = q.type === 'single' || q.type === 'multi';
    if (choice && q.answers.length === 0) {
      problem(`選択式の設問「${q.id}」に回答コードがありません。コードと選択肢の行を設問の下に書いてください`, q.row, col.get('code'));
      continue;
    }
    const { row: _row, explicitNonResponse, ...question } = q;
    if (!explicitNonResponse && choice) question.nonResponse = [...input.defaultNonResponse];
    codebook.push(question);
  }
  if (codebook.length === 0 && issues.length === 0) problem('設問が1つもありません', layout.headerRow + 1);
  return {
    codebook: { instrument: input.instrument, fiscalYear: input.fiscalYear, sourceJa: `${file} シート「${sheet}」`, questions: codebook },
    issues,
  };
}

function wordLookup<K extends string>(words: Record<K, string[]>): Map<string, K> {
  const lookup = new Map<string, K>();
  for (const [key, list] of Object.entries(words) as [K, string[]][]) for (const w of list) lookup.set(normalizeHeader(w).toUpperCase(), key);
  return lookup;
}

function describeWords(words: Record<string, string[]>): string {
  return Object.values(words)
    .map((list) => `「${list[0]}」`)
    .join('');
}

function plainText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).replace(/\s+/g, ' ').trim();
}

function numberCell(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return parseLooseNumber(value) ?? undefined;
}
