// A wave's codebook: for one instrument and fiscal year, every question with its type, answer codes and
// non-response codes. It comes from a codebook sheet (read-codebook-sheet.ts) or from config (codebook-from-config.ts).
import type { Answer, NonResponseCode, QuestionType } from './industry-survey-config.ts';

export interface CodebookQuestion {
  id: string;
  textJa: string;
  type: QuestionType;
  /** Substantive answers (single and multi-select questions). */
  answers: Answer[];
  nonResponse: NonResponseCode[];
  min?: number;
  max?: number;
}

export interface Codebook {
  instrument: string;
  fiscalYear: number;
  /** Where it was read from, for messages and lineage (config, or file and sheet). */
  sourceJa: string;
  questions: CodebookQuestion[];
}

/** The role of an answer code in a question. */
export type CodeRole = 'answer' | 'noAnswer' | 'notApplicable';

export function codeRoles(question: CodebookQuestion): Map<number, CodeRole> {
  const roles = new Map<number, CodeRole>();
  for (const a of question.answers) roles.set(a.code, 'answer');
  for (const n of question.nonResponse) roles.set(n.code, n.kind);
  return roles;
}
