// How a measure's binding finds its question in a codebook (by id, else by wording, after NFKC and spacing are
// normalised) and its counted answers (codes, or labels as written) — shared by the survey reader and the estimates.
import type { Codebook, CodebookQuestion } from '../sources/industry-survey/codebook.ts';
import type { SurveyBinding } from '../sources/industry-survey/resolve-survey-bindings.ts';
import { normalizeHeader } from './normalize-header.ts';

/** The codebook question a binding means in one instrument: by id, else by wording. */
export function findQuestion(codebook: Codebook, reference: string): CodebookQuestion | undefined {
  const wanted = normalizeHeader(reference);
  return codebook.questions.find((q) => normalizeHeader(q.id) === wanted) ?? codebook.questions.find((q) => normalizeHeader(q.textJa) === wanted);
}

/** Question reference of a binding in an instrument, or undefined when the binding does not ask that instrument. */
export function referenceIn(binding: SurveyBinding, instrument: string): string | undefined {
  return binding.questions.size === 0 ? binding.question : binding.questions.get(instrument);
}

/** Counted answers → codes of the question; labels are matched as written in the codebook. */
export function countedCodes(question: CodebookQuestion, counted: readonly (string | number)[]): { codes: Set<number>; unknown: string[] } {
  const codes = new Set<number>();
  const unknown: string[] = [];
  for (const c of counted) {
    const found =
      typeof c === 'number' ? question.answers.find((a) => a.code === c) : question.answers.find((a) => normalizeHeader(a.labelJa) === normalizeHeader(c));
    if (found) codes.add(found.code);
    else unknown.push(String(c));
  }
  return { codes, unknown };
}
